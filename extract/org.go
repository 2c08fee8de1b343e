package extract

// orgs builds Org facts from org hits. The kind comes from the rule's
// fixed field kind=, else from the class entry of the whole name
// (org_name.dict), else from the suffix the name ends with
// (org_suffix.dict); the canonical name and successor from the alias table.
func (b *builder) orgs(hits []hit) []Org {
	out := factsFor[Org](hits)
	for _, h := range hits {
		if name, s, ok := b.joinedName(h); ok {
			o := Org{Name: name, Provenance: b.prov(h, s)}
			body, _ := h.field("body")
			o.Kind = b.orgKind(h, body) // the kind of the name it shares the level with
			o.Canonical, o.Successor = b.e.tables.orgCanonical(name)
			out = append(out, o)
			continue
		}
		s, ok := h.field("name")
		if !ok {
			s = span{h.start, h.end}
		}
		for s.start < s.end && b.a.text[s.start] == '我' {
			s.start++ // 我区消协 names the 区消协
		}
		if s.end-s.start < 2 {
			continue
		}
		s = b.universityOf(s)
		o := Org{Name: b.str(s), Provenance: b.prov(h, s)}
		o.Kind = b.orgKind(h, s)
		o.Canonical, o.Successor = b.e.tables.orgCanonical(o.Name)
		out = append(out, o)
	}
	return out
}

func (b *builder) orgKind(h hit, s span) OrgKind {
	if f := b.e.fieldsOf(h); f.hasKind {
		return OrgKind(f.kind)
	}
	if c := b.e.built.orgName; c != nil {
		if e, ok := c.entry(b.a.text, s.start, s.end); ok && e.Attrs["kind"] != "" {
			return OrgKind(e.Attrs["kind"])
		}
	}
	for _, c := range [...]*class{b.e.built.orgSuffix, b.e.built.orgName} {
		if c == nil {
			continue
		}
		if e, _, ok := c.suffixOf(b.a.text, s.start, s.end); ok && e.Attrs["kind"] != "" {
			return OrgKind(e.Attrs["kind"])
		}
	}
	return OrgOther
}

// endsWell applies a rule's field ends=CLASS to an org hit before the
// hits are resolved: its name must end with a word of that class
// (ends=grassroots keeps 光明社区 and drops 银川市).
func (e *Extractor) endsWell(text []rune, h hit) bool {
	f := e.fieldsOf(h)
	if !f.hasEnds {
		return true
	}
	c := e.classes[f.ends]
	s, ok := h.field("name")
	if c == nil || !ok {
		return false
	}
	_, _, ok = c.suffixOf(text, s.start, s.end)
	return ok
}

// universityOf trims a faculty off the university it belongs to: a
// 学院 or 系 of a 大学 is an internal department, so 河北大学法学院 and
// 三峡大学法学与公共管理学院 name the 河北大学 and the 三峡大学. A college
// whose own name starts with a place after the university's
// (浙江大学宁波理工学院, an independent college) is kept whole.
func (b *builder) universityOf(s span) span {
	t := b.a.text
	end := s.end
	switch {
	case end-s.start >= 2 && t[end-2] == '学' && t[end-1] == '院':
	case end-s.start >= 1 && t[end-1] == '系':
	default:
		return s
	}
	for i := end - 3; i > s.start+1; i-- {
		if t[i-1] == '学' && t[i-2] == '大' {
			if _, ok := b.a.placeAt(i); ok {
				return s
			}
			return span{s.start, i}
		}
	}
	return s
}
