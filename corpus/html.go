package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML decodes a web page and extracts its article: the title, the
// publication date and the text of the main content block, one line per
// paragraph, starting with the title line, with a map from the article
// text back to the decoded page source (see alignText).
//
// The charset comes from a BOM, then valid UTF-8, then declared (the
// charset given outside the page, as by a MIME part) or else the page's
// <meta> or XML declaration, then detection (see decodeText); Options.Encoding
// overrides them all. The page is decoded before it is parsed. Scripts, styles, navigation, headers, footers,
// asides, forms, frames, hidden elements and elements whose id or class
// names page chrome (nav, menu, breadcrumb, sidebar, comment, share,
// related, recommend, ad, banner, copyright, pager, …) are removed; the
// main block is then the element with the highest text score (see
// scoreBlocks).
func (o Options) readHTML(data []byte, declared string) (page, error) {
	if declared == "" {
		declared = metaCharset(data)
	}
	d, err := o.decode(data, declared)
	if err != nil {
		return page{}, err
	}
	text := d.text
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return page{}, err
	}
	doc.Find("script, style, noscript, template, svg, canvas, object, embed, iframe, frame, frameset").Remove()
	title := pageTitle(doc)
	date := metaDate(doc)
	if date == "" {
		date = bylineDate(textLines(doc.Find("body").Nodes...))
	}
	removeChrome(doc)
	var lines []string
	if body := doc.Find("body"); body.Length() > 0 {
		lines = textLines(mainBlock(body.Nodes[0]))
	}
	if len(lines) == 0 {
		return page{}, ErrNoText
	}
	if title == "" && looksLikeTitle(lines[0]) {
		title = lines[0]
	}
	if title != "" && sameLine(title, lines[0]) {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		return page{}, ErrNoText
	}
	if title != "" {
		lines = append([]string{title}, lines...)
	}
	article := strings.Join(lines, "\n")
	return page{
		text:       article,
		source:     alignText(article, sourceText(text)),
		encoding:   d.encoding,
		confidence: d.confidence,
		title:      title,
		date:       date,
	}, nil
}

// sameLine reports whether two lines are equal once normalised.
func sameLine(a, b string) bool {
	na, _ := Normalize(a)
	nb, _ := Normalize(b)
	return na == nb
}

