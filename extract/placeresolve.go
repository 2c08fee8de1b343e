package extract

// Weights of what another mention says about a candidate division.
const (
	weightKin      = 3   // an ancestor or a descendant of the candidate is named
	weightSibling  = 1   // a division with the same parent is named
	weightProvince = 0.5 // a division in the same province is named
)

// evidence sums the mentions' weight on each division and its relatives.
// A mention with n candidates gives each 1/n.
type evidence struct {
	g *Gazetteer
	// sums holds the sums of the divisions with any; slot[d] is the index
	// of division d's sums when sums[slot[d]] is d's (a sparse set: slot
	// is never cleared).
	slot  []int32
	sums  []divSums
	picks []pick // scratch for resolve
}

// divSums is the weight on a division itself (self), on its descendants
// (desc), on its children (sib, for siblings) and on the divisions of its
// province (prov).
type divSums struct {
	div                   int32
	self, desc, sib, prov float64
}

// pick is a division chosen for the match at index i.
type pick struct {
	i   int
	div int32
}

// reset makes ev the evidence of the matches ms, reusing its space.
func (ev *evidence) reset(g *Gazetteer, ms []match) {
	ev.g = g
	if len(ev.slot) != len(g.divs) {
		ev.slot = make([]int32, len(g.divs))
	}
	ev.sums = ev.sums[:0]
	for i := range ms {
		ev.add(&ms[i], 1)
	}
}

// at returns the sums of division d, adding them when it has none. The
// pointer is good until the next call.
func (ev *evidence) at(d int32) *divSums {
	if i := ev.slot[d]; int(i) < len(ev.sums) && ev.sums[i].div == d {
		return &ev.sums[i]
	}
	ev.slot[d] = int32(len(ev.sums))
	ev.sums = append(ev.sums, divSums{div: d})
	return &ev.sums[len(ev.sums)-1]
}

// get returns the sums of division d, zero when it has none.
func (ev *evidence) get(d int32) divSums {
	if i := ev.slot[d]; int(i) < len(ev.sums) && ev.sums[i].div == d {
		return ev.sums[i]
	}
	return divSums{}
}

func (ev *evidence) add(m *match, sign float64) {
	if m.div >= 0 {
		ev.addDiv(m.div, sign)
		return
	}
	for _, c := range m.cands {
		ev.addDiv(c.div, sign/float64(len(m.cands)))
	}
}

func (ev *evidence) addDiv(d int32, w float64) {
	divs := ev.g.divs
	ev.at(d).self += w
	for a := divs[d].parent; a >= 0; a = divs[a].parent {
		ev.at(a).desc += w
	}
	if p := divs[d].parent; p >= 0 {
		ev.at(p).sib += w
	}
	if p := divs[d].anc[0]; p >= 0 {
		ev.at(p).prov += w
	}
}

// score is the weight of the other mentions on division d.
func (ev *evidence) score(d int32) float64 {
	divs := ev.g.divs
	own := ev.get(d)
	s := weightKin * own.desc
	for a := divs[d].parent; a >= 0; a = divs[a].parent {
		s += weightKin * ev.get(a).self
	}
	if p := divs[d].parent; p >= 0 {
		s += weightSibling * (ev.get(p).sib - own.self)
	}
	if p := divs[d].anc[0]; p >= 0 {
		s += weightProvince * (ev.get(p).prov - own.self)
	}
	return s
}

// resolve fixes each match's division: the only candidate, or the one the
// other mentions point at most. Two rounds let a resolved name help resolve
// another. ev is space for the evidence.
func (g *Gazetteer) resolve(ms []match, ev *evidence) {
	open := false // a match has candidates to choose from
	for i := range ms {
		if len(ms[i].cands) == 1 {
			ms[i].div = ms[i].cands[0].div
		}
		open = open || ms[i].div < 0 && len(ms[i].cands) > 1
	}
	if !open {
		return // no round would pick anything
	}
	for range 2 {
		ev.reset(g, ms)
		picks := ev.picks[:0]
		for i := range ms {
			if ms[i].div < 0 && len(ms[i].cands) > 1 {
				ev.add(&ms[i], -1)
				if d := ev.best(ms[i].cands); d >= 0 {
					picks = append(picks, pick{i, d})
				}
				ev.add(&ms[i], 1)
			}
		}
		ev.picks = picks
		for _, p := range picks {
			ms[p.i].div = p.div
		}
	}
}

