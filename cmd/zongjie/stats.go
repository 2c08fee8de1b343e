package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zongjie/extract"
	"zongjie/index"
)

const statsSynopsis = `stats --by year|province|city|district|org|theme|genre [--stat 对象[:单位]] [筛选条件] [--format table|csv|json] [检索式]

按年份、地区、机构或主题分组，统计文档数；给出 --stat 时，再统计符合的数量事实的
合计、条数、最小值和最大值（约数单独计数）。例：
  zongjie stats --by year --stat 宣传资料:份
  zongjie stats --by city --stat 执法人员:人次 --year 2012..2014`

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", statsSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	by := fs.String("by", "year", "分组："+strings.Join(index.StatsBy, "、"))
	stat := fs.String("stat", "", "统计的数量：对象[:单位]，如 宣传资料:份")
	format := fs.String("format", "table", "输出：table、csv 或 json")
	filt := addFilterFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req, err := filt.request(fs.Args())
	if err != nil {
		return err
	}
	sreq := index.StatsRequest{Request: req, By: *by}
	if *stat != "" {
		c, err := index.ParseCount(*stat)
		if err != nil {
			return usageError{err.Error()}
		}
		sreq.Count = &c
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return usagef("--format %q：应为 table、csv 或 json", *format)
	}
	ix, err := openIndex(*indexDir, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	rows, err := ix.Stats(ctx, sreq)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		return statsCSV(stdout, rows)
	}
	statsTable(stdout, rows, sreq)
	return nil
}

var statsHeader = []string{"分组", "文档数", "单位", "条数", "合计", "最小", "最大", "其中约数"}

func statsRecord(r index.StatsRow) []string {
	g := r.Group
	if g == "" {
		g = "（未注明）"
	}
	if r.Facts == 0 {
		return []string{g, strconv.Itoa(r.Docs), "", "0", "", "", "", ""}
	}
	return []string{g, strconv.Itoa(r.Docs), r.Unit, strconv.Itoa(r.Facts),
		extract.FormatValue(r.Sum), extract.FormatValue(r.Min), extract.FormatValue(r.Max), strconv.Itoa(r.Approx)}
}

func statsCSV(w io.Writer, rows []index.StatsRow) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(statsHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(statsRecord(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func statsTable(w io.Writer, rows []index.StatsRow, req index.StatsRequest) {
	if req.Count != nil {
		fmt.Fprintf(w, "统计：%s，按 %s 分组\n", req.Count, req.By)
	} else {
		fmt.Fprintf(w, "文档数，按 %s 分组\n", req.By)
	}
	table := [][]string{statsHeader}
	for _, r := range rows {
		table = append(table, statsRecord(r))
	}
	printTable(w, table)
}

// printTable writes rows in aligned columns, counting a Chinese character
// as two columns wide.
func printTable(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
