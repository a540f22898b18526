package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// review lists every answer sent in this session, one line per step (the
// values in the step's order, sensitive ones masked as the journey keeps
// them), under a heading that names the key to change one. width is the
// room it has; it returns "" when nothing was sent.
func review(c Common, a schema.Account, h []flows.Sent, width int) string {
	if len(h) == 0 {
		return ""
	}
	s := c.Styles.Status
	lines := []string{s.Heading.Render(txtReviewTitle.In(c.Lang)),
		c.Styles.App.Subtle.Render(ansi.Wrap(txtReviewHelp.In(c.Lang), width, " "))}
	for _, sent := range h {
		var vals []string
		for _, f := range sent.Step.Fields {
			v, ok := sent.Values[f.Key]
			if !ok || v == "" {
				continue
			}
			switch f.Kind {
			case schema.KindFile:
				// A document's token or path, masked, told nothing
				// ("••••ss · ••••ss"): the review names what was sent.
				v = f.Label.In(c.Lang)
			case schema.KindAcceptance, schema.KindYesNo:
				yes, no := confirmWords(c, f.Kind)
				v = map[bool]string{true: yes, false: no}[v == "true"]
			}
			vals = append(vals, untrusted.Text(v)) // typed, read from a file or from Stripe
		}
		line := s.Active.Render("✓ ") + s.Label.Render(schema.Colon(c.Lang, sent.Step.Title(a, c.Lang))+" ") + strings.Join(vals, " · ")
		// Wrapped, not cut: a review that hides the values reviews nothing.
		lines = append(lines, ansi.Wrap(line, width, " "))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}
