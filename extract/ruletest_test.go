package extract

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"zongjie/corpus"
	"zongjie/rules"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	return newLayeredExtractor(t)
}

// extractWithRuleFile extracts text with the built-in rules but the rule
// file name, which holds the rules given.
func extractWithRuleFile(t testing.TB, name, text string, rules ...string) Record {
	t.Helper()
	layer := fstest.MapFS{name: {Data: []byte(strings.Join(rules, "\n") + "\n")}}
	return newLayeredExtractor(t, layer).Extract(corpus.Document{Text: text})
}

// newLayeredExtractor returns an extractor of the built-in rules with
// the layers over them, as --rules lays a user's folder.
func newLayeredExtractor(t testing.TB, layers ...fs.FS) *Extractor {
	t.Helper()
	set, err := rules.Load(append([]fs.FS{rules.Builtin()}, layers...)...)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(set, seg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRuleFiles runs the test cases kept beside the built-in rules.
func TestRuleFiles(t *testing.T) {
	e := newTestExtractor(t)
	for _, r := range e.RunTests() {
		if !r.Passed() {
			t.Errorf("%s: %s\n  missing %v\n  extra   %v", r.Test.Source, r.Test.Text, r.Missing, r.Extra)
		}
	}
}
