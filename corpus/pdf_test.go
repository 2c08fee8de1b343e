package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// minimalPDF writes a one-page PDF by hand: the text in Helvetica, one
// line per element of lines.
func minimalPDF(lines ...string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 18 Tf 72 760 Td 22 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
	}
	content.WriteString("ET")
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len()+1, content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// needPdftotext skips a test when pdftotext is not installed.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
}

func TestReadPDF(t *testing.T) {
	needPdftotext(t)
	// testdata/anquan.pdf: two pages written by LibreOffice, with page
	// numbers in the footer and a sentence broken by the page break.
	data, err := os.ReadFile("testdata/anquan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Read("anquan.pdf", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if len(docs) != 1 || d.Format != "pdf" || d.Encoding != "utf-8" || d.EncodingConfidence != 1 || d.Title != "某区2023年“安全生产月”活动总结" {
		t.Fatalf("%d documents; format %q, encoding %q %.1f, title %q", len(docs), d.Format, d.Encoding, d.EncodingConfidence, d.Title)
	}
	lines := strings.Split(d.Text, "\n")
	want := []string{
		"某区2023年“安全生产月”活动总结",
		"根据上级统一部署,今年六月我区以“人人讲安全、个个会应急”为主题,在全区范围内组织开展了第二十二个“安全生产月”活动,现将有关情况总结如下。",
		"一、加强组织领导",
	}
	if diff := cmp.Diff(want, lines[:3]); diff != "" {
		t.Errorf("first lines (-want +got):\n%s", diff)
	}
	across := "对辖区内的餐饮场所、建筑工地、危化品经营单位和老旧小区开展拉网式排查,共检查生产经营单位四百六十家,发现一般隐患一千零八十处,已整改一千零二十处,整改率达到百分之九十四以上,对拒不整改的十二家单位依法立案查处。"
	if n := strings.Count(d.Text, across); n != 3 {
		t.Errorf("the sentence across the page break is whole %d times, want 3:\n%s", n, d.Text)
	}
	if strings.Contains(d.Text, "-1-") || strings.Contains(d.Text, "-2-") {
		t.Errorf("page numbers left in the text")
	}
}

func TestReadPDFNeedsOCR(t *testing.T) {
	needPdftotext(t)
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"latin only", minimalPDF("Annual report of the community", "Activities: 12, visitors: 300"), ErrNeedsOCR, "需要 OCR（scanned or garbled PDF）（1 页，汉字 0 个）"},
		{"no text", minimalPDF(), ErrNeedsOCR, "需要 OCR（scanned or garbled PDF）（1 页，汉字 0 个）"},
		{"broken", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), ErrBroken, ""},
	}
	if data, err := os.ReadFile("testdata/encrypted.pdf"); err == nil {
		tests = append(tests, struct {
			name string
			data []byte
			err  error
			msg  string
		}{"encrypted", data, ErrEncrypted, "加密文件（encrypted）"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("scan.pdf", bytes.NewReader(tt.data))
			var s Skip
			if !errors.As(err, &s) || !errors.Is(err, tt.err) || (tt.msg != "" && s.Reason != tt.msg) {
				t.Errorf("err = %v, want %q wrapping %v", err, tt.msg, tt.err)
			}
		})
	}
}

