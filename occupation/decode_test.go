package occupation

import (
	"testing"

	"github.com/crossroads/crossroads/occupation/internal/wire"
)

// BenchmarkDecode measures the one-time cost of the first call into the
// package: gunzip and JSON decoding.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(datasetFile); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex measures the one-time cost of the first Search:
// building the title index.
func BenchmarkSearchIndex(b *testing.B) {
	w, err := wire.Decode(datasetFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		newSearchIndex(w.Occupations)
	}
}

func TestDecodeRejectsCorruptData(t *testing.T) {
	if _, err := decode([]byte("not a dataset")); err == nil {
		t.Fatal("decode accepted garbage")
	}
}
