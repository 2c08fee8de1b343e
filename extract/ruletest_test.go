package extract

import (
	"testing"

	"zongjie/rules"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	set, err := rules.LoadBuiltin()
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
