package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// checkOffsets verifies the invariants of an origin map against a source
// of srcLen bytes: one offset per rune, in range, never decreasing.
func checkOffsets(t *testing.T, srcLen int, text string, origin []int) {
	t.Helper()
	if n := utf8.RuneCountInString(text); len(origin) != n {
		t.Fatalf("len(origin) = %d, want %d", len(origin), n)
	}
	for i, off := range origin {
		if off < 0 || off >= srcLen {
			t.Fatalf("origin[%d] = %d out of range [0,%d)", i, off, srcLen)
		}
		if i > 0 && off < origin[i-1] {
			t.Fatalf("origin[%d] = %d < origin[%d] = %d", i, off, i-1, origin[i-1])
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "（一）１２３ｌ５", "的`商'品’的.质\r\n\r\n  二○一○年\u200b", "cafe\u0301 ⼀ ﹐ \xff", "'好'‘好’\n\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, origin := Normalize(s)
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 in %q", text)
		}
		checkOffsets(t, len(s), text, origin)
		if strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") || strings.Contains(text, "\n\n\n") {
			t.Fatalf("untidy lines: %q", text)
		}
	})
}

func FuzzSplit(f *testing.F) {
	f.Add("页标题\n以下是小编整理的\n总结1\n甲。\n总结2\n乙。\n版权声明:略")
	f.Add("篇一\n\n甲\n篇二:乙\n【篇三】丙\n范文4")
	f.Add("(一)活动总结\n一、认真组织\n(二)活动总结\n")
	f.Fuzz(func(t *testing.T, s string) {
		text, origin := Normalize(s)
		lines := splitLines(text, origin)
		parts := split(lines, DefaultBoilerplate())
		if len(parts) == 0 {
			t.Fatal("no parts")
		}
		for _, p := range parts {
			body, _, orig := p.text()
			checkOffsets(t, len(s), body, orig)
			if p.title != "" && !strings.HasPrefix(body, p.title) {
				t.Fatalf("part %q does not start with its title", body)
			}
		}
		// Every non-blank line lands in at most one part (and in exactly
		// one unless it is boilerplate or before the first heading).
		seen := 0
		for _, p := range parts {
			seen += len(p.lines)
		}
		if seen > len(lines) {
			t.Fatalf("%d lines in parts, %d in the text", seen, len(lines))
		}
	})
}

func FuzzRead(f *testing.F) {
	if data, err := os.ReadFile("../testdata/corpus/compilation.txt"); err == nil {
		f.Add(data)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(simplifiedSample))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(traditionalSample))
	f.Add(gbk)
	f.Add(big5)
	f.Add([]byte("\xff\xfe\x2d\x4e\x87\x65"))
	f.Add([]byte("%PDF-1.4"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Read("f.txt", bytes.NewReader(data))
		if err != nil {
			return
		}
		checkRead(t, data, docs)
	})
}

// FuzzReadHTML reads HTML pages. Its seeds are small on purpose: the
// fuzzer minimizes every input that finds new coverage, trying each pair
// of cut points, which for a page of a few kilobytes (the sample pages of
// testdata/corpus, read by TestReadHTMLPages) takes longer than a fuzzing
// session while nothing else is fuzzed.
func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(`<title>甲_乙</title><div class="content"><p>正文一。<br>正文二</p><table><tr><td>格</td></tr></table></div>`))
	f.Add([]byte(`<meta charset="gbk"><title>站名 - 栏目</title><h2>标题</h2><p class="date">发布日期：2023年3月20日</p><script>x()</script><p>正文</p>`))
	f.Add([]byte(`<html><head><meta name="PubDate" content="2024-06-27"></head><body><h1>禁毒</h1><div id="path">首页 &gt; 新闻</div><article><p>内容&amp;</p></article></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Read("f.html", bytes.NewReader(data))
		if err != nil {
			return
		}
		checkRead(t, data, docs)
	})
}

// checkRead verifies the invariants of Read's documents whatever the input.
func checkRead(t *testing.T, data []byte, docs []Document) {
	t.Helper()
	if len(docs) == 0 {
		t.Fatal("no documents and no error")
	}
	for _, d := range docs {
		if d.Text == "" || d.ID != docID(d.Text) || !utf8.ValidString(d.Text) {
			t.Fatalf("bad document %+v", d)
		}
		if len(d.Origin) != utf8.RuneCountInString(d.Text) {
			t.Fatalf("len(Origin) = %d, runes = %d", len(d.Origin), utf8.RuneCountInString(d.Text))
		}
		for i := 1; i < len(d.Origin); i++ {
			if d.Origin[i] < d.Origin[i-1] || d.Origin[i-1] < 0 {
				t.Fatalf("Origin not non-decreasing at %d", i)
			}
		}
	}
	declared := ""
	if docs[0].Format == "html" {
		declared = metaCharset(data)
	}
	dec, err := decodeText(data, declared)
	if err != nil {
		t.Fatalf("Read succeeded but decodeText fails: %v", err)
	}
	for _, d := range docs {
		checkOffsets(t, len(dec.text), d.Text, d.Origin)
	}
}

// checkDocuments verifies the invariants of any document: its ID, valid
// UTF-8, and an origin of one offset per rune, non-decreasing, in [0, n).
func checkDocuments(t *testing.T, n int, docs []Document) {
	t.Helper()
	if len(docs) == 0 {
		t.Fatal("no documents and no error")
	}
	for _, d := range docs {
		if d.Text == "" || d.ID != docID(d.Text) || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
			t.Fatalf("bad document %+v", d)
		}
		checkOffsets(t, n, d.Text, d.Origin)
	}
}

// FuzzReadDocx reads Word files whose document.xml is the fuzzer's input:
// the XML is the untrusted text (the zip container is FuzzWalkZip's), and
// a small XML keeps the minimization of new inputs short (see FuzzReadHTML;
// testdata/fanzha.docx is read by TestReadDocxWrittenByLibreOffice).
func FuzzReadDocx(f *testing.F) {
	f.Add(para("社区开展读书分享会") + `<w:tbl><w:tr>` + tc(para("场次")) + tc(para("6")) + `</w:tr></w:tbl>`)
	f.Add(`<w:p><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t><w:tab/><w:br/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		data := buildDocx(t, body, "读书分享会")
		docs, err := Read("f.docx", bytes.NewReader(data))
		if err != nil {
			if !errors.As(err, new(Skip)) {
				t.Fatalf("error that is not a Skip: %v", err)
			}
			return
		}
		if docs[0].Format != "docx" {
			return // the mutation made it another format
		}
		p, err := readDocx(data)
		if err != nil {
			t.Fatalf("Read succeeded but readDocx fails: %v", err)
		}
		checkDocuments(t, len(p.text), docs)
	})
}

