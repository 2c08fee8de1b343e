package web

import (
	"net/http"

	"zongjie/extract"
	"zongjie/index"
)

// statsView is the data of the statistics page.
type statsView struct {
	Q, By, Stat string
	WithStat    bool // a statistic was asked for: the table shows its columns
	Error       string
	Heading     string
	ByOptions   []optionView
	Chips       []chipView
	Hidden      []hiddenInput
	Chart       *chartView
	Rows        []statsRowView
	CSVURL      string
	XLSXURL     string
	FactsURL    string
	SearchURL   string
}

// optionView is one choice of a select.
type optionView struct {
	Value, Label string
	Selected     bool
}

// statsRowView is one row of the statistics table.
type statsRowView struct {
	Group, GroupURL string
	Docs            int
	Unit            string
	Facts           int
	Sum, Min, Max   string
	Approx          int
}

// statsPage answers GET /stats: a statistic per group as a bar chart and
// a table, with download links.
func (s *Server) statsPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseStats(r.URL.Query())
	v := newStatsView(p)
	if err != nil {
		v.Error = messageOf(err)
		s.render(w, statusOf(err), "stats.html", v)
		return
	}
	s.withIndex(w, r, func(ix *index.Index) error {
		rows, err := stats(r.Context(), ix, p)
		if err != nil {
			return err
		}
		v.Chart = newChart(rows, p.count != nil, v.Heading)
		for _, row := range rows {
			v.Rows = append(v.Rows, statsRowViewOf(p, row))
		}
		s.render(w, http.StatusOK, "stats.html", v)
		return nil
	})
}

func newStatsView(p statsParams) statsView {
	v := statsView{Q: p.Q, By: p.By, Stat: p.Stat, WithStat: p.Stat != "", Chips: chips(p.selection, "/stats", p.values())}
	for _, b := range statsBy {
		v.ByOptions = append(v.ByOptions, optionView{Value: b.Value, Label: b.Label, Selected: b.Value == p.By})
	}
	if p.Stat != "" {
		v.Heading = p.Stat + " 的合计，按" + byLabel(p.By)
	} else {
		v.Heading = "报告篇数，按" + byLabel(p.By)
	}
	for _, f := range filters {
		for _, val := range p.Filters[f.Param] {
			v.Hidden = append(v.Hidden, hiddenInput{f.Param, val})
		}
	}
	for _, c := range p.Counts {
		v.Hidden = append(v.Hidden, hiddenInput{"count", c})
	}
	all := p.values()
	v.CSVURL = "/api/stats?" + withParam(all, "format", "csv").Encode()
	sel := p.selection.values()
	x := withParam(sel, "format", "xlsx")
	if p.Stat != "" {
		x.Set("pivot", p.Stat)
	}
	if p.By == "province" || p.By == "city" || p.By == "district" {
		x.Set("pivot_by", p.By)
	}
	v.XLSXURL = "/api/export?" + x.Encode()
	v.FactsURL = "/api/export?" + withParam(sel, "format", "csv").Encode()
	v.SearchURL = link("/", sel)
	return v
}

// statsRowViewOf formats a row and links its group to the search.
func statsRowViewOf(p statsParams, r index.StatsRow) statsRowView {
	v := statsRowView{Group: r.Group, Docs: r.Docs, Unit: r.Unit, Facts: r.Facts, Approx: r.Approx}
	if r.Group == "" {
		v.Group = "（未注明）"
	} else if param := groupParam(p.By); param != "" {
		q := p.selection.values()
		q.Set(param, r.Group)
		v.GroupURL = link("/", q)
	}
	if r.Facts > 0 {
		v.Sum, v.Min, v.Max = extract.FormatValue(r.Sum), extract.FormatValue(r.Min), extract.FormatValue(r.Max)
	}
	return v
}

// groupParam is the search parameter that selects a group's documents.
func groupParam(by string) string {
	if _, ok := filterOf(by); ok {
		return by
	}
	return ""
}
