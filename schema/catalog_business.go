package schema

import (
	"math"
	"strconv"
	"strings"
)

// businessSpecs are business_profile.* (§1.1): what the business is and
// how customers reach it.
var businessSpecs = map[string]func(country string) Field{
	"business_profile.mcc": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 10, Kind: KindSelect,
			Label:   T("Merchant category (MCC)"),
			Help:    T("What the business sells."),
			Options: mccOptions, check: checkMCC}
	},
	"business_profile.url": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 20, Kind: KindURL, Placeholder: "https://example.com",
			Label: T("Business website"),
			Help:  T("A public site that describes what the business sells."),
			check: checkURL}
	},
	"business_profile.product_description": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 30, Kind: KindLongText,
			Label: T("Product description"),
			Help:  T("What the business sells and how, in a sentence or two (instead of a website)."),
			check: func(v string, c Context) error {
				if err := checkDescription(v, c); err != nil {
					return err
				}
				if strings.HasPrefix(strings.ToLower(v), "http") && !strings.ContainsAny(strings.TrimSpace(v), " \t") {
					return fail(c.Lang, T("Describe the products in words, not with a web address."))
				}
				return checkPlain(40000)(strings.ReplaceAll(v, "\n", " "), c)
			}}
	},
	"business_profile.name": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 40, Kind: KindText,
			Label: T("Public business name"),
			Help:  T("The name customers see."),
			check: checkPlain(5000)}
	},
	"business_profile.support_phone": func(country string) Field {
		return Field{Group: GroupBusinessProfile, Order: 50, Kind: KindPhone, Placeholder: PhoneExample(country),
			Label: T("Support phone"),
			Help:  phoneHelp,
			check: checkPhone, encode: encodePhone("business_profile.support_phone")}
	},
	"business_profile.support_email": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 60, Kind: KindEmail, Placeholder: "support@example.com",
			Label: T("Support email"),
			Help:  T("Where customers can write."),
			check: checkEmail}
	},
	"business_profile.support_url": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 65, Kind: KindURL, Placeholder: "https://example.com/help",
			Label: T("Support website"),
			Help:  T("A page where customers get help."),
			check: checkURL}
	},
	"business_profile.annual_revenue": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 120, Kind: KindText, Placeholder: "250000",
			Covers: []string{"business_profile.annual_revenue.amount", "business_profile.annual_revenue.currency"},
			Label:  T("Annual revenue"),
			Help:   T("Revenue of the last fiscal year: amount, then the currency if not the account's (250000 EUR)."),
			check:  checkMoney, encode: encodeMoney("business_profile.annual_revenue")}
	},
	"business_profile.annual_revenue.fiscal_year_end": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 121, Kind: KindDate, Placeholder: "YYYY-MM-DD",
			Label: T("Fiscal year end"),
			Help:  T("Last day of that fiscal year, YYYY-MM-DD."),
			check: checkDate}
	},
	"business_profile.monthly_estimated_revenue": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 125, Kind: KindText, Placeholder: "5000",
			Covers: []string{"business_profile.monthly_estimated_revenue.amount", "business_profile.monthly_estimated_revenue.currency"},
			Label:  T("Estimated monthly revenue"),
			Help:   T("Expected monthly sales: amount, then the currency if not the account's (5000 USD)."),
			check:  checkMoney, encode: encodeMoney("business_profile.monthly_estimated_revenue")}
	},
	"business_profile.estimated_worker_count": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 130, Kind: KindText, Placeholder: "12",
			Label: T("Number of workers"),
			Help:  T("Estimated number of people working for the business."),
			check: func(v string, c Context) error {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n < 0 {
					return fail(c.Lang, T("Enter a whole number, 0 or more, e.g. 12."))
				}
				return nil
			}}
	},
	"business_profile.minority_owned_business_designation": func(string) Field {
		path := "business_profile.minority_owned_business_designation"
		return Field{Group: GroupBusinessProfile, Order: 140, Kind: KindSelect, Options: minorityOptions,
			Label: T("Ownership designation"),
			Help:  T("Whether the business is owned by women, minorities or LGBTQI+ people; several values separated by commas."),
			check: func(v string, c Context) error {
				items := splitList(v)
				for _, it := range items {
					if optionMatch(minorityOptions, it) == "" {
						return fail(c.Lang, msgNotAnOption)
					}
				}
				if len(items) == 0 {
					return fail(c.Lang, msgNotAnOption)
				}
				return nil
			},
			encode: func(v string, _ Context) []Param { return listParams(path, splitList(v)) }}
	},
}

