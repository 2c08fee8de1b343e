package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/corpus"
)

// gen runs the generator into a fresh folder and returns the folder and
// the manifest entries.
func gen(t *testing.T, n int, seed uint64, workers int) (string, []entry) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "archive")
	man := filepath.Join(dir, "manifest.jsonl")
	args := []string{"-n", strconv.Itoa(n), "-seed", strconv.FormatUint(seed, 10), "-o", out, "-manifest", man, "-workers", strconv.Itoa(workers)}
	if err := run(args, io.Discard); err != nil {
		t.Fatal(err)
	}
	return out, readManifest(t, man)
}

func readManifest(t *testing.T, path string) []entry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var es []entry
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("manifest line %d: %v", len(es)+1, err)
		}
		es = append(es, e)
	}
	return es
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var (
	bigOnce sync.Once
	bigDir  string
	bigMan  []entry
	bigErr  error
)

// big is a shared archive of 2,000 reports (seed 1) for the statistical tests.
func big(t *testing.T) (string, []entry) {
	t.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zjgen-test-")
		if err != nil {
			bigErr = err
			return
		}
		bigDir = filepath.Join(dir, "archive")
		man := filepath.Join(dir, "manifest.jsonl")
		if bigErr = run([]string{"-n", "2000", "-seed", "1", "-o", bigDir, "-manifest", man}, io.Discard); bigErr == nil {
			bigMan = readManifest(t, man)
		}
	})
	if bigErr != nil {
		t.Fatal(bigErr)
	}
	return bigDir, bigMan
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(filepath.Dir(bigDir))
	}
	os.Exit(code)
}

func TestDeterministic(t *testing.T) {
	dirA, manA := gen(t, 50, 7, 1)
	dirB, manB := gen(t, 50, 7, 4)
	a, b := tree(t, dirA), tree(t, dirB)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("runs wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	ja, _ := json.Marshal(manA)
	jb, _ := json.Marshal(manB)
	if !bytes.Equal(ja, jb) {
		t.Error("manifests differ between two runs with the same seed")
	}
	if len(manA) != 50 {
		t.Errorf("manifest has %d reports, want 50", len(manA))
	}
	dirC, _ := gen(t, 50, 8, 2)
	c := tree(t, dirC)
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files are the same with another seed", same)
	}
}

func TestFormatMix(t *testing.T) {
	_, es := big(t)
	files := map[string]entry{}
	for _, e := range es {
		files[e.File] = e
	}
	kind := map[string]int{}
	comp := 0
	for _, e := range files {
		if e.Part > 0 {
			comp++
			continue
		}
		switch {
		case e.Format == "html":
			kind["html"]++
		case e.Encoding == "gb18030":
			kind["gbk"]++
		default:
			kind["utf8"]++
		}
	}
	n := float64(len(files))
	share := func(k int) float64 { return float64(k) / n }
	check := func(name string, got, lo, hi float64) {
		if got < lo || got > hi {
			t.Errorf("%s share %.3f, want %.2f–%.2f", name, got, lo, hi)
		}
	}
	check("utf-8 text", share(kind["utf8"]), 0.74, 0.84)
	check("gbk text", share(kind["gbk"]), 0.07, 0.13)
	check("html", share(kind["html"]), 0.07, 0.13)
	check("compilation", share(comp), 0.01, 0.035)
	perDir := map[string]int{}
	for f := range files {
		perDir[filepath.Dir(f)]++
	}
	if len(perDir) < 30 {
		t.Errorf("files spread over %d folders only", len(perDir))
	}
	genres := map[string]int{}
	for _, e := range es {
		genres[e.Genre]++
	}
	for _, g := range []string{"3·15", "安全生产月", "普法", "禁毒", "食品安全", "消防", "反诈", "环保", "科普"} {
		if genres[g] < len(es)/50 {
			t.Errorf("genre %s has %d of %d reports", g, genres[g], len(es))
		}
	}
}

