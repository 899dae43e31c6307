package mcdacsv_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/mcda/mcdacsv"
)

func TestReadMatrix(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "aircraft.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := mcdacsv.ReadMatrix(f)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A1", "A2", "A3", "A4"}; !slices.Equal(p.Alternatives, want) {
		t.Errorf("alternatives %v, want %v", p.Alternatives, want)
	}
	if len(p.Criteria) != 6 || p.Criteria[3] != "acquisition cost ($M)" {
		t.Errorf("criteria %q", p.Criteria)
	}
	if got := p.Values[1]; !slices.Equal(got, []float64{2.5, 2700, 18000, 6.5, 3, 5}) {
		t.Errorf("row A2 = %v", got)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestReadMatrixSpacesQuotesBOM(t *testing.T) {
	t.Parallel()
	in := "\ufeffname, salary ,\"commute, min\"\n\n Stay , 62, 20\r\n\"Start, up\",70,45\n"
	p, err := mcdacsv.ReadMatrix(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Criteria, []string{"salary", "commute, min"}) || !slices.Equal(p.Alternatives, []string{"Stay", "Start, up"}) {
		t.Errorf("criteria %q alternatives %q", p.Criteria, p.Alternatives)
	}
	if p.Values[1][1] != 45 {
		t.Errorf("values %v", p.Values)
	}
}

func TestReadMatrixErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "the file is empty; it needs a header line"},
		{"only name", "name\n", "line 1: the header has 1 column"},
		{"numbers as header", "a,1,2\nb,3,4\n", "line 1: the first line holds numbers, not names"},
		{"duplicate criterion", "name,salary,growth,salary\n", `line 1: criterion "salary" appears twice in the header (columns 2 and 4)`},
		{"empty criterion", "name,salary,,growth\n", "line 1: column 3 of the header is empty"},
		{"no rows", "name,salary\n", "the file has a header but no alternatives"},
		{"not a number", "name,salary,growth\nA,1,2\nB,3,4\nC,5,6\nD,7,8\nE,9,1\nF,abc,2\n", `line 7, column "salary": "abc" is not a number`},
		{"empty value", "name,salary,growth\nA,1,\n", `line 2, column "growth": empty value`},
		{"NaN", "name,salary\nA,NaN\n", `line 2, column "salary": "NaN" is not a finite number`},
		{"Inf", "name,salary\nA,-inf\n", `line 2, column "salary": "-inf" is not a finite number`},
		{"range", "name,salary\nA,1e999\n", `line 2, column "salary": "1e999" is out of range`},
		{"ragged short", "name,salary,growth\nA,1\n", "line 2: 2 fields, want 3 (the name and 2 criteria)"},
		{"ragged long", "name,salary\nA,1,2\n", "line 2: 3 fields, want 2"},
		{"no name", "name,salary\n,1\n", "line 2: the alternative has no name"},
		{"duplicate alternative", "name,salary\nA,1\nB,2\nA,3\n", `line 4: alternative "A" already appears on line 2`},
		{"bare quote", "name,salary\nA,1\"2\n", "line 2, column 4: bare \" in non-quoted-field"},
		{"unterminated quote", "name,salary\n\"A,1\n", "extraneous or missing \" in quoted-field"},
		{"multi-line field", "name,salary\n\"A\nB\",1\nC,x\n", `line 4, column "salary": "x" is not a number`},
	}
	for _, tt := range tests {
		_, err := mcdacsv.ReadMatrix(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
			continue
		}
		if crossroads.ErrorKind(err) != crossroads.Invalid {
			t.Errorf("%s: kind %v", tt.name, crossroads.ErrorKind(err))
		}
	}
}

