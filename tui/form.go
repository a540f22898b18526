package tui

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// valueAccessor binds a huh field to one key of the wizard's value map, so
// values survive rebuilding the form (huh forms cannot be reset).
type valueAccessor struct {
	m   map[string]string
	key string
}

func (a valueAccessor) Get() string  { return a.m[a.key] }
func (a valueAccessor) Set(v string) { a.m[a.key] = v }

// boolAccessor stores a confirmation as "true"/"false" in the same map.
type boolAccessor struct {
	m   map[string]string
	key string
}

func (a boolAccessor) Get() bool { return a.m[a.key] == "true" }
func (a boolAccessor) Set(v bool) {
	if v {
		a.m[a.key] = "true"
	} else {
		a.m[a.key] = "false"
	}
}

// stepForm builds the huh form of one wizard step. values is the wizard's
// value map (prefilled from the account, kept across rebuilds); again
// holds second entries (a bank account number typed twice). The
// returned stepView draws it, with the problems under their fields.
func stepForm(c Common, a schema.Account, st flows.Step, values map[string]string,
	again map[string]string, hidden map[string]bool, heading string,
) (*huh.Form, stepView) {
	sctx := c.Client.Context(a)
	v := stepView{title: st.Title(a, c.Lang), heading: heading}
	for _, f := range st.Fields {
		if hidden[f.Key] {
			continue
		}
		field, desc := huhField(c, f, a, sctx, values)
		v.describe(c, field, desc)
		v.fields = append(v.fields, field)
		v.keys = append(v.keys, f.Key)
		if sel, ok := field.(*huh.Select[string]); ok {
			fs := fittedSelect{field: sel}
			for _, o := range f.Options {
				fs.labels, fs.values = append(fs.labels, o.Label.In(c.Lang)), append(fs.values, o.Value)
			}
			v.selects = append(v.selects, fs)
		}
		if f.Kind == schema.KindAcceptance {
			ip := ipField(c, sctx, values)
			v.describe(c, ip, txtIPHelp.In(c.Lang))
			v.fields = append(v.fields, ip)
			v.keys = append(v.keys, acceptanceIPKey)
		}
		if f.Key == "external_account.account_number" {
			twice := confirmField(c, f, values, again)
			v.describe(c, twice, txtAgainHelp.In(c.Lang))
			v.fields = append(v.fields, twice)
			v.keys = append(v.keys, f.Key+confirmSuffix)
		}
	}
	if len(alsoRoles(a, st)) > 0 {
		// One person, several roles: tick the others here rather than
		// adding the same person again under each.
		also := alsoField(c, a, st, values)
		v.describe(c, also, txtAlsoHelp.In(c.Lang))
		v.fields = append(v.fields, also)
		v.keys = append(v.keys, st.Person.Prefix+alsoSuffix)
	}
	for _, f := range v.fields {
		// Themed before the group measures them: a field without a theme
		// builds huh's default one for every style it reads.
		f.WithTheme(c.Styles.Form)
	}
	g := huh.NewGroup(v.fields...).Title(v.title).Description(heading)
	// The wizard draws each error under its field (stepView); huh's list
	// of errors under the group would repeat them below the screen.
	return newForm(c, g).WithShowErrors(false), v
}

// newForm applies the app's theme and keys to a form; the footer shows
// its bindings, so huh's own help line is off.
func newForm(c Common, groups ...*huh.Group) *huh.Form {
	return formWithKeys(c, formKeyMap(c.Lang), groups...)
}

// newMenu is a form of one select, a menu: enter picks the highlighted
// choice, and its help says so ("enter select"), not "submit" (in
// French "envoyer", send, on the home menu and the step list).
func newMenu(c Common, g *huh.Group) *huh.Form {
	km := formKeyMap(c.Lang)
	km.Select.Submit.SetHelp(km.Select.Submit.Help().Key, km.Select.Next.Help().Desc)
	return formWithKeys(c, km, g)
}

