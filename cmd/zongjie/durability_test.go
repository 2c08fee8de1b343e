package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"zongjie/index"
)

// buildBinary builds zongjie for tests that run it as a separate process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "zongjie")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// makeArchive writes n distinct reports composed of lines of the sample
// archive, so that an import takes a few seconds.
func makeArchive(t *testing.T, n int) string {
	t.Helper()
	var lines []string
	paths, _ := filepath.Glob(filepath.Join(sampleArchive, "*.txt"))
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); len([]rune(l)) > 30 && strings.ContainsRune(l, '，') {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) < 50 {
		t.Fatalf("only %d sample lines", len(lines))
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(7))
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "第%d号测试活动总结\n", i)
		for range 14 {
			b.WriteString(lines[rng.Intn(len(lines))] + "\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestKillDuringImport kills an import with SIGKILL at random moments: the
// index must always reopen, hold whole documents only, and a rerun must
// complete it to exactly the archive's count.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("kills imports for several seconds; skipped with -short")
	}
	bin := buildBinary(t)
	const docs = 240
	archive := makeArchive(t, docs)
	for seed := int64(1); seed <= 4; seed++ {
		ix := filepath.Join(t.TempDir(), "ix.bleve")
		rng := rand.New(rand.NewSource(seed))
		cmd := exec.Command(bin, "import", "--quiet", "--batch", "20", "--index", ix, archive)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(300+rng.Intn(1200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		before := checkWhole(t, ix)
		out, err := exec.Command(bin, "import", "--quiet", "--index", ix, archive).CombinedOutput()
		if err != nil {
			t.Fatalf("seed %d: rerun failed: %v\n%s", seed, err, out)
		}
		after := checkWhole(t, ix)
		t.Logf("seed %d: killed with %d documents stored; rerun completed to %d", seed, before, after)
		if after != docs {
			t.Errorf("seed %d: %d documents after the rerun, want %d", seed, after, docs)
		}
	}
}

// checkWhole opens the index, reads every stored document and checks it is
// whole (metadata, facts and text), and returns how many there are.
func checkWhole(t *testing.T, path string) int {
	t.Helper()
	ix, err := index.Open(path, true)
	if err != nil {
		t.Fatalf("the index does not reopen: %v", err)
	}
	defer ix.Close()
	n := 0
	err = ix.Each(context.Background(), index.Request{LoadText: true}, func(s index.Stored) error {
		n++
		if s.Source == "" || s.Title == "" || s.Text == "" || s.Record.ID != s.ID {
			return fmt.Errorf("document %s is not whole: %+v", s.ID, s.Record.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := ix.DocCount(); int(c) < n {
		t.Errorf("DocCount %d < %d documents read", c, n)
	}
	return n
}

// TestIndexInUse checks that a second process opening an index that an
// import holds gets, within a few seconds, a message naming the index.
func TestIndexInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an import for seconds; skipped with -short")
	}
	bin := buildBinary(t)
	archive := makeArchive(t, 2000)
	ix := filepath.Join(t.TempDir(), "ix.bleve")
	imp := exec.Command(bin, "import", "--quiet", "--index", ix, archive)
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { imp.Process.Kill(); imp.Wait() }()
	// wait until the import has made the index and holds it
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(ix, "index_meta.json")); err == nil {
			break
		}
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	out, err := exec.Command(bin, "search", "--index", ix, "消费").CombinedOutput()
	took := time.Since(start)
	if err == nil || !strings.Contains(string(out), ix) || !strings.Contains(string(out), "正被另一个进程使用") {
		t.Errorf("search on a held index: err %v, output %q", err, out)
	}
	if took > 4*time.Second {
		t.Errorf("the second process waited %s", took)
	}
	t.Logf("second process: %s after %s", strings.TrimSpace(string(out)), took.Round(time.Millisecond))
}
