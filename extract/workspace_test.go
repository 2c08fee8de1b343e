package extract

import (
	"reflect"
	"sync"
	"testing"
)

func TestKindCount(t *testing.T) {
	if len(Kinds) != kindCount {
		t.Fatalf("kindCount is %d, there are %d kinds", kindCount, len(Kinds))
	}
}

// TestWorkspaceReuse extracts the sample documents in turn and at once
// from several goroutines: the pooled workspaces must leave nothing of one
// document in the facts of another.
func TestWorkspaceReuse(t *testing.T) {
	e := newTestExtractor(t)
	docs := sampleDocs(t)
	want := make([]Record, len(docs))
	for i, d := range docs {
		want[i] = e.Extract(d)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + g*3) % len(docs)
				if got := e.Extract(docs[i]); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s: facts differ when extracted again", docs[i].ID)
				}
			}
		}()
	}
	wg.Wait()
}