func formWithKeys(c Common, km *huh.KeyMap, groups ...*huh.Group) *huh.Form {
	return huh.NewForm(groups...).
		WithTheme(c.Styles.Form).
		WithKeyMap(km).
		WithShowHelp(false).
		WithShowErrors(true)
}

// huhField is the huh field that asks f, and the description it shows.
func huhField(c Common, f schema.Field, a schema.Account, sctx schema.Context, values map[string]string) (huh.Field, string) {
	title := f.Label.In(c.Lang)
	desc := onePiece(f.Help.In(c.Lang))
	if f.Sensitive && a.Provided[f.Key] {
		desc = txtProvided.In(c.Lang)
	}
	switch f.Kind {
	case schema.KindSelect:
		opts := make([]huh.Option[string], 0, len(f.Options))
		for _, o := range f.Options {
			opts = append(opts, huh.NewOption(optionLabel(c, o.Label.In(c.Lang)), o.Value))
		}
		if values[f.Key] == "" && len(opts) > 0 {
			values[f.Key] = opts[0].Value
		}
		sel := huh.NewSelect[string]()
		// Themed before Options, which measures the options with the
		// field's styles (without a theme huh builds its default one for
		// every style it reads).
		sel.WithTheme(c.Styles.Form)
		return sel.Key(f.Key).Title(title).Description(desc).
			Options(opts...).Height(selectHeight(len(opts))).
			Accessor(valueAccessor{values, f.Key}), desc
	case schema.KindAcceptance, schema.KindYesNo:
		yes, no := confirmWords(c, f.Kind)
		return huh.NewConfirm().Key(f.Key).Title(title).Description(desc).
			Affirmative(yes).Negative(no).
			Accessor(boolAccessor{values, f.Key}), desc
	case schema.KindFile:
		return fileField(c, f, title, desc, values)
	case schema.KindLink:
		note := txtLinkNeeded.In(c.Lang)
		if f.Key == schema.StripeHostedKey {
			note = f.Help.In(c.Lang) // why no form can answer
		}
		return huh.NewNote().Title(title).Description(escapeNote(note)), ""
	}
	ph := placeholder(c, f.Placeholder)
	if f.Kind == schema.KindDate {
		ph = dateMask(c.Lang, f.Check(sctx))
	}
	in := huh.NewInput().Key(f.Key).Title(title).Description(desc).
		Placeholder(ph).
		Validate(f.Check(sctx)).
		Accessor(valueAccessor{values, f.Key})
	if sugg := inputSuggestions(c, f); len(sugg) > 0 {
		in = in.Suggestions(sugg)
	}
	if f.Kind == schema.KindSecret {
		in = in.EchoMode(huh.EchoModePassword)
	}
	return in, desc
}

// confirmWords are the two answers of a confirmation: terms are accepted
// ("I accept", "Not now"); a question of fact ("All owners have been
// added", "Is the company's director") is answered yes or no.
func confirmWords(c Common, k schema.Kind) (yes, no string) {
	if k == schema.KindYesNo {
		return txtYes.In(c.Lang), txtNo.In(c.Lang)
	}
	return txtAccept.In(c.Lang), txtDecline.In(c.Lang)
}

func selectHeight(n int) int {
	if n > 6 {
		return 6
	}
	return n + 2
}

