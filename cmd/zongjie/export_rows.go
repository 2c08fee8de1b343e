package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"zongjie/extract"
	"zongjie/index"
)

// csvHeader names the columns of a fact row.
var csvHeader = []string{
	"doc_id", "source", "title", "year", "places", "kind", "text",
	"value", "max", "unit", "approx", "hedge", "object", "action", "name", "canonical", "org_kind",
	"date", "from", "to", "resolved", "span_start", "span_end", "snippet", "rule", "confidence",
}

var csvColumn = func() map[string]int {
	m := map[string]int{}
	for i, h := range csvHeader {
		m[h] = i
	}
	return m
}()

// factRow is one fact as a row of cells.
type factRow []string

func (r factRow) set(col, v string) { r[csvColumn[col]] = v }

// factRows writes the facts of one document as rows: the document's
// columns, the fact's fields, and its provenance (span, the sentence it
// stands in, the rule).
func factRows(s index.Stored, kinds []extract.Kind) []factRow {
	r := &s.Record
	text := []rune(s.Text)
	places := strings.Join(placesOf(r), "、")
	row := func(kind extract.Kind, shown string, p extract.Provenance) factRow {
		fr := make(factRow, len(csvHeader))
		copy(fr, []string{s.ID, s.Source, s.Title, index.YearString(r.Year), places, string(kind), shown})
		fr.set("span_start", strconv.Itoa(p.Span[0]))
		fr.set("span_end", strconv.Itoa(p.Span[1]))
		fr.set("snippet", sentenceOf(text, p.Span))
		fr.set("rule", p.Rule)
		fr.set("confidence", strconv.FormatFloat(p.Confidence, 'f', -1, 64))
		return fr
	}
	var rows []factRow
	for _, k := range kinds {
		switch k {
		case extract.KindCount:
			for _, c := range r.Counts {
				fr := row(k, c.Text, c.Provenance)
				fr.set("value", extract.FormatValue(c.Value))
				if c.Max > 0 {
					fr.set("max", extract.FormatValue(c.Max))
				}
				fr.set("unit", c.Unit)
				fr.set("approx", strconv.FormatBool(c.Approx))
				fr.set("hedge", c.Hedge)
				fr.set("object", c.Object)
				fr.set("action", c.Action)
				rows = append(rows, fr)
			}
		case extract.KindDate:
			for _, d := range r.Dates {
				fr := row(k, d.Text, d.Provenance)
				fr.set("date", d.Date)
				fr.set("from", d.From)
				fr.set("to", d.To)
				fr.set("resolved", d.Resolved)
				rows = append(rows, fr)
			}
		case extract.KindTheme:
			for _, t := range r.Themes {
				fr := row(k, t.Text, t.Provenance)
				fr.set("name", t.Text)
				rows = append(rows, fr)
			}
		case extract.KindOrg:
			for _, o := range r.Orgs {
				fr := row(k, o.Name, o.Provenance)
				fr.set("name", o.Name)
				fr.set("canonical", o.Canonical)
				fr.set("org_kind", string(o.Kind))
				rows = append(rows, fr)
			}
		case extract.KindPlace:
			for _, p := range r.Places {
				fr := row(k, p.Name, p.Provenance)
				fr.set("name", p.Name)
				fr.set("canonical", strings.Trim(strings.Join([]string{p.Province, p.City, p.County}, "/"), "/"))
				rows = append(rows, fr)
			}
		case extract.KindLaw:
			for _, l := range r.Laws {
				fr := row(k, l.Title, l.Provenance)
				fr.set("name", l.Title)
				fr.set("canonical", l.Canonical)
				rows = append(rows, fr)
			}
		}
	}
	return rows
}

// sentenceOf returns the sentence of text that holds the span.
func sentenceOf(text []rune, sp extract.Span) string {
	if sp[0] < 0 || sp[1] > len(text) || sp[0] > sp[1] {
		return ""
	}
	s, e := sp[0], sp[1]
	for s > 0 && !strings.ContainsRune("。！？!?；;\n", text[s-1]) && sp[0]-s < 120 {
		s--
	}
	for e < len(text) && !strings.ContainsRune("。！？!?；;\n", text[e]) && e-sp[1] < 120 {
		e++
	}
	if e < len(text) && text[e] != '\n' {
		e++
	}
	return strings.TrimSpace(string(text[s:e]))
}

// writeCSV writes the fact rows of the matching documents as CSV with CRLF
// line ends; cells a spreadsheet would read as a formula are neutralised.
func writeCSV(ctx context.Context, ix *index.Index, req index.Request, kinds []extract.Kind, w io.Writer) (int, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return 0, err
	}
	n := 0
	err := ix.Each(ctx, req, func(s index.Stored) error {
		for _, row := range factRows(s, kinds) {
			for i := range row {
				row[i] = cell(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}

// writeJSONL writes one record per matching document.
func writeJSONL(ctx context.Context, ix *index.Index, req index.Request, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := ix.Each(ctx, req, func(s index.Stored) error {
		n++
		return enc.Encode(s.Record)
	})
	return n, err
}

// cell neutralises a value that a spreadsheet would read as a formula.
func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
