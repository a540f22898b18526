package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/drafts"
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
				huh.NewOption(strings.ToUpper(txtQuit.In(c.Lang)[:1])+txtQuit.In(c.Lang)[1:], choiceQuit),
			).Value(choice),
	))
}

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

// setupValues are the choices of the new-account form; they outlive the
// form so esc and back keep them.
type setupValues struct {
	Country      string
	BusinessType string
	Capabilities []string
	Agreement    string
	Strategy     string
	API          string
	Email        string
}

// Strategy choices of the setup form.
const (
	strategyProgressive = "progressive"
	strategyUpfront     = "upfront"
	strategyFuture      = "future"
)

func (v setupValues) account() flows.NewAccount {
	return flows.NewAccount{Country: v.Country, BusinessType: v.BusinessType, Capabilities: v.Capabilities,
		Agreement: v.Agreement, API: v.API, Email: strings.TrimSpace(v.Email)}
}

func (v setupValues) strategy() flows.Strategy {
	return flows.Strategy{Upfront: v.Strategy != strategyProgressive, Future: v.Strategy == strategyFuture}
}

// countries are the countries this tool has field catalogs and sandbox
// rules for.
var countries = []struct{ code, en, fr string }{
	{"US", "United States", "États-Unis"}, {"CA", "Canada", "Canada"}, {"GB", "United Kingdom", "Royaume-Uni"},
	{"FR", "France", "France"}, {"DE", "Germany", "Allemagne"}, {"IE", "Ireland", "Irlande"},
	{"AU", "Australia", "Australie"},
}

func setupForm(c Common, v *setupValues) *huh.Form {
	var cs []huh.Option[string]
	for _, k := range countries {
		cs = append(cs, huh.NewOption(k.code+"  "+schema.T(k.en, k.fr).In(c.Lang), k.code))
	}
	var bts []huh.Option[string]
	for _, o := range schema.BusinessTypes() {
		bts = append(bts, huh.NewOption(o.Label.In(c.Lang), o.Value))
	}
	return newForm(c,
		huh.NewGroup(
			huh.NewSelect[string]().Key("country").Title(txtCountry.In(c.Lang)).
				Description(txtCountryHelp.In(c.Lang)).Options(cs...).Height(5).Value(&v.Country),
			huh.NewSelect[string]().Key("business_type").Title(txtBusinessType.In(c.Lang)).
				Options(bts...).Value(&v.BusinessType),
			huh.NewSelect[string]().Key("accounts_api").Title(txtAccountsAPI.In(c.Lang)).
				Options(huh.NewOption(txtAPIV1.In(c.Lang), "v1"), huh.NewOption(txtAPIV2.In(c.Lang), "v2")).
				Value(&v.API),
			huh.NewInput().Key("email").Title(txtContactEmail.In(c.Lang)).Description(txtContactHelp.In(c.Lang)).
				Placeholder(placeholder(c, "jenny@example.com")).Value(&v.Email).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" && v.API != "v2" {
						return nil
					}
					return schema.Lookup("individual.email", v.Country).Validate(s, schema.Context{Lang: c.Lang, Country: v.Country})
				}),
		),
		huh.NewGroup(
			huh.NewMultiSelect[string]().Key("capabilities").Title(txtCapabilities.In(c.Lang)).
				Description(txtCapsHelp.In(c.Lang)).
				Options(capabilityOption(c, "card_payments"), capabilityOption(c, "transfers")).
				Value(&v.Capabilities).
				Validate(func(s []string) error {
					if len(s) == 0 {
						return errors.New(txtCapsNone.In(c.Lang))
					}
					return nil
				}),
			huh.NewSelect[string]().Key("agreement").Title(txtAgreement.In(c.Lang)).
				Options(
					huh.NewOption(txtAgreementFull.In(c.Lang), "full"),
					huh.NewOption(txtAgreementRcp.In(c.Lang), "recipient"),
				).Value(&v.Agreement).
				Validate(func(a string) error {
					if a == "recipient" && slices.Contains(v.Capabilities, "card_payments") {
						return errors.New(txtRecipientCard.In(c.Lang))
					}
					return nil
				}),
			huh.NewSelect[string]().Key("strategy").Title(txtStrategy.In(c.Lang)).
				Options(
					huh.NewOption(txtProgressive.In(c.Lang), strategyProgressive),
					huh.NewOption(txtUpfront.In(c.Lang), strategyUpfront),
					huh.NewOption(txtUpfrontFuture.In(c.Lang), strategyFuture),
				).Value(&v.Strategy),
		),
	)
}