func TestReadPairwise(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "drinks.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names, m, err := mcdacsv.ReadPairwise(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 7 || names[6] != "water" || m[1][2] != 1.0/3 || m[6][2] != 9 {
		t.Errorf("names %v, m %v", names, m)
	}
	// Saaty (2008), Table 2 (with the reciprocal of 1/3 for tea vs wine):
	// the eigenvector rounds to .177 .019 .042 .116 .190 .129 .327.
	res, err := mcda.AHPNamed(names, m, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327} {
		if math.Abs(res.Weights[i]-want) > 5e-4 {
			t.Errorf("weight of %s = %.4f, want %.3f", names[i], res.Weights[i], want)
		}
	}
}

func TestReadPairwiseUpperTriangle(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "upper.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, m, err := mcdacsv.ReadPairwise(f)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 3, 5}, {1.0 / 3, 1, 2}, {1.0 / 5, 1.0 / 2, 1}}
	for i := range want {
		if !slices.Equal(m[i], want[i]) {
			t.Errorf("row %d = %v, want %v", i, m[i], want[i])
		}
	}
}

func TestReadPairwiseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "the file is empty"},
		{"duplicate item", ",a,b,a\n", `item "a" appears twice`},
		{"wrong order", ",a,b\nb,1,2\na,1/2,1\n", `line 2: row "b", but the header's item 1 is "a"`},
		{"bad judgement", ",a,b\na,1,x\nb,1,1\n", `line 2, column "b": judgement "x" is not a number`},
		{"zero", ",a,b\na,1,0\nb,1,1\n", `line 2, column "b": judgement "0" is not positive`},
		{"divide by zero", ",a,b\na,1,1/0\nb,1,1\n", `line 2, column "b": judgement "1/0" divides by zero`},
		{"ragged", ",a,b\na,1\n", "line 2: 2 fields, want 3"},
		{"too many rows", ",a,b\na,1,2\nb,1/2,1\nc,1,1\n", "line 4: more rows than the 2 items"},
		{"too few rows", ",a,b,c\na,1,2,3\n", `the matrix has 1 rows for 3 items; the row of "b" is missing`},
		{"both empty", ",a,b\na,1,\nb,,1\n", `line 2, column "b": empty, and so is its mirror cell`},
		{"numeric header", ",1,2\n", "holds numbers, not names"},
	}
	for _, tt := range tests {
		_, _, err := mcdacsv.ReadPairwise(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func seedFiles(f *testing.F, names ...string) {
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
}

func FuzzReadMatrix(f *testing.F) {
	seedFiles(f, "aircraft.csv")
	for _, s := range []string{"", "name\n", "name,a\nx,1\n", "name,a,b\nx,1\n", "name,a\n\"x\ny\",1e308\n", "name,a\nx,NaN\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := mcdacsv.ReadMatrix(strings.NewReader(in))
		if err != nil {
			if crossroads.ErrorKind(err) != crossroads.Invalid {
				t.Errorf("error %v is not of kind invalid", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Errorf("ReadMatrix accepted a problem that does not validate: %v", err)
		}
		if _, err := mcda.TOPSIS(p, ""); err != nil {
			t.Errorf("TOPSIS on an accepted matrix: %v", err)
		}
	})
}

func FuzzReadPairwise(f *testing.F) {
	seedFiles(f, "drinks.csv", "upper.csv")
	for _, s := range []string{"", ",a\na,1\n", ",a,b\na,,\nb,,\n", ",a,b\na,1,1/3\nb,3,1\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		names, m, err := mcdacsv.ReadPairwise(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(m) != len(names) {
			t.Fatalf("%d names, %d rows", len(names), len(m))
		}
		for _, row := range m {
			if len(row) != len(names) {
				t.Fatalf("row of %d for %d names", len(row), len(names))
			}
			for _, a := range row {
				if !(a > 0) || math.IsInf(a, 0) {
					t.Fatalf("entry %v is not a positive finite number", a)
				}
			}
		}
		// AHP may reject the matrix (not reciprocal) but must not panic.
		_, _ = mcda.AHPNamed(names, m, mcda.Eigenvector, mcda.RIAlonsoLamata)
		_, _ = mcda.AHPNamed(names, m, mcda.Approximate, mcda.RIDoneganDodd)
	})
}
