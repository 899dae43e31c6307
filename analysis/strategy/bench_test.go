package strategy

import (
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// BenchmarkAnalyze is the whole strategy analysis of the motivating case at
// the default number of paths: the main run, the value of information, the
// break-even searches and the tornado chart.
func BenchmarkAnalyze(b *testing.B) {
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Analyze(c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
