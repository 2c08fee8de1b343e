package extract

import (
	"fmt"
	"strings"
	"testing"

	"zongjie/rules"
)

// TestNeedScopes checks where the needs of patterns may stand: in the
// start's clause while nothing before them may hold a clause break, in its
// wide clause while only 、 may come between, anywhere after a comma or a
// number (which may be written 1,000).
func TestNeedScopes(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		pattern string
		want    string // each need: its first node's literal or class, and its scope
	}{
		{`发放 <num> @unit`, "发放:0 num:0 unit:2"},
		{`(<han>{2,8} 、)+ 等 <num> 家`, "、:0 等:1 num:1 家:2"},
		{`(<han>{2,8} ，)+ 等`, "，:0 等:2"},
		{`<place> 和 <place> &(开展 | 举办)`, "place:0 和:0 place:0 开展:0"},
		{`name=(<han>{2,4} ("、" <han>{2,4})*) 等 <num>`, "等:1 num:1"},
	} {
		var got []string
		for _, nd := range compiledPattern(t, e, c.pattern).needs() {
			got = append(got, fmt.Sprintf("%s:%d", needName(nd.nodes[0]), nd.scope))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: needs %s, want %s", c.pattern, g, c.want)
		}
	}
}

// compiledPattern parses pattern and compiles it with e's classes.
func compiledPattern(t *testing.T, e *Extractor, pattern string) *node {
	t.Helper()
	n, err := rules.ParsePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return compileNode(n, e.classes)
}

func needName(n *node) string {
	switch {
	case n.op == rules.OpLit:
		return string(n.lit)
	case n.cls != nil:
		return n.cls.name
	}
	for name, k := range subKinds {
		if k == n.sub {
			return name
		}
	}
	return "?"
}
