package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"onboard/schema"
)

// A bank account number is typed twice and checked by eye as it is typed
// (masked while typed, it could not be checked by eye, and
// a typo went to Stripe unconfirmed).

// confirmSuffix keys the second entry of a bank account number. Its value
// lives in a map of its own, never in the wizard's values (which drafts
// save), and is never sent.
const confirmSuffix = "#again"

// revealed are the fields shown while typed and masked once left: a bank
// account number is checked by eye as it is typed.
func revealed(key string) bool {
	return strings.TrimSuffix(key, confirmSuffix) == "external_account.account_number"
}

// confirmField asks for the bank account number a second time; it must
// match the first (when the first was typed: a number already on file may
// be left empty in both).
func confirmField(c Common, f schema.Field, values, again map[string]string) huh.Field {
	key := f.Key + confirmSuffix
	// Named after the first entry: an IBAN is asked again as an IBAN.
	title := fmt.Sprintf(txtAgain.In(c.Lang), f.Label.In(c.Lang))
	return huh.NewInput().Key(key).Title(title).Description(txtAgainHelp.In(c.Lang)).
		EchoMode(huh.EchoModePassword).
		Validate(func(v string) error {
			if digitsOnly(v) != digitsOnly(values[f.Key]) {
				return errors.New(txtAgainMismatch.In(c.Lang))
			}
			return nil
		}).Accessor(valueAccessor{again, key})
}

// digitsOnly drops the spaces and dashes people type in long numbers.
func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// syncEcho shows the revealed fields in clear while they have focus and
// are being typed, and masks them once left. A value brought back into
// the form (after Stripe refused it) stays masked until it is edited.
func (v stepView) syncEcho(form *huh.Form) {
	if form == nil {
		return
	}
	foc := form.GetFocusedField()
	for i, f := range v.fields {
		in, ok := f.(*huh.Input)
		if !ok || !revealed(v.keys[i]) {
			continue
		}
		if f == foc && in.GetValue() != v.shown[v.keys[i]] {
			in.EchoMode(huh.EchoModeNormal)
		} else {
			in.EchoMode(huh.EchoModePassword)
		}
	}
}
