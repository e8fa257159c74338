package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeBin makes dir hold scripts named after commands, each running body.
func fakeBin(t *testing.T, dir string, cmds map[string]string) {
	t.Helper()
	for name, body := range cmds {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSetupWithoutSudo runs scripts/setup as a user who is not root, on a
// system missing packages and without sudo: it must say what to run as
// root instead of failing with "sudo: command not found".
func TestSetupWithoutSudo(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin := t.TempDir()
	grep, err := exec.LookPath("grep")
	if err != nil {
		t.Skip("no grep")
	}
	fakeBin(t, bin, map[string]string{
		"id":         `echo 1000`,
		"dpkg-query": `exit 1`,
		"apt-get":    `echo "apt-get must not run" >&2; exit 3`,
		"grep":       `exec ` + grep + ` "$@"`,
	})
	cmd := exec.Command(bash, "scripts/setup")
	cmd.Env = []string{"PATH=" + bin, "HOME=" + t.TempDir()}
	out, err := cmd.CombinedOutput()
	code := cmd.ProcessState.ExitCode()
	text := string(out)
	if code != 1 {
		t.Errorf("exit code %d (%v), want 1:\n%s", code, err, text)
	}
	for _, want := range []string{"sudo is not installed", "As root", "apt-get update && apt-get install -y --no-install-recommends gcc", "xvfb"} {
		if !strings.Contains(text, want) {
			t.Errorf("setup without sudo does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "command not found") || strings.Contains(text, "must not run") {
		t.Errorf("setup ran a command it should not have:\n%s", text)
	}
}

// TestScriptsSayTheFirstBuildIsSlow: scripts/test and scripts/run both
// warn, before building, that the first build takes minutes.
func TestScriptsSayTheFirstBuildIsSlow(t *testing.T) {
	for _, script := range []string{"scripts/test", "scripts/run"} {
		b, err := os.ReadFile(script)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		say := strings.Index(s, "a few minutes")
		build := max(strings.LastIndex(s, "go test"), strings.LastIndex(s, "go build"))
		if say < 0 || build < 0 || say > build {
			t.Errorf("%s does not say the first build takes a few minutes before building", script)
		}
	}
}
