package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"zongjie/corpus"
)

// walkInputs lists the files under paths (files or folders) as inputs.
func walkInputs(paths []string, fn func(in input, err error) error) error {
	return corpus.Walk(paths, func(f corpus.File, err error) error {
		return fn(input{source: f.Source, open: f.Open}, err)
	})
}

// countInputs counts the files under paths, for the progress bar.
func countInputs(paths []string) int {
	n := 0
	walkInputs(paths, func(input, error) error { n++; return nil })
	return n
}

// inputStats counts what reading the inputs did.
type inputStats struct {
	files  int // files read into documents
	failed int // files that could not be read
}

// readInputs walks the paths, reads each file into documents and calls fn
// with them, one file at a time. A file that cannot be read is reported on
// stderr with the reason, counted, and the walk goes on; fn's error stops
// it.
func readInputs(paths []string, stderr io.Writer, fn func(path string, docs []corpus.Document) error) (inputStats, error) {
	var st inputStats
	err := walkInputs(paths, func(in input, err error) error {
		if err == nil {
			var docs []corpus.Document
			docs, err = readInput(in)
			if err == nil {
				st.files++
				return fn(in.source, docs)
			}
		}
		st.failed++
		fmt.Fprintf(stderr, "zongjie: %s：%s\n", in.source, reason(err))
		return nil
	})
	return st, err
}

func readInput(in input) ([]corpus.Document, error) {
	rc, err := in.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return corpus.Read(in.source, rc)
}

// reason turns an error about a file into the words shown to the user.
func reason(err error) string {
	var skip corpus.Skip
	if errors.As(err, &skip) {
		return skip.Reason
	}
	switch {
	case os.IsNotExist(err):
		return "文件不存在"
	case os.IsPermission(err):
		return "没有读取权限"
	}
	return err.Error()
}
