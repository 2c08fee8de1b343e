package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-ego/gse"

	"zongjie/corpus"
)

// sampleDocs reads the bundled sample archive.
func sampleDocs(tb testing.TB) []corpus.Document {
	tb.Helper()
	paths, _ := filepath.Glob("../testdata/docs/*")
	var docs []corpus.Document
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		ds, err := corpus.Read(p, f)
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, ds...)
	}
	return docs
}

// BenchmarkExtract measures, in one run over the sample archive:
//
//   - gse-segment: gse's Segment with the extractor's dictionary, the word
//     segmentation with offsets that a gse user calls (and that the
//     extraction called until it had its own);
//   - gse-cut-hmm: gse's default Cut with the HMM over its full Simplified
//     dictionary;
//   - extract: the whole extraction of each document;
//   - own-segment: the part of it that is the extraction's own
//     segmentation (the same words and parts of speech as gse-segment,
//     from a rune trie of gse's dictionary), timed in place, document by
//     document;
//   - extract-alone: the rest, the cost of the sub-parsers, the rules and
//     fact building.
//
// It reports each as MB/s, and the ratios of the extraction alone, and of
// the whole extraction, to gse's segmentation.
func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	var full gse.Segmenter
	full.SkipLog = true
	if err := full.LoadDictEmbed("zh_s"); err != nil {
		b.Fatal(err)
	}
	docs := sampleDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	w := e.workspace()
	var seg, hmm, own, all time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			e.seg.seg.Segment([]byte(d.Text))
		}
		t1 := time.Now()
		for _, d := range docs {
			full.Cut(d.Text, true)
		}
		t2 := time.Now()
		for _, d := range docs {
			s := time.Now()
			w.a.segmentText(e.seg, d.Text)
			own += time.Since(s)
			e.extractSegmentedDoc(w, d)
		}
		seg += t1.Sub(t0)
		hmm += t2.Sub(t1)
		all += time.Since(t2)
	}
	mb := float64(size) * float64(b.N) / 1e6
	alone := all - own
	b.ReportMetric(mb/seg.Seconds(), "gse-segment-MB/s")
	b.ReportMetric(mb/hmm.Seconds(), "gse-cut-hmm-MB/s")
	b.ReportMetric(mb/own.Seconds(), "own-segment-MB/s")
	b.ReportMetric(mb/all.Seconds(), "extract-MB/s")
	b.ReportMetric(mb/alone.Seconds(), "extract-alone-MB/s")
	b.ReportMetric(alone.Seconds()/seg.Seconds(), "alone/gse-segment")
	b.ReportMetric(all.Seconds()/seg.Seconds(), "extract/gse-segment")
	b.ReportMetric(alone.Seconds()/hmm.Seconds(), "alone/gse-cut-hmm")
}
