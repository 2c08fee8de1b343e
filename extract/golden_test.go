package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden extracts the facts of every document of the sample archive and
// compares them with testdata/golden/NAME.json, one indented JSON array of
// records per file so that a change reads as a diff of facts. Run with
// -update to write the current facts, then review the diff.
func TestGolden(t *testing.T) {
	e := newTestExtractor(t)
	byFile := map[string][]Record{}
	for _, d := range sampleDocs(t) {
		name := filepath.Base(d.Source)
		byFile[name] = append(byFile[name], e.Extract(d))
	}
	for name, recs := range byFile {
		path := filepath.Join("..", "testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(recs); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./extract -run TestGolden -update)", name, err)
			continue
		}
		if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
			t.Errorf("%s: facts differ from %s (-want +got):\n%s", name, path, diff)
		}
	}
}
