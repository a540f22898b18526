package schema

import (
	"errors"
	"strings"
	"time"
)

// Kind is how a field is entered.
type Kind int

// Input kinds. The TUI maps each to a huh field; the scripted path reads
// each from an answers file.
const (
	KindText Kind = iota
	KindLongText
	KindEmail
	KindPhone
	KindURL
	KindDate
	KindSelect
	KindYesNo
	KindSecret
	KindAcceptance
	KindFile
	// KindRole is a role placeholder (relationship.owner): a person with
	// the role must be added. FieldsFor expands it into that person's fields.
	KindRole
	// KindLink is a requirement the API cannot satisfy (risk reviews,
	// proof of liveness): the wizard offers an account link instead.
	KindLink
)

// Group is a step of the wizard: fields of one group are asked and
// submitted together.
type Group int

// The wizard's groups, in the order they are asked.
const (
	GroupBusinessProfile Group = iota
	GroupIdentity
	GroupAddress
	GroupCompany
	GroupPeople
	GroupBankAccount
	GroupDocuments
	GroupTerms
	GroupOther
)

// Groups lists every group in asking order.
var Groups = []Group{
	GroupBusinessProfile, GroupIdentity, GroupAddress, GroupCompany, GroupPeople,
	GroupBankAccount, GroupDocuments, GroupTerms, GroupOther,
}

var groupTitles = map[Group]Text{
	GroupBusinessProfile: T("Business profile"),
	GroupIdentity:        T("Identity"),
	GroupAddress:         T("Address"),
	GroupCompany:         T("Company"),
	GroupPeople:          T("People"),
	GroupBankAccount:     T("Bank account"),
	GroupDocuments:       T("Documents"),
	GroupTerms:           T("Terms of service"),
	GroupOther:           T("Other information"),
}

// Title is the group's heading in lang.
func (g Group) Title(lang Lang) string { return groupTitles[g].In(lang) }

// String is the group's English name, for logs and JSON.
func (g Group) String() string { return groupTitles[g].EN }

// Target is where an encoded parameter is sent.
type Target int

// Targets of encoded parameters.
const (
	// TargetAccount is POST /v1/accounts/{id}.
	TargetAccount Target = iota
	// TargetBankToken is POST /v1/tokens (bank_account[...]); the token is
	// then attached to the account as external_account.
	TargetBankToken
	// TargetPerson is the Persons API: POST /v1/accounts/{id}/persons (to
	// add the person of a role) or .../persons/{person} (to update one).
	// Param.Person says which person.
	TargetPerson
	// TargetFile is a file reference: Value is a path to upload (POST
	// /v1/files with Param.Purpose) or a file id / Stripe test file token,
	// then sent under Key to the field's own target.
	TargetFile
)

// Param is one form parameter, in Stripe's bracket notation.
type Param struct {
	Target Target
	Key    string
	Value  string
	// Person is the person prefix (representative, owners.0, person_abc)
	// for TargetPerson, and for TargetFile when the file is a person's.
	Person string
	// Purpose is the Files API purpose for TargetFile.
	Purpose string
}

// Option is one choice of a select field.
type Option struct {
	Value string
	Label Text
}

// Context is what validation and encoding depend on besides the value.
type Context struct {
	Lang      Lang
	Country   string // ISO 3166-1 alpha-2, upper case
	Currency  string // ISO 4217, lower case
	Now       time.Time
	IP        string // the accepting user's address, for terms of service
	UserAgent string
}

// Field is one question of the wizard: it answers one or more requirement
// paths, has a label and help in every language, checks its value and
// knows how to encode it.
type Field struct {
	// Key names the field; values are keyed by it. It is the requirement
	// path, or the parent of the paths it answers (individual.dob answers
	// individual.dob.day, .month and .year).
	Key string
	// Covers lists the requirement paths the field answers.
	Covers      []string
	Group       Group
	Order       int
	Kind        Kind
	Label       Text
	Help        Text
	Placeholder string
	Sensitive   bool
	Optional    bool
	Options     []Option
	// Generic is true for a path the catalog does not know: it is asked as
	// plain text and encoded from its path.
	Generic bool
	// Person says whose field this is; nil for the account's own fields.
	Person *PersonRef
	// param is the dotted parameter path when it differs from Key (a
	// person's fields are sent without their prefix).
	param  string
	check  func(v string, c Context) error
	encode func(v string, c Context) []Param
}

