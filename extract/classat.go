package extract

// classMayStart reports whether a word of c may start at i: false when
// the document's class words (m.words) have none. For a class without a
// bit it says yes.
func (m *matcher) classMayStart(c *class, i int) bool {
	return c.bit == 0 || i < len(m.words.at) && m.words.at[i]&c.bit != 0
}

// classStarts reports whether a word of c starts at i.
func (m *matcher) classStarts(c *class, i int) bool {
	if c.bit != 0 {
		return m.classMayStart(c, i)
	}
	return c.anyAt(m.a.text, i)
}

// classHas reports whether the text of s is a word of c; c may be nil.
func (m *matcher) classHas(c *class, s span) bool {
	if c == nil {
		return false
	}
	if c.bit != 0 {
		return m.words.has(c.bit, s.start, s.end)
	}
	return c.has(m.a.text, s.start, s.end)
}

// endsWithShorter reports whether the longest word of c (a class with a
// bit) that ends the text of s is shorter than s: s is no word of c, and a
// word of c starts inside s and ends where s does.
func (m *matcher) endsWithShorter(c *class, s span) bool {
	if m.words.has(c.bit, s.start, s.end) {
		return false
	}
	for p := s.start + 1; p < s.end; p++ {
		if m.words.has(c.bit, p, s.end) {
			return true
		}
	}
	return false
}
