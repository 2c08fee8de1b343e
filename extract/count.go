package extract

import (
	"slices"
	"strings"
)

// counts builds Count facts from count hits, lets a list share the action
// of its first item (发放手册400本、折页1000份), gives a count without an
// object that of the count before it in the sentence in the same unit
// (查出隐患37处，已整改35处), and links the parts of a total to it
// (共受理44起，其中申诉28起、举报13起).
func (b *builder) counts(hits []hit) []Count {
	out := factsFor[Count](hits)
	total := -1 // index of the total whose parts are being listed
	for _, h := range hits {
		from := 0
		if n := len(out); n > 0 {
			from = out[n-1].Span[1]
		}
		c, ok := b.count(h, from)
		if !ok {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			if os, ok := h.field("object"); ok && os.start < prev.Span[1] {
				// the words are the object of the count before (7个单位40余人);
				// a noun after the measure word may be this one's
				// (36个班级1800余名师生)
				c.Object = ""
				b.objectAfter(&c, h)
			}
			start := c.Span[0]
			if c.Action == "" && !isMeasureName(c.Object) && b.listContinues(prev, start, sameMeasure(prev.Unit, c.Unit)) {
				c.Action = prev.Action
			}
			var between []rune
			if prev.Span[1] < start { // the texts of two counts may overlap
				between = b.a.text[prev.Span[1]:start]
			}
			ends := sentenceEnds(between)
			if c.Object == "" && !ends && c.Unit == prev.Unit {
				c.Object = prev.Object // 查出隐患37处，已整改35处: 35 隐患 too
			}
			switch {
			case hasQizhong(between) && !ends:
				total = n - 1
			case ends:
				total = -1
			}
		}
		if total >= 0 && !sameMeasure(out[total].Unit, c.Unit) {
			total = -1 // a part measures what its total does (其中投诉98件; not 挽回损失12.6万元)
		}
		if total >= 0 {
			c.PartOf = total + 1
		}
		out = append(out, c)
	}
	return out
}

// isMeasureName reports whether an object names a measure of what was
// done, not a thing acted on (阅读量, 点击率, 参与人数): the action of the
// count before is not its own (推送文章15篇，阅读量逾3.2万次).
func isMeasureName(object string) bool {
	return strings.HasSuffix(object, "量") || strings.HasSuffix(object, "率") || strings.HasSuffix(object, "人数") || strings.HasSuffix(object, "次数")
}

// objectAfter gives the count c of the hit h the noun phrase right after
// it, as <noun> reads one, when there is one; the count's text then runs
// from its number to the phrase's end.
func (b *builder) objectAfter(c *Count, h hit) {
	m := b.m
	var buf [npMaxWords]int
	start := m.skipSpaces(h.end)
	ends := m.npEnds(start, m.cachedWord(&m.contentEnds, m.contentWord), m.npTrail, true, buf[:0])
	if len(ends) == 0 {
		return
	}
	s := span{start, ends[0]}
	c.Object = b.objectText(s)
	if vs, ok := h.field("value"); ok {
		c.Span[0] = vs.start // the words before the number are the other count's
	}
	c.Text = b.str(span{c.Span[0], s.end})
	c.Span[1] = s.end
}

// sameMeasure reports whether a count in unit b can be a part of a total
// in unit a: people are parts of people, money of money, rates of rates,
// and things of things (宣传资料5000份，其中读本1200册).
func sameMeasure(a, b string) bool {
	return measureOf(a) == measureOf(b)
}

// measureOf names what a unit measures: people, money, a rate, or things.
func measureOf(unit string) string {
	u := strings.TrimSuffix(unit, "次")
	switch u {
	case "人", "名", "位":
		return "people"
	case "%":
		return "rate"
	}
	if strings.HasSuffix(u, "元") || strings.HasSuffix(u, "币") { // 元, 港元, 澳门元, 港币
		return "money"
	}
	return "things"
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

// count builds the count of the hit h, with the list before its object
// (listBefore), which starts at from or later.
func (b *builder) count(h hit, from int) (Count, bool) {
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
		c.Unit = b.unit(s)
	}
	if num.Percent {
		c.Unit = "%"
	}
	if f := b.e.fieldsOf(h); f.hasUnit {
		c.Unit = f.unit
	}
	if c.Unit == "" {
		return Count{}, false
	}
	if s, ok := h.field("hedge"); ok {
		c.Approx = true
		c.Hedge = joinHedge(c.Hedge, b.str(s))
	}
	if s, ok := h.field("object"); ok {
		c.Object = b.objectText(s)
	}
	if s, ok := h.field("action"); ok {
		c.Action = b.action(s)
	}
	if l, ok := b.listBefore(h, from); ok {
		b.addList(&c, h, l)
	}
	return c, true
}

