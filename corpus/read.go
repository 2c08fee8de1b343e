package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Reasons a file cannot be used. Read returns them inside a Skip, whose
// Reason adds the detail in brackets (不是文本文件（PDF）).
var (
	ErrEmpty    = errors.New("空文件（empty file）")
	ErrNotText  = errors.New("不是文本文件")
	ErrEncoding = errors.New("无法识别的编码（unknown encoding）")
	ErrFormat   = errors.New("不支持的文件格式")
	ErrNoText   = errors.New("没有正文（no text）")
	// ErrEncrypted is a file saved with a password: an Office document,
	// a PDF or a member of a ZIP archive.
	ErrEncrypted = errors.New("加密文件（encrypted）")
	// ErrBroken is a file whose format is known but that cannot be parsed
	// (a truncated docx or zip).
	ErrBroken = errors.New("文件已损坏")
)

// sentinels are the errors a Skip's Err may hold.
var sentinels = []error{
	ErrEmpty, ErrNotText, ErrEncoding, ErrFormat, ErrNoText, ErrEncrypted, ErrBroken,
	ErrTooLarge, ErrZipBomb, ErrNeedsOCR, ErrNeedsPdftotext,
}

// Options configures Read. The zero value uses the defaults.
type Options struct {
	// Boilerplate holds the patterns of lines to drop; nil means
	// DefaultBoilerplate().
	Boilerplate *Boilerplate
	// Encoding, when set, names the encoding of text files and web pages
	// and overrides detection: a WHATWG label such as "gbk", "gb18030",
	// "big5", "utf-8", "utf-16le" or "utf-16be" (see CheckEncoding). It
	// does not apply to docx and pdf, whose encoding the format fixes.
	Encoding string
}

// Read reads one file's content and returns its documents (one per summary
// for a compilation) using the default options. name is the source path,
// used for format detection by extension and in messages.
func Read(name string, r io.Reader) ([]Document, error) {
	return Options{}.Read(name, r)
}

// Read reads one file's content and returns its documents (one per summary
// for a compilation). name is the source path, used for format detection by
// extension and in messages. Content that cannot be used is reported as a
// Skip error naming the file and the reason; a failure of r is wrapped as
// "read NAME: …", and an unknown Options.Encoding is an error that is not
// a Skip.
func (o Options) Read(name string, r io.Reader) ([]Document, error) {
	if err := CheckEncoding(o.Encoding); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	format, err := formatOf(name, data)
	if err != nil {
		return nil, skip(name, err)
	}
	var p page
	switch format {
	case "txt":
		p, err = o.readTxt(data)
	case "html":
		p, err = o.readHTML(data, "")
	case "mhtml":
		p, err = o.readMHTML(data)
	case "docx":
		p, err = readDocx(data)
	case "pdf":
		p, err = readPDF(data)
	default:
		err = fmt.Errorf("%w（%s）", ErrFormat, format)
	}
	if err != nil {
		return nil, skip(name, err)
	}
	docs := o.documents(name, format, p)
	if len(docs) == 0 {
		return nil, skip(name, ErrNoText)
	}
	return docs, nil
}

// skip turns a reason into a Skip for the named file.
func skip(name string, err error) error {
	s := Skip{Source: name, Reason: err.Error(), Err: err}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if slices.Contains(sentinels, e) {
			s.Err = e
		}
	}
	return s
}

// formatOf chooses the reader: by the first bytes (see sniff), else by
// the name's extension. A .txt file that is really a web page is read as
// html, and so is a .doc or .wps file that is one, or a web archive
// (Word's "save as web page" under the old extension).
func formatOf(name string, data []byte) (string, error) {
	if format, err := sniff(name, data); format != "" || err != nil {
		return format, err
	}
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	switch ext {
	case ".txt", ".text":
		if looksLikeHTML(data) {
			return "html", nil
		}
		return "txt", nil
	case ".html", ".htm", ".shtml", ".xhtml":
		return "html", nil
	case ".mht", ".mhtml":
		return "mhtml", nil
	case ".doc", ".wps", ".docx", ".pdf":
		switch {
		case looksLikeHTML(data):
			return "html", nil
		case looksLikeMIME(data):
			return "mhtml", nil
		}
		return "", brokenError(ext[1:], errors.New("文件头不对，not a "+ext[1:]+" file"))
	case "":
		return "", fmt.Errorf("%w（没有扩展名，no extension）", ErrFormat)
	}
	return "", fmt.Errorf("%w（%s）", ErrFormat, ext)
}

// looksLikeHTML reports whether data starts (after a BOM and white space)
// with an HTML doctype or <html> tag.
func looksLikeHTML(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) > 64 {
		head = head[:64]
	}
	head = bytes.ToLower(head)
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// page is a decoded file before normalisation.
type page struct {
	text string // decoded text, or the article text extracted from a page
	// source maps each byte offset of text to a byte offset in the decoded
	// page source when text was extracted from one (html), else nil.
	source     []int
	encoding   string
	confidence float64 // how sure the choice of encoding is, 0..1
	title      string  // title found by the format reader (html), or ""
	date       string  // publication date found by the format reader, or ""
}

// documents normalises a decoded page, drops boilerplate and splits it.
func (o Options) documents(name, format string, p page) []Document {
	bp := o.Boilerplate
	if bp == nil {
		bp = DefaultBoilerplate()
	}
	norm, origin := normalize(p.text, format == "pdf" || format == "txt" && pdfCopy(p.text))
	if p.source != nil {
		for i, off := range origin {
			origin[i] = p.source[off]
		}
	}
	lines := splitLines(norm, origin)
	if simp, ok := toSimplified(norm); ok {
		written := lines
		lines = splitLines(simp, origin)
		for i := range lines {
			lines[i].written = written[i].text
		}
	}
	date := p.date
	if date == "" {
		texts := make([]string, 0, min(len(lines), bylineLimit))
		for _, l := range lines[:min(len(lines), bylineLimit)] {
			texts = append(texts, l.text)
		}
		date = bylineDate(texts)
	}
	parts := split(lines, bp)
	docs := make([]Document, 0, len(parts))
	for i, part := range parts {
		text, written, orig := part.text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		d := Document{
			ID:                 docID(text),
			Source:             name,
			Format:             format,
			Encoding:           p.encoding,
			EncodingConfidence: p.confidence,
			Title:              part.title,
			Text:               text,
			Written:            written,
			Origin:             orig,
			Date:               date,
		}
		if len(parts) > 1 {
			d.Part = i + 1
		} else {
			d.Title = singleTitle(name, p.title, part.lines)
		}
		docs = append(docs, d)
	}
	return docs
}

// docID is the first 16 hex digits of the SHA-256 of text.
func docID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// singleTitle is the title of a file that holds one report: the format's
// own title, else the first line when it looks like a title, else the base
// name without extension.
func singleTitle(name, title string, lines []line) string {
	if title != "" {
		t, _ := Normalize(title)
		return strings.Join(strings.Fields(t), " ")
	}
	if len(lines) > 0 && looksLikeTitle(lines[0].text) {
		return lines[0].shown()
	}
	base := path.Base(filepath.ToSlash(name))
	return strings.TrimSuffix(base, path.Ext(base))
}
