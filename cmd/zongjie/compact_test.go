package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestImportCompacts checks that an import that writes most of the index
// leaves it in one segment, and that a small import after it does not
// rewrite the index.
func TestImportCompacts(t *testing.T) {
	dir := t.TempDir()
	ix := filepath.Join(dir, "ix.bleve")
	rep := filepath.Join(dir, "report.json")
	// batches of 4 documents: several segments before the merge
	code, out, errs := zongjie(t, "import", "--index", ix, "--batch", "4", "--report", rep, sampleArchive)
	if code != exitOK {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	if r := readReport(t, rep); !r.Compacted {
		t.Errorf("an import of %d documents into an empty index did not compact it", r.Written)
	}
	if segs := segments(t, ix); segs != 1 {
		t.Errorf("%d segments after compaction, want 1", segs)
	}
	one := filepath.Join(dir, "one.txt")
	if err := os.WriteFile(one, []byte("区消协开展3·15宣传活动，发放宣传资料800份。"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = zongjie(t, "import", "--index", ix, "--report", rep, one)
	if code != exitOK {
		t.Fatalf("second import exit %d\n%s%s", code, out, errs)
	}
	if r := readReport(t, rep); r.Compacted || r.Written != 1 {
		t.Errorf("an import of %d document compacted the index: %+v", r.Written, r.Compacted)
	}
	code, out, _ = zongjie(t, "search", "--index", ix, "宣传资料")
	if code != exitOK || out == "" {
		t.Errorf("search after compaction: exit %d\n%s", code, out)
	}
}

func readReport(t *testing.T, path string) importReport {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r importReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func segments(t *testing.T, ix string) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(ix, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}
