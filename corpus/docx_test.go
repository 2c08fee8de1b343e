package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`

// docxParts builds the parts of a docx around a body: the content types,
// the package relationships pointing at main, the main part and, when
// title is not "", docProps/core.xml.
func docxParts(main, body, title string) []zipEntry {
	parts := []zipEntry{
		{name: "[Content_Types].xml", body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{name: "_rels/.rels", body: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + main + `"/></Relationships>`},
		{name: main, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docxNS + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	if title != "" {
		parts = append(parts, zipEntry{name: "docProps/core.xml", body: `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title><dc:creator>办公室</dc:creator></cp:coreProperties>`})
	}
	return parts
}

// buildDocx builds a docx whose main part is word/document.xml.
func buildDocx(t testing.TB, body, title string) []byte {
	t.Helper()
	return buildZip(t, docxParts("word/document.xml", body, title)...)
}

// para is a paragraph of one run of text.
func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// tc is a table cell of paragraphs.
func tc(paras ...string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + strings.Join(paras, "") + `</w:tc>`
}

func TestReadDocx(t *testing.T) {
	tests := []struct {
		name, body, title string
		wantTitle         string
		want              []string // lines of Text
	}{
		{
			name: "paragraphs, table, revisions, fields",
			body: para("关于开展“安全生产月”活动的总结") +
				`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>` +
				`<w:r><w:t>六月份，我镇组织开展了安全生产宣传咨询日活动，</w:t></w:r>` +
				`<w:del w:id="1" w:author="张"><w:r><w:delText>现场发放资料五百份，</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="张"><w:r><w:t>现场发放资料一千二百份，</w:t></w:r></w:ins>` +
				`<w:r><w:t>接受群众咨询三百余人次。</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>详见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页。</w:t></w:r></w:p>` +
				`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
				`<w:tr>` + tc(para("项目")) + tc(para("数量")) + `</w:tr>` +
				`<w:tr>` + tc(para("应急演练"), para("（含消防）")) + tc(para("12场")) + `</w:tr>` +
				`<w:tr><w:trPr><w:cantSplit/></w:trPr>` + tc(`<w:p><w:r><w:t>隐患</w:t><w:br/><w:t>排查</w:t></w:r></w:p>`) + tc(para("86处")) + `</w:tr>` +
				`</w:tbl>` +
				`<w:p><w:r><w:t>镇安全生产委员会办公室</w:t><w:tab/><w:t>2024年6月28日</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`,
			title:     "关于开展安全生产月活动的总结",
			wantTitle: "关于开展安全生产月活动的总结",
			want: []string{
				"关于开展“安全生产月”活动的总结",
				"六月份,我镇组织开展了安全生产宣传咨询日活动,现场发放资料一千二百份,接受群众咨询三百余人次。",
				"详见第3页。",
				"项目\t数量",
				"应急演练 (含消防)\t12场",
				"隐患 排查\t86处",
				"镇安全生产委员会办公室\t2024年6月28日",
				"第一行",
				"第二行",
			},
		},
		{
			name: "title from the first line, nested fields, hyperlink, content control",
			body: para("社区垃圾分类宣传活动简报") +
				`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD 人数</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>隐藏</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:instrText> &gt; 0 "有" "无"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>本次活动共有</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>两百名居民</w:t></w:r></w:hyperlink>` +
				`<w:sdt><w:sdtPr><w:alias w:val="数量"/><w:tag w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>参加。</w:t></w:r></w:sdtContent></w:sdt></w:p>` +
				`<w:p><w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年5月8日</w:t></w:r></w:fldSimple></w:p>`,
			wantTitle: "社区垃圾分类宣传活动简报",
			want: []string{
				"社区垃圾分类宣传活动简报",
				"本次活动共有两百名居民参加。",
				"2024年5月8日",
			},
		},
		{
			name: "text box once, nested table, moved text",
			body: `<w:p><w:r><w:t>活动情况如下：</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
				para("图为志愿者在现场讲解") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>` +
				para("图为志愿者在现场讲解") + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
				`<w:tbl><w:tr>` + tc(para("外")) + tc(`<w:tbl><w:tr>`+tc(para("内一"))+tc(para("内二"))+`</w:tr></w:tbl>`, para("尾")) + `</w:tr></w:tbl>` +
				`<w:p><w:moveFrom w:id="3"><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom><w:r><w:t>留下的句子。</w:t></w:r><w:moveTo w:id="4"><w:r><w:t>移来的句子。</w:t></w:r></w:moveTo></w:p>`,
			wantTitle: "通知",
			want: []string{
				"活动情况如下:",
				"图为志愿者在现场讲解",
				"外\t内一 内二 尾",
				"留下的句子。移来的句子。",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read("通知.docx", bytes.NewReader(buildDocx(t, tt.body, tt.title)))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Format != "docx" || d.Encoding != "utf-8" || d.EncodingConfidence != 1 || d.Title != tt.wantTitle {
				t.Errorf("format %q, encoding %q %.1f, title %q", d.Format, d.Encoding, d.EncodingConfidence, d.Title)
			}
			if diff := cmp.Diff(tt.want, strings.Split(d.Text, "\n")); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadDocxMainPart(t *testing.T) {
	// The relationships name the main part; a renamed docx is recognised
	// by its content.
	data := buildZip(t, docxParts("word/document2.xml", para("读书月活动总结")+para("共举办读书分享会六场。"), "")...)
	docs, err := Read("reports/读书月.doc", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Text != "读书月活动总结\n共举办读书分享会六场。" || docs[0].Format != "docx" {
		t.Errorf("got %q, %s", docs[0].Text, docs[0].Format)
	}
}

func TestReadDocxErrors(t *testing.T) {
	bomb := buildRawZip(t, append(rawParts(t, docxParts("word/document.xml", para("x"), "")[:2]),
		rawMember{name: "word/document.xml", data: zerosDeflate(t, 10), size: 10 << 20, crc: zerosCRC(10), method: zip.Deflate})...)
	huge := buildRawZip(t, append(rawParts(t, docxParts("word/document.xml", para("x"), "")[:2]),
		rawMember{name: "word/document.xml", data: zerosDeflate(t, 100), size: 100 << 20, crc: zerosCRC(100), method: zip.Deflate})...)
	secret := buildRawZip(t, append(rawParts(t, docxParts("word/document.xml", para("x"), "")[:2]),
		rawMember{name: "word/document.xml", data: []byte("x"), size: 1, method: zip.Deflate, flags: 1})...)
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"no main part", buildZip(t, zipEntry{name: "word/styles.xml", body: "<x/>"}), ErrBroken, "文件已损坏（broken docx：没有 word/document.xml，no main document part）"},
		{"empty body", buildDocx(t, `<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>`, ""), ErrNoText, "没有正文（no text）"},
		{"bad xml", buildZip(t, docxParts("word/document.xml", "<w:p><w:r><w:t>未闭合</w:r></w:p>", "")...), ErrBroken, "文件已损坏（broken docx：word/document.xml: XML syntax error on line 1: element <t> closed by </r>）"},
		{"ratio bomb", bomb, ErrZipBomb, "疑似压缩炸弹（压缩比 808:1，上限 200:1；zip bomb）"},
		{"too large", huge, ErrTooLarge, "文件过大（解压后 100 MiB，上限 64 MiB；too large）"},
		{"encrypted part", secret, ErrEncrypted, "加密文件（encrypted）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("a.docx", bytes.NewReader(tt.data))
			var s Skip
			if !errors.As(err, &s) || !errors.Is(err, tt.err) || s.Reason != tt.msg {
				t.Errorf("err = %v, want %q wrapping %v", err, tt.msg, tt.err)
			}
		})
	}
}

// rawParts stores entries uncompressed as raw members.
func rawParts(t testing.TB, entries []zipEntry) []rawMember {
	var ms []rawMember
	for _, e := range entries {
		ms = append(ms, rawMember{name: e.name, data: []byte(e.body), size: uint64(len(e.body)), crc: crc32IEEE(e.body), method: zip.Store})
	}
	return ms
}

func TestReadDocxWrittenByLibreOffice(t *testing.T) {
	// testdata/fanzha.docx was written by LibreOffice Writer 7.4 from a
	// web page (see testdata/README.md).
	data, err := os.ReadFile("testdata/fanzha.docx")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Read("fanzha.docx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	lines := strings.Split(d.Text, "\n")
	if d.Title != "某街道2024年“全民反诈”宣传活动总结" || len(lines) != 11 || lines[5] != "社区讲座\t8\t640" || lines[10] != "2024年5月20日" {
		t.Errorf("title %q, text\n%s", d.Title, d.Text)
	}
}