// escapeNote protects text shown in a huh Note, whose description treats
// _ * and backticks as markup (requirement paths have underscores).
func escapeNote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`")
	return r.Replace(s)
}

// stepHeading is the line under a step's title: its place in the plan and
// how urgent it is.
func stepHeading(c Common, n, total int, st flows.Step) string {
	s := fmt.Sprintf(txtStep.In(c.Lang), n, total)
	switch st.Due {
	case schema.PastDue:
		s += " · " + txtPastDue.In(c.Lang)
	case schema.CurrentlyDue:
		s += " · " + txtStepDueNow.In(c.Lang)
	case schema.EventuallyDue:
		s += " · " + txtStepDueLater.In(c.Lang)
	}
	return s
}

// acceptanceIPKey holds the IP address recorded with an acceptance; flows
// uses it instead of this machine's address when it is set.
const acceptanceIPKey = "tos_acceptance.ip"

// ipField lets the operator correct the IP address an acceptance records
// (the account holder's, when they accepted elsewhere).
func ipField(c Common, sctx schema.Context, values map[string]string) huh.Field {
	if values[acceptanceIPKey] == "" {
		values[acceptanceIPKey] = sctx.IP
	}
	return huh.NewInput().Key(acceptanceIPKey).Title(txtIPTitle.In(c.Lang)).Description(txtIPHelp.In(c.Lang)).
		Validate(func(v string) error {
			if net.ParseIP(strings.TrimSpace(v)) == nil {
				return errors.New(txtIPBad.In(c.Lang))
			}
			return nil
		}).Accessor(valueAccessor{values, acceptanceIPKey})
}

// inputSuggestions are what ctrl+e completes in f's text input: a
// document's test tokens on the sandbox, else the values of its options
// (a state code).
func inputSuggestions(c Common, f schema.Field) []string {
	if f.Kind == schema.KindFile {
		if c.Mode == "sandbox" {
			return testFileTokens
		}
		return nil
	}
	sugg := make([]string, len(f.Options))
	for i, o := range f.Options {
		sugg[i] = o.Value
	}
	return sugg
}

// testFileTokens are Stripe's test-mode document tokens
// (https://docs.stripe.com/connect/testing#identity-and-address-verification).
var testFileTokens = []string{"file_identity_document_success", "file_identity_document_failure"}

// fileField asks for a document: on the sandbox, Stripe's test tokens are
// offered as suggestions (a path still works); elsewhere a file picker
// limited to the types Stripe accepts.
func fileField(c Common, f schema.Field, title, desc string, values map[string]string) (huh.Field, string) {
	if c.Mode == "sandbox" {
		desc = schema.JoinSentences(desc, txtFileTokens.In(c.Lang))
		return huh.NewInput().Key(f.Key).Title(title).
			Description(desc).
			Placeholder(placeholder(c, testFileTokens[0])).Suggestions(inputSuggestions(c, f)).
			Accessor(valueAccessor{values, f.Key}), desc
	}
	return huh.NewFilePicker().Key(f.Key).Title(title).Description(desc).
		AllowedTypes([]string{".jpg", ".jpeg", ".png", ".pdf"}).
		CurrentDirectory(".").Height(8).
		Accessor(valueAccessor{values, f.Key}), desc
}

// sandboxOnly are Stripe test tokens that mean nothing outside test mode:
// they are offered as examples on the sandbox only.
var sandboxOnly = map[string]bool{"address_full_match": true, "file_identity_document_success": true}

// placeholder marks an example as an example ("e.g. 94107"), so that
// without colour it cannot be mistaken for a value already filled in; a
// format mask (YYYY-MM-DD) is shown as it is.
func placeholder(c Common, p string) string {
	if p == "" || (sandboxOnly[p] && c.Mode != "sandbox") {
		return ""
	}
	if strings.ToUpper(p) == p && strings.ContainsAny(p, "YMD") && !strings.ContainsAny(p, "0123456789") {
		return p
	}
	return txtExample.In(c.Lang) + p
}

// answerShownNo sends No for a yes/no left untouched: huh shows it
// answered No, and it read "This field is required." under that No. It
// is set when the step is sent, not when it is drawn, so a draft never
// holds an answer nobody gave.
func answerShownNo(st flows.Step, values map[string]string, hidden map[string]bool) {
	for _, f := range st.Fields {
		if f.Kind == schema.KindYesNo && !hidden[f.Key] && values[f.Key] == "" {
			values[f.Key] = "false"
		}
	}
}
