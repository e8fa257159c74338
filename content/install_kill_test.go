//go:build unix

package content

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestInstallKillChild is the child process of TestInstallKilled: it installs the pack in
// $OSTEON_KILL_SRC into $OSTEON_KILL_DIR, killing itself with SIGKILL at step
// $OSTEON_KILL_STEP when that is set, and says "ready" on stdout just before it starts.
func TestInstallKillChild(t *testing.T) {
	src, dir := os.Getenv("OSTEON_KILL_SRC"), os.Getenv("OSTEON_KILL_DIR")
	if src == "" {
		t.Skip("child process of TestInstallKilled")
	}
	steps := 0
	at, _ := strconv.Atoi(os.Getenv("OSTEON_KILL_STEP"))
	installStep = func(string) {
		if steps++; steps == at {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
	fmt.Println("ready")
	p, err := OpenPackPath(src)
	if err == nil {
		_, err = InstallPack(context.Background(), p, dir, InstallOptions{})
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("steps %d\n", steps)
}

// killChild runs the child; it kills it after delay (if not negative) and returns its output.
func killChild(t *testing.T, src, dir string, killStep int, delay time.Duration) (out string, ran time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInstallKillChild$", "-test.v")
	cmd.Env = append(os.Environ(), "OSTEON_KILL_SRC="+src, "OSTEON_KILL_DIR="+dir, fmt.Sprintf("OSTEON_KILL_STEP=%d", killStep))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && sc.Text() != "ready" {
	}
	start := time.Now()
	if delay >= 0 {
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
	}
	var b strings.Builder
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
	}
	cmd.Wait()
	return b.String(), time.Since(start)
}

// TestInstallKilled proves an interrupted update leaves the old pack or the new one, never a mix:
// a child process installs version 2 over version 1 and is killed, first after each step of the
// install in turn, then at random moments. After each kill the folder is read as the app would
// without recovering (it must list version 1 or 2), then recovered as at the next start (it
// must hold exactly the old or the new pack's files, and no leftovers).
func TestInstallKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns many processes")
	}
	oldFS, newFS := demoVersion(t, "1.0.0"), demoVersion(t, "2.0.0")
	newFS["LICENSE.txt"] = &fstest.MapFile{Data: []byte("changed in 2.0.0")}
	for i := 0; i < 24; i++ {
		newFS[fmt.Sprintf("notes/part%02d.txt", i)] = &fstest.MapFile{Data: []byte(strings.Repeat(fmt.Sprintf("note %d\n", i), 8000))}
	}
	oldTree, newTree := tree(t, writeFS(t, oldFS)), tree(t, writeFS(t, newFS))
	src := writeFS(t, newFS)
	fresh := func() string {
		dir := filepath.Join(t.TempDir(), "packs")
		if _, err := InstallPack(context.Background(), mustOpen(t, oldFS), dir, InstallOptions{}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// One uninterrupted run counts the steps and times the install.
	out, full := killChild(t, src, fresh(), 0, -1)
	var steps int
	if _, err := fmt.Sscanf(out[strings.Index(out, "steps "):], "steps %d", &steps); err != nil || steps < 20 {
		t.Fatalf("child output %q: want a step count", out)
	}
	k := killCheck{t: t, old: oldTree, new: newTree, counts: map[string]int{}}
	for step := 1; step <= steps; step++ {
		dir := fresh()
		killChild(t, src, dir, step, -1)
		k.check(dir, fmt.Sprintf("killed at step %d/%d", step, steps))
	}
	const random = 60
	for i := 0; i < random; i++ {
		dir := fresh()
		delay := time.Duration(rand.Int64N(int64(full) * 5 / 4))
		killChild(t, src, dir, 0, delay)
		k.check(dir, fmt.Sprintf("killed after %v of %v", delay, full))
	}
	t.Logf("%d kills (%d at each step, %d at random times within %v): %v", steps+random, steps, random, full, k.counts)
	if k.counts["old"] == 0 || k.counts["new"] == 0 {
		t.Errorf("outcomes %v: the kills should land both before and after the swap", k.counts)
	}
}

// killCheck checks a packs folder after a kill and counts the outcomes.
type killCheck struct {
	t        *testing.T
	old, new map[string]string
	counts   map[string]int
}

// check reads the folder as the app would without recovering (it must list version 1 or 2),
// then recovers it as at the next start (it must hold exactly the old or the new pack).
func (k *killCheck) check(dir, how string) {
	t := k.t
	found, ps := scanDir(dir, OriginLearner)
	if len(ps) > 0 || len(found) != 1 || found[0].Version != "1.0.0" && found[0].Version != "2.0.0" {
		t.Fatalf("%s: before recovery the folder lists %d packs, %v", how, len(found), ps)
	}
	leftovers := len(dirNames(t, dir)) > 1
	if err := RecoverDir(dir); err != nil {
		t.Fatalf("%s: %v", how, err)
	}
	if names := dirNames(t, dir); !cmp.Equal(names, []string{"demo"}) {
		t.Fatalf("%s: after recovery the folder holds %v", how, names)
	}
	switch got := tree(t, filepath.Join(dir, "demo")); {
	case cmp.Equal(got, k.old):
		k.counts["old"]++
	case cmp.Equal(got, k.new):
		k.counts["new"]++
	default:
		t.Fatalf("%s: the pack is neither the old nor the new one:\n%s", how, cmp.Diff(k.new, got))
	}
	if leftovers {
		k.counts["leftovers cleaned"]++
	}
}
