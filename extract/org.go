package extract

// orgs builds Org facts from org hits. The kind comes from the rule's
// fixed field kind=, else from the class entry of the whole name
// (org_name.dict), else from the suffix the name ends with
// (org_suffix.dict); the canonical name and successor from the alias table.
func (b *builder) orgs(hits []hit) []Org {
	var out []Org
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
		o := Org{Name: b.str(s), Provenance: b.prov(h, s)}
		o.Kind = b.orgKind(h, s)
		o.Canonical, o.Successor = b.e.tables.orgCanonical(o.Name)
		out = append(out, o)
	}
	return out
}

func (b *builder) orgKind(h hit, s span) OrgKind {
	if k, ok := h.rule.Fields["kind"]; ok {
		return OrgKind(k)
	}
	if c := b.e.classes["org_name"]; c != nil {
		if e, ok := c.entry(b.a.text, s.start, s.end); ok && e.Attrs["kind"] != "" {
			return OrgKind(e.Attrs["kind"])
		}
	}
	for _, name := range []string{"org_suffix", "org_name"} {
		c := b.e.classes[name]
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
// (ends=grassroots keeps 新城社区 and drops 银川市).
func (e *Extractor) endsWell(text []rune, h hit) bool {
	name, ok := h.rule.Fields["ends"]
	if !ok {
		return true
	}
	c := e.classes[name]
	s, ok := h.field("name")
	if c == nil || !ok {
		return false
	}
	_, _, ok = c.suffixOf(text, s.start, s.end)
	return ok
}
