package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// A docx file is a ZIP archive of XML parts (Office Open XML). The body is
// the main document part, word/document.xml unless the package's
// relationships (_rels/.rels) name another, read as a stream of XML
// tokens. In WordprocessingML a paragraph (w:p) holds runs (w:r) whose
// text is in w:t elements; w:tab, w:br and w:cr in a run are a tab and
// line breaks. A table (w:tbl) holds rows (w:tr) of cells (w:tc), each
// cell holding paragraphs (and perhaps tables). Tracked changes mark
// deleted text (w:del, w:delText, w:moveFrom), which is left out, and
// inserted text (w:ins, w:moveTo), which is kept. A field is a run of
// w:fldChar begin, the field code (w:instrText, such as PAGE or
// HYPERLINK "…"), w:fldChar separate, the field's result as ordinary
// runs, and w:fldChar end; fields nest. A text box (w:txbxContent) holds
// paragraphs inside a paragraph; Word writes it twice, once in
// mc:Choice and once in the mc:Fallback of an mc:AlternateContent, and
// only the first is read.

// Namespaces read in a docx.
const (
	nsMarkup = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsDC     = "http://purl.org/dc/elements/1.1/"
)

// readDocx extracts the text of a Word document: paragraphs in order,
// one per line, and tables one row per line with the cells separated by a
// tab. The title is the document's dc:title property when it has one.
func readDocx(data []byte) (page, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return page{}, brokenError("docx", err)
	}
	name := mainPart(zr)
	f := findPart(zr, name)
	if f == nil {
		return page{}, brokenError("docx", fmt.Errorf("没有 %s，no main document part", name))
	}
	text, err := readPart(f, docxText)
	if err != nil {
		return page{}, err
	}
	if strings.TrimSpace(text) == "" {
		return page{}, ErrNoText
	}
	title := ""
	if core := findPart(zr, "docProps/core.xml"); core != nil {
		title, _ = readPart(core, coreTitle)
	}
	return page{text: text, encoding: "utf-8", confidence: 1, title: title}, nil
}

// findPart returns the archive's part of that name (names of parts are
// case-insensitive), or nil.
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// readPart checks a part's declared size and compression ratio before it
// is decompressed (see checkMember), then parses it with parse.
func readPart(f *zip.File, parse func(*xml.Decoder) (string, error)) (string, error) {
	if err := checkMember(f); err != nil {
		return "", err
	}
	rc, err := f.Open()
	if err != nil {
		return "", brokenError("docx", err)
	}
	defer rc.Close()
	s, err := parse(xml.NewDecoder(io.LimitReader(rc, maxMemberSize+1)))
	if err != nil {
		return "", brokenError("docx", fmt.Errorf("%s: %w", f.Name, err))
	}
	return s, nil
}

// mainPart returns the name of the main document part: the target of the
// package's officeDocument relationship, else word/document.xml.
func mainPart(zr *zip.Reader) string {
	const fallback = "word/document.xml"
	f := findPart(zr, "_rels/.rels")
	if f == nil || checkMember(f) != nil {
		return fallback
	}
	rc, err := f.Open()
	if err != nil {
		return fallback
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, 1<<20))
	for {
		tok, err := d.Token()
		if err != nil {
			return fallback
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || !strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			continue
		}
		if target := strings.TrimPrefix(path.Clean("/"+attr(se, "Target")), "/"); target != "" {
			return target
		}
	}
}

// attr returns the value of an element's attribute by local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// coreTitle returns the dc:title of a docProps/core.xml part.
func coreTitle(d *xml.Decoder) (string, error) {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == nsDC && se.Name.Local == "title" {
			var b strings.Builder
			if err := collectText(d, &b); err != nil {
				return "", err
			}
			return strings.Join(strings.Fields(b.String()), " "), nil
		}
	}
}

// collectText appends the character data up to the end of the current
// element.
func collectText(d *xml.Decoder, b *strings.Builder) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return nil
}

// docxText reads the text of a main document part.
func docxText(d *xml.Decoder) (string, error) {
	var w docxWriter
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return strings.Join(w.lines, "\n"), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skippedElement(t.Name) {
				if err := d.Skip(); err != nil {
					return "", err
				}
				continue
			}
			w.start(t)
		case xml.EndElement:
			w.end(t.Name)
		case xml.CharData:
			if w.inText > 0 && w.visible() {
				w.write(string(t))
			}
		}
	}
}

// skippedElements are the WordprocessingML elements whose content is not
// text of the document: deletions, field codes, properties (paragraph,
// run, table, section and content-control properties, where w:tab defines
// tab stops), and the fallback copy of alternate content.
var skippedElements = map[string]bool{
	"del": true, "delText": true, "moveFrom": true, "instrText": true, "delInstrText": true,
	"pPr": true, "rPr": true, "sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true,
	"tcPr": true, "tblPrEx": true, "sdtPr": true, "sdtEndPr": true,
}

