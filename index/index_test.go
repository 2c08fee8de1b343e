package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"zongjie/corpus"
	"zongjie/extract"
)

func entry(id, title, text string, year int, org string, counts ...extract.Count) Entry {
	rec := extract.Record{ID: id, Title: title, Year: year, Counts: counts}
	if org != "" {
		rec.Orgs = []extract.Org{{Name: org, Canonical: "消费者协会", Kind: extract.OrgAssoc}}
	}
	rec.Places = []extract.Place{{Name: "西夏区", Province: "宁夏回族自治区", City: "银川市", County: "西夏区"}}
	return Entry{Doc: corpus.Document{ID: id, Source: id + ".txt", Title: title, Text: text}, Record: rec}
}

func count(value float64, unit, object string, approx bool) extract.Count {
	return extract.Count{Value: value, Unit: unit, Object: object, Approx: approx}
}

func testIndex(t *testing.T) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	err = ix.Add([]Entry{
		entry("a", "区消协3·15活动总结", "区消费者协会联合市场监督管理局开展消费维权宣传，发放宣传资料1000余份。中国农业发展银行派员参加。", 2023, "区消费者协会",
			count(1000, "份", "宣传资料", true)),
		entry("b", "安全生产月活动总结", "应急管理局组织企业开展安全生产培训，出动检查人员50人次。", 2023, "",
			count(50, "人次", "检查人员", false)),
		entry("c", "禁毒宣传总结", "公安分局在社区开展禁毒宣传，发放宣传资料500份。<script>alert(1)</script>", 2024, "",
			count(500, "份", "宣传资料", false), extract.Count{Value: 3, Max: 5, Unit: "场", Object: "讲座"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix, path
}

func TestSearch(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		text    string
		filters map[string][]string
		want    string
	}{
		{"宣传资料", nil, "a c"},
		{"消费者协会", nil, "a"},
		{"协会", nil, "a"},
		{"安全生产", nil, "b"},
		{"农业", nil, "a"}, // inside 中国农业发展银行: found through the bigrams
		{"宣传资料", map[string][]string{FieldYearKW: {"2024"}}, "c"},
		{"", map[string][]string{FieldYearKW: {"2023"}}, "a b"},
		{"", map[string][]string{FieldYearKW: {"2023", "2024"}, FieldOrgName: {"区消费者协会"}}, "a"},
		{"", map[string][]string{FieldOrgName: {"消费者协会"}}, "a"}, // the canonical name
		{"宣传 禁毒", nil, "c"},
		{"宣传资料 -禁毒", nil, "a"},
		{`"安全生产 培训"`, nil, "b"},
		{`"培训 安全生产"`, nil, "b"}, // a phrase matches when all its bigrams occur, in any order
		{"year:2024", nil, "c"},
		{"year:2020..2023", nil, "a b"},
		{"year:2024..", nil, "c"},
		{"org:消费者协会 宣传", nil, "a"},
		{"city:银川市 year:2023", nil, "a b"},
		{"count:宣传资料>=1000", nil, "a"},
		{"count:宣传资料>=500份", nil, "a c"},
		{"count:宣传资料<600", nil, "c"},
		{"count:检查人员>10人次", nil, "b"},
		{"count:检查人员>10份", nil, ""},
		{"count:讲座>=4", nil, "c"}, // a range 3-5 reaches 4 by its upper end
		{"count:讲座<=3", nil, "c"},
		{"count:讲座>5", nil, ""},
		{"count:讲座>=500", nil, ""}, // 500 is the count of 宣传资料, not of 讲座: one count must hold it all
		{"count:宣传资料>=500 count:讲座>=4", nil, "c"},
		{"count:宣传资料>=500 year:2023", nil, "a"},
		{"消防", nil, ""},
		{"总结", nil, "a b c"}, // in the titles only
		{"禁毒宣传总结", nil, "c"}, // a title as a whole
	} {
		res, err := ix.Search(ctx, Request{Query: tc.text, Filters: tc.filters, Facets: []string{FieldYearKW}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if got := strings.Join(sorted(ids), " "); got != tc.want {
			t.Errorf("search %q %v = %q, want %q", tc.text, tc.filters, got, tc.want)
		}
	}
	res, _ := ix.Search(ctx, Request{Facets: []string{FieldYearKW}})
	if f := res.Facets[FieldYearKW]; len(f) != 2 || f[0] != (FacetValue{"2023", 2}) || f[1] != (FacetValue{"2024", 1}) {
		t.Errorf("year facet = %v", f)
	}
	res, _ = ix.Search(ctx, Request{Query: "禁毒"})
	if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, "<mark>禁毒</mark>") {
		t.Errorf("snippet does not mark the match: %+v", res.Hits)
	}
	res, _ = ix.Search(ctx, Request{Query: "alert"})
	if len(res.Hits) != 1 || strings.Contains(res.Hits[0].Snippet, "<script>") || !strings.Contains(res.Hits[0].Snippet, "&lt;script&gt;") {
		t.Errorf("snippet not escaped: %+v", res.Hits)
	}
	res, _ = ix.Search(ctx, Request{Sort: "-year"})
	if len(res.Hits) != 3 || res.Hits[0].ID != "c" {
		t.Errorf("sort -year: %+v", res.Hits)
	}
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// TestOpenWithBleve checks that a program that only imports this package
// (for its registrations) can open and search the index with bleve.
func TestOpenWithBleve(t *testing.T) {
	ix, path := testIndex(t)
	ix.Close()
	b, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q := bleve.NewMatchQuery("禁毒")
	q.SetField(FieldBody)
	res, err := b.Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 {
		t.Errorf("bleve search: %v, %v hits", err, res)
	}
}

func TestLocked(t *testing.T) {
	ix, path := testIndex(t)
	defer ix.Close()
	_, err := Open(path, false)
	if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, ErrLocked) {
		t.Errorf("second open of a held index: %v", err)
	}
}

// TestReaders checks that several readers share an index, and that a
// writer is told it is in use while one reads.
func TestReaders(t *testing.T) {
	ix, path := testIndex(t)
	ix.Close()
	r1, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(path, false)
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	defer r2.Close()
	if res, err := r2.Search(context.Background(), Request{Query: "宣传资料"}); err != nil || res.Total != 2 {
		t.Errorf("search by the second reader: %v %v", res, err)
	}
	if _, err := Open(path, true); !errors.Is(err, ErrLocked) {
		t.Errorf("a writer while two read: %v, want ErrLocked", err)
	}
}

func TestLimits(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	if _, err := ix.Search(context.Background(), Request{Query: strings.Repeat("消", MaxQueryLen+1)}); err == nil {
		t.Errorf("an over-long query was run")
	}
	if _, err := ix.Search(context.Background(), Request{From: MaxFrom + 1}); err == nil {
		t.Errorf("a page beyond the limit was run")
	}
}

func TestEach(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	var ids []string
	err := ix.Each(context.Background(), Request{Filters: map[string][]string{FieldYearKW: {"2023"}}}, func(s Stored) error {
		ids = append(ids, s.ID+":"+s.Record.Title)
		return nil
	})
	if err != nil || strings.Join(ids, ",") != "a:区消协3·15活动总结,b:安全生产月活动总结" {
		t.Errorf("Each = %v, %v", ids, err)
	}
}

func TestStats(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	c, _ := ParseCount("宣传资料:份")
	rows, err := ix.Stats(context.Background(), StatsRequest{By: "year", Count: &c})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %d %s %d %g %g %g %d", r.Group, r.Docs, r.Unit, r.Facts, r.Sum, r.Min, r.Max, r.Approx))
	}
	want := []string{"2023 2 份 1 1000 1000 1000 1", "2024 1 份 1 500 500 500 0"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("stats by year:\n got %q\nwant %q", got, want)
	}
	// with a count condition, which selects the documents from the counts
	// column: the same sums
	rows, _ = ix.Stats(context.Background(), StatsRequest{Request: Request{Query: "count:宣传资料>=1"}, By: "year", Count: &c})
	if len(rows) != 2 || rows[0].Sum != 1000 || rows[1].Sum != 500 {
		t.Errorf("stats with a count condition: %+v", rows)
	}
	rows, _ = ix.Stats(context.Background(), StatsRequest{By: "org"})
	if len(rows) != 2 || rows[0].Group != "消费者协会" || rows[1].Group != "" || rows[1].Docs != 2 {
		t.Errorf("stats by org: %+v", rows)
	}
	if _, err := ix.Stats(context.Background(), StatsRequest{By: "colour"}); err == nil {
		t.Errorf("an unknown grouping was accepted")
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`消费 安全`, `words=[消费 安全]`},
		{`"消费与 安全" -农村`, `words=[消费与 安全] exclude=[农村]`},
		{`year:2012 org:工商局 place:银川`, `filters=map[org_name:[工商局] place:[银川] year_kw:[2012]]`},
		{`年份:2012..2014 主题:“消费与安全”`, `filters=map[theme:[消费与安全]] years=2012..2014`},
		{`count:宣传资料>=1万份`, `counts=[宣传资料>=10000份]`},
		{`数量:执法人员>500人次`, `counts=[执法人员>500人次]`},
		{`-year:2012`, `exclude=[year:2012]`},
	} {
		q, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if got := describe(q); got != tc.want {
			t.Errorf("ParseQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{`"open`, `year:12`, `year:abc..2014`, `count:>5`, `count:宣传资料>=`, strings.Repeat("词 ", MaxClauses+1), `org:`} {
		if _, err := ParseQuery(bad); err == nil {
			t.Errorf("ParseQuery(%q) gave no error", bad)
		}
	}
}

func describe(q Query) string {
	var parts []string
	if len(q.Words) > 0 {
		parts = append(parts, fmt.Sprintf("words=%v", q.Words))
	}
	if len(q.Exclude) > 0 {
		parts = append(parts, fmt.Sprintf("exclude=%v", q.Exclude))
	}
	if len(q.Filters) > 0 {
		parts = append(parts, fmt.Sprintf("filters=%v", q.Filters))
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		parts = append(parts, fmt.Sprintf("years=%d..%d", q.YearFrom, q.YearTo))
	}
	if len(q.Counts) > 0 {
		parts = append(parts, fmt.Sprintf("counts=%v", q.Counts))
	}
	return strings.Join(parts, " ")
}

func TestCountMatches(t *testing.T) {
	for _, tc := range []struct {
		filter string
		fact   extract.Count
		want   bool
	}{
		{"宣传资料>=10000", count(10000, "份", "各类宣传资料", true), true},
		{"宣传资料>10000", count(10000, "份", "宣传资料", true), false},
		{"宣传资料>=10000份", count(12000, "册", "宣传资料", false), false},
		{"宣传资料>=10000份", count(12000, "份(册)", "宣传资料", false), true},
		{"执法人员>500人次", count(527, "人/次", "执法人员", false), true},
		{"執法人員>500", count(527, "人次", "执法人员", false), true},
		{"宣传资料=4", extract.Count{Value: 3, Max: 5, Unit: "份", Object: "宣传资料"}, true},
		{"宣传资料", count(1, "份", "调查问卷", false), false},
	} {
		c, err := ParseCount(tc.filter)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Matches(tc.fact); got != tc.want {
			t.Errorf("%s matches %v = %v, want %v", tc.filter, tc.fact, got, tc.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	body := "第一句没有。第二句提到禁毒宣传，而且很长。第三句<b>也有</b>禁毒。第四句。"
	got := snippet(body, findWords(body, []string{"禁毒"}), nil)
	want := "第二句提到<mark>禁毒</mark>宣传，而且很长。 … 第三句&lt;b&gt;也有&lt;/b&gt;<mark>禁毒</mark>。"
	if got != want {
		t.Errorf("snippet:\n got %s\nwant %s", got, want)
	}
	if got := snippet("标题\n正文开头。", nil, nil); got != "正文开头。" {
		t.Errorf("snippet without matches = %q", got)
	}
}

func TestGet(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	s, ok, err := ix.Get(context.Background(), "c")
	if err != nil || !ok || s.Title != "禁毒宣传总结" || !strings.Contains(s.Text, "公安分局") || len(s.Record.Counts) != 2 {
		t.Errorf("Get(c) = %+v, %v, %v", s, ok, err)
	}
	if _, ok, err := ix.Get(context.Background(), "nope"); ok || err != nil {
		t.Errorf("Get(nope) = %v, %v", ok, err)
	}
}

// TestCountConditionFollowsChanges checks that count conditions see the
// documents added and deleted through the handle since the last query.
func TestCountConditionFollowsChanges(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	ctx := context.Background()
	hits := func() string {
		t.Helper()
		res, err := ix.Search(ctx, Request{Query: "count:宣传资料>=2000"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return strings.Join(sorted(ids), " ")
	}
	if got := hits(); got != "" {
		t.Fatalf("before: %q", got)
	}
	if err := ix.Add([]Entry{entry("d", "普法总结", "发放宣传资料3000份。", 2024, "", count(3000, "份", "宣传资料", false))}); err != nil {
		t.Fatal(err)
	}
	if got := hits(); got != "d" {
		t.Errorf("after adding d: %q, want d", got)
	}
	if err := ix.Apply(Batch{Delete: []string{"d"}}); err != nil {
		t.Fatal(err)
	}
	if got := hits(); got != "" {
		t.Errorf("after deleting d: %q, want none", got)
	}
}

// TestOpenRefusesOtherLayout checks that an index of another layout is
// refused with a message that says what to do, and the index is left as
// it is.
func TestOpenRefusesOtherLayout(t *testing.T) {
	ix, path := testIndex(t)
	if err := ix.b.SetInternal([]byte(layoutKey), []byte("1")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	_, err := Open(path, true)
	if !errors.Is(err, ErrLayout) || !strings.Contains(err.Error(), "重新导入") {
		t.Fatalf("open of an index of layout 1: %v", err)
	}
	b, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, _ := b.DocCount(); n != 3 {
		t.Errorf("the refused index holds %d documents, want 3", n)
	}
}

// TestEqualCountsSumTwice checks that two equal counts of one document
// (80 份 twice) both count in the statistics, and that an equal count of
// another document counts too.
func TestEqualCountsSumTwice(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "ix.bleve"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = ix.Add([]Entry{
		entry("a", "总结甲", "发放宣传资料80份，又发放宣传资料80份。", 2023, "", count(80, "份", "宣传资料", false), count(80, "份", "宣传资料", false)),
		entry("b", "总结乙", "发放宣传资料80份。", 2023, "", count(80, "份", "宣传资料", false)),
	})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := ParseCount("宣传资料:份")
	for _, q := range []string{"", "count:宣传资料>=80"} {
		rows, err := ix.Stats(context.Background(), StatsRequest{Request: Request{Query: q}, By: "year", Count: &c})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Facts != 3 || rows[0].Sum != 240 || rows[0].Docs != 2 {
			t.Errorf("stats %q: %+v, want 3 counts of 2 documents summing to 240", q, rows)
		}
	}
}

// TestOpenRemakesHalfMadeIndex checks that an index whose creation was
// cut short (metadata written, no mapping, no documents) is made again
// rather than refused, and that an index without a layout stamp but with
// documents is refused.
func TestOpenRemakesHalfMadeIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix.bleve")
	if err := os.MkdirAll(filepath.Join(path, "store"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, false); err == nil {
		t.Fatal("a half-made index opened without create")
	}
	ix, err := Open(path, true)
	if err != nil {
		t.Fatalf("a half-made index is not made again: %v", err)
	}
	if err := ix.Add([]Entry{entry("a", "总结", "发放宣传资料。", 2024, "")}); err != nil {
		t.Fatal(err)
	}
	if err := ix.b.DeleteInternal([]byte(layoutKey)); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(path, true); !errors.Is(err, ErrLayout) {
		t.Errorf("an unstamped index with documents: %v, want ErrLayout", err)
	}
}
