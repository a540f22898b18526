package schema

import "strings"

// settingsSpecs are settings.* (§1.1, §1.8): what customers read on their
// statements, and the terms of the Issuing and Treasury products.
var settingsSpecs = map[string]func(country string) Field{
	"settings.payments.statement_descriptor": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 70, Kind: KindText, Placeholder: "FUREVER PETS",
			Label: T("Statement descriptor"),
			Help:  T("What customers see on card statements: 5–22 Latin characters, at least one letter, none of < > \\ ' \" *."),
			check: checkDescriptor(5, 22, true)}
	},
	"settings.payments.statement_descriptor_kana": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 71, Kind: KindText,
			Label: T("Statement descriptor (kana)"),
			Help:  T("The descriptor in kana, up to 22 characters (Japan)."),
			check: checkPlain(22)}
	},
	"settings.payments.statement_descriptor_kanji": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 72, Kind: KindText,
			Label: T("Statement descriptor (kanji)"),
			Help:  T("The descriptor in kanji, up to 22 characters (Japan)."),
			check: checkPlain(22)}
	},
	"settings.card_payments.statement_descriptor_prefix": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 75, Kind: KindText, Placeholder: "FUREVER",
			Label: T("Statement descriptor prefix"),
			Help:  T("Shown before a per-payment suffix: 2–10 Latin characters, none of < > \\ ' \" *."),
			check: checkDescriptor(2, 10, false)}
	},
	"settings.card_payments.statement_descriptor_prefix_kana": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 76, Kind: KindText, Optional: true,
			Label: T("Statement descriptor prefix (kana)"),
			Help:  T("The prefix in kana, up to 10 characters (Japan)."),
			check: checkPlain(10)}
	},
	"settings.card_payments.statement_descriptor_prefix_kanji": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 77, Kind: KindText, Optional: true,
			Label: T("Statement descriptor prefix (kanji)"),
			Help:  T("The prefix in kanji, up to 10 characters (Japan)."),
			check: checkPlain(10)}
	},
	"settings.payouts.statement_descriptor": func(string) Field {
		return Field{Group: GroupBankAccount, Order: 60, Kind: KindText, Placeholder: "FUREVER PAYOUT",
			Label: T("Payout descriptor"),
			Help:  T("What the bank statement shows for payouts: up to 22 Latin characters, none of < > \\ ' \" *."),
			check: checkDescriptor(1, 22, false)}
	},
	"settings.card_issuing.tos_acceptance": func(string) Field {
		return acceptanceField("settings.card_issuing.tos_acceptance", GroupTerms, 30,
			T("Stripe Issuing terms"),
			T("The account holder accepts the card issuing terms; date, IP address and user agent are recorded."))
	},
	"settings.treasury.tos_acceptance": func(string) Field {
		return acceptanceField("settings.treasury.tos_acceptance", GroupTerms, 40,
			T("Stripe Treasury terms"),
			T("The account holder accepts the financial account terms; date, IP address and user agent are recorded."))
	},
}

// checkDescriptor applies Stripe's statement descriptor rules: min–max
// Latin characters, none of < > \ ' " *, not only digits, and (for the
// full descriptor) at least one letter.
func checkDescriptor(min, max int, needLetter bool) func(string, Context) error {
	return func(v string, c Context) error {
		bad := T("Use 5–22 Latin characters with at least one letter and none of < > \\ ' \" *.")
		switch {
		case min == 2:
			bad = T("Use 2–10 Latin characters, not only digits, and none of < > \\ ' \" *.")
		case !needLetter:
			bad = T("Use at most 22 Latin characters, not only digits, and none of < > \\ ' \" *.")
		}
		n := len([]rune(v))
		if n < min || n > max || strings.ContainsAny(v, "<>\\'\"*") || isDigits(strings.ReplaceAll(v, " ", "")) {
			return fail(c.Lang, bad)
		}
		letter := false
		for _, r := range v {
			if r > 0x024F || r < ' ' {
				return fail(c.Lang, bad)
			}
			if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= 0xC0 && r <= 0x024F) {
				letter = true
			}
		}
		if needLetter && !letter {
			return fail(c.Lang, bad)
		}
		return nil
	}
}
