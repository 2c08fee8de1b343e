package main

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns the browser to drive. Without one the test is
// skipped, except under CI, where it fails.
func findChromium(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			candidates = append(candidates, p)
		}
	}
	for _, p := range candidates {
		if st, err := os.Stat(p); p != "" && err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found, and CI is set: install it (apt-get install chromium) or set CHROMIUM")
	}
	t.Skip("skipping the browser test: no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)")
	return ""
}

// browser is a headless Chromium tab and the errors its pages reported.
type browser struct {
	t      *testing.T
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// newBrowser starts headless Chromium with a fresh profile and nothing
// that reaches the network on its own.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(findChromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-pings", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx}
	// The console: exceptions, console.error and the browser's own
	// complaints, such as a Content-Security-Policy violation.
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.errors = append(b.errors, m.String()+" "+m.URL)
				b.mu.Unlock()
			}
		}
	}()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return b
}

// do runs actions that return nothing; a failure ends the test.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// value runs an action that returns a value; a failure ends the test.
func value[T any](b *browser, step string, action chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, action)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// consoleErrors returns the errors the pages reported.
func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// docMarks is what the document page shows of its facts.
type docMarks struct {
	Heading string         `json:"heading"`
	Marks   int            `json:"marks"`
	Facts   int            `json:"facts"`
	Rows    int            `json:"rows"`
	Kinds   map[string]int `json:"kinds"`
	Tip     string         `json:"tip"`
	Nested  int            `json:"nested"`
}

// chartBars is what the statistics page shows.
type chartBars struct {
	Caption string   `json:"caption"`
	Widths  []int    `json:"widths"`
	Labels  []string `json:"labels"`
	Rows    int      `json:"rows"`
}

