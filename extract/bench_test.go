package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

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

// BenchmarkExtract measures, in one run over the sample archive, gse
// segmentation alone (Segment, the dictionary mode the extractor uses),
// the whole extraction (which segments too), and the rules alone (the
// extraction's time less its own segmentation). It reports each as MB/s
// and the ratios rules/segment and extract/segment.
func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	docs := sampleDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	var seg, all time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			e.seg.Segment(d.Text)
		}
		t1 := time.Now()
		for _, d := range docs {
			e.Extract(d)
		}
		seg += t1.Sub(t0)
		all += time.Since(t1)
	}
	mb := float64(size) * float64(b.N) / 1e6
	rules := all - seg
	b.ReportMetric(mb/seg.Seconds(), "segment-MB/s")
	b.ReportMetric(mb/all.Seconds(), "extract-MB/s")
	b.ReportMetric(mb/rules.Seconds(), "rules-MB/s")
	b.ReportMetric(rules.Seconds()/seg.Seconds(), "rules/segment")
	b.ReportMetric(all.Seconds()/seg.Seconds(), "extract/segment")
}
