package occupation

// ONETAttribution is the credit that the O*NET CC BY 4.0 licence requires
// (https://www.onetcenter.org/license_db.html), in the wording given by the
// National Center for O*NET Development, naming Crossroads as the modifier.
const ONETAttribution = "This product includes information from the O*NET 30.3 Database by the " +
	"U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). " +
	"Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. " +
	"Crossroads has modified all or some of this information. " +
	"USDOL/ETA has not approved, endorsed, or tested these modifications."

// BLSCredit names the BLS sources of the pay and outlook figures (public
// domain; credit requested).
const BLSCredit = "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage " +
	"Statistics (May 2024) and Employment Projections program (2024–34)."

// Attribution is the text to show on the About page and in every page,
// export and report that uses this package's data: ONETAttribution and
// BLSCredit, separated by a blank line.
const Attribution = ONETAttribution + "\n\n" + BLSCredit

// WagesSource names the table behind Wages.
const WagesSource = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, " +
	"May 2024, national cross-industry estimates"

// OutlookSource names the table behind Outlook.
const OutlookSource = "U.S. Bureau of Labor Statistics, Employment Projections 2024–34, " +
	"Table 1.2 (Occupational projections and worker characteristics)"

// ONETSource names the release behind titles, descriptions, job zones,
// reported titles and related occupations.
const ONETSource = "O*NET 30.3 Database (May 2026), National Center for O*NET Development for USDOL/ETA"
