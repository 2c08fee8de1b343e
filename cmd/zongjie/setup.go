package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"zongjie/extract"
	"zongjie/rules"
)

// newFlagSet makes a flag set that prints its usage to stderr and reports
// errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法: zongjie %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a flag error into a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// loadRules loads the built-in rules with the user's folder layered over
// them.
func loadRules(dir string) (*rules.Set, error) {
	layers := []fs.FS{rules.Builtin()}
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			return nil, usagef("--rules %s: 不是文件夹", dir)
		}
		layers = append(layers, os.DirFS(dir))
	}
	set, err := rules.Load(layers...)
	if err != nil {
		return nil, fmt.Errorf("规则有误:\n%w", err)
	}
	return set, nil
}

// loadExtractor loads the rules and the segmenter and compiles them.
func loadExtractor(rulesDir string) (*extract.Extractor, error) {
	set, err := loadRules(rulesDir)
	if err != nil {
		return nil, err
	}
	seg, err := extract.LoadSegmenter()
	if err != nil {
		return nil, err
	}
	return extract.New(set, seg)
}
