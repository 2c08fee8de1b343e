package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"zongjie/rules"
)

// TestClassesWithoutBits checks that the classes beyond the 64 that get a
// bit, which the lexicon does not hold, give the same facts: an extractor
// whose classes have few or no bits extracts the sample documents as the
// built-in one does.
func TestClassesWithoutBits(t *testing.T) {
	e := newTestExtractor(t)
	set, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for _, bits := range []int{0, 10} {
		slow, err := newExtractor(set, e.seg, bits)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if diff := cmp.Diff(e.Extract(d), slow.Extract(d)); diff != "" {
				t.Fatalf("%d bits: %s: (-with bits +without)\n%s", bits, d.Source, diff)
			}
		}
	}
}
