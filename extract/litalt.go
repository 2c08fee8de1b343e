package extract

import "zongjie/rules"

// litAlt is an alternation whose every branch is a literal, (、 | 和 | 及),
// matched in one loop instead of one call per branch. The branches keep
// their order, so that the ends come in the order the alternation gives.
type litAlt struct {
	firsts []rune   // the first rune of each branch
	lits   [][]rune // the branches
}

// newLitAlt returns the literal alternation of the kids of an OpAlt node,
// or nil when a kid is no literal of at least one rune.
func newLitAlt(kids []*node) *litAlt {
	x := &litAlt{}
	for _, k := range kids {
		if k.op != rules.OpLit || len(k.lit) == 0 {
			return nil
		}
		x.firsts = append(x.firsts, k.lit[0])
		x.lits = append(x.lits, k.lit)
	}
	return x
}

// appendEnds appends the end of each branch that matches text at i, in
// branch order.
func (x *litAlt) appendEnds(text []rune, i int, ends []int) []int {
	if i >= len(text) {
		return ends
	}
	r := text[i]
	for b, f := range x.firsts {
		if f != r {
			continue
		}
		j := i + 1
		for _, c := range x.lits[b][1:] {
			if j >= len(text) || text[j] != c {
				j = -1
				break
			}
			j++
		}
		if j >= 0 {
			ends = append(ends, j)
		}
	}
	return ends
}
