package extract

import "unicode"

// bmpSet is a bit set of runes of the Basic Multilingual Plane, for
// membership tests in hot loops without a map or a string search.
type bmpSet [1 << 10]uint64

func (s *bmpSet) add(r rune) {
	if uint32(r) < 1<<16 {
		s[r>>6] |= 1 << (r & 63)
	}
}

// addString adds the runes of str.
func (s *bmpSet) addString(str string) {
	for _, r := range str {
		s.add(r)
	}
}

// addRange adds the runes lo to hi, stepping by stride.
func (s *bmpSet) addRange(lo, hi, stride rune) {
	for r := lo; r <= hi; r += stride {
		s.add(r)
	}
}

func (s *bmpSet) has(r rune) bool { return uint32(r) < 1<<16 && s[r>>6]&(1<<(r&63)) != 0 }

// hanBMP holds the Han characters of the Basic Multilingual Plane.
var hanBMP = func() *bmpSet {
	s := new(bmpSet)
	for _, rg := range unicode.Han.R16 {
		s.addRange(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	return s
}()

// isHan reports a Han character.
func isHan(r rune) bool {
	if uint32(r) < 1<<16 {
		return hanBMP.has(r)
	}
	return unicode.Is(unicode.Han, r)
}

// numberStarts holds the runes a numeral may begin with (startRune).
var numberStarts = func() *bmpSet {
	s := new(bmpSet)
	s.addRange('0', '9', 1)
	s.addRange('０', '９', 1)
	s.addString(".-．－−负負廿卅卌")
	s.addString("〇零○一壹二贰貳两兩倆俩三叁叄四肆五伍六陆陸七柒八捌九玖") // digitOf
	s.addString("十拾百佰千仟万萬亿億")                   // unitOf, multOf
	s.addString(hedgeStarts)
	return s
}()

// hedgeFirsts holds the first runes of the leading hedges (hedgeStarts).
var hedgeFirsts = func() *bmpSet {
	s := new(bmpSet)
	s.addString(hedgeStarts)
	return s
}()
