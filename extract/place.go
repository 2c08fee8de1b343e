package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"zongjie/rules"
)

// Place levels. The first four are the levels of rules.Division; community
// and village are only found by pattern (青石巷社区, 大寨村).
const (
	LevelProvince  = "province"
	LevelCity      = "city"
	LevelCounty    = "county"
	LevelTownship  = "township"
	LevelCommunity = "community"
	LevelVillage   = "village"
)

// levelRank orders the division levels from the top.
var levelRank = map[string]int{LevelProvince: 0, LevelCity: 1, LevelCounty: 2, LevelTownship: 3}

// PlaceMention is one place name in the text.
//
// A chain such as 山东省聊城市东昌府区 gives one mention per level, each
// written as in the text, as the evaluation gold lists them.
type PlaceMention struct {
	Name       string // as written
	Start, End int    // rune offsets
	Code       string // division code when resolved ("" for pattern-only places like 某某社区 not in the data)
	Level      string // province, city, county, township, community, village
	// Province, City and County are the full names of the divisions the
	// place is or lies in, "" when unknown: 银川 gives City 银川市 and
	// Province 宁夏回族自治区. A place found by pattern right after a
	// known one (兴庆区正阳社区) takes that one's.
	Province, City, County string
	Anonymised             bool // ××区, xx镇, **市, XX县, ×× 街道: recognised as anonymised, never a place
}

// Gazetteer finds administrative places in text. Build once, share: safe for concurrent use.
//
// It matches the full names of the divisions (湖州市, 织里镇), their short
// names (银川, 宁夏, 西夏) under the rules of nameKind, anonymised names
// (××区) and, by pattern, communities, villages and townships missing from
// the data (青石巷社区, 大寨村). The longest match wins, left to right;
// words in rules.PlaceWords.Stop block a match.
type Gazetteer struct {
	divs    []gdiv
	entries map[string]*entry // name -> candidates
	names   *runeTrie[*entry] // the same, to walk along a text
	// firsts and seconds are bit sets of the runes that names start with
	// and have second: a cheap test before the trie.
	firsts, seconds runeSet
	pairs           *pairSet          // the first two runes of the names, hashed
	stop            wordSet           // words that are never places
	mods            []string          // generic modifiers (示范 from 示范*)
	left            wordSet           // words that end a pattern place's left context
	boundary        map[rune]bool     // one-character left words
	follow          map[rune][]string // words confirming a short name, by first character
	followFirsts    runeSet           // the first characters of follow, a test before the map
	breakers        breakerIndex      // words after a short name that make it another name's part
	scans           sync.Pool         // of *scan, for their buffers
}

// gdiv is a division with its place in the tree.
type gdiv struct {
	rules.Division
	parent int32
	anc    [3]int32 // province, city, county: index of self or ancestor, -1 if none
	rank   int      // levelRank of its level, 0 for a level not there
}

// divSet is a set of divisions (indices in Gazetteer.divs), a bit each.
type divSet []uint64

func (s divSet) add(d int32)      { s[d>>6] |= 1 << (d & 63) }
func (s divSet) has(d int32) bool { return s[d>>6]&(1<<(d&63)) != 0 }

// nameKind says how a name was made and what it needs to be accepted.
type nameKind uint8

const (
	kindFull          nameKind = iota // full name, three characters or more: 湖州市, 长阳县 (alias of an autonomous county)
	kindFullWeak                      // full name of two characters (和县, 乌镇): needs confirmation
	kindFullVerb                      // full name whose short form is a verb (联合镇): needs its county or city in the text
	kindShort                         // short name of a province or city, or of three characters or more: 银川, 东昌府
	kindShortCounty                   // short name of a county, two characters (西夏): needs confirmation
	kindShortTownship                 // short name of a township (织里): needs its county or city in the text and an organisation word after it
)

type cand struct {
	div  int32
	kind nameKind
}

type entry struct {
	cands []cand
	stop  bool
	// ambig holds the short county and township names spelt like another
	// name (鼓楼 of four 鼓楼区, 城关 of many 城关镇): they stand only where
	// the document names that division in full, or right after its parent.
	ambig []cand
}

