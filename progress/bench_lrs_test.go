package progress

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/osteon/osteon/progress/lrstest"
)

// BenchmarkSendToLRS measures statements delivered per second to the
// local Learning Locker (in memory, on 127.0.0.1) at batch sizes 1, 50
// and 500: each iteration queues fresh statements (untimed) and sends
// them all (timed), outbox deletes included. Each batch size starts on a
// freshly started LRS, since its in-memory store slows as it fills.
func BenchmarkSendToLRS(b *testing.B) {
	l := lrstest.Start(b)
	s := openFast(b)
	fillHistory(b, s, []string{"Ada", "Ben", "Cy"}, 2000)
	ctx := context.Background()
	if _, err := s.EnableSending(ctx); err != nil {
		b.Fatal(err)
	}
	tmpl, err := s.outboxBatch(ctx, 1<<30)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM outbox`); err != nil {
		b.Fatal(err)
	}
	round := 0
	for _, size := range []int{1, 50, 500} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			n := min(len(tmpl), 200*size)
			l.Restart()
			snd := &Sender{Store: s, Config: lrsConfig(l), Batch: size}
			var sent int
			var took time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				round++
				requeue(b, s, tmpl[:n], round)
				b.StartTimer()
				t := time.Now()
				k, err := snd.SendAll(ctx)
				took += time.Since(t)
				if err != nil || k != n {
					b.Fatalf("sent %d of %d: %v", k, n, err)
				}
				sent += k
			}
			b.ReportMetric(float64(sent)/took.Seconds(), "statements/s")
		})
	}
}

// requeue queues copies of statements under new ids.
func requeue(b *testing.B, s *Store, tmpl []queued, round int) {
	ctx := context.Background()
	err := s.tx(ctx, func(tx *wtx) error {
		for k, q := range tmpl {
			id := uuidFor(fmt.Sprintf("bench/%d/%d", round, k))
			if _, err := tx.ExecContext(ctx, qOutboxAdd, id, strings.Replace(q.body, q.sid, id, 1), 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRecordAttemptOutbox times, interleaved in one run on one disk
// with synchronous=FULL: RecordAttempt with sending off, RecordAttempt
// with sending on (each answer's statement queued in its transaction;
// nothing drains the queue, as when the LRS is down), and the bare insert
// of the attempt row. The ratios are the metrics: outbox-p99-ratio and
// outbox-mean-ratio against the bare insert, plain-… for RecordAttempt
// without the outbox, and outbox-vs-plain-mean for the outbox's own cost.
func BenchmarkRecordAttemptOutbox(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	if d := getenvDir("OSTEON_BENCH_DIR"); d != "" {
		dir = d
	}
	stamp := time.Now().UnixNano()
	plain, err := open(ctx, filepath.Join(dir, fmt.Sprintf("plain-%d.db", stamp)), options{synchronous: "FULL"})
	if err != nil {
		b.Fatal(err)
	}
	defer plain.Close()
	withOut, err := open(ctx, filepath.Join(dir, fmt.Sprintf("outbox-%d.db", stamp)), options{synchronous: "FULL"})
	if err != nil {
		b.Fatal(err)
	}
	defer withOut.Close()
	if _, err := withOut.EnableSending(ctx); err != nil {
		b.Fatal(err)
	}
	lp, lo := mustLearner(b, plain, "bench"), mustLearner(b, withOut, "bench")
	st, err := plain.db.PrepareContext(ctx, qBareInsert)
	if err != nil {
		b.Fatal(err)
	}
	plain.stmts[qBareInsert] = st
	var rp, ro, ins []time.Duration
	timeIt := func(d *[]time.Duration, f func() error) {
		t := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		*d = append(*d, time.Since(t))
	}
	i := 0
	for b.Loop() {
		in := benchAttempt(lp.ID, i)
		in.Text = ActivityText{Name: fmt.Sprintf("Find the structure %d", i%1000)} // both keep names
		ino := in
		ino.Learner = lo.ID
		i++
		// Rotate the order so no kind always follows another.
		steps := []func(){
			func() { timeIt(&rp, func() error { _, err := plain.RecordAttempt(ctx, in); return err }) },
			func() { timeIt(&ro, func() error { _, err := withOut.RecordAttempt(ctx, ino); return err }) },
			func() { timeIt(&ins, func() error { return plain.bareInsert(ctx, in) }) },
		}
		for k := range steps {
			steps[(i+k)%3]()
		}
	}
	if q, _ := withOut.SendStatus(ctx); q.Queued < i {
		b.Fatalf("outbox holds %d statements after %d answers", q.Queued, i)
	}
	b.ReportMetric(float64(p99(ro))/float64(p99(ins)), "outbox-p99-ratio")
	b.ReportMetric(float64(mean(ro))/float64(mean(ins)), "outbox-mean-ratio")
	b.ReportMetric(float64(p99(rp))/float64(p99(ins)), "plain-p99-ratio")
	b.ReportMetric(float64(mean(rp))/float64(mean(ins)), "plain-mean-ratio")
	b.ReportMetric(float64(mean(ro))/float64(mean(rp)), "outbox-vs-plain-mean")
	b.ReportMetric(float64(p99(ro))/float64(p99(rp)), "outbox-vs-plain-p99")
	b.ReportMetric(ms64(p99(ins)), "bare-p99-ms")
}
