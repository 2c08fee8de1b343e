package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// matchOneByOne is Match without the prefilter.
func (b *Boilerplate) matchOneByOne(line string) (string, bool) {
	for _, r := range b.rules {
		if r.re.MatchString(line) {
			return r.where, true
		}
	}
	return "", false
}

// boilerLines are lines of the sample archive and of page chrome.
func boilerLines(tb testing.TB) []string {
	lines := []string{
		"版权所有 © 2024 某某网", "Copyright 2020 All Rights Reserved", "第 2 页 / 共 5 页", "上一篇：关于开展活动的通知",
		"当前位置：首页 > 工作动态", "您当前的位置：首页 > 基层动态", "责任编辑：王某", "发布时间：2024-03-16", "评论 (0)", "本文链接：http://x.y/z",
		"以下是小编为大家整理的总结范文，仅供参考", "扫一扫在手机打开当前页", "区消协联合区市场监管局开展宣传活动。",
	}
	paths, _ := filepath.Glob("../testdata/docs/*")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}

// TestBoilerplatePrefilter checks that Match, which skips the rules whose
// required strings a line lacks, names the same rule as trying every rule.
func TestBoilerplatePrefilter(t *testing.T) {
	b := DefaultBoilerplate()
	matched := 0
	for _, line := range boilerLines(t) {
		w1, ok1 := b.Match(line)
		w2, ok2 := b.matchOneByOne(line)
		if w1 != w2 || ok1 != ok2 {
			t.Errorf("%q: Match = %q %v, one by one = %q %v", line, w1, ok1, w2, ok2)
		}
		if ok1 {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d lines matched: the sample should hold page chrome", matched)
	}
}

// FuzzBoilerplateMatch checks the same on any line.
func FuzzBoilerplateMatch(f *testing.F) {
	for _, l := range []string{"版权所有 © 2024", "第1页/共4页", "区消协开展活动", "(c) 2019 x", "责任编辑：李"} {
		f.Add(l)
	}
	b := DefaultBoilerplate()
	f.Fuzz(func(t *testing.T, line string) {
		w1, ok1 := b.Match(line)
		w2, ok2 := b.matchOneByOne(line)
		if w1 != w2 || ok1 != ok2 {
			t.Errorf("%q: Match = %q %v, one by one = %q %v", line, w1, ok1, w2, ok2)
		}
	})
}

// BenchmarkBoilerplate compares Match with trying every rule's regexp, on
// the lines of the sample archive.
func BenchmarkBoilerplate(b *testing.B) {
	bp := DefaultBoilerplate()
	lines := boilerLines(b)
	b.Run("prefiltered", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				bp.Match(l)
			}
		}
	})
	b.Run("one-by-one", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				bp.matchOneByOne(l)
			}
		}
	})
}

// FuzzMayHoldByline checks that the byline prefilter passes every line on
// which the byline patterns find a date.
func FuzzMayHoldByline(f *testing.F) {
	for _, l := range []string{"发布时间：2024-03-16", "日期: 2023.5.1 来源：本站", "发布于 2022/1/2", "区消协开展活动"} {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if mayHoldByline(l) {
			return
		}
		if lineBylineDate(l) != "" {
			t.Errorf("%q: a byline date, but the prefilter skips the line", l)
		}
	})
}
