package crossroads

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// crossChecks adds the rules that tie fields together.
func (c *Case) crossChecks(v *validator) {
	ids := map[string]int{}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		p := fmt.Sprintf("opportunities[%d]", i)
		if o.ID != "" {
			if j, dup := ids[o.ID]; dup {
				v.add(p+".id", strconv.Quote(o.ID), "is already the id of opportunities[%d]; ids must be unique", j)
			}
			ids[o.ID] = i
		}
		c.checkOpportunity(v, o, p)
	}
	c.checkCriteria(v, ids)
	c.checkDependantAges(v)
}

// checkDependantAges checks person.dependant_ages: ages 0 to 99, at most one
// for each dependant.
func (c *Case) checkDependantAges(v *validator) {
	ages := c.Person.DependantAges
	for i, a := range ages {
		if a < 0 || a > 99 {
			v.add(fmt.Sprintf("person.dependant_ages[%d]", i), strconv.Itoa(a), "must be an age between 0 and 99")
		}
	}
	if len(ages) > 0 && len(ages) > c.Person.Dependants {
		v.add("person.dependant_ages", "", "has %d ages but person.dependants is %d; give one age for each dependant", len(ages), c.Person.Dependants)
	}
}

func (c *Case) checkOpportunity(v *validator, o *Opportunity, p string) {
	asOf := c.AsOf
	dates := []struct {
		name string
		d    Date
	}{
		{"chance.interview_date", o.Chance.InterviewDate},
		{"chance.known_by", o.Chance.KnownBy},
		{"chance.respond_by", o.Chance.RespondBy},
	}
	if !asOf.IsZero() && o.Status != StatusCurrentJob {
		for _, d := range dates {
			if !d.d.IsZero() && d.d.Before(asOf) {
				v.add(p+"."+d.name, d.d.String(), "is before the case's as_of date %s", asOf)
			}
		}
	}
	if !o.Start.IsZero() {
		if !o.Chance.RespondBy.IsZero() && !o.Chance.RespondBy.Before(o.Start) {
			v.add(p+".chance.respond_by", o.Chance.RespondBy.String(), "must be before the start date %s", o.Start)
		}
		if !o.Chance.InterviewDate.IsZero() && !o.Chance.InterviewDate.Before(o.Start) {
			v.add(p+".chance.interview_date", o.Chance.InterviewDate.String(), "must be before the start date %s", o.Start)
		}
		if !o.Chance.KnownBy.IsZero() && o.Chance.KnownBy.After(o.Start) {
			v.add(p+".chance.known_by", o.Chance.KnownBy.String(), "must not be after the start date %s", o.Start)
		}
	}
	if !o.Chance.InterviewDate.IsZero() && !o.Chance.KnownBy.IsZero() && o.Chance.KnownBy.Before(o.Chance.InterviewDate) {
		v.add(p+".chance.known_by", o.Chance.KnownBy.String(), "must not be before the interview date %s", o.Chance.InterviewDate)
	}
	if o.Status == StatusCurrentJob {
		if !o.Start.IsZero() && !asOf.IsZero() && o.Start.After(asOf) {
			v.add(p+".start", o.Start.String(), "a current job cannot start after the as_of date %s", asOf)
		}
		if !o.Employment.Ends.IsZero() && !asOf.IsZero() && o.Employment.Ends.Before(asOf) {
			v.add(p+".employment.ends", o.Employment.Ends.String(), "is before the case's as_of date %s", asOf)
		}
	} else if !o.Start.IsZero() && !asOf.IsZero() && o.Start.Before(asOf) && o.Status != StatusAccepted {
		v.add(p+".start", o.Start.String(), "is before the case's as_of date %s", asOf)
	}
	if o.Status == StatusOffer && o.Chance.Probability != nil && o.Chance.Probability.Mean() < 1 {
		v.add(p+".chance.probability", o.Chance.Probability.String(), "an offer in hand has probability 1; use status interview_scheduled or applied for an offer not yet made")
	}
	if o.Pay.Per == "hour" && o.Pay.Amount.Max > 500 {
		v.add(p+".pay.amount", o.Pay.Amount.String(), "looks like a yearly amount, not an hourly rate; set per: year")
	}
	if o.IsFixedTerm() {
		if o.Employment.Months == 0 {
			v.add(p+".employment.months", "", "is required for a %s: the length in months", o.EmploymentType())
		}
	} else {
		e := o.Employment
		if e.Months > 0 {
			v.add(p+".employment.months", strconv.Itoa(e.Months), "applies only to a contract or temp_to_hire job")
		}
		if e.Conversion.Probability != nil || e.Conversion.Pay != nil || e.Conversion.Benefits != nil {
			v.add(p+".employment.conversion", "", "applies only to a contract or temp_to_hire job")
		}
		if e.Extension.Probability != nil {
			v.add(p+".employment.extension", "", "applies only to a contract or temp_to_hire job")
		}
	}
	if o.Status != StatusKeepSearching && o.Search.Months != nil {
		v.add(p+".search", "", "applies only to an opportunity with status keep_searching")
	}
	for id, x := range o.Ratings {
		rp := p + ".ratings." + id
		if math.IsNaN(x) || math.IsInf(x, 0) {
			v.add(rp, fmtNum(x), "must be a finite number")
			continue
		}
		if b, ok := Builtin(id); ok {
			if x < 0 || x > 10 {
				v.add(rp, fmtNum(x), "must be a rating between 0 and 10 (%s)", b.Name)
			}
			continue
		}
		cc := c.Criteria.custom(id)
		if cc == nil {
			v.add(rp, fmtNum(x), "is not a criterion: use a built-in criterion id (%s) or one of criteria.custom", builtinIDs())
			continue
		}
		lo, hi := cc.Scale()
		if x < lo || x > hi {
			v.add(rp, fmtNum(x), "must be between %s and %s, the scale of %s", fmtNum(lo), fmtNum(hi), cc.Name)
		}
	}
	for _, cc := range c.Criteria.Custom {
		if _, builtin := Builtin(cc.ID); builtin {
			continue
		}
		if _, ok := o.Ratings[cc.ID]; !ok && cc.ID != "" {
			v.add(p+".ratings", "", "has no rating for the custom criterion %q", cc.ID)
		}
	}
}

