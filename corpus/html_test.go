package corpus

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadHTMLPages(t *testing.T) {
	gov, err := os.ReadFile("../testdata/corpus/gov.html")
	if err != nil {
		t.Fatal(err)
	}
	news, err := os.ReadFile("../testdata/corpus/news.html")
	if err != nil {
		t.Fatal(err)
	}
	newsText := []string{
		"我区举办国际禁毒日主题宣传活动",
		"6月26日上午,区禁毒委员会在中心广场举办了以“健康人生 绿色无毒”为主题的宣传活动。",
		"活动现场设置了展板20块,工作人员向过往群众发放宣传折页1500余份,解答群众咨询200余人次。",
		"下表是各街道参与情况:",
		"街道\t参与人数",
		"东湖街道\t120",
		"西山街道\t95",
		"区禁毒办负责人表示,下一步将继续深化禁毒宣传进校园、进社区、进家庭工作。",
		"全区将持续营造全民禁毒的浓厚氛围。",
	}
	govText := []string{
		"某县市场监管局开展“3·15”消费维权宣传活动",
		"3月15日,某县市场监管局联合县消费者协会在人民广场开展主题宣传活动。",
		"活动中,工作人员通过设立咨询台、悬挂横幅、发放资料等形式,向群众宣传消费维权知识。",
		"现场共受理消费投诉5件,当场调解3件,为消费者挽回经济损失2000余元。",
	}
	tests := []struct {
		name, file string
		data       []byte
		enc, title string
		date       string
		text       []string
	}{
		{"news page", "news.html", news, "utf-8", "我区举办国际禁毒日主题宣传活动", "2024-06-27", newsText},
		{"gov page saved as utf-8", "gov.htm", gov, "utf-8", "某县市场监管局开展“3·15”消费维权宣传活动", "2023-03-16", govText},
		{"gov page in gbk", "gov.htm", encode(t, simplifiedchinese.GBK, string(gov)), "gb18030", "某县市场监管局开展“3·15”消费维权宣传活动", "2023-03-16", govText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read(tt.file, strings.NewReader(string(tt.data)))
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.Format != "html" || d.Encoding != tt.enc || d.Title != tt.title || d.Date != tt.date {
				t.Errorf("format %q, encoding %q, title %q, date %q; want html, %q, %q, %q", d.Format, d.Encoding, d.Title, d.Date, tt.enc, tt.title, tt.date)
			}
			if diff := cmp.Diff(tt.text, strings.Split(d.Text, "\n")); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			src, err := decodeText(tt.data, metaCharset(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLOrigin(t, src.text, docs)
		})
	}
}

func TestReadHTMLSnippets(t *testing.T) {
	tests := []struct {
		name, html  string
		title, date string
		text        []string
	}{
		{
			name:  "title suffix stripped",
			html:  `<title>关于开展普法宣传的总结_总结范文_某某文库</title><body><div class="content"><p>我们开展了普法宣传活动，效果良好。</p></div></body>`,
			title: "关于开展普法宣传的总结",
			text:  []string{"关于开展普法宣传的总结", "我们开展了普法宣传活动,效果良好。"},
		},
		{
			name:  "pipe separator and h1",
			html:  `<title>读书日活动圆满结束 | 图书馆</title><body><div class="main"><h1>读书日活动圆满结束</h1><p>四月二十三日，图书馆举办了读书分享会。</p></div></body>`,
			title: "读书日活动圆满结束",
			text:  []string{"读书日活动圆满结束", "四月二十三日,图书馆举办了读书分享会。"},
		},
		{
			name:  "byline date",
			html:  `<title>食品安全周</title><body><div class="news_txt"><p>发布日期：2022年6月8日</p><p>本周全市开展了食品安全宣传。</p></div></body>`,
			title: "食品安全周",
			date:  "2022-06-08",
			text:  []string{"食品安全周", "本周全市开展了食品安全宣传。"},
		},
		{
			name:  "content class beats a longer link list",
			html:  `<title>环保日</title><body><ul class="list"><li><a>环保局召开全体干部大会部署今年重点工作任务安排</a></li><li><a>环保局开展河道巡查工作确保水质达标排放</a></li></ul><div class="article-content"><p>六月五日，我们在社区开展了环保宣传。</p></div></body>`,
			title: "环保日",
			text:  []string{"环保日", "六月五日,我们在社区开展了环保宣传。"},
		},
		{
			name:  "site-name title and a headline of its own",
			html:  `<title>某市消费者委员会 - 新闻稿</title><body><div id="main"><h2>消委会举办2023年“3·15”系列活动</h2><p>消委会于3月11日设置宣传站7个。</p></div></body>`,
			title: "消委会举办2023年“3·15”系列活动",
			text:  []string{"消委会举办2023年“3·15”系列活动", "消委会于3月11日设置宣传站7个。"},
		},
		{
			name:  "list items and entities",
			html:  `<title>反诈宣传</title><body><article><p>主要做法：</p><ul><li>进社区&nbsp;宣讲</li><li>进校园&amp;课堂</li></ul></article></body>`,
			title: "反诈宣传",
			text:  []string{"反诈宣传", "主要做法:", "进社区 宣讲", "进校园&课堂"},
		},
		{
			name:  "compilation page",
			html:  `<title>科普活动总结(精选2篇)</title><body><div class="content"><h2>科普活动总结1</h2><p>科技馆举办了机器人展览。</p><h2>科普活动总结2</h2><p>学校开展了科学实验课。</p><p>相关推荐</p></div></body>`,
			title: "",
			text:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read("page.html", strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if tt.text == nil {
				var got []string
				for _, d := range docs {
					got = append(got, d.Title+"|"+d.Text)
				}
				want := []string{"科普活动总结1|科普活动总结1\n科技馆举办了机器人展览。", "科普活动总结2|科普活动总结2\n学校开展了科学实验课。"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("documents (-want +got):\n%s", diff)
				}
				return
			}
			d := docs[0]
			if d.Title != tt.title || d.Date != tt.date {
				t.Errorf("title %q, date %q; want %q, %q", d.Title, d.Date, tt.title, tt.date)
			}
			if diff := cmp.Diff(tt.text, strings.Split(d.Text, "\n")); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			checkHTMLOrigin(t, tt.html, docs)
		})
	}
}

func TestMetaCharset(t *testing.T) {
	for in, want := range map[string]string{
		`<meta charset="GBK">`: "GBK",
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`: "gb2312",
		`<?xml version="1.0" encoding="big5"?>`:                                  "big5",
		`<p>no charset</p>`:                                                      "",
	} {
		if got := metaCharset([]byte(in)); got != want {
			t.Errorf("metaCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-16":                "2024-03-16",
		"2024/3/6 10:20":            "2024-03-06",
		"2024年3月16日":                "2024-03-16",
		"2024.03.16":                "2024-03-16",
		"2024-03-16T09:30:00+08:00": "2024-03-16",
		"20240316":                  "2024-03-16",
		"２０２４－０３－１６":                "2024-03-16",
		"2024-02-30":                "",
		"1024-01-01":                "",
		"no date":                   "",
	} {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkHTMLOrigin verifies that every character of the documents of a
// page, except white space, points at the same or an equivalent character
// of the decoded page source, or at the '&' of a character reference.
func checkHTMLOrigin(t *testing.T, src string, docs []Document) {
	t.Helper()
	for _, d := range docs {
		checkOffsets(t, len(src), d.Text, d.Origin)
		i := 0
		for _, r := range d.Text {
			o, _ := utf8.DecodeRuneInString(src[d.Origin[i]:])
			if !isSpaceRune(r) && !equivalent(o, r) && o != '&' {
				t.Errorf("%s: rune %d %q came from %q at %d: %q", d.Title, i, r, o, d.Origin[i], src[d.Origin[i]:min(len(src), d.Origin[i]+20)])
			}
			i++
		}
	}
}
