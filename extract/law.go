package extract

// laws builds Law facts from law hits: the captured title without its
// brackets, and the canonical full name when the law table knows it.
func (b *builder) laws(hits []hit) []Law {
	out := factsFor[Law](hits)
	for _, h := range hits {
		s, ok := h.field("title")
		if !ok {
			s = span{h.start, h.end}
		}
		if t, ok := titledAt(b.a.text, s.start); ok && t == s.end {
			s = span{s.start + 1, s.end - 1}
		}
		if s.end <= s.start {
			continue
		}
		title := b.str(s)
		out = append(out, Law{Title: title, Canonical: b.e.tables.lawCanonical(title), Provenance: b.prov(h, s)})
	}
	return out
}
