package index

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the index's segments into one. Each segment has its own
// term dictionaries, and an archive's reports share most of their words,
// so one segment takes a fifth less room than the ten or so that an import
// of 20,000 reports leaves, and a search reads one dictionary instead of
// ten. It rewrites the whole index: worth it after an import that wrote
// much of the index, not after one that added a few documents.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("compact %s: %w", ix.path, err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("compact %s: not a scorch index", ix.path)
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = 1 << 10 // all at once, so that every byte is written once
	if err := s.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("compact %s: %w", ix.path, err)
	}
	ix.awaitCleanup(5 * time.Second)
	return nil
}

// mergePlan gives bleve's merge policy. A new index is not merged while
// it is written: its first import merges it once, at the end (Compact),
// and merges on the way would be written again then. An index opened
// later has bleve's default policy, which the open passes explicitly as it
// overrides what the index's creation recorded.
func mergePlan(fresh bool) map[string]interface{} {
	o := mergeplan.DefaultMergePlanOptions
	perTier := o.MaxSegmentsPerTier
	if fresh {
		perTier = 1 << 20
	}
	return map[string]interface{}{
		"MaxSegmentsPerTier":   perTier,
		"MaxSegmentSize":       o.MaxSegmentSize,
		"MaxSegmentFileSize":   o.MaxSegmentFileSize,
		"TierGrowth":           o.TierGrowth,
		"SegmentsPerMergeTask": o.SegmentsPerMergeTask,
		"FloorSegmentSize":     o.FloorSegmentSize,
		"ReclaimDeletesWeight": o.ReclaimDeletesWeight,
	}
}

// awaitCleanup waits, at most max, until bleve has removed the segment
// files the merge replaced: it does so soon after, in the background, and
// a process that exits first leaves them on disk until the next import.
func (ix *Index) awaitCleanup(max time.Duration) {
	for end := time.Now().Add(max); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		files, err := filepath.Glob(filepath.Join(ix.path, "store", "*.zap"))
		if err != nil || len(files) <= 1 {
			return
		}
	}
}
