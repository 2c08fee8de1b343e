// Command zjbench measures zongjie on an archive, each figure against a
// baseline measured in the same run on the same machine:
//
//   - import throughput (documents/s, MB/s, peak RSS) of `zongjie import`
//     against bleve indexing the same documents' text with its standard
//     analyzer, batch 1000;
//   - index size on disk against the archive's bytes;
//   - search latency p50/p95 of a two-word query with four facets and
//     snippets, and of a count query, against a bare bleve term query on
//     the same index;
//   - the cold start of a one-shot `zongjie search` process against gse's
//     default LoadDict() alone.
//
// Usage:
//
//	go run ./cmd/zjgen -n 20000 -seed 1 -o /tmp/zj-archive
//	go build -o /tmp/zongjie ./cmd/zongjie
//	go run ./cmd/zjbench -zongjie /tmp/zongjie -archive /tmp/zj-archive -work /tmp/zj-bench [-repeat 3]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

func main() {
	bin := flag.String("zongjie", "", "the zongjie binary to measure")
	archive := flag.String("archive", "", "the archive folder")
	work := flag.String("work", filepath.Join(os.TempDir(), "zj-bench"), "a scratch folder for the indexes")
	queries := flag.Int("queries", 200, "searches timed per kind")
	repeat := flag.Int("repeat", 1, "import and baseline runs, alternating; the median ratio is reported")
	searchOnly := flag.Bool("search-only", false, "time searches and the cold start on the index a previous run left in -work")
	flag.Parse()
	if *searchOnly && *bin != "" {
		zjIndex := filepath.Join(*work, "zongjie.bleve")
		if err := measureSearch(context.Background(), zjIndex, *queries); err != nil {
			log.Fatal(err)
		}
		if err := measureColdStart(context.Background(), *bin, zjIndex); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *bin == "" || *archive == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), *bin, *archive, *work, *queries, max(*repeat, 1)); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, bin, archive, work string, queries, repeat int) error {
	if err := os.RemoveAll(work); err != nil {
		return err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	fmt.Printf("machine: %d cores (GOMAXPROCS %d), %s/%s, %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, time.Now().Format("2006-01-02"))
	docs, err := loadArchive(archive)
	if err != nil {
		return err
	}
	fmt.Printf("archive: %d files, %d documents, %.1f MB of files, %.1f MB of text\n",
		docs.files, len(docs.texts), mb(docs.fileBytes), mb(docs.textBytes))

	zjIndex := filepath.Join(work, "zongjie.bleve")
	if err := measureImports(ctx, bin, archive, work, zjIndex, docs, repeat); err != nil {
		return err
	}

	size, err := dirSize(zjIndex)
	if err != nil {
		return err
	}
	fmt.Printf("index size: %.1f MB on disk, %.2f× the archive's %.1f MB (target ≤ 2×)\n", mb(size), float64(size)/float64(docs.fileBytes), mb(docs.fileBytes))

	if err := measureSearch(ctx, zjIndex, queries); err != nil {
		return err
	}
	return measureColdStart(ctx, bin, zjIndex)
}

func mb(n int64) float64 { return float64(n) / 1e6 }
