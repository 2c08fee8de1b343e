package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// checkDocs verifies the invariants every document of a file keeps.
func checkDocs(t *testing.T, decoded string, docs []Document) {
	t.Helper()
	for _, d := range docs {
		if d.ID != docID(d.Text) {
			t.Errorf("%s: ID %s is not the hash of Text", d.Title, d.ID)
		}
		if !strings.HasPrefix(d.Text, d.Title) {
			t.Errorf("Text does not start with the title %q", d.Title)
		}
		checkOrigin(t, decoded, d.Text, d.Origin)
	}
}

func TestReadCompilation(t *testing.T) {
	data, err := os.ReadFile("../testdata/corpus/compilation.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{"utf-8", "gb18030"} {
		t.Run(enc, func(t *testing.T) {
			in := data
			if enc == "gb18030" {
				in = encode(t, simplifiedchinese.GBK, string(data))
			}
			docs, err := Read("archive/compilation.txt", bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.Title)
				if d.Encoding != enc || d.Format != "txt" || d.Source != "archive/compilation.txt" {
					t.Errorf("%s: Encoding, Format, Source = %q, %q, %q", d.Title, d.Encoding, d.Format, d.Source)
				}
			}
			want := []string{"社区禁毒宣传活动总结1", "社区禁毒宣传活动总结2", "社区禁毒宣传活动总结3"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("titles (-want +got):\n%s", diff)
			}
			for i, d := range docs {
				if d.Part != i+1 {
					t.Errorf("%s: Part = %d, want %d", d.Title, d.Part, i+1)
				}
			}
			if want := "社区禁毒宣传活动总结2\n今年的国际禁毒日,我街道联合派出所在文化广场举办了主题宣传活动。\n(一)设立咨询台\n工作人员向过往群众讲解新型毒品的危害,现场发放折页500份。\n(二)走进校园\n民警走进辖区中学,为师生上了一堂生动的禁毒教育课。"; docs[1].Text != want {
				t.Errorf("second summary:\n%s\nwant\n%s", docs[1].Text, want)
			}
			if !strings.Contains(docs[0].Text, "举报电话12315同步公布") || !strings.Contains(docs[2].Text, "二〇二三年") {
				t.Errorf("noise not repaired:\n%s\n%s", docs[0].Text, docs[2].Text)
			}
			decoded := string(data)
			checkDocs(t, decoded, docs)
			// Every line of the file after the preamble, except the
			// copyright notice and blank lines, is in exactly one document.
			lines := strings.Split(decoded, "\n")
			for _, l := range lines[3 : len(lines)-1] {
				n, _ := Normalize(l)
				if n == "" {
					continue
				}
				if c := countLine(docs, n); c != 1 {
					t.Errorf("line %q is in %d documents", n, c)
				}
			}
			for _, l := range append(lines[:3], lines[len(lines)-1]) {
				n, _ := Normalize(l)
				if c := countLine(docs, n); c != 0 {
					t.Errorf("boilerplate line %q is in %d documents", n, c)
				}
			}
		})
	}
}

// countLine counts the documents that hold line as one of their lines.
func countLine(docs []Document, line string) int {
	n := 0
	for _, d := range docs {
		for _, l := range strings.Split(d.Text, "\n") {
			if l == line {
				n++
				break
			}
		}
	}
	return n
}

const seedPath = "../../shared/seeds/000_086669ac4238d0d5.txt"

