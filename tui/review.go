package tui

import (
	"maps"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// review lists every group sent in this session, once, with the values
// as they now stand (a value sent again replaces the one before), each
// with its label, sensitive ones masked as the journey keeps them, under
// a heading that names the key to change one. width is the room it has;
// it returns "" when nothing was sent.
func review(c Common, a schema.Account, h []flows.Sent, width int) string {
	if len(h) == 0 {
		return ""
	}
	s := c.Styles.Status
	lines := []string{s.Heading.Render(txtReviewTitle.In(c.Lang)),
		c.Styles.App.Subtle.Render(ansi.Wrap(txtReviewHelp.In(c.Lang), width, " "))}
	for _, sent := range mergeSent(h) {
		var vals []string
		for _, f := range sent.Step.Fields {
			v, ok := sent.Values[f.Key]
			if !ok || v == "" {
				continue
			}
			switch f.Kind {
			case schema.KindFile:
				// A document's token or path, masked, told nothing
				// ("••••ss · ••••ss"): the review says it was given.
				v = txtGiven.In(c.Lang)
			case schema.KindAcceptance, schema.KindYesNo:
				yes, no := confirmWords(c, f.Kind)
				v = map[bool]string{true: yes, false: no}[v == "true"]
			}
			// typed, read from a file or from Stripe
			vals = append(vals, schema.LabelValue(c.Lang, f.Label.In(c.Lang), untrusted.Text(v)))
		}
		line := s.Active.Render("✓ ") + s.Label.Render(sent.Step.Title(a, c.Lang)) + " · " + strings.Join(vals, " · ")
		// Wrapped, not cut: a review that hides the values reviews nothing.
		lines = append(lines, wrapText(c, line, width))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// mergeSent is the history with one entry per step (a person, or a
// group), where it was first sent: its fields are every field sent for
// it, its values the latest sent for each.
func mergeSent(h []flows.Sent) []flows.Sent {
	var out []flows.Sent
	at := map[string]int{}
	for _, s := range h {
		i, ok := at[stepKey(s.Step)]
		if !ok {
			at[stepKey(s.Step)] = len(out)
			s.Values = maps.Clone(s.Values)
			s.Step.Fields = slices.Clone(s.Step.Fields)
			out = append(out, s)
			continue
		}
		m := &out[i]
		for _, f := range s.Step.Fields {
			if !slices.ContainsFunc(m.Step.Fields, func(g schema.Field) bool { return g.Key == f.Key }) {
				m.Step.Fields = append(m.Step.Fields, f)
			}
		}
		maps.Copy(m.Values, s.Values)
	}
	return out
}
