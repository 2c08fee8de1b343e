package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// Files are recognised by their first bytes whatever their names say, so
// that a PDF saved as .txt is read as a PDF, a .docx renamed .doc as a
// docx, and a picture or a program is never decoded as text. The formats
// that cannot be read are reported with a reason that says what the file
// is and, where it helps, what to do (请另存为 .docx).

// magic is a binary format recognised by its first bytes.
type magic struct {
	prefix string
	kind   string // the format, for 不是文本文件（kind）
	// reason, when set, replaces 不是文本文件（kind） with advice; err is
	// the sentinel it is built on.
	reason string
	err    error
	// check, when set, confirms a short prefix against more bytes.
	check func(data []byte) bool
}

// oleMagic starts an OLE compound file: Office 97-2003 documents, WPS
// files and encrypted Office 2007+ documents.
const oleMagic = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

var magics = []magic{
	{prefix: "%PDF-", kind: "PDF"},
	{prefix: "PK\x03\x04", kind: "ZIP"},
	{prefix: "PK\x05\x06", kind: "ZIP"},
	{prefix: "PK\x07\x08", kind: "ZIP"},
	{prefix: oleMagic, kind: "OLE，Office 97-2003"},
	{prefix: "\x89PNG\r\n\x1a\n", kind: "PNG 图片"},
	{prefix: "\xff\xd8\xff", kind: "JPEG 图片"},
	{prefix: "GIF87a", kind: "GIF 图片"},
	{prefix: "GIF89a", kind: "GIF 图片"},
	{prefix: "BM", kind: "BMP 图片", check: isBMP},
	{prefix: "II*\x00", kind: "TIFF 图片"},
	{prefix: "MM\x00*", kind: "TIFF 图片"},
	{prefix: "RIFF", kind: "WebP 图片", check: isWebP},
	{prefix: "Rar!\x1a\x07", kind: "RAR", reason: "RAR 压缩包（RAR archive），请解压后再读入", err: ErrFormat},
	{prefix: "7z\xbc\xaf\x27\x1c", kind: "7z", reason: "7z 压缩包（7z archive），请解压后再读入", err: ErrFormat},
	{prefix: "\x1f\x8b", kind: "gzip", reason: "gzip 压缩文件（gzip），请解压后再读入", err: ErrFormat},
	{prefix: "\x7fELF", kind: "可执行程序，ELF executable"},
	{prefix: "MZ", kind: "可执行程序，Windows PE executable", check: isPE},
	{prefix: "{\\rtf", kind: "RTF", reason: "RTF 文档（.rtf），请另存为 .docx", err: ErrFormat},
}

// error returns the reason a file of this format cannot be used.
func (m magic) error() error {
	if m.reason != "" {
		return reasonError{m.reason, m.err}
	}
	return fmt.Errorf("%w（%s）", ErrNotText, m.kind)
}

// reasonError is a reason for the user built on a sentinel error.
type reasonError struct {
	msg string
	err error
}

func (e reasonError) Error() string { return e.msg }
func (e reasonError) Unwrap() error { return e.err }

// findMagic returns the binary format data starts with, or nil.
func findMagic(data []byte) *magic {
	for i, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) && (m.check == nil || m.check(data)) {
			return &magics[i]
		}
	}
	return nil
}

// binaryKind names the binary format data starts with, or "" for text.
func binaryKind(data []byte) string {
	if m := findMagic(data); m != nil {
		return m.kind
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "二进制数据，binary"
	}
	return ""
}

// isBMP checks a BMP file header: its reserved bytes are zero.
func isBMP(data []byte) bool {
	return len(data) >= 26 && bytes.Equal(data[6:10], []byte{0, 0, 0, 0})
}

// isWebP checks the RIFF form type.
func isWebP(data []byte) bool {
	return len(data) >= 12 && string(data[8:12]) == "WEBP"
}

// isPE checks a DOS header: the PE signature it points to, or NUL bytes
// in the header, which text does not have.
func isPE(data []byte) bool {
	if len(data) < 64 {
		return false
	}
	off := int(data[0x3c]) | int(data[0x3d])<<8 | int(data[0x3e])<<16 | int(data[0x3f])<<24
	if off > 0 && off+4 <= len(data) && string(data[off:off+4]) == "PE\x00\x00" {
		return true
	}
	return bytes.IndexByte(data[:64], 0) >= 0
}

