package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
)

// txtSentAs is shown while the operator types a national form that is
// sent differently (020 7123 4567 → +442071234567, 01/01/1901 →
// 1901-01-01, California → CA), so the form shows what will be sent.
var txtSentAs = t("Will be sent as %s")

// sentAs is the hint for the focused field of the wizard, or "" when its
// value is sent as typed (or is secret).
func (m *wizardScreen) sentAs() string {
	if m.form == nil {
		return ""
	}
	in, ok := m.form.GetFocusedField().(*huh.Input)
	if !ok {
		return ""
	}
	key := in.GetKey()
	for _, f := range m.plan.step.Fields {
		if f.Key != key || f.Sensitive {
			continue
		}
		v := strings.TrimSpace(m.plan.values[key])
		n := f.Normalize(v, m.c.Client.Context(m.account))
		if v == "" || n == v {
			return ""
		}
		return fmt.Sprintf(txtSentAs.In(m.c.Lang), n)
	}
	return ""
}
