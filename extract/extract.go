// Package extract finds facts in a report's text: counts, dates, themes,
// organisations, places and laws, and the year of the activity. The rules
// are data (package rules); this package compiles and runs them over the
// text and its gse segmentation.
package extract

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"zongjie/corpus"
	"zongjie/rules"
)

// Record is the facts of one document, in the shape of the evaluation kit
// (shared/eval/README.md): one JSON object per document.
type Record struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Title      string  `json:"title"`
	Year       int     `json:"year,omitempty"`
	YearSource string  `json:"year_source,omitempty"` // title, explicit, ordinal or theme
	Genre      string  `json:"genre,omitempty"`
	Places     []Place `json:"places"`
	Orgs       []Org   `json:"orgs"`
	Themes     []Theme `json:"themes"`
	Laws       []Law   `json:"laws"`
	Dates      []Date  `json:"dates"`
	Counts     []Count `json:"counts"`
}

// fillEmpty makes every fact list non-nil, so that JSON shows [] for none.
func (r *Record) fillEmpty() {
	if r.Places == nil {
		r.Places = []Place{}
	}
	if r.Orgs == nil {
		r.Orgs = []Org{}
	}
	if r.Themes == nil {
		r.Themes = []Theme{}
	}
	if r.Laws == nil {
		r.Laws = []Law{}
	}
	if r.Dates == nil {
		r.Dates = []Date{}
	}
	if r.Counts == nil {
		r.Counts = []Count{}
	}
}

// Len returns the number of facts in the record.
func (r *Record) Len() int {
	return len(r.Places) + len(r.Orgs) + len(r.Themes) + len(r.Laws) + len(r.Dates) + len(r.Counts)
}

// CountByKind returns the number of facts of each kind.
func (r *Record) CountByKind() map[Kind]int {
	return map[Kind]int{
		KindCount: len(r.Counts), KindDate: len(r.Dates), KindTheme: len(r.Themes),
		KindOrg: len(r.Orgs), KindPlace: len(r.Places), KindLaw: len(r.Laws),
	}
}

// Extractor runs a rule set over documents. Build it once with New; it is
// immutable and safe for concurrent use.
type Extractor struct {
	set     *rules.Set
	seg     *Segmenter
	gaz     *Gazetteer
	classes map[string]*class
	rules   []*compiledRule
	anchors *anchorIndex
	tables  *tables
	fields  []ruleFields // by rule order
	built   builderClasses
	pool    sync.Pool // of *workspace
}

// New compiles a rule set. seg is the shared segmenter (LoadSegmenter).
func New(set *rules.Set, seg *Segmenter) (*Extractor, error) { return newExtractor(set, seg, 64) }

// newExtractor compiles a rule set, giving a bit (class.bit) to the first
// bits classes by name, at most 64; the others are looked up in their own
// tries.
func newExtractor(set *rules.Set, seg *Segmenter, bits int) (*Extractor, error) {
	e := &Extractor{set: set, seg: seg, classes: map[string]*class{}}
	names := slices.Sorted(maps.Keys(set.Classes))
	for i, name := range names {
		c := compileClass(set.Classes[name])
		if i < min(bits, 64) {
			c.bit = 1 << i
		}
		e.classes[name] = c
	}
	for i, r := range set.Rules {
		c, err := compileRule(r, i, e.classes)
		if err != nil {
			return nil, err
		}
		e.rules = append(e.rules, c)
	}
	e.anchors = newAnchorIndex(e.rules, e.classes)
	e.indexFields()
	var err error
	if e.tables, err = loadTables(set); err != nil {
		return nil, err
	}
	e.gaz = e.tables.gazetteer
	return e, nil
}

// Version identifies the rules and analyzer; facts made with another
// version must be made again.
func (e *Extractor) Version() string { return e.set.Version }

// Extract finds the facts of one document.
func (e *Extractor) Extract(doc corpus.Document) Record {
	w := e.workspace()
	defer e.pool.Put(w)
	return e.extractDoc(w, doc)
}

// extractDoc finds the facts of one document with the workspace w.
func (e *Extractor) extractDoc(w *workspace, doc corpus.Document) Record {
	w.a.segmentText(e.seg, doc.Text)
	return e.extractSegmentedDoc(w, doc)
}

