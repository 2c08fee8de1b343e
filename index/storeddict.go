package index

import (
	"fmt"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/zstd"
)

// dictKey holds the zstd dictionary of the stored values, trained on the
// first batch of documents that is large enough (dictMinDocs reports,
// dictMinBytes of text) and kept for the index's life: values compressed
// with it are read with it.
const dictKey = "zongjie:zstd-dict"

const (
	dictMinDocs  = 64
	dictMinBytes = 128 << 10
	dictSamples  = 500       // the documents it is trained on, at most
	dictMaxSize  = 112 << 10 // its size, at most
)

// storedCodec returns the codec of the index's stored values, reading its
// dictionary when it is first needed.
func (ix *Index) storedCodec() (*storedCodec, error) {
	ix.codecMu.Lock()
	defer ix.codecMu.Unlock()
	if ix.codec != nil {
		return ix.codec, nil
	}
	d, err := ix.b.GetInternal([]byte(dictKey))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ix.path, err)
	}
	if len(d) == 0 {
		d = nil
	}
	c, err := newStoredCodec(d)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ix.path, err)
	}
	ix.codec = c
	return c, nil
}

// setStoredCodec makes c the index's codec once the batch that stored its
// dictionary is written.
func (ix *Index) setStoredCodec(c *storedCodec) {
	ix.codecMu.Lock()
	ix.codec = c
	ix.codecMu.Unlock()
}

// trainCodec trains a dictionary on raw stored values, or returns nil when
// there are too few of them to learn from. A dictionary only makes values
// smaller, so when training fails the values are compressed without one
// and the next batch tries again.
func trainCodec(raws [][]byte) *storedCodec {
	size := 0
	for _, r := range raws {
		size += len(r)
	}
	if len(raws) < dictMinDocs || size < dictMinBytes {
		return nil
	}
	if len(raws) > dictSamples {
		raws = raws[:dictSamples]
	}
	d, err := dict.BuildZstdDict(raws, dict.Options{MaxDictSize: dictMaxSize, HashBytes: 6, ZstdLevel: zstd.SpeedDefault})
	if err != nil {
		return nil
	}
	c, err := newStoredCodec(d)
	if err != nil {
		return nil
	}
	return c
}
