package extract

import "testing"

// TestStartTests checks that each rule's flattened start tests agree with
// canStart at every position of the sample documents.
func TestStartTests(t *testing.T) {
	e := newTestExtractor(t)
	for _, d := range sampleDocs(t) {
		w := e.workspace()
		e.analyse(&w.a, d.Text)
		e.resetMatcher(&w.m, &w.a)
		for _, r := range e.rules {
			for i := range w.a.text {
				if got, want := w.m.canStartAny(r.firsts, i), w.m.canStart(r.pat, i); got != want {
					t.Fatalf("%s: %s at %d: start tests say %v, canStart %v", d.ID, r.Source, i, got, want)
				}
			}
		}
		e.pool.Put(w)
	}
}
