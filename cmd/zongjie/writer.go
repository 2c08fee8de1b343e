package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/index"
)

// writer receives the files read by the workers, tells what each document
// is, and writes bounded batches. It alone touches the index and its own
// maps, so it needs no locks.
type writer struct {
	ix       *index.Index
	maxDocs  int // a batch is written when it holds this many documents …
	maxBytes int // … or this many bytes of text
	batch    index.Batch
	bytes    int
	known    map[string]index.Known // id → stored document
	sources  map[string][]string    // source → ids stored from it
	bands    map[[2]uint16][]string // fingerprint band → ids, for near-duplicates
	prints   map[string]uint64      // id → fingerprint
	report   *importReport
	progress *progress
	stderr   io.Writer // where a skipped file is reported, one line each
	// applying receives the outcome of the batch being written, nil when
	// none is; inFlight is the number of documents it adds
	applying chan error
	inFlight int
}

func newWriter(ix *index.Index, report *importReport, p *progress, stderr io.Writer) *writer {
	return &writer{
		ix: ix, maxDocs: 500, maxBytes: 32 << 20, stderr: stderr,
		known: map[string]index.Known{}, sources: map[string][]string{},
		bands: map[[2]uint16][]string{}, prints: map[string]uint64{},
		report: report, progress: p,
	}
}

// load reads what the index holds already.
func (w *writer) load(ctx context.Context) error {
	return w.ix.Known(ctx, func(k index.Known) error {
		w.remember(k)
		return nil
	})
}

func (w *writer) remember(k index.Known) {
	w.known[k.ID] = k
	w.sources[k.Source] = append(w.sources[k.Source], k.ID)
	w.prints[k.ID] = k.Fingerprint
	for _, b := range bandsOf(k.Fingerprint) {
		w.bands[b] = append(w.bands[b], k.ID)
	}
}

func (w *writer) forget(id string) {
	k, ok := w.known[id]
	if !ok {
		return
	}
	delete(w.known, id)
	delete(w.prints, id)
	ids := w.sources[k.Source]
	for i, x := range ids {
		if x == id {
			w.sources[k.Source] = append(ids[:i:i], ids[i+1:]...)
			break
		}
	}
	for _, b := range bandsOf(k.Fingerprint) {
		list := w.bands[b]
		for i, x := range list {
			if x == id {
				w.bands[b] = append(list[:i:i], list[i+1:]...)
				break
			}
		}
	}
}

// bandsOf cuts a fingerprint into four 16-bit bands: two fingerprints
// within 3 bits of each other share at least one band.
func bandsOf(fp uint64) [4][2]uint16 {
	var b [4][2]uint16
	for i := range b {
		b[i] = [2]uint16{uint16(i), uint16(fp >> (16 * i))}
	}
	return b
}

// nearDuplicate returns a stored document the fingerprint repeats.
func (w *writer) nearDuplicate(fp uint64) (string, bool) {
	for _, b := range bandsOf(fp) {
		for _, id := range w.bands[b] {
			if corpus.NearDuplicate(fp, w.prints[id]) {
				return id, true
			}
		}
	}
	return "", false
}

// take classifies the documents of one file and queues the changes.
func (w *writer) take(r fileResult) error {
	defer w.progress.file()
	if r.err != nil {
		w.report.skip(r.source, reason(r.err))
		fmt.Fprintf(w.stderr, "zongjie: %s：%s\n", r.source, reason(r.err))
		return nil
	}
	fr := fileReport{Source: r.source, Documents: len(r.docs)}
	if len(r.docs) > 0 {
		d := r.docs[0].Doc
		fr.Format, fr.Encoding, fr.Confidence = d.Format, d.Encoding, d.EncodingConfidence
	}
	fresh := map[string]bool{}
	for _, e := range r.docs {
		fresh[e.Doc.ID] = true
	}
	replaced := 0
	for _, id := range append([]string(nil), w.sources[r.source]...) {
		if !fresh[id] { // the file changed: its old documents go
			w.batch.Delete = append(w.batch.Delete, id)
			w.forget(id)
			replaced++
		}
	}
	for _, e := range r.docs {
		w.place(e, &fr, replaced > 0)
	}
	fr.Status = fileStatus(fr, replaced)
	w.report.file(fr)
	return w.maybeFlush()
}

// place decides what one document is and queues it.
func (w *writer) place(e index.Entry, fr *fileReport, updating bool) {
	id := e.Doc.ID
	if k, ok := w.known[id]; ok {
		if k.Source == e.Doc.Source {
			fr.Unchanged++
			return
		}
		w.link(e, id, fr)
		return
	}
	if of, ok := w.nearDuplicate(e.Fingerprint); ok {
		w.link(e, of, fr)
		return
	}
	w.batch.Add = append(w.batch.Add, e)
	w.bytes += len(e.Doc.Text)
	w.remember(index.Known{ID: id, Source: e.Doc.Source, Fingerprint: e.Fingerprint})
	for k, n := range e.Record.CountByKind() {
		fr.facts(k, n)
		w.report.Facts[string(k)] += n
	}
	if updating {
		fr.Updated++
	} else {
		fr.Added++
	}
}

// link records a document that repeats a stored one instead of indexing it.
func (w *writer) link(e index.Entry, of string, fr *fileReport) {
	w.batch.Links = append(w.batch.Links, index.Link{Of: of, Source: e.Doc.Source, ID: e.Doc.ID})
	fr.Duplicates = append(fr.Duplicates, of)
}

func fileStatus(fr fileReport, replaced int) string {
	switch {
	case replaced > 0 || fr.Updated > 0:
		return "updated"
	case fr.Added > 0:
		return "added"
	case len(fr.Duplicates) > 0 && fr.Unchanged == 0:
		return "duplicate"
	}
	return "unchanged"
}

func (w *writer) maybeFlush() error {
	if len(w.batch.Add)+len(w.batch.Delete) >= w.maxDocs || w.bytes >= w.maxBytes {
		return w.flush()
	}
	return nil
}

// flush starts writing the queued batch, once the batch before it is
// written: the next batch is read and extracted while bleve writes this
// one. wait waits for it.
func (w *writer) flush() error {
	if err := w.wait(); err != nil {
		return err
	}
	if w.batch.Len() == 0 {
		return nil
	}
	b := w.batch
	w.batch, w.bytes = index.Batch{}, 0
	done := make(chan error, 1)
	go func() { done <- w.ix.Apply(b) }()
	w.applying, w.inFlight = done, len(b.Add)
	return nil
}

// wait waits until the batch being written is written.
func (w *writer) wait() error {
	if w.applying == nil {
		return nil
	}
	err := <-w.applying
	w.applying = nil
	if err == nil {
		w.report.Written += w.inFlight
	}
	return err
}

// reextract extracts the facts of every stored document again, with the
// current rules, in batches.
func (w *writer) reextract(ctx context.Context, ex *extract.Extractor) (int, error) {
	n := 0
	var pending []index.Entry
	err := w.ix.Documents(ctx, func(d corpus.Document) error {
		rec, words := ex.ExtractWithWords(d)
		pending = append(pending, index.Entry{Doc: d, Record: rec, Fingerprint: w.prints[d.ID], Words: words})
		n++
		if len(pending) >= w.maxDocs {
			err := w.ix.Add(pending)
			pending = pending[:0]
			return err
		}
		return ctx.Err()
	})
	if err == nil && len(pending) > 0 {
		err = w.ix.Add(pending)
	}
	if errors.Is(err, context.Canceled) {
		return n, fmt.Errorf("重新抽取被中断：%w", err)
	}
	return n, err
}
