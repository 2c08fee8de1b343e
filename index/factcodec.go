package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"

	"zongjie/extract"
)

// factWriter writes a document's facts in the index's compact binary form:
// varints, spans as a step from the previous fact's start and a length,
// every string once (later uses refer to it by number), and a fact's
// text, name or title left out when it is the text its span covers.
type factWriter struct {
	buf     []byte
	text    spanText
	strings map[string]uint64
	start   int // the previous fact's start
}

// String references: refEmpty is "", refSpan the text under the fact's
// span, refInSpan a part of it (byte offset and length follow), refNew a
// new string that follows; refFirst+k the k-th new string.
const (
	refEmpty uint64 = iota
	refSpan
	refInSpan
	refNew
	refFirst
)

func (w *factWriter) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *factWriter) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }

// str writes s; span is the text under the fact's span ("" when the
// string cannot be the span's text).
func (w *factWriter) str(s, span string) {
	switch {
	case s == "":
		w.uint(refEmpty)
	case s == span:
		w.uint(refSpan)
	default:
		if n, ok := w.strings[s]; ok {
			w.uint(refFirst + n)
			return
		}
		if i := strings.Index(span, s); i >= 0 {
			w.uint(refInSpan)
			w.uint(uint64(i))
			w.uint(uint64(len(s)))
			return
		}
		w.strings[s] = uint64(len(w.strings))
		w.uint(refNew)
		w.uint(uint64(len(s)))
		w.buf = append(w.buf, s...)
	}
}

// float writes an integer as a varint, a number of thousandths (0.85) as
// a varint of thousandths, and any other value as its IEEE bits; the low
// two bits of the first varint say which.
func (w *factWriter) float(v float64) {
	const limit = 1 << 50
	switch {
	case v == math.Trunc(v) && math.Abs(v) < limit && !(v == 0 && math.Signbit(v)):
		w.uint(zigzag(int64(v))<<2 | floatInt)
	case math.Abs(v) < limit/1000 && float64(int64(math.Round(v*1000)))/1000 == v:
		w.uint(zigzag(int64(math.Round(v*1000)))<<2 | floatMilli)
	default:
		w.uint(floatBits)
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v))
	}
}

// The forms of a stored number.
const (
	floatInt uint64 = iota
	floatMilli
	floatBits
)

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// provenance writes a fact's span, rule and confidence and returns the
// text under the span.
func (w *factWriter) provenance(p extract.Provenance) string {
	w.int(int64(p.Span[0] - w.start))
	w.int(int64(p.Span[1] - p.Span[0]))
	w.start = p.Span[0]
	w.str(p.Rule, "")
	w.float(p.Confidence)
	return w.text.of(p.Span[0], p.Span[1])
}

// factReader reads what factWriter wrote; every read is bounds-checked and
// the first fault is kept in err.
type factReader struct {
	buf     []byte
	text    spanText
	strings []string
	start   int
	err     error
}

var errFactsCorrupt = errors.New("stored facts are corrupt")

func (r *factReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s", errFactsCorrupt, what)
	}
	r.buf = nil
}

func (r *factReader) uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail("number")
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *factReader) int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail("number")
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// count reads a list length, refusing one longer than the bytes left
// could hold (every item takes at least one byte).
func (r *factReader) count() int {
	n := r.uint()
	if n > uint64(len(r.buf)) {
		r.fail("list length")
		return 0
	}
	return int(n)
}

func (r *factReader) str(span string) string {
	ref := r.uint()
	switch {
	case r.err != nil || ref == refEmpty:
		return ""
	case ref == refSpan:
		return span
	case ref == refInSpan:
		i, n := r.uint(), r.uint()
		if i > uint64(len(span)) || n > uint64(len(span))-i {
			r.fail("string in span")
			return ""
		}
		return span[i : i+n]
	case ref == refNew:
		n := r.uint()
		if n > uint64(len(r.buf)) {
			r.fail("string length")
			return ""
		}
		s := string(r.buf[:n])
		r.buf = r.buf[n:]
		r.strings = append(r.strings, s)
		return s
	case ref-refFirst < uint64(len(r.strings)):
		return r.strings[ref-refFirst]
	}
	r.fail("string reference")
	return ""
}

func (r *factReader) float() float64 {
	u := r.uint()
	switch u & 3 {
	case floatInt:
		return float64(unzigzag(u >> 2))
	case floatMilli:
		return float64(unzigzag(u>>2)) / 1000
	case floatBits:
		if len(r.buf) >= 8 && u == floatBits {
			v := math.Float64frombits(binary.LittleEndian.Uint64(r.buf))
			r.buf = r.buf[8:]
			return v
		}
	}
	r.fail("number")
	return 0
}

func (r *factReader) provenance() (extract.Provenance, string) {
	var p extract.Provenance
	p.Span[0] = r.start + int(r.int())
	p.Span[1] = p.Span[0] + int(r.int())
	r.start = p.Span[0]
	p.Rule = r.str("")
	p.Confidence = r.float()
	return p, r.text.of(p.Span[0], p.Span[1])
}

// spanText cuts a text by rune offsets.
type spanText struct {
	text  string
	bytes []int // bytes[i] is where rune i starts; a last entry for the end
}

func newSpanText(text string) spanText {
	offs := make([]int, 0, len(text)/2+1)
	for i := range text {
		offs = append(offs, i)
	}
	return spanText{text: text, bytes: append(offs, len(text))}
}

// of returns the runes [start, end), or "" outside the text.
func (t spanText) of(start, end int) string {
	if start < 0 || end < start || end >= len(t.bytes) {
		return ""
	}
	return t.text[t.bytes[start]:t.bytes[end]]
}
