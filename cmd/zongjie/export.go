package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"zongjie/extract"
	"zongjie/index"
)

const exportSynopsis = `export [--index DIR] [-o FILE] [--format csv|xlsx|jsonl] [--kind counts|dates|orgs|places|themes|laws] [--encoding utf-8|gbk] [筛选条件] [检索式]

把索引中的事实导出，每个事实一行，附来源文件、位置、上下文和规则。
csv：默认 UTF-8（带 BOM）、CRLF 换行，中文 Windows 上的 Excel 可直接打开；--encoding gbk 输出 GBK。
xlsx：每类事实一张工作表，另加一张“年份×地区”的统计透视表（--pivot 对象[:单位]，--pivot-by 地区层级）。
jsonl：每篇文档一行 JSON（与 extract --json 相同）。
筛选条件与 search 相同。`

// kindFlags maps the --kind values to kinds.
var kindFlags = map[string]extract.Kind{
	"counts": extract.KindCount, "dates": extract.KindDate, "orgs": extract.KindOrg,
	"places": extract.KindPlace, "themes": extract.KindTheme, "laws": extract.KindLaw,
}

// exportOptions are the settings of one export.
type exportOptions struct {
	kinds    []extract.Kind
	encoding string
	pivot    *index.CountFilter
	pivotBy  string
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", exportSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	out := fs.String("o", "", "输出文件（默认标准输出；xlsx 必须给出）")
	format := fs.String("format", "csv", "格式：csv、xlsx 或 jsonl")
	kind := fs.String("kind", "", "只导出一类事实：counts, dates, orgs, places, themes, laws")
	encoding := fs.String("encoding", "utf-8", "csv 编码：utf-8（带 BOM）或 gbk")
	pivot := fs.String("pivot", "宣传资料", "xlsx 透视表统计的数量：对象[:单位]")
	pivotBy := fs.String("pivot-by", "city", "xlsx 透视表的地区层级：province、city 或 district")
	filt := addFilterFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts, err := exportSettings(*kind, *encoding, *format, *out, *pivot, *pivotBy)
	if err != nil {
		return err
	}
	req, err := filt.request(fs.Args())
	if err != nil {
		return err
	}
	req.LoadText = *format != "jsonl"
	ix, err := openIndex(*indexDir, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	var n int
	switch *format {
	case "xlsx":
		n, err = exportXLSX(ctx, ix, req, opts, *out)
	default:
		n, err = exportStream(ctx, ix, req, opts, *format, *out, stdout)
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(stderr, "已导出 %d 行到 %s\n", n, *out)
	}
	return nil
}

func exportSettings(kind, encoding, format, out, pivot, pivotBy string) (exportOptions, error) {
	o := exportOptions{encoding: encoding, pivotBy: pivotBy, kinds: extract.Kinds}
	if kind != "" {
		k, ok := kindFlags[kind]
		if !ok {
			return o, usagef("--kind %q：应为 counts, dates, orgs, places, themes, laws 之一", kind)
		}
		o.kinds = []extract.Kind{k}
	}
	if encoding != "utf-8" && encoding != "gbk" {
		return o, usagef("--encoding %q：应为 utf-8 或 gbk", encoding)
	}
	switch format {
	case "csv", "jsonl":
	case "xlsx":
		if out == "" {
			return o, usagef("xlsx 须用 -o 指定输出文件")
		}
	default:
		return o, usagef("--format %q：应为 csv、xlsx 或 jsonl", format)
	}
	if pivotBy != "province" && pivotBy != "city" && pivotBy != "district" {
		return o, usagef("--pivot-by %q：应为 province、city 或 district", pivotBy)
	}
	c, err := index.ParseCount(pivot)
	if err != nil {
		return o, usageError{err.Error()}
	}
	o.pivot = &c
	return o, nil
}

// exportStream writes CSV or JSON Lines to a file or stdout.
func exportStream(ctx context.Context, ix *index.Index, req index.Request, o exportOptions, format, path string, stdout io.Writer) (int, error) {
	w, closeOut, err := openOutput(path, stdout, o.encoding, format == "csv")
	if err != nil {
		return 0, err
	}
	var n int
	if format == "jsonl" {
		n, err = writeJSONL(ctx, ix, req, w)
	} else {
		n, err = writeCSV(ctx, ix, req, o.kinds, w)
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	return n, err
}

// openOutput opens the destination with its encoding: UTF-8 CSV gets a
// byte-order mark so that Excel reads it as UTF-8.
func openOutput(path string, stdout io.Writer, encoding string, bom bool) (io.Writer, func() error, error) {
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
	finish := func(err error) error {
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		if cerr := closeFile(); err == nil {
			err = cerr
		}
		return err
	}
	if encoding == "gbk" {
		tw := transform.NewWriter(bw, simplifiedchinese.GB18030.NewEncoder())
		return tw, func() error { return finish(tw.Close()) }, nil
	}
	if bom {
		bw.WriteString("\ufeff")
	}
	return bw, func() error { return finish(nil) }, nil
}
