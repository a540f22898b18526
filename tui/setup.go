package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

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
var countries = []struct {
	code string
	name schema.Text
}{
	{"US", t("United States")}, {"CA", t("Canada")}, {"GB", t("United Kingdom")},
	{"FR", t("France")}, {"DE", t("Germany")}, {"IE", t("Ireland")},
	{"AU", t("Australia")},
}

func setupForm(c Common, v *setupValues) *huh.Form {
	var cs []huh.Option[string]
	for _, k := range countries {
		cs = append(cs, huh.NewOption(k.code+"  "+k.name.In(c.Lang), k.code))
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
					n := v.account()
					n.Email = strings.TrimSpace(s)
					return setupProblem(c, n, flows.SetupEmail)
				}),
		),
		huh.NewGroup(
			huh.NewMultiSelect[string]().Key("capabilities").Title(txtCapabilities.In(c.Lang)).
				Description(txtCapsHelp.In(c.Lang)).
				Options(capabilityOption(c, "card_payments"), capabilityOption(c, "transfers")).
				Value(&v.Capabilities).
				Validate(func(s []string) error {
					n := v.account()
					n.Capabilities = s
					return setupProblem(c, n, flows.SetupCapabilities)
				}),
			huh.NewSelect[string]().Key("agreement").Title(txtAgreement.In(c.Lang)).
				Options(
					huh.NewOption(txtAgreementFull.In(c.Lang), "full"),
					huh.NewOption(txtAgreementRcp.In(c.Lang), "recipient"),
				).Value(&v.Agreement).
				Validate(func(a string) error {
					n := v.account()
					n.Agreement = a
					return setupProblem(c, n, flows.SetupAgreement)
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

// setupProblem is the first problem flows.CheckSetup finds with field
// of n, as the form says it beside the field; nil when there is none.
func setupProblem(c Common, n flows.NewAccount, field flows.SetupField) error {
	for _, p := range flows.CheckSetup(n, c.Lang) {
		if p.Field == field {
			return errors.New(p.InForm(c.Lang))
		}
	}
	return nil
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
