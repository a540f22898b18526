package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/drafts"
)

// draftForm offers to restore what was typed in an earlier session.
func draftForm(c Common, d drafts.Draft, n int, restore *bool) *huh.Form {
	return newForm(c, huh.NewGroup(huh.NewConfirm().Key("restore").
		Title(fmt.Sprintf(plural(c.Lang, n, txtDraftFoundOne, txtDraftFound), n, localTime(d.Saved, c.Lang))).
		Description(txtDraftHelp.In(c.Lang)).
		Affirmative(txtDraftYes.In(c.Lang)).Negative(txtDraftNo.In(c.Lang)).Value(restore)))
}

// draftScreen offers what was typed for the account in an earlier session.
type draftScreen struct {
	formScreen
	n int // the draft's values that are new
}

func (d *draftScreen) ID() screenID             { return screenDraft }
func (d *draftScreen) Title() string            { return "" }
func (d *draftScreen) ShortHelp() []key.Binding { return d.formHelp(true) }
func (d *draftScreen) back() tea.Cmd            { return d.leave() }

func (d *draftScreen) Init() tea.Cmd {
	d.form = draftForm(d.c, d.in.draft, d.n, &d.in.restore)
	return d.started()
}

func (d *draftScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := d.formUpdate(msg)
	if !done {
		return d, cmd
	}
	if d.in.restore {
		n := restoreDraft(d.plan.values, d.in.draft)
		d.plan.notice, d.plan.warn = fmt.Sprintf(plural(d.c.Lang, n, txtDraftRestoreOne, txtDraftRestored), n), false
		return d, d.nextStep()
	}
	return d, tea.Batch(deleteDraftCmd(d.c.Drafts, d.account.ID), d.nextStep())
}

// newInDraft counts the draft's values that differ from what is already
// known or typed: only those are worth offering.
func newInDraft(d drafts.Draft, values map[string]string) int {
	n := 0
	for k, v := range d.Values {
		if values[k] != v {
			n++
		}
	}
	return n
}

// restoreDraft copies the draft's values into values and counts those
// that changed: only they were offered, so "restore 3" is followed by
// "restored 3" (never "Restore 3 value(s)" then "Restored 8").
func restoreDraft(values map[string]string, d drafts.Draft) int {
	n := newInDraft(d, values)
	for k, v := range d.Values {
		values[k] = v
	}
	return n
}
