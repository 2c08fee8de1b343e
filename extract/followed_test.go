package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zongjie/rules"
)

// TestFollowedAnchors checks which anchors count only where the next
// element can start after them: a number or a literal with an element
// that takes a character right after it, lookaheads aside.
func TestFollowedAnchors(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		pattern string
		want    string // the anchors: node, then the follow's kind, or -
	}{
		{`发放 value=<num> unit=@unit`, "发放:sub"},
		{`value=<num> unit=(@unit | @unit 次) hedge=@hedge_after?`, "num:alt"},
		{`<np> <num> !@np_head @unit`, "num:class"},
		{`<num> @unit?`, "num:-"},
		{`<date> 开展`, "date:-"},
		{`(<num> | <date>) 开展`, "num:- date:-"},
	} {
		var got []string
		for _, a := range compiledPattern(t, e, c.pattern).anchors() {
			f := "-"
			if a.follow != nil {
				f = map[rules.Op]string{rules.OpAlt: "alt", rules.OpClass: "class", rules.OpCapture: "capture", rules.OpSub: "sub"}[a.follow.uncaptured().op]
			}
			got = append(got, fmt.Sprintf("%s:%s", needName(a.node), f))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: anchors %s, want %s", c.pattern, g, c.want)
		}
	}
}

// TestFollowedOccurrences checks that a followed anchor's occurrences are
// those of its base where the follow can start, on the sample.
func TestFollowedOccurrences(t *testing.T) {
	e := newTestExtractor(t)
	x := e.anchors
	if len(x.followed) == 0 {
		t.Fatal("no rule has a followed anchor")
	}
	kept, dropped := 0, 0
	for _, d := range sampleDocs(t) {
		w := e.workspace()
		e.analyse(&w.a, d.Text)
		e.resetMatcher(&w.m, &w.a)
		for _, f := range x.followed {
			var want []int
			for _, o := range w.m.occ[f.base] {
				if w.m.canStartAny(f.tests, w.m.skipSpaces(w.m.ends(x.nodes[f.base], o, nil)[0])) {
					want = append(want, o)
				}
			}
			if got := w.m.occ[f.id]; !slices.Equal(got, want) {
				t.Fatalf("%s: followed anchor %d: %v, want %v", d.ID, f.id, got, want)
			}
			kept += len(want)
			dropped += len(w.m.occ[f.base]) - len(want)
		}
		e.pool.Put(w)
	}
	if kept == 0 || dropped == 0 {
		t.Errorf("followed anchors kept %d occurrences and dropped %d: the test shows nothing", kept, dropped)
	}
}

// TestFollowedNeeds checks which needs count only where the next element
// can start after them, and that rules writing the same follow share one
// list of occurrences.
func TestFollowedNeeds(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		pattern string
		want    string // each need: its node, then whether it is followed
	}{
		{`发放 <num> @unit`, "发放:true num:true unit:false"},
		{`<np> <num> @unit?`, "num:false"},
		{`(<num> | <date>) 开展`, "num:false 开展:false"},
	} {
		var got []string
		for _, nd := range compiledPattern(t, e, c.pattern).needs() {
			got = append(got, fmt.Sprintf("%s:%v", needName(nd.nodes[0]), nd.follow != nil))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: needs %s, want %s", c.pattern, g, c.want)
		}
	}
	// the count rules whose number must be followed by a measure word
	// share the numbers so filtered
	uses, ids := 0, map[int]bool{}
	for _, r := range e.rules {
		for _, a := range r.anchors {
			if a.follow != nil {
				uses++
				ids[a.id] = true
			}
		}
	}
	if uses == 0 || len(ids) >= uses {
		t.Errorf("%d followed anchors for %d uses: none shared", len(ids), uses)
	}
}