// skippedElement reports whether an element's subtree is left out.
func skippedElement(n xml.Name) bool {
	if n.Space == nsMarkup {
		return n.Local == "Fallback"
	}
	return isWordML(n) && skippedElements[n.Local]
}

// isWordML reports whether a name is in the WordprocessingML namespace
// (transitional or strict).
func isWordML(n xml.Name) bool {
	return strings.HasSuffix(n.Space, "/wordprocessingml/2006/main") || strings.HasSuffix(n.Space, "/wordprocessingml/main")
}

// docxWriter collects the lines of a document body as its tokens pass.
type docxWriter struct {
	lines  []string
	open   []*docxBlock // open paragraphs and tables, innermost last
	fields []bool       // open fields, innermost last: true while in the field code
	inText int          // depth of w:t elements
}

// docxBlock is an open paragraph or table.
type docxBlock struct {
	table bool
	// A paragraph's text, and the lines of the text boxes in it, which
	// follow it.
	text  strings.Builder
	boxes []string
	// A table's current row, the paragraphs of its current cell, and
	// whether a cell is open.
	row, cell []string
	inCell    bool
}

// visible reports whether text at this point is shown: it is in no
// field code.
func (w *docxWriter) visible() bool {
	for _, code := range w.fields {
		if code {
			return false
		}
	}
	return true
}

// write appends text to the innermost open paragraph; text outside any
// paragraph is dropped.
func (w *docxWriter) write(s string) {
	for i := len(w.open) - 1; i >= 0; i-- {
		if !w.open[i].table {
			w.open[i].text.WriteString(s)
			return
		}
	}
}

// top returns the innermost open block, or nil.
func (w *docxWriter) top() *docxBlock {
	if len(w.open) == 0 {
		return nil
	}
	return w.open[len(w.open)-1]
}

// pop closes the innermost open block.
func (w *docxWriter) pop() *docxBlock {
	b := w.top()
	w.open = w.open[:len(w.open)-1]
	return b
}

// start handles the opening of an element.
func (w *docxWriter) start(se xml.StartElement) {
	if !isWordML(se.Name) {
		return
	}
	switch se.Name.Local {
	case "p":
		w.open = append(w.open, &docxBlock{})
	case "tbl":
		w.open = append(w.open, &docxBlock{table: true})
	case "t":
		w.inText++
	case "tab", "ptab":
		w.writeVisible("\t")
	case "br", "cr":
		w.writeVisible("\n")
	case "noBreakHyphen":
		w.writeVisible("-")
	case "fldChar":
		w.fieldChar(attr(se, "fldCharType"))
	case "tr":
		if t := w.top(); t != nil && t.table {
			t.row = nil
		}
	case "tc":
		if t := w.top(); t != nil && t.table {
			t.cell, t.inCell = nil, true
		}
	}
}

// end handles the closing of an element.
func (w *docxWriter) end(n xml.Name) {
	if !isWordML(n) {
		return
	}
	t := w.top()
	switch n.Local {
	case "p":
		if t != nil && !t.table {
			w.pop()
			w.emit(t.text.String())
			for _, l := range t.boxes {
				w.emit(l)
			}
		}
	case "tbl":
		if t != nil && t.table {
			w.pop()
		}
	case "t":
		w.inText = max(w.inText-1, 0)
	case "tc":
		if t != nil && t.table && t.inCell {
			t.row = append(t.row, cellSpace.Replace(strings.Join(t.cell, " ")))
			t.cell, t.inCell = nil, false
		}
	case "tr":
		if t != nil && t.table {
			row := strings.Join(t.row, "\t")
			t.row = nil
			w.pop()
			w.emit(row) // into what holds the table
			w.open = append(w.open, t)
		}
	}
}

// emit adds a finished paragraph or table row to what holds it: the open
// cell of a table, the paragraph of a text box (after which it follows),
// or the document.
func (w *docxWriter) emit(s string) {
	switch t := w.top(); {
	case t == nil:
		w.lines = append(w.lines, s)
	case t.table && t.inCell:
		if strings.TrimSpace(s) != "" {
			t.cell = append(t.cell, s)
		}
	case !t.table:
		t.boxes = append(t.boxes, s)
	default:
		w.lines = append(w.lines, s)
	}
}

// cellSpace keeps a cell on its row: its line breaks and tabs become
// spaces.
var cellSpace = strings.NewReplacer("\n", " ", "\t", " ")

// writeVisible writes s unless it is in a field code.
func (w *docxWriter) writeVisible(s string) {
	if w.visible() {
		w.write(s)
	}
}

// fieldChar opens, separates or closes a field.
func (w *docxWriter) fieldChar(kind string) {
	switch kind {
	case "begin":
		w.fields = append(w.fields, true)
	case "separate":
		if len(w.fields) > 0 {
			w.fields[len(w.fields)-1] = false
		}
	case "end":
		if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	}
}
