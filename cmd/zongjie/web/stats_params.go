package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"zongjie/index"
)

// statsTime caps the computation of one statistic: it reads the facts of
// every matching document.
const statsTime = time.Minute

// statsBy are the groupings of a statistic with their labels, in the
// order of index.StatsBy.
var statsBy = []struct{ Value, Label string }{
	{"year", "年份"}, {"province", "省"}, {"city", "市"}, {"district", "区县"},
	{"org", "机构"}, {"theme", "主题"}, {"genre", "类别"},
}

// statsParams are the parameters of /stats and /api/stats: the selection,
// the grouping and the statistic (a count condition, 宣传资料:份).
type statsParams struct {
	selection
	By    string
	Stat  string
	count *index.CountFilter
}

// parseStats reads and checks the parameters of a statistic.
func parseStats(v url.Values) (statsParams, error) {
	sel, err := parseSelection(v)
	p := statsParams{selection: sel, By: v.Get("by"), Stat: strings.TrimSpace(v.Get("stat"))}
	if p.By == "" {
		p.By = "year"
	}
	if err != nil {
		return p, err
	}
	if !slices.Contains(index.StatsBy, p.By) {
		return p, errorf(http.StatusBadRequest, "未知的分组 %q（可用 year、province、city、district、org、theme、genre）", p.By)
	}
	if p.Stat != "" {
		c, err := index.ParseCount(p.Stat)
		if err != nil {
			return p, BadRequest(err)
		}
		p.count = &c
	}
	return p, nil
}

// request builds the index's statistics request.
func (p statsParams) request() index.StatsRequest {
	return index.StatsRequest{Request: p.selection.request(""), By: p.By, Count: p.count}
}

// values writes the parameters back as URL parameters.
func (p statsParams) values() url.Values {
	v := p.selection.values()
	if p.By != "year" {
		v.Set("by", p.By)
	}
	if p.Stat != "" {
		v.Set("stat", p.Stat)
	}
	return v
}

// byLabel returns the label of a grouping.
func byLabel(by string) string {
	for _, b := range statsBy {
		if b.Value == by {
			return b.Label
		}
	}
	return by
}
