package progress

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// childEnv, when set, makes the test binary run childMain instead of the
// tests: the crash and two-writer tests re-execute themselves this way.
const childEnv = "OSTEON_PROGRESS_TEST_CHILD"

type childSpec struct {
	DB      string        `json:"db"`
	Learner string        `json:"learner"`
	Tag     string        `json:"tag"`
	For     time.Duration `json:"for"` // 0: until killed
}

// childMain records attempts in a loop and prints "ready" once open, then
// "ack <id>" after each RecordAttempt returned nil, "err <message>" on the
// first error (exit 1) and "done <n>" when For has passed (exit 0). Each
// line is one write to an unbuffered stdout.
func childMain(specJSON string) int {
	var sp childSpec
	if err := json.Unmarshal([]byte(specJSON), &sp); err != nil {
		fmt.Printf("err spec: %v\n", err)
		return 1
	}
	ctx := context.Background()
	s, err := Open(ctx, sp.DB)
	if err != nil {
		fmt.Printf("err open: %v\n", err)
		return 1
	}
	l, err := s.LearnerByName(ctx, sp.Learner)
	if err != nil {
		fmt.Printf("err learner: %v\n", err)
		return 1
	}
	fmt.Println("ready")
	deadline := time.Now().Add(sp.For)
	n := 0
	var slowest time.Duration
	for ; sp.For == 0 || time.Now().Before(deadline); n++ {
		start := time.Now()
		res, err := s.RecordAttempt(ctx, childAttempt(l.ID, sp.Tag, n))
		if err != nil {
			fmt.Printf("err attempt %d: %v\n", n, err)
			return 1
		}
		slowest = max(slowest, time.Since(start))
		fmt.Printf("ack %d\n", res.ID)
	}
	if err := s.Close(); err != nil {
		fmt.Printf("err close: %v\n", err)
		return 1
	}
	fmt.Printf("done %d slowest %v\n", n, slowest.Round(time.Millisecond))
	return 0
}

func childAttempt(l LearnerID, tag string, n int) AttemptInput {
	return AttemptInput{
		Learner:  l,
		Item:     learning.ItemID(fmt.Sprintf("find:%s-%d", tag, n%40)),
		Correct:  n%3 != 0,
		Response: time.Duration(800+n%2000) * time.Millisecond,
		Skills: []learning.SkillID{learning.SkillID(fmt.Sprintf("structure:%s-%d", tag, n%40)),
			"region:upper-limb", "system:skeletal"},
		Detail: json.RawMessage(fmt.Sprintf(`{"n":%d,"tag":%q}`, n, tag)),
	}
}

// child is a running child process and the lines it has printed.
type child struct {
	cmd   *exec.Cmd
	lines chan string
}

func startChild(sp childSpec) (*child, error) {
	b, _ := json.Marshal(sp)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(b))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, lines: make(chan string, 1024)}
	go readLines(out, c.lines)
	return c, nil
}

func readLines(r io.Reader, ch chan<- string) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		ch <- sc.Text()
	}
	close(ch)
}

// doneLines collects the children's "done" lines for the test log.
var doneLines []string

// tally reads lines until the channel closes (the child exited) and
// returns the acknowledged ids and any "err" lines.
func tally(lines <-chan string, acked map[AttemptID]bool) (errs []string) {
	for line := range lines {
		switch {
		case strings.HasPrefix(line, "ack "):
			id, err := strconv.ParseInt(strings.TrimPrefix(line, "ack "), 10, 64)
			if err != nil {
				errs = append(errs, "bad line "+line)
				continue
			}
			acked[AttemptID(id)] = true
		case strings.HasPrefix(line, "done "):
			doneLines = append(doneLines, line)
		case strings.HasPrefix(line, "err "):
			errs = append(errs, line)
		}
	}
	return errs
}
