package progress

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// LearnerID identifies a learner in this database.
type LearnerID int64

// Learner is a profile. It never carries the PIN hash.
type Learner struct {
	ID   LearnerID
	Name string
	// HasPIN: SignIn asks for a PIN.
	HasPIN bool
	// Pseudonym identifies the learner in exports unless UseNameInExports.
	Pseudonym        string
	UseNameInExports bool
	// OnLeaderboard: the learner chose to appear on the local leaderboard.
	OnLeaderboard bool
	CreatedAt     time.Time
	LastSeenAt    time.Time
}

const learnerCols = `id, name, pin_hash IS NOT NULL, pseudonym, use_name, leaderboard, created_at, last_seen_at`

func scanLearner(sc interface{ Scan(...any) error }) (Learner, error) {
	var l Learner
	var created, seen int64
	err := sc.Scan(&l.ID, &l.Name, &l.HasPIN, &l.Pseudonym, &l.UseNameInExports, &l.OnLeaderboard, &created, &seen)
	l.CreatedAt, l.LastSeenAt = fromMS(created), fromMS(seen)
	return l, err
}

// cleanName trims a display name and checks it: 1 to 64 characters, no
// control characters.
func cleanName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 64 || !utf8.ValidString(name) {
		return "", invalid("a name has 1 to 64 characters")
	}
	for _, c := range name {
		if unicode.IsControl(c) {
			return "", invalid("a name cannot contain control characters")
		}
	}
	return name, nil
}

// CreateLearner adds a profile. pin may be empty (no PIN) or 4 to 12
// digits. Names are unique, ignoring case.
func (s *Store) CreateLearner(ctx context.Context, name, pin string) (Learner, error) {
	name, err := cleanName(name)
	if err != nil {
		return Learner{}, fmt.Errorf("progress: create learner: %w", err)
	}
	var hash sql.NullString
	if pin != "" {
		if hash.String, err = hashPIN(pin); err != nil {
			return Learner{}, fmt.Errorf("progress: create learner: %w", err)
		}
		hash.Valid = true
	}
	pseudo := make([]byte, 16)
	if _, err := rand.Read(pseudo); err != nil {
		return Learner{}, fmt.Errorf("progress: create learner: %w", err)
	}
	now := ms(s.now())
	var id LearnerID
	err = s.tx(ctx, func(tx *wtx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO learners (name, pin_hash, pseudonym, created_at, last_seen_at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`, name, hash, hex.EncodeToString(pseudo), now, now).Scan(&id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO learner_stats (learner_id) VALUES (?)`, id)
		return err
	})
	if isUnique(err) {
		return Learner{}, fmt.Errorf("progress: create learner %q: %w", name, ErrNameTaken)
	}
	if err != nil {
		return Learner{}, fmt.Errorf("progress: create learner: %w", err)
	}
	return s.Learner(ctx, id)
}

