// Command zjgen writes a synthetic archive of Chinese activity reports for
// benchmarks and ground-truth tests of the zongjie import pipeline.
//
//	zjgen -n 20000 -seed 1 -o /tmp/zj-bench -manifest /tmp/zj-bench.jsonl
//
// The reports are composed from phrase pools written for the generator and
// name real places, observances, annual themes, laws and agencies taken
// from the embedded rule tables (package zongjie/rules). About 80% of the
// files are UTF-8 text, 10% GBK text and 10% web pages; about 2% of the
// files are compilations of 3–5 summaries. The same seed gives the same
// bytes, whatever the number of workers.
//
// The manifest (JSON lines, one per report, in file order) gives each
// report's file, title, year, genre, places and the totals of the counts
// planted in it.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "zjgen:", err)
		os.Exit(1)
	}
}

// options are the command-line settings.
type options struct {
	n        int
	seed     uint64
	out      string
	manifest string
	workers  int
	dirs     *sync.Map // folders already created
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("zjgen", flag.ContinueOnError)
	var o options
	fs.IntVar(&o.n, "n", 20000, "number of `reports` to write")
	fs.Uint64Var(&o.seed, "seed", 1, "random `seed`; the same seed gives the same archive")
	fs.StringVar(&o.out, "o", "", "output `folder` (created; must be empty)")
	fs.StringVar(&o.manifest, "manifest", "", "write the ground truth as JSON lines to `file`")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.out == "" || o.n < 1 || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("want -o FOLDER and -n ≥ 1")
	}
	start := time.Now()
	st, err := generate(o)
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(stdout, "files %d (txt utf-8 %d, txt gbk %d, html %d; compilations %d)\n",
		st.files, st.txtUTF8, st.txtGBK, st.html, st.compilations)
	fmt.Fprintf(stdout, "reports %d, report text %.1f MB (%d bytes UTF-8, %.0f per report), files %.1f MB\n",
		st.reports, float64(st.textBytes)/1e6, st.textBytes, float64(st.textBytes)/float64(st.reports), float64(st.fileBytes)/1e6)
	fmt.Fprintf(stdout, "time %s (%.0f reports/s)\n", el.Round(time.Millisecond), float64(st.reports)/el.Seconds())
	return nil
}

// stats are the totals printed at the end.
type stats struct {
	files, reports, compilations, txtUTF8, txtGBK, html int
	textBytes, fileBytes                                int64
}

// plan decides, from the seed alone, how many reports each file holds and
// its format.
func plan(n int, seed uint64) []fileSpec {
	r := rand.New(rand.NewPCG(seed, 1<<63))
	var files []fileSpec
	for left := n; left > 0; {
		f := fileSpec{index: len(files), reports: 1, format: "txt", encoding: "utf-8"}
		if left >= 3 && r.IntN(1000) < 20 {
			f.reports = min(left, 3+r.IntN(3))
			if r.IntN(2) == 0 {
				f.format = "html"
			}
		} else {
			switch k := r.IntN(100); {
			case k < 10:
				f.encoding = "gb18030"
			case k < 20:
				f.format = "html"
				if r.IntN(100) < 15 {
					f.encoding = "gb18030"
				}
			case k < 24:
				f.encoding = "utf-8-bom"
			}
		}
		left -= f.reports
		files = append(files, f)
	}
	return files
}

// result is a written file.
type result struct {
	entries   []entry
	textBytes int64
	fileBytes int64
	err       error
}

