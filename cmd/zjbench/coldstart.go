package main

import (
	"context"
	"fmt"
	"os/exec"
	"sort"
	"time"

	"github.com/go-ego/gse"
)

// measureColdStart times a one-shot `zongjie search` process (start,
// dictionary, index open, query), the median of five, against gse's
// default LoadDict() alone (its full dictionary, read from the module).
func measureColdStart(ctx context.Context, bin, idx string) error {
	var runs []time.Duration
	for range 5 {
		start := time.Now()
		out, err := exec.CommandContext(ctx, bin, "search", "--index", idx, "--size", "10", "消费", "维权").CombinedOutput()
		if err != nil {
			return fmt.Errorf("zongjie search: %v\n%s", err, out)
		}
		runs = append(runs, time.Since(start))
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })
	start := time.Now()
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDict(); err != nil {
		return fmt.Errorf("gse LoadDict: %w", err)
	}
	load := time.Since(start)
	fmt.Printf("cold start: zongjie search %s (median of 5); gse LoadDict() alone %s; ratio %.2f (target ≤ 0.2)\n",
		ms(runs[2]), ms(load), runs[2].Seconds()/load.Seconds())
	return nil
}

// dirSize adds up the sizes of the files under a folder.
func dirSize(dir string) (int64, error) {
	var n int64
	err := walkSizes(dir, func(size int64) { n += size })
	return n, err
}
