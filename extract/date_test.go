package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// compactDay writes a day for tests; an anonymised year shows as "anon".
func compactDay(d Day) string {
	if d.YearAnon {
		return "anon" + d.String()
	}
	return d.String()
}

// compactDates writes mentions as "text=day" or "text=from..to".
func compactDates(ms []DateMention) []string {
	out := []string{}
	for _, m := range ms {
		s := m.Text + "=" + compactDay(m.From)
		if m.IsRange() {
			s += ".." + compactDay(m.To)
		}
		out = append(out, s)
	}
	return out
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Month and day.
		{"3月15日", []string{"3月15日=--03-15"}},
		{"于3月15号开展", []string{"3月15号=--03-15"}},
		{"11月9号是消防日", []string{"11月9号=--11-09"}},
		{"三月十五日上午", []string{"三月十五日=--03-15"}},
		{"十一月九日", []string{"十一月九日=--11-09"}},
		{"十二月三十一日", []string{"十二月三十一日=--12-31"}},
		{"六月廿六日", []string{"六月廿六日=--06-26"}},
		{"九月八号到", []string{"九月八号=--09-08"}},
		{"０３月１５日", []string{"０３月１５日=--03-15"}},
		{"3月15 日", []string{"3月15 日=--03-15"}},
		{"3 月 15 日", []string{"3 月 15 日=--03-15"}},
		{"1.3月15日，", []string{"3月15日=--03-15"}},
		// Year, month and day.
		{"2024年3月15日", []string{"2024年3月15日=2024-03-15"}},
		{"二〇二四年三月十五日", []string{"二〇二四年三月十五日=2024-03-15"}},
		{"二○二三年十二月一日", []string{"二○二三年十二月一日=2023-12-01"}},
		{"二零二四年三月五日", []string{"二零二四年三月五日=2024-03-05"}},
		{"两千零八年五月十二日", []string{"两千零八年五月十二日=2008-05-12"}},
		{"2024 年 3 月 15 日", []string{"2024 年 3 月 15 日=2024-03-15"}},
		{"19年3月15日", []string{"19年3月15日=2019-03-15"}},
		{"98年7月1日", []string{"98年7月1日=1998-07-01"}},
		{"2024年3月15，", []string{"2024年3月15=2024-03-15"}},
		{"一月二十三", []string{"一月二十三=--01-23"}},
		{"3月15起", []string{"3月15=--03-15"}},
		// Numeric forms.
		{"2024.3.15", []string{"2024.3.15=2024-03-15"}},
		{"时间：2024-03-15。", []string{"2024-03-15=2024-03-15"}},
		{"2024/3/15", []string{"2024/3/15=2024-03-15"}},
		{"２０２４．３．１５", []string{"２０２４．３．１５=2024-03-15"}},
		{"2024 03 15", []string{"2024 03 15=2024-03-15"}},
		{"3/15/2024", []string{"3/15/2024=2024-03-15"}},
		{"15.3.2024", []string{"15.3.2024=2024-03-15"}},
		// Ranges.
		{"5月16日—22日", []string{"5月16日—22日=--05-16..--05-22"}},
		{"5月16日——22日", []string{"5月16日——22日=--05-16..--05-22"}},
		{"5月16-22日", []string{"5月16-22日=--05-16..--05-22"}},
		{"5月16日～5月22日", []string{"5月16日～5月22日=--05-16..--05-22"}},
		{"5月16日~22日", []string{"5月16日~22日=--05-16..--05-22"}},
		{"5月16日–22日", []string{"5月16日–22日=--05-16..--05-22"}},
		{"5月16日－22日", []string{"5月16日－22日=--05-16..--05-22"}},
		{"2月10日至2月28日", []string{"2月10日至2月28日=--02-10..--02-28"}},
		{"2月15日开始至3月15日结束", []string{"2月15日开始至3月15日=--02-15..--03-15"}},
		{"3月1日起至3月31日", []string{"3月1日起至3月31日=--03-01..--03-31"}},
		{"2023年12月30日至2024年1月2日", []string{"2023年12月30日至2024年1月2日=2023-12-30..2024-01-02"}},
		{"2023年12月30日至1月2日", []string{"2023年12月30日至1月2日=2023-12-30..2024-01-02"}},
		{"12月30日至1月2日", []string{"12月30日至1月2日=--12-30..--01-02"}},
		{"3月14日至15日", []string{"3月14日至15日=--03-14..--03-15"}},
		{"2024年3月14日至15日", []string{"2024年3月14日至15日=2024-03-14..2024-03-15"}},
		{"活动从三月一日到十日", []string{"从三月一日到十日=--03-01..--03-10"}},
		{"自3月1日至3月15日", []string{"自3月1日至3月15日=--03-01..--03-15"}},
		{"从五月8到10日", []string{"从五月8到10日=--05-08..--05-10"}},
		{"2024.3.1-3.15", []string{"2024.3.1-3.15=2024-03-01..2024-03-15"}},
		{"2024/3/1—2024/3/15", []string{"2024/3/1—2024/3/15=2024-03-01..2024-03-15"}},
		{"3/1/2024-3/15/2024", []string{"3/1/2024-3/15/2024=2024-03-01..2024-03-15"}},
		{"3月15日至3月10日", []string{"3月15日=--03-15", "3月10日=--03-10"}},
		{"3月1日至今", []string{"3月1日=--03-01"}},
		{"3月15日-16", []string{"3月15日=--03-15"}},
		// Lists.
		{"3月6日、9日", []string{"3月6日=--03-06", "9日=--03-09"}},
		{"3月7日、13日中午", []string{"3月7日=--03-07", "13日=--03-13"}},
		{"3月14、15两天", []string{"3月14=--03-14", "15=--03-15"}},
		{"3月6日、9、10日", []string{"3月6日=--03-06", "9=--03-09", "10日=--03-10"}},
		{"3月6日和9日", []string{"3月6日=--03-06", "9日=--03-09"}},
		{"2024年3月6日、9日", []string{"2024年3月6日=2024-03-06", "9日=2024-03-09"}},
		{"20××年3月6日、9日", []string{"20××年3月6日=anon--03-06", "9日=anon--03-09"}},
		{"3月1日启动。14、15日开展宣传", []string{"3月1日=--03-01", "14=--03-14", "15日=--03-15"}},
		{"3月1日启动。14日、15日", []string{"3月1日=--03-01", "14日=--03-14", "15日=--03-15"}},
		{"3月14日—15日、18日", []string{"3月14日—15日=--03-14..--03-15", "18日=--03-18"}},
		{"2023年12月30日至1月2日、5日", []string{"2023年12月30日至1月2日=2023-12-30..2024-01-02", "5日=2024-01-05"}},
		{"5月16日—22日举行，25、26日", []string{"5月16日—22日=--05-16..--05-22", "25=--05-25", "26日=--05-26"}},
		{"14、15日开展宣传", []string{}},
		{"3月1日印发。1、2号公告", []string{"3月1日=--03-01"}},
		{"3月1日启动。14、15号", []string{"3月1日=--03-01"}},
		{"3月1日启动。第14、15日", []string{"3月1日=--03-01"}},
		{"3月6日、9个单位", []string{"3月6日=--03-06"}},
		{"3月6日、9、10个", []string{"3月6日=--03-06"}},
		{"3月6日、4日", []string{"3月6日=--03-06"}},
		{"4月6日、31日", []string{"4月6日=--04-06"}},
		// Anonymised years.
		{"20××年3月15日", []string{"20××年3月15日=anon--03-15"}},
		{"20xx年3月15日", []string{"20xx年3月15日=anon--03-15"}},
		{"XX年3月15日", []string{"XX年3月15日=anon--03-15"}},
		{"于x年3月15日", []string{"x年3月15日=anon--03-15"}},
		{"二〇××年三月十五日", []string{"二〇××年三月十五日=anon--03-15"}},
		{"20**年3月15日", []string{"20**年3月15日=anon--03-15"}},
		{"20××年2月29日", []string{"20××年2月29日=anon--02-29"}},
		{"20××-03-15", []string{"20××-03-15=anon--03-15"}},
		{"20××年3月1日至5日", []string{"20××年3月1日至5日=anon--03-01..anon--03-05"}},
		// Years of the Republic of China calendar, as Taiwan writes them.
		{"112年3月15日", []string{"112年3月15日=2023-03-15"}},
		{"民國111年12月4日", []string{"111年12月4日=2022-12-04"}},
		// Consumer-rights day and other event names.
		{"3.15当天", []string{"3.15=--03-15"}},
		{"“3·15”当天", []string{"3·15=--03-15"}},
		{"3•15当日", []string{"3•15=--03-15"}},
		{"315当天", []string{"315=--03-15"}},
		{"3.14-3.16期间开展宣传", []string{"3.14-3.16=--03-14..--03-16"}},
		{"3·14至3·16期间", []string{"3·14至3·16=--03-14..--03-16"}},
		{"活动于5.20-5.26举行", []string{"5.20-5.26=--05-20..--05-26"}},
		{"5.20-5.26开展宣传", []string{"5.20-5.26=--05-20..--05-26"}},
		{"活动时间：5.20-5.26", []string{"5.20-5.26=--05-20..--05-26"}},
		{"pH值6.5-8.5，", []string{}},
		{"单价3.5-4.5元", []string{}},
		{"3.14-3.16之间", []string{}},
		{"3.14-3.16.2期间", []string{}},
		{"3.16-3.14期间", []string{}},
		{"3.15", []string{}},
		{"3·15消费者权益日", []string{}},
		{"3•15晚会", []string{}},
		{"开展315宣传", []string{}},
		{"6·26国际禁毒日", []string{}},
		{"11·9消防日", []string{}},
		// Not dates.
		{"2024年", []string{}},
		{"2024年工作总结", []string{}},
		{"3月", []string{}},
		{"三月份", []string{}},
		{"2024年3月", []string{}},
		{"为期1个月", []string{}},
		{"为期两天", []string{}},
		{"3日游", []string{}},
		{"第3日", []string{}},
		{"10时", []string{}},
		{"电话13812345678", []string{}},
		{"电话0551-12345678", []string{}},
		{"版本1.2.3", []string{}},
		{"v2024.3.15", []string{}},
		{"2024.3.15.1", []string{}},
		{"192.168.1.1", []string{}},
		{"〔2019〕4号", []string{}},
		{"12号楼", []string{}},
		{"3月12号楼", []string{}},
		{"9月八号线", []string{}},
		{"2月30日", []string{}},
		{"2023年2月29日", []string{}},
		{"2024年2月29日", []string{"2024年2月29日=2024-02-29"}},
		{"13月1日", []string{}},
		{"3月32日", []string{}},
		{"4月31日", []string{}},
		{"3月15家企业", []string{}},
		{"3月5万人", []string{}},
		{"3月15-20%", []string{}},
		{"3、4月份", []string{}},
		{"12/1", []string{}},
		{"一二月", []string{}},
	}
	for _, tt := range tests {
		got := compactDates(FindDates([]rune(tt.in)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindDates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDatesSpans(t *testing.T) {
	in := []rune("时间从15年一月十日到十二日，另于3月6日、9日")
	got := FindDates(in)
	want := [][2]int{{2, 14}, {17, 21}, {22, 24}}
	if len(got) != len(want) {
		t.Fatalf("got %d mentions, want %d: %v", len(got), len(want), got)
	}
	for i, m := range got {
		if m.Start != want[i][0] || m.End != want[i][1] || m.Text != string(in[m.Start:m.End]) {
			t.Errorf("mention %d = %q [%d,%d), want [%d,%d)", i, m.Text, m.Start, m.End, want[i][0], want[i][1])
		}
	}
}

func TestDayString(t *testing.T) {
	tests := []struct {
		d    Day
		want string
	}{
		{Day{2024, 3, 15, false}, "2024-03-15"},
		{Day{0, 3, 15, false}, "--03-15"},
		{Day{0, 11, 9, true}, "--11-09"},
		{Day{367, 1, 1, false}, "0367-01-01"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestIsRange(t *testing.T) {
	ms := FindDates([]rune("5月16日—22日，3月15日"))
	if len(ms) != 2 || !ms[0].IsRange() || ms[1].IsRange() {
		t.Errorf("IsRange: got %v", ms)
	}
}

// dateBenchText is report-like text with dates, counts and noise.
var dateBenchText = []rune(strings.Repeat("2024年3月15日，我局联合市消协在人民广场开展“3·15”国际消费者权益日宣传活动，"+
	"发放宣传资料1000余份，接受咨询200余人次。3月14、15两天，执法人员检查商户56家。"+
	"活动自3月1日起至3月31日结束，电话0551-12345678，〔2019〕4号文件。", 50))

func BenchmarkFindDates(b *testing.B) {
	b.SetBytes(int64(len(string(dateBenchText))))
	for b.Loop() {
		FindDates(dateBenchText)
	}
}

// TestDateStarts checks the set of runes a date may start with against
// the tests it stands for.
func TestDateStarts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if want := isDigit(r) || isCNNum(r) || isAnon(r); dateStarts.has(r) != want {
			t.Errorf("dateStarts.has(%q) = %v, want %v", r, !want, want)
		}
	}
}

// TestDayStringFmt compares Day.String with the fmt form it stands for.
func TestDayStringFmt(t *testing.T) {
	for _, d := range []Day{
		{2024, 3, 15, false}, {0, 3, 5, false}, {2024, 12, 31, true}, {99, 1, 1, false}, {12345, 123, 7, false},
		{2024, -1, 5, false}, {-3, 2, 0, false}, {0, 0, 0, false}, {1, 2, -30, true},
	} {
		if got, want := d.String(), d.sprint(); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
	}
}
