package lrstest

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestStartAnswersAboutOnLoopbackOnly(t *testing.T) {
	l := Start(t)
	resp, err := http.Get(l.Endpoint + "about")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "1.0.3") {
		t.Errorf("/about = %s", b)
	}
	// Bound to 127.0.0.1, not every address: another local address of
	// this machine is refused.
	for _, a := range localAddrs(t) {
		if c, err := net.Dial("tcp", net.JoinHostPort(a, itoa(l.port))); err == nil {
			c.Close()
			t.Errorf("the LRS answers on %s, not only on 127.0.0.1", a)
		}
	}
	l.Stop()
	if _, err := http.Get(l.Endpoint + "about"); err == nil {
		t.Error("the LRS still answers after Stop")
	}
}

func TestValidateFindsAnInvalidStatement(t *testing.T) {
	need(t)
	ft := &fakeTB{TB: t}
	func() {
		defer func() { recover() }()
		Validate(ft, []byte(`[{"id":"x","actor":{}}]`))
	}()
	if !ft.failed || !strings.Contains(ft.msg, "statement.actor") {
		t.Errorf("Validate of a broken statement: failed=%v %q", ft.failed, ft.msg)
	}
}

type fakeTB struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = true
	f.msg = sprintf(format, args...)
	panic("fatal")
}

func (f *fakeTB) Helper() {}

func localAddrs(t *testing.T) []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range addrs {
		if ip, ok := a.(*net.IPNet); ok && !ip.IP.IsLoopback() && ip.IP.To4() != nil {
			out = append(out, ip.IP.String())
		}
	}
	return out
}
