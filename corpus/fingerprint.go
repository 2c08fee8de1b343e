package corpus

import (
	"math/bits"
	"unicode"
)

// Fingerprint returns a SimHash of a document's text: texts that differ
// only a little (the same summary reposted with another line of chrome, a
// changed date) get fingerprints a few bits apart. It hashes overlapping
// runs of three characters, ignoring spaces and punctuation.
func Fingerprint(text string) uint64 {
	var ones bitCounts
	var window [3]rune
	n := 0
	for _, r := range text {
		if !isCommonHan(r) && (unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			continue
		}
		window[0], window[1], window[2] = window[1], window[2], r
		if n++; n < 3 {
			continue
		}
		ones.add(fnv64a(window))
	}
	ones.flush()
	runs := ones.added
	var fp uint64
	for b, c := range ones.ones {
		if 2*c > runs { // more runs have the bit set than not
			fp |= 1 << b
		}
	}
	return fp
}

// bitCounts counts, for each of 64 bits, how many added words have it set.
// It adds eight bits at once: lane k of acc[j] (bits 8k..8k+7) counts bit
// 8k+j, and the lanes are emptied into ones before they can overflow.
type bitCounts struct {
	acc     [8]uint64
	ones    [64]int32
	pending int
	added   int32
}

const lowBitOfEachByte = 0x0101010101010101

func (c *bitCounts) add(w uint64) {
	for j := range c.acc {
		c.acc[j] += w >> j & lowBitOfEachByte
	}
	c.added++
	if c.pending++; c.pending == 255 {
		c.flush()
	}
}

func (c *bitCounts) flush() {
	for j, a := range c.acc {
		for k := 0; k < 8; k++ {
			c.ones[8*k+j] += int32(a >> (8 * k) & 0xff)
		}
		c.acc[j] = 0
	}
	c.pending = 0
}

// isCommonHan reports whether r is in the CJK Unified Ideographs block,
// which holds no space, punctuation or symbol: a test before the tables.
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// fnv64a is the FNV-1a hash of the three runes' bytes (little-endian),
// without allocating.
func fnv64a(w [3]rune) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, c := range w {
		for k := 0; k < 4; k++ {
			h ^= uint64(byte(c >> (8 * k)))
			h *= prime
		}
	}
	return h
}

// NearDuplicateBits is the largest number of differing fingerprint bits of
// two texts taken as the same report.
const NearDuplicateBits = 3

// NearDuplicate reports whether two fingerprints are of the same report.
func NearDuplicate(a, b uint64) bool { return bits.OnesCount64(a^b) <= NearDuplicateBits }
