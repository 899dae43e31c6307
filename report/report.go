// Package report runs every analysis of a case and gathers the results into
// one Report, which it renders as text, JSON or HTML. It holds no analysis
// of its own beyond putting the pieces together and writing the plain
// summary; the numbers come from the packages under analysis/.
package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/strategy"
	"github.com/crossroads/crossroads/occupation"
)

// Options of a report. The zero value uses the documented defaults.
type Options struct {
	// Paths, when > 0, overrides the case's settings.paths: the number of
	// Monte Carlo paths of the plans' simulation.
	Paths int
	// Seed, when not nil, overrides the case's settings.seed.
	Seed *uint64
	// Workers of the simulation; 0 means GOMAXPROCS. The numbers do not
	// depend on it.
	Workers int
	// Outlook returns an occupation's projected ten-year employment change
	// in percent; nil means the embedded occupation dataset.
	Outlook func(code string) (percent float64, ok bool)
}

// occupationWage returns the national median annual wage of an occupation
// (BLS OEWS May 2024).
func occupationWage(code string) (float64, string, bool) {
	o, ok := occupation.Lookup(code)
	if !ok || o.Wages == nil || !o.Wages.Annual.Median.Known() {
		return 0, "", false
	}
	return o.Wages.Annual.Median.Dollars(), "BLS OEWS May 2024, " + o.Wages.SOCTitle, true
}

// occupationOutlook returns the BLS projected change of an occupation.
func occupationOutlook(code string) (float64, bool) {
	o, ok := occupation.Lookup(code)
	if !ok || o.Outlook == nil {
		return 0, false
	}
	return o.Outlook.ChangePercent, true
}

// Report is the whole analysis of one case.
type Report struct {
	Title         string `json:"title"`
	Person        string `json:"person,omitempty"`
	Currency      string `json:"currency"`
	AsOf          string `json:"as_of"`
	HorizonMonths int    `json:"horizon_months"`

	// Weights of the criteria and how they were found.
	Weights Weights `json:"weights"`
	// Ranking method and the meaning of the scores.
	Ranking Ranking `json:"ranking"`
	// Opportunities in the case's order, each with its lens, score and rank.
	Opportunities []Opportunity `json:"opportunities"`
	// Best is the id of the opportunity ranked first.
	Best string `json:"best"`
	// Sensitivity says what would change the best choice.
	Sensitivity Sensitivity `json:"sensitivity"`
	// Simulation describes the month-by-month Monte Carlo simulation of the
	// plans the person can follow; Strategies are those plans, simulated
	// and ranked (see docs/simulation.md).
	Simulation *Simulation `json:"simulation"`
	Strategies []Strategy  `json:"strategies"`
	// ValueOfInformation is what knowing each pending answer before the
	// decision deadline is worth.
	ValueOfInformation []strategy.VOI `json:"value_of_information"`
	// BreakEven lists the values of the inputs at which the best plan
	// changes, and to what.
	BreakEven []strategy.BreakEven `json:"break_even"`
	// Tornado lists the inputs that move the best plan's lead most, each
	// taken to a low and a high value.
	Tornado []strategy.Bar `json:"tornado"`
	// Summary is a few plain sentences a coach would say.
	Summary []string `json:"summary"`
	// Questions still worth asking before deciding.
	Questions []string `json:"questions"`
	// Assumptions are the cited default figures the analysis used.
	Assumptions []crossroads.Figure `json:"assumptions"`
	// Dates on the case's timeline, in order.
	Timeline []Event `json:"timeline"`
	// Occupations holds the national pay and outlook of the opportunities'
	// occupations and the next steps from the person's work history.
	Occupations Occupations `json:"occupations"`

	caseRef *crossroads.Case
	lens    lens.Result
	plans   *strategy.Analysis
}

// Weights are the criteria weights of the report.
type Weights struct {
	// Method is direct, swing or pairwise.
	Method string `json:"method"`
	// Balance between present (0) and future (1).
	Balance  float64         `json:"balance"`
	Criteria []CriterionInfo `json:"criteria"`
	// Pairwise holds the AHP results per group when the weights come from
	// pairwise comparisons.
	Pairwise map[string]*PairwiseResult `json:"pairwise,omitempty"`
}

