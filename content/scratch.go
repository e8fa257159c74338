package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
)

// maxScratch is the largest file read into a reused buffer; bigger files get their own.
const maxScratch = 64 << 20

// scratchPool holds file buffers (*[]byte) for parses that copy out everything they keep.
// Memory that was used before costs no page faults to fill again, where a new buffer for every
// file does; and the file's bytes that no mesh needs (16-bit indices, JSON) are not kept.
var scratchPool sync.Pool

// readScratch reads the file into a reused buffer. Call release once nothing refers to data any
// more. A file that is not a plain file or is too big for a reused buffer is read by own into its
// own buffer instead: then pooled is false and release does nothing. A file that grows past
// limit bytes while it is read is refused.
func readScratch(fsys fs.FS, name string, limit int64, own func() ([]byte, error)) (data []byte, release func(), pooled bool, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() >= maxScratch {
		data, err = own()
		return data, func() {}, false, err
	}
	bp, _ := scratchPool.Get().(*[]byte)
	if bp == nil || int64(cap(*bp)) < st.Size()+1 {
		b := make([]byte, 0, st.Size()+1) // one more byte to see the end (or growth)
		bp = &b
	}
	buf := (*bp)[:0]
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			scratchPool.Put(bp)
			return nil, nil, false, err
		}
		if int64(len(buf)) > limit {
			scratchPool.Put(bp)
			return nil, nil, false, fmt.Errorf("file is larger than %d bytes", limit)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew while read
		}
	}
	if cap(buf) <= maxScratch {
		*bp = buf[:0]
	}
	return buf, func() { scratchPool.Put(bp) }, true, nil
}
