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
	var counts [64]int
	var window [3]rune
	n := 0
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		window[0], window[1], window[2] = window[1], window[2], r
		if n++; n < 3 {
			continue
		}
		sum := fnv64a(window)
		for b := 0; b < 64; b++ {
			if sum&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var fp uint64
	for b, c := range counts {
		if c > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

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