func generate(o options) (stats, error) {
	var st stats
	w, err := loadWorld()
	if err != nil {
		return st, err
	}
	if err := emptyDir(o.out); err != nil {
		return st, err
	}
	o.dirs = new(sync.Map)
	files := plan(o.n, o.seed)
	results := make([]result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, o.workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = writeFile(w, o, files[i])
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var man bytes.Buffer
	enc := json.NewEncoder(&man)
	enc.SetEscapeHTML(false)
	for i, res := range results {
		if res.err != nil {
			return st, res.err
		}
		f := files[i]
		st.files++
		st.reports += len(res.entries)
		st.textBytes += res.textBytes
		st.fileBytes += res.fileBytes
		switch {
		case f.reports > 1:
			st.compilations++
		case f.format == "html":
			st.html++
		case f.encoding == "gb18030":
			st.txtGBK++
		default:
			st.txtUTF8++
		}
		for _, e := range res.entries {
			if err := enc.Encode(e); err != nil {
				return st, err
			}
		}
	}
	if o.manifest != "" {
		if err := os.WriteFile(o.manifest, man.Bytes(), 0o644); err != nil {
			return st, err
		}
	}
	return st, nil
}

// emptyDir creates dir, or checks that it is empty.
func emptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(ents) > 0 {
		return fmt.Errorf("output folder %s is not empty; remove it or choose another", dir)
	}
	return nil
}

// writeFile composes the reports of one file with the file's own random
// stream and writes it.
func writeFile(w *world, o options, f fileSpec) (res result) {
	r := rand.New(rand.NewPCG(o.seed, uint64(f.index)))
	t := w.chooseTopic(r)
	var reps []*report
	var text string
	if f.reports == 1 {
		c := w.newCtx(r, t, 4)
		rep := c.compose(reportTarget(r), "", 45)
		reps = append(reps, rep)
		if f.format == "html" {
			cs := "utf-8"
			if f.encoding == "gb18030" {
				cs = pickS(r, []string{"gb2312", "gbk", "GB2312"})
			}
			text = singleHTML(r, rep, cs)
		} else {
			text = singleText(r, rep)
		}
	} else {
		stem := ""
		for i := range f.reports {
			c := w.newCtx(r, t, 15)
			if i == 0 {
				stem = c.text(pick(r, compilationStems))
			}
			reps = append(reps, c.compose(reportTarget(r), fmt.Sprintf("%s%d", stem, i+1), 10))
		}
		if f.format == "html" {
			text = compilationHTML(r, stem, reps)
		} else {
			text = compilationText(r, stem, reps)
		}
	}
	if f.format == "txt" && r.IntN(100) < 10 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	data, err := encode(text, f.encoding)
	if err != nil {
		return result{err: err}
	}
	c0 := reps[0].ctx
	band := "2005-2013" // three bands of about equal size
	switch {
	case c0.year >= 2020:
		band = "2020-2025"
	case c0.year >= 2014:
		band = "2014-2019"
	}
	rel := fmt.Sprintf("%s/%s/zj%06d.%s", c0.c.prov.slug, band, f.index, f.format)
	path := filepath.Join(o.out, filepath.FromSlash(rel))
	if _, done := o.dirs.Load(filepath.Dir(path)); !done {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return result{err: err}
		}
		o.dirs.Store(filepath.Dir(path), true)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return result{err: err}
	}
	res.fileBytes = int64(len(data))
	for i, rep := range reps {
		e := rep.entry
		e.File, e.Format, e.Encoding = rel, f.format, f.encoding
		if f.reports > 1 {
			e.Part = i + 1
		}
		res.entries = append(res.entries, e)
		res.textBytes += int64(len(rep.text()))
	}
	return res
}

// compilationStems are the shared heading stems of a compilation's summaries.
var compilationStems = parseAll("{Y}年{obs}活动总结", "{Y}年{obs}活动总结", "{obs}活动总结", "{Y}年{obs}工作总结", "{short}宣传活动总结")

// reportTarget draws a report's length in bytes of UTF-8: triangular on
// 1,500–5,000 with its mode at 4,200 (mean 3,567: a report stops short of its target by part of a sentence, about 3,500 on average).
func reportTarget(r *rand.Rand) int {
	const lo, hi, mode = 1500.0, 5000.0, 4200.0
	u := r.Float64()
	fc := (mode - lo) / (hi - lo)
	if u < fc {
		return int(lo + math.Sqrt(u*(hi-lo)*(mode-lo)))
	}
	return int(hi - math.Sqrt((1-u)*(hi-lo)*(hi-mode)))
}