// ErrRequired is returned by Validate for an empty required value.
var ErrRequired = errors.New("required")

// Problem is a validation failure, worded in the operator's language.
type Problem struct {
	Field   string
	Message string
}

func (p *Problem) Error() string { return p.Message }

// Validate checks v. The error, if any, is a *Problem whose message says
// what is wrong and what a right value looks like, in c.Lang.
func (f Field) Validate(v string, c Context) error {
	v = strings.TrimSpace(v)
	if v == "" {
		if f.Optional {
			return nil
		}
		if f.Kind == KindAcceptance {
			// Terms left on "Not now" are unanswered, not missing: say
			// what unblocks the step rather than "required" under a
			// choice the screen shows as made.
			return &Problem{Field: f.Key, Message: msgAcceptance.In(c.Lang)}
		}
		return &Problem{Field: f.Key, Message: msgRequired.In(c.Lang)}
	}
	if err := checkText(v, f.Kind == KindLongText, c); err != nil {
		return &Problem{Field: f.Key, Message: err.Error()}
	}
	if f.Kind == KindSelect && len(f.Options) > 0 && f.check == nil {
		for _, o := range f.Options {
			if o.Value == v {
				return nil
			}
		}
		return &Problem{Field: f.Key, Message: msgNotAnOption.In(c.Lang)}
	}
	if f.check == nil {
		return nil
	}
	if err := f.check(v, c); err != nil {
		return &Problem{Field: f.Key, Message: err.Error()}
	}
	return nil
}

// Check is Validate for use as a huh validator: it lets an empty value
// through (required values are checked at submit, so the operator can move
// back and forth in a form without being trapped by an empty field).
func (f Field) Check(c Context) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		return f.Validate(v, c)
	}
}

// Encode validates v and turns it into form parameters. An empty optional
// value encodes to nothing.
func (f Field) Encode(v string, c Context) ([]Param, error) {
	if err := f.Validate(v, c); err != nil {
		return nil, err
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	var ps []Param
	if f.encode != nil {
		ps = f.encode(v, c)
	} else {
		path := f.param
		if path == "" {
			path = f.Key
		}
		ps = []Param{{Target: TargetAccount, Key: Brackets(path), Value: v}}
	}
	if f.Person != nil && !f.Person.OnAccount() {
		for i := range ps {
			ps[i].Person = f.Person.Prefix
			if ps[i].Target == TargetAccount {
				ps[i].Target = TargetPerson
			}
		}
	}
	return ps, nil
}

// Mask shows a sensitive value with all but its last two characters hidden,
// and any other value as it is.
func (f Field) Mask(v string) string {
	if !f.Sensitive || v == "" {
		return v
	}
	r := []rune(v)
	keep := 0
	if len(r) > 6 {
		keep = 2
	}
	return strings.Repeat("•", len(r)-keep) + string(r[len(r)-keep:])
}

// Brackets turns a dotted path into Stripe's form notation:
// individual.dob.day -> individual[dob][day].
func Brackets(path string) string {
	parts := strings.Split(path, ".")
	if len(parts) == 1 {
		return path
	}
	return parts[0] + "[" + strings.Join(parts[1:], "][") + "]"
}

// Dots turns Stripe's form notation back into a dotted path:
// individual[dob][day] -> individual.dob.day. Array indexes are dropped
// (documents[x][files][0] -> documents.x.files).
func Dots(param string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(param, func(r rune) bool { return r == '[' || r == ']' }) {
		if p == "" || isDigits(p) {
			continue
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// AnswersLastFour makes a full US SSN field answer the SSN's last four
// digits too: it covers last4's paths and sends the last four digits of
// the number typed with it, so the operator types one number and the two
// can never disagree (last 4 "1234" with SSN "000000000" would otherwise
// be sent as it was).
func AnswersLastFour(full, last4 Field) Field {
	enc, lastEnc := full.encode, last4.encode
	full.Covers = append(append([]string(nil), full.Covers...), last4.Covers...)
	full.encode = func(v string, c Context) []Param {
		var ps []Param
		if enc != nil {
			ps = enc(v, c)
		}
		if d := Digits(v); len(d) >= 4 && lastEnc != nil {
			ps = append(ps, lastEnc(d[len(d)-4:], c)...)
		}
		return ps
	}
	return full
}