// Learners lists every profile, most recently seen first, for a profile
// picker. It returns no progress data.
func (s *Store) Learners(ctx context.Context) ([]Learner, error) {
	rows, err := s.query(ctx, `SELECT `+learnerCols+` FROM learners ORDER BY last_seen_at DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("progress: list learners: %w", err)
	}
	defer rows.Close()
	var out []Learner
	for rows.Next() {
		l, err := scanLearner(rows)
		if err != nil {
			return nil, fmt.Errorf("progress: list learners: %w", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: list learners: %w", err)
	}
	return out, nil
}

// Learner returns one profile.
func (s *Store) Learner(ctx context.Context, id LearnerID) (Learner, error) {
	l, err := scanLearner(s.queryRow(ctx, `SELECT `+learnerCols+` FROM learners WHERE id = ?`, id))
	if err != nil {
		return Learner{}, fmt.Errorf("progress: learner %d: %w", id, notFound(err))
	}
	return l, nil
}

// LearnerByName returns the profile with this name, ignoring case.
func (s *Store) LearnerByName(ctx context.Context, name string) (Learner, error) {
	l, err := scanLearner(s.queryRow(ctx,
		`SELECT `+learnerCols+` FROM learners WHERE name = ?`, strings.TrimSpace(name)))
	if err != nil {
		return Learner{}, fmt.Errorf("progress: learner %q: %w", name, notFound(err))
	}
	return l, nil
}

// SignIn checks the learner's PIN (ignored when the learner has none),
// records the time and returns the profile. A wrong PIN gives ErrWrongPIN.
// Switching learner is simply signing in as another; nothing restarts.
func (s *Store) SignIn(ctx context.Context, id LearnerID, pin string) (Learner, error) {
	if err := s.verifyPIN(ctx, id, pin); err != nil {
		return Learner{}, fmt.Errorf("progress: sign in: %w", err)
	}
	err := s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `UPDATE learners SET last_seen_at = ? WHERE id = ?`, ms(s.now()), id)
		return err
	})
	if err != nil {
		return Learner{}, fmt.Errorf("progress: sign in: %w", err)
	}
	return s.Learner(ctx, id)
}

func (s *Store) verifyPIN(ctx context.Context, id LearnerID, pin string) error {
	var hash sql.NullString
	if err := s.queryRow(ctx, `SELECT pin_hash FROM learners WHERE id = ?`, id).Scan(&hash); err != nil {
		return fmt.Errorf("learner %d: %w", id, notFound(err))
	}
	if !hash.Valid {
		return nil
	}
	ok, err := pinMatches(hash.String, pin)
	if err != nil {
		return err
	}
	if !ok {
		return ErrWrongPIN
	}
	return nil
}

// SetPIN changes a learner's PIN after checking the current one (ignored
// if none is set). An empty newPIN removes the PIN.
func (s *Store) SetPIN(ctx context.Context, id LearnerID, currentPIN, newPIN string) error {
	if err := s.verifyPIN(ctx, id, currentPIN); err != nil {
		return fmt.Errorf("progress: set PIN: %w", err)
	}
	var hash sql.NullString
	if newPIN != "" {
		h, err := hashPIN(newPIN)
		if err != nil {
			return fmt.Errorf("progress: set PIN: %w", err)
		}
		hash = sql.NullString{String: h, Valid: true}
	}
	return s.updateLearner(ctx, "set PIN", id, `UPDATE learners SET pin_hash = ? WHERE id = ?`, hash, id)
}

// Rename changes a learner's display name.
func (s *Store) Rename(ctx context.Context, id LearnerID, name string) error {
	name, err := cleanName(name)
	if err != nil {
		return fmt.Errorf("progress: rename: %w", err)
	}
	err = s.updateLearner(ctx, "rename", id, `UPDATE learners SET name = ? WHERE id = ?`, name, id)
	if isUnique(err) {
		return fmt.Errorf("progress: rename to %q: %w", name, ErrNameTaken)
	}
	return err
}

// SetLeaderboard opts the learner in to or out of the local leaderboard.
func (s *Store) SetLeaderboard(ctx context.Context, id LearnerID, on bool) error {
	return s.updateLearner(ctx, "set leaderboard", id, `UPDATE learners SET leaderboard = ? WHERE id = ?`, on, id)
}

// SetUseNameInExports chooses whether exports name the learner (true) or
// use the pseudonym (false, the default).
func (s *Store) SetUseNameInExports(ctx context.Context, id LearnerID, on bool) error {
	return s.updateLearner(ctx, "set export name", id, `UPDATE learners SET use_name = ? WHERE id = ?`, on, id)
}

// DeleteLearner removes a profile and all of its data, after checking its
// PIN (ignored if none is set).
func (s *Store) DeleteLearner(ctx context.Context, id LearnerID, pin string) error {
	if err := s.verifyPIN(ctx, id, pin); err != nil {
		return fmt.Errorf("progress: delete learner: %w", err)
	}
	return s.updateLearner(ctx, "delete learner", id, `DELETE FROM learners WHERE id = ?`, id)
}

// updateLearner runs one UPDATE or DELETE of learner id (also among args).
func (s *Store) updateLearner(ctx context.Context, what string, id LearnerID, query string, args ...any) error {
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("learner %d: %w", id, ErrNotFound)
		}
		return nil
	})
	if err != nil && !isUnique(err) {
		return fmt.Errorf("progress: %s: %w", what, err)
	}
	return err
}
