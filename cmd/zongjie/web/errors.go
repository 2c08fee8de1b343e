package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"zongjie/index"
)

// httpError is an error with the status it answers with and a message for
// the user, in Chinese.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// errorf makes an error that answers with status.
func errorf(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// BadRequest marks err as the client's mistake (400), keeping its message.
// An Exporter returns it for export settings it rejects.
func BadRequest(err error) error {
	return &httpError{status: http.StatusBadRequest, msg: err.Error()}
}

// errBusy is returned when the index is in use past the wait.
var errBusy = errorf(http.StatusServiceUnavailable, "服务器正忙，请稍后再试")

// statusOf maps an error to its HTTP status: the one function that does.
func statusOf(err error) int {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status
	case errors.Is(err, index.ErrLocked):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.Canceled):
		return 499 // the client went away; nobody reads the answer
	}
	return http.StatusInternalServerError
}

// messageOf is what the user is told about an error.
func messageOf(err error) string {
	switch {
	case errors.Is(err, index.ErrLocked):
		return "索引正被另一个程序使用（例如正在导入），请稍后再试"
	case errors.Is(err, context.DeadlineExceeded):
		return "检索超时，请缩小检索范围后再试"
	}
	var he *httpError
	if errors.As(err, &he) {
		return he.msg
	}
	return "服务器内部错误：" + err.Error()
}

// apiErrorBody is the JSON answer of a failed API request.
type apiErrorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// fail answers a failed request: JSON under /api/, an HTML page elsewhere.
// Server errors are logged.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status >= 500 && status != 499 {
		s.log.Printf("zongjie serve: %s %s: %v", r.Method, r.URL.Path, err)
	}
	if status == 499 {
		return
	}
	h := w.Header()
	h.Del("Content-Disposition")
	if status == http.StatusMethodNotAllowed {
		h.Set("Allow", "GET, HEAD")
	}
	if status == http.StatusServiceUnavailable {
		h.Set("Retry-After", "5")
	}
	h.Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, apiErrorBody{Error: messageOf(err), Status: status})
		return
	}
	s.render(w, status, "error.html", errorView{Status: status, Message: messageOf(err)})
}

// notFound answers a path no route knows.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errorf(http.StatusNotFound, "没有这个页面：%s", r.URL.Path))
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // the snippets hold HTML: keep <, > and & escaped inside strings
	enc.Encode(v)
}
