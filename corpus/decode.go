package corpus

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText converts a file's bytes to UTF-8 and names the encoding it
// read them as. The choice is deterministic:
//
//  1. a byte-order mark: utf-8-bom, utf-16le or utf-16be;
//  2. magic bytes of a binary format (PDF, ZIP, OLE, PNG, JPEG, GIF, …) or
//     a NUL byte: not text;
//  3. valid UTF-8: utf-8 (whatever a web page declares, since saved pages
//     are often re-encoded without fixing their meta tag);
//  4. the encoding declared by a web page (declared, a charset label), when
//     it decodes with few errors;
//  5. the best of UTF-8 with errors, GB18030 (covering GBK and GB2312) and
//     Big5, scored by the share of common Han characters and punctuation
//     against replacement characters and private-use code points.
//
// An empty file is ErrEmpty, binary data ErrNotText and text that no
// candidate decodes well ErrEncoding.
func decodeText(data []byte, declared string) (text, enc string, err error) {
	if len(data) == 0 {
		return "", "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeUTF16(data[2:], unicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(data[2:], unicode.BigEndian, "utf-16be")
	}
	if kind := binaryKind(data); kind != "" {
		return "", "", fmt.Errorf("%w（%s）", ErrNotText, kind)
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if name, e := declaredEncoding(declared); e != nil {
		if s, err := e.NewDecoder().String(string(data)); err == nil && badShare(s) < 0.01 {
			return s, name, nil
		}
	}
	best, bestScore := -1, 0.0
	var texts [len(candidates)]string
	for i, c := range candidates {
		texts[i] = c.decode(data)
		if sc := decodeScore(texts[i]); best < 0 || sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if bestScore < minDecodeScore {
		return "", "", ErrEncoding
	}
	return texts[best], candidates[best].name, nil
}

// minDecodeScore is the lowest decodeScore accepted as a decoding.
const minDecodeScore = 0.2

// candidates are the encodings tried, in order of preference on a tie.
var candidates = [...]struct {
	name   string
	decode func([]byte) string
}{
	{"utf-8", func(b []byte) string { return strings.ToValidUTF8(string(b), "\uFFFD") }},
	{"gb18030", decodeWith(simplifiedchinese.GB18030)},
	{"big5", decodeWith(traditionalchinese.Big5)},
}

// decodeWith returns a decoder for e that replaces invalid sequences.
func decodeWith(e encoding.Encoding) func([]byte) string {
	return func(b []byte) string {
		s, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return strings.Repeat("\uFFFD", len(b))
		}
		return string(s)
	}
}

// decodeUTF16 decodes UTF-16 without its BOM; a trailing odd byte and
// unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, order unicode.Endianness, name string) (string, string, error) {
	s, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil || badShare(string(s)) > 0.1 {
		return "", "", ErrEncoding
	}
	return string(s), name, nil
}

// declaredEncoding resolves a charset label from a web page. GBK and
// GB2312 resolve to GB18030, their superset; UTF-8 and UTF-16 labels and
// unknown labels resolve to nil (UTF-8 has already been tried, and a page
// whose meta tag can be read is not UTF-16).
func declaredEncoding(label string) (string, encoding.Encoding) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return "", nil
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return "", nil
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "utf-8", "utf-16le", "utf-16be":
		return "", nil
	case "gbk", "gb18030":
		return "gb18030", simplifiedchinese.GB18030
	case "big5":
		return "big5", traditionalchinese.Big5
	}
	return name, e
}

// binaryKind names the binary format data starts with, or "" for text.
func binaryKind(data []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "二进制数据，binary"
	}
	return ""
}

var magics = []struct{ prefix, kind string }{
	{"%PDF-", "PDF"},
	{"PK\x03\x04", "ZIP"},
	{"PK\x05\x06", "ZIP"},
	{"PK\x07\x08", "ZIP"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE，Word 97-2003 .doc"},
	{"\x89PNG\r\n\x1a\n", "PNG 图片"},
	{"\xff\xd8\xff", "JPEG 图片"},
	{"GIF87a", "GIF 图片"},
	{"GIF89a", "GIF 图片"},
	{"Rar!\x1a\x07", "RAR"},
	{"7z\xbc\xaf\x27\x1c", "7z"},
	{"\x1f\x8b", "gzip"},
	{"{\\rtf", "RTF"},
}

// decodeScore rates a candidate decoding: the share of its non-ASCII runes
// that are common Han characters or Chinese punctuation, less three times
// the share that are replacement characters, private-use code points or C1
// controls. Correctly decoded Chinese scores about 0.6–0.9; text decoded
// with the wrong encoding scores near or below 0.
func decodeScore(s string) float64 {
	var good, bad, total int
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		total++
		switch {
		case wrongRune(r):
			bad++
		case commonHan()[r] || isCJKPunct(r) || (r >= 0xFF00 && r <= 0xFFEF):
			good++
		}
	}
	if total == 0 {
		return 1
	}
	return float64(good-3*bad) / float64(total)
}

// badShare is the share of s's non-ASCII runes that signal a wrong decoding.
func badShare(s string) float64 {
	var bad, total int
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		total++
		if wrongRune(r) {
			bad++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(bad) / float64(total)
}

// wrongRune reports a replacement character, a private-use code point or a
// C1 control: what a decoder makes of bytes it does not understand.
func wrongRune(r rune) bool {
	return r == utf8.RuneError || (r >= 0xE000 && r <= 0xF8FF) || (r >= 0x80 && r < 0xA0)
}

//go:embed hanzi.txt
var hanziFile string

// commonHan is the set of common Han characters listed in hanzi.txt.
var commonHan = sync.OnceValue(func() map[rune]bool {
	set := map[rune]bool{}
	for l := range strings.Lines(hanziFile) {
		if strings.HasPrefix(l, "#") {
			continue
		}
		for _, r := range l {
			if isHan(r) {
				set[r] = true
			}
		}
	}
	return set
})
