package occupation_test

import (
	"fmt"

	"github.com/crossroads/crossroads/occupation"
)

func ExampleSearch() {
	for _, m := range occupation.Search("data entry clerk", 1) {
		fmt.Println(m.Code, m.Title, "-", m.MatchedTitle)
	}
	// Output:
	// 43-9021.00 Data Entry Keyers - Data Entry Clerk
}

func ExampleLookup() {
	o, _ := occupation.Lookup("43-4051")
	fmt.Println(o.Title, "|", o.JobZoneName)
	fmt.Println("median:", o.Wages.Annual.Median, "a year,", o.Wages.Hourly.Median, "an hour")
	fmt.Printf("2024–34: %+.1f%%, %.1f thousand openings a year\n", o.Outlook.ChangePercent, o.Outlook.AnnualOpenings)
	// Output:
	// Customer Service Representatives | Job Zone 1-2: Very Little to Some Preparation Needed
	// median: $42,830 a year, $20.59 an hour
	// 2024–34: -5.5%, 341.7 thousand openings a year
}

// The medians are OEWS May 2024 national A_MEDIAN of 43-4071, 43-9022 and
// 43-9071.
func ExampleNextSteps() {
	steps, _ := occupation.NextSteps([]string{"43-9021.00"}, 3)
	for _, s := range steps {
		fmt.Println(s.Code, s.Title, s.Tier, s.Wages.Annual.Median)
	}
	// Output:
	// 43-4071.00 File Clerks Primary-Short $41,270
	// 43-9022.00 Word Processors and Typists Primary-Short $47,850
	// 43-9071.00 Office Machine Operators, Except Computer Primary-Short $39,020
}

func ExampleOutlookValue() {
	fmt.Printf("%.3f %.3f %.3f\n", occupation.OutlookValue(-5.5), occupation.OutlookValue(3.1), occupation.OutlookValue(6.2))
	// Output:
	// 0.070 0.500 0.655
}
