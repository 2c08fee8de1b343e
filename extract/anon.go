package extract

// isAnon reports a character that stands for an anonymised digit or name:
// 20××年, xx镇, **区, 某县, ○○公司.
func isAnon(r rune) bool {
	switch r {
	case '×', '✕', 'x', 'X', 'ｘ', 'Ｘ', '*', '＊', '○', '□', '某':
		return true
	}
	return false
}
