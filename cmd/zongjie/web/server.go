// Package web serves a zongjie index to a browser and to programs: a
// search page, a document page with its facts marked in the text, a
// statistics page with a server-drawn bar chart, and a JSON API
// (/api/search, /api/docs/{id}, /api/stats, /api/export). Everything the
// pages need (templates, CSS, a little JavaScript) is embedded; every page
// works without JavaScript, and all of a page's state is in its URL.
package web

import (
	"log"
	"net/http"
	"time"
)

// Config is what a Server needs: the index folder, the code that writes
// downloads, and its limits.
type Config struct {
	// Index is the folder of the index to serve. The server opens it when
	// a request needs it and closes it after Idle without requests, so
	// that an import in another process can run in between.
	Index string
	// Exporter writes the CSV and XLSX downloads.
	Exporter Exporter
	// Idle is how long the index stays open without requests; 0 means 5 s.
	Idle time.Duration
	// Workers caps the requests that use the index at once; 0 means 4. A
	// request that waits longer than BusyWait for its turn gets 503.
	Workers int
	// BusyWait is how long a request waits for the index; 0 means 5 s.
	BusyWait time.Duration
	// LocalOnly makes the server answer only requests addressed to
	// localhost, 127.0.0.1 or [::1] (a defence against DNS rebinding when
	// it listens on the loopback interface).
	LocalOnly bool
	// Log receives one line per failed request; nil means the standard logger.
	Log *log.Logger
}

// Server answers the pages and the API. Its handlers are its methods; the
// routes are registered in one place, Handler.
type Server struct {
	cfg   Config
	store *store
	pages *pages
	log   *log.Logger
}

// New makes a server for the index in cfg. It does not open the index yet.
func New(cfg Config) (*Server, error) {
	if cfg.Idle <= 0 {
		cfg.Idle = 5 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.BusyWait <= 0 {
		cfg.BusyWait = 5 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	return &Server{
		cfg:   cfg,
		store: newStore(cfg.Index, cfg.Idle, cfg.Workers, cfg.BusyWait),
		pages: p,
		log:   cfg.Log,
	}, nil
}

// Close closes the index if it is open.
func (s *Server) Close() error { return s.store.close() }

// Handler returns the routes, wrapped in the checks every request passes:
// size limits, security headers and, with LocalOnly, the host check.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.searchPage)
	mux.HandleFunc("GET /doc/{id}", s.docPage)
	mux.HandleFunc("GET /stats", s.statsPage)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/docs/{id}", s.apiDoc)
	mux.HandleFunc("GET /api/stats", s.apiStats)
	mux.HandleFunc("GET /api/export", s.apiExport)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, assetURL("icon.svg"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/", s.notFound)
	return s.guard(mux)
}
