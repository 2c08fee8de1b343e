package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// oleFile builds the start of an OLE compound file whose directory names
// the given streams: enough for recognition, not a readable file.
func oleFile(streams ...string) []byte {
	b := make([]byte, 512, 1024)
	copy(b, oleMagic)
	for _, s := range append([]string{"Root Entry"}, streams...) {
		entry := make([]byte, 128)
		copy(entry, utf16le(s))
		b = append(b, entry...)
	}
	return b
}

// zipOf builds a ZIP archive holding the named members.
func zipOf(t testing.TB, members ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.Create(m)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadMagic(t *testing.T) {
	pe := make([]byte, 256)
	copy(pe, "MZ")
	pe[0x3c] = 0x80
	copy(pe[0x80:], "PE\x00\x00")
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"report.doc", oleFile("WordDocument", "1Table"), ErrFormat, "Word 97-2003 文档（.doc），请另存为 .docx"},
		{"report.txt", oleFile("WordDocument", "1Table"), ErrFormat, "Word 97-2003 文档（.doc），请另存为 .docx"},
		{"report.wps", oleFile("WordDocument"), ErrFormat, "WPS 文字文档（.wps），请另存为 .docx"},
		{"table.dat", oleFile("Workbook"), ErrFormat, "Excel 97-2003 表格（.xls），请把正文另存为 .docx"},
		{"table.et", oleFile("Workbook"), ErrFormat, "WPS 表格（.et），请把正文另存为 .docx"},
		{"slides.ppt", oleFile("PowerPoint Document"), ErrFormat, "PowerPoint 97-2003 演示文稿（.ppt），请把正文另存为 .docx"},
		{"slides.ppt", oleFile(), ErrFormat, "PowerPoint 97-2003 演示文稿（.ppt），请把正文另存为 .docx"},
		{"thing.bin", oleFile(), ErrFormat, "Office 97-2003 文件（OLE compound file），请另存为 .docx"},
		{"secret.docx", oleFile("EncryptionInfo", "EncryptedPackage"), ErrEncrypted, "加密文件（encrypted）"},
		{"photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotText, "不是文本文件（PNG 图片）"},
		{"photo.html", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrNotText, "不是文本文件（JPEG 图片）"},
		{"anim.txt", []byte("GIF87a\x01\x00\x01\x00"), ErrNotText, "不是文本文件（GIF 图片）"},
		{"scan.txt", append([]byte("BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00"), make([]byte, 20)...), ErrNotText, "不是文本文件（BMP 图片）"},
		{"scan.doc", []byte("II*\x00\x08\x00\x00\x00"), ErrNotText, "不是文本文件（TIFF 图片）"},
		{"scan2.txt", []byte("MM\x00*\x00\x00\x00\x08"), ErrNotText, "不是文本文件（TIFF 图片）"},
		{"pic.txt", []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), ErrNotText, "不是文本文件（WebP 图片）"},
		{"pack.txt", []byte("Rar!\x1a\x07\x01\x00"), ErrFormat, "RAR 压缩包（RAR archive），请解压后再读入"},
		{"pack.zip.txt", []byte("7z\xbc\xaf\x27\x1c\x00\x04"), ErrFormat, "7z 压缩包（7z archive），请解压后再读入"},
		{"a.txt", []byte("\x1f\x8b\x08\x00"), ErrFormat, "gzip 压缩文件（gzip），请解压后再读入"},
		{"tool.txt", []byte("\x7fELF\x02\x01\x01\x00"), ErrNotText, "不是文本文件（可执行程序，ELF executable）"},
		{"setup.doc", pe, ErrNotText, "不是文本文件（可执行程序，Windows PE executable）"},
		{"old.doc", []byte("{\\rtf1\\ansi 宣传"), ErrFormat, "RTF 文档（.rtf），请另存为 .docx"},
		{"sheet.docx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), ErrFormat, "Excel 表格（.xlsx），请把正文另存为 .docx"},
		{"deck.docx", zipOf(t, "ppt/presentation.xml"), ErrFormat, "PowerPoint 演示文稿（.pptx），请把正文另存为 .docx"},
		{"doc.odt", zipOf(t, "mimetype", "content.xml"), ErrFormat, "OpenDocument 文档（.odt），请另存为 .docx"},
		{"doc.ofd", zipOf(t, "OFD.xml", "Doc_0/Document.xml"), ErrFormat, "OFD 版式文档（.ofd），请另存为 .docx 或 PDF"},
		{"pack.txt", zipOf(t, "a.txt"), ErrFormat, "压缩包（ZIP archive），请解压后再读入，或读入 .zip 文件本身"},
		{"cut.docx", []byte("PK\x03\x04\x14\x00"), ErrBroken, "文件已损坏（broken zip：zip: not a valid zip file）"},
		{"fake.docx", []byte("活动总结"), ErrBroken, "文件已损坏（broken docx：文件头不对，not a docx file）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.name, bytes.NewReader(tt.data))
			var s Skip
			if !errors.As(err, &s) || !errors.Is(err, tt.err) || s.Err != tt.err || s.Reason != tt.msg {
				t.Errorf("err = %v (%#v), want %q wrapping %v", err, err, tt.msg, tt.err)
			}
		})
	}
}

func TestReadLooksBinaryButIsText(t *testing.T) {
	// Short magic numbers need more than their first bytes: these are text.
	for name, in := range map[string]string{
		"bmi.txt":  "BMI指数是衡量体重是否健康的常用指标，社区卫生服务中心现场为居民测量。",
		"mz.txt":   "MZ社区志愿服务队开展了敬老爱老活动，为老人义务理发。",
		"page.doc": "<!DOCTYPE html><html><head><title>关于开展敬老活动的总结</title></head><body><p>社区志愿者为老人义务理发三十人次。</p></body></html>",
	} {
		docs, err := Read(name, strings.NewReader(in))
		if err != nil || len(docs) != 1 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
