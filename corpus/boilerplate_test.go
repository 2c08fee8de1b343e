package corpus

import (
	"strings"
	"testing"
)

func TestDefaultBoilerplate(t *testing.T) {
	drop := []string{
		// blurbs of template sites
		"时光飞逝，一年又过去了。以下是小编为大家收集的年度工作总结，仅供参考，欢迎大家阅读。",
		"下面是范文网为大家整理的宣传周活动总结，希望对大家有所帮助。",
		"本文仅供参考",
		"希望能够帮助到大家。",
		"欢迎阅读",
		// copyright and take-down notices
		"版权声明:本文由网友上传，观点仅代表作者本人。",
		"免责声明:文章内容来自网络",
		"本站仅提供信息存储空间服务，不拥有所有权。",
		"如有侵权请联系我们删除",
		"如发现本站有涉嫌侵权的内容，请联系客服，一经查实立刻删除。",
		"转载请注明出处",
		"未经授权不得转载",
		"Copyright © 2024 某某网 All Rights Reserved",
		"京ICP备12345678号",
		// page chrome
		"第1页/共4页",
		"第 2 页",
		"共3页",
		"上一篇:年度计划",
		"下一篇",
		"当前位置:首页 > 总结",
		"首页 > 工作总结 > 活动总结",
		"首页 | 政务公开 | 政务服务 | 政民互动 | 走进岳西",
		"首页 机构概况 工作动态 政策法规 便民服务",
		"主办单位：某县人民政府办公室  承办单位：某县数据资源管理局  联系电话：0556-2180123",
		"网站标识码：3408280001  皖ICP备12003456号-1",
		"地址：某市某区人民路1号  邮编：545002",
		"新闻公报",
		"完",
		"香港时间18时05分",
		"点击蓝字 关注我们",
		"原创 平安某县 2023-06-27 08:30 发表于湖北",
		"往期推荐",
		"点个“在看”，你最好看",
		"阅读原文",
		"相关推荐",
		"相关文章:",
		"猜你喜欢",
		"看了这篇总结的人还看了",
		"点击下载文档",
		"扫一扫，手机阅读",
		"分享到:",
		"打印本页",
		"【打印】【关闭】",
		"字号:大 中 小",
		"评论0条",
		"评论(3)",
		"发表评论",
		"阅读全文",
		"……省略252字……",
		"(省略90字)",
		"下载本文",
		"本文链接:http://example.com/a.html",
		"https://example.com/zongjie/12.html",
		"本文已影响2836人",
		// bylines
		"发布时间:2024-03-16 来源:市场监管局",
		"发表于 2024年3月16日",
		"来源:本站原创",
		"作者:佚名",
		"责任编辑:李明",
		"浏览次数:128",
		// a WeChat article's credits
		"来源 | 某县公安局",
		"责编：李明",
		"图文 | 张三  摄影 | 李四",
		"初审：王五",
		// a bulletin's print run
		"（共印15份）",
		"共印制 30 份",
	}
	keep := []string{
		"一、认真组织,精心部署,各级领导高度重视",
		"活动时间:3月15日上午",
		"文艺队为大家带来了精彩的节目。",
		"现场共发放宣传资料2000余份,接受咨询300余人次。",
		"以上统计数据来源于区市场监管局。",
		"我们将以此次活动为契机,进一步加强消费维权工作。",
		"三、下一步工作打算",
		"第三,加强队伍建设。",
		"通过评选,共有10家商户获得诚信示范店称号。",
		"大家纷纷表示受益匪浅。",
		"为进一步规范市场秩序,维护消费者合法权益,区消协开展了专项检查。",
		"相关部门联合开展了执法检查。",
		"发放《致消费者的一封信》500份。",
		"首页设置了消费维权专栏,点击量达1.2万次。",
		"主办单位:县禁毒委员会办公室。",
		"地址:县人民广场。",
		"新闻公报发布后,市民反响热烈。",
		"完成整改36处。",
		"在看守所开展禁毒警示教育。",
		"蓝字标语格外醒目。",
		"共印制宣传册3000份,发放到各村。",
		"图文并茂的展板吸引了群众驻足。",
		"文字说明通俗易懂。",
	}
	bp := DefaultBoilerplate()
	for _, l := range drop {
		n, _ := Normalize(l)
		if _, ok := bp.Match(n); !ok {
			t.Errorf("kept %q, want it dropped", n)
		}
	}
	for _, l := range keep {
		n, _ := Normalize(l)
		if rule, ok := bp.Match(n); ok {
			t.Errorf("dropped %q (by %s), want it kept", n, rule)
		}
	}
}

func TestParseBoilerplate(t *testing.T) {
	bp, err := ParseBoilerplate("mine.txt", strings.NewReader("# my site\n\n  ^本站公告  \n广告\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rule, ok := bp.Match("本站公告:周末休息"); !ok || rule != "mine.txt:3" {
		t.Errorf("Match = %q, %v; want mine.txt:3, true", rule, ok)
	}
	if _, ok := bp.Match("小编推荐"); ok {
		t.Error("a replaced pattern set still matches a built-in pattern")
	}
	_, err = ParseBoilerplate("bad.txt", strings.NewReader("ok\n(unclosed\n# fine\n[z-a]\n"))
	if err == nil {
		t.Fatal("no error for bad patterns")
	}
	for _, want := range []string{"bad.txt:2:", "bad.txt:4:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func TestBoilerplateOption(t *testing.T) {
	bp, err := ParseBoilerplate("mine.txt", strings.NewReader("^广告"))
	if err != nil {
		t.Fatal(err)
	}
	in := "活动简报\n广告:欢迎订阅\n本次活动圆满结束。\n仅供参考"
	docs, err := Options{Boilerplate: bp}.Read("a.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := "活动简报\n本次活动圆满结束。\n仅供参考"; docs[0].Text != want {
		t.Errorf("Text = %q, want %q", docs[0].Text, want)
	}
}
