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

// BenchmarkExtract measures, in one run over the sample archive: gse
// segmentation with the extractor's dictionary (Segment with the embedded
// dictionary; the extraction finds the same words with its own trie), gse's own default segmentation (Cut with the HMM over its
// full Simplified dictionary, what a gse user runs), the whole extraction
// (which segments too) and the extraction alone (its time less its own
// segmentation). It reports each as MB/s and the ratios of the extraction
// alone to each segmentation.
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
	var seg, hmm, all time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			e.seg.Segment(d.Text)
		}
		t1 := time.Now()
		for _, d := range docs {
			full.Cut(d.Text, true)
		}
		t2 := time.Now()
		for _, d := range docs {
			e.Extract(d)
		}
		seg += t1.Sub(t0)
		hmm += t2.Sub(t1)
		all += time.Since(t2)
	}
	mb := float64(size) * float64(b.N) / 1e6
	alone := all - seg
	b.ReportMetric(mb/seg.Seconds(), "segment-MB/s")
	b.ReportMetric(mb/hmm.Seconds(), "gse-cut-hmm-MB/s")
	b.ReportMetric(mb/all.Seconds(), "extract-MB/s")
	b.ReportMetric(mb/alone.Seconds(), "extract-alone-MB/s")
	b.ReportMetric(alone.Seconds()/seg.Seconds(), "alone/segment")
	b.ReportMetric(alone.Seconds()/hmm.Seconds(), "alone/gse-cut-hmm")
}
