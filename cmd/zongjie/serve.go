package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"zongjie/cmd/zongjie/web"
	"zongjie/index"
)

const serveSynopsis = `serve [--addr 127.0.0.1:8080] [--index DIR]

在本机启动检索网页：用浏览器打开显示的地址，即可检索报告、勾选年份和地区等条件、
查看每篇报告中标出的事实、按年份或地区统计并下载 CSV/XLSX。网页所需的文件都在程序内，
不需要联网。默认只接受本机访问；--addr 0.0.0.0:8080 可让局域网内的其他电脑访问。
同一地址还提供 JSON 接口：/api/search /api/docs/{id} /api/stats /api/export。
网页空闲几秒后会暂时放开索引，这时可以在另一个窗口运行 zongjie import。`

// HTTP server limits: a request's header and body must arrive in time; a
// page must be written in time (a download extends its own deadline).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 90 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 10 * time.Second
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveSynopsis, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址（主机:端口）")
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve 不接受其他参数：%s", strings.Join(fs.Args(), " "))
	}
	if err := checkServedIndex(*indexDir, stderr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", *addr, err)
	}
	local := isLoopback(ln.Addr())
	srv, err := web.New(web.Config{Index: *indexDir, Exporter: cliExporter{}, LocalOnly: local, Log: log.New(stderr, "", log.LstdFlags)})
	if err != nil {
		ln.Close()
		return err
	}
	defer srv.Close()
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(stderr, "zongjie serve: ", log.LstdFlags),
	}
	fmt.Fprintf(stdout, "检索网页已启动：%s （按 Ctrl-C 停止）\n", pageURL(ln.Addr()))
	if !local {
		fmt.Fprintf(stderr, "注意：%s 可从其他电脑访问，请确认网络可信。\n", ln.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("停止检索网页：%w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// checkServedIndex makes sure the index exists and opens; an index held
// by an import is only reported, since the pages wait for it.
func checkServedIndex(dir string, stderr io.Writer) error {
	if _, err := os.Stat(dir); err != nil {
		return usagef("索引 %s 不存在：请先用 zongjie import --index %s 文件夹… 建立索引", dir, dir)
	}
	ix, err := index.Open(dir, false)
	if errors.Is(err, index.ErrLocked) {
		fmt.Fprintf(stderr, "zongjie serve: 索引 %s 正被另一个进程使用，网页会在它结束后可用\n", dir)
		return nil
	}
	if err != nil {
		return err
	}
	return ix.Close()
}

// isLoopback reports whether the server listens on the loopback interface
// only.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// pageURL is the address to open in a browser.
func pageURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if ok && tcp.IP.IsUnspecified() {
		return fmt.Sprintf("http://127.0.0.1:%d/", tcp.Port)
	}
	return "http://" + a.String() + "/"
}

// cliExporter gives the web server the command line's export code, so
// that a download holds exactly what `zongjie export` and `zongjie stats
// --format csv` write.
type cliExporter struct{}

// Export implements web.Exporter with exportSettings, exportStream and
// exportXLSX.
func (cliExporter) Export(ctx context.Context, ix *index.Index, req index.Request, o web.ExportOptions, w io.Writer) error {
	opts, err := exportSettings(o.Kind, o.Encoding, o.Format, "download", o.Pivot, o.PivotBy)
	if err != nil {
		return web.BadRequest(errors.New(strings.TrimPrefix(err.Error(), "--")))
	}
	req.LoadText = o.Format != "jsonl"
	if o.Format == "xlsx" {
		return xlsxTo(ctx, ix, req, opts, w)
	}
	_, err = exportStream(ctx, ix, req, opts, o.Format, "", w)
	return err
}

// StatsCSV implements web.Exporter with statsCSV.
func (cliExporter) StatsCSV(w io.Writer, rows []index.StatsRow) error { return statsCSV(w, rows) }

// xlsxTo writes the workbook to a temporary file (the workbook writer
// needs a file) and copies it to w.
func xlsxTo(ctx context.Context, ix *index.Index, req index.Request, o exportOptions, w io.Writer) error {
	dir, err := os.MkdirTemp("", "zongjie-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "facts.xlsx")
	if _, err := exportXLSX(ctx, ix, req, o, path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
