package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// datePattern finds a calendar date: 2024-03-16, 2024/3/16, 2024.03.16,
// 2024年3月16日, or 20240316 standing alone.
var datePattern = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|^(\d{4})(\d{2})(\d{2})(?:\D|$)`)

// parseDate returns the first valid date in s as YYYY-MM-DD, or "".
// Full-width digits are read as digits.
func parseDate(s string) string {
	s, _ = Normalize(s)
	for _, m := range datePattern.FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			m = append(m[:1:1], m[4:7]...)
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if y < 1900 || y > 2100 || t.Month() != time.Month(mo) || t.Day() != d {
			continue
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	}
	return ""
}

// bylinePattern finds a publication byline: 发布时间：2024-03-16,
// 发表于 2024年3月16日, or 时间：/日期： at the start of a line or after a
// space when the line also names a source, author, editor or counter
// (时间：2024-03-16 来源：…), so that an activity's 时间： is not taken for it.
var (
	bylinePattern     = regexp.MustCompile(`(?:发布|发表|更新|录入|上传|发文)(?:时间|日期|于)\s*[:：]?\s*`)
	bareBylinePattern = regexp.MustCompile(`(?:^|\s)(?:时间|日期)\s*[:：]\s*`)
	bylineWords       = regexp.MustCompile(`来源|作者|编辑|浏览|点击|阅读|发布`)
)

// bylineLimit is how many lines from the top of a page are searched for a
// byline.
const bylineLimit = 40

// mayHoldByline reports whether a line holds what a byline with a date
// needs: a digit, and 时间, 日期 or a verb with 于 (发布于).
func mayHoldByline(l string) bool {
	if !strings.ContainsAny(l, "0123456789") {
		return false
	}
	if strings.Contains(l, "时间") || strings.Contains(l, "日期") {
		return true
	}
	for _, w := range []string{"发布于", "发表于", "更新于", "录入于", "上传于", "发文于"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// bylineDate returns the date of the first byline in the first lines, as
// YYYY-MM-DD, or "".
func bylineDate(lines []string) string {
	for i, l := range lines {
		if i >= bylineLimit {
			break
		}
		if !mayHoldByline(l) {
			continue
		}
		if d := lineBylineDate(l); d != "" {
			return d
		}
	}
	return ""
}

// lineBylineDate returns the date of a byline in the line, or "".
func lineBylineDate(l string) string {
	locs := bylinePattern.FindAllStringIndex(l, -1)
	if bylineWords.MatchString(l) {
		locs = append(locs, bareBylinePattern.FindAllStringIndex(l, -1)...)
	}
	for _, loc := range locs {
		rest := strings.TrimSpace(l[loc[1]:])
		if m := datePattern.FindStringIndex(rest); m != nil && m[0] == 0 {
			if d := parseDate(rest); d != "" {
				return d
			}
		}
	}
	return ""
}

// dateMetaNames are the meta tag names and properties (lower case) that
// carry a page's publication date.
var dateMetaNames = map[string]bool{
	"publishdate": true, "pubdate": true, "publish_date": true, "publish-date": true,
	"publishtime": true, "publish_time": true, "firstpublishedtime": true,
	"article:published_time": true, "og:published_time": true, "article:published": true,
	"og:article:published_time": true, "datepublished": true, "og:release_date": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true,
	"dcterms.created": true, "dcterms.issued": true, "date": true,
	"sailthru.date": true, "parsely-pub-date": true, "weibo:article:create_at": true,
	"releasedate": true, "release_date": true, "createdate": true,
}
