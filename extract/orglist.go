package extract

// A rule may name several organisations in one match: a list
// (甲、乙、丙等5家商家, 品牌分别是甲、乙和丙) captures name once per item, and
// a level shared by two names (省、市消协) captures the first level as alt
// and the rest of the second name as body. splitOrgHits turns such a hit
// into one hit per organisation, so that each is resolved against the
// others on its own. Hits that keep rejects are dropped. The hits are
// appended to out, which must not share hits' array.
func splitOrgHits(hits []hit, keep func(hit) bool, out []hit) []hit {
	add := func(h hit) {
		if keep(h) {
			out = append(out, h)
		}
	}
	for _, h := range hits {
		names, alt, hasAlt, body, hasBody := orgCaps(h)
		if names <= 1 && !(hasAlt && hasBody) {
			add(h)
			continue
		}
		for _, c := range h.caps {
			if c.name == "name" && c.end > c.start {
				add(hit{rule: h.rule, start: c.start, end: c.end, caps: []capture{c}})
			}
		}
		if hasAlt && hasBody {
			caps := []capture{{"alt", alt.start, alt.end}, {"body", body.start, body.end}}
			add(hit{rule: h.rule, start: alt.start, end: alt.end, caps: caps})
		}
	}
	return out
}

// orgCaps reads, in one pass over the captures of h, the number of names
// it captured and the fields alt and body, as h.field gives them.
func orgCaps(h hit) (names int, alt span, hasAlt bool, body span, hasBody bool) {
	for i := len(h.caps) - 1; i >= 0; i-- {
		c := h.caps[i]
		switch c.name {
		case "name":
			names++
		case "alt":
			if !hasAlt && c.end > c.start {
				alt, hasAlt = span{c.start, c.end}, true
			}
		case "body":
			if !hasBody && c.end > c.start {
				body, hasBody = span{c.start, c.end}, true
			}
		}
	}
	return names, alt, hasAlt, body, hasBody
}

// joinedName returns the name of an organisation written with a level
// shared with the next name (省 in 省、市消协 gives 省消协), and its span
// from the level to the end of the shared part.
func (b *builder) joinedName(h hit) (string, span, bool) {
	alt, ok1 := h.field("alt")
	body, ok2 := h.field("body")
	if !ok1 || !ok2 {
		return "", span{}, false
	}
	return b.str(alt) + b.str(body), span{alt.start, body.end}, true
}