func TestReadSeed(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("seed not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	var summaries []struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		StartLine int    `json:"start_line"`
		EndLine   int    `json:"end_line"`
	}
	readJSON(t, "../../shared/eval/seed/split.json", &summaries)
	var boiler struct {
		Lines []int `json:"boilerplate_lines"`
	}
	readJSON(t, "../../shared/eval/seed/boilerplate.json", &boiler)

	docs, err := Read(seedPath, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(summaries) {
		t.Fatalf("%d documents, want %d", len(docs), len(summaries))
	}
	lines := strings.Split(string(data), "\n")
	for i, s := range summaries {
		d := docs[i]
		if d.Title != s.Title {
			t.Errorf("%s: title %q, want %q", s.ID, d.Title, s.Title)
		}
		var want []string
		for _, l := range lines[s.StartLine-1 : s.EndLine] {
			n, _ := Normalize(l)
			want = append(want, n)
		}
		if diff := cmp.Diff(strings.Join(want, "\n"), d.Text); diff != "" {
			t.Errorf("%s: text (-want +got):\n%s", s.ID, diff)
		}
	}
	for _, n := range boiler.Lines {
		l, _ := Normalize(lines[n-1])
		if c := countLine(docs, l); c != 0 {
			t.Errorf("boilerplate line %d is in %d documents", n, c)
		}
	}
	checkDocs(t, string(data), docs)
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestReadSingle(t *testing.T) {
	tests := []struct {
		name, file, in string
		title, text    string
		date           string
	}{
		{
			name: "title line", file: "a/report.txt",
			in:    "关于开展禁毒宣传月活动的总结\n\n六月份，我局开展了禁毒宣传月活动。\n",
			title: "关于开展禁毒宣传月活动的总结", text: "关于开展禁毒宣传月活动的总结\n\n六月份,我局开展了禁毒宣传月活动。",
		},
		{
			name: "no title line", file: "a/b/普法总结.TXT",
			in:    "今年以来，我们认真落实普法责任制，取得了明显成效。\n一是加强组织领导。",
			title: "普法总结", text: "今年以来,我们认真落实普法责任制,取得了明显成效。\n一是加强组织领导。",
		},
		{
			name: "salutation is not a title", file: "speech.txt",
			in:    "各位领导、同志们：\n大家好。",
			title: "speech", text: "各位领导、同志们:\n大家好。",
		},
		{
			name: "byline date", file: "news.txt",
			in:    "科普周活动简报\n发布时间：2024年5月20日  来源：区科协\n本周共举办科普讲座6场。",
			title: "科普周活动简报", text: "科普周活动简报\n本周共举办科普讲座6场。", date: "2024-05-20",
		},
		{
			name: "bare byline", file: "news2.txt",
			in:    "禁毒宣传进校园\n时间：2023-06-20  来源：教育局  浏览：36\n时间：2023年6月19日下午，活动在学校礼堂举行。",
			title: "禁毒宣传进校园", text: "禁毒宣传进校园\n时间:2023年6月19日下午,活动在学校礼堂举行。", date: "2023-06-20",
		},
		{
			name: "activity time is not a byline", file: "notice.txt",
			in:    "关于举办读书分享会的通知\n时间：2023年4月23日上午\n地点：图书馆报告厅",
			title: "关于举办读书分享会的通知", text: "关于举办读书分享会的通知\n时间:2023年4月23日上午\n地点:图书馆报告厅",
		},
		{
			name: "txt that is html", file: "saved.txt",
			in:    "<!DOCTYPE html><html><head><title>助残日活动总结_某某网</title></head><body><div class=\"content\"><p>今年助残日，我们走访慰问了辖区残疾人家庭四十户。</p></div></body></html>",
			title: "助残日活动总结", text: "助残日活动总结\n今年助残日,我们走访慰问了辖区残疾人家庭四十户。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read(tt.file, strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.Title != tt.title || d.Text != tt.text || d.Date != tt.date || d.Part != 0 {
				t.Errorf("got title %q, date %q, part %d, text\n%q\nwant title %q, date %q, text\n%q", d.Title, d.Date, d.Part, d.Text, tt.title, tt.date, tt.text)
			}
			sum := sha256.Sum256([]byte(d.Text))
			if d.ID != hex.EncodeToString(sum[:])[:16] {
				t.Errorf("ID = %s", d.ID)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, in string
		err            error
		msg            string
	}{
		{"empty", "a/empty.txt", "", ErrEmpty, "a/empty.txt: 空文件（empty file）"},
		{"blank", "blank.txt", " \r\n\t\n", ErrEmpty, "blank.txt: 空文件（empty file）"},
		{"unsupported", "x.epub", "甲", ErrFormat, "x.epub: 不支持的文件格式（.epub）"},
		{"no extension", "README", "text", ErrFormat, "README: 不支持的文件格式（没有扩展名，no extension）"},
		{"only boilerplate", "x.txt", "仅供参考\n转载请注明出处", ErrNoText, "x.txt: 没有正文（no text）"},
		{"html without text", "x.html", "<html><body><nav>首页</nav></body></html>", ErrNoText, "x.html: 没有正文（no text）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.file, strings.NewReader(tt.in))
			var s Skip
			if !errors.As(err, &s) || !errors.Is(err, tt.err) || err.Error() != tt.msg || s.Source != tt.file {
				t.Errorf("err = %v (%#v), want %q wrapping %v", err, err, tt.msg, tt.err)
			}
		})
	}
	_, err := Read("broken.txt", iotestErrReader{})
	if err == nil || err.Error() != "read broken.txt: disk on fire" || errors.As(err, new(Skip)) {
		t.Errorf("reader failure: %v", err)
	}
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
