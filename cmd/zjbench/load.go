package main

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"zongjie/corpus"
)

// archive is the documents of the archive as the importer reads them.
type archive struct {
	files     int
	fileBytes int64
	textBytes int64
	titles    []string
	texts     []string
	readTime  float64 // seconds spent reading and decoding, for the baseline
}

// loadArchive reads every file of the archive into documents.
func loadArchive(dir string) (*archive, error) {
	a := &archive{}
	err := corpus.Walk([]string{dir}, func(f corpus.File, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", f.Source, err)
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return err
		}
		a.files++
		a.fileBytes += int64(len(data))
		start := time.Now()
		docs, err := corpus.Read(f.Source, bytes.NewReader(data))
		a.readTime += time.Since(start).Seconds()
		if err != nil {
			return nil // skipped files are skipped by both
		}
		for _, d := range docs {
			a.titles = append(a.titles, d.Title)
			a.texts = append(a.texts, d.Text)
			a.textBytes += int64(len(d.Text))
		}
		return nil
	})
	return a, err
}
