package schema

import (
	"strconv"
	"strings"
)

// accountField returns the catalog field for an account-level path.
func accountField(path, country string) (Field, bool) {
	key := path
	if k, ok := accountAliases[path]; ok {
		key = k
	}
	mk, ok := accountSpecs[key]
	if !ok {
		return Field{}, false
	}
	f := mk(country)
	f.Key = key
	if len(f.Covers) == 0 {
		f.Covers = []string{key}
	}
	return f, true
}

// accountAliases are requirement paths answered by a field with another
// key: the parts of the terms-of-service acceptance are one confirmation.
var accountAliases = map[string]string{
	"tos_acceptance.date":       "tos_acceptance",
	"tos_acceptance.ip":         "tos_acceptance",
	"tos_acceptance.user_agent": "tos_acceptance",
}

var accountSpecs = map[string]func(country string) Field{
	"business_type": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 5, Kind: KindSelect,
			Label:   T("Business type", "Type d'entreprise"),
			Help:    T("The legal form of the account holder.", "La forme juridique du titulaire du compte."),
			Options: businessTypes}
	},
	"business_profile.mcc": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 10, Kind: KindSelect,
			Label: T("Merchant category (MCC)", "Catégorie marchand (MCC)"),
			Help: T("What the business sells; ↑/↓ to choose.",
				"Ce que vend l'entreprise ; ↑/↓ pour choisir."),
			Options: mccOptions, check: checkMCC}
	},
	"business_profile.url": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 20, Kind: KindURL, Placeholder: "https://example.com",
			Label: T("Business website", "Site web de l'entreprise"),
			Help: T("A public site that describes what the business sells.",
				"Un site public qui décrit ce que vend l'entreprise."),
			check: checkURL}
	},
	"business_profile.product_description": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 30, Kind: KindLongText,
			Label: T("Product description", "Description des produits"),
			Help: T("What the business sells and how, in a sentence or two (instead of a website).",
				"Ce que vend l'entreprise et comment, en une ou deux phrases (à défaut de site web)."),
			check: func(v string, c Context) error {
				if err := checkDescription(v, c); err != nil {
					return err
				}
				return checkPlain(40000)(v, c)
			}}
	},
	"business_profile.name": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 40, Kind: KindText,
			Label: T("Public business name", "Nom commercial"),
			Help:  T("The name customers see.", "Le nom que voient les clients."),
			check: checkPlain(5000)}
	},
	"business_profile.support_phone": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 50, Kind: KindPhone, Placeholder: "+14155550123",
			Label: T("Support phone", "Téléphone du support"),
			Help:  T("International format: + country code and number.", "Format international : + indicatif et numéro."),
			check: checkPhone,
			encode: func(v string, _ Context) []Param {
				return []Param{{Key: "business_profile[support_phone]", Value: NormalizePhone(v)}}
			}}
	},
	"business_profile.support_email": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 60, Kind: KindEmail,
			Label: T("Support email", "E-mail du support"),
			Help:  T("Where customers can write.", "Adresse où les clients peuvent écrire."),
			check: checkEmail}
	},
	"settings.payments.statement_descriptor": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 70, Kind: KindText,
			Label: T("Statement descriptor", "Libellé de relevé"),
			Help: T("What customers see on card statements: 5–22 Latin characters, at least one letter, none of < > \\ ' \" *.",
				"Ce que voient les clients sur leur relevé : 5 à 22 caractères latins, au moins une lettre, sans < > \\ ' \" *."),
			check: checkDescriptor}
	},
	"tos_acceptance": func(string) Field {
		return Field{Group: GroupTerms, Order: 10, Kind: KindAcceptance,
			Covers: []string{"tos_acceptance.date", "tos_acceptance.ip", "tos_acceptance.user_agent"},
			Label:  T("Stripe Connected Account Agreement", "Contrat de compte connecté Stripe"),
			Help: T("The account holder accepts Stripe's terms; the date, this machine's IP address and the user agent are recorded.",
				"Le titulaire du compte accepte les conditions de Stripe ; la date, l'adresse IP de cette machine et l'agent utilisateur sont enregistrés."),
			check: checkAcceptance,
			encode: func(_ string, c Context) []Param {
				ps := []Param{
					{Key: "tos_acceptance[date]", Value: strconv.FormatInt(c.Now.Unix(), 10)},
					{Key: "tos_acceptance[ip]", Value: c.IP},
				}
				if c.UserAgent != "" {
					ps = append(ps, Param{Key: "tos_acceptance[user_agent]", Value: c.UserAgent})
				}
				return ps
			}}
	},
}

func checkDescriptor(v string, c Context) error {
	bad := T("Use 5–22 Latin characters with at least one letter and none of < > \\ ' \" *.",
		"Utilisez 5 à 22 caractères latins, dont au moins une lettre, sans < > \\ ' \" *.")
	n := len([]rune(v))
	if n < 5 || n > 22 || strings.ContainsAny(v, "<>\\'\"*") {
		return fail(c.Lang, bad)
	}
	letter := false
	for _, r := range v {
		if r > 0x024F {
			return fail(c.Lang, bad)
		}
		if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') {
			letter = true
		}
	}
	if !letter {
		return fail(c.Lang, bad)
	}
	return nil
}
