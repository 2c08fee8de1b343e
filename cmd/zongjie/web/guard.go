package web

import (
	"net"
	"net/http"
	"strings"
)

// Request limits checked before any handler runs.
const (
	// MaxURI is the longest request URI accepted (414 beyond). The longest
	// query, 200 characters, is about 1.8 KB percent-encoded; filters add
	// a little.
	MaxURI = 4096
)

// contentSecurityPolicy allows the page's own files only: no inline
// script or style, no other origin, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// guard wraps the routes in the checks and headers every response gets.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if err := s.admit(r); err != nil {
			s.fail(w, r, err)
			return
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Printf("zongjie serve: %s %s: panic: %v", r.Method, r.URL.Path, v)
				s.fail(w, r, errorf(http.StatusInternalServerError, "服务器内部错误"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// admit rejects what no route accepts: other methods than GET, request
// bodies, oversized URIs and, with LocalOnly, other hosts.
func (s *Server) admit(r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return errorf(http.StatusMethodNotAllowed, "只支持 GET 请求")
	}
	if len(r.RequestURI) > MaxURI || len(r.URL.RawQuery) > MaxURI {
		return errorf(http.StatusRequestURITooLong, "请求的网址过长（最多 %d 字节）", MaxURI)
	}
	if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
		return errorf(http.StatusRequestEntityTooLarge, "此服务不接受请求正文")
	}
	if s.cfg.LocalOnly && !localHost(r.Host) {
		return errorf(http.StatusMisdirectedRequest, "只接受发往本机地址（localhost、127.0.0.1）的请求")
	}
	return nil
}

// localHost reports whether a Host header names this machine's loopback
// interface.
func localHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
