package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"onboard/internal/untrusted"
	"onboard/schema"
)

// Accounts v2 views: v2 accounts group their capabilities by configuration
// (merchant, recipient, customer) and describe each requirement as an
// entry that says who must act and which capabilities it holds up. The v1
// panel's flat capability list would hide both, so these replace it.

// configTitles name the v2 configurations; an unknown one shows its API
// name.
var configTitles = map[string]schema.Text{
	"merchant":  txtConfigMerchant,
	"recipient": txtConfigRecipient,
	"customer":  txtConfigCustomer,
}

func configTitle(c Common, name string) string {
	if t, ok := configTitles[name]; ok {
		return t.In(c.Lang)
	}
	return name
}

// v2Capabilities draws the capabilities of each configuration for the
// status panel: the status beside the name, the first status detail code
// under it (why it is not active). inner is the panel's inner width.
func v2Capabilities(c Common, v *schema.V2Details, inner int) []string {
	s := c.Styles.Status
	var b []string
	caps := map[string]string{}
	for _, cfg := range v.Configurations {
		for _, cp := range cfg.Capabilities {
			caps[cp.Name] = cp.Status
		}
	}
	withAPI := showAPINames(c, caps, inner)
	for _, cfg := range v.Configurations {
		b = append(b, s.Heading.Render(configTitle(c, cfg.Name)))
		if len(cfg.Capabilities) == 0 {
			b = append(b, s.Muted.Render(" "+txtNoCapabilities.In(c.Lang)))
		}
		for _, cp := range cfg.Capabilities {
			b = append(b, capabilityRow(c, cp.Name, cp.Status, inner, withAPI))
			if len(cp.Details) > 0 && cp.Details[0].Code != "" {
				b = append(b, s.Muted.Render(fit("   "+statusDetail(cp.Details[0].Code, c.Lang), inner)))
			}
		}
	}
	return b
}

// v2Entries lists the account's requirement entries for the summary: what
// is asked, who must act (the user or Stripe), and each capability it
// restricts in which configuration, at which deadline status. width is the
// text width.
func v2Entries(c Common, v *schema.V2Details, width int) string {
	s := c.Styles.Status
	lines := []string{c.Styles.Status.Heading.Render(txtEntries.In(c.Lang))}
	if len(v.Entries) == 0 {
		return strings.Join(append(lines, s.Muted.Render(txtNoEntries.In(c.Lang))), "\n")
	}
	for _, e := range v.Entries {
		who := s.Pending.Render(txtActUser.In(c.Lang))
		if e.AwaitingActionFrom == "stripe" {
			who = s.Muted.Render(txtActStripe.In(c.Lang))
		}
		// Name the entry by the field that answers it; Stripe's description
		// stays for a description the catalog does not know.
		name := e.Description
		if f := schema.Lookup(schema.V1Path(e.Description), ""); !f.Generic {
			name = f.Label.In(c.Lang)
		}
		head := "• " + name
		if e.MinimumDeadline != "" {
			head += " · " + deadlineWord(c, e.MinimumDeadline)
		}
		lines = append(lines, hang(s.Value, "", head, width), "  "+who)
		for _, r := range e.Impact {
			txt := fmt.Sprintf(txtRestricts.In(c.Lang), schema.CapabilityLabel(r.Capability).In(c.Lang), configTitle(c, r.Configuration), deadlineWord(c, r.DeadlineStatus))
			lines = append(lines, hang(s.Inactive, "  ", txt, width))
		}
		for _, er := range e.Errors {
			lines = append(lines, hang(c.Styles.Notice.Error, "  ", "✗ "+untrusted.Text(schema.ExplainRequirementError(er, c.Lang)), width))
		}
	}
	return strings.Join(lines, "\n")
}

// hang wraps text to width after indent, and indents the lines it wraps
// onto by two more columns, so each entry reads as one block.
func hang(st lipgloss.Style, indent, text string, width int) string {
	w := max(width-lipgloss.Width(indent)-2, 10)
	wrapped := strings.Split(lipgloss.NewStyle().Width(w).Render(text), "\n")
	for i, l := range wrapped {
		l = strings.TrimRight(l, " ")
		if i == 0 {
			wrapped[i] = indent + st.Render(l)
		} else {
			wrapped[i] = indent + "  " + st.Render(l)
		}
	}
	return strings.Join(wrapped, "\n")
}

// deadlineWord names a v2 deadline status in the operator's language.
func deadlineWord(c Common, status string) string {
	switch status {
	case "past_due":
		return txtPastDue.In(c.Lang)
	case "currently_due":
		return txtFieldDueNow.In(c.Lang)
	case "eventually_due":
		return txtFieldDueLater.In(c.Lang)
	}
	return status
}

// statusDetails explain the codes of a v2 capability's status_details.
var statusDetails = map[string]schema.Text{
	"requirements_past_due":             t("fields past due"),
	"requirements_pending_verification": t("Stripe is verifying"),
	"requirements_currently_due":        t("fields due now"),
	"restricted_other":                  t("restricted by Stripe"),
	"unsupported_business":              t("not offered to this business"),
	"unsupported_country":               t("not offered in this country"),
}

// statusDetail explains a status detail code in lang; an unknown code is
// shown as Stripe sent it.
func statusDetail(code string, lang Lang) string {
	if d, ok := statusDetails[code]; ok {
		return d.In(lang)
	}
	return code
}
