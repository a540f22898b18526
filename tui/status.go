package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"onboard/flows"
	"onboard/schema"
)

// statusPanelWidth is the panel's outer width beside a form.
const statusPanelWidth = 34

// renderStatus draws the status panel of an account: its state, charges
// and payouts, each capability, the current deadline with a countdown, and
// counts per due-ness. width is the outer width.
func renderStatus(c Common, a schema.Account, width int) string {
	s := c.Styles.Status
	inner := width - s.Box.GetHorizontalFrameSize()
	lang := c.Lang
	row := func(label, value string) string {
		l := s.Label.Render(label)
		gap := inner - lipgloss.Width(l) - lipgloss.Width(value)
		if gap < 1 {
			// Too long for one line (a long state): value below, right-aligned.
			return l + "\n" + lipgloss.PlaceHorizontal(inner, lipgloss.Right, value)
		}
		return l + strings.Repeat(" ", gap) + value
	}
	var b []string
	b = append(b, s.Heading.Render(txtStatus.In(lang)))
	state := flows.ListState(a)
	b = append(b, row(txtState.In(lang), stateStyle(c, state).Render(flows.StateText(a, lang))))
	b = append(b, row(txtCharges.In(lang), onOff(c, a.ChargesEnabled)))
	b = append(b, row(txtPayouts.In(lang), onOff(c, a.PayoutsEnabled)))
	if v2 := flows.DialectOf(a).Details(a); v2 != nil {
		b = append(b, v2Capabilities(c, v2, inner)...)
	} else if len(a.Capabilities) > 0 {
		b = append(b, s.Heading.Render(txtCapsHeading.In(lang)))
		caps := map[string]string{}
		for _, cp := range a.Capabilities {
			caps[cp.Name] = cp.Status
		}
		withAPI := showAPINames(c, caps, inner)
		for _, cp := range a.Capabilities {
			b = append(b, capabilityRow(c, cp.Name, cp.Status, inner, withAPI))
		}
	}
	b = append(b, s.Heading.Render(txtDeadline.In(lang)))
	b = append(b, " "+deadline(c, a.Requirements.CurrentDeadline))
	r := a.Requirements
	b = append(b, s.Heading.Render(txtFields.In(lang)))
	b = append(b, row(" "+txtPastDue.In(lang), count(s.PastDue, len(r.PastDue))))
	b = append(b, row(" "+txtCurrentlyDue.In(lang), count(s.CurrentlyDue, len(r.CurrentlyDue))))
	b = append(b, row(" "+txtEventuallyDue.In(lang), count(s.Eventually, len(r.EventuallyDue))))
	b = append(b, row(" "+txtPending.In(lang), count(s.Pending, len(r.PendingVerification))))
	return s.Box.Width(width - s.Box.GetHorizontalBorderSize()).Render(strings.Join(b, "\n"))
}

func count(st lipgloss.Style, n int) string {
	if n == 0 {
		return "0"
	}
	return st.Render(fmt.Sprint(n))
}

func onOff(c Common, on bool) string {
	if on {
		return c.Styles.Status.Active.Render("✓ " + txtEnabled.In(c.Lang))
	}
	return c.Styles.Status.Inactive.Render("✗ " + txtDisabled.In(c.Lang))
}

func capStyle(c Common, status string) lipgloss.Style {
	switch status {
	case "active":
		return c.Styles.Status.Active
	case "pending":
		return c.Styles.Status.Pending
	case "inactive":
		return c.Styles.Status.Inactive
	}
	return c.Styles.Status.Muted
}

func stateStyle(c Common, state string) lipgloss.Style {
	switch state {
	case flows.StateComplete, flows.StateEnabled:
		return c.Styles.Status.Active
	case flows.StatePendingEnablement, flows.StatePendingDisabled, flows.StateNew:
		return c.Styles.Status.Pending
	}
	return c.Styles.Status.Inactive
}

// deadline shows a deadline as a date and a countdown, red once passed.
func deadline(c Common, d time.Time) string {
	if d.IsZero() {
		return c.Styles.Status.Muted.Render(txtNoDeadline.In(c.Lang))
	}
	left := d.Sub(c.ServerNow())
	date := day(d, c.Lang)
	if left < 0 {
		return c.Styles.Status.DeadlinePast.Render(date + " " + fmt.Sprintf(txtOverdue.In(c.Lang), span(-left, c.Lang)))
	}
	return c.Styles.Status.DeadlineOK.Render(date + " " + fmt.Sprintf(txtIn.In(c.Lang), span(left, c.Lang)))
}

// capabilityRow is one capability in a panel of inner width: its name in
// words, its API name dimmed when withAPI (see showAPINames), and its
// status on the right. When the name and the status do not fit side by
// side, the status goes on the next line, right-aligned, so two rows
// never run into each other.
func capabilityRow(c Common, name, status string, inner int, withAPI bool) string {
	s := c.Styles.Status
	st := capStyle(c, status).Render(schema.CapabilityStatus(status, c.Lang))
	words := schema.CapabilityLabel(name).In(c.Lang)
	label := s.Label.Render(" " + words)
	if withAPI && !strings.EqualFold(words, name) { // not "Transfers transfers"
		label += " " + s.API.Render(name)
	}
	gap := inner - lipgloss.Width(label) - lipgloss.Width(st)
	if gap < 1 {
		return fit(label, inner) + "\n" + lipgloss.PlaceHorizontal(inner, lipgloss.Right, st)
	}
	return label + strings.Repeat(" ", gap) + st
}

// showAPINames reports whether every capability row of a panel has room
// for its API name beside its words: all rows show it or none does, so
// the column reads evenly.
func showAPINames(c Common, caps map[string]string, inner int) bool {
	for name, status := range caps {
		w := 1 + lipgloss.Width(schema.CapabilityLabel(name).In(c.Lang)) + 1 + lipgloss.Width(name) +
			1 + lipgloss.Width(schema.CapabilityStatus(status, c.Lang))
		if w > inner {
			return false
		}
	}
	return true
}