// isPDF reports whether data is a PDF: the header may follow up to 1 KiB
// of other bytes.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// sniff recognises a file by its first bytes: it returns the format to
// read it as ("pdf", "docx"), or the reason a binary format cannot be
// used, or "" and nil for anything else (text, or unknown bytes left to
// the extension and the decoder).
func sniff(name string, data []byte) (string, error) {
	switch {
	case isPDF(data):
		return "pdf", nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipFormat(data)
	case bytes.HasPrefix(data, []byte(oleMagic)):
		return "", oleReason(name, data)
	}
	if m := findMagic(data); m != nil {
		return "", m.error()
	}
	return "", nil
}

// zipFormat tells the formats kept in a ZIP container apart by their
// members: Word (docx), Excel, PowerPoint, OpenDocument, OFD, or a plain
// archive.
func zipFormat(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", brokenError("zip", err)
	}
	has := func(prefix string) bool {
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, prefix) {
				return true
			}
		}
		return false
	}
	switch {
	case has("word/"):
		return "docx", nil
	case has("xl/"):
		return "", reasonError{"Excel 表格（.xlsx），请把正文另存为 .docx", ErrFormat}
	case has("ppt/"):
		return "", reasonError{"PowerPoint 演示文稿（.pptx），请把正文另存为 .docx", ErrFormat}
	case has("OFD.xml"):
		return "", reasonError{"OFD 版式文档（.ofd），请另存为 .docx 或 PDF", ErrFormat}
	case has("mimetype") && has("content.xml"):
		return "", reasonError{"OpenDocument 文档（.odt），请另存为 .docx", ErrFormat}
	}
	return "", reasonError{"压缩包（ZIP archive），请解压后再读入，或读入 .zip 文件本身", ErrFormat}
}

// brokenError reports a file of the named format that cannot be parsed.
func brokenError(format string, err error) error {
	return fmt.Errorf("%w（broken %s：%v）", ErrBroken, format, err)
}

// oleFormats names the formats kept in OLE compound files, by the stream
// that marks them and the extension they use; for one stream the Microsoft
// format comes before the WPS one.
var oleFormats = []struct{ stream, ext, reason string }{
	{"WordDocument", ".doc", "Word 97-2003 文档（.doc），请另存为 .docx"},
	{"WordDocument", ".wps", "WPS 文字文档（.wps），请另存为 .docx"},
	{"Workbook", ".xls", "Excel 97-2003 表格（.xls），请把正文另存为 .docx"},
	{"Workbook", ".et", "WPS 表格（.et），请把正文另存为 .docx"},
	{"Book", ".xls", "Excel 97-2003 表格（.xls），请把正文另存为 .docx"},
	{"PowerPoint Document", ".ppt", "PowerPoint 97-2003 演示文稿（.ppt），请把正文另存为 .docx"},
	{"PowerPoint Document", ".dps", "WPS 演示（.dps），请把正文另存为 .docx"},
}

// oleReason says what an OLE compound file is: by the streams it holds
// (the directory's names are UTF-16LE strings, and finding one in the
// bytes is enough to tell the formats apart), the extension choosing
// between Microsoft's and WPS's format, else by the extension alone. An
// Office 2007+ document saved with a password is a compound file holding
// an "EncryptedPackage" stream.
func oleReason(name string, data []byte) error {
	if bytes.Contains(data, utf16le("EncryptedPackage")) {
		return ErrEncrypted
	}
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	has := func(stream string) bool { return bytes.Contains(data, utf16le(stream)) }
	for _, match := range []func(stream, ext string) bool{
		func(s, e string) bool { return has(s) && e == ext },
		func(s, _ string) bool { return has(s) },
		func(_, e string) bool { return e == ext },
	} {
		for _, f := range oleFormats {
			if match(f.stream, f.ext) {
				return reasonError{f.reason, ErrFormat}
			}
		}
	}
	return reasonError{"Office 97-2003 文件（OLE compound file），请另存为 .docx", ErrFormat}
}

// utf16le encodes an ASCII string as UTF-16LE.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