// extractSegmentedDoc is extractDoc after the segmentation: w's analysis
// holds the document's text and words (segmentText).
func (e *Extractor) extractSegmentedDoc(w *workspace, doc corpus.Document) Record {
	rec := e.extractSegmented(w, doc.Text, doc.Written)
	rec.ID, rec.Source, rec.Title = doc.ID, doc.Source, doc.Title
	e.inferYear(&rec, doc, &w.a)
	return rec
}

// ExtractText finds the facts of a text, without document metadata or
// year.
func (e *Extractor) ExtractText(text string) Record {
	w := e.workspace()
	defer e.pool.Put(w)
	return e.extract(w, text, "")
}

// extract finds the facts of text with the workspace w, which keeps the
// text's analysis; written, when not empty, is the text as written
// (traditional characters, one for one with text), from which the facts'
// names are taken.
func (e *Extractor) extract(w *workspace, text, written string) Record {
	w.a.segmentText(e.seg, text)
	return e.extractSegmented(w, text, written)
}

// extractSegmented is extract after the segmentation: w's analysis holds
// the text and its words (segmentText).
func (e *Extractor) extractSegmented(w *workspace, text, written string) Record {
	a := &w.a
	e.analyseSegmented(a, text)
	a.shown = a.text
	if written != "" && utf8.RuneCountInString(written) == len(a.text) {
		w.shown = appendRunes(w.shown[:0], written)
		a.shown = w.shown
	}
	m := &w.m
	e.resetMatcher(m, a)
	for k := range w.hits {
		w.hits[k] = w.hits[k][:0]
		w.vetoes[k] = w.vetoes[k][:0]
	}
	for _, r := range e.rules {
		if r.Veto {
			w.vetoes[r.kind] = r.run(m, w.vetoes[r.kind])
		} else {
			w.hits[r.kind] = r.run(m, w.hits[r.kind])
		}
	}
	rec := Record{}
	b := &builder{e: e, a: a, m: m}
	rec.Counts = b.counts(w.resolve(kindIndex[KindCount], countKey))
	rec.Dates = b.dates(w.resolve(kindIndex[KindDate], wholeKey))
	th := kindIndex[KindTheme]
	w.hits[th] = b.dropUnknownThemes(w.hits[th])
	rec.Themes = b.themes(w.resolve(th, wholeKey))
	rec.Laws = b.laws(w.resolve(kindIndex[KindLaw], wholeKey))
	org := kindIndex[KindOrg]
	w.split = splitOrgHits(w.hits[org], func(h hit) bool { return e.endsWell(a.text, h) }, w.split[:0])
	w.hits[org] = append(w.hits[org][:0], w.split...)
	rec.Orgs = b.orgs(w.resolve(org, wholeKey))
	rec.Places = b.places(w.resolve(kindIndex[KindPlace], wholeKey))
	rec.fillEmpty()
	return rec
}

// kindIndex numbers the kinds of fact, in the order of Kinds.
var kindIndex = func() map[Kind]int {
	m := map[Kind]int{}
	for i, k := range Kinds {
		m[k] = i
	}
	return m
}()

// workspace is the state of one extraction. Extractors keep workspaces in
// a pool, so that their buffers serve document after document; nothing in
// a Record points into them.
type workspace struct {
	a      analysis
	m      matcher
	shown  []rune
	hits   [kindCount][]hit // by kind, in rule order
	vetoes [kindCount][]hit
	keyed  []keyedHit // scratch for resolve
	// resolved holds what resolve returns, until it is called again
	resolved []hit
	split    []hit // scratch for splitOrgHits
	ranks    []rankedHit
	rankKeys []uint64 // scratch for rankOrder
	order    []int32  // what rankOrder returns
	won      []uint64
	taken    spanSet
	vetoed   vetoSet
}

// kindCount is the number of kinds of fact (len(Kinds)).
const kindCount = 6

// workspace takes a workspace from the pool.
func (e *Extractor) workspace() *workspace {
	if w, ok := e.pool.Get().(*workspace); ok {
		return w
	}
	return &workspace{}
}

