package schema

import (
	"slices"
	"strings"
)

// A spec is a catalog entry before it is bound to a country and a prefix.
// People's fields (individual.*, and later representative.*, owners.*,
// person_<id>.*) share one set of leaf specs; the prefix is applied when
// the field is looked up.
type spec struct {
	leaf   string   // key relative to the prefix: "dob", "address.line1"
	covers []string // requirement leaves it answers: "dob.day", ...
	field  func(prefix, country string) Field
}

// Lookup returns the field that answers the requirement path for an
// account of the given country. It never fails: a path the catalog does
// not know gets a generic text field encoded from its path, because Stripe
// adds requirements over time and an unknown one must not block.
func Lookup(path, country string) Field {
	country = strings.ToUpper(country)
	if f, ok := accountField(path, country); ok {
		return f
	}
	if f, ok := accountAddressField(path, country); ok {
		return f
	}
	if f, ok := bankField(path, country); ok {
		return f
	}
	if role, ok := placeholderRole(path); ok {
		return roleField(path, role)
	}
	if ref, leaf, ok := ParsePersonPath(path); ok {
		for _, s := range allPersonSpecs() {
			if s.leaf == leaf || slices.Contains(s.covers, leaf) {
				f := bind(s, ref, country)
				if s.leaf == "dob" {
					f = withAge(f, ref, country)
				}
				if !slices.Contains(f.Covers, path) {
					// A legacy or long form (person.person_x.email,
					// relationship.account_opener.email) is answered too.
					f.Covers = append(f.Covers, path)
				}
				return f
			}
		}
	}
	if isLinkOnly(path) {
		return linkField(path)
	}
	if f, ok := vocabField(path, country); ok {
		return f
	}
	return genericField(path)
}

// Known reports whether the catalog has a real (non-generic) field for path.
func Known(path, country string) bool { return !Lookup(path, country).Generic }

// FieldsFor returns the fields that answer the given requirement paths,
// each once (the three parts of a date of birth are one field), in group
// and catalog order.
func FieldsFor(paths []string, country string) []Field {
	seen := map[string]bool{}
	var out []Field
	for _, p := range paths {
		for _, f := range expand(Lookup(p, country), country) {
			if seen[f.Key] {
				continue
			}
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Field) int {
		if a.Group != b.Group {
			return int(a.Group) - int(b.Group)
		}
		return a.Order - b.Order
	})
	return out
}

// expand adds the companions a field cannot be sent without: asking for a
// bank account means asking every part of it.
func expand(f Field, country string) []Field {
	switch {
	case f.Key == "external_account":
		return bankFields(country)
	case len(companions[f.Key]) > 0:
		out := []Field{}
		for _, k := range companions[f.Key] {
			out = append(out, Lookup(k, country))
		}
		return out
	case f.Kind == KindRole:
		role, _ := placeholderRole(f.Key)
		fs := RoleFields(role, country)
		for i := range fs {
			// The fields answer the placeholder as well as themselves.
			fs[i].Covers = append(fs[i].Covers, f.Key)
		}
		return fs
	}
	return []Field{f}
}

// FieldForParam maps a Stripe error's param (individual[dob][day]) to the
// key of the field to reopen.
func FieldForParam(param, country string) string {
	if param == "" {
		return ""
	}
	path := Dots(param)
	if rest, ok := strings.CutPrefix(path, "bank_account."); ok {
		path = "external_account." + rest
	}
	if strings.HasPrefix(path, "external_account.") && AccountOnlyCountry(country) {
		// An IBAN country has no routing number: any bank error is about
		// the account number.
		if _, known := bankField(path, country); !known {
			return "external_account.account_number"
		}
	}
	// A document's side is not a field of its own.
	if strings.Contains(path, "verification.") {
		path = strings.TrimSuffix(strings.TrimSuffix(path, ".front"), ".back")
	}
	return Lookup(path, country).Key
}

// bind makes a person's field from a leaf spec. The individual's fields
// are sent on the account (individual[dob][day]); everyone else's go to
// the Persons API without a prefix (dob[day]).
func bind(s spec, ref PersonRef, country string) Field {
	base := ""
	if ref.OnAccount() {
		base = ref.Prefix
	}
	f := s.field(base, country)
	f.Key = ref.Prefix + "." + s.leaf
	f.param = under(base, s.leaf)
	person := ref
	f.Person = &person
	if len(f.Covers) == 0 {
		covers := s.covers
		if len(covers) == 0 {
			covers = []string{s.leaf}
		}
		for _, c := range covers {
			f.Covers = append(f.Covers, ref.Prefix+"."+c)
			if ref.Role != "" && ref.Index == 0 {
				// Stripe writes owners.email for "the owners' email".
				f.Covers = append(f.Covers, RolePrefix(ref.Role)+"."+c)
			}
		}
	}
	return f
}

