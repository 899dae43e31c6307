package money

import (
	"math"
	"testing"
)

const cent = 0.005

func TestIncomeTax(t *testing.T) {
	tests := []struct {
		name     string
		wages    float64
		status   string
		children int
		want     float64
	}{
		{"below the deduction", 15000, Single, 0, 0},
		// 50,000 − 16,100 = 33,900: 10% of 12,400 + 12% of 21,500.
		{"single 50k", 50000, Single, 0, 1240 + 2580},
		// 100,000 − 16,100 = 83,900: 1,240 + 12% of 38,000 + 22% of 33,500.
		{"single 100k", 100000, Single, 0, 1240 + 4560 + 7370},
		// 42,827.20 − 24,150 = 18,677.20: 1,770 + 12% of 977.20 = 1,887.264, less 2,200 of credit.
		{"head of household with a child", 42827.2, HeadOfHousehold, 1, 0},
		{"head of household no child", 42827.2, HeadOfHousehold, 0, 1887.264},
		// 250,000 − 32,200 = 217,800: 2,480 + 9,120 + 24,332 + 24% of 6,400.
		{"married 250k", 250000, MarriedJoint, 0, 2480 + 9120 + 24332 + 1536},
		{"unknown status counts as single", 50000, "", 0, 3820},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := IncomeTax(tt.wages, tt.status, tt.children)
			if math.Abs(got-tt.want) > cent {
				t.Errorf("IncomeTax(%v, %q, %d) = %.4f, want %.4f", tt.wages, tt.status, tt.children, got, tt.want)
			}
		})
	}
}

func TestPayrollTax(t *testing.T) {
	tests := []struct{ wages, want float64 }{
		{0, 0},
		{40000, 40000 * 0.0765},
		// Above the wage base only Medicare continues.
		{200000, 184500*0.062 + 200000*0.0145},
	}
	for _, tt := range tests {
		if got := PayrollTax(tt.wages); math.Abs(got-tt.want) > cent {
			t.Errorf("PayrollTax(%v) = %.2f, want %.2f", tt.wages, got, tt.want)
		}
	}
}

func TestTakeHome(t *testing.T) {
	eff := Tax{Effective: true, EffectiveRate: 0.2}
	if got, want := TakeHome(60000, eff), 48000.0; got != want {
		t.Errorf("TakeHome effective = %v, want %v", got, want)
	}
	est := Tax{FilingStatus: Single, StateRate: 0.05}
	want := 50000 - 50000*0.0765 - 3820 - 2500
	if got := TakeHome(50000, est); math.Abs(got-want) > cent {
		t.Errorf("TakeHome estimate = %.2f, want %.2f", got, want)
	}
	if got := MonthlyTakeHome(50000.0/12, est); math.Abs(got-want/12) > cent {
		t.Errorf("MonthlyTakeHome = %.2f, want %.2f", got, want/12)
	}
	if got := TakeHome(-5, est); got != -5 {
		t.Errorf("TakeHome(-5) = %v, want no tax on a negative amount", got)
	}
}

// Taxes never exceed the wages and never fall as wages rise.
func TestTaxMonotone(t *testing.T) {
	for _, status := range []string{Single, HeadOfHousehold, MarriedJoint} {
		prev := 0.0
		for w := 0.0; w <= 1e6; w += 997 {
			tax := AnnualTax(w, Tax{FilingStatus: status, Children: 2})
			if tax < prev-1e-9 || tax > w {
				t.Fatalf("%s: tax(%v) = %v after %v", status, w, tax, prev)
			}
			prev = tax
		}
	}
}
