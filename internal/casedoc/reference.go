package casedoc

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"github.com/crossroads/crossroads"
)

// Reference returns docs/case-file.md: the introduction followed by every
// field of the case, grouped by the mapping it belongs to, each with its
// type, rule, unit, default and the default's source.
func Reference(c Comments) []byte {
	var b bytes.Buffer
	b.WriteString(intro)
	b.WriteString("| Id | Group | Criterion | Default weight | Question |\n|---|---|---|---|---|\n")
	for _, bc := range crossroads.BuiltinCriteria {
		w := fmt.Sprintf("%g", bc.Weight)
		if bc.ID == crossroads.CritFlexibility {
			w = "the person's `needs_flexibility` (default 5)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", bc.ID, bc.Group, bc.Name, w, bc.Question)
	}
	var order []string
	groups := map[string][]field{}
	for _, f := range fields(reflect.TypeFor[crossroads.Case](), "", c, map[reflect.Type]bool{}) {
		p := parentOf(f.Path)
		if _, ok := groups[p]; !ok {
			order = append(order, p)
		}
		groups[p] = append(groups[p], f)
	}
	for _, p := range order {
		if p == "" {
			b.WriteString("\n## Top level\n\n")
			b.WriteString(c["Case"] + "\n\n")
		} else {
			fmt.Fprintf(&b, "\n## `%s`\n\n", p)
			if doc := c[elem(typeAt(p)).Name()]; doc != "" {
				b.WriteString(doc + "\n\n")
			}
		}
		b.WriteString("| Field | Type and rule | Unit | Default | Description |\n|---|---|---|---|---|\n")
		for _, f := range groups[p] {
			kind := typeName(f.Type, f.Checks)
			if r := rule(f); r != "" {
				kind += "; " + r
			}
			def := f.Default
			if def == "" {
				def = "—"
			}
			if f.Source != "" {
				def += " (source: " + f.Source + ")"
			}
			unit := f.Unit
			if unit == "" {
				unit = "—"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", f.Name, cell(kind), cell(unit), cell(def), cell(stripMeta(f.Doc)))
		}
	}
	b.WriteString(outro)
	return b.Bytes()
}

func parentOf(path string) string {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// typeAt returns the Go type of the field at a path such as
// "opportunities[].pay".
func typeAt(path string) reflect.Type {
	t := reflect.TypeFor[crossroads.Case]()
	for _, part := range strings.Split(path, ".") {
		part = strings.TrimSuffix(part, "[]")
		t = elem(t)
		for i := range t.NumField() {
			if crossroads.FieldName(t.Field(i)) == part {
				t = t.Field(i).Type
				break
			}
		}
	}
	return t
}

// stripMeta removes the Unit, Default and Source sentences, which have
// their own columns.
func stripMeta(doc string) string {
	for _, re := range []string{"Unit: ", "Default: "} {
		if i := strings.Index(doc, re); i >= 0 {
			doc = strings.TrimSpace(doc[:i])
		}
	}
	return doc
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

const intro = `# The case file

A case is one decision: one person, two or more opportunities, the criteria
and weights, and the settings of the analysis. It is written in YAML or in
JSON; both have the same fields, and [case.schema.json](case.schema.json) is
its JSON Schema. Start from the example:

` + "```sh" + `
go run ./cmd/crossroads example > case.yaml   # the motivating case, commented
go run ./cmd/crossroads validate case.yaml    # list every problem, with line and column
go run ./cmd/crossroads analyze case.yaml     # the report
` + "```" + `

This reference is generated from the Go types of the case (` + "`case.go`" + `) by
` + "`go generate ./...`" + `; a test fails when it is out of date.

## Conventions

- **Money** is in the case's one currency (` + "`currency`" + `, default USD), per
  month unless the field says otherwise, never negative and at most
  1,000,000,000,000 (10¹²).
- **Pay** may be given per year, per month or per hour. It is converted one way
  everywhere: a year has 52 weeks; hourly pay × hours per week (default 40) × 52
  is the yearly pay — 2,080 hours at 40 hours a week, as BLS OEWS annualises
  hourly wages; a month is a twelfth of a year.
- **Probabilities** are numbers from 0 to 1. **Ratings** are judgements from 0
  (worst or none) to 10 (best).
- **Ranges.** A field whose type says "number or range" may be a plain number
  or a range ` + "`{min: 0.3, likely: 0.5, max: 0.7}`" + ` (likely defaults to the
  midpoint). The lens uses the range's PERT mean (min + 4·likely + max)/6; the
  simulation samples it from a PERT distribution.
- **Dates** are written YYYY-MM-DD. ` + "`as_of`" + ` is the day of the decision, month 0
  of every analysis: the analyses never read the clock.
- **Status** of an opportunity: ` + "`lead`, `applied`, `interview_scheduled`, `offer`" + `
  (a written offer in hand), ` + "`accepted`, `current_job`" + ` (staying is an option) or
  ` + "`keep_searching`" + ` (no offer yet: a search of uncertain length).
- **Unknown fields are errors**, so that a typo is never silently ignored. Every
  problem is reported at once, each with the field path, the value, the rule
  and the line and column: ` + "`case.yaml:14:12: person.savings: -3: must not be negative (an amount of money)`" + `.
- Rules that tie fields together: opportunity ids are unique; an offer's
  ` + "`respond_by`" + ` comes before its ` + "`start`" + `; the interview and the
  answer come before the start and not before ` + "`as_of`" + `; a contract or
  temp_to_hire job has a length in months, and only such jobs have extension and
  conversion terms; weights and ratings name known criteria; every group with a
  share of the balance has a criterion with a positive weight; pairwise
  comparisons are complete (every pair of the group's criteria once), within
  Saaty's 1/9 to 9.

## Criteria

Every opportunity is scored on the built-in criteria below (their value
functions are documented in ` + "`analysis/lens`" + `) and on any custom criteria.
` + "`criteria.weights`" + ` sets their weights by id; an opportunity's ` + "`ratings`" + ` may
override a derived value with a 0–10 rating.

`

const outro = `
## Defaults with published sources

The defaults above that cite a source are U.S. figures: IRS Notice 2026-10
(mileage), KFF Employer Health Benefits Survey 2025 (health premiums), SSA and
IRS Publication 15 (payroll tax, 2026), IRS Rev. Proc. 2025-32 (2026 brackets
and standard deduction), BLS OEWS (2,080 hours a year), BLS JOLTS (layoffs) and
BLS CPS (length of unemployment). Each report lists the defaults it used.
`
