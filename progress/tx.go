package progress

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"time"
)

// hotQueries are the statements of RecordAttempt and RecordDrillRun. They
// are prepared once on the writer connection at Open: SQLite's parser was
// 40 % of RecordAttempt's CPU time when each call prepared them afresh.
var hotQueries = []string{
	qLearnerExists, qSessionOwner, qLoadCard, qSaveCard, qLoadMastery, qSaveMastery, qInsertAttempt,
	qStatsGet, qStatsSet, qTouchLearner, qMilestoneKeys, qMilestoneAdd, qDrillBest, qInsertDrill,
	qOutboxOn, qWho, qOutboxAdd, qActivitySet,
}

// prepareHot prepares hotQueries while no transaction holds the writer (a
// DB-level prepare waits for a free connection, and there is only one).
func (s *Store) prepareHot(ctx context.Context) error {
	s.stmts = make(map[string]*sql.Stmt, len(hotQueries))
	for _, q := range hotQueries {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("progress: prepare: %w", err)
		}
		s.stmts[q] = st
	}
	return nil
}

// wtx is a write transaction. Its ExecContext, QueryContext and
// QueryRowContext use the prepared statement for a hot query and fall
// back to the plain transaction otherwise; one-off or multi-statement SQL
// should call the embedded *sql.Tx directly.
type wtx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

func (t *wtx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.stmts[q]; st != nil {
		return t.Tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t *wtx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.stmts[q]; st != nil {
		return t.Tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t *wtx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.stmts[q]; st != nil {
		return t.Tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// tx runs fn in one BEGIN IMMEDIATE transaction on the writer and commits
// it. While another process holds the write lock the whole transaction is
// retried, for up to writeWait or until ctx ends, so fn must only write to
// its own results. When tx returns nil the transaction is durable.
func (s *Store) tx(ctx context.Context, fn func(*wtx) error) error {
	deadline := time.Now().Add(writeWait)
	for {
		err := s.tx1(ctx, fn)
		if !isBusy(err) {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("database locked by another process for %v: %w", writeWait, err)
		}
		t := time.NewTimer(time.Duration(500+rand.IntN(1000)) * time.Microsecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

func (s *Store) tx1(ctx context.Context, fn func(*wtx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&wtx{Tx: tx, stmts: s.stmts}); err != nil {
		return err
	}
	return tx.Commit()
}
