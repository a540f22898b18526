package schema

import "strings"

// settingsSpecs are settings.* (§1.1, §1.8): what customers read on their
// statements, and the terms of the Issuing and Treasury products.
var settingsSpecs = map[string]func(country string) Field{
	"settings.payments.statement_descriptor": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 70, Kind: KindText, Placeholder: "FUREVER PETS",
			Label: T("Statement descriptor", "Libellé de relevé"),
			Help: T("What customers see on card statements: 5–22 Latin characters, at least one letter, none of < > \\ ' \" *.",
				"Ce que voient les clients sur leur relevé : 5 à 22 caractères latins, au moins une lettre, sans < > \\ ' \" *."),
			check: checkDescriptor(5, 22, true)}
	},
	"settings.payments.statement_descriptor_kana": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 71, Kind: KindText,
			Label: T("Statement descriptor (kana)", "Libellé de relevé (kana)"),
			Help:  T("The descriptor in kana, up to 22 characters (Japan).", "Le libellé en kana, 22 caractères au maximum (Japon)."),
			check: checkPlain(22)}
	},
	"settings.payments.statement_descriptor_kanji": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 72, Kind: KindText,
			Label: T("Statement descriptor (kanji)", "Libellé de relevé (kanji)"),
			Help:  T("The descriptor in kanji, up to 22 characters (Japan).", "Le libellé en kanji, 22 caractères au maximum (Japon)."),
			check: checkPlain(22)}
	},
	"settings.card_payments.statement_descriptor_prefix": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 75, Kind: KindText, Placeholder: "FUREVER",
			Label: T("Statement descriptor prefix", "Préfixe du libellé de relevé"),
			Help: T("Shown before a per-payment suffix: 2–10 Latin characters, none of < > \\ ' \" *.",
				"Affiché avant un suffixe propre à chaque paiement : 2 à 10 caractères latins, sans < > \\ ' \" *."),
			check: checkDescriptor(2, 10, false)}
	},
	"settings.card_payments.statement_descriptor_prefix_kana": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 76, Kind: KindText, Optional: true,
			Label: T("Statement descriptor prefix (kana)", "Préfixe du libellé (kana)"),
			Help:  T("The prefix in kana, up to 10 characters (Japan).", "Le préfixe en kana, 10 caractères au maximum (Japon)."),
			check: checkPlain(10)}
	},
	"settings.card_payments.statement_descriptor_prefix_kanji": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 77, Kind: KindText, Optional: true,
			Label: T("Statement descriptor prefix (kanji)", "Préfixe du libellé (kanji)"),
			Help:  T("The prefix in kanji, up to 10 characters (Japan).", "Le préfixe en kanji, 10 caractères au maximum (Japon)."),
			check: checkPlain(10)}
	},
	"settings.payouts.statement_descriptor": func(string) Field {
		return Field{Group: GroupBankAccount, Order: 60, Kind: KindText, Placeholder: "FUREVER PAYOUT",
			Label: T("Payout descriptor", "Libellé des virements"),
			Help: T("What the bank statement shows for payouts: up to 22 Latin characters, none of < > \\ ' \" *.",
				"Ce que le relevé bancaire affiche pour les virements : 22 caractères latins au maximum, sans < > \\ ' \" *."),
			check: checkDescriptor(1, 22, false)}
	},
	"settings.card_issuing.tos_acceptance": func(string) Field {
		return acceptanceField("settings.card_issuing.tos_acceptance", GroupTerms, 30,
			T("Stripe Issuing terms", "Conditions de Stripe Issuing"),
			T("The account holder accepts the card issuing terms; date, IP address and user agent are recorded.",
				"Le titulaire du compte accepte les conditions d'émission de cartes ; la date, l'adresse IP et l'agent utilisateur sont enregistrés."))
	},
	"settings.treasury.tos_acceptance": func(string) Field {
		return acceptanceField("settings.treasury.tos_acceptance", GroupTerms, 40,
			T("Stripe Treasury terms", "Conditions de Stripe Treasury"),
			T("The account holder accepts the financial account terms; date, IP address and user agent are recorded.",
				"Le titulaire du compte accepte les conditions du compte financier ; la date, l'adresse IP et l'agent utilisateur sont enregistrés."))
	},
}

// checkDescriptor applies Stripe's statement descriptor rules: min–max
// Latin characters, none of < > \ ' " *, not only digits, and (for the
// full descriptor) at least one letter.
func checkDescriptor(min, max int, needLetter bool) func(string, Context) error {
	return func(v string, c Context) error {
		bad := T("Use 5–22 Latin characters with at least one letter and none of < > \\ ' \" *.",
			"Utilisez 5 à 22 caractères latins, dont au moins une lettre, sans < > \\ ' \" *.")
		switch {
		case min == 2:
			bad = T("Use 2–10 Latin characters, not only digits, and none of < > \\ ' \" *.",
				"Utilisez 2 à 10 caractères latins, pas uniquement des chiffres, sans < > \\ ' \" *.")
		case !needLetter:
			bad = T("Use at most 22 Latin characters, not only digits, and none of < > \\ ' \" *.",
				"Utilisez 22 caractères latins au maximum, pas uniquement des chiffres, sans < > \\ ' \" *.")
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
