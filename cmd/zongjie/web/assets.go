package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// The pages' templates and files, embedded so that the binary serves them
// offline.
var (
	//go:embed templates/*.html
	templateFS embed.FS
	//go:embed static
	staticFS embed.FS
)

// assetVersions holds a hash of each static file, added to its URL so
// that a browser may keep it until the binary changes.
var assetVersions = func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(staticFS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		m[strings.TrimPrefix(path, "static/")] = hex.EncodeToString(sum[:5])
		return nil
	})
	return m
}()

// assetURL returns the URL of a static file with its version.
func assetURL(name string) string {
	return "/static/" + name + "?v=" + assetVersions[name]
}

// staticHandler serves the embedded files under /static/, without
// directory listings.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, ok := assetVersions[r.URL.Path]
		if !ok {
			http.Error(w, "404 没有这个文件", http.StatusNotFound)
			return
		}
		if r.URL.Query().Get("v") == v {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	}))
}

// pages are the parsed page templates, each with the layout.
type pages struct {
	byName map[string]*template.Template
}

// pageNames are the page templates; each defines "title" and "main".
var pageNames = []string{"search.html", "doc.html", "stats.html", "error.html"}

func loadPages() (*pages, error) {
	base, err := template.New("layout.html").Funcs(template.FuncMap{"asset": assetURL}).
		ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name)
		if err != nil {
			return nil, err
		}
		p.byName[name] = t
	}
	return p, nil
}

// render writes a page. It is rendered to memory first, so that a
// template error answers 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.byName[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.log.Printf("zongjie serve: render %s: %v", name, err)
		buf.Reset()
		status = http.StatusInternalServerError
		buf.WriteString("<!doctype html><meta charset=utf-8><title>错误</title><p>页面生成失败。</p>")
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorView is the data of the error page.
type errorView struct {
	Status  int
	Message string
}
