package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"zongjie/index"
)

const searchSynopsis = `search [--index DIR] [--year Y] [--place P] [--org O] [--theme T] [--json] 检索词...

全文检索（中文分词与导入时相同），显示命中文档与年份、地点、机构、主题的分面计数。
筛选条件之间为“且”，一个条件内用逗号分隔的多个值为“或”。`

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", searchSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	year := fs.String("year", "", "年份，如 2012 或 2012,2013")
	place := fs.String("place", "", "地点，如 银川")
	org := fs.String("org", "", "机构，如 区消协")
	theme := fs.String("theme", "", "主题，如 消费与安全")
	asJSON := fs.Bool("json", false, "输出 JSON")
	size := fs.Int("size", 10, "每页条数（最多 100）")
	page := fs.Int("page", 1, "页码")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *page < 1 || *size < 1 || *size > index.MaxPageSize {
		return usagef("--page 须 ≥ 1，--size 须在 1 到 %d 之间", index.MaxPageSize)
	}
	req := index.Request{
		Text:    strings.Join(fs.Args(), " "),
		Filters: filters(*year, *place, *org, *theme),
		Facets:  []string{index.FieldYearKW, index.FieldPlace, index.FieldOrg, index.FieldTheme},
		Size:    *size,
		From:    (*page - 1) * *size,
	}
	if len([]rune(req.Text)) > index.MaxQueryLen {
		return usagef("检索词过长（最多 %d 字）", index.MaxQueryLen)
	}
	ix, err := index.Open(*indexDir, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(stdout, res, req.From)
	return nil
}

// filters builds the search filters from the flag values.
func filters(year, place, org, theme string) map[string][]string {
	f := map[string][]string{}
	for field, v := range map[string]string{index.FieldYearKW: year, index.FieldPlace: place, index.FieldOrg: org, index.FieldTheme: theme} {
		if vals := splitList(v); len(vals) > 0 {
			f[field] = vals
		}
	}
	return f
}

var facetLabel = map[string]string{
	index.FieldYearKW: "年份", index.FieldPlace: "地点", index.FieldOrg: "机构", index.FieldTheme: "主题",
	index.FieldProvince: "省", index.FieldCity: "市", index.FieldDistrict: "区县", index.FieldGenre: "类别", index.FieldLaw: "法规",
}

func printResult(w io.Writer, res *index.Result, from int) {
	fmt.Fprintf(w, "共 %d 篇（%d 毫秒）\n\n", res.Total, res.TookMS)
	mark := markers(w)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "%d. %s\n   %s", from+i+1, h.Title, h.Source)
		if h.Year != 0 {
			fmt.Fprintf(w, "  %d年", h.Year)
		}
		if len(h.Places) > 0 {
			fmt.Fprintf(w, "  %s", strings.Join(h.Places, "、"))
		}
		fmt.Fprintf(w, "  得分 %.2f\n", h.Score)
		if h.Snippet != "" {
			fmt.Fprintf(w, "   %s\n", snippetText(h.Snippet, mark))
		}
	}
	for _, f := range []string{index.FieldYearKW, index.FieldPlace, index.FieldOrg, index.FieldTheme} {
		vals := res.Facets[f]
		if len(vals) == 0 {
			continue
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprintf("%s(%d)", v.Value, v.Count)
		}
		fmt.Fprintf(w, "\n%s：%s", facetLabel[f], strings.Join(parts, " "))
	}
	fmt.Fprintln(w)
}

// markers returns how a matched word is marked: bold on a terminal,
// 【】 otherwise.
func markers(w io.Writer) [2]string {
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return [2]string{"\x1b[1;31m", "\x1b[0m"}
		}
	}
	return [2]string{"【", "】"}
}

// snippetText turns an HTML snippet into terminal text.
func snippetText(s string, mark [2]string) string {
	s = strings.NewReplacer("<mark>", mark[0], "</mark>", mark[1], "\n", " ").Replace(s)
	return html.UnescapeString(s)
}