// metaCharsetPattern finds a charset in a <meta> tag (charset= or
// http-equiv content) or an XML declaration.
var metaCharsetPattern = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_\-:.]+)`)

// metaCharset returns the charset label declared in the first 4 KiB of a
// page, or "".
func metaCharset(data []byte) string {
	if len(data) > 4096 {
		data = data[:4096]
	}
	m := metaCharsetPattern.FindSubmatch(data)
	if m == nil {
		return ""
	}
	if len(m[1]) > 0 {
		return string(m[1])
	}
	return string(m[2])
}

// titleSeparators split a <title> into the article title and site names.
var titleSeparators = regexp.MustCompile(`\s+[-–—|｜]\s+|[_|｜]|--`)

// pageTitle returns the article title: a heading (h1–h3, or an element
// whose class or id says title) whose text is part of the <title>, else
// the <title> without its site-name parts, else the first h1.
func pageTitle(doc *goquery.Document) string {
	full := collapseSpace(doc.Find("title").First().Text())
	var h1, heading string
	doc.Find("h1, h2, h3, [class*=title], [id*=title]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := collapseSpace(s.Text())
		if h1 == "" && goquery.NodeName(s) == "h1" {
			h1 = t
		}
		if heading == "" && (goquery.NodeName(s) == "h1" || goquery.NodeName(s) == "h2") && utf8.RuneCountInString(t) <= 80 {
			heading = t
		}
		if utf8.RuneCountInString(t) >= 4 && utf8.RuneCountInString(t) <= 80 && strings.Contains(full, t) {
			full, h1 = "", t
			return false
		}
		return true
	})
	if full == "" && h1 != "" {
		return h1
	}
	best := titlePart(full)
	if hanOrAlnum(best) < shortTitle && hanOrAlnum(heading) >= shortTitle {
		// a <title> of site and section names (澳门消费者委员会 - 新闻稿) and
		// a headline of its own
		return heading
	}
	if best != "" {
		return best
	}
	return h1
}

// shortTitle is the length (Han characters, letters and digits) under
// which a <title> part reads as a site or section name rather than a
// report's title.
const shortTitle = 10

// titlePart returns the article title's part of a <title>: the first part
// of four or more characters, else the longest.
func titlePart(full string) string {
	best := ""
	for _, p := range titleSeparators.Split(full, -1) {
		p = strings.TrimSpace(p)
		if best == "" && hanOrAlnum(p) >= 4 {
			return p
		}
		if hanOrAlnum(p) > hanOrAlnum(best) {
			best = p
		}
	}
	return best
}

// hanOrAlnum counts the Han characters, letters and digits of s.
func hanOrAlnum(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// metaDate returns the publication date given by a meta tag or a
// datePublished item, or "".
func metaDate(doc *goquery.Document) string {
	date := ""
	doc.Find("meta, [itemprop=datePublished]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, attr := range []string{"name", "property", "itemprop", "http-equiv"} {
			key, _ := s.Attr(attr)
			if !dateMetaNames[strings.ToLower(strings.TrimSpace(key))] {
				continue
			}
			value, ok := s.Attr("content")
			if !ok {
				value, ok = s.Attr("datetime")
			}
			if !ok {
				value = s.Text()
			}
			if date = parseDate(value); date != "" {
				return false
			}
		}
		return true
	})
	return date
}

// chromeWords are the id and class words (split at -, _, spaces and
// camel case) of page chrome.
var chromeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menus": true,
	"breadcrumb": true, "breadcrumbs": true, "crumb": true, "crumbs": true, "location": true,
	"sidebar": true, "side": true, "aside": true, "footer": true, "foot": true, "header": true,
	"comment": true, "comments": true, "reply": true, "share": true, "sharing": true, "social": true,
	"related": true, "relate": true, "recommend": true, "recommended": true, "tuijian": true,
	"ad": true, "ads": true, "adv": true, "advert": true, "advertisement": true, "guanggao": true,
	"banner": true, "copyright": true, "pager": true, "pagination": true, "pagenav": true,
	"paging": true, "login": true, "search": true, "toolbar": true, "tags": true,
	"hot": true, "rank": true, "ranking": true, "friendlink": true, "gotop": true, "backtop": true,
	"qrcode": true, "widget": true, "hide": true, "hidden": true, "popup": true, "modal": true, "cookie": true, "subscribe": true,
}

// contentWords are the id and class words of article containers.
var contentWords = map[string]bool{
	"article": true, "content": true, "trs": true, "editor": true, "txt": true, "text": true,
	"body": true, "main": true, "detail": true, "details": true, "zoom": true, "entry": true,
	"post": true, "news": true, "con": true, "cont": true, "artibody": true, "story": true,
	"page": true, "view": true, "zw": true, "wenzhang": true, "neirong": true,
}

// classWords splits an element's id and class into lower-case words at
// spaces, - and _ and camel-case humps.
func classWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Key != "id" && a.Key != "class" {
			continue
		}
		for _, f := range strings.FieldsFunc(a.Val, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			start := 0
			rs := []rune(f)
			for i := 1; i < len(rs); i++ {
				if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
					words = append(words, strings.ToLower(string(rs[start:i])))
					start = i
				}
			}
			words = append(words, strings.ToLower(string(rs[start:])))
		}
	}
	return words
}

// hasWord reports whether any of n's id and class words is in set.
func hasWord(n *html.Node, set map[string]bool) bool {
	for _, w := range classWords(n) {
		if set[w] {
			return true
		}
	}
	return false
}

// removeChrome removes navigation, page furniture and hidden elements. An
// element that only its id or class marks as chrome stays when it holds
// half the page's Han characters or more (a wrapper misnamed "header").
func removeChrome(doc *goquery.Document) {
	doc.Find("nav, header, footer, aside, form, button, select, textarea, input, [hidden]").Remove()
	doc.Find("[style]").FilterFunction(func(_ int, s *goquery.Selection) bool {
		st := strings.ToLower(strings.ReplaceAll(s.AttrOr("style", ""), " ", ""))
		return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
	}).Remove()
	total := hanCount(doc.Find("body").Text())
	doc.Find("[id], [class]").FilterFunction(func(_ int, s *goquery.Selection) bool {
		n := s.Nodes[0]
		switch n.DataAtom {
		case atom.Html, atom.Body, atom.Main, atom.Article:
			return false
		}
		return hasWord(n, chromeWords) && 2*hanCount(s.Text()) < total
	}).Remove()
}

// hanCount counts the Han characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}
