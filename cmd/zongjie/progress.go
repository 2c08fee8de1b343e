package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how an import goes: a bar on a terminal (files, rate,
// time left), a line every few seconds otherwise, nothing when quiet.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	total int
	done  int
	last  time.Time
	start time.Time
}

func newProgress(stderr io.Writer, total int, quiet bool) *progress {
	p := &progress{total: total, start: time.Now(), last: time.Now()}
	switch {
	case quiet:
	case isTerminal(stderr):
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("导入"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("文件"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	default:
		p.w = stderr
	}
	return p
}

// file counts one more file done.
func (p *progress) file() {
	p.done++
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	if p.w != nil && (time.Since(p.last) >= 5*time.Second || p.done == p.total) {
		p.last = time.Now()
		rate := float64(p.done) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "zongjie: 已处理文件 %d/%d（每秒 %.0f 个）\n", p.done, p.total, rate)
	}
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
