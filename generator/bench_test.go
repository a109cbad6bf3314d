package generator

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// BenchmarkBuild builds generated corpora of 1,000 and 10,000 pages from scratch into a new folder.
// Besides time and allocations it reports ms/page and the peak Go heap during a build.
func BenchmarkBuild(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			root := b.TempDir() // the templates and assets are the built-in theme's
			if err := corpus.Write(root, pages); err != nil {
				b.Fatal(err)
			}
			var built int
			peak := peakHeap()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// A fresh folder each time, as in a cold build: replacing the last build's
				// folder would also time deleting it, and ext4 slows down creating files
				// right after many were deleted (it skips recently freed inodes).
				out := filepath.Join(root, fmt.Sprintf("public-%d", i))
				res, err := Build(Options{Root: root, Out: out})
				if err != nil {
					b.Fatal(err)
				}
				built = res.Pages
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(built), "ms/page")
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		})
	}
}

// peakHeap samples the live heap until the returned function is called, and returns the peak.
// runtime/metrics is read without stopping the world, so sampling barely disturbs the timing.
func peakHeap() func() uint64 {
	runtime.GC()
	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
