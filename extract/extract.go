// Package extract finds facts in a report's text: counts, dates, themes,
// organisations, places and laws, and the year of the activity. The rules
// are data (package rules); this package compiles and runs them over the
// text and its gse segmentation.
package extract

import (
	"sort"

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
}

// New compiles a rule set. seg is the shared segmenter (LoadSegmenter).
func New(set *rules.Set, seg *Segmenter) (*Extractor, error) {
	e := &Extractor{set: set, seg: seg, classes: map[string]*class{}}
	for name, c := range set.Classes {
		e.classes[name] = compileClass(c)
	}
	for i, r := range set.Rules {
		c, err := compileRule(r, i, e.classes)
		if err != nil {
			return nil, err
		}
		e.rules = append(e.rules, c)
	}
	e.anchors = newAnchorIndex(e.rules)
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
	rec := e.extract(doc.Text, doc.Written)
	rec.ID, rec.Source, rec.Title = doc.ID, doc.Source, doc.Title
	e.inferYear(&rec, doc)
	return rec
}

// ExtractText finds the facts of a text, without document metadata or
// year.
func (e *Extractor) ExtractText(text string) Record { return e.extract(text, "") }

// extract finds the facts of text; written, when not empty, is the text as
// written (traditional characters, one for one with text), from which the
// facts' names are taken.
func (e *Extractor) extract(text, written string) Record {
	a := e.analyse(text)
	a.shown = a.text
	if w := []rune(written); len(w) == len(a.text) {
		a.shown = w
	}
	m := e.newMatcher(a)
	byKind := map[string][]hit{}
	vetoes := map[string][]hit{}
	var scratch []int
	for _, r := range e.rules {
		var hs []hit
		hs, scratch = r.run(m, scratch)
		if r.Veto {
			vetoes[r.Kind] = append(vetoes[r.Kind], hs...)
		} else {
			byKind[r.Kind] = append(byKind[r.Kind], hs...)
		}
	}
	rec := Record{}
	b := &builder{e: e, a: a}
	rec.Counts = b.counts(resolve(byKind["count"], vetoes["count"], countKey))
	rec.Dates = b.dates(resolve(byKind["date"], vetoes["date"], wholeKey))
	rec.Themes = b.themes(resolve(byKind["theme"], vetoes["theme"], wholeKey))
	rec.Laws = b.laws(resolve(byKind["law"], vetoes["law"], wholeKey))
	rec.Orgs = b.orgs(resolve(byKind["org"], vetoes["org"], wholeKey))
	rec.Places = b.places(resolve(byKind["place"], vetoes["place"], wholeKey))
	rec.fillEmpty()
	return rec
}

// newMatcher makes the matcher for one document.
func (e *Extractor) newMatcher(a *analysis) *matcher {
	m := &matcher{
		a: a, npStop: e.classes["np_stop"], action: e.classes["action"],
		orgStop: e.classes["org_stop"], link: e.classes["link"], npHead: e.classes["np_head"],
		orgAnd: e.classes["org_and"],
	}
	m.occ = e.anchors.find(m, nil)
	return m
}

// countKey is the span that identifies a count: its number.
func countKey(h hit) span {
	if s, ok := h.field("value"); ok {
		return s
	}
	return span{h.start, h.end}
}

func wholeKey(h hit) span {
	if s, ok := h.field("name"); ok {
		return s
	}
	return span{h.start, h.end}
}

// resolve drops hits that overlap a veto, then settles overlaps between
// hits: the longer key wins, then the earlier rule, then the earlier text.
// The survivors are returned in text order.
func resolve(hits, vetoes []hit, key func(hit) span) []hit {
	type keyed struct {
		h hit
		k span
	}
	vetoed := coverage(vetoes)
	var kept []keyed
	for _, h := range hits {
		k := key(h)
		if !vetoed.overlaps(k) {
			kept = append(kept, keyed{h, k})
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, kj := kept[i].k, kept[j].k
		if li, lj := ki.end-ki.start, kj.end-kj.start; li != lj {
			return li > lj
		}
		if kept[i].h.rule.order != kept[j].h.rule.order {
			return kept[i].h.rule.order < kept[j].h.rule.order
		}
		return ki.start < kj.start
	})
	var taken spanSet
	var out []keyed
	for _, x := range kept {
		if !taken.overlaps(x.k) {
			taken.add(x.k)
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].k.start < out[j].k.start })
	hs := make([]hit, len(out))
	for i, x := range out {
		hs[i] = x.h
	}
	return hs
}

// spanSet is a set of spans kept sorted by start, not overlapping.
type spanSet []span

func coverage(hits []hit) spanSet {
	var s spanSet
	for _, h := range hits {
		s = append(s, span{h.start, h.end})
	}
	sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
	return s
}

// overlaps reports whether k overlaps a span of the set. The set's spans
// may overlap each other; they are sorted by start.
func (s spanSet) overlaps(k span) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].start >= k.end })
	for j := i - 1; j >= 0; j-- {
		if s[j].end > k.start {
			return true
		}
		if k.start-s[j].start > 512 { // no veto or fact is this long
			break
		}
	}
	return false
}

func (s *spanSet) add(k span) {
	i := sort.Search(len(*s), func(i int) bool { return (*s)[i].start >= k.start })
	*s = append(*s, span{})
	copy((*s)[i+1:], (*s)[i:])
	(*s)[i] = k
}

// builder turns hits into facts.
type builder struct {
	e *Extractor
	a *analysis
}

// str returns the text of a span as written.
func (b *builder) str(s span) string { return string(b.a.shown[s.start:s.end]) }

func (b *builder) prov(h hit, s span) Provenance {
	return Provenance{Span: Span{s.start, s.end}, Rule: h.rule.Source, Confidence: h.rule.confidence}
}
