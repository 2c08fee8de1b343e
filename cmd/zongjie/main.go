// Command zongjie turns archives of Chinese activity reports into
// searchable, countable facts: import reads files into an index, extract
// prints the facts, search and export query the index.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // some files failed (the rest were done), or an error
	exitUsage  = 2
)

// command is one subcommand: its one-line help and its function.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"import":  {"读入文件或文件夹，抽取事实并写入索引", runImport},
	"extract": {"抽取并打印事实（不写索引），--json 输出评测格式", runExtract},
	"search":  {"全文检索索引，按年份、地点、机构、主题筛选", runSearch},
	"export":  {"把事实导出为 CSV、XLSX 或 JSON Lines（Excel 可直接打开）", runExport},
	"stats":   {"按年份、地区、机构、主题分组统计文档数和数量事实的合计", runStats},
	"serve":   {"启动本机检索网页和 JSON 接口，用浏览器检索、查看事实、统计和下载", runServe},
	"rules":   {"规则：dump 导出内置规则，test 运行规则测试，check 检查规则", runRules},
}

// usageError is a mistake in the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// partialError says some inputs failed while the rest were done (exit 1).
type partialError struct{ failed int }

func (e partialError) Error() string { return fmt.Sprintf("%d 个文件未能读入", e.failed) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "zongjie: 未知命令 %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	stopProfile := startProfile(stderr)
	err := cmd.run(ctx, args[1:], stdout, stderr)
	stopProfile()
	var ue usageError
	var pe partialError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "zongjie %s: %v\n", args[0], err)
		return exitUsage
	case errors.As(err, &pe):
		return exitFailed
	default:
		fmt.Fprintf(stderr, "zongjie %s: %v\n", args[0], err)
		return exitFailed
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "zongjie 总结 — 活动总结档案的检索与统计")
	fmt.Fprintln(w, "\n用法: zongjie <命令> [参数]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n每个命令加 -h 查看参数。退出码：0 成功；1 有文件失败（其余已完成）或出错；2 用法错误。")
}

// splitList splits a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
