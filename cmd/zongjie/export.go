package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"zongjie/extract"
	"zongjie/index"
)

const exportSynopsis = `export [--index DIR] [-o FILE] [--kind counts|dates|orgs|places|themes|laws] [--encoding utf-8|gbk] [--year Y] [--place P] [--org O] [--theme T]

把索引中的事实导出为 CSV，每个事实一行。默认 UTF-8（带 BOM）、CRLF 换行，
中文 Windows 上的 Excel 可直接打开；--encoding gbk 输出 GBK。`

// kindFlags maps the --kind values to kinds.
var kindFlags = map[string]extract.Kind{
	"counts": extract.KindCount, "dates": extract.KindDate, "orgs": extract.KindOrg,
	"places": extract.KindPlace, "themes": extract.KindTheme, "laws": extract.KindLaw,
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", exportSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	out := fs.String("o", "", "输出文件（默认标准输出）")
	kind := fs.String("kind", "", "只导出一类事实：counts, dates, orgs, places, themes, laws")
	encoding := fs.String("encoding", "utf-8", "编码：utf-8（带 BOM）或 gbk")
	year := fs.String("year", "", "年份")
	place := fs.String("place", "", "地点")
	org := fs.String("org", "", "机构")
	theme := fs.String("theme", "", "主题")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var kinds []extract.Kind
	if *kind != "" {
		k, ok := kindFlags[*kind]
		if !ok {
			return usagef("--kind %q：应为 counts, dates, orgs, places, themes, laws 之一", *kind)
		}
		kinds = []extract.Kind{k}
	} else {
		kinds = extract.Kinds
	}
	if *encoding != "utf-8" && *encoding != "gbk" {
		return usagef("--encoding %q：应为 utf-8 或 gbk", *encoding)
	}
	ix, err := index.Open(*indexDir, false)
	if err != nil {
		return err
	}
	defer ix.Close()

	w, closeOut, err := openOutput(*out, stdout, *encoding)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	n := 0
	err = ix.Each(ctx, filters(*year, *place, *org, *theme), func(s index.Stored) error {
		for _, row := range factRows(s, kinds) {
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
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(stderr, "已导出 %d 行到 %s\n", n, *out)
	}
	return nil
}

// openOutput opens the CSV destination with its encoding: UTF-8 gets a
// byte-order mark so Excel reads it as UTF-8.
func openOutput(path string, stdout io.Writer, encoding string) (io.Writer, func() error, error) {
	var dst io.Writer = stdout
	closeFile := func() error { return nil }
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return nil, nil, fmt.Errorf("create %s: %w", path, err)
		}
		dst, closeFile = f, f.Close
	}
	bw := bufio.NewWriter(dst)
	if encoding == "gbk" {
		tw := transform.NewWriter(bw, simplifiedchinese.GB18030.NewEncoder())
		return tw, func() error {
			err := tw.Close()
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			if cerr := closeFile(); err == nil {
				err = cerr
			}
			return err
		}, nil
	}
	bw.WriteString("\ufeff")
	return bw, func() error {
		err := bw.Flush()
		if cerr := closeFile(); err == nil {
			err = cerr
		}
		return err
	}, nil
}

var csvHeader = []string{
	"doc_id", "source", "title", "year", "places", "kind", "text",
	"value", "unit", "approx", "object", "action", "name", "canonical", "org_kind",
	"date", "from", "to", "resolved", "span_start", "span_end", "rule", "confidence",
}

// factRows writes the facts of one document as CSV rows.
func factRows(s index.Stored, kinds []extract.Kind) [][]string {
	r := &s.Record
	places := strings.Join(placesOf(r), "、")
	base := func(kind extract.Kind, text string) []string {
		row := make([]string, len(csvHeader))
		copy(row, []string{s.ID, s.Source, s.Title, index.YearString(r.Year), places, string(kind), text})
		return row
	}
	set := func(row []string, col string, v string) {
		for i, h := range csvHeader {
			if h == col {
				row[i] = v
			}
		}
	}
	prov := func(row []string, p extract.Provenance) []string {
		set(row, "span_start", strconv.Itoa(p.Span[0]))
		set(row, "span_end", strconv.Itoa(p.Span[1]))
		set(row, "rule", p.Rule)
		set(row, "confidence", strconv.FormatFloat(p.Confidence, 'f', -1, 64))
		for i := range row {
			row[i] = cell(row[i])
		}
		return row
	}
	var rows [][]string
	for _, k := range kinds {
		switch k {
		case extract.KindCount:
			for _, c := range r.Counts {
				row := base(k, c.Text)
				set(row, "value", extract.FormatValue(c.Value))
				set(row, "unit", c.Unit)
				set(row, "approx", strconv.FormatBool(c.Approx))
				set(row, "object", c.Object)
				set(row, "action", c.Action)
				rows = append(rows, prov(row, c.Provenance))
			}
		case extract.KindDate:
			for _, d := range r.Dates {
				row := base(k, d.Text)
				set(row, "date", d.Date)
				set(row, "from", d.From)
				set(row, "to", d.To)
				set(row, "resolved", d.Resolved)
				rows = append(rows, prov(row, d.Provenance))
			}
		case extract.KindTheme:
			for _, t := range r.Themes {
				row := base(k, t.Text)
				set(row, "name", t.Text)
				rows = append(rows, prov(row, t.Provenance))
			}
		case extract.KindOrg:
			for _, o := range r.Orgs {
				row := base(k, o.Name)
				set(row, "name", o.Name)
				set(row, "canonical", o.Canonical)
				set(row, "org_kind", string(o.Kind))
				rows = append(rows, prov(row, o.Provenance))
			}
		case extract.KindPlace:
			for _, p := range r.Places {
				row := base(k, p.Name)
				set(row, "name", p.Name)
				set(row, "canonical", strings.Trim(strings.Join([]string{p.Province, p.City, p.County}, "/"), "/"))
				rows = append(rows, prov(row, p.Provenance))
			}
		case extract.KindLaw:
			for _, l := range r.Laws {
				row := base(k, l.Title)
				set(row, "name", l.Title)
				set(row, "canonical", l.Canonical)
				rows = append(rows, prov(row, l.Provenance))
			}
		}
	}
	return rows
}

// cell neutralises a value that a spreadsheet would read as a formula.
func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
