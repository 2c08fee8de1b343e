package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/index"
)

const importSynopsis = `import [--index DIR] [--rules DIR] [--encoding 编码] [--report FILE] [--quiet] [--batch N] PATH...

读入文件或文件夹（递归），拆分合集、抽取事实，写入索引。已导入的文档不会重复；
文件有改动时替换其旧文档；转载的同一篇总结只保留一份并记下出处。
写入的文档占索引一半以上时，最后把索引合并为一段（更小、检索更快）。
按 Ctrl-C 会在当前批次写完后停止，再次运行同一命令即可继续。`

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", importSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	rulesDir := fs.String("rules", "", "自定义规则文件夹（覆盖同名内置规则）")
	reportPath := fs.String("report", "", "把导入报告（每个文件的格式、编码、文档、事实、跳过原因）写成 JSON 文件")
	quiet := fs.Bool("quiet", false, "不显示进度")
	batch := fs.Int("batch", 500, "每批写入的文档数（另有每批 32 MB 文本的上限）")
	encoding := fs.String("encoding", "", "文本编码（不自动识别时使用）：utf-8、gbk、gb18030、big5、utf-16le、utf-16be")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usagef("请给出要读入的文件或文件夹")
	}
	if *encoding != "" {
		if err := corpus.CheckEncoding(*encoding); err != nil {
			return usageError{err.Error()}
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// keep the heap of a long import bounded: collect harder near this
		debug.SetMemoryLimit(importMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		// collect less often while the heap is small: the memory limit
		// above bounds it
		debug.SetGCPercent(importGCPercent)
	}
	ex, err := loadExtractor(*rulesDir)
	if err != nil {
		return err
	}
	ix, err := openIndex(*indexDir, true)
	if err != nil {
		return err
	}
	defer ix.Close()

	report := &importReport{Index: ix.Path(), Facts: map[string]int{}}
	total := 0
	if !*quiet { // counting walks the archives once more: only for the progress shown
		total = countInputs(fs.Args())
	}
	p := newProgress(stderr, total, *quiet)
	w := newWriter(ix, report, p, stderr)
	if *batch < 1 {
		return usagef("--batch 须 ≥ 1")
	}
	w.maxDocs = *batch
	if err := prepare(ctx, ix, ex, w, report); err != nil {
		return err
	}
	err = runPipeline(ctx, fs.Args(), ex, corpus.Options{Encoding: *encoding}, w)
	p.finish()
	if err == nil && ctx.Err() == nil {
		err = compact(ctx, ix, report, stderr, *quiet)
	}
	report.Interrupted = ctx.Err() != nil
	report.print(stdout)
	if *reportPath != "" {
		if werr := report.write(*reportPath); werr != nil && err == nil {
			err = werr
		}
	}
	switch {
	case err != nil && !errors.Is(err, context.Canceled):
		return err
	case report.Interrupted:
		fmt.Fprintln(stderr, "zongjie: 导入已中断，已写入的文档完好。再次运行同一命令即可继续，已导入的文档不会重复。")
		return partialError{}
	case report.Skipped > 0:
		return partialError{report.Skipped}
	}
	return nil
}

// compact merges the index into one segment after an import that wrote
// at least half of the index's documents: bleve does not merge a new index
// while it is written, and after a large import one segment is smaller
// and faster to search. Ctrl-C stops the merge, and the index stays as it
// was.
func compact(ctx context.Context, ix *index.Index, report *importReport, stderr io.Writer, quiet bool) error {
	n, err := ix.DocCount()
	if err != nil {
		return fmt.Errorf("count documents of %s: %w", ix.Path(), err)
	}
	if report.Written == 0 || uint64(report.Written)*2 < n {
		return nil
	}
	if !quiet {
		fmt.Fprintln(stderr, "正在合并索引段……")
	}
	err = ix.Compact(ctx)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	report.Compacted = err == nil
	return err
}

// importMemoryLimit is the soft memory limit of an import (GOMEMLIMIT
// overrides it).
const importMemoryLimit = 700 << 20

// importGCPercent is the GOGC of an import (GOGC overrides it). On 20,000
// reports 300 took 8% off the import's time against 150, with a peak RSS
// of 780–830 MiB against 780–800: the memory limit bounds the heap.
const importGCPercent = 300

// openIndex opens the index, naming it in the message when another process
// holds it.
func openIndex(path string, create bool) (*index.Index, error) {
	ix, err := index.Open(path, create)
	if errors.Is(err, index.ErrLocked) {
		return nil, fmt.Errorf("索引 %s 正被另一个进程使用（index in use），请等它结束后再试", path)
	}
	return ix, err
}

// prepare loads what the index holds and, when the rules changed since it
// was written, extracts the facts of its documents again.
func prepare(ctx context.Context, ix *index.Index, ex *extract.Extractor, w *writer, report *importReport) error {
	if err := w.load(ctx); err != nil {
		return err
	}
	stored, err := ix.Version()
	if err != nil {
		return err
	}
	if stored != "" && stored != ex.Version() && len(w.known) > 0 {
		n, err := w.reextract(ctx, ex)
		report.Reextracted = n
		if err != nil {
			return err
		}
	}
	return ix.SetVersion(ex.Version())
}

// importReport is what an import did, for the terminal and --report.
type importReport struct {
	Index       string         `json:"index"`
	Files       []fileReport   `json:"files"`
	Read        int            `json:"files_read"`
	Skipped     int            `json:"files_skipped"`
	Added       int            `json:"documents_added"`
	Updated     int            `json:"documents_updated"`
	Unchanged   int            `json:"documents_unchanged"`
	Duplicates  int            `json:"documents_duplicate"`
	Written     int            `json:"documents_written"`
	Reextracted int            `json:"documents_reextracted"`
	Facts       map[string]int `json:"facts"`
	Interrupted bool           `json:"interrupted"`
	Compacted   bool           `json:"compacted"` // the index merged into one segment
}

// fileReport is what happened to one file.
type fileReport struct {
	Source     string         `json:"source"`
	Status     string         `json:"status"` // added, updated, unchanged, duplicate, skipped
	Format     string         `json:"format,omitempty"`
	Encoding   string         `json:"encoding,omitempty"`
	Confidence float64        `json:"encoding_confidence,omitempty"`
	Documents  int            `json:"documents"`
	Added      int            `json:"added,omitempty"`
	Updated    int            `json:"updated,omitempty"`
	Unchanged  int            `json:"unchanged,omitempty"`
	Duplicates []string       `json:"duplicate_of,omitempty"` // ids of the stored documents it repeats
	Facts      map[string]int `json:"facts,omitempty"`
	Reason     string         `json:"reason,omitempty"`
}

func (f *fileReport) facts(k extract.Kind, n int) {
	if f.Facts == nil {
		f.Facts = map[string]int{}
	}
	f.Facts[string(k)] += n
}

func (r *importReport) file(f fileReport) {
	r.Files = append(r.Files, f)
	r.Read++
	r.Added += f.Added
	r.Updated += f.Updated
	r.Unchanged += f.Unchanged
	r.Duplicates += len(f.Duplicates)
}

func (r *importReport) skip(source, why string) {
	r.Files = append(r.Files, fileReport{Source: source, Status: "skipped", Reason: why})
	r.Skipped++
}

func (r *importReport) print(w io.Writer) {
	if r.Reextracted > 0 {
		fmt.Fprintf(w, "规则已更新：已用新规则重新抽取索引中的 %d 篇文档\n", r.Reextracted)
	}
	fmt.Fprintf(w, "读入文件 %d 个，跳过 %d 个；文档：新增 %d 篇，更新 %d 篇，未变 %d 篇，重复 %d 篇\n",
		r.Read, r.Skipped, r.Added, r.Updated, r.Unchanged, r.Duplicates)
	fmt.Fprintf(w, "新写入的事实：")
	for i, k := range extract.Kinds {
		if i > 0 {
			fmt.Fprint(w, "，")
		}
		fmt.Fprintf(w, "%s %d", kindLabel[k], r.Facts[string(k)])
	}
	fmt.Fprintln(w)
	var skipped []fileReport
	for _, f := range r.Files {
		if f.Status == "skipped" {
			skipped = append(skipped, f)
		}
	}
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Source < skipped[j].Source })
	for _, f := range skipped {
		fmt.Fprintf(w, "跳过 %s：%s\n", f.Source, f.Reason)
	}
	fmt.Fprintf(w, "索引：%s\n", r.Index)
}

func (r *importReport) write(path string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	return nil
}

// kindLabel names each kind of fact for the user.
var kindLabel = map[extract.Kind]string{
	extract.KindCount: "数量", extract.KindDate: "日期", extract.KindTheme: "主题",
	extract.KindOrg: "机构", extract.KindPlace: "地点", extract.KindLaw: "法规",
}
