package occupation_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crossroads/crossroads/occupation"
)

func TestSearch(t *testing.T) {
	for _, tc := range []struct {
		query   string
		code    string // expected among the first within results
		within  int
		matched string // expected MatchedTitle of that result, "" to skip
	}{
		{"call center representative", "43-4051.00", 1, "Call Center Representative"},
		{"Call Center Representatives", "43-4051.00", 1, "Call Center Representative"},
		{"call centre representative", "43-4051.00", 1, "Call Center Representative"},
		{"data entry clerk", "43-9021.00", 1, "Data Entry Clerk"},
		{"DATA-ENTRY CLERKS", "43-9021.00", 1, "Data Entry Clerk"},
		{"HR assistant", "43-4161.00", 1, "Human Resources Assistant (HR Assistant)"},
		{"human resources assistant", "43-4161.00", 1, "Human Resources Assistant (HR Assistant)"},
		{"HR specialist", "13-1071.00", 1, "Human Resources Specialist (HR Specialist)"},
		{"customer service representative", "43-4051.00", 1, "Customer Service Representatives"}, // the occupation title, singular
		{"customer service", "43-4051.00", 1, "Customer Service Representatives"},
		{"data ent", "43-9021.00", 1, "Data Entry Keyers"}, // typing: "ent" begins "entry"
		{"benefits call center", "43-4051.00", 3, ""},      // some words only
		{"registered nurse", "29-1141.00", 1, "Registered Nurses"},
		{"secretaries", "43-6014.00", 3, ""},
		{"43-4051", "43-4051.00", 1, "Customer Service Representatives"},
		{"43-9021.00", "43-9021.00", 1, "Data Entry Keyers"},
	} {
		ms := occupation.Search(tc.query, 10)
		i := slices.IndexFunc(ms, func(m occupation.Match) bool { return m.Code == tc.code })
		if i < 0 || i >= tc.within {
			t.Errorf("Search(%q): %s at %d, want within the first %d; got %v", tc.query, tc.code, i, tc.within, ms)
			continue
		}
		if tc.matched != "" && ms[i].MatchedTitle != tc.matched {
			t.Errorf("Search(%q): matched %q, want %q", tc.query, ms[i].MatchedTitle, tc.matched)
		}
	}
}

func TestSearchScores(t *testing.T) {
	for _, tc := range []struct {
		query, code string
		want        float64
	}{
		// exact reported title, not shown in My Next Move
		{"call center representative", "43-4051.00", 1},
		// exact reported title shown in My Next Move
		{"data entry clerk", "43-9021.00", 1.03},
		// exact occupation title
		{"data entry keyers", "43-9021.00", 1.05},
		// phrase covering 2 of 3 words of the occupation title
		{"customer service", "43-4051.00", 0.8 + 0.1*2.0/3 + 0.05},
	} {
		ms := occupation.Search(tc.query, 0)
		i := slices.IndexFunc(ms, func(m occupation.Match) bool { return m.Code == tc.code })
		if i < 0 {
			t.Errorf("Search(%q) lacks %s", tc.query, tc.code)
			continue
		}
		const tol = 1e-12
		if got := ms[i].Score; got < tc.want-tol || got > tc.want+tol {
			t.Errorf("Search(%q) %s score = %v, want %v", tc.query, tc.code, got, tc.want)
		}
	}
}

func TestSearchOrderAndLimit(t *testing.T) {
	for _, q := range []string{"clerk", "teacher", "manager", "data", "43-40"} {
		all := occupation.Search(q, 0)
		if len(all) < 5 {
			t.Fatalf("Search(%q) = %d matches, want at least 5", q, len(all))
		}
		for i := 1; i < len(all); i++ {
			a, b := all[i-1], all[i]
			if a.Score < b.Score || a.Score == b.Score && a.Code >= b.Code {
				t.Fatalf("Search(%q): %v before %v", q, a, b)
			}
		}
		if got := occupation.Search(q, 3); !slices.Equal(got, all[:3]) {
			t.Errorf("Search(%q, 3) = %v, want %v", q, got, all[:3])
		}
		if again := occupation.Search(q, 0); !slices.Equal(again, all) {
			t.Errorf("Search(%q) differs between runs", q)
		}
	}
}

func TestSearchNothing(t *testing.T) {
	for _, q := range []string{"", "   ", "the and of", "xyzzyplugh", "!!!", "9"} {
		if ms := occupation.Search(q, 10); len(ms) != 0 {
			t.Errorf("Search(%q) = %v, want none", q, ms)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"call center representative", "data entry clerk", "HR assistant", "43-4051", "43-",
		"", " ", "a", "Ünïcödé ß", "\xff\xfe", "((()", "data ent", strings.Repeat("clerk ", 100),
		"9999999999999999999", "-", ".", "43-4051.00.00",
	} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, q string, limit int) {
		ms := occupation.Search(q, limit)
		if limit > 0 && len(ms) > limit {
			t.Fatalf("Search(%q, %d) = %d matches", q, limit, len(ms))
		}
		for _, m := range ms {
			if _, ok := occupation.Lookup(m.Code); !ok || m.Score <= 0 || !utf8.ValidString(m.MatchedTitle) {
				t.Fatalf("Search(%q): bad match %+v", q, m)
			}
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	for _, q := range []string{"call center representative", "data entry clerk", "HR assistant", "c", "cl", "manager", "43-4"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			occupation.Search(q, 10) // load the dataset outside the timing
			b.ReportAllocs()
			for b.Loop() {
				occupation.Search(q, 10)
			}
		})
	}
}

// TestSearchConcurrent runs searches and lookups from several goroutines;
// run with -race.
func TestSearchConcurrent(t *testing.T) {
	want := occupation.Search("data entry clerk", 5)
	done := make(chan []occupation.Match)
	for range 8 {
		go func() {
			occupation.Lookup("43-4051.00")
			done <- occupation.Search("data entry clerk", 5)
		}()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent Search = %v, want %v", got, want)
		}
	}
}
