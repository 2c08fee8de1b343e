package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// splitText normalises s, splits it and returns each part as its title
// followed by its lines.
func splitText(s string) [][]string {
	text, origin := Normalize(s)
	var out [][]string
	for _, p := range split(splitLines(text, origin), DefaultBoilerplate()) {
		doc := []string{"title=" + p.title}
		body, _, _ := p.text()
		doc = append(doc, strings.Split(body, "\n")...)
		out = append(out, doc)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{
			name: "numbered stem",
			in:   "植树节活动总结\n以下是小编整理的植树节活动总结,仅供参考。\n植树节活动总结1\n甲单位组织职工植树。\n植树节活动总结2\n乙单位组织学生植树。\n植树节活动总结3\n丙社区开展护绿宣传。\n版权声明:本文来自网络。",
			want: [][]string{
				{"title=植树节活动总结1", "植树节活动总结1", "甲单位组织职工植树。"},
				{"title=植树节活动总结2", "植树节活动总结2", "乙单位组织学生植树。"},
				{"title=植树节活动总结3", "植树节活动总结3", "丙社区开展护绿宣传。"},
			},
		},
		{
			name: "list of other articles after the report",
			in:   "县禁毒办开展宣传活动\n6月26日,县禁毒办在广场开展宣传。\n往期推荐\n县消防救援大队开展夏季消防检查\n县应急局召开防汛会议\n\n阅读原文",
			want: [][]string{
				{"title=", "县禁毒办开展宣传活动", "6月26日,县禁毒办在广场开展宣传。"},
			},
		},
		{
			name: "a sentence after the list is the report again",
			in:   "相关阅读\n县应急局召开防汛会议\n活动期间,县禁毒办共发放宣传资料2000余份,接受群众咨询300余人次。",
			want: [][]string{
				{"title=", "活动期间,县禁毒办共发放宣传资料2000余份,接受群众咨询300余人次。"},
			},
		},
		{
			name: "stem with chinese numerals",
			in:   "读书月活动总结一\n图书馆举办讲座。\n读书月活动总结二\n学校开展朗读比赛。",
			want: [][]string{
				{"title=读书月活动总结一", "读书月活动总结一", "图书馆举办讲座。"},
				{"title=读书月活动总结二", "读书月活动总结二", "学校开展朗读比赛。"},
			},
		},
		{
			name: "pian with titles",
			in:   "篇一:社区禁毒宣传总结\n社区举办展览。\n篇二:学校禁毒教育总结\n学校召开班会。",
			want: [][]string{
				{"title=篇一:社区禁毒宣传总结", "篇一:社区禁毒宣传总结", "社区举办展览。"},
				{"title=篇二:学校禁毒教育总结", "篇二:学校禁毒教育总结", "学校召开班会。"},
			},
		},
		{
			name: "bracketed pian",
			in:   "【篇一】消防安全月总结\n开展疏散演练。\n【篇二】消防安全月总结\n检查灭火器材。\n【篇三】消防安全月总结\n培训微型消防站队员。",
			want: [][]string{
				{"title=【篇一】消防安全月总结", "【篇一】消防安全月总结", "开展疏散演练。"},
				{"title=【篇二】消防安全月总结", "【篇二】消防安全月总结", "检查灭火器材。"},
				{"title=【篇三】消防安全月总结", "【篇三】消防安全月总结", "培训微型消防站队员。"},
			},
		},
		{
			name: "fanwen",
			in:   "范文1\n第一篇正文。\n范文2\n第二篇正文。",
			want: [][]string{
				{"title=范文1", "范文1", "第一篇正文。"},
				{"title=范文2", "范文2", "第二篇正文。"},
			},
		},
		{
			name: "di yi pian",
			in:   "第一篇:环保宣传总结\n清理河道垃圾。\n第二篇:环保宣传总结\n发放环保袋。",
			want: [][]string{
				{"title=第一篇:环保宣传总结", "第一篇:环保宣传总结", "清理河道垃圾。"},
				{"title=第二篇:环保宣传总结", "第二篇:环保宣传总结", "发放环保袋。"},
			},
		},
		{
			name: "parenthesised number and summary",
			in:   "（一）街道普法宣传总结\n街道举办法律讲座。\n（二）社区普法宣传总结\n社区设立咨询台。",
			want: [][]string{
				{"title=(一)街道普法宣传总结", "(一)街道普法宣传总结", "街道举办法律讲座。"},
				{"title=(二)社区普法宣传总结", "(二)社区普法宣传总结", "社区设立咨询台。"},
			},
		},
		{
			name: "twelve summaries",
			in:   numbered("科普周总结", 12),
			want: numberedWant("科普周总结", 12),
		},
		{
			name: "inner sections do not split the outer summaries",
			in:   "安全月总结1\n(一)宣传情况总结\n发放资料。\n(二)检查情况总结\n排查隐患。\n安全月总结2\n一、认真组织\n召开会议。",
			want: [][]string{
				{"title=安全月总结1", "安全月总结1", "(一)宣传情况总结", "发放资料。", "(二)检查情况总结", "排查隐患。"},
				{"title=安全月总结2", "安全月总结2", "一、认真组织", "召开会议。"},
			},
		},
		{
			name: "section headings are not documents",
			in:   "消费维权工作总结\n一、认真组织,精心部署\n成立领导小组。\n二、突出重点,注重实效\n开展专项检查。\n三、客户满意度调查情况总结\n满意率达到95%。",
			want: [][]string{{"title=", "消费维权工作总结", "一、认真组织,精心部署", "成立领导小组。", "二、突出重点,注重实效", "开展专项检查。", "三、客户满意度调查情况总结", "满意率达到95%。"}},
		},
		{
			name: "one heading is not a compilation",
			in:   "活动总结1\n内容。",
			want: [][]string{{"title=", "活动总结1", "内容。"}},
		},
		{
			name: "numbers out of order",
			in:   "活动总结2\n内容甲。\n活动总结1\n内容乙。",
			want: [][]string{{"title=", "活动总结2", "内容甲。", "活动总结1", "内容乙。"}},
		},
		{
			name: "different stems",
			in:   "甲镇活动总结1\n内容甲。\n乙镇活动总结2\n内容乙。",
			want: [][]string{{"title=", "甲镇活动总结1", "内容甲。", "乙镇活动总结2", "内容乙。"}},
		},
		{
			name: "sentences are not headings",
			in:   "我们认真开展了总结1。\n内容甲。\n我们认真开展了总结2。\n内容乙。",
			want: [][]string{{"title=", "我们认真开展了总结1。", "内容甲。", "我们认真开展了总结2。", "内容乙。"}},
		},
		{
			name: "long lines are not headings",
			in:   strings.Repeat("长", 40) + "总结1\n内容甲\n" + strings.Repeat("长", 40) + "总结2\n内容乙",
			want: [][]string{{"title=", strings.Repeat("长", 40) + "总结1", "内容甲", strings.Repeat("长", 40) + "总结2", "内容乙"}},
		},
		{
			name: "numbered lines without a marker",
			in:   "检查组1\n检查了两家超市。\n检查组2\n检查了三家药店。",
			want: [][]string{{"title=", "检查组1", "检查了两家超市。", "检查组2", "检查了三家药店。"}},
		},
		{
			name: "boilerplate inside and after a summary",
			in:   "周总结1\n甲。\n相关推荐\n周总结2\n乙。\n\n上一篇:周计划\n扫一扫",
			want: [][]string{
				{"title=周总结1", "周总结1", "甲。"},
				{"title=周总结2", "周总结2", "乙。"},
			},
		},
		{
			name: "blank lines between paragraphs",
			in:   "周总结1\n\n甲。\n\n\n乙。\n周总结2\n丙。",
			want: [][]string{
				{"title=周总结1", "周总结1", "", "甲。", "", "乙。"},
				{"title=周总结2", "周总结2", "丙。"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, splitText(tt.in)); diff != "" {
				t.Errorf("split (-want +got):\n%s", diff)
			}
		})
	}
}

func numbered(stem string, n int) string {
	var b strings.Builder
	b.WriteString(stem + "\n")
	for i := 1; i <= n; i++ {
		b.WriteString(stem + itoa(i) + "\n正文" + itoa(i) + "。\n")
	}
	return b.String()
}

func numberedWant(stem string, n int) [][]string {
	var out [][]string
	for i := 1; i <= n; i++ {
		h := stem + itoa(i)
		out = append(out, []string{"title=" + h, h, "正文" + itoa(i) + "。"})
	}
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{
		"1": 1, "12": 12, "一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十三": 23,
		"": 0, "二二": 0, "十十": 0, "〇": 0, "a": 0,
	} {
		if got := chineseNumber(s); got != want {
			t.Errorf("chineseNumber(%q) = %d, want %d", s, got, want)
		}
	}
}