// wordSet is a set of words with the greatest length in runes.
type wordSet struct {
	words map[string]bool
	max   int
}

func newWordSet(words []string) wordSet {
	ws := wordSet{words: map[string]bool{}}
	for _, w := range words {
		ws.words[w] = true
		ws.max = max(ws.max, utf8.RuneCountInString(w))
	}
	return ws
}

// NewGazetteer builds a gazetteer from the divisions and the place word
// lists (rules.Set.PlaceWords).
func NewGazetteer(divs []rules.Division, words rules.PlaceWords) *Gazetteer {
	g := &Gazetteer{
		entries:  map[string]*entry{},
		pairs:    new(pairSet),
		boundary: map[rune]bool{},
		follow:   map[rune][]string{},
	}
	for _, w := range words.Follow {
		r, _ := utf8.DecodeRuneInString(w)
		g.follow[r] = append(g.follow[r], w)
		g.followFirsts.add(r)
	}
	g.breakers = newBreakerIndex(words.Break)
	g.divs = buildTree(divs)
	g.indexNames()
	var stop []string
	for _, w := range words.Stop {
		if m, ok := strings.CutSuffix(w, "*"); ok {
			g.mods = append(g.mods, m)
			continue
		}
		stop = append(stop, w)
		g.entry(w).stop = true
	}
	g.stop = newWordSet(stop)
	var left []string
	for _, w := range words.Left {
		if r, n := utf8.DecodeRuneInString(w); n == len(w) {
			g.boundary[r] = true
			continue
		}
		left = append(left, w)
	}
	g.left = newWordSet(left)
	g.weakenVerbNames()
	keys := make([]trieKey[*entry], 0, len(g.entries))
	for name, e := range g.entries {
		keys = append(keys, trieKey[*entry]{[]rune(name), e})
	}
	g.names = newRuneTrie(keys)
	return g
}

// weakenVerbNames makes a full name whose short form is a left word (联合镇,
// 建设乡) need its county or city in the text: in 联合镇派出所 the verb 联合
// governs 镇派出所.
func (g *Gazetteer) weakenVerbNames() {
	for name, e := range g.entries {
		for i, c := range e.cands {
			d := g.divs[c.div]
			if c.kind != kindFull || d.Name != name {
				continue
			}
			if short, _ := shortName(d.Name, d.Level); g.left.words[short] {
				e.cands[i].kind = kindFullVerb
			}
		}
	}
}

// buildTree links each division to its parent and ancestors.
func buildTree(divs []rules.Division) []gdiv {
	out := make([]gdiv, len(divs))
	index := make(map[string]int32, len(divs))
	for i, d := range divs {
		out[i] = gdiv{Division: d, parent: -1, anc: [3]int32{-1, -1, -1}, rank: levelRank[d.Level]}
		index[d.Code] = int32(i)
	}
	for i := range out {
		if p, ok := index[out[i].Parent]; ok {
			out[i].parent = p
		}
	}
	for i := range out {
		for a := int32(i); a >= 0; a = out[a].parent {
			if r, ok := levelRank[out[a].Level]; ok && r < 3 && out[i].anc[r] < 0 {
				out[i].anc[r] = a
			}
		}
	}
	return out
}

// entry returns the entry for name, adding it to the index.
func (g *Gazetteer) entry(name string) *entry {
	if e, ok := g.entries[name]; ok {
		return e
	}
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 63 {
		return &entry{} // not indexed
	}
	e := &entry{}
	g.entries[name] = e
	g.pairs.add(rs[0], rs[1])
	g.firsts.add(rs[0])
	g.seconds.add(rs[1])
	return e
}

// mayStart reports whether a name may start with the runes a, b: false
// means none does.
func (g *Gazetteer) mayStart(a, b rune) bool {
	return g.firsts.has(a) && g.seconds.has(b) && g.pairs.has(a, b)
}

// runeSet is a bit set of runes (those above U+FFFF share bits with others:
// a false positive is harmless where it is used).
type runeSet [1 << 10]uint64

func (s *runeSet) add(r rune)      { s[(r>>6)&(1<<10-1)] |= 1 << (r & 63) }
func (s *runeSet) has(r rune) bool { return s[(r>>6)&(1<<10-1)]&(1<<(r&63)) != 0 }

