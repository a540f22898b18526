package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// Home menu choices.
const (
	choiceNew  = "new"
	choiceOpen = "open"
	choiceList = "accounts"
	choiceExpl = "explore"
	choiceQuit = "quit"
)

func homeForm(c Common, choice *string) *huh.Form {
	explore := txtExplore.In(c.Lang)
	if isLive(c) {
		explore = exploreDisabled(c)
	}
	return newMenu(c, huh.NewGroup(
		huh.NewSelect[string]().Key("home").Title(txtWhatToDo.In(c.Lang)).
			Options(
				huh.NewOption(txtNewAccount.In(c.Lang), choiceNew),
				huh.NewOption(txtOpenAccount.In(c.Lang), choiceOpen),
				huh.NewOption(txtTriage.In(c.Lang), choiceList),
				huh.NewOption(explore, choiceExpl),
				huh.NewOption(schema.Capitalize(txtQuit.In(c.Lang)), choiceQuit),
			).Value(choice),
	))
}

// homeScreen is the menu the program opens on.
type homeScreen struct{ formScreen }

func (h *homeScreen) ID() screenID  { return screenHome }
func (h *homeScreen) Title() string { return txtScreenHome.In(h.c.Lang) }

// ShortHelp shows q and esc as Home's way out (ctrl+c quits too).
func (h *homeScreen) ShortHelp() []key.Binding {
	var binds []key.Binding
	if h.form != nil {
		binds = formBinds(h.form)
	}
	return append(binds, key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/"+keyName("esc", h.c.Lang), txtQuit.In(h.c.Lang))))
}

// back is esc on Home: nowhere further back, so it quits, as q does;
// nothing typed lives on Home to be lost. While the menu is filtered, esc
// clears the filter.
func (h *homeScreen) back() tea.Cmd {
	if h.filtering() {
		cmd, _ := h.formUpdate(tea.KeyMsg{Type: tea.KeyEsc})
		return cmd
	}
	return tea.Quit
}

// filtering reports that the menu's filter takes the keys typed.
func (h *homeScreen) filtering() bool {
	if h.form == nil {
		return false
	}
	f, ok := h.form.GetFocusedField().(interface{ GetFiltering() bool })
	return ok && f.GetFiltering()
}

func (h *homeScreen) Init() tea.Cmd {
	h.in.choice = choiceNew
	h.form = homeForm(h.c, &h.in.choice)
	return h.started()
}

func (h *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, h.c.Keys.Advance) && !h.filtering() {
		return h, tea.Quit
	}
	cmd, done := h.formUpdate(msg)
	if !done {
		return h, cmd
	}
	switch h.in.choice {
	case choiceNew:
		return h, h.push(&setupScreen{formScreen{session: h.session}})
	case choiceOpen:
		return h, h.push(&openScreen{formScreen{session: h.session}})
	case choiceExpl:
		if isLive(h.c) {
			h.err = &flows.LiveError{Explore: true, Lang: h.c.Lang}
			return h, h.push(&errorScreen{h.session})
		}
		return h, h.push(&explorerScreen{session: h.session})
	case choiceList:
		return h, h.toTriage()
	}
	return h, tea.Quit
}
