package extract

import "slices"

// runeTrie maps keys (rune strings) to values of type V. Its nodes are
// laid out breadth first, each node's children contiguous and sorted by
// rune, and the root's children are found by table.
type runeTrie[V any] struct {
	root     []int32 // BMP rune → child of the root, 0 for none
	rootWide map[rune]int32
	nodes    []trieSlot[V]
	kids     []trieKid
}

// trieSlot is a node of a runeTrie: its children are kids[first:end]; val
// is the value of the key ending here, if has.
type trieSlot[V any] struct {
	first, end int32
	has        bool
	val        V
}

// trieKid is a child of a trieSlot.
type trieKid struct {
	r    rune
	node int32
}

// trieKey is a key and its value, to build a runeTrie from.
type trieKey[V any] struct {
	key []rune
	val V
}

// newRuneTrie builds the trie of keys, which must be distinct; it sorts
// them.
func newRuneTrie[V any](keys []trieKey[V]) *runeTrie[V] {
	slices.SortFunc(keys, func(a, b trieKey[V]) int { return slices.Compare(a.key, b.key) })
	t := &runeTrie[V]{root: make([]int32, 0x10000), rootWide: map[rune]int32{}}
	type group struct{ lo, hi, depth int }
	queue := []group{{0, len(keys), 0}}
	for n := 0; n < len(queue); n++ {
		g := queue[n]
		var node trieSlot[V]
		if g.lo < g.hi && len(keys[g.lo].key) == g.depth {
			node.has, node.val = true, keys[g.lo].val // the only key ending here
			g.lo++
		}
		node.first = int32(len(t.kids))
		for lo := g.lo; lo < g.hi; {
			r := keys[lo].key[g.depth]
			hi := lo + 1
			for hi < g.hi && keys[hi].key[g.depth] == r {
				hi++
			}
			t.kids = append(t.kids, trieKid{r, int32(len(queue))})
			queue = append(queue, group{lo, hi, g.depth + 1})
			lo = hi
		}
		node.end = int32(len(t.kids))
		t.nodes = append(t.nodes, node)
	}
	for _, k := range t.kids[t.nodes[0].first:t.nodes[0].end] {
		if k.r < 0x10000 {
			t.root[k.r] = k.node
		} else {
			t.rootWide[k.r] = k.node
		}
	}
	return t
}

// start returns the node of the one-rune key r, 0 for none.
func (t *runeTrie[V]) start(r rune) int32 {
	if r >= 0 && r < 0x10000 {
		return t.root[r]
	}
	return t.rootWide[r]
}

// child returns the child of node n under r, 0 for none.
func (t *runeTrie[V]) child(n int32, r rune) int32 {
	kids := t.kids[t.nodes[n].first:t.nodes[n].end]
	if len(kids) <= 8 {
		for _, k := range kids {
			if k.r == r {
				return k.node
			}
		}
		return 0
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := kids[m].r; {
		case c == r:
			return kids[m].node
		case c < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}
