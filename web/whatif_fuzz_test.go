package web

import (
	"math"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzSliders fuzzes the what-if sliders of the report page: the query
// that sets them (parseWhatIf), the case they are drawn for (its savings
// and monthly expenses, which size the savings slider) and the copy of the
// case they make (apply). Accepted values are within range, the case itself
// is never changed, the copy is still a valid case, every slider's value
// and case position lie between its bounds, and the query the sliders
// write reads back to the same values.
func FuzzSliders(f *testing.F) {
	for _, seed := range []struct {
		query             string
		savings, expenses float64
	}{
		{"", 6000, 2400},
		{"balance=40&savings=1500&offer.data-entry=70&convert.contract=20", 6000, 2400},
		{"balance=50&savings=6000&offer.data-entry=50", 6000, 2400},
		{"savings=2500", 1500, 2400},
		{"savings=99999.5&balance=100", 0, 0.01},
		{"balance=-1&savings=1e10&offer.contract=50&convert.data-entry=50", 7, 1},
		{"balance=NaN&savings=0x10&offer.data-entry=1e2&convert.contract=%20", 1e9, 1e9},
		{"savings=1%2C500&balance=33.333", 12345.678, 1e-9},
		{"", 1e300, 1e300},
	} {
		f.Add(seed.query, seed.savings, seed.expenses)
	}
	example := mustExample(f)
	f.Fuzz(func(t *testing.T, query string, savings, expenses float64) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		c := deepCopy(example)
		c.Person.Savings, c.Person.MonthlyExpenses = savings, expenses
		if c.Validate() != nil {
			return // not a case that can be stored
		}
		before := deepCopy(c)

		w, ignored := parseWhatIf(q, c)
		if len(ignored) > 2+2*len(c.Opportunities) {
			t.Fatalf("%d values ignored for %d sliders: %q", len(ignored), 2+2*len(c.Opportunities), ignored)
		}
		inUnit := func(what string, x float64) {
			if !(x >= 0 && x <= 1) {
				t.Fatalf("%s = %v accepted, want 0 to 1", what, x)
			}
		}
		if w.Balance != nil {
			inUnit("balance", *w.Balance)
		}
		if w.Savings != nil && !(*w.Savings >= 0 && *w.Savings <= 1e9) {
			t.Fatalf("savings = %v accepted", *w.Savings)
		}
		for id, p := range w.Offer {
			inUnit("offer."+id, p)
			if o := c.Opportunity(id); o == nil || !o.Pending() {
				t.Fatalf("an offer chance for %q, which is not pending", id)
			}
		}
		for id, p := range w.Convert {
			inUnit("convert."+id, p)
			if o := c.Opportunity(id); o == nil || !o.IsFixedTerm() {
				t.Fatalf("a conversion chance for %q, which is not a contract", id)
			}
		}

		cp := w.apply(c)
		if diff := cmp.Diff(before, c); diff != "" {
			t.Fatalf("apply changed the case (-before +after):\n%s", diff)
		}
		if err := cp.Validate(); err != nil {
			t.Fatalf("the what-if copy of the case is not valid: %v", err)
		}
		if w.Savings != nil && cp.Person.Savings != *w.Savings {
			t.Fatalf("the copy's savings are %v, want %v", cp.Person.Savings, *w.Savings)
		}
		if w.Balance != nil && cp.BalanceValue() != *w.Balance {
			t.Fatalf("the copy's balance is %v, want %v", cp.BalanceValue(), *w.Balance)
		}

		for _, cs := range []struct {
			name string
			w    whatIf
		}{{"the case", whatIf{}}, {"the query", w}} {
			for _, s := range sliders(c, cs.w) {
				finite := !math.IsInf(s.Min, 0) && !math.IsInf(s.Max, 0) && !math.IsNaN(s.Min) && !math.IsNaN(s.Max)
				if !finite || !(s.Step > 0) || math.IsInf(s.Step, 0) || s.Min > s.Max {
					t.Fatalf("%s: slider %s has min %v, max %v, step %v", cs.name, s.Name, s.Min, s.Max, s.Step)
				}
				if !(s.Value >= s.Min && s.Value <= s.Max) || !(s.CasePosition >= s.Min && s.CasePosition <= s.Max) {
					t.Fatalf("%s: slider %s at %v (case %v) outside %v to %v", cs.name, s.Name, s.Value, s.CasePosition, s.Min, s.Max)
				}
				if s.Name == qSavings && s.Step > 1 && math.Mod(s.CasePosition, s.Step) != 0 {
					t.Fatalf("%s: the case's savings %v are not a position of the slider (step %v)", cs.name, s.CasePosition, s.Step)
				}
				if s.Changed != (cs.name == "the query" && changed(w, s.Name)) {
					t.Fatalf("%s: slider %s changed = %v", cs.name, s.Name, s.Changed)
				}
			}
		}

		// The query the sliders write reads back, to a tenth of a percent.
		back, ignored := parseWhatIf(mustQuery(t, w.query()), c)
		if len(ignored) > 0 {
			t.Fatalf("the query %q of the sliders is refused: %q", w.query(), ignored)
		}
		near := func(what string, a, b *float64, tol float64) {
			switch {
			case a == nil && b != nil:
				t.Fatalf("%s: unset, read back as %v from %q", what, *b, w.query())
			case a != nil && b == nil:
				// Rounded to a tenth of a percent, a value next to the
				// case's own may be taken for it.
			case a != nil && math.Abs(*a-*b) > tol:
				t.Fatalf("%s: %v read back as %v from %q", what, *a, *b, w.query())
			}
		}
		near("balance", w.Balance, back.Balance, 0.0006)
		near("savings", w.Savings, back.Savings, 1e-9*math.Max(1, math.Abs(savings)))
		for id, p := range w.Offer {
			if b, ok := back.Offer[id]; ok {
				near("offer."+id, &p, &b, 0.0006)
			}
		}
		for id, p := range w.Convert {
			if b, ok := back.Convert[id]; ok {
				near("convert."+id, &p, &b, 0.0006)
			}
		}
	})
}

