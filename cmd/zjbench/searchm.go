package main

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"

	"zongjie/index"
)

// twoWordQueries are the searches timed: two words of the genre each.
var twoWordQueries = []string{
	"宣传 资料", "执法 检查", "消费 维权", "安全 生产", "禁毒 宣传", "食品 安全", "消防 演练",
	"投诉 举报", "法律 咨询", "志愿者 服务", "市场 监管", "应急 管理", "普法 宣传", "反诈 宣传",
}

var countQueries = []string{"宣传资料>=10000", "执法人员>500人次", "宣传资料>=1000份", "投诉>=20件"}

// measureSearch times searches on the zongjie index: two words with four
// facets and snippets, a count query, and a bare bleve term query as the
// baseline.
func measureSearch(ctx context.Context, path string, n int) error {
	ix, err := index.Open(path, false)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(1))
	facets := []string{index.FieldYearKW, index.FieldProvince, index.FieldOrg, index.FieldTheme}
	two, err := timeRuns(n, func() error {
		_, err := ix.Search(ctx, index.Request{Query: twoWordQueries[rng.Intn(len(twoWordQueries))], Facets: facets, Size: 10})
		return err
	})
	if err != nil {
		return err
	}
	count, err := timeRuns(n, func() error {
		c, _ := index.ParseCount(countQueries[rng.Intn(len(countQueries))])
		_, err := ix.Search(ctx, index.Request{Counts: []index.CountFilter{c}, Size: 10})
		return err
	})
	if err != nil {
		return err
	}
	ix.Close()
	b, err := bleve.Open(path)
	if err != nil {
		return err
	}
	defer b.Close()
	term, err := timeRuns(n, func() error {
		q := bleve.NewTermQuery([]string{"宣传", "检查", "消费", "安全", "禁毒"}[rng.Intn(5)])
		q.SetField(index.FieldBody)
		_, err := b.SearchInContext(ctx, bleve.NewSearchRequest(q))
		return err
	})
	if err != nil {
		return err
	}
	fmt.Printf("search, two words + 4 facets + snippets: p50 %s, p95 %s\n", ms(two.p50), ms(two.p95))
	fmt.Printf("search, count query: p50 %s, p95 %s\n", ms(count.p50), ms(count.p95))
	fmt.Printf("baseline bare term query: p50 %s, p95 %s\n", ms(term.p50), ms(term.p95))
	fmt.Printf("search p95 ÷ term p95: two words %.1f×, count %.1f× (target ≤ 10×)\n",
		two.p95.Seconds()/term.p95.Seconds(), count.p95.Seconds()/term.p95.Seconds())
	return nil
}

type latencies struct{ p50, p95 time.Duration }

func timeRuns(n int, fn func() error) (latencies, error) {
	var ds []time.Duration
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			return latencies{}, err
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return latencies{p50: ds[len(ds)/2], p95: ds[len(ds)*95/100]}, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", d.Seconds()*1000) }