func FuzzWalkZip(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("总结.txt")
	inner := buildZip(f, zipEntry{name: "b.txt", body: "乙"}, zipEntry{name: "c.zip", body: string(buildZip(f, zipEntry{name: "d.txt", body: "丁"}))})
	f.Add(buildZip(f, zipEntry{name: "a.txt", body: "社区开展防诈宣传"}, zipEntry{name: gbk, body: "甲", nonUTF8: true},
		zipEntry{name: "__MACOSX/._a.txt", body: "x"}, zipEntry{name: "inner.zip", body: string(inner)}))
	f.Add(buildRawZip(f, rawMember{name: "z.txt", data: zerosDeflate(f, 2), size: 2 << 20, method: zip.Deflate}))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := &walker{fn: func(file File, err error) error {
			if !strings.HasPrefix(file.Source, "f.zip") || !utf8.ValidString(file.Source) {
				t.Fatalf("source %q", file.Source)
			}
			if err != nil {
				if !errors.As(err, new(Skip)) {
					t.Fatalf("error that is not a Skip: %v", err)
				}
				return nil
			}
			if file.Size > maxMemberSize {
				t.Fatalf("%s: %d bytes accepted", file.Source, file.Size)
			}
			r, err := file.Open()
			if err != nil {
				return nil
			}
			defer r.Close()
			n, _ := io.Copy(io.Discard, r)
			if n > file.Size {
				t.Fatalf("%s: read %d bytes, declared %d", file.Source, n, file.Size)
			}
			return nil
		}}
		if err := w.walkArchive("f.zip", memoryBytes(data), int64(len(data)), 1, &budget{left: maxArchiveTotal}); err != nil {
			t.Fatalf("walkArchive: %v", err)
		}
	})
}

func FuzzReadMHTML(f *testing.F) {
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<title>=C4=EA</title><p>=C4=EA=B6=C8</p>\r\n--b--\r\n"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+5rS75YqoPC9wPg=="))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Read("f.mht", bytes.NewReader(data))
		if err != nil || docs[0].Format != "mhtml" {
			return
		}
		part, charset, err := mhtmlPage(data)
		if err != nil {
			t.Fatalf("Read succeeded but mhtmlPage fails: %v", err)
		}
		if charset == "" {
			charset = metaCharset(part)
		}
		dec, err := decodeText(part, charset)
		if err != nil {
			t.Fatalf("Read succeeded but decodeText fails: %v", err)
		}
		checkDocuments(t, len(dec.text), docs)
	})
}

func FuzzNormalizePDF(f *testing.F) {
	f.Add("  今年三月，我镇组织开展了宣传活动，在镇政府广场设立\n咨询台两处。\n\n - 1 -\n\f二、做法\n项目    场次 人数\n某 区 2023 年\n")
	f.Add("a\f\f\n \n-2-\fb,\nc")
	f.Fuzz(func(t *testing.T, s string) {
		text, origin := normalize(s, true)
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 in %q", text)
		}
		checkOffsets(t, len(s), text, origin)
	})
}