// resetMatcher readies m for the document a.
func (e *Extractor) resetMatcher(m *matcher, a *analysis) {
	m.a = a
	m.npStop, m.action, m.orgStop = e.classes["np_stop"], e.classes["action"], e.classes["org_stop"]
	m.link, m.npHead, m.orgAnd = e.classes["link"], e.classes["np_head"], e.classes["org_and"]
	m.npTrail, m.orgWord, m.level = e.classes["np_trail"], e.classes["org_word"], e.classes["level"]
	m.caps, m.capBuf = m.caps[:0], m.capBuf[:0]
	m.contentEnds = resized(m.contentEnds, len(a.text)+1)
	m.nameEnds = resized(m.nameEnds, len(a.text)+1)
	m.claimed = resized(m.claimed, len(a.text)+1)
	m.occ = e.anchors.find(m, m.occ)
}

// countKey is the span that identifies a count: its number.
func countKey(h hit) span {
	if s, ok := h.field("value"); ok {
		return s
	}
	return span{h.start, h.end}
}

// wholeKey is the span that identifies a fact but a count: its field alt
// (a level shared with the next name: 省 in 省、市消协), else its name,
// else the whole hit; read in one pass over the captures, from the last,
// as h.field reads them.
func wholeKey(h hit) span {
	name, hasName := span{}, false
	for i := len(h.caps) - 1; i >= 0; i-- {
		c := h.caps[i]
		switch {
		case c.end <= c.start:
		case c.name == "alt":
			return span{c.start, c.end}
		case c.name == "name" && !hasName:
			name, hasName = span{c.start, c.end}, true
		}
	}
	if hasName {
		return name
	}
	return span{h.start, h.end}
}

// keyedHit is a hit with the span that identifies it.
type keyedHit struct {
	h hit
	k span
}

// rankedHit is where a hit of keyed ranks in resolve: longer key first,
// then earlier rule, then earlier key, then earlier in keyed (at).
type rankedHit struct{ len, order, start, at int32 }

// compare orders x and y as resolve ranks them, comparing only as far as
// they differ.
func (x rankedHit) compare(y rankedHit) int {
	switch {
	case x.len != y.len:
		return cmp.Compare(y.len, x.len)
	case x.order != y.order:
		return cmp.Compare(x.order, y.order)
	case x.start != y.start:
		return cmp.Compare(x.start, y.start)
	}
	return cmp.Compare(x.at, y.at)
}

// Bits of a rank key (rankedHit.key), from the top: the key's length
// inverted, the rule, the key's start, the index in keyed.
const (
	rankLenBits, rankOrderBits, rankStartBits, rankAtBits = 12, 12, 24, 16
)

// key packs x into an integer that sorts as compare orders; ok is false
// when a field does not fit its bits.
func (x rankedHit) key() (k uint64, ok bool) {
	if !fits(x.len, rankLenBits) || !fits(x.order, rankOrderBits) || !fits(x.start, rankStartBits) || !fits(x.at, rankAtBits) {
		return 0, false
	}
	k = uint64(1<<rankLenBits - 1 - x.len)
	k = k<<rankOrderBits | uint64(x.order)
	k = k<<rankStartBits | uint64(x.start)
	return k<<rankAtBits | uint64(x.at), true
}

// fits reports whether v is a number of at most bits bits.
func fits(v int32, bits int) bool { return v >= 0 && v < 1<<bits }

// resolve drops the hits of kind k that overlap a veto, then settles
// overlaps between hits: the longer key wins, then the earlier rule, then
// the earlier text. The survivors are returned in text order, in a slice
// that the next call reuses.
func (w *workspace) resolve(k int, key func(hit) span) []hit {
	w.vetoed.cover(w.vetoes[k])
	kept := w.keyed[:0]
	for _, h := range w.hits[k] {
		k := key(h)
		if !w.vetoed.overlaps(k) {
			kept = append(kept, keyedHit{h, k})
		}
	}
	w.keyed = kept
	w.taken = w.taken[:0]
	won := w.won[:0] // start<<32 | index in kept: the keys do not overlap, their starts differ
	for _, at := range w.rankOrder(kept) {
		if x := kept[at]; !w.taken.overlaps(x.k) {
			w.taken.add(x.k)
			won = append(won, uint64(x.k.start)<<32|uint64(at))
		}
	}
	slices.Sort(won)
	w.won = won
	out := w.resolved[:0]
	for _, x := range won {
		out = append(out, kept[uint32(x)].h)
	}
	w.resolved = out
	return out
}

