// Package corpus reads report archives into documents: it decodes files,
// extracts the article text of web pages, Word documents and PDFs,
// normalises width and scraping noise, drops site boilerplate and splits
// compilation pages into their separate summaries.
//
// The pipeline for one file is: recognise the format by its first bytes
// or its extension (magic.go), detect the encoding and decode (decode.go),
// extract the text of a web page (html.go, mhtml.go), a docx (docx.go)
// or a PDF (pdf.go), normalise the text while keeping a map back to the
// decoded bytes (normalize.go), drop boilerplate lines (boilerplate.go)
// and split a compilation into its summaries (split.go). Read is the
// entry point; Walk lists the files of folders and ZIP archives (walk.go,
// zip.go).
package corpus

// Document is one report: a whole file, or one summary of a compilation.
type Document struct {
	ID       string // first 16 hex digits of the SHA-256 of Text
	Source   string // file path, or archive.zip!inner/path for archive members
	Format   string // txt, html, docx, pdf, mhtml
	Encoding string // the encoding the file was decoded from: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5, …
	// EncodingConfidence is how sure the choice of Encoding is, from 0 to
	// 1: 1 for a byte-order mark, valid UTF-8, an encoding the format
	// fixes (docx, pdf) or one given by Options.Encoding; less for a
	// legacy encoding found by detection, and about 0.5 when two
	// candidates decode the file equally well.
	EncodingConfidence float64
	// Title is the heading line of a summary of a compilation; for a single
	// report it is the page title (html), the document's title property
	// (docx, when set), or the first line when that line looks like a
	// title, else the file's base name without its extension.
	Title string
	// Text is the normalised body; fact spans are rune offsets into it. It
	// starts with the title line when the title was found in the text (always
	// for a summary of a compilation and for html, where a missing title line
	// is prepended), and holds no boilerplate lines.
	Text string
	// Written is Text as written, when the document is in traditional
	// characters and Text holds them converted to simplified ones (one for
	// one: every offset into Text is an offset into Written); else "".
	Written string
	// Origin maps each rune of Text to the byte offset in the original
	// (decoded) file text where it came from; len(Origin) == rune count of Text.
	// The decoded text is the whole file decoded to UTF-8 without its
	// byte-order mark (for html, the page source with its markup; for
	// mhtml, the page's part of the archive, decoded likewise; for docx
	// and pdf, the text extracted from the document). For
	// html and mhtml the offsets are found by aligning the extracted text with the
	// page's text nodes: a character from a reference such as &amp; points
	// at its '&', and line breaks, tabs and spaces that rendering inserted
	// take the offset of the character before them. The summaries of a
	// compilation share one decoded text, so their offsets point into the
	// whole file.
	Origin []int
	// Part is the 1-based position of the summary in a compilation, or 0
	// when the file holds one report.
	Part int
	// Date is the publication date stated by the page (a meta tag or a
	// byline such as 发布时间：2024-03-16) as YYYY-MM-DD, or "" when none is found.
	Date string
}

// Skip records a file that could not be used, and why. Read returns it as
// its error for content it cannot use (empty, binary, undecodable, of an
// unsupported format), so a caller can list it with errors.As.
type Skip struct {
	Source string
	Reason string // for the user, in Chinese with the technical term in brackets
	// Err is the sentinel error the reason is built on (ErrEmpty, ErrNotText,
	// ErrEncoding, ErrFormat, ErrNoText, ErrEncrypted, ErrBroken,
	// ErrTooLarge, ErrZipBomb, ErrNeedsOCR, ErrNeedsPdftotext), for
	// errors.Is; it may be nil.
	Err error
}

// Error returns "Source: Reason".
func (s Skip) Error() string { return s.Source + ": " + s.Reason }

// Unwrap returns the sentinel error behind the reason.
func (s Skip) Unwrap() error { return s.Err }
