package tui

import (
	"slices"
	"strings"

	"onboard/schema"
)

// goldenLangs is every offered language and the hidden pseudo-language
// (docs/TRANSLATING.md): the screens' goldens are drawn in each, so that
// TestPseudoScreens finds a text cut or one that bypassed the catalog.
var goldenLangs = append(slices.Clone(schema.Langs), schema.Pseudo)

// goldenWidths are the terminal widths every screen's goldens are drawn at:
// the usual 80 columns and 60, where long translations first run out of room.
var goldenWidths = []int{80, 60}

// goldenName names a golden: "home_de" at 80 columns, "home_60_de" at
// another width (the language stays last, so the tests that read every
// golden of a language find both).
// A test whose goldens are named by the language alone ("de") names them
// "60_de" at 60 columns.
func goldenName(screen string, width int, lang Lang) string {
	parts := []string{}
	if screen != "" {
		parts = append(parts, screen)
	}
	if width != 80 {
		parts = append(parts, itoa(width))
	}
	return strings.Join(append(parts, string(lang)), "_")
}
