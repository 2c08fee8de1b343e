package extract

import "testing"

// TestValueAnchored checks which count rules may skip the numbers an
// earlier rule has read: those whose every anchor is what value= holds.
func TestValueAnchored(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{`object=<np> value=<num> unit=@unit`, true},
		{`object=<np> value=(<num> | <pct>) unit=@unit?`, true},
		{`object=<np> (： | ":") value=(<num> | <pct>)`, false}, // anchored on the colon
		{`为 value=<num> unit=@unit object=<np>`, false},        // anchored on 为
		{`value=(<num> 余)`, false},                             // value holds more than the anchor
		{`<num> @unit`, false},                                 // no value
	} {
		pat := compiledPattern(t, e, c.pattern)
		if got := valueAnchored(pat, pat.anchors()); got != c.want {
			t.Errorf("%s: valueAnchored %v, want %v", c.pattern, got, c.want)
		}
	}
}

// TestClaimedNumbers checks that a later count rule still reads the
// numbers the earlier ones leave, and that the earlier rule keeps the
// number both read.
func TestClaimedNumbers(t *testing.T) {
	rec := extractWithRuleFile(t, "count.rules", "发放宣传资料1000份，另有300名志愿者参加。",
		"count  action=@action object=<np> value=<num> unit=@unit",
		"count  value=<num> unit=@unit object=<noun>")
	if len(rec.Counts) != 2 {
		t.Fatalf("counts %+v, want 2", rec.Counts)
	}
	if c := rec.Counts[0]; c.Object != "宣传资料" || c.Value != 1000 {
		t.Errorf("first count %+v, want 宣传资料 1000 from the first rule", c)
	}
	if c := rec.Counts[1]; c.Object != "志愿者" || c.Value != 300 {
		t.Errorf("second count %+v, want 志愿者 300 from the second rule", c)
	}
}
