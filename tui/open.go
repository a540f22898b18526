package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// openForm asks for an account id; ctrl+e completes it from the accounts
// opened recently and those listed (suggest).
func openForm(c Common, id *string, suggest []string) *huh.Form {
	help := txtAccountIDHelp.In(c.Lang)
	if len(suggest) > 0 {
		help += " " + txtAccountIDComplete.In(c.Lang)
	}
	return newForm(c, huh.NewGroup(
		huh.NewInput().Key("account").Title(txtAccountID.In(c.Lang)).Description(onePiece(help)).
			Placeholder("acct_…").Value(id).Suggestions(suggest).
			Validate(func(s string) error {
				if !strings.HasPrefix(strings.TrimSpace(s), "acct_") {
					return errors.New(txtBadAccountID.In(c.Lang))
				}
				return nil
			}),
	))
}

// openScreen asks for an account id to open.
type openScreen struct{ formScreen }

func (o *openScreen) ID() screenID             { return screenOpen }
func (o *openScreen) Title() string            { return txtScreenOpen.In(o.c.Lang) }
func (o *openScreen) ShortHelp() []key.Binding { return o.formHelp(true) }
func (o *openScreen) back() tea.Cmd            { return o.leave() }

func (o *openScreen) Init() tea.Cmd {
	o.form = openForm(o.c, &o.in.openID, o.in.suggest)
	return o.started()
}

func (o *openScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := o.formUpdate(msg)
	switch {
	case !done:
		return o, cmd
	case o.in.openID == "":
		return o, o.reset(nil)
	}
	return o, o.startLoad(o.in.openID)
}
