package sandbox

import (
	"onboard/sandbox/engine"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

func TestBankFormatsPerCountry(t *testing.T) {
	bad := []struct {
		country string
		kv      []string
		code    string
		param   string
	}{
		{"CA", []string{"external_account[routing_number]", "1100", "external_account[account_number]", "000123456789"}, "routing_number_invalid", "external_account[routing_number]"},
		{"GB", []string{"external_account[routing_number]", "10880", "external_account[account_number]", "00012345"}, "routing_number_invalid", "external_account[routing_number]"},
		{"GB", []string{"external_account[routing_number]", "108800", "external_account[account_number]", "0001234"}, "account_number_invalid", "external_account[account_number]"},
		{"AU", []string{"external_account[routing_number]", "11000", "external_account[account_number]", "000123456"}, "routing_number_invalid", "external_account[routing_number]"},
		{"DE", []string{"external_account[account_number]", "DE89370400440532013001"}, "account_number_invalid", "external_account[account_number]"},
		{"FR", []string{"external_account[account_number]", "DE89370400440532013000"}, "account_number_invalid", "external_account[account_number]"},
		{"US", []string{"external_account[routing_number]", "110000001", "external_account[account_number]", "000123456789"}, "routing_number_invalid", "external_account[routing_number]"},
	}
	e := newTransportEnv(t)
	for _, tc := range bad {
		a := e.createAccount(tc.country, "individual")
		_, err := e.update(a.ID, append([]string{"external_account[object]", "bank_account", "external_account[country]", tc.country}, tc.kv...)...)
		wantErr(t, err, 400, tc.code, tc.param)
	}
	// A German IBAN on a French account: the refusal names what a French
	// IBAN is, and does not quote a German one as its example.
	a := e.createAccount("FR", "individual")
	_, err := e.update(a.ID, "external_account[object]", "bank_account", "external_account[country]", "FR",
		"external_account[account_number]", "DE89370400440532013000")
	if se := wantStripeErr(t, err, 400, "account_number_invalid", "external_account[account_number]"); strings.Contains(se.Msg, "DE89") || !strings.Contains(se.Msg, "starting with FR") {
		t.Errorf("refusal of a DE IBAN on a FR account: %q", se.Msg)
	}
	// GB also takes an IBAN; CA the 0IIITTTTT routing form.
	a = e.createAccount("GB", "individual")
	e.mustUpdate(a.ID, "external_account[object]", "bank_account", "external_account[country]", "GB", "external_account[account_number]", "GB82WEST12345698765432")
	a = e.createAccount("CA", "individual")
	a = e.mustUpdate(a.ID, "external_account[object]", "bank_account", "external_account[country]", "CA",
		"external_account[routing_number]", "011000000", "external_account[account_number]", "000123456789")
	if rn := a.ExternalAccounts.Data[0].BankAccount.RoutingNumber; rn != "00000-110" {
		t.Logf("CA routing normalised to %s", rn)
	}
}

func TestBankPayoutFailureNumbers(t *testing.T) {
	cases := []struct{ country, routing, account, code string }{
		{"US", "110000000", "000111111116", "no_account"},
		{"US", "110000000", "000222222227", "insufficient_funds"},
		{"CA", "11000-000", "000111111113", "account_closed"},
		{"AU", "110000", "333333335", "debit_not_authorized"},
		{"GB", "108800", "44444440", "invalid_currency"},
		{"DE", "", "DE97370400440130010130", "no_account"},
		{"FR", "", "FR2720041010050130020130020", "account_closed"},
		{"IE", "", "IE10AIBK93115202222227", "insufficient_funds"},
		{"NL", "", "NL09RABO0130040130", "debit_not_authorized"},
	}
	for _, tc := range cases {
		t.Run(tc.country+"/"+tc.code, func(t *testing.T) {
			e := newTransportEnv(t)
			a := e.createAccount(tc.country, "individual")
			kv := []string{"external_account[object]", "bank_account", "external_account[country]", tc.country, "external_account[account_number]", tc.account}
			if tc.routing != "" {
				kv = append(kv, "external_account[routing_number]", tc.routing)
			}
			e.mustUpdate(a.ID, kv...)
			e.advance(time.Minute)
			a = e.get(a.ID)
			// Onboarding accepts the account: the guide has the payout fail.
			ba := a.ExternalAccounts.Data[0].BankAccount
			if ba.Status == "errored" || len(errorsOf(a)) != 0 || slices.Contains(a.Requirements.CurrentlyDue, "external_account") {
				t.Errorf("at onboarding: status %q errors %v due %v", ba.Status, errorsOf(a), a.Requirements.CurrentlyDue)
			}
			if err := e.sb.Trigger(e.ctx, a.ID, TriggerPayout); err != nil {
				t.Fatal(err)
			}
			a = e.get(a.ID)
			ba = a.ExternalAccounts.Data[0].BankAccount
			if ba.Status != "errored" || errorsOf(a)["external_account"] != engine.PayoutFailedCode || a.PayoutsEnabled {
				t.Errorf("after a payout: status %q errors %v payouts %v", ba.Status, errorsOf(a), a.PayoutsEnabled)
			}
		})
	}
}

func TestBankOwnershipNumbers(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	e.attachBank(a.ID, "000999999992")
	e.advance(time.Minute)
	a = e.get(a.ID)
	wantList(t, "currently_due", a.Requirements.CurrentlyDue, []string{"documents.bank_account_ownership_verification.files"})
	if !a.ChargesEnabled || a.PayoutsEnabled {
		t.Errorf("ownership proof blocks payouts only: charges %v payouts %v", a.ChargesEnabled, a.PayoutsEnabled)
	}
	e.mustUpdate(a.ID, "documents[bank_account_ownership_verification][files][0]", "file_identity_document_success")
	e.advance(time.Minute)
	if a = e.get(a.ID); !a.PayoutsEnabled {
		t.Errorf("payouts after the proof: %v", a.Requirements.CurrentlyDue)
	}
	b := e.attachBank(a.ID, "000999999991")
	if b.ExternalAccounts.Data[0].BankAccount.Status != "new" {
		t.Errorf("ownership check runs first: %q", b.ExternalAccounts.Data[0].BankAccount.Status)
	}
	e.advance(time.Minute)
	if a = e.get(a.ID); !a.PayoutsEnabled || a.ExternalAccounts.Data[0].BankAccount.Status != "verified" {
		t.Errorf("000999999991 completes after a delay")
	}
}

func TestExternalAccountsEndpoint(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		a := e.createUSIndividual()
		first, err := e.sc.V1BankAccounts.Create(e.ctx, &stripe.BankAccountCreateParams{
			Account: stripe.String(a.ID), Token: stripe.String("btok_us"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if !first.DefaultForCurrency {
			t.Errorf("first account is the default")
		}
		tok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
			Country: stripe.String("US"), Currency: stripe.String("usd"),
			RoutingNumber: stripe.String("110000000"), AccountNumber: stripe.String("000123456789"),
		}})
		if err != nil {
			t.Fatal(err)
		}
		second, err := e.sc.V1BankAccounts.Create(e.ctx, &stripe.BankAccountCreateParams{Account: stripe.String(a.ID), Token: stripe.String(tok.ID)})
		if err != nil || second.DefaultForCurrency {
			t.Fatalf("second: %+v %v", second, err)
		}
		n := 0
		for ba, err := range e.sc.V1BankAccounts.List(e.ctx, &stripe.BankAccountListParams{Account: stripe.String(a.ID)}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			_ = ba
		}
		if n != 2 {
			t.Errorf("listed %d", n)
		}
		_, err = e.sc.V1BankAccounts.Delete(e.ctx, first.ID, &stripe.BankAccountDeleteParams{Account: stripe.String(a.ID)})
		wantErr(t, err, 400, "", "")
		up, err := e.sc.V1BankAccounts.Update(e.ctx, second.ID, &stripe.BankAccountUpdateParams{Account: stripe.String(a.ID), DefaultForCurrency: stripe.Bool(true)})
		if err != nil || !up.DefaultForCurrency {
			t.Fatalf("make default: %+v %v", up, err)
		}
		if _, err := e.sc.V1BankAccounts.Delete(e.ctx, first.ID, &stripe.BankAccountDeleteParams{Account: stripe.String(a.ID)}); err != nil {
			t.Fatal(err)
		}
		types := map[string]int{}
		for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{Type: stripe.String("account.external_account.*")})) {
			if err != nil {
				t.Fatal(err)
			}
			types[string(ev.Type)]++
			if ev.Type == "account.external_account.updated" && ev.Data.PreviousAttributes["default_for_currency"] != false {
				t.Errorf("previous_attributes %v", ev.Data.PreviousAttributes)
			}
		}
		if types["account.external_account.created"] != 2 || types["account.external_account.updated"] != 1 || types["account.external_account.deleted"] != 1 {
			t.Errorf("events %v", types)
		}
	})
}
