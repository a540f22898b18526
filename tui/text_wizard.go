package tui

import "onboard/schema"

// Strings of the wizard's own components (the step window, the way back,
// the review, leaving), in English and French.
var (
	txtMoreAbove = schema.T("↑ more above", "↑ suite plus haut")
	txtMoreBelow = schema.T("↓ more below", "↓ suite plus bas")
	txtFewerHelp = schema.T("fewer keys", "moins de touches")
)
