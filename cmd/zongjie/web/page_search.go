package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"zongjie/index"
)

// searchView is the data of the search page.
type searchView struct {
	Q, Sort  string
	Error    string
	Total    uint64
	TookMS   int64
	From     int
	Hits     []hitView
	Facets   []facetView
	Chips    []chipView
	ClearURL string
	Sorts    []linkView
	Pager    pagerView
	Hidden   []hiddenInput
	CSVURL   string
	XLSXURL  string
	StatsURL string
}

// hitView is one hit on the search page.
type hitView struct {
	N       int
	URL     string
	Title   string
	Year    int
	Places  []string
	Source  string
	Score   string
	Snippet template.HTML
}

// facetView is one facet in the sidebar, a checkbox per value.
type facetView struct {
	Key, Label string
	Values     []facetValueView
}

type facetValueView struct {
	ID, Value, Label string
	Count            int
	HasCount         bool
	Checked          bool
}

// chipView is an active filter with the link that removes it.
type chipView struct {
	Label, Value, URL string
}

// linkView is a link with its label.
type linkView struct {
	Label, URL string
	Current    bool
}

// hiddenInput keeps a parameter in the search form that has no visible
// input (a place or count filter, the order, the page size).
type hiddenInput struct{ Name, Value string }

// pagerView links the pages of a result.
type pagerView struct {
	Prev, Next string
	Pages      []linkView
	Current    int
	Last       int
}

// sortLabels are the orders offered, with their labels.
var sortLabels = []struct{ Value, Label string }{
	{"", "相关度"}, {"-year", "年份（新→旧）"}, {"year", "年份（旧→新）"}, {"-date", "日期（新→旧）"}, {"date", "日期（旧→新）"},
}

// orgKindLabels name the organisation kinds.
var orgKindLabels = map[string]string{
	"gov": "政府机关", "assoc": "协会、社团", "company": "企业", "media": "媒体",
	"school": "学校", "hospital": "医院", "other": "其他",
}

// searchPage answers GET /: the search form, the facets, the hits.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r.URL.Query())
	if err != nil {
		v := searchView{Q: r.URL.Query().Get("q"), Error: messageOf(err), ClearURL: "/"}
		s.render(w, statusOf(err), "search.html", v)
		return
	}
	s.withIndex(w, r, func(ix *index.Index) error {
		res, err := search(r.Context(), ix, p)
		if err != nil {
			return err
		}
		s.render(w, http.StatusOK, "search.html", newSearchView(p, res))
		return nil
	})
}

func newSearchView(p searchParams, res *searchResult) searchView {
	v := searchView{
		Q: p.Q, Sort: p.Sort, Total: res.Total, TookMS: res.TookMS, From: p.from(),
		ClearURL: "/", Chips: chips(p.selection, "/", p.values()),
		Facets: facetViews(p, res), Sorts: sortLinks(p), Pager: pager(p, res.Total),
		Hidden: hiddenInputs(p),
	}
	if p.Q != "" {
		v.ClearURL = "/?" + url.Values{"q": {p.Q}}.Encode()
	}
	sel := p.selection.values()
	v.CSVURL = "/api/export?" + withParam(sel, "format", "csv").Encode()
	v.XLSXURL = "/api/export?" + withParam(sel, "format", "xlsx").Encode()
	v.StatsURL = "/stats?" + sel.Encode()
	for i, h := range res.Hits {
		v.Hits = append(v.Hits, hitView{
			N: v.From + i + 1, URL: "/doc/" + url.PathEscape(h.ID), Title: h.Title, Year: h.Year,
			Places: h.Places, Source: h.Source, Score: strconv.FormatFloat(h.Score, 'f', 2, 64),
			// The snippet is HTML made by index.snippet: the report's text
			// escaped with html.EscapeString and the matched words wrapped
			// in <mark>; nothing else of the document passes unescaped.
			Snippet: template.HTML(h.Snippet),
		})
	}
	return v
}

