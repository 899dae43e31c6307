// Package occupation is the embedded occupation dataset of Crossroads: for
// each of the 1,016 occupations of the O*NET 30.3 Database (May 2026), its
// title, description, job zone, reported job titles and related
// occupations, joined to the U.S. national pay of the BLS Occupational
// Employment and Wage Statistics (May 2024) and to the BLS Employment
// Projections 2024–34 (Table 1.2).
//
// Lookup finds an occupation by its O*NET-SOC code, Search proposes codes
// for a job title as a person would type it, Related and NextSteps list the
// career pathways that start from an occupation, and OutlookValue turns a
// projected employment change into the 0..1 value of the "occupation
// outlook" criterion.
//
// The BLS figures are kept exactly as published: wages in cents, projections
// to one decimal. A wage that BLS top-coded ("#", at or above $115.00 an
// hour or $239,200 a year) or did not publish ("*") stays so; no number is
// made up for it.
//
// The data is O*NET content used under CC BY 4.0 and public-domain BLS
// data: every page and report that shows it must show Attribution.
//
// The dataset (occupations.json.gz) is generated from the source files in
// data/ by "go generate ./occupation"; a test fails when it is stale. See
// docs/occupations.md.
package occupation
