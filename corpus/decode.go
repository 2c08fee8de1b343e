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

// decoded is a file's text converted to UTF-8 and how it was read.
type decoded struct {
	text     string
	encoding string // the encoding the bytes were read as
	// confidence is how sure the choice of encoding is, from 0 to 1 (see
	// decodeText).
	confidence float64
}

// decodeText converts a file's bytes to UTF-8 and names the encoding it
// read them as. The choice is deterministic:
//
//  1. a byte-order mark: utf-8-bom, utf-16le or utf-16be;
//  2. magic bytes of a binary format (PDF, ZIP, OLE, PNG, JPEG, GIF, …):
//     not text;
//  3. UTF-16 without a byte-order mark, as iconv and some editors write
//     it, when the text holds NUL bytes and decodes well in one byte
//     order (guessUTF16); another NUL byte: not text;
//  4. valid UTF-8: utf-8 (whatever a web page declares, since saved pages
//     are often re-encoded without fixing their meta tag);
//  5. the encoding declared by a web page (declared, a charset label), when
//     it decodes with few errors;
//  6. the best of UTF-8 with errors, GB18030 (covering GBK and GB2312) and
//     Big5, scored by the share of common Han characters and punctuation
//     against replacement characters and private-use code points.
//
// The confidence is 1 for a byte-order mark (less the share of bad
// characters for UTF-16) and for valid UTF-8. For a declared or detected
// encoding it grows with the score of the text (full at a score of 0.6,
// which correctly decoded Chinese reaches), and for a detected one it is
// also scaled by the margin over the runner-up: a tie halves it.
//
// An empty file is ErrEmpty, binary data ErrNotText and text that no
// candidate decodes well ErrEncoding.
func decodeText(data []byte, declared string) (decoded, error) {
	if len(data) == 0 {
		return decoded{}, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return decoded{strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "utf-8-bom", 1}, nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeUTF16(data[2:], unicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(data[2:], unicode.BigEndian, "utf-16be")
	}
	if m := findMagic(data); m == nil {
		if d, ok := guessUTF16(data); ok {
			return d, nil
		}
	}
	if kind := binaryKind(data); kind != "" {
		return decoded{}, fmt.Errorf("%w（%s）", ErrNotText, kind)
	}
	if utf8.Valid(data) {
		return decoded{string(data), "utf-8", 1}, nil
	}
	if name, e := declaredEncoding(declared); e != nil {
		if s, err := e.NewDecoder().String(string(data)); err == nil && badShare(s) < 0.01 {
			return decoded{s, name, scoreConfidence(decodeScore(s), 1)}, nil
		}
	}
	return detect(data)
}

// detect decodes data with the best-scoring candidate encoding.
func detect(data []byte) (decoded, error) {
	var texts [len(candidates)]string
	var scores [len(candidates)]float64
	best := 0
	for i, c := range candidates {
		texts[i] = c.decode(data)
		scores[i] = decodeScore(texts[i])
		if scores[i] > scores[best] {
			best = i
		}
	}
	if scores[best] < minDecodeScore {
		return decoded{}, ErrEncoding
	}
	margin := 1.0
	for i, sc := range scores {
		if i != best {
			margin = min(margin, scores[best]-sc)
		}
	}
	return decoded{texts[best], candidates[best].name, scoreConfidence(scores[best], margin)}, nil
}

// scoreConfidence turns the decodeScore of a decoding, and its margin over
// the next best candidate, into a confidence from 0 to 1.
func scoreConfidence(score, margin float64) float64 {
	c := min(max(score/0.6, 0), 1)
	return c * min(max(0.5+margin/0.6, 0), 1)
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
func decodeUTF16(data []byte, order unicode.Endianness, name string) (decoded, error) {
	s, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	bad := badShare(string(s))
	if err != nil || bad > 0.1 {
		return decoded{}, ErrEncoding
	}
	return decoded{string(s), name, 1 - bad}, nil
}

// guessUTF16 reads data holding NUL bytes (the high byte of an ASCII
// character, or the low byte of a character such as 一, U+4E00) as UTF-16
// without a byte-order mark: in the byte order whose text decodes as
// Chinese does (decodeScore), by a clear margin over the other. Its
// confidence is that of a detected encoding.
func guessUTF16(data []byte) (decoded, bool) {
	if len(data)%2 != 0 || bytes.IndexByte(data, 0) < 0 {
		return decoded{}, false
	}
	var best decoded
	bestScore, otherScore := 0.0, 0.0
	for _, c := range []struct {
		order unicode.Endianness
		name  string
	}{{unicode.LittleEndian, "utf-16le"}, {unicode.BigEndian, "utf-16be"}} {
		d, err := decodeUTF16(data, c.order, c.name)
		if err != nil {
			continue
		}
		switch score := decodeScore(d.text); {
		case score > bestScore:
			best, bestScore, otherScore = d, score, bestScore
		case score > otherScore:
			otherScore = score
		}
	}
	if bestScore < minDecodeScore || bestScore-otherScore < minDecodeScore {
		return decoded{}, false
	}
	best.confidence = min(best.confidence, scoreConfidence(bestScore, bestScore-otherScore))
	return best, true
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

// CheckEncoding reports whether label names an encoding that
// Options.Encoding accepts: "" (detect) or a WHATWG label such as "gbk",
// "gb18030", "big5", "utf-8", "utf-16le" or "utf-16be".
func CheckEncoding(label string) error {
	_, _, err := lookupEncoding(label)
	return err
}

// lookupEncoding resolves an encoding label given by the user. GBK and
// GB2312 resolve to GB18030, their superset; "" resolves to no encoding.
func lookupEncoding(label string) (string, encoding.Encoding, error) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return "", nil, nil
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return "", nil, fmt.Errorf("不支持的编码 %q（unknown encoding label）", label)
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "gbk", "gb18030":
		return "gb18030", simplifiedchinese.GB18030, nil
	case "utf-16le":
		return name, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), nil
	case "utf-16be":
		return name, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), nil
	}
	return name, e, nil
}

// boms are the byte-order marks dropped before decoding with a given
// encoding.
var boms = map[string]string{"utf-8": "\xef\xbb\xbf", "utf-16le": "\xff\xfe", "utf-16be": "\xfe\xff"}

// decodeAs decodes data with the encoding the user chose, without
// detection and so without the check for binary data; a byte-order mark of
// that encoding is dropped. The confidence is 1: the user said so.
func decodeAs(data []byte, name string, e encoding.Encoding) (decoded, error) {
	data = bytes.TrimPrefix(data, []byte(boms[name]))
	if len(data) == 0 {
		return decoded{}, ErrEmpty
	}
	if name == "utf-8" {
		return decoded{strings.ToValidUTF8(string(data), "\uFFFD"), name, 1}, nil
	}
	s, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("%w（%s：%v）", ErrEncoding, name, err)
	}
	return decoded{string(s), name, 1}, nil
}

// decode converts a text file or web page to UTF-8: with Options.Encoding
// when it is set, else by detection (see decodeText). declared is the
// charset a web page declares, or "".
func (o Options) decode(data []byte, declared string) (decoded, error) {
	name, e, err := lookupEncoding(o.Encoding)
	if err != nil {
		return decoded{}, err
	}
	if e != nil {
		return decodeAs(data, name, e)
	}
	return decodeText(data, declared)
}