// companions are fields that must be asked (and so sent) together: the
// fiscal year end travels with the annual revenue.
var companions = map[string][]string{
	"business_profile.annual_revenue":                 {"business_profile.annual_revenue", "business_profile.annual_revenue.fiscal_year_end"},
	"business_profile.annual_revenue.fiscal_year_end": {"business_profile.annual_revenue", "business_profile.annual_revenue.fiscal_year_end"},
}

var minorityOptions = []Option{
	{Value: "women_owned_business", Label: T("Women-owned")},
	{Value: "minority_owned_business", Label: T("Minority-owned")},
	{Value: "lgbtqi_owned_business", Label: T("LGBTQI+-owned")},
	{Value: "none_of_these_apply", Label: T("None of these")},
	{Value: "prefer_not_to_answer", Label: T("Prefer not to answer")},
}

// zeroDecimal are currencies without minor units: an amount in them is
// sent as is, not multiplied by 100.
var zeroDecimal = map[string]bool{"bif": true, "clp": true, "djf": true, "gnf": true, "jpy": true, "kmf": true,
	"krw": true, "mga": true, "pyg": true, "rwf": true, "ugx": true, "vnd": true, "vuv": true, "xaf": true,
	"xof": true, "xpf": true}

// parseMoney reads "250000", "250 000.50 EUR" or "EUR 250000": a
// non-negative amount in major units and an optional 3-letter currency.
func parseMoney(v string) (amount float64, currency string, ok bool) {
	var num []string
	for _, f := range strings.Fields(v) {
		if len(f) == 3 && isLetters(f) {
			if currency != "" {
				return 0, "", false
			}
			currency = strings.ToLower(f)
			continue
		}
		num = append(num, f)
	}
	s := strings.ReplaceAll(strings.Join(num, ""), ",", "")
	a, err := strconv.ParseFloat(s, 64)
	if err != nil || a < 0 || a > 1e13 || math.IsNaN(a) {
		return 0, "", false
	}
	return a, currency, true
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return s != ""
}

func checkMoney(v string, c Context) error {
	if _, _, ok := parseMoney(v); !ok {
		return fail(c.Lang, T("Enter an amount, optionally followed by a 3-letter currency, e.g. 250000 or 250000 EUR."))
	}
	return nil
}

// encodeMoney sends amount (in minor units) and currency together.
func encodeMoney(path string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		a, cur, _ := parseMoney(v)
		if cur == "" {
			cur = strings.ToLower(c.Currency)
		}
		if !zeroDecimal[cur] {
			a *= 100
		}
		return []Param{
			{Key: Brackets(path + ".amount"), Value: strconv.FormatInt(int64(math.Round(a)), 10)},
			{Key: Brackets(path + ".currency"), Value: cur},
		}
	}
}

func checkDate(v string, c Context) error {
	if _, ok := ParseDateIn(v, c); !ok {
		return fail(c.Lang, msgDate, DateFormat(c))
	}
	return nil
}

// encodePhone sends a phone number in E.164, read for the account's
// country (phone.go).
func encodePhone(path string) func(string, Context) []Param { return encodePhoneAt(path) }

// phoneHelp is the help of every phone field.
var phoneHelp = T("As written in the account's country, or international (+\u00a0country code); sent in international format.")