// changed reports whether w sets the slider of the query parameter name.
func changed(w whatIf, name string) bool {
	switch {
	case name == qBalance:
		return w.Balance != nil
	case name == qSavings:
		return w.Savings != nil
	case strings.HasPrefix(name, qOffer):
		_, ok := w.Offer[strings.TrimPrefix(name, qOffer)]
		return ok
	case strings.HasPrefix(name, qConvert):
		_, ok := w.Convert[strings.TrimPrefix(name, qConvert)]
		return ok
	}
	return false
}

// deepCopy copies what x points to, and everything it points to in turn, so
// that a write through a pointer of the copy cannot reach x.
func deepCopy[T any](x *T) *T {
	var copyValue func(dst, src reflect.Value)
	copyValue = func(dst, src reflect.Value) {
		switch src.Kind() {
		case reflect.Pointer:
			if !src.IsNil() {
				dst.Set(reflect.New(src.Type().Elem()))
				copyValue(dst.Elem(), src.Elem())
			}
		case reflect.Struct:
			for i := range src.NumField() {
				copyValue(dst.Field(i), src.Field(i))
			}
		case reflect.Slice:
			if !src.IsNil() {
				dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
				for i := range src.Len() {
					copyValue(dst.Index(i), src.Index(i))
				}
			}
		case reflect.Map:
			if !src.IsNil() {
				dst.Set(reflect.MakeMapWithSize(src.Type(), src.Len()))
				for it := src.MapRange(); it.Next(); {
					v := reflect.New(src.Type().Elem()).Elem()
					copyValue(v, it.Value())
					dst.SetMapIndex(it.Key(), v)
				}
			}
		case reflect.Interface:
			if !src.IsNil() {
				panic("deepCopy: an interface field")
			}
		default:
			dst.Set(src)
		}
	}
	out := new(T)
	copyValue(reflect.ValueOf(out).Elem(), reflect.ValueOf(x).Elem())
	return out
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", s, err)
	}
	return q
}
