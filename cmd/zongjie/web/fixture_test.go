package web

import (
	"context"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/index"
)

// evilTitle and evilText are a report that tries to run script in the
// pages: everything of it must come back escaped.
const (
	evilTitle = `<script>alert(1)</script>消费者权益日总结`
	evilText  = evilTitle + "\n2013年3月15日，银川市消费者协会<script>alert(1)</script>在广场发放宣传资料1000余份，接待咨询300人次。"
	evilOrg   = `"><img src=x onerror=alert(2)>协会`
)

// fixtureDoc is a report of the test index with its facts.
type fixtureDoc struct {
	title, text string
	year        int
	build       func(text string, r *extract.Record)
}

var fixtureDocs = []fixtureDoc{
	{evilTitle, evilText, 2013, func(text string, r *extract.Record) {
		r.Places = []extract.Place{{Name: "银川市", Province: "宁夏回族自治区", City: "银川市", Code: "640100", Provenance: prov(text, "银川市", "place.rules:1")}}
		r.Orgs = []extract.Org{
			{Name: "银川市消费者协会", Canonical: "消费者协会", Kind: extract.OrgAssoc, Provenance: prov(text, "银川市消费者协会", "org.rules:2")},
			{Name: evilOrg, Kind: extract.OrgOther, Provenance: extract.Provenance{Span: extract.Span{2, 9}, Rule: "org.rules:3", Confidence: 0.5}},
		}
		r.Counts = []extract.Count{
			{Text: "发放宣传资料1000余份", Action: "发放", Object: "宣传资料", Value: 1000, Unit: "份", Approx: true, Hedge: "余", Provenance: prov(text, "发放宣传资料1000余份", "count.rules:9")},
			{Text: "接待咨询300人次", Action: "接待", Object: "咨询", Value: 300, Unit: "人次", Provenance: prov(text, "接待咨询300人次", "count.rules:9")},
			// A span past the end of the text is not marked.
			{Text: "出界", Value: 1, Unit: "个", Provenance: extract.Provenance{Span: extract.Span{10000, 10002}}},
		}
		r.Dates = []extract.Date{{Text: "2013年3月15日", Date: "2013-03-15", Provenance: prov(text, "2013年3月15日", "date.rules:1")}}
	}},
	{"2012年银川市3·15活动总结", "2012年银川市3·15活动总结\n银川市工商局联合消费者协会开展宣传，发放宣传资料5000份。", 2012, func(text string, r *extract.Record) {
		r.Genre = "3·15"
		r.Places = []extract.Place{{Name: "银川市", Province: "宁夏回族自治区", City: "银川市", Provenance: prov(text, "银川市", "place.rules:1")}}
		r.Orgs = []extract.Org{{Name: "银川市工商局", Kind: extract.OrgGov, Provenance: prov(text, "银川市工商局", "org.rules:2")}}
		r.Counts = []extract.Count{{Text: "发放宣传资料5000份", Object: "宣传资料", Value: 5000, Unit: "份", Provenance: prov(text, "发放宣传资料5000份", "count.rules:9")}}
		r.Themes = []extract.Theme{{Text: "消费与安全", Provenance: extract.Provenance{Span: extract.Span{3, 7}}}} // crosses the place 银川市
	}},
	{"吴兴区2024年消费维权宣传总结", "吴兴区2024年消费维权宣传总结\n湖州市吴兴区市场监督管理局发放宣传资料2100份，消费者协会受理投诉17件。", 2024, func(text string, r *extract.Record) {
		r.Places = []extract.Place{{Name: "吴兴区", Province: "浙江省", City: "湖州市", County: "吴兴区", Provenance: prov(text, "吴兴区", "place.rules:1")}}
		r.Orgs = []extract.Org{{Name: "湖州市吴兴区市场监督管理局", Kind: extract.OrgGov, Provenance: prov(text, "湖州市吴兴区市场监督管理局", "org.rules:2")}}
		r.Counts = []extract.Count{
			{Text: "发放宣传资料2100份", Object: "宣传资料", Value: 2100, Unit: "份", Provenance: prov(text, "发放宣传资料2100份", "count.rules:9")},
			{Text: "受理投诉17件", Object: "投诉", Value: 17, Unit: "件", Provenance: prov(text, "受理投诉17件", "count.rules:9")},
		}
	}},
}

// prov is the provenance of the first occurrence of sub in text.
func prov(text, sub, rule string) extract.Provenance {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("fixture: " + sub + " not in text")
	}
	start := utf8.RuneCountInString(text[:i])
	return extract.Provenance{Span: extract.Span{start, start + utf8.RuneCountInString(sub)}, Rule: rule, Confidence: 0.9}
}

// fixtureIDs are the ids of the fixture documents, in order.
var fixtureIDs = []string{"e0000000000000e1", "a000000000002012", "a000000000002024"}

// buildIndex writes the fixture reports into a new index and returns its
// folder.
func buildIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := index.Open(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	var entries []index.Entry
	for i, d := range fixtureDocs {
		doc := corpus.Document{ID: fixtureIDs[i], Source: "fixture/" + fixtureIDs[i] + ".txt", Format: "txt", Encoding: "gb18030", Title: d.title, Text: d.text}
		r := extract.Record{ID: doc.ID, Source: doc.Source, Title: doc.Title, Year: d.year}
		d.build(d.text, &r)
		entries = append(entries, index.Entry{Doc: doc, Record: r, Fingerprint: uint64(i + 1)})
	}
	if err := ix.Apply(index.Batch{Add: entries, Links: []index.Link{{Of: fixtureIDs[1], Source: "fixture/copy.txt", ID: "c0c0c0c0c0c0c0c0"}}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fakeExporter writes a recognisable body instead of real exports; the
// command line's tests check the real ones.
type fakeExporter struct{}

func (fakeExporter) Export(ctx context.Context, ix *index.Index, req index.Request, o ExportOptions, w io.Writer) error {
	if o.Kind == "bad" {
		return BadRequest(fs.ErrInvalid)
	}
	n := 0
	err := ix.Each(ctx, req, func(index.Stored) error { n++; return nil })
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, o.Format+" "+strings.Repeat("d", n))
	return err
}

func (fakeExporter) StatsCSV(w io.Writer, rows []index.StatsRow) error {
	for _, r := range rows {
		io.WriteString(w, r.Group+"\r\n")
	}
	return nil
}

// newTestServer serves the fixture index.
func newTestServer(t *testing.T, cfg Config) (*Server, http.Handler) {
	t.Helper()
	if cfg.Index == "" {
		cfg.Index = buildIndex(t)
	}
	if cfg.Exporter == nil {
		cfg.Exporter = fakeExporter{}
	}
	if cfg.Idle == 0 {
		cfg.Idle = 20 * time.Millisecond
	}
	cfg.Log = log.New(io.Discard, "", 0)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, s.Handler()
}

// get runs one GET request against h.
func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	return w
}
