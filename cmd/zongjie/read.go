package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"zongjie/corpus"
)

// inputStats counts what reading the inputs did.
type inputStats struct {
	files  int // files read into documents
	failed int // files that could not be read
	skips  []corpus.Skip
}

// readInputs walks the paths (files or folders), reads each file into
// documents and calls fn with them. A file that cannot be read is reported
// on stderr with the reason, counted, and the walk goes on; fn's error
// stops it.
func readInputs(paths []string, stderr io.Writer, fn func(path string, docs []corpus.Document) error) (inputStats, error) {
	var st inputStats
	err := corpus.Walk(paths, func(path string, err error) error {
		if err == nil {
			var docs []corpus.Document
			docs, err = readFile(path)
			if err == nil {
				st.files++
				return fn(path, docs)
			}
		}
		st.failed++
		st.skips = append(st.skips, corpus.Skip{Source: path, Reason: reason(err)})
		fmt.Fprintf(stderr, "zongjie: %s：%s\n", path, reason(err))
		return nil
	})
	return st, err
}

func readFile(path string) ([]corpus.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return corpus.Read(path, f)
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