// rankOrder returns the indices of kept in the order of their rank, in a
// slice that the next call reuses.
func (w *workspace) rankOrder(kept []keyedHit) []int32 {
	ranks := w.ranks[:0]
	for i, x := range kept {
		ranks = append(ranks, rankedHit{int32(x.k.end - x.k.start), int32(x.h.rule.order), int32(x.k.start), int32(i)})
	}
	w.ranks = ranks
	order := w.order[:0]
	if keys, ok := packRanks(ranks, w.rankKeys[:0]); ok {
		w.rankKeys = keys
		slices.Sort(keys) // faster than sorting ranks with compare
		for _, k := range keys {
			order = append(order, int32(k&(1<<rankAtBits-1)))
		}
	} else {
		slices.SortFunc(ranks, rankedHit.compare)
		for _, r := range ranks {
			order = append(order, r.at)
		}
	}
	w.order = order
	return order
}

// packRanks appends the keys of ranks to keys; ok is false when one does
// not fit.
func packRanks(ranks []rankedHit, keys []uint64) ([]uint64, bool) {
	for _, r := range ranks {
		k, ok := r.key()
		if !ok {
			return keys, false
		}
		keys = append(keys, k)
	}
	return keys, true
}

// spanSet is a set of spans kept sorted by start, not overlapping.
type spanSet []span

// cover makes s the spans of the hits, reusing its array.
func (s spanSet) cover(hits []hit) spanSet {
	s = s[:0]
	for _, h := range hits {
		s = append(s, span{h.start, h.end})
	}
	slices.SortFunc(s, func(x, y span) int { return cmp.Compare(x.start, y.start) })
	return s
}

// from returns the index of the first span of s starting at x or after,
// as sort.Search would find it.
func (s spanSet) from(x int) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m].start >= x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// overlaps reports whether k overlaps a span of the set. The set's spans
// may overlap each other; they are sorted by start.
func (s spanSet) overlaps(k span) bool { return s.overlapsBefore(s.from(k.end), k) }

// overlapsBefore is overlaps for hi = s.from(k.end): it looks at the spans
// before hi, from the last.
func (s spanSet) overlapsBefore(hi int, k span) bool {
	for j := hi - 1; j >= 0; j-- {
		if s[j].end > k.start {
			return true
		}
		if k.start-s[j].start > 512 { // no veto or fact is this long
			break
		}
	}
	return false
}

// vetoSet is the spans of the vetoes of a kind, with the greatest end of
// each prefix of them, which tells most spans that overlap none at once.
type vetoSet struct {
	spans  spanSet
	maxEnd []int // maxEnd[j] is the greatest end of spans[:j+1]
}

// cover makes v the spans of the hits, reusing its arrays.
func (v *vetoSet) cover(hits []hit) {
	v.spans = v.spans.cover(hits)
	v.maxEnd = v.maxEnd[:0]
	m := 0
	for _, s := range v.spans {
		m = max(m, s.end)
		v.maxEnd = append(v.maxEnd, m)
	}
}

// overlaps is spanSet.overlaps: the spans it looks at all start before
// k.end, so none of them overlaps k when they all end by k.start.
func (v *vetoSet) overlaps(k span) bool {
	hi := v.spans.from(k.end)
	if hi == 0 || v.maxEnd[hi-1] <= k.start {
		return false
	}
	return v.spans.overlapsBefore(hi, k)
}

func (s *spanSet) add(k span) {
	i := s.from(k.start)
	*s = append(*s, span{})
	copy((*s)[i+1:], (*s)[i:])
	(*s)[i] = k
}

// builder turns hits into facts.
type builder struct {
	e *Extractor
	a *analysis
	m *matcher // the matcher of the document, for its word tests
}

// str returns the text of a span as written.
func (b *builder) str(s span) string {
	if b.a.shownIsText() {
		return strings.Clone(b.a.sub(s.start, s.end))
	}
	return string(b.a.shown[s.start:s.end])
}

func (b *builder) prov(h hit, s span) Provenance {
	return Provenance{Span: Span{s.start, s.end}, Rule: h.rule.Source, Confidence: h.rule.confidence}
}