// CriterionInfo is one criterion's weight.
type CriterionInfo struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// Given is the weight as given or defaulted: a 0–10 rating, swing points
	// or (pairwise) the AHP weight.
	Given float64 `json:"given"`
	// InGroup is the weight normalised within its group.
	InGroup float64 `json:"in_group"`
	// Overall is the weight in the ranking: (1 − balance)·InGroup for the
	// present group, balance·InGroup for the future group.
	Overall float64 `json:"overall"`
}

// PairwiseResult is the AHP of one group of criteria.
type PairwiseResult struct {
	Criteria  []string  `json:"criteria"`
	Weights   []float64 `json:"weights"`
	LambdaMax float64   `json:"lambda_max"`
	CI        float64   `json:"ci"`
	CR        float64   `json:"cr"`
	Warning   string    `json:"warning,omitempty"`
}

// Ranking names the multi-criteria method.
type Ranking struct {
	Method        string `json:"method"`
	Normalization string `json:"normalization,omitempty"`
	// ScoreMeaning says what the score of an opportunity is.
	ScoreMeaning string `json:"score_meaning"`
}

// Opportunity is one opportunity in the report.
type Opportunity struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
	// Chance of getting it (1 for an offer in hand).
	Chance float64 `json:"chance"`
	Lens   Lens    `json:"lens"`
	// Score under the ranking method, and Rank (1 = best).
	Score    float64          `json:"score"`
	Rank     int              `json:"rank"`
	Criteria []lens.Criterion `json:"criteria"`
	Facts    lens.Facts       `json:"facts"`
	Notes    []string         `json:"notes,omitempty"`
}

// Lens is the job-or-career view of an opportunity.
type Lens struct {
	Present  float64 `json:"present"`
	Future   float64 `json:"future"`
	Overall  float64 `json:"overall"`
	Quadrant string  `json:"quadrant"`
}

// Sensitivity says what would change the best choice.
type Sensitivity struct {
	// Balance lists the ranges of the present-vs-future balance and the
	// opportunity that is best in each.
	Balance []lens.BalanceSegment `json:"balance"`
	// Weights gives, for each criterion, the range of its overall weight in
	// which the best choice stays the same.
	Weights []WeightRange `json:"weights"`
}

