package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The file formats: plain text (UTF-8, UTF-8 with a byte-order mark, or
// GBK), and web pages whose article sits in a div among site chrome. A
// compilation is a template-site page (or text) holding several summaries
// under numbered headings, a blurb and a copyright line.

// fileSpec is what the plan decides for a file before it is written.
type fileSpec struct {
	index    int
	reports  int    // 1, or 3–5 for a compilation
	format   string // txt or html
	encoding string // utf-8, utf-8-bom or gb18030
}

// provinceAbbr is the one-character abbreviation of a province (for ICP
// numbers in page footers), by folder slug.
var provinceAbbr = map[string]string{
	"beijing": "京", "tianjin": "津", "hebei": "冀", "shanxi": "晋", "neimenggu": "蒙", "liaoning": "辽",
	"jilin": "吉", "heilongjiang": "黑", "shanghai": "沪", "jiangsu": "苏", "zhejiang": "浙", "anhui": "皖",
	"fujian": "闽", "jiangxi": "赣", "shandong": "鲁", "henan": "豫", "hubei": "鄂", "hunan": "湘",
	"guangdong": "粤", "guangxi": "桂", "hainan": "琼", "chongqing": "渝", "sichuan": "川", "guizhou": "黔",
	"yunnan": "滇", "xizang": "藏", "shaanxi": "陕", "gansu": "甘", "qinghai": "青", "ningxia": "宁", "xinjiang": "新",
}

// textLayout is how a plain-text file lays out its paragraphs.
type textLayout struct {
	blank  bool   // a blank line between paragraphs
	indent string // paragraph indent (两个全角空格) or ""
}

func newLayout(r *rand.Rand) textLayout {
	l := textLayout{blank: r.IntN(100) < 70}
	if r.IntN(100) < 30 {
		l.indent = "　　"
	}
	return l
}

// writeText appends a report as text lines; heading is the report's first
// line (its title, or its heading in a compilation).
func (l textLayout) writeText(b *strings.Builder, rep *report, heading string) {
	sep := "\n"
	if l.blank {
		sep = "\n\n"
	}
	b.WriteString(heading)
	for _, bl := range rep.blocks {
		b.WriteString(sep)
		if !bl.head {
			b.WriteString(l.indent)
		}
		b.WriteString(bl.text)
	}
	if len(rep.sign) > 0 {
		b.WriteString(sep)
		b.WriteString(strings.Join(rep.sign, "\n"))
	}
	b.WriteString("\n")
}

// singleText is a plain-text file of one report.
func singleText(r *rand.Rand, rep *report) string {
	var b strings.Builder
	newLayout(r).writeText(&b, rep, rep.title)
	return b.String()
}

// blurbs and copyright notices of template sites (written for zjgen).
var (
	blurbs = []string{
		"活动总结是对一段时间工作的回顾和检查，写好总结有助于积累经验、改进不足。以下是小编为大家整理的%s，仅供参考，希望对大家有所帮助。",
		"一次活动结束后，及时梳理做法、查找差距，是把下一项工作做好的前提。下面是小编精心收集的%s范文，欢迎阅读与收藏。",
		"本文为大家整理了几篇%s，内容涵盖组织部署、宣传发动、工作成效等方面，仅供大家参考借鉴。",
	}
	copyrights = []string{
		"版权声明：本站文章均来源于网友投稿和网络整理，仅供学习交流使用。如有侵权，请联系我们及时删除。",
		"声明：本文由用户上传，内容仅代表作者个人观点，本站不拥有其版权。如发现侵权内容，请联系本站删除。",
		"免责声明：本站所收录的范文仅供参考，转载请注明出处。如涉及侵权问题，请及时告知我们，我们将在核实后立即处理。",
	}
	templateSites = []string{"简文范本网", "实用公文网", "笔墨范文站", "公文素材库"}
)

// compilationText is a plain-text compilation: page title, blurb, the
// summaries under their headings, copyright line.
func compilationText(r *rand.Rand, stem string, reps []*report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s%d篇）\n", stem, pickS(r, []string{"精选", "通用", "汇总"}), len(reps))
	fmt.Fprintf(&b, pickS(r, blurbs)+"\n", stem)
	l := newLayout(r)
	for _, rep := range reps {
		l.writeText(&b, rep, rep.title)
	}
	b.WriteString(pickS(r, copyrights) + "\n")
	return b.String()
}

// pageInfo is what a page's chrome says about its report.
type pageInfo struct {
	site, section, source, date, icp string
}

func (c *ctx) pageInfo(r *rand.Rand) pageInfo {
	d := c.end.AddDate(0, 0, 1+r.IntN(10))
	p := pageInfo{
		date: fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d", d.Year(), d.Month(), d.Day(), 8+r.IntN(10), r.IntN(60), r.IntN(60)),
		icp:  fmt.Sprintf("%sICP备%08d号-%d", provinceAbbr[c.c.prov.slug], 10000000+r.IntN(89999999), 1+r.IntN(3)),
	}
	if c.anonPlace != "" {
		p.site, p.section, p.source = pickS(r, templateSites), "活动总结", "网友投稿"
		return p
	}
	switch r.IntN(3) {
	case 0:
		p.site, p.section = c.c.name+"人民政府", "部门动态"
	case 1:
		p.site, p.section = c.c.cityShort+"新闻网", "区县新闻"
		if c.c.city == "" {
			p.site = c.c.prov.short + "新闻网"
		}
	default:
		p.site, p.section = c.lead, "工作动态"
	}
	p.source = c.lead
	return p
}

// articleHTML writes a report's body as paragraphs; quotes become
// entities in some pages, and headings are bold paragraphs or h3.
func articleHTML(r *rand.Rand, rep *report, b *strings.Builder) {
	ents := r.IntN(100) < 30
	h3 := r.IntN(2) == 0
	indent := r.IntN(100) < 40
	esc := func(s string) string {
		s = html.EscapeString(s)
		if ents {
			s = strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;", "—", "&mdash;").Replace(s)
		}
		return s
	}
	for _, bl := range rep.blocks {
		switch {
		case bl.head && h3:
			fmt.Fprintf(b, "      <h3>%s</h3>\n", esc(bl.text))
		case bl.head:
			fmt.Fprintf(b, "      <p><strong>%s</strong></p>\n", esc(bl.text))
		case indent:
			fmt.Fprintf(b, "      <p style=\"text-indent:2em;\">%s</p>\n", esc(bl.text))
		default:
			fmt.Fprintf(b, "      <p>%s</p>\n", esc(bl.text))
		}
	}
	for _, s := range rep.sign {
		fmt.Fprintf(b, "      <p style=\"text-align:right;\">%s</p>\n", esc(s))
	}
}

// singleHTML is a saved page of one report in one of four chromes.
func singleHTML(r *rand.Rand, rep *report, charset string) string {
	c := rep.ctx
	p := c.pageInfo(r)
	t := html.EscapeString(rep.title)
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"%s\">\n", charset)
	fmt.Fprintf(&b, "<title>%s - %s - %s</title>\n", t, p.section, html.EscapeString(p.site))
	fmt.Fprintf(&b, "<meta name=\"publishdate\" content=\"%s\">\n", p.date)
	fmt.Fprintf(&b, "<meta name=\"keywords\" content=\"%s,%s\">\n", html.EscapeString(c.obsShown), html.EscapeString(p.section))
	b.WriteString("<link rel=\"stylesheet\" href=\"/static/css/main.css\">\n</head>\n<body>\n")
	style := r.IntN(4)
	switch style {
	case 0:
		fmt.Fprintf(&b, "<div class=\"top\"><span>今天是：%s</span> <a href=\"/\">设为首页</a> <a href=\"#\">无障碍浏览</a></div>\n", p.date[:10])
		b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/zwgk/\">政务公开</a><a href=\"/zwdt/\">政务动态</a><a href=\"/hdjl/\">互动交流</a><a href=\"/bsfw/\">办事服务</a></div>\n")
		fmt.Fprintf(&b, "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwdt/\">政务动态</a> &gt; %s</div>\n", p.section)
		fmt.Fprintf(&b, "<div class=\"detail\">\n  <h1>%s</h1>\n  <div class=\"info\">发布时间：%s　来源：%s　浏览次数：%d　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>\n  <div class=\"TRS_Editor\">\n", t, p.date[:10], html.EscapeString(p.source), 100+r.IntN(5000))
		articleHTML(r, rep, &b)
		b.WriteString("  </div>\n  <div class=\"tools\">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>\n</div>\n")
		fmt.Fprintf(&b, "<div class=\"footer\"><p>主办：%s办公室　地址：%s人民路%d号</p><p>版权所有：%s　<a href=\"https://beian.miit.gov.cn/\">%s</a></p></div>\n",
			html.EscapeString(p.site), html.EscapeString(c.place("county")), 1+r.IntN(300), html.EscapeString(p.site), p.icp)
	case 1:
		fmt.Fprintf(&b, "<div class=\"header\"><a class=\"logo\" href=\"/\">%s</a><ul class=\"menu\"><li>首页</li><li>机构概况</li><li>工作动态</li><li>政策法规</li><li>便民服务</li></ul></div>\n", html.EscapeString(p.site))
		fmt.Fprintf(&b, "<div class=\"crumb\">您的位置：<a href=\"/\">首页</a> &gt; %s</div>\n<div class=\"main\">\n  <div class=\"title\">%s</div>\n", p.section, t)
		fmt.Fprintf(&b, "  <div class=\"sub\">日期：%s　作者：办公室　点击：%d</div>\n  <div class=\"content\">\n", p.date[:10], 50+r.IntN(3000))
		articleHTML(r, rep, &b)
		b.WriteString("  </div>\n  <div class=\"prevnext\"><p>上一篇：<a>关于做好汛期安全防范工作的通知</a></p><p>下一篇：<a>局机关开展主题党日活动</a></p></div>\n</div>\n")
		fmt.Fprintf(&b, "<div class=\"foot\">Copyright © %s 版权所有　%s</div>\n", html.EscapeString(p.site), p.icp)
	case 2:
		fmt.Fprintf(&b, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a><nav><a href=\"/\">首页</a><a href=\"/news/\">新闻</a><a href=\"/local/\">%s</a><a href=\"/video/\">视频</a><a href=\"/life/\">生活</a></nav></header>\n", html.EscapeString(p.site), p.section)
		b.WriteString("<div class=\"ad-banner\"><a href=\"/ad/go?id=21\"><img src=\"/upload/ad/banner.jpg\" alt=\"家装节 满减优惠进行中\"></a></div>\n")
		fmt.Fprintf(&b, "<main class=\"article\">\n  <h1>%s</h1>\n  <div class=\"meta\"><span>%s</span> <span>来源：%s</span> <span>阅读 %d</span></div>\n  <div class=\"article-content\">\n", t, p.date[:16], html.EscapeString(p.source), 200+r.IntN(9000))
		articleHTML(r, rep, &b)
		fmt.Fprintf(&b, "  </div>\n  <div class=\"editor\">责任编辑：%s</div>\n  <div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>\n</main>\n", pickS(r, []string{"李明", "王芳", "张磊", "陈静"}))
		b.WriteString("<aside class=\"side\"><h3>热门推荐</h3><ul><li><a>城区新增三处口袋公园</a></li><li><a>暑期游泳安全提示</a></li></ul></aside>\n")
		fmt.Fprintf(&b, "<footer>%s 版权所有 未经授权禁止转载　%s</footer>\n", html.EscapeString(p.site), p.icp)
	default:
		fmt.Fprintf(&b, "<div id=\"head\"><div class=\"logo\">%s</div><div class=\"search\"><input type=\"text\"><button>搜索</button></div></div>\n", html.EscapeString(p.site))
		fmt.Fprintf(&b, "<div id=\"body\">\n  <div class=\"news_title\"><h1>%s</h1></div>\n  <div class=\"news_info\">发布时间：%s　来源：%s</div>\n  <div class=\"news_txt\">\n", t, p.date[:10], html.EscapeString(p.source))
		articleHTML(r, rep, &b)
		b.WriteString("  </div>\n  <div class=\"related\"><h4>相关阅读</h4><ul><li><a>我区召开安全生产工作会议</a></li><li><a>文明城市创建推进会召开</a></li></ul></div>\n</div>\n")
		fmt.Fprintf(&b, "<div id=\"foot\"><p>%s　版权所有</p><p>%s</p></div>\n", html.EscapeString(p.site), p.icp)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// compilationHTML is a template-site page holding several summaries.
func compilationHTML(r *rand.Rand, stem string, reps []*report) string {
	site := pickS(r, templateSites)
	page := fmt.Sprintf("%s（%s%d篇）", stem, pickS(r, []string{"精选", "通用"}), len(reps))
	c := reps[0].ctx
	d := c.end.AddDate(0, 0, 1+r.IntN(20))
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%s-%s</title>\n", html.EscapeString(page), site)
	fmt.Fprintf(&b, "<meta name=\"publishdate\" content=\"%04d-%02d-%02d 09:%02d:00\">\n</head>\n<body>\n", d.Year(), d.Month(), d.Day(), r.IntN(60))
	fmt.Fprintf(&b, "<div class=\"header\"><a href=\"/\" class=\"logo\">%s</a><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/zongjie/\">工作总结</a><a href=\"/jihua/\">工作计划</a><a href=\"/fangan/\">活动方案</a><a href=\"/jianghua/\">讲话稿</a></div></div>\n", site)
	fmt.Fprintf(&b, "<div class=\"position\">当前位置：<a href=\"/\">%s</a> &gt; <a href=\"/zongjie/\">工作总结</a> &gt; %s</div>\n", site, html.EscapeString(page))
	fmt.Fprintf(&b, "<div class=\"art\">\n  <h1>%s</h1>\n  <div class=\"info\">时间：%04d-%02d-%02d　栏目：活动总结　浏览次数：%d</div>\n  <div class=\"contents\">\n", html.EscapeString(page), d.Year(), d.Month(), d.Day(), 300+r.IntN(9000))
	fmt.Fprintf(&b, "      <p>%s</p>\n", html.EscapeString(fmt.Sprintf(pickS(r, blurbs), stem)))
	for _, rep := range reps {
		fmt.Fprintf(&b, "      <h2>%s</h2>\n", html.EscapeString(rep.title))
		articleHTML(r, rep, &b)
	}
	fmt.Fprintf(&b, "      <p class=\"copyright\">%s</p>\n  </div>\n", html.EscapeString(pickS(r, copyrights)))
	b.WriteString("  <div class=\"pages\">第1页/共1页</div>\n  <div class=\"downbox\"><a href=\"#\">下载本文Word文档</a></div>\n</div>\n")
	fmt.Fprintf(&b, "<div class=\"footer\"><p><a>关于我们</a> | <a>免责声明</a> | <a>联系我们</a></p><p>Copyright © 2014-%d %s 版权所有</p></div>\n</body>\n</html>\n", d.Year()+1, site)
	return b.String()
}

// encode converts a file's text to its encoding.
func encode(s, enc string) ([]byte, error) {
	switch enc {
	case "gb18030":
		out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		return []byte(out), err
	case "utf-8-bom":
		return append([]byte("\xef\xbb\xbf"), s...), nil
	}
	return []byte(s), nil
}