// addList widens the count c of the hit h to the list before it: its
// text starts with the list, or with the action before the list, which
// the count takes when it has none.
func (b *builder) addList(c *Count, h hit, l countList) {
	start := l.start
	if l.action.end > l.action.start {
		start = l.action.start
		if c.Action == "" {
			c.Action = b.action(l.action)
		}
	}
	if start < h.start {
		c.Text = b.str(span{start, h.end})
		c.Span[0] = start
	}
	if l.object.end > l.object.start {
		c.Object = b.objectText(l.object)
	}
}

// objectText returns the object written at s, without the quotes around
// it.
func (b *builder) objectText(s span) string {
	i, j := quoteTrim(b.a.shown[s.start:s.end])
	return b.str(span{s.start + i, s.start + j})
}

// unit returns the unit written at s, normalised.
func (b *builder) unit(s span) string {
	if u, ok := b.known(s, b.e.built.units); ok {
		return u
	}
	return NormalizeUnit(b.str(s))
}

// action returns the action written at s.
func (b *builder) action(s span) string {
	if a, ok := b.known(s, b.e.built.actions); ok {
		return a
	}
	return b.str(s)
}

func joinHedge(a, b string) string {
	if a == "" {
		return b
	}
	return a + "…" + b
}

// listContinues reports whether a count starting at start continues a list
// whose previous item is prev: only a list separator stands between them,
// and a comma only when the two measure alike (发放手册400本，折页1000份;
// not 开展宣讲22场，受众群众5600余人). A semicolon ends the list.
func (b *builder) listContinues(prev Count, start int, alike bool) bool {
	end := prev.Span[1]
	if end > start || start-end > 2 {
		return false
	}
	for _, r := range b.a.text[end:start] {
		switch {
		case r == '、':
		case r == ',' || r == '，':
			if !alike {
				return false
			}
		default:
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
	if plainUnit(u) {
		return u
	}
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

// plainUnit reports whether NormalizeUnit leaves u as it is: it has no
// parenthesis, slash or space.
func plainUnit(u string) bool {
	for _, r := range u {
		switch r {
		case '（', '）', ' ', '\t', '/', '(':
			return false
		}
	}
	return true
}

// quotePartner returns the partner of a quote mark; ok is false for
// another rune.
func quotePartner(r rune) (p rune, ok bool) {
	switch r {
	case '“':
		return '”', true
	case '”':
		return '“', true
	case '‘':
		return '’', true
	case '’':
		return '‘', true
	case '「':
		return '」', true
	case '」':
		return '「', true
	case '『':
		return '』', true
	case '』':
		return '『', true
	case '"', '\'':
		return r, true
	}
	return 0, false
}

// trimQuotes drops the quote marks around an object: a pair that encloses
// all of it (“宣传单”), and stray marks at its ends with no partner in it
// (scraping noise), but not the marks of a quoted part (“法律明白人”培训).
func trimQuotes(s string) string {
	r := []rune(s)
	i, j := quoteTrim(r)
	return string(r[i:j])
}

// quoteTrim returns the part r[i:j] of the object r that trimQuotes
// keeps.
func quoteTrim(r []rune) (i, j int) {
	i, j = 0, len(r)
	for i < j && isStrayQuote(r[i:j], 0) {
		i++
	}
	for i < j && isStrayQuote(r[i:j], j-i-1) {
		j--
	}
	if j-i < 2 {
		return i, j
	}
	// p is 0 for a rune that is no quote
	if p, _ := quotePartner(r[i]); p == r[j-1] && slices.IndexFunc(r[i+1:j-1], isQuote) < 0 {
		i, j = i+1, j-1
	}
	return i, j
}

func isQuote(r rune) bool { _, ok := quotePartner(r); return ok }

// isStrayQuote reports whether r[k] is a quote mark whose partner is
// nowhere else in r.
func isStrayQuote(r []rune, k int) bool {
	p, ok := quotePartner(r[k])
	if !ok {
		return false
	}
	for n, c := range r {
		if n != k && c == p {
			return false
		}
	}
	return true
}