func TestSizes(t *testing.T) {
	_, es := big(t)
	sum := 0
	for _, e := range es {
		sum += e.Bytes
		if e.Bytes < 1300 || e.Bytes > 5300 {
			t.Errorf("%s part %d: %d bytes", e.File, e.Part, e.Bytes)
		}
	}
	mean := float64(sum) / float64(len(es))
	if mean < 3350 || mean > 3650 {
		t.Errorf("mean report size %.0f bytes, want about 3,500", mean)
	}
}

func TestGBKDecodes(t *testing.T) {
	dir, es := big(t)
	n := 0
	for _, e := range es {
		if e.Encoding != "gb18030" || e.Part > 1 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		if utf8.Valid(data) {
			t.Errorf("%s: GBK file is valid UTF-8", e.File)
		}
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		if bytes.ContainsRune(text, utf8.RuneError) {
			t.Errorf("%s: decoding gives replacement characters", e.File)
		}
		if !bytes.Contains(text, []byte(escapeHTML(e.Title, e.Format))) {
			t.Errorf("%s: decoded text lacks the title %q", e.File, e.Title)
		}
		if e.Format == "html" && !regexp.MustCompile(`(?i)charset="(gbk|gb2312)"`).Match(text) {
			t.Errorf("%s: GBK page does not declare its charset", e.File)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d GBK files", n)
	}
}

func escapeHTML(s, format string) string {
	if format != "html" {
		return s
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestManifestMatchesFiles reads every file with the import pipeline
// (corpus.Read) and checks it against its manifest lines: the number of
// documents, their titles, and facts recounted from the text.
func TestManifestMatchesFiles(t *testing.T) {
	dir, es := big(t)
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]entry{}
	var order []string
	for _, e := range es {
		if byFile[e.File] == nil {
			order = append(order, e.File)
		}
		byFile[e.File] = append(byFile[e.File], e)
	}
	onDisk := tree(t, dir)
	if len(onDisk) != len(order) {
		t.Errorf("%d files on disk, %d in the manifest", len(onDisk), len(order))
	}
	known := map[string]bool{}
	for _, p := range w.provinces {
		known[p.name] = true
		for _, c := range p.counties {
			known[c.name] = true
			known[c.city] = true
		}
	}
	reHanding := regexp.MustCompile(`(宣传资料|横幅)([0-9]+(?:\.[0-9])?)(万)?(?:余|多)?(份|条)`)
	for _, file := range order {
		fes := byFile[file]
		data, ok := onDisk[file]
		if !ok {
			t.Errorf("%s: in the manifest, not on disk", file)
			continue
		}
		docs, err := corpus.Read(file, bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if len(docs) != len(fes) {
			t.Errorf("%s: the pipeline reads %d documents, the manifest has %d", file, len(docs), len(fes))
			continue
		}
		want := map[string]int64{}
		var text strings.Builder
		for i, d := range docs {
			e := fes[i]
			if d.Title != e.Title {
				t.Errorf("%s: document %d title %q, manifest %q", file, i+1, d.Title, e.Title)
			}
			if e.Part != d.Part {
				t.Errorf("%s: document %d part %d, manifest %d", file, i+1, d.Part, e.Part)
			}
			text.WriteString(d.Text)
			for k, v := range e.Totals {
				want[k] += v
			}
			checkEntry(t, w, known, e, d.Text)
		}
		// recount 宣传资料…份 and 横幅…条 from the pipeline's text
		got := map[string]int64{}
		for _, m := range reHanding.FindAllStringSubmatch(text.String(), -1) {
			v, _ := strconv.ParseFloat(m[2], 64)
			if m[3] == "万" {
				v *= 10000
			}
			got[m[1]+"/"+m[4]] += int64(v + 0.5)
		}
		for _, k := range []string{"宣传资料/份", "横幅/条"} {
			if got[k] != want[k] {
				t.Errorf("%s: %s totals %d in the text, %d in the manifest", file, k, got[k], want[k])
			}
		}
	}
}

// norm normalises a string as the pipeline normalises text (half-width
// punctuation and digits).
func norm(s string) string {
	n, _ := corpus.Normalize(s)
	return n
}

// checkEntry checks one manifest line against its document text.
func checkEntry(t *testing.T, w *world, known map[string]bool, e entry, text string) {
	t.Helper()
	where := e.File + " part " + strconv.Itoa(e.Part)
	if e.Year < 2005 || e.Year > 2025 {
		t.Errorf("%s: year %d", where, e.Year)
	}
	if e.YearWritten != strings.Contains(text, strconv.Itoa(e.Year)+"年") {
		t.Errorf("%s: year_written is %v for %d", where, e.YearWritten, e.Year)
	}
	if e.YearMasked && e.YearWritten {
		t.Errorf("%s: the masked year %d is written", where, e.Year)
	}
	if o := w.observances[e.Observance]; o != nil {
		if e.Ordinal != e.Year-o.firstYear+1 {
			t.Errorf("%s: ordinal %d for %s in %d", where, e.Ordinal, o.name, e.Year)
		}
		if e.Theme != "" && e.Theme != o.themes[e.Year] {
			t.Errorf("%s: theme %q is not the %d theme of %s", where, e.Theme, e.Year, o.name)
		}
	} else if e.Genre != "反诈" {
		t.Errorf("%s: unknown observance %q", where, e.Observance)
	}
	if e.Theme != "" && !strings.Contains(text, norm(e.Theme)) {
		t.Errorf("%s: theme %q not in the text", where, e.Theme)
	}
	for _, p := range e.Places {
		if !known[p] {
			t.Errorf("%s: place %q is not a division", where, p)
		}
	}
	for _, l := range e.Laws {
		if !strings.Contains(text, norm("《"+l+"》")) {
			t.Errorf("%s: law %q not in the text", where, l)
		}
	}
	if e.Counts < 3 {
		t.Errorf("%s: only %d counts", where, e.Counts)
	}
	var sum int64
	for _, v := range e.UnitTotals {
		sum += v
	}
	if sum <= 0 {
		t.Errorf("%s: unit totals %v", where, e.UnitTotals)
	}
}

// TestEveryTopic composes reports for every observance of every genre, so
// that every template and vocabulary is rendered.
func TestEveryTopic(t *testing.T) {
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, f := range families {
		names := f.obs
		if len(names) == 0 {
			names = []string{""}
		}
		for _, name := range names {
			for y := 2005; y <= 2025; y++ {
				tp := topic{fam: f, year: y}
				if name != "" {
					tp.obs = w.observances[name]
					tp.gv = genericVocabs[name]
					if tp.obs == nil {
						t.Fatalf("no observance %s", name)
					}
					if y < tp.obs.firstYear {
						continue
					}
				} else if y < f.minYear {
					continue
				}
				for range 3 {
					rep := w.newCtx(r, tp, 30).compose(5000, "", 50)
					body := rep.text()
					if strings.ContainsAny(body, "{}") {
						t.Errorf("%s %d: unrendered slot in %q", name, y, body)
					}
					if rep.entry.Counts == 0 {
						t.Errorf("%s %d: no counts", name, y)
					}
				}
			}
		}
	}
}

func TestTemplates(t *testing.T) {
	for _, s := range []string{"{n:1-2}", "{n:5-1:份}", "{x}", "{?foo|a}", "a}", "{|a|{n:1-2:份}"} {
		if _, err := parse(s); err == nil {
			t.Errorf("parse(%q) gives no error", s)
		}
	}
	if got := chineseNumeral(42); got != "四十二" {
		t.Errorf("chineseNumeral(42) = %q", got)
	}
	if got := chineseNumeral(14); got != "十四" {
		t.Errorf("chineseNumeral(14) = %q", got)
	}
}
