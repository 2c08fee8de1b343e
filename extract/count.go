package extract

import (
	"strings"
)

// counts builds Count facts from count hits, lets a list share the action
// of its first item (发放手册400本、折页1000份), and links the parts of a
// total to it (共受理44起，其中申诉28起、举报13起).
func (b *builder) counts(hits []hit) []Count {
	out := factsFor[Count](hits)
	total := -1 // index of the total whose parts are being listed
	for _, h := range hits {
		c, ok := b.count(h)
		if !ok {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			if os, ok := h.field("object"); ok && os.start < prev.Span[1] {
				c.Object = "" // the words are the object of the count before (7个单位40余人)
			}
			if c.Action == "" && b.listContinues(prev, h.start) {
				c.Action = prev.Action
			}
			var between []rune
			if prev.Span[1] < h.start { // the texts of two counts may overlap
				between = b.a.text[prev.Span[1]:h.start]
			}
			switch ends := sentenceEnds(between); {
			case hasQizhong(between) && !ends:
				total = n - 1
			case ends:
				total = -1
			}
		}
		if total >= 0 {
			c.PartOf = total + 1
		}
		out = append(out, c)
	}
	return out
}

// sentenceEnds reports whether rs holds the end of a sentence.
func sentenceEnds(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			return true
		}
	}
	return false
}

// hasQizhong reports whether rs holds 其中 ("of which").
func hasQizhong(rs []rune) bool {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == '其' && rs[i+1] == '中' {
			return true
		}
	}
	return false
}

func (b *builder) count(h hit) (Count, bool) {
	vs, ok := h.field("value")
	if !ok {
		return Count{}, false
	}
	num, ok := b.a.numberAt(vs.start)
	if !ok {
		return Count{}, false
	}
	c := Count{
		Text:       b.str(span{h.start, h.end}),
		Value:      num.Value,
		Max:        num.Max,
		Approx:     num.Approx,
		Hedge:      num.Hedge,
		Provenance: b.prov(h, span{h.start, h.end}),
	}
	if s, ok := h.field("unit"); ok {
		c.Unit = NormalizeUnit(b.str(s))
	}
	if num.Percent {
		c.Unit = "%"
	}
	if u, ok := h.rule.Fields["unit"]; ok {
		c.Unit = u
	}
	if c.Unit == "" {
		return Count{}, false
	}
	if s, ok := h.field("hedge"); ok {
		c.Approx = true
		c.Hedge = joinHedge(c.Hedge, b.str(s))
	}
	if s, ok := h.field("object"); ok {
		c.Object = trimQuotes(b.str(s))
	}
	if s, ok := h.field("action"); ok {
		c.Action = b.str(s)
	}
	return c, true
}

func joinHedge(a, b string) string {
	if a == "" {
		return b
	}
	return a + "…" + b
}

// listContinues reports whether a count starting at start continues a list
// whose previous item is prev: only a list separator stands between them.
func (b *builder) listContinues(prev Count, start int) bool {
	end := prev.Span[1]
	if end > start || start-end > 2 {
		return false
	}
	for _, r := range b.a.text[end:start] {
		if r != '、' && r != ',' && r != '，' && r != ';' && r != '；' {
			return false
		}
	}
	return end < start
}

// NormalizeUnit writes a measure word as one unit: a parenthesised or
// slashed part that completes a frequency unit joins it (户(次) and (户)次
// → 户次, 人/次 → 人次); another parenthesised alternative is dropped
// (份(册) → 份).
func NormalizeUnit(u string) string {
	u = strings.Map(func(r rune) rune {
		switch r {
		case '（':
			return '('
		case '）':
			return ')'
		case ' ', '\t':
			return -1
		}
		return r
	}, u)
	u = strings.ReplaceAll(u, "/", "")
	open := strings.IndexByte(u, '(')
	close := strings.IndexByte(u, ')')
	if open < 0 || close < open {
		return u
	}
	inner, before, after := u[open+1:close], u[:open], u[close+1:]
	switch {
	case before == "" && after != "":
		return inner + after // (户)次
	case inner == "次" || inner == "人次":
		return before + inner + after // 户(次)
	}
	return before + after // 份(册)
}

func trimQuotes(s string) string {
	return strings.Trim(s, "“”‘’「」『』\"'")
}
