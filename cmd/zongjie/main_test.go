package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/index"
)

const sampleArchive = "../../testdata/docs"

// zongjie runs the command line in-process and returns its exit code and
// output.
func zongjie(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func importSample(t *testing.T) string {
	t.Helper()
	ix := filepath.Join(t.TempDir(), "ix.bleve")
	code, out, errs := zongjie(t, "import", "--index", ix, sampleArchive)
	if code != exitOK {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	return ix
}

func TestImportSearchExport(t *testing.T) {
	ix := importSample(t)

	code, out, _ := zongjie(t, "search", "--index", ix, "--json", "消费者协会")
	if code != exitOK {
		t.Fatalf("search exit %d", code)
	}
	var res index.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if res.Total == 0 || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
		t.Errorf("search 消费者协会: %d hits, first snippet %q", res.Total, firstSnippet(res))
	}
	if len(res.Facets[index.FieldYearKW]) == 0 || len(res.Facets[index.FieldOrg]) == 0 {
		t.Errorf("search 消费者协会: facets %v", res.Facets)
	}

	// A filter narrows the hits to the year asked for.
	code, out, _ = zongjie(t, "search", "--index", ix, "--json", "--year", "2023", "宣传")
	if code != exitOK {
		t.Fatalf("search --year exit %d", code)
	}
	res = index.Result{}
	json.Unmarshal([]byte(out), &res)
	for _, h := range res.Hits {
		if h.Year != 2023 {
			t.Errorf("--year 2023 gave a hit of %d: %s", h.Year, h.Title)
		}
	}
	if res.Total == 0 {
		t.Errorf("--year 2023 宣传: no hits")
	}

	csvPath := filepath.Join(t.TempDir(), "facts.csv")
	code, _, errs := zongjie(t, "export", "--index", ix, "-o", csvPath, "--kind", "counts")
	if code != exitOK {
		t.Fatalf("export exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		t.Errorf("export does not start with a UTF-8 byte-order mark: % x", data[:3])
	}
	lines := strings.Split(string(data), "\r\n")
	if len(lines) < 50 || !strings.HasPrefix(lines[0], "\ufeffdoc_id,source,title,year") {
		t.Errorf("export: %d CRLF lines, header %q", len(lines), lines[0])
	}
	if !strings.Contains(string(data), ",count,") || !strings.Contains(string(data), "人次") {
		t.Errorf("export --kind counts holds no count rows with Chinese units")
	}
}

func firstSnippet(r index.Result) string {
	if len(r.Hits) == 0 {
		return ""
	}
	return r.Hits[0].Snippet
}

func TestExportGBK(t *testing.T) {
	ix := importSample(t)
	code, out, errs := zongjie(t, "export", "--index", ix, "--kind", "orgs", "--encoding", "gbk")
	if code != exitOK {
		t.Fatalf("export --encoding gbk exit %d: %s", code, errs)
	}
	utf8, err := simplifiedchinese.GB18030.NewDecoder().String(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(out, "\ufeff") || !strings.Contains(utf8, "消费者协会") {
		t.Errorf("GBK export does not decode to the organisations")
	}
}

// TestImportTwice checks that importing the same archive again adds
// nothing: the ids are hashes of the text.
func TestImportTwice(t *testing.T) {
	ix := importSample(t)
	ids := func() []string {
		i, err := index.Open(ix, false)
		if err != nil {
			t.Fatal(err)
		}
		defer i.Close()
		var out []string
		i.Known(context.Background(), func(k index.Known) error { out = append(out, k.ID); return nil })
		return out
	}
	count := func() uint64 { return uint64(len(ids())) }
	before := ids()
	first := count()
	// 18 files, two of them compilations of four summaries each.
	if first != 32 {
		t.Errorf("first import: %d documents, want 32", first)
	}
	_, out, _ := zongjie(t, "import", "--index", ix, sampleArchive)
	if !strings.Contains(out, "新增 0 篇，更新 0 篇，未变 32 篇，重复 0 篇") {
		t.Errorf("second import: %s", out)
	}
	if n := count(); n != first {
		t.Errorf("index holds %d documents after two imports, %d after one", n, first)
	}
	if after := ids(); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("the ids changed on the second import")
	}
}

// TestImportBadInput checks that each bad file gets one line naming it and
// the reason, the good file is still imported, and the exit code is 1.
func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, _ := os.ReadFile(filepath.Join(sampleArchive, "r01.txt"))
	write("good.txt", good)
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	noise := make([]byte, 2000)
	for i := range noise {
		noise[i] = byte(128 + (i*73)%128)
	}
	undecodable := write("noise.txt", noise)
	missing := filepath.Join(dir, "missing.txt")

	ix := filepath.Join(t.TempDir(), "ix.bleve")
	code, out, errs := zongjie(t, "import", "--quiet", "--index", ix, dir, missing)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 4 {
		t.Errorf("stderr has %d lines, want 4:\n%s", len(lines), errs)
	}
	for _, want := range []struct{ path, reason string }{
		{empty, "空文件"}, {binary, "不是文本文件"}, {undecodable, "无法识别的编码"}, {missing, "不存在"},
	} {
		if !containsLine(errs, want.path, want.reason) {
			t.Errorf("stderr does not say %s: %s\n%s", want.path, want.reason, errs)
		}
	}
	if !strings.Contains(out, "读入文件 1 个，跳过 4 个；文档：新增 1 篇") {
		t.Errorf("the good file was not imported: %s", out)
	}
}

func containsLine(text, a, b string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, a) && strings.Contains(l, b) {
			return true
		}
	}
	return false
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"import"},
		{"extract"},
		{"export", "--kind", "people"},
		{"search", "--size", "1000", "x"},
		{"import", "--no-such-flag", "x"},
		{"rules", "dump"},
	} {
		if code, _, _ := zongjie(t, args...); code != exitUsage {
			t.Errorf("zongjie %v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, _ := zongjie(t, "import", "-h"); code != exitOK {
		t.Errorf("import -h: exit %d, want 0", code)
	}
}

func TestSearchMissingIndex(t *testing.T) {
	code, _, errs := zongjie(t, "search", "--index", filepath.Join(t.TempDir(), "none"), "消费")
	if code != exitFailed || !strings.Contains(errs, "none") {
		t.Errorf("search on a missing index: exit %d, %q", code, errs)
	}
}

func TestRulesCommands(t *testing.T) {
	if code, out, errs := zongjie(t, "rules", "check"); code != exitOK || !strings.Contains(out, "规则无误") {
		t.Errorf("rules check: exit %d %s %s", code, out, errs)
	}
	if code, out, _ := zongjie(t, "rules", "test"); code != exitOK || !strings.Contains(out, "不通过 0") {
		t.Errorf("rules test: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	if code, _, _ := zongjie(t, "rules", "dump", dir); code != exitOK {
		t.Fatalf("rules dump failed")
	}
	if _, err := os.Stat(filepath.Join(dir, "count.rules")); err != nil {
		t.Errorf("rules dump wrote no count.rules: %v", err)
	}
	// A user's broken file is reported with file:line, all errors at once.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "count.rules"), []byte("count value=<num> unit=@unti\ncount (\n"), 0o644)
	code, _, errs := zongjie(t, "rules", "check", "--rules", bad)
	if code == exitOK || !strings.Contains(errs, "count.rules:1: unknown class \"unti\"") || !strings.Contains(errs, "count.rules:2:") {
		t.Errorf("bad rules: exit %d\n%s", code, errs)
	}
	// A user's unit file layered over the built-ins changes what is found.
	user := t.TempDir()
	os.WriteFile(filepath.Join(user, "unit.dict"), []byte("份\n"), 0o644)
	doc := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(doc, []byte("活动总结\n共发放宣传资料500份，出动执法人员30人次。\n"), 0o644)
	_, withBuiltin, _ := zongjie(t, "extract", "--json", doc)
	_, withUser, _ := zongjie(t, "extract", "--json", "--rules", user, doc)
	if !strings.Contains(withBuiltin, `"unit":"人次"`) || strings.Contains(withUser, `"unit":"人次"`) || !strings.Contains(withUser, `"unit":"份"`) {
		t.Errorf("--rules layer not applied:\nbuiltin %s\nuser    %s", withBuiltin, withUser)
	}
}

// TestUserQuestions runs the kinds of question the tool is for on the
// sample archive: a theme in a year by district, every report naming a
// body, a count above a threshold, and a statistic per year.
func TestUserQuestions(t *testing.T) {
	ix := importSample(t)
	// every report that names a 消费者协会 (any prefix)
	code, out, _ := zongjie(t, "search", "--index", ix, "--json", "--size", "50", "org:消费者协会")
	var res index.Result
	json.Unmarshal([]byte(out), &res)
	if code != exitOK || res.Total < 3 {
		t.Errorf("org:消费者协会: exit %d, %d hits", code, res.Total)
	}
	// a theme in a year, by district
	code, out, _ = zongjie(t, "stats", "--index", ix, "--by", "district", "--format", "json", "--year", "2024", "--theme", "激发消费活力")
	var rows []index.StatsRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != exitOK || len(rows) == 0 {
		t.Fatalf("stats by district: exit %d, %v\n%s", code, err, out)
	}
	for _, r := range rows {
		if r.Group == "" {
			t.Errorf("a 2024 激发消费活力 report without a district: %+v", rows)
		}
	}
	// where more than 10,000 pieces of publicity material were handed out
	code, out, _ = zongjie(t, "search", "--index", ix, "--json", "--size", "50", "--count", "宣传资料>=10000份")
	res = index.Result{}
	json.Unmarshal([]byte(out), &res)
	if code != exitOK || res.Total == 0 {
		t.Fatalf("--count 宣传资料>=10000份: exit %d, %d hits", code, res.Total)
	}
	// the same as a statistic per year: every sum at least the threshold's documents
	code, out, _ = zongjie(t, "stats", "--index", ix, "--by", "year", "--stat", "宣传资料:份", "--format", "csv")
	if code != exitOK || !strings.Contains(out, "分组,文档数,单位,条数,合计") || !strings.Contains(out, "2024,") {
		t.Errorf("stats csv: exit %d\n%s", code, out)
	}
}

func TestExportFormats(t *testing.T) {
	ix := importSample(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "facts.xlsx")
	if code, _, errs := zongjie(t, "export", "--index", ix, "--format", "xlsx", "-o", xlsx); code != exitOK {
		t.Fatalf("xlsx: exit %d %s", code, errs)
	}
	if data, err := os.ReadFile(xlsx); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("xlsx is not a zip file: %v", err)
	}
	code, out, _ := zongjie(t, "export", "--index", ix, "--format", "jsonl", "--year", "2023")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) < 2 || !strings.Contains(lines[0], `"year":2023`) {
		t.Errorf("jsonl --year 2023: exit %d, %d lines", code, len(lines))
	}
	if code, _, _ := zongjie(t, "export", "--index", ix, "--format", "xlsx"); code != exitUsage {
		t.Errorf("xlsx without -o: exit %d, want %d", code, exitUsage)
	}
}

func TestFormulaCells(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x", "区消协": "区消协"} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
