package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"

	"zongjie/extract"
	"zongjie/index"
)

// sheetNames names the worksheet of each kind of fact.
var sheetNames = map[extract.Kind]string{
	extract.KindCount: "数量", extract.KindDate: "日期", extract.KindTheme: "主题",
	extract.KindOrg: "机构", extract.KindPlace: "地点", extract.KindLaw: "法规",
}

// numericColumns are written as numbers; every other cell is text, so that
// long digit strings (document ids, codes) stay as written.
var numericColumns = map[string]bool{"year": true, "value": true, "max": true, "span_start": true, "span_end": true, "confidence": true}

// exportXLSX writes one sheet per kind of fact, with the streaming writer,
// and a pivot sheet: the chosen statistic summed per year and place.
func exportXLSX(ctx context.Context, ix *index.Index, req index.Request, o exportOptions, path string) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	writers := map[extract.Kind]*excelize.StreamWriter{}
	next := map[extract.Kind]int{}
	for i, k := range o.kinds {
		name := sheetNames[k]
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			return 0, err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return 0, err
		}
		if err := sw.SetRow("A1", textCells(csvHeader)); err != nil {
			return 0, err
		}
		writers[k], next[k] = sw, 2
	}
	pv := newPivot(o.pivotBy)
	n := 0
	err := ix.Each(ctx, req, func(s index.Stored) error {
		pv.add(&s.Record, o.pivot)
		for _, row := range factRows(s, o.kinds) {
			k := extract.Kind(row[csvColumn["kind"]])
			cellName, _ := excelize.CoordinatesToCellName(1, next[k])
			if err := writers[k].SetRow(cellName, rowCells(row)); err != nil {
				return err
			}
			next[k]++
			n++
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	for _, sw := range writers {
		if err := sw.Flush(); err != nil {
			return n, err
		}
	}
	if err := pv.write(f, o.pivot); err != nil {
		return n, err
	}
	if err := f.SaveAs(path); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}

func textCells(vals []string) []interface{} {
	out := make([]interface{}, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

func rowCells(row factRow) []interface{} {
	out := make([]interface{}, len(row))
	for i, v := range row {
		out[i] = v
		if numericColumns[csvHeader[i]] && v != "" {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				out[i] = f
			}
		}
	}
	return out
}

// pivot sums a statistic per year and place.
type pivot struct {
	by     string
	sums   map[[2]string]float64
	years  map[string]bool
	places map[string]bool
}

func newPivot(by string) *pivot {
	return &pivot{by: by, sums: map[[2]string]float64{}, years: map[string]bool{}, places: map[string]bool{}}
}

func (p *pivot) add(r *extract.Record, c *index.CountFilter) {
	year := index.YearString(r.Year)
	if year == "" {
		year = "未注明"
	}
	for _, place := range index.GroupValues(r, p.by) {
		if place == "" {
			place = "未注明"
		}
		for _, f := range r.Counts {
			if c.Matches(f) {
				p.sums[[2]string{year, place}] += f.Value
				p.years[year], p.places[place] = true, true
			}
		}
	}
}

func (p *pivot) write(f *excelize.File, c *index.CountFilter) error {
	name := "统计"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	years, places := sortedKeys(p.years), sortedKeys(p.places)
	f.SetCellValue(name, "A1", fmt.Sprintf("%s（合计，按年份×%s）", c, map[string]string{"province": "省", "city": "市", "district": "区县"}[p.by]))
	for j, pl := range places {
		cellName, _ := excelize.CoordinatesToCellName(j+2, 2)
		f.SetCellValue(name, cellName, pl)
	}
	for i, y := range years {
		cellName, _ := excelize.CoordinatesToCellName(1, i+3)
		f.SetCellValue(name, cellName, y)
		for j, pl := range places {
			if v, ok := p.sums[[2]string{y, pl}]; ok {
				cellName, _ := excelize.CoordinatesToCellName(j+2, i+3)
				f.SetCellValue(name, cellName, v)
			}
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
