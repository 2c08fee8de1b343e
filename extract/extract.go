// Package extract finds facts in a report's text: counts, dates, themes,
// organisations, places and laws, and the year of the activity. The rules
// are data (package rules); this package compiles and runs them over the
// text and its gse segmentation.
package extract

import (
	"fmt"
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
	tables  *tables
}

// New compiles a rule set. seg is the shared segmenter (LoadSegmenter).
func New(set *rules.Set, seg *Segmenter) (*Extractor, error) {
	e := &Extractor{set: set, seg: seg, classes: map[string]*class{}}
	for name, c := range set.Classes {
		e.classes[name] = compileClass(c)
	}
	for i, r := range set.Rules {
		e.rules = append(e.rules, compileRule(r, i))
	}
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
	m := &matcher{
		a: a, classes: e.classes, npStop: e.classes["np_stop"], action: e.classes["action"],
		orgStop: e.classes["org_stop"], link: e.classes["link"], npHead: e.classes["np_head"],
	}
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
	var kept []hit
	for _, h := range hits {
		k := key(h)
		vetoed := false
		for _, v := range vetoes {
			if k.start < v.end && v.start < k.end {
				vetoed = true
				break
			}
		}
		if !vetoed {
			kept = append(kept, h)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, kj := key(kept[i]), key(kept[j])
		if li, lj := ki.end-ki.start, kj.end-kj.start; li != lj {
			return li > lj
		}
		if kept[i].rule.order != kept[j].rule.order {
			return kept[i].rule.order < kept[j].rule.order
		}
		return ki.start < kj.start
	})
	var out []hit
	for _, h := range kept {
		k := key(h)
		clash := false
		for _, o := range out {
			ko := key(o)
			if k.start < ko.end && ko.start < k.end {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return key(out[i]).start < key(out[j]).start })
	return out
}

// builder turns hits into facts.
type builder struct {
	e *Extractor
	a *analysis
}

// str returns the text of a span as written.
func (b *builder) str(s span) string { return string(b.a.shown[s.start:s.end]) }

func (b *builder) prov(h hit, s span) Provenance {
	conf := 0.8
	if c, ok := h.rule.Fields["confidence"]; ok {
		fmt.Sscan(c, &conf)
	}
	return Provenance{Span: Span{s.start, s.end}, Rule: h.rule.Source, Confidence: conf}
}
