package main

import (
	"context"
	"fmt"
	"io"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/index"
)

const importSynopsis = `import [--index DIR] [--rules DIR] PATH...

读入 .txt 与 .html 文件（或文件夹，递归），拆分合集、抽取事实，写入索引。`

// importBatch is how many documents go into one index batch.
const importBatch = 200

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", importSynopsis, stderr)
	indexDir := fs.String("index", index.DefaultPath, "索引文件夹")
	rulesDir := fs.String("rules", "", "自定义规则文件夹（覆盖同名内置规则）")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usagef("请给出要读入的文件或文件夹")
	}
	ex, err := loadExtractor(*rulesDir)
	if err != nil {
		return err
	}
	ix, err := index.Open(*indexDir, true)
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := ix.SetVersion(ex.Version()); err != nil {
		return err
	}

	imp := &importer{ex: ex, ix: ix, facts: map[extract.Kind]int{}}
	st, err := readInputs(fs.Args(), stderr, func(path string, docs []corpus.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return imp.add(docs)
	})
	if err == nil {
		err = imp.flush()
	}
	imp.report(stdout, ix.Path(), st)
	if err != nil {
		return err
	}
	if st.failed > 0 {
		return partialError{st.failed}
	}
	return nil
}

// importer extracts facts and writes documents to the index in batches.
type importer struct {
	ex      *extract.Extractor
	ix      *index.Index
	pending []index.Entry
	added   int
	existed int
	facts   map[extract.Kind]int
}

func (imp *importer) add(docs []corpus.Document) error {
	for _, d := range docs {
		has, err := imp.ix.Has(d.ID)
		if err != nil {
			return err
		}
		rec := imp.ex.Extract(d)
		for k, n := range rec.CountByKind() {
			imp.facts[k] += n
		}
		if has {
			imp.existed++
		}
		imp.pending = append(imp.pending, index.Entry{Doc: d, Record: rec})
		if len(imp.pending) >= importBatch {
			if err := imp.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (imp *importer) flush() error {
	if len(imp.pending) == 0 {
		return nil
	}
	if err := imp.ix.Add(imp.pending); err != nil {
		return err
	}
	imp.added += len(imp.pending)
	imp.pending = imp.pending[:0]
	return nil
}

func (imp *importer) report(w io.Writer, path string, st inputStats) {
	fmt.Fprintf(w, "读入文件 %d 个，写入文档 %d 篇（其中已在索引中 %d 篇），跳过文件 %d 个\n",
		st.files, imp.added, imp.existed, st.failed)
	fmt.Fprintf(w, "事实：")
	for i, k := range extract.Kinds {
		if i > 0 {
			fmt.Fprint(w, "，")
		}
		fmt.Fprintf(w, "%s %d", kindLabel[k], imp.facts[k])
	}
	fmt.Fprintln(w)
	for _, s := range st.skips {
		fmt.Fprintf(w, "跳过 %s：%s\n", s.Source, s.Reason)
	}
	fmt.Fprintf(w, "索引：%s\n", path)
}

// kindLabel names each kind of fact for the user.
var kindLabel = map[extract.Kind]string{
	extract.KindCount: "数量", extract.KindDate: "日期", extract.KindTheme: "主题",
	extract.KindOrg: "机构", extract.KindPlace: "地点", extract.KindLaw: "法规",
}
