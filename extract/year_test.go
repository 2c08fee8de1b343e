package extract

import (
	"testing"

	"zongjie/corpus"
)

func TestYear(t *testing.T) {
	e := newTestExtractor(t)
	for _, tc := range []struct {
		title, text string
		year        int
		source      string
	}{
		{"吴兴区2024年“3·15”活动总结", "区消协开展宣传。", 2024, "title"},
		{"活动总结", "2023年3月15日，区消协在广场开展宣传。", 2023, "explicit"},
		{"活动总结", "今年是第28个国际消费者权益日，区消协开展宣传。", 2010, "ordinal"},
		{"活动总结", "今年6月是第二十二个全国安全生产月，区应急管理局组织宣传。", 2023, "ordinal"},
		{"活动总结", "2019年以来，区消协坚持宣传；今年是第40个国际消费者权益日。", 2022, "ordinal"},
		{"活动总结", "今年5月20日是第26个“世界计量日”，县市场监管局开展宣传。", 2025, "ordinal"}, // a quoted name (observances.tsv lists it)
		{"活动总结", "6月6日是第29个全国“爱眼日”，市眼科医院开展义诊。", 2024, "ordinal"},
		{"活动总结", "今年5月是第四个“民法典宣传月”，街道司法所走进社区普法。", 2024, "ordinal"},
		{"活动总结", "8月15日是第二个全国生态日，区生态环境分局开展宣传。", 2024, "ordinal"},
		{"活动总结", "8月25日是第六个残疾预防日，县残联开展义诊。", 2022, "ordinal"},
		{"活动总结", "今年11月9日是第32个“119”全国消防日，县消防救援大队开展宣传。", 2023, "ordinal"},
		{"活动总结", "今年6月是第二十二个全国「安全生产月」，镇安监站开展宣传。", 2023, "ordinal"}, // corner quotes of a traditional text
		{"活动总结", "围绕“激发消费活力”年主题开展宣传。", 2024, "theme"},
		// last year's figures in this year's report: the observance decides
		{"工作情况汇报", "今年3月15日是第41个国际消费者权益日。2022年全年受理投诉300件。", 2023, "ordinal"},
		{"工作情况汇报", "2022年全年受理投诉300件，区消协开展宣传。", 2022, "explicit"},
		{"工作情况汇报", "2022年3月15日是第40个国际消费者权益日，2021年全年受理投诉。", 2022, "explicit"},
		{"台北市政府消防局113年度防火宣导成果", "本局办理防火宣导活动412场次。", 2024, "title"}, // a Republic of China year
		{"民国112年反诈骗宣导成果报告", "分局办理宣导37场次。", 2023, "title"},
		{"建党100年主题活动总结", "区消协开展宣传。", 0, ""},
		{"20××年3·15活动总结", "20××年3月15日，××区消协开展宣传。", 0, ""},
		{"活动总结", "XX年的3·15活动在各级党委的重视下开展。", 0, ""},
		{"活动总结", "依据《消费者权益保护法（2013年修正）》开展宣传。", 0, ""},
		{"活动总结", "20××年，区消协宣传2013年修订的消费者权益保护法。", 0, ""},
		{"活动总结", "区消协成立于1985年，今年3月15日开展宣传。", 0, ""},
		{"二〇××年消防宣传月总结", "11月9日，xx镇开展消防演练。", 0, ""},
	} {
		rec := e.Extract(corpus.Document{Title: tc.title, Text: tc.title + "\n" + tc.text})
		if rec.Year != tc.year || rec.YearSource != tc.source {
			t.Errorf("%s / %s: year %d (%s), want %d (%s)", tc.title, tc.text, rec.Year, rec.YearSource, tc.year, tc.source)
		}
	}
}

func TestResolvedDates(t *testing.T) {
	e := newTestExtractor(t)
	rec := e.Extract(corpus.Document{Title: "2023年活动总结", Text: "2023年活动总结\n3月15日开展宣传，2022年12月1日启动筹备。"})
	if len(rec.Dates) != 2 || rec.Dates[0].Date != "--03-15" || rec.Dates[0].Resolved != "2023-03-15" ||
		rec.Dates[1].Date != "2022-12-01" || rec.Dates[1].Resolved != "" {
		t.Errorf("dates %+v", rec.Dates)
	}
}
