package progress

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// SendStatus is where sending to the LRS stands, for Settings and
// `osteon lrs status`.
type SendStatus struct {
	Enabled     bool // statements are queued
	Paused      bool // the sender waits
	Stopped     bool // the LRS refused (4xx): the sender waits for a change
	Queued      int
	Sent        int64
	LastSent    time.Time
	LastError   string
	LastErrorAt time.Time
	Version     string // xAPI version agreed with the LRS
}

// SendStatus reads where sending stands.
func (s *Store) SendStatus(ctx context.Context) (SendStatus, error) {
	var st SendStatus
	var lastSent, lastErr sql.NullInt64
	err := s.queryRow(ctx, `SELECT enabled, paused, stopped, sent, last_sent_at, last_error, last_error_at,
		version, (SELECT count(*) FROM outbox) FROM lrs_state WHERE id = 1`).Scan(&st.Enabled, &st.Paused,
		&st.Stopped, &st.Sent, &lastSent, &st.LastError, &lastErr, &st.Version, &st.Queued)
	if err != nil {
		return SendStatus{}, fmt.Errorf("progress: send status: %w", err)
	}
	st.LastSent, st.LastErrorAt = fromNullMS(lastSent), fromNullMS(lastErr)
	return st, nil
}

// sendingHeld reports whether sending is paused or turned off.
func (s *Store) sendingHeld(ctx context.Context) (bool, error) {
	var held bool
	err := s.queryRow(ctx, `SELECT paused = 1 OR enabled = 0 FROM lrs_state WHERE id = 1`).Scan(&held)
	return held, err
}

// queued is one outbox row.
type queued struct {
	id   int64
	sid  string
	body string
}

// outboxBatch reads the oldest n queued statements.
func (s *Store) outboxBatch(ctx context.Context, n int) ([]queued, error) {
	rows, err := s.query(ctx, `SELECT id, statement_id, body FROM outbox ORDER BY id LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []queued
	for rows.Next() {
		var q queued
		if err := rows.Scan(&q.id, &q.sid, &q.body); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// markSent deletes delivered statements from the outbox and counts them.
func (s *Store) markSent(ctx context.Context, batch []queued, version string) error {
	if len(batch) == 0 {
		return nil
	}
	ids := make([]any, len(batch))
	for i, q := range batch {
		ids[i] = q.id
	}
	return s.tx(ctx, func(tx *wtx) error {
		res, err := tx.Tx.ExecContext(ctx, `DELETE FROM outbox WHERE id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, ids...)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		_, err = tx.Tx.ExecContext(ctx, `UPDATE lrs_state SET sent = sent + ?, last_sent_at = ?, version = ?,
			last_error = '', stopped = 0 WHERE id = 1`, n, ms(s.now()), version)
		return err
	})
}

// noteSendError keeps the last error; stop marks a refusal that needs a
// person (bad credentials, a statement the LRS rejects).
func (s *Store) noteSendError(ctx context.Context, msg string, stop bool) error {
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.Tx.ExecContext(ctx, `UPDATE lrs_state SET last_error = ?, last_error_at = ?, stopped = ?
			WHERE id = 1`, msg, ms(s.now()), stop)
		return err
	})
}
