package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// measureImports runs the import and the baseline repeat times, one after
// the other, so that both see the same load on the machine, and reports
// each pair and the median ratio. The last import's index stays in idx.
func measureImports(ctx context.Context, bin, archive, work, idx string, a *archive, repeat int) error {
	var ratios []float64
	for k := 0; k < repeat; k++ {
		for _, p := range []string{idx, filepath.Join(work, "baseline.bleve")} {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
		imp, err := measureImport(ctx, bin, archive, idx)
		if err != nil {
			return err
		}
		base, err := measureBaseline(a, filepath.Join(work, "baseline.bleve"))
		if err != nil {
			return err
		}
		report(imp, base, a)
		ratios = append(ratios, base.seconds/imp.seconds)
	}
	if repeat > 1 {
		sorted := slices.Sorted(slices.Values(ratios))
		fmt.Printf("import throughput ÷ baseline throughput over %d runs: %.2f median (%.2f–%.2f) (target ≥ 0.75)\n",
			repeat, sorted[len(sorted)/2], sorted[0], sorted[len(sorted)-1])
	}
	return nil
}
