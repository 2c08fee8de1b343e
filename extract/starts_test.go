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

// TestStartsAtAnchors checks that a rule whose starts are its anchors'
// occurrences can start at every one of them, as anchorsStart claims.
func TestStartsAtAnchors(t *testing.T) {
	e := newTestExtractor(t)
	n := 0
	for _, d := range sampleDocs(t) {
		w := e.workspace()
		e.analyse(&w.a, d.Text)
		e.resetMatcher(&w.m, &w.a)
		for _, r := range e.rules {
			if !r.startsAtAnchors {
				continue
			}
			n++
			for _, a := range r.anchors {
				for _, o := range w.m.occ[a.id] {
					if !w.m.canStartAny(r.firsts, o) {
						t.Fatalf("%s: %s cannot start at its anchor's occurrence %d", d.ID, r.Source, o)
					}
				}
			}
		}
		e.pool.Put(w)
	}
	if n == 0 {
		t.Error("no rule starts at its anchors")
	}
}
