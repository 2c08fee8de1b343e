package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"zongjie/extract"
	"zongjie/rules"
)

const rulesSynopsis = `rules dump DIR | rules test [--rules DIR] | rules check [--rules DIR]

dump  把内置规则文件写到 DIR，作为自定义规则的起点（--rules DIR 使用）
test  运行规则旁的测试用例（*.test），显示新增、缺少的事实
check 只检查规则文件，列出所有错误（文件:行: 原因）`

func runRules(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "用法: zongjie "+rulesSynopsis)
		return usagef("缺少子命令 dump、test 或 check")
	}
	switch args[0] {
	case "dump":
		if len(args) != 2 {
			return usagef("用法: zongjie rules dump DIR")
		}
		return dumpRules(args[1], stdout)
	case "test", "check":
		fset := newFlagSet("rules "+args[0], rulesSynopsis, stderr)
		dir := fset.String("rules", "", "自定义规则文件夹")
		if err := parseFlags(fset, args[1:]); err != nil {
			return err
		}
		if args[0] == "check" {
			set, err := loadRules(*dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "规则无误：%d 条规则，%d 个词类，%d 个测试，%d 张数据表（版本 %s）\n",
				len(set.Rules), len(set.Classes), len(set.Tests), len(set.Tables), set.Version)
			return nil
		}
		return testRules(*dir, stdout)
	}
	return usagef("未知子命令 %q（应为 dump、test 或 check）", args[0])
}

func dumpRules(dir string, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b := rules.Builtin()
	names, err := fs.Glob(b, "*")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(b, n)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "已写出 %d 个内置规则文件到 %s\n", len(names), dir)
	return nil
}

func testRules(dir string, stdout io.Writer) error {
	set, err := loadRules(dir)
	if err != nil {
		return err
	}
	seg, err := extract.LoadSegmenter()
	if err != nil {
		return err
	}
	ex, err := extract.New(set, seg)
	if err != nil {
		return err
	}
	failed := 0
	results := ex.RunTests()
	for _, r := range results {
		if r.Passed() {
			continue
		}
		failed++
		fmt.Fprintf(stdout, "不通过 %s：%s\n", r.Test.Source, r.Test.Text)
		for _, m := range r.Missing {
			fmt.Fprintf(stdout, "    缺少 %s\n", m)
		}
		for _, x := range r.Extra {
			fmt.Fprintf(stdout, "    多出 %s\n", x)
		}
	}
	fmt.Fprintf(stdout, "规则测试：%d 个，通过 %d，不通过 %d\n", len(results), len(results)-failed, failed)
	if failed > 0 {
		return fmt.Errorf("%d 个规则测试不通过", failed)
	}
	return nil
}
