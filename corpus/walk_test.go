package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"b/2.txt", "b/10.txt", "a.txt", "c/d/e.html",
		".hidden.txt", "._a.txt", "b/Thumbs.db", "b/desktop.ini", "b/~$report.docx",
		".git/config", "__MACOSX/a.txt", "c/.cache/x.txt",
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "c", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "b"), filepath.Join(dir, "c", "linkdir")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")
	var got []string
	err := Walk([]string{filepath.Join(dir, ".hidden.txt"), missing, dir, filepath.Join(dir, "a.txt")}, func(f File, err error) error {
		rel, _ := filepath.Rel(dir, f.Source)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s: unexpected error %v", rel, err)
			}
			rel = "error:" + rel
		} else if f.Size != 1 || f.ModTime.IsZero() || f.Open == nil {
			t.Errorf("%s: size %d, time %v", rel, f.Size, f.ModTime)
		}
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".hidden.txt", "error:missing", "a.txt", "b/10.txt", "b/2.txt", "c/d/e.html", "c/link.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("visited (-want +got):\n%s", diff)
	}

	got = nil
	err = Walk([]string{filepath.Join(dir, "c", "linkdir")}, func(f File, err error) error {
		got = append(got, filepath.Base(f.Source))
		return err
	})
	if diff := cmp.Diff([]string{"10.txt", "2.txt"}, got); err != nil || diff != "" {
		t.Errorf("walking a link to a folder: %v (-want +got):\n%s", err, diff)
	}

	stop := errors.New("stop")
	n := 0
	err = Walk([]string{dir}, func(File, error) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Walk returned %v after %d calls, want stop after 1", err, n)
	}
	n = 0
	err = Walk([]string{dir, dir}, func(File, error) error { n++; return fs.SkipAll })
	if err != nil || n != 1 {
		t.Errorf("SkipAll: Walk returned %v after %d calls", err, n)
	}
}

func TestWalkReadsEveryFile(t *testing.T) {
	// Walk and Read together over the fixtures: every file gives
	// documents or a Skip.
	var names []string
	err := Walk([]string{"../testdata/corpus"}, func(f File, err error) error {
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		docs, err := Read(f.Source, r)
		if err != nil {
			return err
		}
		names = append(names, filepath.Base(f.Source)+":"+strings.Repeat("d", len(docs)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"compilation.txt:ddd", "gov.html:d", "news.html:d"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
