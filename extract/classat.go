package extract

// classMayStart reports whether a word of c may start at i: false when
// the document's classAt says that none does.
func (m *matcher) classMayStart(c *class, i int) bool {
	return c.bit == 0 || i < len(m.classAt) && m.classAt[i]&c.bit != 0
}

// classHas reports whether the text of s is a word of c; c may be nil.
func (m *matcher) classHas(c *class, s span) bool {
	return c != nil && m.classMayStart(c, s.start) && c.has(m.a.text, s.start, s.end)
}
