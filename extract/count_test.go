package extract

import "testing"

func TestTrimQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“宣传单”", "宣传单"},
		{"“法律明白人”培训", "“法律明白人”培训"},
		{"培训“法律明白人”", "培训“法律明白人”"},
		{"`宣传资料", "`宣传资料"}, // a backquote is no quote mark
		{"'宣传资料", "宣传资料"},
		{"宣传资料”", "宣传资料"},
		{"“一”和“二”", "“一”和“二”"},
		{"「消费」", "消费"},
		{"”", ""},
		{"", ""},
	} {
		if got := trimQuotes(c.in); got != c.want {
			t.Errorf("trimQuotes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
