package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// decode decodes a JSON answer into v, failing on a wrong status.
func decode(t *testing.T, h http.Handler, target string, status int, v any) {
	t.Helper()
	w := get(t, h, target)
	if w.Code != status {
		t.Fatalf("GET %s: status %d, want %d\n%s", target, w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", target, err, w.Body)
	}
}

func TestAPISearch(t *testing.T) {
	_, h := newTestServer(t, Config{})
	var res apiSearchResult
	decode(t, h, "/api/search?q="+url.QueryEscape("宣传资料"), 200, &res)
	if res.Total != 3 || len(res.Hits) != 3 {
		t.Fatalf("宣传资料: total %d, %d hits, want 3", res.Total, len(res.Hits))
	}
	for _, key := range []string{"year", "province", "city", "district", "org", "org_kind", "theme", "genre", "law"} {
		if _, ok := res.Facets[key]; !ok {
			t.Errorf("facet %q missing from %v", key, res.Facets)
		}
	}
	h0 := res.Hits[0]
	if h0.ID == "" || h0.Title == "" || !strings.Contains(h0.Snippet, "<mark>") || h0.Places == nil {
		t.Errorf("first hit %+v", h0)
	}
}

func TestAPISearchFilters(t *testing.T) {
	_, h := newTestServer(t, Config{})
	for _, tc := range []struct {
		query string
		want  []string // ids of the hits
	}{
		{"year=2012", []string{fixtureIDs[1]}},
		{"year=2012&year=2013", []string{fixtureIDs[0], fixtureIDs[1]}},
		{"year=2012,2013", []string{fixtureIDs[0], fixtureIDs[1]}},
		{"year=2013..2024", []string{fixtureIDs[0], fixtureIDs[2]}},
		{"city=" + url.QueryEscape("湖州市"), []string{fixtureIDs[2]}},
		{"org=" + url.QueryEscape("工商局"), []string{fixtureIDs[1]}},
		{"genre=" + url.QueryEscape("3·15"), []string{fixtureIDs[1]}},
		{"count=" + url.QueryEscape("宣传资料>=2000份"), []string{fixtureIDs[1], fixtureIDs[2]}},
		{"count=" + url.QueryEscape("宣传资料>=2000份") + "&year=2024", []string{fixtureIDs[2]}},
		{"q=" + url.QueryEscape("year:2012"), []string{fixtureIDs[1]}},
	} {
		var res apiSearchResult
		decode(t, h, "/api/search?"+tc.query, 200, &res)
		var got []string
		for _, hit := range res.Hits {
			got = append(got, hit.ID)
		}
		slices.Sort(got)
		slices.Sort(tc.want)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: hits %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestAPISearchFacetOfFilter checks that a facet filtered by its own
// parameter still counts its other values, so they can be added.
func TestAPISearchFacetOfFilter(t *testing.T) {
	_, h := newTestServer(t, Config{})
	var res apiSearchResult
	decode(t, h, "/api/search?year=2012", 200, &res)
	years := map[string]int{}
	for _, v := range res.Facets["year"] {
		years[v.Value] = v.Count
	}
	if years["2012"] != 1 || years["2013"] != 1 || years["2024"] != 1 {
		t.Errorf("year facet with year=2012: %v, want every year counted", years)
	}
	if len(res.Facets["city"]) != 1 || res.Facets["city"][0].Value != "银川市" {
		t.Errorf("city facet with year=2012: %v, want the 2012 report's city only", res.Facets["city"])
	}
}

func TestAPIBadRequests(t *testing.T) {
	_, h := newTestServer(t, Config{})
	long := strings.Repeat("消", 201)
	for _, tc := range []struct {
		target string
		status int
	}{
		{"/api/search?page=-1", 400},
		{"/api/search?page=0", 400},
		{"/api/search?page=x", 400},
		{"/api/search?page=99999999999", 400},
		{"/api/search?size=1000", 400},
		{"/api/search?size=0", 400},
		{"/api/search?size=101", 400},
		{"/api/search?page=200&size=100", 400}, // past index.MaxFrom
		{"/api/search?sort=title", 400},
		{"/api/search?count=" + url.QueryEscape(">=5"), 400},
		{"/api/search?count=" + url.QueryEscape("宣传资料>=很多"), 400},
		{"/api/search?year=12", 400},
		{"/api/search?year=" + url.QueryEscape("2012..x"), 400},
		{"/api/search?q=" + url.QueryEscape(long), 400},
		{"/api/search?q=" + url.QueryEscape(`"open`), 400},
		{"/api/search?city=" + strings.Repeat("a", 101), 400},
		{"/api/search?city=a%00b", 400},
		{"/api/search?year=" + manyYears(51), 400},
		{"/api/docs/0123456789abcdef", 404},
		{"/api/docs/" + url.PathEscape("../../etc/passwd"), 404},
		{"/api/docs/" + strings.Repeat("a", 65), 404},
		{"/api/stats?by=color", 400},
		{"/api/stats?stat=" + url.QueryEscape(">=1"), 400},
		{"/api/stats?format=xml", 400},
		{"/api/export?format=pdf", 400},
		{"/api/export?kind=bad", 400},
		{"/api/nothing", 404},
		{"/api/search?" + strings.Repeat("q=a&", 2500), 414}, // a 10 KB query string
	} {
		var body apiErrorBody
		decode(t, h, tc.target, tc.status, &body)
		if body.Status != tc.status || body.Error == "" {
			t.Errorf("%s: body %+v", tc.target, body)
		}
	}
}

func TestAPIDoc(t *testing.T) {
	_, h := newTestServer(t, Config{})
	var d apiDocument
	decode(t, h, "/api/docs/"+fixtureIDs[0], 200, &d)
	if d.ID != fixtureIDs[0] || d.Text != evilText || d.Title != evilTitle || d.Encoding != "gb18030" || d.Source == "" {
		t.Errorf("doc: %+v", d)
	}
	if len(d.Record.Counts) != 3 || d.Record.Counts[0].Object != "宣传资料" || d.Record.Year != 2013 {
		t.Errorf("doc record: %+v", d.Record)
	}
	// A report that repeats another leads to that one.
	w := get(t, h, "/api/docs/c0c0c0c0c0c0c0c0")
	if w.Code != http.StatusFound || w.Header().Get("Location") != "/api/docs/"+fixtureIDs[1] {
		t.Errorf("repeat: %d → %q", w.Code, w.Header().Get("Location"))
	}
}

func TestAPIStats(t *testing.T) {
	_, h := newTestServer(t, Config{})
	var res apiStatsResult
	decode(t, h, "/api/stats?by=year&stat="+url.QueryEscape("宣传资料:份"), 200, &res)
	sums := map[string]float64{}
	for _, r := range res.Rows {
		sums[r.Group] = r.Sum
		if r.Unit != "份" {
			t.Errorf("row %+v: unit %q", r, r.Unit)
		}
	}
	if sums["2012"] != 5000 || sums["2013"] != 1000 || sums["2024"] != 2100 {
		t.Errorf("宣传资料 per year: %v", sums)
	}
	decode(t, h, "/api/stats?by=city&year=2024", 200, &res)
	if len(res.Rows) != 1 || res.Rows[0].Group != "湖州市" || res.Rows[0].Docs != 1 {
		t.Errorf("documents per city in 2024: %+v", res.Rows)
	}
	w := get(t, h, "/api/stats?by=year&format=csv")
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "\ufeff2012\r\n") || !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("stats csv: %d %q %v", w.Code, w.Body, w.Header())
	}
}

func TestAPIExport(t *testing.T) {
	_, h := newTestServer(t, Config{})
	w := get(t, h, "/api/export?format=xlsx&year=2012,2013")
	if w.Code != 200 || w.Body.String() != "xlsx dd" {
		t.Errorf("export: %d %q", w.Code, w.Body)
	}
	if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="zongjie-facts.xlsx"` {
		t.Errorf("export Content-Disposition %q", cd)
	}
	if ct := w.Header().Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("export Content-Type %q", ct)
	}
	if w := get(t, h, "/api/export?kind=bad"); w.Header().Get("Content-Disposition") != "" {
		t.Errorf("a rejected export still names a file: %v", w.Header())
	}
}

// manyYears lists n different years, comma-separated.
func manyYears(n int) string {
	var years []string
	for y := 1950; y < 1950+n; y++ {
		years = append(years, strconv.Itoa(y))
	}
	return strings.Join(years, ",")
}
