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
	// the children of the nodes with more than maxScan of them, by hash of
	// (node, rune); a slot with node 0 is empty
	edges     []trieEdge
	edgeShift uint8
}

// trieEdge is a child of a node in a runeTrie's hash table.
type trieEdge struct {
	from int32
	r    rune
	node int32
}

// maxScan is the most children that child looks through one by one.
const maxScan = 8

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
	t.hashEdges()
	return t
}

// hashEdges fills the hash table of the children of the nodes, but the
// root, that have more than maxScan of them.
func (t *runeTrie[V]) hashEdges() {
	n := 0
	for _, s := range t.nodes[1:] {
		if s.end-s.first > maxScan {
			n += int(s.end - s.first)
		}
	}
	bits := uint8(1)
	for 1<<bits < 2*n {
		bits++
	}
	t.edges, t.edgeShift = make([]trieEdge, 1<<bits), 64-bits
	mask := uint32(len(t.edges) - 1)
	for node, s := range t.nodes[1:] {
		if s.end-s.first <= maxScan {
			continue
		}
		for i := s.first; i < s.end; i++ {
			k := t.kids[i]
			h := t.edgeHash(int32(node+1), k.r)
			for t.edges[h].node != 0 {
				h = (h + 1) & mask
			}
			t.edges[h] = trieEdge{int32(node + 1), k.r, k.node}
		}
	}
}

func (t *runeTrie[V]) edgeHash(n int32, r rune) uint32 {
	return uint32((uint64(n)<<32 | uint64(uint32(r))) * 0x9E3779B97F4A7C15 >> t.edgeShift)
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
	s := &t.nodes[n]
	if s.end-s.first > maxScan {
		return t.hashedChild(n, r)
	}
	for _, k := range t.kids[s.first:s.end] {
		if k.r == r {
			return k.node
		}
	}
	return 0
}

// hashedChild finds a child of a node with many in the hash table,
// probing linearly.
func (t *runeTrie[V]) hashedChild(n int32, r rune) int32 {
	mask := uint32(len(t.edges) - 1)
	for h := t.edgeHash(n, r); ; h = (h + 1) & mask {
		switch e := &t.edges[h]; {
		case e.node == 0:
			return 0
		case e.from == n && e.r == r:
			return e.node
		}
	}
}
