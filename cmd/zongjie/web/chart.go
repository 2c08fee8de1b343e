package web

import (
	"strconv"
	"unicode/utf8"

	"zongjie/extract"
	"zongjie/index"
)

// Chart geometry, in SVG user units.
const (
	chartWidth    = 760
	chartLabelW   = 170 // the group labels' column
	chartValueW   = 110 // room right of the longest bar for its value
	chartRowH     = 26
	chartBarH     = 18
	chartTop      = 8
	chartMaxBars  = 40
	chartLabelLen = 12 // runes of a label shown; the whole in the tooltip
)

// chartView is a horizontal bar chart drawn on the server as SVG.
type chartView struct {
	Caption       string
	Unit          string
	Width, Height int
	LabelX        int // right edge of the labels
	BarX          int
	Bars          []barView
	Omitted       int // groups left out of the chart (all are in the table)
}

// barView is one bar with its label and value.
type barView struct {
	Label, FullLabel string
	Value            string
	Tip              string
	Y, W             int
	TextY, ValueX    int
}

// newChart draws the statistic of the rows: the sum of the chosen count
// in one unit per group or, without a statistic, the documents per group.
// When the counts come in several units, the unit with the most counts is
// drawn and the table lists the others.
func newChart(rows []index.StatsRow, withStat bool, caption string) *chartView {
	unit := ""
	if withStat {
		unit = mainUnit(rows)
	}
	type bar struct {
		group string
		value float64
		docs  int
	}
	var bars []bar
	seen := map[string]int{}
	for _, r := range rows {
		i, ok := seen[r.Group]
		if !ok {
			i = len(bars)
			seen[r.Group] = i
			bars = append(bars, bar{group: r.Group, docs: r.Docs})
			if !withStat {
				bars[i].value = float64(r.Docs)
			}
		}
		if withStat && r.Facts > 0 && r.Unit == unit {
			bars[i].value = r.Sum
		}
	}
	c := &chartView{Caption: caption, Unit: unit, Width: chartWidth, LabelX: chartLabelW - 8, BarX: chartLabelW}
	if len(bars) > chartMaxBars {
		c.Omitted = len(bars) - chartMaxBars
		bars = bars[:chartMaxBars]
	}
	top := 0.0
	for _, b := range bars {
		top = max(top, b.value)
	}
	span := float64(chartWidth - chartLabelW - chartValueW)
	for i, b := range bars {
		label := b.group
		if label == "" {
			label = "（未注明）"
		}
		w := 0
		if top > 0 {
			w = int(b.value / top * span)
		}
		if b.value > 0 {
			w = max(w, 1)
		}
		value := extract.FormatValue(b.value)
		if unit != "" {
			value += " " + unit
		} else if !withStat {
			value += " 篇"
		}
		y := chartTop + i*chartRowH
		c.Bars = append(c.Bars, barView{
			Label: shorten(label, chartLabelLen), FullLabel: label, Value: value,
			Tip: label + "：" + value + "（" + strconv.Itoa(b.docs) + " 篇报告）",
			Y:   y, W: w, TextY: y + chartBarH - 4, ValueX: chartLabelW + w + 6,
		})
	}
	c.Height = chartTop*2 + len(c.Bars)*chartRowH
	return c
}

// mainUnit is the unit with the most counts among the rows.
func mainUnit(rows []index.StatsRow) string {
	n := map[string]int{}
	best := ""
	for _, r := range rows {
		if r.Facts == 0 {
			continue
		}
		n[r.Unit] += r.Facts
		if best == "" || n[r.Unit] > n[best] || (n[r.Unit] == n[best] && r.Unit < best) {
			best = r.Unit
		}
	}
	return best
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
