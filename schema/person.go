package schema

import (
	"strconv"
	"strings"
)

// Roles a person can hold on a company account, as the Persons API names
// them in relationship[...].
const (
	RoleRepresentative = "representative"
	RoleOwner          = "owner"
	RoleDirector       = "director"
	RoleExecutive      = "executive"
)

// rolePrefixes maps the plural prefixes of requirement strings (owners.*)
// to roles; the representative is singular.
var rolePrefixes = map[string]string{
	"representative": RoleRepresentative,
	"owners":         RoleOwner,
	"directors":      RoleDirector,
	"executives":     RoleExecutive,
}

// RolePrefix is the prefix of a role's requirement strings and field keys.
func RolePrefix(role string) string {
	for p, r := range rolePrefixes {
		if r == role {
			return p
		}
	}
	return role
}

// PersonRef says whose field a field is.
type PersonRef struct {
	// Prefix is the field keys' prefix: "individual", "representative",
	// "owners.0", "person_abc".
	Prefix string
	// Role is set for role prefixes (representative, owners.N, ...).
	Role string
	// Index is the N of owners.N (0 for the first).
	Index int
	// ID is set for person_<id> prefixes.
	ID string
}

// OnAccount reports whether the person's fields are sent on the account
// itself (individual[...]) rather than to the Persons API.
func (p PersonRef) OnAccount() bool { return p.Prefix == "individual" }

// ParsePersonPath splits a requirement path or field key into the person it
// concerns and the leaf relative to that person:
//
//	individual.dob.day       -> individual, dob.day
//	representative.email     -> representative, email
//	owners.first_name        -> owners.0, first_name
//	owners.1.first_name      -> owners.1, first_name
//	person_abc.address.city  -> person_abc, address.city
//	person.person_abc.email  -> person_abc, email (Stripe's walkthrough form)
func ParsePersonPath(path string) (PersonRef, string, bool) {
	path = strings.TrimPrefix(path, "person.")
	if rest, ok := strings.CutPrefix(path, "relationship.account_opener."); ok && rest != "" {
		// The legacy name of the representative.
		return PersonRef{Prefix: "representative", Role: RoleRepresentative}, rest, true
	}
	head, rest, ok := strings.Cut(path, ".")
	if !ok || rest == "" {
		return PersonRef{}, "", false
	}
	switch {
	case head == "individual":
		return PersonRef{Prefix: head}, rest, true
	case head == "representative":
		return PersonRef{Prefix: "representative", Role: RoleRepresentative}, rest, true
	case strings.HasPrefix(head, "person_") && len(head) > len("person_"):
		return PersonRef{Prefix: head, ID: head}, rest, true
	}
	role, ok := rolePrefixes[head]
	if !ok {
		return PersonRef{}, "", false
	}
	idx := 0
	if n, tail, ok := strings.Cut(rest, "."); ok && isDigits(n) {
		idx, _ = strconv.Atoi(n)
		rest = tail
	}
	if rest == "" || isDigits(rest) || idx > 99 {
		return PersonRef{}, "", false
	}
	return PersonRef{Prefix: head + "." + strconv.Itoa(idx), Role: role, Index: idx}, rest, true
}

// placeholderRole recognises role placeholders: relationship.owner means
// "a person with this role must exist" (Stripe lists it until one does).
func placeholderRole(path string) (string, bool) {
	r, ok := strings.CutPrefix(path, "relationship.")
	if !ok {
		return "", false
	}
	switch r {
	case RoleRepresentative, RoleOwner, RoleDirector, RoleExecutive:
		return r, true
	case "account_opener":
		return RoleRepresentative, true
	}
	return "", false
}

// roleMinimum is what is asked to add a person for a role placeholder:
// enough to create the person; Stripe then lists the rest as
// person_<id>.* requirements.
var roleMinimum = map[string][]string{
	RoleRepresentative: {"first_name", "last_name", "email", "relationship.title"},
	RoleOwner:          {"first_name", "last_name", "email", "relationship.percent_ownership"},
	RoleDirector:       {"first_name", "last_name"},
	RoleExecutive:      {"first_name", "last_name", "email", "relationship.title"},
}

// RoleFields returns the fields that add the first person of a role.
func RoleFields(role, country string) []Field {
	var out []Field
	for _, leaf := range roleMinimum[role] {
		out = append(out, Lookup(RolePrefix(role)+"."+leaf, country))
	}
	return out
}