// pairSet is a bit set of hashed pairs of runes, a filter before the map
// of starts: a pair that was added always tests true, another rarely.
type pairSet [1 << 14]uint64

// pairBit hashes a pair of runes to one of the set's 2^20 bits.
func pairBit(a, b rune) uint32 {
	h := uint64(uint32(a))*0x9E3779B97F4A7C15 ^ uint64(uint32(b))*0xC2B2AE3D27D4EB4F
	return uint32(h >> 44)
}

func (s *pairSet) add(a, b rune) {
	k := pairBit(a, b)
	s[k>>6] |= 1 << (k & 63)
}

func (s *pairSet) has(a, b rune) bool {
	k := pairBit(a, b)
	return s[k>>6]&(1<<(k&63)) != 0
}

// indexNames adds every division's full name, aliases and short names.
// The districts of Taiwan, Hong Kong and Macau go by their full names only,
// and their cities' short names are weak when a mainland name is spelt
// the same (新北 of 常州's 新北区).
// County and township short names are kept only when no other name is
// spelt the same (the others go to the entry's ambig), and a county's short name only when it does not start
// with its city's (沧州渤海 of 沧州渤海新区).
func (g *Gazetteer) indexNames() {
	for i, d := range g.divs {
		for _, n := range namesOf(d.Name, d.Level) {
			if n.kind >= kindShort && d.Level != LevelProvince && d.Level != LevelCity && g.offMainland(int32(i)) {
				continue // 三峡 of 三峡大学 is no district of New Taipei: write 三峡区
			}
			if n.kind == kindShortCounty || (n.kind == kindShort && d.Level == LevelCounty) {
				if g.startsWithParentShort(d, n.name) {
					continue
				}
			}
			e := g.entry(n.name)
			e.cands = append(e.cands, cand{int32(i), n.kind})
		}
	}
	for _, e := range g.entries {
		if len(e.cands) > 1 {
			weak := func(c cand) bool {
				return c.kind == kindShortCounty || c.kind == kindShortTownship ||
					(c.kind == kindShort && (g.divs[c.div].Level == LevelCounty || g.offMainland(c.div)))
			}
			for _, c := range e.cands {
				if weak(c) {
					e.ambig = append(e.ambig, c)
				}
			}
			e.cands = slices.DeleteFunc(e.cands, weak)
		}
	}
}

func (g *Gazetteer) startsWithParentShort(d gdiv, short string) bool {
	if d.parent < 0 {
		return false
	}
	p := g.divs[d.parent]
	ps, _ := shortName(p.Name, p.Level)
	return ps != "" && strings.HasPrefix(short, ps)
}

// Find returns the place mentions in text, in order, non-overlapping, resolving ambiguous names with the other mentions in the same text.
func (g *Gazetteer) Find(text []rune) []PlaceMention {
	s := string(text)
	_, off, _ := appendRunesAt(nil, nil, s)
	return g.find(text, s, off)
}

// find is Find for text whose string form s is at hand, off[i] being the
// byte offset of rune i in s and off[len(text)] == len(s).
func (g *Gazetteer) find(text []rune, s string, off []int32) []PlaceMention {
	sc, _ := g.scans.Get().(*scan)
	sc = newScan(g, text, s, off, sc)
	defer func() {
		sc.text, sc.s, sc.off = nil, "", nil // keep the buffers, not the text
		g.scans.Put(sc)
	}()
	hits := sc.nameHits()
	sc.buf.cands = sc.buf.cands[:0]
	ctx := divSet(resized([]uint64(sc.buf.ctx), (len(g.divs)+63)/64))
	sc.buf.ctx = ctx
	sc.buf.first = sc.choose(hits, nil, sc.buf.first[:0])
	for _, m := range sc.buf.first {
		for _, c := range m.cands {
			ctx.add(c.div)
		}
	}
	ms := sc.choose(hits, ctx, sc.buf.chosen[:0])
	ms = sc.addPatterns(ms)
	sc.buf.chosen = ms
	g.resolve(ms, &sc.ev)
	return g.mentions(sc, ms)
}
