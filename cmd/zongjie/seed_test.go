package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The evaluation kit and the seed page stand beside the repository.
const (
	sharedDir = "../../../shared"
	seedFile  = sharedDir + "/seeds/000_086669ac4238d0d5.txt"
	scorer    = sharedDir + "/eval/score.py"
	seedGold  = sharedDir + "/eval/seed"
)

func needSeed(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(seedFile); err != nil {
		t.Skipf("the seed page is not beside the repository (%s): %v", seedFile, err)
	}
}

// TestSeedSplit checks that the seed page gives exactly its nine
// summaries, titled as their headings, with no boilerplate line in any.
func TestSeedSplit(t *testing.T) {
	needSeed(t)
	code, out, errs := zongjie(t, "extract", "--json", seedFile)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	var split []struct{ Title string }
	readJSON(t, seedGold+"/split.json", &split)
	var titles []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ Title string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		titles = append(titles, rec.Title)
	}
	if len(titles) != len(split) {
		t.Fatalf("%d documents, want %d: %q", len(titles), len(split), titles)
	}
	for i, s := range split {
		if titles[i] != s.Title {
			t.Errorf("document %d titled %q, want %q", i+1, titles[i], s.Title)
		}
	}
	// No boilerplate sentence reaches a document: check with a distinctive
	// piece of each boilerplate line of the page.
	var bp struct {
		BoilerplateLines []int `json:"boilerplate_lines"`
	}
	readJSON(t, seedGold+"/boilerplate.json", &bp)
	raw, _ := os.ReadFile(seedFile)
	lines := strings.Split(string(raw), "\n")
	for _, n := range bp.BoilerplateLines {
		line := []rune(strings.TrimSpace(lines[n-1]))
		if len(line) < 30 {
			continue // the page title, which is also in every heading
		}
		piece := string(line[10:30])
		if strings.Contains(out, piece) {
			t.Errorf("boilerplate line %d (%q…) is in the output", n, piece)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// fieldScore is one field of the scorer's --json report.
type fieldScore struct {
	Precision, Recall, F1 float64
	Pred, Gold            int
}

// score runs the evaluation kit's scorer over zongjie's output for paths.
func score(t *testing.T, gold, align string, paths ...string) map[string]fieldScore {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is needed to run the scorer")
	}
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("the scorer is not beside the repository: %v", err)
	}
	code, out, errs := zongjie(t, append([]string{"extract", "--json"}, paths...)...)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	os.WriteFile(pred, []byte(out), 0o644)
	cmd := exec.Command("python3", scorer, "--gold", gold, "--pred", pred, "--align", align, "--json")
	report, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var r struct{ Fields map[string]fieldScore }
	if err := json.Unmarshal(report, &r); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, report)
	}
	for f, s := range r.Fields {
		t.Logf("%-7s P %.3f R %.3f F1 %.3f (%d pred, %d gold)", f, s.Precision, s.Recall, s.F1, s.Pred, s.Gold)
	}
	return r.Fields
}

// TestSeedScore guards the development-set score: every field makes facts
// and the floors below hold. The floors sit a little under the measured
// scores, so that a change that loses facts fails here.
func TestSeedScore(t *testing.T) {
	needSeed(t)
	checkFloors(t, score(t, seedGold, "title", seedFile), map[string]float64{
		"counts": 0.93, "dates": 0.95, "themes": 0.8, "laws": 0.95, "orgs": 0.8, "places": 0.9,
	})
}

// TestSampleScore scores the bundled sample archive against its gold.
func TestSampleScore(t *testing.T) {
	checkFloors(t, score(t, "../../testdata/gold", "source", sampleArchive), map[string]float64{
		"counts": 0.93, "dates": 0.95, "themes": 0.85, "laws": 0.95, "orgs": 0.72, "places": 0.9,
	})
}

func checkFloors(t *testing.T, got map[string]fieldScore, floors map[string]float64) {
	t.Helper()
	for f, floor := range floors {
		s, ok := got[f]
		if !ok || s.Pred == 0 {
			t.Errorf("%s: no facts", f)
			continue
		}
		if s.F1 < floor {
			t.Errorf("%s: F1 %.3f below %.2f", f, s.F1, floor)
		}
	}
}