// facetViews lists the values of each facet as checkboxes; a ticked value
// is listed even when the facet no longer counts it.
func facetViews(p searchParams, res *searchResult) []facetView {
	var out []facetView
	for _, f := range facets {
		fv := facetView{Key: f.Key, Label: f.Label}
		listed := map[string]bool{}
		for _, val := range res.Facets[f.Key] {
			listed[val.Value] = true
			fv.Values = append(fv.Values, facetValueView{Value: val.Value, Count: val.Count, HasCount: true})
		}
		for _, val := range p.Filters[f.Key] {
			if !listed[val] {
				fv.Values = append(fv.Values, facetValueView{Value: val})
			}
		}
		if f.Key == "year" { // newest first, as the reports are read
			slices.SortStableFunc(fv.Values, func(a, b facetValueView) int { return strings.Compare(b.Value, a.Value) })
		}
		for i := range fv.Values {
			fv.Values[i].ID = "f-" + f.Key + "-" + strconv.Itoa(i)
			fv.Values[i].Label = valueLabel(f.Key, fv.Values[i].Value)
			for _, sel := range p.Filters[f.Key] {
				fv.Values[i].Checked = fv.Values[i].Checked || sel == fv.Values[i].Value
			}
		}
		if len(fv.Values) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// valueLabel is how a filter value is shown.
func valueLabel(key, value string) string {
	if key == "org_kind" && orgKindLabels[value] != "" {
		return orgKindLabels[value]
	}
	return value
}

// chips lists the active filters, each with the URL (on page base) that
// removes it from the parameters all.
func chips(sel selection, base string, all url.Values) []chipView {
	var out []chipView
	for _, f := range filters {
		for _, val := range sel.Filters[f.Param] {
			out = append(out, chipView{Label: f.Label, Value: valueLabel(f.Param, val), URL: link(base, without(all, f.Param, val))})
		}
	}
	for _, c := range sel.Counts {
		out = append(out, chipView{Label: "数量", Value: c, URL: link(base, without(all, "count", c))})
	}
	return out
}

func sortLinks(p searchParams) []linkView {
	var out []linkView
	for _, s := range sortLabels {
		q := p
		q.Sort, q.Page = s.Value, 1
		out = append(out, linkView{Label: s.Label, URL: link("/", q.values()), Current: s.Value == p.Sort})
	}
	return out
}

// pager links the previous and next pages and up to nine around the current.
func pager(p searchParams, total uint64) pagerView {
	last := int((total + uint64(p.Size) - 1) / uint64(p.Size))
	last = min(last, index.MaxFrom/p.Size+1)
	pv := pagerView{Current: p.Page, Last: last}
	at := func(n int) string {
		q := p
		q.Page = n
		return link("/", q.values())
	}
	if p.Page > 1 {
		pv.Prev = at(p.Page - 1)
	}
	if p.Page < last {
		pv.Next = at(p.Page + 1)
	}
	if last <= 1 {
		return pv
	}
	for n := max(1, p.Page-4); n <= min(last, p.Page+4); n++ {
		pv.Pages = append(pv.Pages, linkView{Label: strconv.Itoa(n), URL: at(n), Current: n == p.Page})
	}
	return pv
}

// hiddenInputs keeps in the form what the sidebar's checkboxes do not: the
// place filter, the count conditions, the order and the page size.
func hiddenInputs(p searchParams) []hiddenInput {
	var out []hiddenInput
	for _, param := range []string{"place"} {
		for _, v := range p.Filters[param] {
			out = append(out, hiddenInput{param, v})
		}
	}
	for _, c := range p.Counts {
		out = append(out, hiddenInput{"count", c})
	}
	if p.Sort != "" {
		out = append(out, hiddenInput{"sort", p.Sort})
	}
	if p.Size != defaultSize {
		out = append(out, hiddenInput{"size", strconv.Itoa(p.Size)})
	}
	return out
}

// link joins a path and parameters.
func link(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// without returns a copy of v without one value of a parameter (and
// without the page, which the change invalidates).
func without(v url.Values, param, value string) url.Values {
	out := url.Values{}
	for k, vals := range v {
		if k == "page" {
			continue
		}
		for _, x := range vals {
			if !(k == param && x == value) {
				out.Add(k, x)
			}
		}
	}
	return out
}

// withParam returns a copy of v with one parameter set.
func withParam(v url.Values, param, value string) url.Values {
	out := url.Values{}
	for k, vals := range v {
		out[k] = append([]string(nil), vals...)
	}
	out.Set(param, value)
	return out
}
