package tui

import "onboard/schema"

// Strings of the wizard's own components (the step window, the way back,
// the review, leaving), in English and French.
var (
	txtMoreAbove   = schema.T("↑ more above", "↑ suite plus haut")
	txtMoreBelow   = schema.T("↓ more below", "↓ suite plus bas")
	txtResumeLater = schema.T("Continue later with: onboard resume %s", "Reprendre plus tard avec : onboard resume %s")
	txtFewerHelp   = schema.T("fewer keys", "moins de touches")
)
