package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"zongjie/corpus"
	"zongjie/extract"
)

const extractSynopsis = `extract [--json] [--rules DIR] PATH...

抽取并打印事实，不写索引。--json 每篇文档输出一行 JSON（评测格式）。`

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", extractSynopsis, stderr)
	asJSON := fs.Bool("json", false, "每篇文档一行 JSON")
	rulesDir := fs.String("rules", "", "自定义规则文件夹")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usagef("请给出要抽取的文件或文件夹")
	}
	ex, err := loadExtractor(*rulesDir)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	st, err := readInputs(fs.Args(), stderr, func(path string, docs []corpus.Document) error {
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			rec := ex.Extract(d)
			if *asJSON {
				if err := enc.Encode(rec); err != nil {
					return err
				}
				continue
			}
			printRecord(stdout, &rec)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if st.failed > 0 {
		return partialError{st.failed}
	}
	return nil
}

// printRecord writes a record as a readable listing.
func printRecord(w io.Writer, r *extract.Record) {
	fmt.Fprintf(w, "== %s\n   来源 %s  编号 %s", r.Title, r.Source, r.ID)
	if r.Year != 0 {
		fmt.Fprintf(w, "  年份 %d（%s）", r.Year, yearSourceLabel[r.YearSource])
	}
	if r.Genre != "" {
		fmt.Fprintf(w, "  类别 %s", r.Genre)
	}
	fmt.Fprintln(w)
	for _, c := range r.Counts {
		approx := ""
		if c.Approx {
			approx = "（约）"
		}
		fmt.Fprintf(w, "   数量  %s %s%s  %s %s  「%s」 %s\n", extract.FormatValue(c.Value), c.Unit, approx, c.Action, c.Object, c.Text, c.Rule)
	}
	for _, d := range r.Dates {
		v := d.Date
		if v == "" {
			v = d.From + " 至 " + d.To
		}
		fmt.Fprintf(w, "   日期  %s  「%s」\n", v, d.Text)
	}
	printNames(w, "主题", themesOf(r))
	printNames(w, "法规", lawsOf(r))
	printNames(w, "机构", orgsOf(r))
	printNames(w, "地点", placesOf(r))
	fmt.Fprintln(w)
}

var yearSourceLabel = map[string]string{
	"title": "标题", "explicit": "正文", "ordinal": "届次推算", "theme": "年主题推算",
}

func printNames(w io.Writer, label string, names []string) {
	if len(names) > 0 {
		fmt.Fprintf(w, "   %s  %s\n", label, strings.Join(names, "、"))
	}
}

// distinct appends s to list unless it is there already.
func distinct(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func themesOf(r *extract.Record) (out []string) {
	for _, t := range r.Themes {
		out = distinct(out, t.Text)
	}
	return out
}

func lawsOf(r *extract.Record) (out []string) {
	for _, l := range r.Laws {
		out = distinct(out, l.Title)
	}
	return out
}

func orgsOf(r *extract.Record) (out []string) {
	for _, o := range r.Orgs {
		out = distinct(out, o.Name+"("+string(o.Kind)+")")
	}
	return out
}

func placesOf(r *extract.Record) (out []string) {
	for _, p := range r.Places {
		out = distinct(out, p.Name)
	}
	return out
}