func (cr *Criteria) custom(id string) *CustomCriterion {
	for i := range cr.Custom {
		if cr.Custom[i].ID == id {
			return &cr.Custom[i]
		}
	}
	return nil
}

// Scale returns the bounds of the custom criterion's ratings.
func (cc *CustomCriterion) Scale() (lo, hi float64) {
	return ratingOr(cc.Min, 0), ratingOr(cc.Max, 10)
}

func builtinIDs() string {
	ids := make([]string, len(BuiltinCriteria))
	for i, b := range BuiltinCriteria {
		ids[i] = b.ID
	}
	return strings.Join(ids, ", ")
}

// CriterionGroup returns the group of a built-in or custom criterion, or "".
func (c *Case) CriterionGroup(id string) string {
	if b, ok := Builtin(id); ok {
		return b.Group
	}
	if cc := c.Criteria.custom(id); cc != nil {
		return cc.Group
	}
	return ""
}

func (c *Case) checkCriteria(v *validator, oppIDs map[string]int) {
	cr := &c.Criteria
	for i, cc := range cr.Custom {
		p := fmt.Sprintf("criteria.custom[%d]", i)
		if _, ok := Builtin(cc.ID); ok {
			v.add(p+".id", strconv.Quote(cc.ID), "is the id of a built-in criterion; choose another")
		}
		for j := range i {
			if cr.Custom[j].ID == cc.ID && cc.ID != "" {
				v.add(p+".id", strconv.Quote(cc.ID), "is already the id of criteria.custom[%d]", j)
			}
		}
		lo, hi := cc.Scale()
		if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
			v.add(p+".max", fmtNum(hi), "must be greater than min (%s)", fmtNum(lo))
		}
	}
	limit, unit := 10.0, "a rating between 0 and 10"
	if cr.Weighting == "swing" {
		limit, unit = 100, "swing points between 0 and 100"
	}
	keys := make([]string, 0, len(cr.Weights))
	for id := range cr.Weights {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for _, id := range keys {
		w := cr.Weights[id]
		p := "criteria.weights." + id
		switch {
		case c.CriterionGroup(id) == "":
			v.add(p, fmtNum(w), "is not a criterion: use a built-in criterion id (%s) or one of criteria.custom", builtinIDs())
		case math.IsNaN(w) || w < 0 || w > limit:
			v.add(p, fmtNum(w), "must be %s", unit)
		}
	}
	if cr.Weighting == "pairwise" {
		c.checkPairwise(v, "present", cr.Pairwise.Present)
		c.checkPairwise(v, "future", cr.Pairwise.Future)
	} else if len(cr.Pairwise.Present)+len(cr.Pairwise.Future) > 0 {
		v.add("criteria.pairwise", "", "is used only with weighting: pairwise")
	}
	if cr.Weighting != "pairwise" {
		b := c.BalanceValue()
		for _, g := range []struct {
			name  string
			share float64
		}{{GroupPresent, 1 - b}, {GroupFuture, b}} {
			if g.share > 0 && c.groupWeightSum(g.name) <= 0 {
				v.add("criteria.weights", "", "every %s criterion has weight 0, but the balance gives the %s a share of %s; give one a weight or set criteria.balance", g.name, g.name, fmtNum(g.share))
			}
		}
	}
}

