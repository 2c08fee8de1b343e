package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"zongjie/index"
)

const searchSynopsis = `search [--index DIR] [筛选条件] [--count 条件] [--sort year|-year|date|-date] [--json] 检索式

全文检索（中文分词与导入时相同），显示命中文档与年份、地区、机构、主题等分面计数。
检索式：词语（都须出现）、"短语"、-排除词、字段:值（year:2012 org:工商局 place:银川
theme:消费与安全 province: city: district: genre: law:）、year:2010..2014、
count:宣传资料>=10000。筛选条件之间为“且”，一个条件内用逗号分隔的多个值为“或”。`

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", searchSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	filt := addFilterFlags(fs)
	asJSON := fs.Bool("json", false, "输出 JSON")
	sortBy := fs.String("sort", "", "排序：year、-year、date、-date（默认按相关度）")
	size := fs.Int("size", 10, "每页条数（最多 100）")
	page := fs.Int("page", 1, "页码")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *page < 1 || *size < 1 || *size > index.MaxPageSize || (*page-1)**size > index.MaxFrom {
		return usagef("--page 须 ≥ 1，--size 须在 1 到 %d 之间，翻页不超过第 %d 条", index.MaxPageSize, index.MaxFrom)
	}
	if _, ok := index.Sorts[*sortBy]; !ok {
		return usagef("--sort %q：应为 year、-year、date 或 -date", *sortBy)
	}
	req, err := filt.request(fs.Args())
	if err != nil {
		return err
	}
	req.Facets = searchFacets
	req.Sort, req.Size, req.From = *sortBy, *size, (*page-1)**size
	ix, err := openIndex(*indexDir, false)
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

// searchFacets are the facets the command line shows.
var searchFacets = []string{index.FieldYearKW, index.FieldProvince, index.FieldCity, index.FieldDistrict, index.FieldOrg, index.FieldTheme, index.FieldGenre}

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
	for _, f := range searchFacets {
		vals := res.Facets[f]
		if len(vals) == 0 {
			continue
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprintf("%s(%d)", v.Value, v.Count)
		}
		fmt.Fprintf(w, "\n%s：%s", index.FacetLabel(f), strings.Join(parts, " "))
	}
	fmt.Fprintln(w)
}

// markers returns how a matched word is marked: bold on a terminal,
// 【】 otherwise.
func markers(w io.Writer) [2]string {
	if isTerminal(w) {
		return [2]string{"\x1b[1;31m", "\x1b[0m"}
	}
	return [2]string{"【", "】"}
}

// snippetText turns an HTML snippet into terminal text.
func snippetText(s string, mark [2]string) string {
	s = strings.NewReplacer("<mark>", mark[0], "</mark>", mark[1], "\n", " ").Replace(s)
	return html.UnescapeString(s)
}
