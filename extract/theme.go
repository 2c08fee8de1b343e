package extract

// themes builds Theme facts from theme hits: the captured text, without
// its quotes.
func (b *builder) themes(hits []hit) []Theme {
	var out []Theme
	for _, h := range hits {
		s, ok := h.field("text")
		if !ok {
			s = span{h.start, h.end}
		}
		if q, ok := quotedAt(b.a.text, s.start); ok && q == s.end {
			s = span{s.start + 1, s.end - 1}
		}
		if s.end <= s.start {
			continue
		}
		text := b.str(s)
		if h.rule.Fields["require"] == "known_theme" {
			if _, _, ok := b.e.tables.themeYear(text); !ok {
				continue
			}
		}
		out = append(out, Theme{Text: text, Provenance: b.prov(h, s)})
	}
	return out
}