// draftForm offers to restore what was typed in an earlier session.
func draftForm(c Common, d drafts.Draft, n int, restore *bool) *huh.Form {
	return newForm(c, huh.NewGroup(huh.NewConfirm().Key("restore").
		Title(fmt.Sprintf(plural(c.Lang, n, txtDraftFoundOne, txtDraftFound), n, localTime(d.Saved, c.Lang))).
		Description(txtDraftHelp.In(c.Lang)).
		Affirmative(txtDraftYes.In(c.Lang)).Negative(txtDraftNo.In(c.Lang)).Value(restore)))
}

// formScreen is what the screens drawn as one huh form share: the form is
// the session's (m.form), built by the screen's Init.
type formScreen struct{ *session }

func (f formScreen) View() string {
	if f.form == nil {
		return ""
	}
	return f.form.View()
}

func (f formScreen) SetSize(int, int) tea.Cmd { return f.resizeForm() }
func (f formScreen) typing() bool             { return f.formTyping() }

// started is the command of a form just built: its own, and its size.
func (f formScreen) started() tea.Cmd { return tea.Batch(f.form.Init(), f.resizeForm()) }

// formHelp is the form's bindings, esc (back) where there is a screen to
// go back to, and ctrl+c.
func (m *session) formHelp(back bool) []key.Binding {
	var binds []key.Binding
	if m.form != nil {
		binds = append(binds, m.withoutIdleCompletion(m.form.KeyBinds())...)
	}
	if back {
		binds = append(binds, m.c.Keys.Back)
	}
	return append(binds, m.c.Keys.Quit)
}

// homeScreen is the menu the program opens on.
type homeScreen struct{ formScreen }

func (h *homeScreen) ID() screenID             { return screenHome }
func (h *homeScreen) Title() string            { return txtScreenHome.In(h.c.Lang) }
func (h *homeScreen) ShortHelp() []key.Binding { return h.formHelp(false) }
func (h *homeScreen) back() tea.Cmd            { return nil } // nowhere further back

func (h *homeScreen) Init() tea.Cmd {
	h.in.choice = choiceNew
	h.form = homeForm(h.c, &h.in.choice)
	return h.started()
}

func (h *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := h.formUpdate(msg)
	if !done {
		return h, cmd
	}
	switch h.in.choice {
	case choiceNew:
		return h, h.push(&setupScreen{h.formScreen})
	case choiceOpen:
		return h, h.push(&openScreen{h.formScreen})
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

// setupScreen is the new account's form.
type setupScreen struct{ formScreen }

func (s *setupScreen) ID() screenID             { return screenSetup }
func (s *setupScreen) Title() string            { return txtScreenSetup.In(s.c.Lang) }
func (s *setupScreen) ShortHelp() []key.Binding { return s.formHelp(true) }
func (s *setupScreen) back() tea.Cmd            { return s.leave() }

func (s *setupScreen) Init() tea.Cmd {
	s.form = setupForm(s.c, &s.in.setup)
	return s.started()
}

func (s *setupScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := s.formUpdate(msg)
	if !done {
		return s, cmd
	}
	s.plan = newWizardState(s.in.setup.strategy())
	return s, s.startCreate()
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
