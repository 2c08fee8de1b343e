package extract

// anonRunes are the characters that stand for an anonymised digit or name.
const anonRunes = "×✕xXｘＸ*＊○□某"

// anonSet holds anonRunes, for a test without a search.
var anonSet = func() *bmpSet {
	s := new(bmpSet)
	s.addString(anonRunes)
	return s
}()

// isAnon reports a character that stands for an anonymised digit or name:
// 20××年, xx镇, **区, 某县, ○○公司.
func isAnon(r rune) bool { return anonSet.has(r) }
