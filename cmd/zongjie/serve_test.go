package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// lockedBuffer is a buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs `zongjie serve` on a free port of 127.0.0.1 and returns
// the address it prints. The server stops when the test ends.
func startServe(t *testing.T, ix string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--index", ix}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if err != nil || i < 0 {
		cancel()
		t.Fatalf("serve printed %q (%v); stderr: %s", line, err, stderr.String())
	}
	base := strings.TrimSuffix(strings.Fields(line[i:])[0], "/")
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("serve exit %d: %s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Errorf("serve did not stop")
		}
	})
	return base
}

// fetch gets a URL and returns the status, headers and body.
func fetch(t *testing.T, target string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(target)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}

func TestServeUsage(t *testing.T) {
	if code, _, errs := zongjie(t, "serve", "--index", t.TempDir()+"/none"); code != exitUsage || !strings.Contains(errs, "不存在") {
		t.Errorf("serve on a missing index: exit %d: %s", code, errs)
	}
	if code, _, _ := zongjie(t, "serve", "extra"); code != exitUsage {
		t.Errorf("serve with an argument: exit %d", code)
	}
}

// TestServeExport checks the downloads, which the server makes with the
// command line's export code.
func TestServeExport(t *testing.T) {
	base := startServe(t, importSample(t))

	status, h, body := fetch(t, base+"/api/export?format=csv&kind=counts&q="+url.QueryEscape("宣传"))
	if status != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("csv export: %d %v", status, h)
	}
	if !bytes.HasPrefix(body, []byte("\ufeffdoc_id,source,title,year")) || !bytes.Contains(body, []byte("\r\n")) || !bytes.Contains(body, []byte(",count,")) {
		t.Errorf("csv export: no BOM, header, CRLF or count rows: %.200q", body)
	}

	status, _, body = fetch(t, base+"/api/export?format=xlsx&pivot="+url.QueryEscape("宣传资料:份")+"&pivot_by=province")
	if status != 200 || !bytes.HasPrefix(body, []byte("PK")) {
		t.Fatalf("xlsx export: %d %.100q", status, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := strings.Join(f.GetSheetList(), " "); sheets != "数量 日期 主题 机构 地点 法规 统计" {
		t.Errorf("xlsx sheets: %s", sheets)
	}

	status, _, body = fetch(t, base+"/api/export?format=csv&encoding=latin1")
	if status != 400 || !bytes.Contains(body, []byte(`"status":400`)) {
		t.Errorf("export with a bad encoding: %d %s", status, body)
	}

	status, _, body = fetch(t, base+"/api/stats?by=city&format=csv&stat="+url.QueryEscape("宣传资料:份"))
	if status != 200 || !bytes.HasPrefix(body, []byte("\ufeff分组,文档数,单位,条数,合计")) {
		t.Errorf("stats csv: %d %.200q", status, body)
	}
}
