package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
)

// baselineRun is bleve indexing the same documents with its standard
// analyzer.
type baselineRun struct {
	seconds float64
}

// measureBaseline indexes the archive's documents (title and body) with
// bleve's standard analyzer, batch 1000, in one goroutine, and adds the
// time the archive took to read and decode, so that both sides do the same
// reading.
func measureBaseline(a *archive, path string) (baselineRun, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = standard.Name
	start := time.Now()
	ix, err := bleve.New(path, m)
	if err != nil {
		return baselineRun{}, err
	}
	defer ix.Close()
	b := ix.NewBatch()
	for i, text := range a.texts {
		if err := b.Index(strconv.Itoa(i), map[string]interface{}{"title": a.titles[i], "body": text}); err != nil {
			return baselineRun{}, err
		}
		if b.Size() >= 1000 {
			if err := ix.Batch(b); err != nil {
				return baselineRun{}, err
			}
			b = ix.NewBatch()
		}
	}
	if err := ix.Batch(b); err != nil {
		return baselineRun{}, err
	}
	return baselineRun{seconds: time.Since(start).Seconds() + a.readTime}, nil
}

// report prints the import figures and their ratio to the baseline.
func report(imp importRun, base baselineRun, a *archive) {
	n := float64(len(a.texts))
	fmt.Printf("import: %.1f s, %.0f documents/s, %.2f MB/s of files, peak RSS %.0f MiB (target ≤ 1024 MiB)\n",
		imp.seconds, n/imp.seconds, mb(a.fileBytes)/imp.seconds, float64(imp.peakRSS)/(1<<20))
	fmt.Printf("baseline (bleve standard analyzer, batch 1000, same reading): %.1f s, %.0f documents/s\n", base.seconds, n/base.seconds)
	fmt.Printf("import throughput ÷ baseline throughput: %.2f (target ≥ 0.75)\n", base.seconds/imp.seconds)
}
