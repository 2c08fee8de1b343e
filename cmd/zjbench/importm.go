package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// importRun is one measured `zongjie import`.
type importRun struct {
	seconds float64
	peakRSS int64 // bytes
	docs    uint64
}

// measureImport runs `zongjie import` on the archive into a new index and
// reads its time and peak resident memory.
func measureImport(ctx context.Context, bin, archive, idx string) (importRun, error) {
	cmd := exec.CommandContext(ctx, bin, "import", "--quiet", "--index", idx, archive)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	r := importRun{seconds: time.Since(start).Seconds()}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			return r, fmt.Errorf("zongjie import: %v\n%s", err, out)
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	fmt.Printf("zongjie import: %s", out)
	return r, nil
}
