package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"zongjie/index"
)

func TestSecurityHeaders(t *testing.T) {
	_, h := newTestServer(t, Config{})
	for _, target := range []string{"/", "/api/search", "/doc/" + fixtureIDs[0], "/stats", "/nothing", "/api/docs/x", "/static/style.css"} {
		w := get(t, h, target)
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q", target, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no X-Content-Type-Options: nosniff", target)
		}
	}
}

// TestNoInlineScript checks that the pages need no inline script or style,
// which the Content-Security-Policy forbids.
func TestNoInlineScript(t *testing.T) {
	_, h := newTestServer(t, Config{})
	for _, target := range []string{"/?q=a", "/doc/" + fixtureIDs[0], "/stats"} {
		body := get(t, h, target).Body.String()
		if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, "<style") || strings.Contains(body, " onclick=") {
			t.Errorf("%s holds inline script or style", target)
		}
	}
}

func TestRequestLimits(t *testing.T) {
	_, h := newTestServer(t, Config{})
	for _, tc := range []struct {
		method, target, body string
		status               int
	}{
		{"GET", "/?q=" + strings.Repeat("a", 10<<10), "", http.StatusRequestURITooLong},
		{"GET", "/api/search?q=" + strings.Repeat("%E6%B6%88", 1400), "", http.StatusRequestURITooLong},
		{"POST", "/api/search", "q=a", http.StatusMethodNotAllowed},
		{"DELETE", "/doc/" + fixtureIDs[0], "", http.StatusMethodNotAllowed},
		{"GET", "/api/search", "x=1", http.StatusRequestEntityTooLarge},
		{"HEAD", "/", "", http.StatusOK},
	} {
		w := httptest.NewRecorder()
		var r *http.Request
		if tc.body != "" {
			r = httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
		} else {
			r = httptest.NewRequest(tc.method, tc.target, nil)
		}
		h.ServeHTTP(w, r)
		if w.Code != tc.status {
			t.Errorf("%s %.40s…: status %d, want %d", tc.method, tc.target, w.Code, tc.status)
		}
	}
}

func TestLocalOnly(t *testing.T) {
	_, h := newTestServer(t, Config{LocalOnly: true})
	for host, status := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "LOCALHOST": 200,
		"evil.example:8080": http.StatusMisdirectedRequest, "192.168.1.5:8080": http.StatusMisdirectedRequest,
	} {
		r := httptest.NewRequest("GET", "/api/search", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != status {
			t.Errorf("Host %s: status %d, want %d", host, w.Code, status)
		}
	}
}

func TestStatic(t *testing.T) {
	_, h := newTestServer(t, Config{})
	w := get(t, h, assetURL("style.css"))
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("style.css: %d %v", w.Code, w.Header())
	}
	for _, target := range []string{"/static/", "/static/nothing.js", "/static/../server.go", "/static/..%2fserver.go", "/static/%2e%2e/assets.go"} {
		w := get(t, h, target)
		if w.Code == http.StatusOK || strings.Contains(w.Body.String(), "package web") {
			t.Errorf("%s: status %d", target, w.Code)
		}
	}
}

// TestIndexBusy checks that a request answers 503 while another holder
// (an import, say) has the index, and that the server lets the index go
// when idle.
func TestIndexBusy(t *testing.T) {
	dir := buildIndex(t)
	_, h := newTestServer(t, Config{Index: dir, Idle: 10 * time.Millisecond})
	if w := get(t, h, "/api/search"); w.Code != 200 {
		t.Fatalf("search: %d", w.Code)
	}
	time.Sleep(100 * time.Millisecond) // the server closes the idle index
	ix, err := index.Open(dir, true)   // as an import does: for writing
	if err != nil {
		t.Fatalf("the server still holds the index after its idle time: %v", err)
	}
	w := get(t, h, "/api/search")
	ix.Close()
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("search while the index is held: %d %v", w.Code, w.Header())
	}
	if w := get(t, h, "/api/search"); w.Code != 200 {
		t.Errorf("search after the index was let go: %d", w.Code)
	}
}