// best returns the candidate with the highest positive score, or -1 when
// two share it. With no evidence at all, a name that is a province's short
// name as well as a city's (吉林, 海南) is the province, and a name found
// once on the mainland and elsewhere in Taiwan, Hong Kong or Macau is the
// mainland's.
func (ev *evidence) best(cands []cand) int32 {
	const eps = 1e-9
	best, top, tie := int32(-1), eps, false
	for _, c := range cands {
		switch s := ev.score(c.div); {
		case s > top+eps:
			best, top, tie = c.div, s, false
		case s > top-eps:
			tie = true
		}
	}
	switch {
	case tie:
		return -1
	case best < 0:
		if d := ev.onlyProvince(cands); d >= 0 {
			return d
		}
		return ev.onlyMainland(cands)
	}
	return best
}

// onlyMainland returns the one candidate outside Taiwan, Hong Kong and
// Macau when the others are there, or -1: with nothing pointing at those
// regions, 金山区 is Shanghai's, not New Taipei's.
func (ev *evidence) onlyMainland(cands []cand) int32 {
	found := int32(-1)
	for _, c := range cands {
		if !ev.g.offMainland(c.div) {
			if found >= 0 {
				return -1
			}
			found = c.div
		}
	}
	return found
}

// offMainland reports whether division d lies in Taiwan, Hong Kong or
// Macau (province codes 71, 81, 82).
func (g *Gazetteer) offMainland(d int32) bool {
	p := g.divs[d].anc[0]
	if p < 0 {
		return false
	}
	switch g.divs[p].Code {
	case "71", "81", "82":
		return true
	}
	return false
}

// onlyProvince returns the one province among the candidates, or -1.
func (ev *evidence) onlyProvince(cands []cand) int32 {
	found := int32(-1)
	for _, c := range cands {
		if ev.g.divs[c.div].Level == LevelProvince {
			if found >= 0 {
				return -1
			}
			found = c.div
		}
	}
	return found
}

// mentions turns the matches into PlaceMentions.
func (g *Gazetteer) mentions(sc *scan, ms []match) []PlaceMention {
	out := make([]PlaceMention, 0, len(ms))
	for _, m := range ms {
		pm := PlaceMention{Name: sc.sub(m.start, m.end), Start: m.start, End: m.end,
			Level: m.level, Anonymised: m.anon}
		switch {
		case m.div >= 0:
			g.place(&pm, []int32{m.div})
		case len(m.cands) > 0:
			divs := make([]int32, len(m.cands))
			for i, c := range m.cands {
				divs[i] = c.div
			}
			g.place(&pm, divs)
		case !m.anon && len(out) > 0 && out[len(out)-1].End == m.start && !out[len(out)-1].Anonymised:
			prev := out[len(out)-1]
			pm.Province, pm.City, pm.County = prev.Province, prev.City, prev.County
		}
		out = append(out, pm)
	}
	return out
}

// place fills the code, level and enclosing divisions that all the
// candidates share; the level is the highest of theirs.
func (g *Gazetteer) place(pm *PlaceMention, divs []int32) {
	first := g.divs[divs[0]]
	if len(divs) == 1 {
		pm.Code = first.Code
	}
	pm.Level = first.Level
	anc := first.anc
	for _, d := range divs[1:] {
		if levelRank[g.divs[d].Level] < levelRank[pm.Level] {
			pm.Level = g.divs[d].Level
		}
		for r := range anc {
			if anc[r] != g.divs[d].anc[r] {
				anc[r] = -1
			}
		}
	}
	names := [3]*string{&pm.Province, &pm.City, &pm.County}
	for r, a := range anc {
		if a >= 0 {
			*names[r] = g.divs[a].Name
		}
	}
}
