package extract

import "slices"

// runeTrie maps keys (rune strings) to values of type V. Each edge holds
// a copy of the node it leads to, so that a step down the trie touches
// the memory of one edge: the root's children are found through a table
// by rune, the children of a node with few of them contiguous in kids,
// those of a node with many in a hash table.
type runeTrie[V any] struct {
	// rootAt maps a BMP rune to 1 + the index of its child of the root in
	// root, 0 for none: a small table, for the cache, before the children.
	rootAt   []int32
	root     []trieSlot[V]
	rootWide map[rune]*trieSlot[V]
	kids     []trieKid[V]
	// the children of the nodes with more than maxScan of them, by hash of
	// (node, rune); a slot with id 0 is empty
	edges     []trieEdge[V]
	edgeShift uint8
}

// maxScan is the most children that child looks through one by one.
const maxScan = 8

// trieSlot is a node of a runeTrie: id numbers it (from 1 below the
// root), its children are kids[first:end] or in the hash table, and val
// is the value of the key ending here, if has.
type trieSlot[V any] struct {
	id, first, end int32
	has            bool
	val            V
}

// trieKid is a child of a node with few children.
type trieKid[V any] struct {
	r    rune
	slot trieSlot[V]
}

// trieEdge is a child of a node with many children, in the hash table.
type trieEdge[V any] struct {
	from int32
	r    rune
	slot trieSlot[V]
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
	nodes, kids := layOut(keys)
	t := &runeTrie[V]{rootAt: make([]int32, 0x10000), rootWide: map[rune]*trieSlot[V]{}}
	for _, k := range kids[nodes[0].first:nodes[0].end] {
		if k.r < 0x10000 {
			t.root = append(t.root, nodes[k.node])
			t.rootAt[k.r] = int32(len(t.root))
		} else {
			s := nodes[k.node]
			t.rootWide[k.r] = &s
		}
	}
	t.kids = make([]trieKid[V], len(kids))
	for i, k := range kids {
		t.kids[i] = trieKid[V]{k.r, nodes[k.node]}
	}
	t.hashEdges(nodes, kids)
	return t
}

// layoutKid is a child as layOut gives it: a rune and a node index.
type layoutKid struct {
	r    rune
	node int32
}

// layOut numbers the nodes of the trie of the sorted keys breadth first,
// so that the children of each node are contiguous in kids.
func layOut[V any](keys []trieKey[V]) ([]trieSlot[V], []layoutKid) {
	var nodes []trieSlot[V]
	var kids []layoutKid
	type group struct{ lo, hi, depth int }
	queue := []group{{0, len(keys), 0}}
	for n := 0; n < len(queue); n++ {
		g := queue[n]
		node := trieSlot[V]{id: int32(n)}
		if g.lo < g.hi && len(keys[g.lo].key) == g.depth {
			node.has, node.val = true, keys[g.lo].val // the only key ending here
			g.lo++
		}
		node.first = int32(len(kids))
		for lo := g.lo; lo < g.hi; {
			r := keys[lo].key[g.depth]
			hi := lo + 1
			for hi < g.hi && keys[hi].key[g.depth] == r {
				hi++
			}
			kids = append(kids, layoutKid{r, int32(len(queue))})
			queue = append(queue, group{lo, hi, g.depth + 1})
			lo = hi
		}
		node.end = int32(len(kids))
		nodes = append(nodes, node)
	}
	return nodes, kids
}

// hashEdges fills the hash table of the children of the nodes, but the
// root, that have more than maxScan of them.
func (t *runeTrie[V]) hashEdges(nodes []trieSlot[V], kids []layoutKid) {
	n := 0
	for _, s := range nodes[1:] {
		if s.end-s.first > maxScan {
			n += int(s.end - s.first)
		}
	}
	bits := uint8(1)
	for 1<<bits < 2*n {
		bits++
	}
	t.edges, t.edgeShift = make([]trieEdge[V], 1<<bits), 64-bits
	mask := uint32(len(t.edges) - 1)
	for _, s := range nodes[1:] {
		if s.end-s.first <= maxScan {
			continue
		}
		for _, k := range kids[s.first:s.end] {
			h := t.edgeHash(s.id, k.r)
			for t.edges[h].slot.id != 0 {
				h = (h + 1) & mask
			}
			t.edges[h] = trieEdge[V]{s.id, k.r, nodes[k.node]}
		}
	}
}

func (t *runeTrie[V]) edgeHash(n int32, r rune) uint32 {
	return uint32((uint64(n)<<32 | uint64(uint32(r))) * 0x9E3779B97F4A7C15 >> t.edgeShift)
}

// start returns the node of the one-rune key r, nil for none.
func (t *runeTrie[V]) start(r rune) *trieSlot[V] {
	if r >= 0 && r < 0x10000 {
		if x := t.rootAt[r]; x != 0 {
			return &t.root[x-1]
		}
		return nil
	}
	return t.rootWide[r]
}

// child returns the child of node s under r, nil for none.
func (t *runeTrie[V]) child(s *trieSlot[V], r rune) *trieSlot[V] {
	if s.end-s.first > maxScan {
		return t.hashedChild(s.id, r)
	}
	kids := t.kids[s.first:s.end]
	for i := range kids {
		if kids[i].r == r {
			return &kids[i].slot
		}
	}
	return nil
}

// hashedChild finds a child of a node with many in the hash table,
// probing linearly.
func (t *runeTrie[V]) hashedChild(n int32, r rune) *trieSlot[V] {
	mask := uint32(len(t.edges) - 1)
	for h := t.edgeHash(n, r); ; h = (h + 1) & mask {
		switch e := &t.edges[h]; {
		case e.slot.id == 0:
			return nil
		case e.from == n && e.r == r:
			return &e.slot
		}
	}
}