// WeightRange is the stability interval of one criterion's weight.
type WeightRange struct {
	Criterion string  `json:"criterion"`
	Name      string  `json:"name"`
	Weight    float64 `json:"weight"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	// BestBelow and BestAbove are the opportunities that take over beyond
	// the range, or "" when nothing changes on that side.
	BestBelow string `json:"best_below,omitempty"`
	BestAbove string `json:"best_above,omitempty"`
}

// Event is a dated step of the case.
type Event struct {
	Date        string `json:"date"`
	Opportunity string `json:"opportunity,omitempty"`
	What        string `json:"what"`
}

// Build analyses a valid case.
func Build(c *crossroads.Case, opt Options) (*Report, error) {
	r := &Report{
		Title:         c.Title,
		Person:        c.Person.Name,
		Currency:      c.CurrencyCode(),
		AsOf:          c.AsOf.String(),
		HorizonMonths: c.Horizon(),
		caseRef:       c,
	}
	within, err := r.buildWeights(c)
	if err != nil {
		return nil, err
	}
	if opt.Outlook == nil {
		opt.Outlook = occupationOutlook
	}
	lr, err := lens.Evaluate(c, lens.Settings{Weights: within, Outlook: opt.Outlook})
	if err != nil {
		return nil, err
	}
	r.lens = lr
	if err := r.rank(c, lr); err != nil {
		return nil, err
	}
	if err := r.buildStrategies(c, opt, within); err != nil {
		return nil, err
	}
	r.Sensitivity.Balance = lens.BalanceSegments(lr)
	r.Timeline = timeline(c)
	r.Occupations = buildOccupations(c)
	r.Assumptions = assumptions(c)
	r.Summary = summarize(r)
	r.Questions = questions(r)
	return r, nil
}

// Case returns the case the report was built from.
func (r *Report) Case() *crossroads.Case { return r.caseRef }

// buildWeights computes the within-group weights: direct or swing weights
// normalised per group, or AHP weights from the pairwise comparisons.
func (r *Report) buildWeights(c *crossroads.Case) (map[string]float64, error) {
	r.Weights.Method = c.Criteria.Weighting
	if r.Weights.Method == "" {
		r.Weights.Method = "direct"
	}
	r.Weights.Balance = c.BalanceValue()
	var within map[string]float64
	given := map[string]float64{}
	if r.Weights.Method == "pairwise" {
		within = map[string]float64{}
		r.Weights.Pairwise = map[string]*PairwiseResult{}
		for _, g := range []string{crossroads.GroupPresent, crossroads.GroupFuture} {
			pr, err := pairwise(c, g)
			if err != nil {
				return nil, err
			}
			r.Weights.Pairwise[g] = pr
			for _, id := range c.CriterionIDs(g) {
				within[id] = 0
			}
			for i, id := range pr.Criteria {
				within[id] = pr.Weights[i]
				given[id] = pr.Weights[i]
			}
		}
	} else {
		var err error
		if within, err = lens.DirectWeights(c); err != nil {
			return nil, err
		}
		for id := range within {
			given[id] = lens.RawWeight(c, id)
		}
	}
	b := r.Weights.Balance
	for _, g := range []string{crossroads.GroupPresent, crossroads.GroupFuture} {
		share := 1 - b
		if g == crossroads.GroupFuture {
			share = b
		}
		for _, id := range c.CriterionIDs(g) {
			r.Weights.Criteria = append(r.Weights.Criteria, CriterionInfo{
				ID: id, Name: criterionName(c, id), Group: g,
				Given: given[id], InGroup: within[id], Overall: share * within[id],
			})
		}
	}
	return within, nil
}

// pairwise derives a group's weights by AHP from the case's comparisons.
func pairwise(c *crossroads.Case, group string) (*PairwiseResult, error) {
	comps := c.Criteria.Pairwise.Present
	if group == crossroads.GroupFuture {
		comps = c.Criteria.Pairwise.Future
	}
	var ids []string
	for _, id := range c.CriterionIDs(group) {
		if w, ok := c.Criteria.Weights[id]; !ok || w > 0 {
			ids = append(ids, id)
		}
	}
	index := map[string]int{}
	for i, id := range ids {
		index[id] = i
	}
	n := len(ids)
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	for _, cmp := range comps {
		x, err := crossroads.ParseRatio(cmp.Ratio)
		if err != nil {
			return nil, crossroads.Errorf(crossroads.Invalid, "criteria.pairwise.%s: %v", group, err)
		}
		i, j := index[cmp.A], index[cmp.B]
		m[i][j], m[j][i] = x, 1/x
	}
	method := mcda.AHPMethod(c.Criteria.Pairwise.Method)
	if method == "" {
		method = mcda.Eigenvector
	}
	res, err := mcda.AHPNamed(names(c, ids), m, method, mcda.RISaaty)
	if err != nil {
		return nil, err
	}
	return &PairwiseResult{Criteria: ids, Weights: res.Weights, LambdaMax: res.LambdaMax, CI: res.CI, CR: res.CR, Warning: res.Warning}, nil
}

func names(c *crossroads.Case, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = criterionName(c, id)
	}
	return out
}

func criterionName(c *crossroads.Case, id string) string {
	if b, ok := crossroads.Builtin(id); ok {
		return b.Name
	}
	for _, cc := range c.Criteria.Custom {
		if cc.ID == id {
			return cc.Name
		}
	}
	return id
}

// problem is the decision matrix of the ranking: the lens values of every
// criterion with a positive overall weight.
func (r *Report) problem(lr lens.Result) mcda.Problem {
	var p mcda.Problem
	var cols []string
	for _, ci := range r.Weights.Criteria {
		if ci.Overall > 0 {
			cols = append(cols, ci.ID)
			p.Criteria = append(p.Criteria, ci.ID)
			p.Types = append(p.Types, mcda.Benefit)
			p.Weights = append(p.Weights, ci.Overall)
		}
	}
	for _, o := range lr.Opportunities {
		p.Alternatives = append(p.Alternatives, o.ID)
		row := make([]float64, len(cols))
		for j, id := range cols {
			for _, cr := range o.Criteria {
				if cr.ID == id {
					row[j] = cr.Value
				}
			}
		}
		p.Values = append(p.Values, row)
	}
	return p
}

// method returns the case's ranking method. The weighted sum runs on the
// lens values without further normalisation, so that its score is the lens's
// overall score.
func method(c *crossroads.Case) (mcda.Method, error) {
	name := c.Criteria.Method
	if name == "" {
		name = mcda.MethodWSM
	}
	m, err := mcda.NewMethod(name)
	if err != nil {
		return m, err
	}
	if m.Name == mcda.MethodWSM {
		m.Normalization = mcda.None
	}
	return m, nil
}

var scoreMeanings = map[string]string{
	mcda.MethodWSM:        "the weighted sum of the criterion values, 0–100: (1 − balance) × present + balance × future",
	mcda.MethodTOPSIS:     "closeness to the ideal opportunity, 0–100 (TOPSIS, vector normalisation)",
	mcda.MethodVIKOR:      "VIKOR's Q, 0–100, lower is better (v = 0.5)",
	mcda.MethodPROMETHEE2: "PROMETHEE II net flow, −100 to 100 (usual preference function)",
}

func (r *Report) rank(c *crossroads.Case, lr lens.Result) error {
	m, err := method(c)
	if err != nil {
		return err
	}
	p := r.problem(lr)
	res, err := m.Rank(p)
	if err != nil {
		return err
	}
	r.Ranking = Ranking{Method: m.Name, Normalization: string(res.Normalization), ScoreMeaning: scoreMeanings[m.Name]}
	for i, o := range lr.Opportunities {
		opp := &c.Opportunities[i]
		r.Opportunities = append(r.Opportunities, Opportunity{
			ID: o.ID, Name: o.Name, Status: opp.Status, Chance: opp.OfferProbability().Mean(),
			Lens:  Lens{Present: o.Present, Future: o.Future, Overall: o.Overall, Quadrant: o.Quadrant},
			Score: 100 * res.Scores[i], Rank: res.Ranks[i],
			Criteria: o.Criteria, Facts: o.Facts, Notes: opp.Notes,
		})
		if res.Ranks[i] == 1 && r.Best == "" {
			r.Best = o.ID
		}
	}
	intervals, err := mcda.WeightSensitivity(p, m)
	if err != nil {
		return err
	}
	for _, wi := range intervals {
		r.Sensitivity.Weights = append(r.Sensitivity.Weights, WeightRange{
			Criterion: wi.Criterion, Name: criterionName(c, wi.Criterion),
			Weight: wi.Weight, Low: wi.Lo, High: wi.Hi, BestBelow: wi.BelowBest, BestAbove: wi.AboveBest,
		})
	}
	return nil
}

// opportunity returns the report's opportunity with the given id.
func (r *Report) opportunity(id string) *Opportunity {
	for i := range r.Opportunities {
		if r.Opportunities[i].ID == id {
			return &r.Opportunities[i]
		}
	}
	return nil
}

// name returns an opportunity's display name, or id when unknown.
func (r *Report) name(id string) string {
	if o := r.opportunity(id); o != nil {
		return o.Name
	}
	return id
}

func (r *Report) money(x float64) string { return crossroads.FormatMoney(x, r.Currency) }

func pct(x float64) string { return fmt.Sprintf("%.0f%%", math.Round(100*x)) }

// FigureValue writes a figure's value in its unit: amounts of money with the
// currency symbol, shares and rates as percentages.
func FigureValue(f crossroads.Figure) string {
	switch {
	case strings.HasPrefix(f.Unit, "$ per"):
		return crossroads.FormatMoney(f.Value, "USD") + strings.TrimPrefix(f.Unit, "$")
	case strings.HasPrefix(f.Unit, "$"):
		return strconv.FormatFloat(math.Round(1e3*f.Value)/10, 'f', -1, 64) + "¢" + strings.TrimPrefix(f.Unit, "$")
	case strings.Contains(f.Unit, "share") || strings.Contains(f.Unit, "probability") || strings.Contains(f.Unit, "rate"):
		return strconv.FormatFloat(math.Round(1e4*f.Value)/100, 'f', -1, 64) + "% " + f.Unit
	}
	return strconv.FormatFloat(f.Value, 'f', -1, 64) + " " + f.Unit
}
