package index

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/klauspost/compress/zstd"

	"zongjie/extract"
)

// A document is kept in the index as one stored value: its metadata (JSON),
// its text and its facts (factcodec), compressed together with zstd. The
// facts point into the text, so a fact's words are not written twice.
// Reports of one archive share much of their wording, and one report alone
// is too short for zstd to find it: the index's first batch trains a zstd
// dictionary (storeddict.go) that every later value is compressed with.

// rawStored lays out a document's stored value before compression.
func rawStored(d storedDoc, text string, rec *extract.Record) ([]byte, error) {
	meta, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", d.Source, err)
	}
	facts := encodeFacts(rec, text)
	raw := make([]byte, 0, len(meta)+len(text)+len(facts)+20)
	raw = binary.AppendUvarint(raw, uint64(len(meta)))
	raw = append(raw, meta...)
	raw = binary.AppendUvarint(raw, uint64(len(text)))
	raw = append(raw, text...)
	return append(raw, facts...), nil
}

// storedValue is a decoded stored value; the facts are read on demand.
type storedValue struct {
	doc   storedDoc
	text  string
	facts []byte
}

// parseStored reads a stored value after decompression.
func parseStored(raw []byte) (storedValue, error) {
	var v storedValue
	meta, rest, ok := cutLength(raw)
	if !ok {
		return v, fmt.Errorf("%w: bad metadata length", errFactsCorrupt)
	}
	if err := json.Unmarshal(meta, &v.doc); err != nil {
		return v, fmt.Errorf("%w: metadata: %v", errFactsCorrupt, err)
	}
	text, rest, ok := cutLength(rest)
	if !ok {
		return v, fmt.Errorf("%w: bad text length", errFactsCorrupt)
	}
	v.text, v.facts = string(text), rest
	return v, nil
}

// record decodes the facts of a stored value.
func (v storedValue) record() (extract.Record, error) {
	return decodeFacts(v.facts, v.text)
}

// cutLength splits b after a uvarint length and that many bytes.
func cutLength(b []byte) (part, rest []byte, ok bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, false
	}
	b = b[k:]
	return b[:n], b[n:], true
}

// storedCodec compresses and decompresses stored values, with the index's
// dictionary when it has one.
type storedCodec struct {
	dict []byte // nil for none
	enc  *zstd.Encoder
	dec  *zstd.Decoder
}

// newStoredCodec makes a codec for the dictionary dict (nil for none).
func newStoredCodec(dict []byte) (*storedCodec, error) {
	encOpts := []zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedDefault)}
	decOpts := []zstd.DOption{zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1 << 30)}
	if dict != nil {
		encOpts = append(encOpts, zstd.WithEncoderDict(dict))
		decOpts = append(decOpts, zstd.WithDecoderDicts(dict))
	}
	enc, err := zstd.NewWriter(nil, encOpts...)
	if err != nil {
		return nil, fmt.Errorf("stored value dictionary: %w", err)
	}
	dec, err := zstd.NewReader(nil, decOpts...)
	if err != nil {
		return nil, fmt.Errorf("stored value dictionary: %w", err)
	}
	return &storedCodec{dict: dict, enc: enc, dec: dec}, nil
}

// encode compresses a raw stored value.
func (c *storedCodec) encode(raw []byte) []byte {
	return c.enc.EncodeAll(raw, make([]byte, 0, len(raw)/3))
}

// decode decompresses and parses a stored value.
func (c *storedCodec) decode(blob []byte) (storedValue, error) {
	raw, err := c.dec.DecodeAll(blob, nil)
	if err != nil {
		return storedValue{}, fmt.Errorf("%w: %v", errFactsCorrupt, err)
	}
	return parseStored(raw)
}
