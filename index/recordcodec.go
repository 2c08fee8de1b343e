package index

import (
	"fmt"

	"zongjie/extract"
)

// factsVersion is the first byte of the stored facts.
const factsVersion = 1

// encodeFacts writes a document's facts compactly; text is the normalised
// text their spans point into. decodeFacts(encodeFacts(r, t), t) gives r
// back, with empty rather than nil fact lists.
func encodeFacts(r *extract.Record, text string) []byte {
	w := &factWriter{buf: make([]byte, 0, 256), text: newSpanText(text), strings: map[string]uint64{}}
	w.uint(factsVersion)
	w.str(r.ID, "")
	w.str(r.Source, "")
	w.str(r.Title, "")
	w.int(int64(r.Year))
	w.str(r.YearSource, "")
	w.str(r.Genre, "")
	writeList(w, r.Places, func(p extract.Place) {
		span := w.provenance(p.Provenance)
		w.str(p.Name, span)
		w.str(p.Code, "")
		w.str(p.Level, "")
		w.str(p.Province, "")
		w.str(p.City, "")
		w.str(p.County, "")
	})
	writeList(w, r.Orgs, func(o extract.Org) {
		span := w.provenance(o.Provenance)
		w.str(o.Name, span)
		w.str(o.Canonical, span)
		w.str(o.Successor, "")
		w.str(string(o.Kind), "")
	})
	writeList(w, r.Themes, func(t extract.Theme) {
		span := w.provenance(t.Provenance)
		w.str(t.Text, span)
	})
	writeList(w, r.Laws, func(l extract.Law) {
		span := w.provenance(l.Provenance)
		w.str(l.Title, span)
		w.str(l.Canonical, span)
	})
	writeList(w, r.Dates, func(d extract.Date) {
		span := w.provenance(d.Provenance)
		w.str(d.Text, span)
		w.str(d.Date, "")
		w.str(d.From, "")
		w.str(d.To, "")
		w.str(d.Resolved, "")
	})
	writeList(w, r.Counts, func(c extract.Count) {
		span := w.provenance(c.Provenance)
		w.str(c.Text, span)
		w.str(c.Action, span)
		w.str(c.Object, span)
		w.float(c.Value)
		w.float(c.Max)
		w.str(c.Unit, span)
		approx := uint64(0)
		if c.Approx {
			approx = 1
		}
		w.uint(approx)
		w.str(c.Hedge, span)
		w.int(int64(c.PartOf))
	})
	return w.buf
}

// writeList writes the length of a fact list and each fact; every list
// starts its spans afresh.
func writeList[T any](w *factWriter, facts []T, each func(T)) {
	w.uint(uint64(len(facts)))
	w.start = 0
	for _, f := range facts {
		each(f)
	}
}

// decodeFacts reads what encodeFacts wrote, with the same text.
func decodeFacts(buf []byte, text string) (extract.Record, error) {
	r := &factReader{buf: buf, text: newSpanText(text)}
	var rec extract.Record
	if v := r.uint(); v != factsVersion {
		return rec, fmt.Errorf("%w: version %d", errFactsCorrupt, v)
	}
	rec.ID, rec.Source, rec.Title = r.str(""), r.str(""), r.str("")
	rec.Year = int(r.int())
	rec.YearSource, rec.Genre = r.str(""), r.str("")
	rec.Places = readList(r, func() (p extract.Place) {
		var span string
		p.Provenance, span = r.provenance()
		p.Name, p.Code, p.Level = r.str(span), r.str(""), r.str("")
		p.Province, p.City, p.County = r.str(""), r.str(""), r.str("")
		return p
	})
	rec.Orgs = readList(r, func() (o extract.Org) {
		var span string
		o.Provenance, span = r.provenance()
		o.Name, o.Canonical, o.Successor = r.str(span), r.str(span), r.str("")
		o.Kind = extract.OrgKind(r.str(""))
		return o
	})
	rec.Themes = readList(r, func() (t extract.Theme) {
		var span string
		t.Provenance, span = r.provenance()
		t.Text = r.str(span)
		return t
	})
	rec.Laws = readList(r, func() (l extract.Law) {
		var span string
		l.Provenance, span = r.provenance()
		l.Title, l.Canonical = r.str(span), r.str(span)
		return l
	})
	rec.Dates = readList(r, func() (d extract.Date) {
		var span string
		d.Provenance, span = r.provenance()
		d.Text, d.Date, d.From = r.str(span), r.str(""), r.str("")
		d.To, d.Resolved = r.str(""), r.str("")
		return d
	})
	rec.Counts = readList(r, func() (c extract.Count) {
		var span string
		c.Provenance, span = r.provenance()
		c.Text, c.Action, c.Object = r.str(span), r.str(span), r.str(span)
		c.Value, c.Max = r.float(), r.float()
		c.Unit = r.str(span)
		c.Approx = r.uint() == 1
		c.Hedge = r.str(span)
		c.PartOf = int(r.int())
		return c
	})
	if r.err == nil && len(r.buf) != 0 {
		r.fail("length")
	}
	return rec, r.err
}

// readList reads a fact list written by writeList.
func readList[T any](r *factReader, each func() T) []T {
	n := r.count()
	r.start = 0
	out := make([]T, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, each())
	}
	return out
}
