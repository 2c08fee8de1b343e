package web

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// page gets an HTML page and checks its status.
func page(t *testing.T, target string, status int) string {
	t.Helper()
	_, h := newTestServer(t, Config{})
	w := get(t, h, target)
	if w.Code != status {
		t.Fatalf("GET %s: status %d, want %d\n%s", target, w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	return w.Body.String()
}

// noScript fails if a document's script came through unescaped.
func noScript(t *testing.T, where, body string) {
	t.Helper()
	if strings.Contains(body, "<script>alert(1)") || strings.Contains(body, "<img src=x") {
		t.Errorf("%s: the document's markup is not escaped", where)
	}
}

func TestSearchPage(t *testing.T) {
	body := page(t, "/?q="+url.QueryEscape("宣传资料")+"&year=2012,2013", 200)
	for _, want := range []string{
		`<strong>2</strong> 篇报告`,
		`name="q" type="search" value="宣传资料"`,
		`name="year" value="2012" checked`,
		`name="year" value="2013" checked`,
		`name="year" value="2024">`, // the other years can be added
		`<mark>宣传资料</mark>`,
		`href="/doc/e0000000000000e1"`,
		`href="/?q=%E5%AE%A3%E4%BC%A0%E8%B5%84%E6%96%99&amp;year=2013"`, // the chip that removes 2012
		`/api/export?format=csv&amp;q=`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	noScript(t, "search page", body)
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("search page: the escaped title or snippet is missing")
	}
}

func TestSearchPageBadParameters(t *testing.T) {
	body := page(t, "/?count="+url.QueryEscape("宣传资料>=很多"), 400)
	if !strings.Contains(body, `class="error"`) || !strings.Contains(body, "数量条件") {
		t.Errorf("bad count: no error message on the page")
	}
}

func TestSnippetEscapedInAPI(t *testing.T) {
	_, h := newTestServer(t, Config{})
	w := get(t, h, "/api/search?q="+url.QueryEscape("广场"))
	var res apiSearchResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || len(res.Hits) != 1 {
		t.Fatalf("广场: %v %s", err, w.Body)
	}
	s := res.Hits[0].Snippet
	if !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") || strings.Contains(s, "<script>") {
		t.Errorf("snippet not escaped: %s", s)
	}
	if strings.Contains(w.Body.String(), "<") {
		t.Errorf("the JSON holds a raw '<'")
	}
}

func TestDocPage(t *testing.T) {
	body := page(t, "/doc/"+fixtureIDs[0], 200)
	noScript(t, "doc page", body)
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("doc page: escaped text missing")
	}
	// Five facts have spans in the text (the sixth is past its end).
	starts := regexp.MustCompile(`<mark class="f f-(\w+)" id="(\w+-\d+)"`).FindAllStringSubmatch(body, -1)
	if len(starts) != 6 {
		t.Errorf("doc page: %d marks, want 6: %v", len(starts), starts)
	}
	for _, want := range []string{
		`title="数量：1000 份（约数：余）\n对象：宣传资料\n动作：发放\n规则：count.rules:9，置信度：0.90"`,
		`title="机构：&#34;&gt;&lt;img src=x onerror=alert(2)&gt;协会`,
		`href="/?org=%E6%B6%88%E8%B4%B9%E8%80%85%E5%8D%8F%E4%BC%9A"`, // 消费者协会, the canonical name
		`href="/?city=%E9%93%B6%E5%B7%9D%E5%B8%82"`,
		`<dd>gb18030</dd>`,
		`fixture/e0000000000000e1.txt`,
		`<td><code>count.rules:9</code></td>`,
	} {
		if !strings.Contains(body, strings.ReplaceAll(want, `\n`, "\n")) {
			t.Errorf("doc page lacks %s", want)
		}
	}
}

// TestDocPageCrossingSpans checks that a fact crossing another is split
// into two marks that nest properly.
func TestDocPageCrossingSpans(t *testing.T) {
	body := page(t, "/doc/"+fixtureIDs[1], 200)
	want := `<mark class="f f-theme" id="theme-1" data-fact="theme-1" title="主题：消费与安全\n规则：（未记录）">2年<mark class="f f-place" id="place-1" data-fact="place-1"`
	if !strings.Contains(body, strings.ReplaceAll(want, `\n`, "\n")) {
		t.Errorf("doc page: theme crossing a place is not nested:\n%s", body)
	}
	if !strings.Contains(body, `<mark class="f f-place cont" data-fact="place-1"`) {
		t.Errorf("doc page: the rest of the crossed place is not continued")
	}
}

func TestDocPageUnknown(t *testing.T) {
	body := page(t, "/doc/ffffffffffffffff", 404)
	if !strings.Contains(body, "没有这篇文档") {
		t.Errorf("unknown document: %s", body)
	}
}

func TestStatsPage(t *testing.T) {
	body := page(t, "/stats?by=year&stat="+url.QueryEscape("宣传资料:份"), 200)
	if n := strings.Count(body, "<rect "); n != 3 {
		t.Errorf("stats page: %d bars, want 3", n)
	}
	for _, want := range []string{"<svg", "5000 份", `href="/api/stats?format=csv&amp;stat=`, `/api/export?format=xlsx&amp;pivot=`, `<option value="year" selected>`} {
		if !strings.Contains(body, want) {
			t.Errorf("stats page lacks %s", want)
		}
	}
	body = page(t, "/stats?by=nothing", 400)
	if !strings.Contains(body, "未知的分组") {
		t.Errorf("stats page with a bad grouping: no message")
	}
}
