package web

import (
	"context"
	"io"
	"net/http"
	"time"

	"zongjie/index"
)

// Exporter writes downloads. The command line's export code implements it
// (cmd/zongjie/serve.go), so that a download holds exactly what
// `zongjie export` and `zongjie stats --format csv` write.
type Exporter interface {
	// Export writes the facts of the documents req matches to w in the
	// format of opt. Settings it rejects come back as BadRequest errors,
	// before anything is written.
	Export(ctx context.Context, ix *index.Index, req index.Request, opt ExportOptions, w io.Writer) error
	// StatsCSV writes the rows of a statistic as CSV (without a
	// byte-order mark: the server adds it).
	StatsCSV(w io.Writer, rows []index.StatsRow) error
}

// ExportOptions are the settings of one export: the URL parameters
// format, kind, encoding, pivot and pivot_by, like the command line's
// export flags.
type ExportOptions struct {
	Format   string // csv, xlsx or jsonl
	Kind     string // counts, dates, orgs, places, themes or laws; "" for every kind
	Encoding string // csv: utf-8 (with a byte-order mark) or gbk
	Pivot    string // xlsx: the statistic of the pivot sheet, 对象[:单位]
	PivotBy  string // xlsx: the pivot's places, province, city or district
}

// exportTime caps one export: it reads every matching document.
const exportTime = 10 * time.Minute

// exportTypes are the content types and file name extensions of the formats.
var exportTypes = map[string][2]string{
	"csv":   {"text/csv; charset=utf-8", "csv"},
	"xlsx":  {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
	"jsonl": {"application/x-ndjson; charset=utf-8", "jsonl"},
}

// apiExport answers GET /api/export: the facts of the selection as a file.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	sel, err := parseSelection(v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	opt := ExportOptions{Format: v.Get("format"), Kind: v.Get("kind"), Encoding: v.Get("encoding"), Pivot: v.Get("pivot"), PivotBy: v.Get("pivot_by")}
	opt = withDefaults(opt)
	typ, ok := exportTypes[opt.Format]
	if !ok {
		s.fail(w, r, errorf(http.StatusBadRequest, "format 应为 csv、xlsx 或 jsonl"))
		return
	}
	if opt.Format == "csv" && opt.Encoding == "gbk" {
		typ[0] = "text/csv; charset=gb18030"
	}
	if s.cfg.Exporter == nil {
		s.fail(w, r, errorf(http.StatusNotImplemented, "此服务没有导出功能"))
		return
	}
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(exportTime + time.Minute))
	s.withIndex(w, r, func(ix *index.Index) error {
		ctx, cancel := context.WithTimeout(r.Context(), exportTime)
		defer cancel()
		h := w.Header()
		h.Set("Content-Type", typ[0])
		h.Set("Content-Disposition", `attachment; filename="zongjie-facts.`+typ[1]+`"`)
		h.Set("Cache-Control", "no-store")
		return s.stream(w, r, func(out io.Writer) error {
			return s.cfg.Exporter.Export(ctx, ix, sel.request(""), opt, out)
		})
	})
}

func withDefaults(o ExportOptions) ExportOptions {
	if o.Format == "" {
		o.Format = "csv"
	}
	if o.Encoding == "" {
		o.Encoding = "utf-8"
	}
	if o.Pivot == "" {
		o.Pivot = "宣传资料"
	}
	if o.PivotBy == "" {
		o.PivotBy = "city"
	}
	return o
}

// statsCSV writes a statistic as a CSV download, UTF-8 with a byte-order
// mark so that Excel reads it.
func (s *Server) statsCSV(w http.ResponseWriter, r *http.Request, rows []index.StatsRow) error {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="zongjie-stats.csv"`)
	h.Set("Cache-Control", "no-store")
	if s.cfg.Exporter == nil {
		return errorf(http.StatusNotImplemented, "此服务没有导出功能")
	}
	return s.stream(w, r, func(out io.Writer) error {
		if _, err := io.WriteString(out, "\ufeff"); err != nil {
			return err
		}
		return s.cfg.Exporter.StatsCSV(out, rows)
	})
}

// stream runs write on the response. An error before the first byte is
// answered as usual (returned); after it, the connection is cut so that
// the client sees a broken download rather than a short file that looks
// whole.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, write func(io.Writer) error) error {
	tw := &trackingWriter{w: w}
	err := write(tw)
	if err == nil || !tw.wrote {
		return err
	}
	s.log.Printf("zongjie serve: %s %s: download cut: %v", r.Method, r.URL.Path, err)
	panic(http.ErrAbortHandler)
}

// trackingWriter remembers whether anything was written.
type trackingWriter struct {
	w     io.Writer
	wrote bool
}

func (t *trackingWriter) Write(p []byte) (int, error) {
	if len(p) > 0 {
		t.wrote = true
	}
	return t.w.Write(p)
}
