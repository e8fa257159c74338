package progress

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ReadStatements reads back from the LRS every statement Osteon wrote
// (platform "Osteon", learners under XAPIHome) whose timestamp is in
// [from, to), following the LRS's "more" links. A zero from or to leaves
// that end open. The LRS filters by the time it stored a statement, which
// is never before its timestamp, so asking from `from` (less a day for
// clocks that disagree) misses nothing; the timestamp is checked here.
func (s *Sender) ReadStatements(ctx context.Context, from, to time.Time) ([]Statement, error) {
	if s.version == "" {
		v, err := s.Negotiate(ctx)
		if err != nil {
			return nil, err
		}
		s.version = v
	}
	q := url.Values{"limit": {"500"}, "ascending": {"true"}}
	if !from.IsZero() {
		q.Set("since", from.Add(-24*time.Hour).UTC().Format(time.RFC3339Nano))
	}
	next := "statements?" + q.Encode()
	var out []Statement
	for next != "" {
		body, err := s.do(ctx, http.MethodGet, next, s.version, nil)
		if err != nil {
			return nil, fmt.Errorf("progress: read statements: %w", err)
		}
		var page struct {
			Statements []Statement `json:"statements"`
			More       string      `json:"more"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return nil, fmt.Errorf("progress: read statements: the LRS sent no statement list: %w", err)
		}
		for _, st := range page.Statements {
			if ours(st) && inRange(st.Timestamp, from, to) {
				out = append(out, st)
			}
		}
		next, err = s.morePath(page.More)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// morePath turns a "more" IRL (absolute, or relative to the server) into
// a path under the endpoint.
func (s *Sender) morePath(more string) (string, error) {
	if more == "" {
		return "", nil
	}
	base, err := url.Parse(s.Config.Endpoint)
	if err != nil {
		return "", err
	}
	u, err := base.Parse(more)
	if err != nil {
		return "", fmt.Errorf("progress: read statements: bad more link %q", more)
	}
	rel := u.String()
	if !strings.HasPrefix(rel, s.Config.Endpoint) {
		return "", fmt.Errorf("progress: read statements: more link %q leaves %s", more, s.Config.Endpoint)
	}
	return strings.TrimPrefix(rel, s.Config.Endpoint), nil
}

func ours(st Statement) bool {
	return st.Context != nil && st.Context.Platform == "Osteon" && st.Actor.Account.HomePage == XAPIHome
}

func inRange(ts string, from, to time.Time) bool {
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return false
	}
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}