func TestReadPDFWithoutPdftotext(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, name := range []string{"report.pdf", "report.txt"} {
		_, err := Read(name, bytes.NewReader(minimalPDF("x")))
		var s Skip
		if !errors.As(err, &s) || !errors.Is(err, ErrNeedsPdftotext) || s.Reason != "PDF 需要 pdftotext（poppler-utils）" {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestCheckPDFText(t *testing.T) {
	report := strings.Repeat("今年以来，我县组织开展了防灾减灾宣传活动，发放宣传资料五千份。\n", 3)
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"report", report, true},
		{"report on two pages", report + "\f" + report + "\f", true},
		{"one line on ten pages", "封面\f" + strings.Repeat("\f", 9), false},
		{"private use", strings.Repeat("\ue000\ue001\ue002今年", 30), false},
		{"control characters", strings.Repeat("\x01\x02\x03\x04今年", 30), false},
		{"replacement characters", strings.Repeat("\ufffd\ufffd今年以来", 30), false},
		{"rare characters", strings.Repeat("龘靐齉爩鱻麤灪龖厵纞", 10), false},
	}
	for _, tt := range tests {
		err := checkPDFText(tt.text)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrNeedsOCR)) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestNormalizePDF(t *testing.T) {
	full := "  今年三月，我镇组织开展了消费者权益保护宣传活动，在镇政府广场设立"
	tests := []struct {
		name, in string
		want     []string
	}{
		{
			name: "wrapped lines joined, headings and new paragraphs kept",
			in: full + "\n咨询台两处，现场发放宣传资料一千二百份，接受群众咨询三百余人次，\n受理投诉八件。\n" +
				"一、主要做法\n  各村（社区）结合实际，通过入户走访、张贴海报等形式广泛宣传，取得\n良好效果。\n",
			want: []string{
				"今年三月,我镇组织开展了消费者权益保护宣传活动,在镇政府广场设立咨询台两处,现场发放宣传资料一千二百份,接受群众咨询三百余人次,受理投诉八件。",
				"一、主要做法",
				"各村(社区)结合实际,通过入户走访、张贴海报等形式广泛宣传,取得良好效果。",
			},
		},
		{
			name: "a comma joins a short line, a period ends it",
			in:   "尊敬的各位来宾，\n大家好。\n活动圆满结束。\n谢谢。",
			want: []string{"尊敬的各位来宾,大家好。", "活动圆满结束。", "谢谢。"},
		},
		{
			name: "page numbers dropped, sentence joined across the page break",
			in:   full + "\n\n\n              - 1 -\n\f咨询台两处。\n\n  第 2 页 共 2 页\n\f",
			want: []string{"今年三月,我镇组织开展了消费者权益保护宣传活动,在镇政府广场设立咨询台两处。"},
		},
		{
			name: "a blank line ends a paragraph",
			in:   full + "\n\n咨询台两处。",
			want: []string{"今年三月,我镇组织开展了消费者权益保护宣传活动,在镇政府广场设立", "", "咨询台两处。"},
		},
		{
			name: "a lone number inside a page stays",
			in:   "全年共受理投诉：\n128\n件。",
			want: []string{"全年共受理投诉:", "128", "件。"},
		},
		{
			name: "spaces between Han characters and before digits",
			in:   "某 区 2023 年 “安全生产月” 活动 总结。\n指导下载国家反诈中心 APP 的群众。\nEnglish words stay apart",
			want: []string{"某区2023年 “安全生产月” 活动总结。", "指导下载国家反诈中心APP的群众。", "English words stay apart"},
		},
		{
			name: "columns become tabs and keep their spaces",
			in:   "项目      场次 参与人数\n社区讲座 8      640",
			want: []string{"项目\t场次 参与人数", "社区讲座 8\t640"},
		},
		{
			name: "full lines measured in columns, letter-spaced digits at half a Han character",
			in:   "根据通知要求我局于六月在全县组织开展了以“人人讲安全”为主题的活\n动，设置展板 2 6 块，发放宣传资料 1 2 0 0 0 余份，罚款 1 8 .\n6 万元。",
			want: []string{"根据通知要求我局于六月在全县组织开展了以“人人讲安全”为主题的活动,设置展板2 6块,发放宣传资料1 2 0 0 0余份,罚款1 8 . 6万元。"},
		},
		{
			name: "latin words joined with a space",
			in:   "The community centre held twelve workshops on fraud prevention for\nolder residents.",
			want: []string{"The community centre held twelve workshops on fraud prevention for older residents."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, origin := normalize(tt.in, true)
			checkOffsets(t, len(tt.in), text, origin)
			if diff := cmp.Diff(tt.want, strings.Split(text, "\n")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if text, _ := Normalize("某 区 活动\n总结"); text != "某 区 活动\n总结" {
		t.Errorf("Normalize reflowed text that is not from a PDF: %q", text)
	}
}

// TestPDFCopy checks which plain texts are read as copied out of a PDF: a
// page number between dashes on a line of its own.
func TestPDFCopy(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"活动总结\n正文第一行\n\n- 3 -\n\n正文", true},
		{"活动总结\n— 12 —\n", true},
		{"活动总结\n3\n正文", false},
		{"活动总结\n正文\n第 1 页 共 3 页\n", true},
		{"活动总结\n第1页\n", false},
		{"共发放-3-号文件", false},
		{"一、开展宣传\n二、排查隐患", false},
	}
	for _, tt := range tests {
		if got := pdfCopy(tt.in); got != tt.want {
			t.Errorf("pdfCopy(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
