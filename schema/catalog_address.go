package schema

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Every address Stripe asks for (a person's home and registered address,
// the company's address, the support address, and the Japanese kana and
// kanji variants) has the same leaves, so one set of leaf fields serves
// them all; only the label's prefix and the parameter path differ.

// addressKind is one address object.
type addressKind struct {
	name  string // address, registered_address, address_kana, ...
	title Text   // prefix of the labels; empty for the main address
	order int    // first order in the group
	japan bool   // kana/kanji variants add town
	// home: a person's home address, where Stripe refuses PO boxes and
	// private mailboxes (invalid_address_private_mailbox).
	home bool
}

var personAddressKinds = []addressKind{
	{name: "address", order: 10, home: true},
	{name: "registered_address", order: 110, title: T("Registered address")},
	{name: "address_kana", order: 210, title: T("Address (kana)"), japan: true},
	{name: "address_kanji", order: 310, title: T("Address (kanji)"), japan: true},
}

// accountAddresses are the account-level addresses, by dotted prefix.
var accountAddresses = map[string]struct {
	kind  addressKind
	group Group
}{
	"company.address":                  {addressKind{name: "address", order: 10, title: T("Company address")}, GroupAddress},
	"company.address_kana":             {addressKind{name: "address_kana", order: 210, title: T("Company address (kana)"), japan: true}, GroupAddress},
	"company.address_kanji":            {addressKind{name: "address_kanji", order: 310, title: T("Company address (kanji)"), japan: true}, GroupAddress},
	"business_profile.support_address": {addressKind{name: "support_address", order: 100, title: T("Support address")}, GroupBusinessProfile},
}

var addressLeafNames = []string{"line1", "line2", "city", "state", "postal_code", "country", "town"}

// personAddress are the address leaves of a person, for every kind.
var personAddress = personAddressSpecs()

func personAddressSpecs() []spec {
	var out []spec
	for _, k := range personAddressKinds {
		for _, leaf := range addressLeafNames {
			if leaf == "town" && !k.japan {
				continue
			}
			k, leaf := k, leaf
			out = append(out, spec{leaf: k.name + "." + leaf, field: func(p, country string) Field {
				return addressLeaf(k, under(p, k.name+"."+leaf), leaf, country)
			}})
		}
	}
	return out
}

// accountAddressField answers company.address.city and the like.
func accountAddressField(path, country string) (Field, bool) {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return Field{}, false
	}
	a, ok := accountAddresses[path[:i]]
	leaf := path[i+1:]
	if !ok || !containsStr(addressLeafNames, leaf) || (leaf == "town" && !a.kind.japan) {
		return Field{}, false
	}
	f := addressLeaf(a.kind, path, leaf, country)
	f.Key, f.Covers, f.Group = path, []string{path}, a.group
	return f, true
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addressLeaf is one leaf of an address; path is its full dotted
// parameter path.
func addressLeaf(k addressKind, path, leaf, country string) Field {
	var f Field
	switch leaf {
	case "line1":
		f = Field{Kind: KindText, Placeholder: "address_full_match",
			Label: T("Address line 1"),
			Help:  T("Street and number; no PO box or private mailbox."),
			check: checkPlain(200)}
		if k.home {
			f.check = checkHomeLine
		}
	case "line2":
		f = Field{Kind: KindText, Optional: true,
			Label: T("Address line 2"),
			Help:  T("Apartment, suite, floor (optional)."),
			check: checkPlain(200)}
	case "city":
		f = Field{Kind: KindText,
			Label: T("City"),
			Help:  T("City or town."),
			check: checkPlain(100)}
	case "town":
		f = Field{Kind: KindText,
			Label: T("Town (chōme)"),
			Help:  T("Town or district, as written in Japan."),
			check: checkPlain(100)}
	case "state":
		f = stateField(path, country, k.japan)
	case "postal_code":
		f = postalField(path, country, k.japan)
	case "country":
		f = Field{Kind: KindText, Placeholder: countryExample(country),
			Label: T("Country"),
			Help:  Tf("Two-letter country code (ISO 3166-1), e.g. %s.", countryExample(country)),
			check: checkCountryCode,
			encode: func(v string, _ Context) []Param {
				return []Param{{Key: Brackets(path), Value: strings.ToUpper(strings.TrimSpace(v))}}
			}}
	}
	f.Group = GroupAddress
	f.Order = k.order + 10*indexOf(addressLeafNames, leaf)
	if k.title.EN != "" {
		label := f.Label
		f.Label = Tf("%s: %s", k.title, func(l Lang) string {
			if l == German {
				return label.In(l) // German nouns keep their capital after a colon
			}
			return lowerFirst(label.In(l))
		})
	}
	return f
}

var rePOBox = regexp.MustCompile(`(?i)\b(p\.?\s*o\.?\s*box|post\s+office\s+box|pmb|boîte\s+postale|bp\s+\d)`)

// checkHomeLine refuses a PO box or private mailbox as a home address.
func checkHomeLine(v string, c Context) error {
	if rePOBox.MatchString(v) {
		return fail(c.Lang, T("Enter the street address where the person lives; a PO box or mailbox is not accepted."))
	}
	return checkPlain(200)(v, c)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

// lowerFirst lowers a label's first letter to follow a colon, unless the
// first word is an acronym (ZIP, BSB, IBAN), which keeps its capitals.
func lowerFirst(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	if n == len(s) {
		return strings.ToLower(s)
	}
	if second, _ := utf8.DecodeRuneInString(s[n:]); second >= 'A' && second <= 'Z' {
		return s
	}
	// By rune, not by byte: a label may open with a letter of several
	// bytes (État, 会社), which a byte slice would cut in two.
	return string(unicode.ToLower(first)) + s[n:]
}

// stateField is address.state: state, province, county or nothing,
// depending on the country (country.go).
func stateField(path, country string, japan bool) Field {
	r := rulesFor(country)
	if japan {
		r = defaultRules
	}
	st := r.state
	f := Field{Kind: KindText, Label: st.label, Help: st.help, Placeholder: st.example,
		Options: st.options, Optional: st.none}
	f.check = func(v string, c Context) error {
		rs := st
		if country == "" && !japan {
			rs = rulesFor(c.Country).state
		}
		return ruleCheck(rs, strings.TrimSpace, false)(v, c)
	}
	f.encode = func(v string, _ Context) []Param {
		if m := optionMatch(st.options, v); m != "" {
			v = m
		}
		return []Param{{Key: Brackets(path), Value: strings.TrimSpace(v)}}
	}
	return f
}

// postalField is address.postal_code: ZIP, postcode, Eircode, PLZ...
func postalField(path, country string, japan bool) Field {
	r := rulesFor(country)
	if japan {
		r = defaultRules
	}
	pc := r.postal
	return Field{Kind: KindText, Label: pc.label, Help: pc.help, Placeholder: pc.example,
		check: func(v string, c Context) error {
			rs := pc
			if country == "" && !japan {
				rs = rulesFor(c.Country).postal
			}
			return ruleCheck(rs, upperSpaces, false)(v, c)
		},
		encode: func(v string, _ Context) []Param {
			return []Param{{Key: Brackets(path), Value: upperSpaces(v)}}
		}}
}
