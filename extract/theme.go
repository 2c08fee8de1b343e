package extract

import "slices"

// themes builds Theme facts from theme hits (themeText).
func (b *builder) themes(hits []hit) []Theme {
	out := factsFor[Theme](hits)
	for _, h := range hits {
		if s, ok := b.themeText(h); ok {
			out = append(out, Theme{Text: b.str(s), Provenance: b.prov(h, s)})
		}
	}
	return out
}

// dropUnknownThemes drops, before overlaps are settled, the hits of
// require=known_theme rules whose text is no known theme: such a hit says
// nothing of its text and must not hide a theme it covers. A hit of a
// require=slogan rule that is no slogan stays and wins: the quote is an
// activity's name (“计量惠民”主题活动), no theme.
func (b *builder) dropUnknownThemes(hits []hit) []hit {
	return slices.DeleteFunc(hits, func(h hit) bool {
		if b.e.fieldsOf(h).require != "known_theme" {
			return false
		}
		_, ok := b.themeText(h)
		return !ok
	})
}

// themeText returns the theme of the hit h: the captured text, without
// its quotes or book-title marks; ok is false when it is empty or is not
// what the rule's require= asks for (a known annual theme, a slogan).
func (b *builder) themeText(h hit) (span, bool) {
	s, ok := h.field("text")
	if !ok {
		s = span{h.start, h.end}
	}
	if q, ok := quotedAt(b.a.text, s.start); ok && q == s.end {
		s = span{s.start + 1, s.end - 1}
	} else if q, ok := titledAt(b.a.text, s.start); ok && q == s.end {
		s = span{s.start + 1, s.end - 1} // 主题为《…》, book-title marks used as quotes
	}
	if s.end <= s.start {
		return s, false
	}
	switch b.e.fieldsOf(h).require {
	case "known_theme":
		_, _, ok := b.e.tables.themeYear(b.str(s))
		return s, ok
	case "slogan":
		return s, isSlogan(b.a.text[s.start:s.end])
	}
	return s, true
}

// isSlogan reports whether a quoted text reads as a slogan of two or more
// clauses, each of three or more Han characters, separated by a comma or
// a space (人保在身边,理赔更贴心; 诚信兴商 放心消费): an activity named that
// way carries a theme, while a one-clause name (消费维权进社区) or a list
// of things done (赏桃花、沐春风、…一日游) is only the activity's name.
func isSlogan(text []rune) bool {
	parts, han := 0, 0
	// a comma after the last clause ends it; appended to a copy, as text
	// is part of the document's runes
	for _, r := range append(slices.Clip(text), ',') {
		switch {
		case isHan(r):
			han++
		case r == ',' || r == '，' || r == ' ' || r == '\u3000':
			if han < 3 {
				return false
			}
			parts, han = parts+1, 0
		default:
			return false
		}
	}
	return parts >= 2
}
