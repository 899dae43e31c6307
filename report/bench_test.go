package report

import (
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// BenchmarkBuild is the example's whole analysis as `crossroads analyze`
// runs it, from the parsed case to the report value: the job-or-career
// lens, the ranking and its sensitivity, the occupations' outlook, and the
// plans under uncertainty (simulation, value of information, break-even
// points and tornado) at the default number of paths.
func BenchmarkBuild(b *testing.B) {
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAndBuild adds the parsing and validation of the case file.
func BenchmarkParseAndBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Build(c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
