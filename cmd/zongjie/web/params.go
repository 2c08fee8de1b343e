package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie/index"
)

// filter is a URL parameter that selects documents: the index field it
// filters and its label on the pages.
type filter struct {
	Param, Field, Label string
}

// filters are the selection parameters, in display order: the
// index.Dimensions that filter.
var filters = func() []filter {
	var out []filter
	for _, d := range index.Dimensions {
		if d.Filter != "" {
			out = append(out, filter{d.Name, d.Filter, d.Label})
		}
	}
	return out
}()

// filterOf returns the filter of a parameter name.
func filterOf(param string) (filter, bool) {
	for _, f := range filters {
		if f.Param == param {
			return f, true
		}
	}
	return filter{}, false
}

// Limits of the parameters, besides the index's own.
const (
	maxValueLen = 100 // runes in one filter value
	maxValues   = 50  // filter values in one request
	defaultSize = 10
)

// selection is the part of a request that says which documents: the
// query, the filters and the count conditions. Search, statistics and
// export share it.
type selection struct {
	Q       string
	Filters map[string][]string // parameter → values, in the order given
	Counts  []string            // count conditions as written
	counts  []index.CountFilter
}

// parseSelection reads and checks q, the filter parameters and count.
func parseSelection(v url.Values) (selection, error) {
	sel := selection{Q: strings.TrimSpace(v.Get("q")), Filters: map[string][]string{}}
	if _, err := index.ParseQuery(sel.Q); err != nil {
		return sel, BadRequest(err)
	}
	for _, f := range filters {
		for _, val := range splitValues(v[f.Param]) {
			if err := checkValue(f, val); err != nil {
				return sel, err
			}
			if !slices.Contains(sel.Filters[f.Param], val) {
				sel.Filters[f.Param] = append(sel.Filters[f.Param], val)
			}
		}
	}
	for _, c := range v["count"] {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		cf, err := index.ParseCount(c)
		if err != nil {
			return sel, BadRequest(err)
		}
		sel.Counts = append(sel.Counts, c)
		sel.counts = append(sel.counts, cf)
	}
	return sel, checkRequest(sel.request(""))
}

// checkRequest checks what index.Search would reject, so that the client
// hears of it as a bad request (400) rather than a failed search.
func checkRequest(req index.Request) error {
	q, err := index.ParseQuery(req.Query)
	if err != nil {
		return BadRequest(err)
	}
	values := 0
	for _, vals := range req.Filters {
		values += len(vals)
	}
	if values > maxValues {
		return errorf(http.StatusBadRequest, "筛选的取值过多：%d 个（最多 %d 个）", values, maxValues)
	}
	q.Merge(req.Filters)
	if n := len(q.Words) + len(q.Exclude) + len(q.Counts) + len(req.Counts) + len(q.Filters); n > index.MaxClauses {
		return errorf(http.StatusBadRequest, "检索条件过多：%d 个（最多 %d 个）", n, index.MaxClauses)
	}
	return nil
}

// splitValues splits repeated and comma-separated values.
func splitValues(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' }) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func checkValue(f filter, v string) error {
	if utf8.RuneCountInString(v) > maxValueLen {
		return errorf(http.StatusBadRequest, "%s的取值过长（最多 %d 字）", f.Label, maxValueLen)
	}
	if strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return errorf(http.StatusBadRequest, "%s的取值含有控制字符", f.Label)
	}
	if f.Param == "year" {
		from, to, isRange := strings.Cut(v, "..")
		if !isYear(from, isRange) || (isRange && !isYear(to, true)) || v == ".." {
			return errorf(http.StatusBadRequest, "年份 %q 应为四位数的年份或范围（如 2012 或 2010..2014）", v)
		}
	}
	return nil
}

// isYear reports whether s is a four-digit year (or empty, as an open end
// of a range).
func isYear(s string, mayBeEmpty bool) bool {
	if s == "" {
		return mayBeEmpty
	}
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1000 && y <= 9999 && len(s) == 4
}

// request builds the index request of the selection, leaving out the
// filter parameter except (for a facet that counts its other values).
func (sel selection) request(except string) index.Request {
	req := index.Request{Query: sel.Q, Filters: map[string][]string{}, Counts: sel.counts}
	for _, f := range filters {
		if f.Param == except {
			continue
		}
		for _, v := range sel.Filters[f.Param] {
			if f.Param == "year" && strings.Contains(v, "..") {
				req.Query += " year:" + v // a range goes through the query syntax, as in the command line
				continue
			}
			req.Filters[f.Field] = append(req.Filters[f.Field], v)
		}
	}
	return req
}

// values writes the selection back as URL parameters.
func (sel selection) values() url.Values {
	v := url.Values{}
	if sel.Q != "" {
		v.Set("q", sel.Q)
	}
	for _, f := range filters {
		for _, val := range sel.Filters[f.Param] {
			v.Add(f.Param, val)
		}
	}
	for _, c := range sel.Counts {
		v.Add("count", c)
	}
	return v
}

// empty reports whether the selection selects every document.
func (sel selection) empty() bool {
	return sel.Q == "" && len(sel.Filters) == 0 && len(sel.Counts) == 0
}

// searchParams are a search page's or /api/search's parameters.
type searchParams struct {
	selection
	Sort       string
	Page, Size int
}

// parseSearch reads and checks the parameters of a search.
func parseSearch(v url.Values) (searchParams, error) {
	sel, err := parseSelection(v)
	p := searchParams{selection: sel, Page: 1, Size: defaultSize}
	if err != nil {
		return p, err
	}
	p.Sort = v.Get("sort")
	if p.Sort == "score" || p.Sort == "relevance" {
		p.Sort = ""
	}
	if _, ok := index.Sorts[p.Sort]; !ok {
		return p, errorf(http.StatusBadRequest, "未知的排序 %q（可用 year、-year、date、-date，默认按相关度）", p.Sort)
	}
	if p.Page, err = intParam(v, "page", 1); err != nil || p.Page < 1 {
		return p, errorf(http.StatusBadRequest, "页码 page 应为不小于 1 的整数")
	}
	if p.Size, err = intParam(v, "size", defaultSize); err != nil || p.Size < 1 || p.Size > index.MaxPageSize {
		return p, errorf(http.StatusBadRequest, "每页条数 size 应在 1 到 %d 之间", index.MaxPageSize)
	}
	if p.from() > index.MaxFrom {
		return p, errorf(http.StatusBadRequest, "翻页过深：最多到第 %d 条", index.MaxFrom)
	}
	return p, nil
}

func (p searchParams) from() int { return (p.Page - 1) * p.Size }

// values writes the parameters back, leaving out the defaults.
func (p searchParams) values() url.Values {
	v := p.selection.values()
	if p.Sort != "" {
		v.Set("sort", p.Sort)
	}
	if p.Size != defaultSize {
		v.Set("size", strconv.Itoa(p.Size))
	}
	if p.Page != 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	return v
}

// intParam reads an integer parameter, def when it is absent.
func intParam(v url.Values, name string, def int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	if len(s) > 9 {
		return 0, strconv.ErrRange
	}
	return strconv.Atoi(s)
}
