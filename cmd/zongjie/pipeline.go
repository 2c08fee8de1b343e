package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/index"
)

// The import runs as a bounded pipeline: one walker lists the files,
// workers (one per core) read, decode, split and extract them, and one
// writer decides what each document is (new, unchanged, a repeat, a
// replacement) and writes batches. Channels are small, so memory stays
// bounded whatever the size of the archive.

// fileResult is one file read and extracted by a worker.
type fileResult struct {
	source string
	docs   []index.Entry
	err    error
}

// readWorkers reads files from jobs and sends what they hold to results.
func readWorkers(ctx context.Context, ex *extract.Extractor, opts corpus.Options, jobs <-chan input, results chan<- fileResult) {
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				r := readOne(ex, opts, in)
				select {
				case results <- r:
				case <-ctx.Done():
				}
			}
		}()
	}
	wg.Wait()
	close(results)
}

// readOne reads one input into documents with their facts. A failure
// inside the reader or the extractor (a bug) skips the file with the
// reason instead of stopping the import.
func readOne(ex *extract.Extractor, opts corpus.Options, in input) (res fileResult) {
	res = fileResult{source: in.source}
	defer func() {
		if r := recover(); r != nil {
			res = fileResult{source: in.source, err: fmt.Errorf("内部错误（internal error: %v），请报告此文件", r)}
		}
	}()
	if in.err != nil {
		res.err = in.err
		return res
	}
	rc, err := in.open()
	if err != nil {
		res.err = err
		return res
	}
	docs, err := opts.Read(in.source, rc)
	rc.Close()
	if err != nil {
		res.err = err
		return res
	}
	for _, d := range docs {
		rec, words := ex.ExtractWithWords(d)
		res.docs = append(res.docs, index.Entry{Doc: d, Record: rec, Fingerprint: corpus.Fingerprint(d.Text), Words: words})
	}
	return res
}

// walkJobs lists the inputs into jobs, stopping when ctx is done.
func walkJobs(ctx context.Context, paths []string, jobs chan<- input) error {
	defer close(jobs)
	return walkInputs(paths, func(in input, err error) error {
		in.err = err
		select {
		case jobs <- in:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// runPipeline imports the files under paths, writing batches through w.
// It returns when every file is done or ctx is cancelled (after the
// current batch is written).
func runPipeline(ctx context.Context, paths []string, ex *extract.Extractor, opts corpus.Options, w *writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan input, 16)
	results := make(chan fileResult, 16)
	walkErr := make(chan error, 1)
	go func() { walkErr <- walkJobs(ctx, paths, jobs) }()
	go readWorkers(ctx, ex, opts, jobs, results)
	var err error
	for r := range results {
		if ctx.Err() != nil {
			continue // drain: the workers stop once the walker does
		}
		if err = w.take(r); err != nil {
			cancel() // a write failed: stop reading
		}
	}
	for range results {
	}
	if ferr := w.flush(); err == nil {
		err = ferr
	}
	if werr := w.wait(); err == nil {
		err = werr
	}
	if werr := <-walkErr; err == nil && !errors.Is(werr, context.Canceled) {
		err = werr
	}
	return err
}

// input is one file to read: from disk or from an archive.
type input struct {
	source string
	open   func() (io.ReadCloser, error)
	err    error // the file could not even be listed
}