// allPersonSpecs lists every leaf a person can be asked for.
func allPersonSpecs() []spec {
	out := append(slices.Clip(personSpecs), personRelationSpecs...)
	out = append(out, personExtraSpecs...)
	return append(out, personAddress...)
}

// under joins a parameter base and a leaf: under("individual", "dob") is
// individual.dob, under("", "dob") is dob.
func under(base, leaf string) string {
	if base == "" {
		return leaf
	}
	return base + "." + leaf
}

func roleField(path, role string) Field {
	who := roleNames[role]
	return Field{
		Key: path, Covers: []string{path}, Group: GroupPeople, Order: 1, Kind: KindRole,
		Label:  Tf("Add the %s", who),
		Help:   T("Stripe needs a person with this role; their details are asked next."),
		check:  func(string, Context) error { return nil },
		encode: sendsNothing,
	}
}

// roleNames name each role in a sentence.
var roleNames = map[string]Text{
	RoleRepresentative: TC("role", "representative"),
	RoleOwner:          TC("role", "owner"),
	RoleDirector:       TC("role", "director"),
	RoleExecutive:      TC("role", "executive"),
	"authorizer":       TC("role", "authorizer"),
	"legal_guardian":   TC("role", "legal guardian"),
}

// isLinkOnly recognises requirements that the API cannot satisfy: Stripe
// risk reviews (interv_*) and proof of liveness.
func isLinkOnly(path string) bool {
	return strings.HasPrefix(path, "interv_") || strings.HasSuffix(path, ".proof_of_liveness")
}

func linkField(path string) Field {
	return Field{
		Key: path, Covers: []string{path}, Group: GroupOther, Order: 900, Kind: KindLink,
		Label:  Tf("Stripe review: %s", path),
		Help:   T("The API cannot answer this; the account holder completes it through a Stripe account link."),
		check:  func(string, Context) error { return nil },
		encode: sendsNothing,
	}
}

// StripeHostedKey is the key of StripeHostedField.
const StripeHostedKey = "stripe_hosted_onboarding"

// StripeHostedField stands for every requirement of an account whose
// requirements Stripe collects (Express, Standard): no form can answer
// them; the account holder gives them to Stripe through an account link.
func StripeHostedField(paths []string) Field {
	return Field{
		Key: StripeHostedKey, Covers: slices.Clone(paths), Group: GroupOther, Order: 0, Kind: KindLink,
		Label:  T("Stripe collects this account's information"),
		Help:   T("This is an Express or Standard account (controller.requirement_collection = stripe): Stripe asks the account holder itself, and the API cannot answer for them. Send the holder the account onboarding link created here."),
		check:  func(string, Context) error { return nil },
		encode: sendsNothing,
	}
}

// wellFormed reports whether path is a dotted path Stripe could send:
// segments of letters, digits, _ and -.
func wellFormed(path string) bool {
	if path == "" || len(path) > 300 {
		return false
	}
	for _, seg := range strings.Split(path, ".") {
		if seg == "" {
			return false
		}
		for _, r := range seg {
			if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '_' && r != '-' {
				return false
			}
		}
	}
	return true
}

// genericField asks an unknown path as text. A path that is not a dotted
// path at all cannot be encoded as a parameter, so it is asked (nothing
// blocks) but sends nothing.
func genericField(path string) Field {
	label := strings.ReplaceAll(path, "_", " ")
	var encode func(string, Context) []Param
	if !wellFormed(path) {
		encode = sendsNothing
	}
	return Field{
		Key: path, Covers: []string{path}, Group: GroupOther, Order: 1000, Kind: KindText,
		Label:   Verbatim(label),
		Help:    Tf("Stripe asks for %s; this tool has no form for it yet, so it is sent as typed.", path),
		Generic: true,
		check:   checkPlain(5000),
		encode:  encode,
	}
}

// sendsNothing is the encoder of fields that are not parameters: role
// placeholders (their person's fields are sent), account-link
// requirements, and paths that are not paths.
func sendsNothing(string, Context) []Param { return nil }