// CriterionIDs returns the ids of the built-in and custom criteria of a
// group, in report order.
func (c *Case) CriterionIDs(group string) []string {
	var ids []string
	for _, b := range BuiltinCriteria {
		if b.Group == group {
			ids = append(ids, b.ID)
		}
	}
	for _, cc := range c.Criteria.Custom {
		if _, builtin := Builtin(cc.ID); cc.Group == group && !builtin {
			ids = append(ids, cc.ID)
		}
	}
	return ids
}

// RawWeight returns the direct or swing weight of a criterion before
// normalisation: the case's weight, else the default.
func (c *Case) RawWeight(id string) float64 {
	if w, ok := c.Criteria.Weights[id]; ok {
		return w
	}
	def := DefaultRating
	if b, ok := Builtin(id); ok {
		def = b.Weight
		if id == CritFlexibility {
			def = c.Person.NeedsFlexibilityValue()
		}
	}
	if c.Criteria.Weighting == "swing" {
		return def * 10
	}
	return def
}

func (c *Case) groupWeightSum(group string) float64 {
	s := 0.0
	for _, id := range c.CriterionIDs(group) {
		if w := c.RawWeight(id); w > 0 && !math.IsNaN(w) {
			s += w
		}
	}
	return s
}

func (c *Case) checkPairwise(v *validator, group string, comps []Comparison) {
	base := "criteria.pairwise." + group
	ids := c.CriterionIDs(group)
	var active []string
	for _, id := range ids {
		if w, ok := c.Criteria.Weights[id]; !ok || w > 0 {
			active = append(active, id)
		}
	}
	seen := map[[2]string]bool{}
	for i, cmp := range comps {
		p := fmt.Sprintf("%s[%d]", base, i)
		ok := true
		for _, side := range []struct{ name, id string }{{"a", cmp.A}, {"b", cmp.B}} {
			if side.id == "" {
				continue
			}
			if g := c.CriterionGroup(side.id); g != group {
				ok = false
				if g == "" {
					v.add(p+"."+side.name, strconv.Quote(side.id), "is not a criterion")
				} else {
					v.add(p+"."+side.name, strconv.Quote(side.id), "is a %s criterion; compare it under pairwise.%s", g, g)
				}
			}
		}
		if cmp.A == cmp.B && cmp.A != "" {
			v.add(p+".b", strconv.Quote(cmp.B), "a criterion is not compared with itself")
			ok = false
		}
		if cmp.Ratio != "" {
			r, err := ParseRatio(cmp.Ratio)
			if err != nil {
				v.add(p+".ratio", strconv.Quote(cmp.Ratio), "%v", err)
			} else if r < 1.0/9-1e-9 || r > 9+1e-9 {
				v.add(p+".ratio", strconv.Quote(cmp.Ratio), "must be between 1/9 and 9 (Saaty's scale)")
			}
		}
		if ok && cmp.A != "" && cmp.B != "" {
			key := [2]string{min(cmp.A, cmp.B), max(cmp.A, cmp.B)}
			if seen[key] {
				v.add(p, cmp.A+" vs "+cmp.B, "this pair is already compared")
			}
			seen[key] = true
		}
	}
	var missing []string
	for i, a := range active {
		for _, b := range active[i+1:] {
			if !seen[[2]string{min(a, b), max(a, b)}] {
				missing = append(missing, a+" vs "+b)
			}
		}
	}
	if len(missing) > 0 {
		shown := missing
		if len(shown) > 8 {
			shown = append(shown[:8:8], fmt.Sprintf("and %d more", len(missing)-8))
		}
		v.add(base, "", "misses %d comparison(s): %s", len(missing), strings.Join(shown, "; "))
	}
}

// ParseRatio parses a pairwise judgement written as a positive number ("3",
// "0.5", "1e1") or a fraction of two (" 1 / 3 "). It refuses the spellings
// strconv accepts that people do not mean (inf, nan, hexadecimal,
// underscores). The error quotes the text.
func ParseRatio(s string) (float64, error) {
	t := strings.TrimSpace(s)
	bad := func(why string) (float64, error) { return 0, fmt.Errorf("%q %s", s, why) }
	if t == "" {
		return bad("is empty")
	}
	num, den, isFrac := strings.Cut(t, "/")
	a, err := parsePlain(num)
	if err != nil {
		return bad("is not a number or a fraction such as 1/3")
	}
	if isFrac {
		b, err := parsePlain(den)
		if err != nil {
			return bad("is not a number or a fraction such as 1/3")
		}
		if b == 0 {
			return bad("divides by zero")
		}
		a /= b
	}
	if math.IsNaN(a) || math.IsInf(a, 0) {
		return bad("is not a finite number")
	}
	if a <= 0 {
		return bad("is not positive; judgements are ratios such as 3 or 1/3")
	}
	return a, nil
}

// parsePlain parses a decimal number written the way people write one.
func parsePlain(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "xXpP_iInN") {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(s, 64)
}
