package extract

// places builds Place facts from place hits, with the place's position in
// the division hierarchy.
func (b *builder) places(hits []hit) []Place {
	out := factsFor[Place](hits)
	for _, h := range hits {
		s, ok := h.field("name")
		if !ok {
			s = span{h.start, h.end}
		}
		p := Place{Name: b.str(s), Provenance: b.prov(h, s)}
		if m, ok := b.a.placeAt(s.start); ok && m.End == s.end {
			p.Code, p.Level = m.Code, m.Level
			p.Province, p.City, p.County = m.Province, m.City, m.County
		}
		out = append(out, p)
	}
	return out
}
