package web

import (
	"strconv"
	"strings"

	"zongjie/extract"
)

// docFact is one fact of a document: the span to mark and its table row.
type docFact struct {
	span factSpan
	view factView
}

// docFacts lists a record's facts by kind, each with its tooltip (value,
// unit, object, rule, confidence) and its row in the fact table.
func docFacts(r *extract.Record) []docFact {
	var out []docFact
	add := func(k extract.Kind, i int, text string, p extract.Provenance, lines []string, detail string, links []linkView) {
		id := string(k) + "-" + strconv.Itoa(i+1)
		lines = append(lines, provenanceLine(p))
		out = append(out, docFact{
			span: factSpan{Start: p.Span[0], End: p.Span[1], Mark: &markView{ID: id, Kind: string(k), Title: strings.Join(lines, "\n")}},
			view: factView{
				ID: id, Kind: string(k), KindLabel: kindLabels[k], Text: text, Detail: detail, Links: links,
				Span: p.Span.String(), Rule: p.Rule, Confidence: confidence(p.Confidence),
			},
		})
	}
	for i, c := range r.Counts {
		value := countValue(c)
		lines := []string{"数量：" + value}
		if c.Object != "" {
			lines = append(lines, "对象："+c.Object)
		}
		if c.Action != "" {
			lines = append(lines, "动作："+c.Action)
		}
		detail := strings.TrimSpace(c.Action + " " + c.Object + " " + value)
		add(extract.KindCount, i, c.Text, c.Provenance, lines, detail, nil)
	}
	for i, d := range r.Dates {
		value := d.Date
		if value == "" {
			value = d.From + " 至 " + d.To
		}
		lines := []string{"日期：" + value}
		if d.Resolved != "" && d.Resolved != value {
			lines = append(lines, "补全为："+d.Resolved)
		}
		add(extract.KindDate, i, d.Text, d.Provenance, lines, strings.Join(lines, "，"), nil)
	}
	for i, t := range r.Themes {
		add(extract.KindTheme, i, t.Text, t.Provenance, []string{"主题：" + t.Text}, "", []linkView{{Label: "检索此主题", URL: filterURL("theme", t.Text)}})
	}
	for i, o := range r.Orgs {
		add(extract.KindOrg, i, o.Name, o.Provenance, orgLines(o), orgDetail(o), []linkView{{Label: "检索此机构", URL: filterURL("org", orgName(o))}})
	}
	for i, p := range r.Places {
		lines, links := placeLines(p)
		add(extract.KindPlace, i, p.Name, p.Provenance, lines, strings.Join(lines[1:], "，"), links)
	}
	for i, l := range r.Laws {
		lines := []string{"法规：" + l.Title}
		if l.Canonical != "" && l.Canonical != l.Title {
			lines = append(lines, "规范名称："+l.Canonical)
		}
		add(extract.KindLaw, i, l.Title, l.Provenance, lines, l.Canonical, []linkView{{Label: "检索此法规", URL: filterURL("law", lawName(l))}})
	}
	return out
}

// countValue writes a count's value: 1000 份（约数：余）, 3–5 人.
func countValue(c extract.Count) string {
	v := extract.FormatValue(c.Value)
	if c.Max > 0 {
		v += "–" + extract.FormatValue(c.Max)
	}
	if c.Unit != "" {
		v += " " + c.Unit
	}
	if c.Approx {
		v += "（约数"
		if c.Hedge != "" {
			v += "：" + c.Hedge
		}
		v += "）"
	}
	return v
}

func orgLines(o extract.Org) []string {
	lines := []string{"机构：" + o.Name}
	if o.Canonical != "" && o.Canonical != o.Name {
		lines = append(lines, "规范名称："+o.Canonical)
	}
	if o.Kind != "" {
		lines = append(lines, "类型："+valueLabel("org_kind", string(o.Kind)))
	}
	if o.Successor != "" {
		lines = append(lines, "机构改革后："+o.Successor)
	}
	return lines
}

func orgDetail(o extract.Org) string {
	return strings.Join(orgLines(o)[1:], "，")
}

// placeLines describes a place and links its divisions to searches.
func placeLines(p extract.Place) ([]string, []linkView) {
	lines := []string{"地点：" + p.Name}
	var parts []string
	var links []linkView
	for _, d := range []struct{ param, value string }{{"province", p.Province}, {"city", p.City}, {"district", p.County}} {
		if d.value != "" {
			parts = append(parts, d.value)
			links = append(links, linkView{Label: d.value, URL: filterURL(d.param, d.value)})
		}
	}
	if len(parts) > 0 {
		div := strings.Join(parts, " / ")
		if p.Code != "" {
			div += "（" + p.Code + "）"
		}
		lines = append(lines, "区划："+div)
	} else {
		links = append(links, linkView{Label: "检索此地点", URL: filterURL("place", p.Name)})
	}
	return lines, links
}

// provenanceLine says which rule made a fact and how sure it is.
func provenanceLine(p extract.Provenance) string {
	s := "规则：" + p.Rule
	if p.Rule == "" {
		s = "规则：（未记录）"
	}
	if c := confidence(p.Confidence); c != "" {
		s += "，置信度：" + c
	}
	return s
}

func confidence(c float64) string {
	if c == 0 {
		return ""
	}
	return strconv.FormatFloat(c, 'f', 2, 64)
}
