// Command minimalhuh is the yardstick of onboard's start-up: the smallest
// program that draws a huh form like onboard's first step (a select and
// an input in one group). The first-frame benchmark (e2e's
// BenchmarkFirstFrame, `make bench-start`) times both from launch to
// their first drawn frame.
package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/huh"
)

func main() {
	var mcc, url string
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title("Merchant category (MCC)").Description("What the business sells.").
			Options(huh.NewOptions("5734 Computer software stores", "5817 Digital goods: applications",
				"5818 Digital goods: large merchants", "7372 Computer programming, data processing")...).
			Value(&mcc),
		huh.NewInput().Title("Business website").Description("A public site that describes what the business sells.").
			Placeholder("e.g. https://example.com").Value(&url),
	))
	if err := form.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
