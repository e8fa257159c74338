package progress

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
)

// BenchmarkRecordAttempt times RecordAttempt (attempt, FSRS state, three
// mastery rows, totals, streak, milestones: one transaction) against a bare
// INSERT of the same attempt row in its own transaction, interleaved in
// the same run on the same file so that disk and CPU noise hit both alike.
// It reports attempts/s and p99 latency for each and their ratio, for
// synchronous=FULL (what Open uses) and NORMAL (for comparison only: not
// durable across power loss).
//
// Set OSTEON_BENCH_DIR to put the file on another disk than os.TempDir.
func BenchmarkRecordAttempt(b *testing.B) {
	for _, sync := range []string{"FULL", "NORMAL"} {
		b.Run("sync="+sync, func(b *testing.B) {
			benchRecord(b, sync)
		})
	}
}

func benchRecord(b *testing.B, sync string) {
	ctx := context.Background()
	dir := b.TempDir()
	if d := getenvDir("OSTEON_BENCH_DIR"); d != "" {
		dir = d
	}
	s, err := open(ctx, filepath.Join(dir, fmt.Sprintf("bench-%d.db", time.Now().UnixNano())), options{synchronous: sync})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l := mustLearner(b, s, "bench")
	// The reference gets a prepared statement too, as RecordAttempt's have.
	st, err := s.db.PrepareContext(ctx, qBareInsert)
	if err != nil {
		b.Fatal(err)
	}
	s.stmts[qBareInsert] = st
	var rec, ins []time.Duration
	i := 0
	for b.Loop() {
		in := benchAttempt(l.ID, i)
		i++
		t := time.Now()
		if _, err := s.RecordAttempt(ctx, in); err != nil {
			b.Fatal(err)
		}
		rec = append(rec, time.Since(t))
		t = time.Now()
		if err := s.bareInsert(ctx, in); err != nil {
			b.Fatal(err)
		}
		ins = append(ins, time.Since(t))
	}
	mr, mi := mean(rec), mean(ins)
	b.ReportMetric(float64(time.Second)/float64(mr), "attempts/s")
	b.ReportMetric(ms64(p99(rec)), "p99-ms")
	b.ReportMetric(float64(time.Second)/float64(mi), "bare-inserts/s")
	b.ReportMetric(ms64(p99(ins)), "bare-p99-ms")
	b.ReportMetric(float64(mr)/float64(mi), "time-ratio")
}

func benchAttempt(l LearnerID, i int) AttemptInput {
	n := i % 1000
	return AttemptInput{Learner: l, Item: learning.ItemID(fmt.Sprintf("find:FMA:%d", 20000+n)),
		PackID: "core", PackVersion: "1.0.0", Correct: i%4 != 0, Response: time.Duration(1500+i%3000) * time.Millisecond,
		Skills: []learning.SkillID{learning.SkillID(fmt.Sprintf("structure:FMA:%d", 20000+n)),
			learning.SkillID(fmt.Sprintf("region:r%d", n%40)), learning.SkillID(fmt.Sprintf("system:s%d", n%12))},
		Detail: []byte(`{"clicked":"FMA:20001","distance_px":12.5}`)}
}

const qBareInsert = `INSERT INTO attempts (learner_id, item_id, item_kind, pack_id,
	pack_version, grade, correct, score, response_ms, at, points, skills, detail)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// bareInsert is the reference: the same attempt row, alone, in one
// transaction through the same writer.
func (s *Store) bareInsert(ctx context.Context, in AttemptInput) error {
	row, err := normalize(in)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, qBareInsert, in.Learner, in.Item, row.kind, in.PackID,
			in.PackVersion, row.in.Grade, in.Correct, row.in.Score, in.Response.Milliseconds(),
			ms(s.now()), 10, row.skills, row.detail)
		return err
	})
}

func mean(ds []time.Duration) time.Duration {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(max(1, len(ds)))
}

func p99(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*99/100)]
}

func ms64(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
