package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
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
	var out bytes.Buffer
	cmd.Stdout = &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return importRun{}, fmt.Errorf("zongjie import: %w", err)
	}
	hwm := watchPeakRSS(cmd.Process.Pid)
	err := cmd.Wait()
	r := importRun{seconds: time.Since(start).Seconds(), peakRSS: hwm()}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			return r, fmt.Errorf("zongjie import: %v\n%s", err, out.Bytes())
		}
	}
	if r.peakRSS == 0 { // no /proc: the rusage, which can hold this process's own peak
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.peakRSS = ru.Maxrss * 1024 // kilobytes on Linux
		}
	}
	fmt.Printf("zongjie import: %s", out.Bytes())
	return r, nil
}

// watchPeakRSS reads the process's VmHWM (the peak resident set of its
// own memory) every 50 ms until the returned function is called, which
// gives the last value read. The rusage of a child is no measure: on
// Linux its maxrss starts from the parent's at fork and survives exec, and
// this process holds the archive and, after the first run, the baseline's
// index, so a second import seemed to take 1.5 GiB.
func watchPeakRSS(pid int) func() int64 {
	var peak atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	status := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		defer close(done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := readVmHWM(status); kb > 0 {
				peak.Store(kb * 1024)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

// readVmHWM returns the VmHWM line of a /proc status file in kilobytes,
// or 0.
func readVmHWM(path string) int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}