// TestBrowser drives the pages as a person would: search for a word, tick a
// facet, remove its chip, open a document and look at its marked facts,
// open the statistics and look at the bars.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := newBrowser(t)
	base := startServe(t, importSample(t))

	// 1. Search for a word: type it and press the button.
	const word = "宣传资料"
	b.do("open the search page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	b.do("search", chromedp.SetValue(chromedp.ID("q"), word), chromedp.Click(chromedp.CSS("#f button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".snippet mark")))
	loc := value(b, "location", chromedp.Location())
	totalText := value(b, "total", chromedp.Text(chromedp.ID("total")))
	if !strings.Contains(loc, "q="+url.QueryEscape(word)) {
		t.Errorf("after the search the URL is %s", loc)
	}
	searched := leadingNumber(t, totalText)
	marks := value(b, "read the snippets", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".snippet mark")].map(m => m.textContent)`))
	if searched == 0 || len(marks) == 0 || !strings.Contains(strings.Join(marks, ""), "宣传") {
		t.Fatalf("search %s: %q, marks %q", word, totalText, marks)
	}
	t.Logf("search %s: %s, %d marked words", word, totalText, len(marks))

	// 2. Tick a facet: the first year. The page applies it at once.
	const firstYear = `fieldset[data-facet="year"] input[type=checkbox]`
	year := value(b, "read the year facet", chromedp.AttributeValue(chromedp.CSS(firstYear), "value")).Value
	yearCount := value(b, "read the year count", chromedp.Evaluate[int](`parseInt(document.querySelector('fieldset[data-facet="year"] .count').textContent)`))
	b.do("tick the year", chromedp.Click(chromedp.CSS(firstYear)), chromedp.WaitVisible(chromedp.CSS(".chip:not(.clear)")))
	loc = value(b, "location", chromedp.Location())
	totalText = value(b, "total", chromedp.Text(chromedp.ID("total")))
	if !strings.Contains(loc, "year="+year) || !strings.Contains(loc, "q="+url.QueryEscape(word)) {
		t.Errorf("after ticking %s the URL is %s", year, loc)
	}
	if n := leadingNumber(t, totalText); n != yearCount || n > searched {
		t.Errorf("after ticking %s (counted %d): %q", year, yearCount, totalText)
	}
	metas := value(b, "read the filtered hits", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".hit .meta")].map(m => m.textContent)`))
	for _, m := range metas {
		if !strings.Contains(m, year+"年") {
			t.Errorf("a hit outside %s: %s", year, m)
		}
	}
	checked := value(b, "read the checkbox", chromedp.Evaluate[bool](`document.querySelector('fieldset[data-facet="year"] input[value="`+year+`"]').checked`))
	if !checked || len(metas) == 0 {
		t.Errorf("year %s: checkbox checked %v, %d hits", year, checked, len(metas))
	}
	chip := value(b, "read the chip", chromedp.Text(chromedp.CSS(".chip:not(.clear)")))
	if !strings.Contains(chip, "年份") || !strings.Contains(chip, year) {
		t.Errorf("chip %q", chip)
	}

	// 3. Remove the chip: back to the search for the word alone.
	b.do("remove the chip", chromedp.Click(chromedp.CSS(".chip:not(.clear)")), chromedp.WaitNotPresent(chromedp.CSS(".chip")))
	loc = value(b, "location", chromedp.Location())
	totalText = value(b, "total", chromedp.Text(chromedp.ID("total")))
	if strings.Contains(loc, "year=") || leadingNumber(t, totalText) != searched {
		t.Errorf("after removing the chip: %s, %q (searched %d)", loc, totalText, searched)
	}

	// 4. Open the first document: its facts are marked in the text.
	title := value(b, "read the first hit", chromedp.Text(chromedp.CSS(".hit h2 a")))
	b.do("open a document", chromedp.Click(chromedp.CSS(".hit h2 a")), chromedp.WaitVisible(chromedp.ID("text")))
	doc := value(b, "read the marks", chromedp.Evaluate[docMarks](`(() => {
		const marks = [...document.querySelectorAll("#text mark.f")];
		const kinds = {};
		for (const m of marks) { if (!m.classList.contains("cont")) { const k = m.className.match(/f-(\w+)/)[1]; kinds[k] = (kinds[k] || 0) + 1; } }
		return {
			heading: document.querySelector("h1").textContent,
			marks: marks.length,
			facts: new Set(marks.map(m => m.dataset.fact)).size,
			rows: document.querySelectorAll("table.facts tbody tr").length,
			kinds: kinds,
			tip: (document.querySelector("#text mark.f-count") || {}).title || "",
			nested: document.querySelectorAll("#text mark.f mark.f").length,
		};
	})()`))
	if doc.Heading != title {
		t.Errorf("document page heading %q, hit title %q", doc.Heading, title)
	}
	if doc.Marks == 0 || doc.Facts != doc.Rows || doc.Kinds["count"] == 0 {
		t.Errorf("document %q: %d marks of %d facts, table %d rows, kinds %v", title, doc.Marks, doc.Facts, doc.Rows, doc.Kinds)
	}
	for _, want := range []string{"数量：", "规则：count.rules:", "置信度："} {
		if !strings.Contains(doc.Tip, want) {
			t.Errorf("a count's tooltip lacks %s: %q", want, doc.Tip)
		}
	}
	t.Logf("document %q: %d marks (%d nested) for %d facts %v; a count's tooltip: %q", title, doc.Marks, doc.Nested, doc.Facts, doc.Kinds, doc.Tip)

	// 5. The statistics: 宣传资料 per year as bars.
	b.do("open the statistics", chromedp.Click(chromedp.CSS(`nav a[href="/stats"]`)), chromedp.WaitVisible(chromedp.ID("stat")),
		chromedp.SetValue(chromedp.ID("stat"), "宣传资料:份"), chromedp.Click(chromedp.CSS("#sf button[type=submit]")))
	// the statistics page already shows a chart: wait for the new one
	for i := 0; i < 50; i++ {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, "stat=") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.do("see the chart", chromedp.WaitVisible(chromedp.CSS(".chart svg text.value")))
	loc = value(b, "location", chromedp.Location())
	chart := value(b, "read the chart", chromedp.Evaluate[chartBars](`({
		caption: document.querySelector("figcaption").textContent,
		widths: [...document.querySelectorAll("figure.chart svg rect")].map(r => parseInt(r.getAttribute("width"))),
		labels: [...document.querySelectorAll("figure.chart svg text.label")].map(t => t.textContent),
		rows: document.querySelectorAll("table.stats tbody tr").length,
	})`))
	positive := 0
	for _, w := range chart.Widths {
		if w > 0 {
			positive++
		}
	}
	if !strings.Contains(loc, "stat=") || !strings.Contains(chart.Caption, "宣传资料") || positive < 2 || len(chart.Widths) > chart.Rows {
		t.Errorf("statistics at %s: caption %q, bar widths %v, %d table rows", loc, chart.Caption, chart.Widths, chart.Rows)
	}
	t.Logf("statistics: %q, bars %v %v", chart.Caption, chart.Labels, chart.Widths)

	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("the pages reported errors: %q", errs)
	}
}

// leadingNumber reads the first number of a text such as "共 12 篇报告".
func leadingNumber(t *testing.T, s string) int {
	t.Helper()
	m := regexp.MustCompile(`\d+`).FindString(s)
	n, err := strconv.Atoi(m)
	if err != nil {
		t.Fatalf("no number in %q", s)
	}
	return n
}
