package web

import (
	"strings"
	"testing"
)

// render writes nodes in a compact form for comparison: [kind text] for a
// mark, [kind+ text] for a continued one.
func renderNodes(nodes []*textNode) string {
	var b strings.Builder
	for _, n := range nodes {
		if n.Mark == nil {
			b.WriteString(n.Text)
			continue
		}
		b.WriteString("[" + n.Mark.ID)
		if n.Cont {
			b.WriteString("+")
		}
		b.WriteString(" " + renderNodes(n.Children) + "]")
	}
	return b.String()
}

func TestMarkText(t *testing.T) {
	span := func(id string, s, e int) factSpan { return factSpan{Start: s, End: e, Mark: &markView{ID: id}} }
	for _, tc := range []struct {
		name  string
		text  string
		spans []factSpan
		want  string
	}{
		{"none", "消费者协会", nil, "消费者协会"},
		{"one", "发放资料100份。", []factSpan{span("c", 0, 8)}, "[c 发放资料100份]。"},
		{"nested", "区消费者协会发放资料", []factSpan{span("c", 0, 10), span("o", 0, 6)}, "[c [o 区消费者协会]发放资料]"},
		{"nested inside", "甲区消协乙", []factSpan{span("o", 1, 4), span("p", 1, 2)}, "甲[o [p 区]消协]乙"},
		{"crossing", "一二三四五六", []factSpan{span("a", 0, 4), span("b", 2, 6)}, "[a 一二[b 三四]][b+ 五六]"},
		{"same span", "银川市", []factSpan{span("p", 0, 3), span("o", 0, 3)}, "[p [o 银川市]]"},
		{"adjacent", "甲乙", []factSpan{span("a", 0, 1), span("b", 1, 2)}, "[a 甲][b 乙]"},
		{"out of range", "甲乙", []factSpan{span("a", 1, 9), span("b", -1, 1), span("c", 1, 1)}, "甲乙"},
		{"three crossing", "0123456789", []factSpan{span("a", 0, 5), span("b", 2, 7), span("c", 4, 9)},
			"[a 01[b 23[c 4]]][b+ [c+ 56]][c+ 78]9"},
	} {
		if got := renderNodes(markText(tc.text, tc.spans)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestMarkTextKeepsText checks that marking never loses or repeats text.
func TestMarkTextKeepsText(t *testing.T) {
	text := "银川市消费者协会<script>发放宣传资料1000余份"
	spans := []factSpan{}
	for s := 0; s < 20; s += 3 {
		spans = append(spans, factSpan{Start: s, End: s + 7, Mark: &markView{ID: "x"}})
	}
	var plain func([]*textNode) string
	plain = func(nodes []*textNode) string {
		var b strings.Builder
		for _, n := range nodes {
			b.WriteString(n.Text + plain(n.Children))
		}
		return b.String()
	}
	if got := plain(markText(text, spans)); got != text {
		t.Errorf("text after marking: %q", got)
	}
}
