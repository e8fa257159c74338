package progress

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// xAPI versions Osteon writes, best first.
const (
	XAPI20  = "2.0.0"
	XAPI103 = "1.0.3"
)

// ChooseVersion picks the highest version Osteon speaks among those an
// LRS lists in /about: 2.0.0, else 1.0.3 (any 1.0.x LRS accepts 1.0.3
// statements, which is what Osteon's are without 2.0 extras).
func ChooseVersion(offered []string) (string, error) {
	best := ""
	for _, v := range offered {
		switch {
		case strings.HasPrefix(v, "2.0."):
			return XAPI20, nil
		case strings.HasPrefix(v, "1.0."):
			best = XAPI103
		}
	}
	if best == "" {
		return "", fmt.Errorf("progress: the LRS speaks xAPI %v; Osteon speaks %s and %s", offered, XAPI20, XAPI103)
	}
	return best, nil
}

// Negotiate reads the LRS's /about and chooses the version to speak.
func (s *Sender) Negotiate(ctx context.Context) (string, error) {
	s.init()
	var about struct {
		Version []string `json:"version"`
	}
	body, err := s.do(ctx, http.MethodGet, "about", "", nil)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(body, &about); err != nil {
		return "", &LRSError{Status: 200, Message: fmt.Sprintf("/about is not xAPI JSON: %v", err)}
	}
	return ChooseVersion(about.Version)
}

// Test checks the endpoint, the version and the credentials: it reads
// /about, then asks for one statement, which needs valid credentials.
func (s *Sender) Test(ctx context.Context) (string, error) {
	v, err := s.Negotiate(ctx)
	if err != nil {
		return "", err
	}
	s.version = v
	_, err = s.do(ctx, http.MethodGet, "statements?limit=1", v, nil)
	return v, err
}

// post sends a batch as one JSON array. An LRS answers 409 when it holds
// a statement with one of the ids and other content (a name changed since
// it was first sent): the statements then go one at a time, and a 409 for
// one of them means the LRS already has it, which counts as delivered.
func (s *Sender) post(ctx context.Context, batch []queued) error {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, q := range batch {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(q.body)
	}
	buf.WriteByte(']')
	_, err := s.do(ctx, http.MethodPost, "statements", s.version, buf.Bytes())
	if le, ok := err.(*LRSError); ok && le.Status == http.StatusConflict {
		for _, q := range batch {
			_, err := s.do(ctx, http.MethodPut, "statements?statementId="+url.QueryEscape(q.sid), s.version, []byte(q.body))
			if le, ok := err.(*LRSError); err != nil && !(ok && le.Status == http.StatusConflict) {
				return err
			}
		}
		return nil
	}
	return err
}

// do makes one request. Network errors and 5xx are errTransient; any
// other status outside 2xx is an *LRSError with the LRS's message.
func (s *Sender) do(ctx context.Context, method, path, version string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, s.Config.Endpoint+path, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("progress: LRS request: %w", err)
	}
	if version != "" {
		req.Header.Set("X-Experience-API-Version", version)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.SetBasicAuth(s.Config.User, s.Config.Password)
	resp, err := s.Client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, transient("%s %s: %v", method, redact(s.Config.Endpoint+path), unwrapURL(err))
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	switch {
	case err != nil:
		return nil, transient("%s %s: %v", method, redact(s.Config.Endpoint+path), err)
	case resp.StatusCode >= 500:
		return nil, transient("%s %s: %s: %s", method, redact(s.Config.Endpoint+path), resp.Status, lrsMessage(b))
	case resp.StatusCode >= 300:
		return nil, &LRSError{Status: resp.StatusCode, Message: lrsMessage(b)}
	}
	return b, nil
}

// lrsMessage is the message of an LRS error body: Learning Locker sends
// {"message": ...} or {"warnings": [...]}; others send text.
func lrsMessage(b []byte) string {
	var e struct {
		Message  string            `json:"message"`
		Warnings []json.RawMessage `json:"warnings"`
	}
	if json.Unmarshal(b, &e) == nil {
		if e.Message != "" {
			return e.Message
		}
		if len(e.Warnings) > 0 {
			var ws []string
			for _, w := range e.Warnings {
				var str string
				if json.Unmarshal(w, &str) != nil {
					str = string(w)
				}
				ws = append(ws, str)
			}
			return strings.Join(ws, "; ")
		}
	}
	msg := strings.TrimSpace(string(b))
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	if msg == "" {
		msg = "(no message)"
	}
	return msg
}

// redact drops any user information from a URL for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(endpoint)"
	}
	u.User = nil
	return u.String()
}

// unwrapURL drops *url.Error's repetition of the method and URL.
func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
