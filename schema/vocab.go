package schema

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:generate go run ../internal/genvocab -o vocab_gen.go

// Stripe's vocabulary: every writable onboarding parameter Stripe
// documents, generated from Stripe's OpenAPI spec (v1 accounts, persons,
// account/person/bank account tokens, external accounts) and from
// stripe-go's request types (Accounts v2). The catalog is an overlay on
// it: a path the catalog has no form for but Stripe accepts gets a plain,
// correctly typed field (yes/no, a choice of Stripe's values, a number, a
// date, text within Stripe's length), not a blind text box; a path Stripe
// does not accept is unknown. See https://docs.stripe.com/api/accounts/create
// and https://docs.stripe.com/api/persons/create.

// vocabType is a parameter's type in Stripe's spec.
type vocabType uint8

const (
	vString   vocabType = iota
	vInteger            // a whole number
	vBoolean            // true or false
	vNumber             // a decimal number
	vList               // a list of values (param[0], param[1])
	vMap                // free keys (metadata[key])
	vUnixTime           // seconds since 1970 (tos_acceptance[date])
	vDateTime           // an RFC 3339 time (v2)
)

// vocabObject is the namespace a parameter's path lives in.
type vocabObject uint8

const (
	objAccount   vocabObject = iota // POST /v1/accounts: individual.first_name_kana
	objPerson                       // POST /v1/accounts/{id}/persons: first_name_kana
	objBank                         // bank_account[...] of a token or an external account
	objV2Account                    // POST /v2/core/accounts: identity.individual.given_name
	objV2Person                     // POST /v2/core/accounts/{id}/persons: given_name
)

// vocabEndpoints are the requests a parameter is documented for.
type vocabEndpoints uint16

const (
	inAccountCreate vocabEndpoints = 1 << iota
	inAccountUpdate
	inAccountToken
	inPersonCreate
	inPersonUpdate
	inPersonToken
	inBankToken
	inExternalAccount
	inV2AccountCreate
	inV2AccountUpdate
	inV2PersonCreate
	inV2PersonUpdate
)

// vocabParam is one documented parameter.
type vocabParam struct {
	obj    vocabObject
	path   string // dotted: individual.address_kanji.line1
	typ    vocabType
	enum   []string
	maxLen int
	in     vocabEndpoints
}

// vocabIndex is built the first time a parameter is looked up, not when
// the program starts (--help never needs it).
var vocabIndex = sync.OnceValue(func() map[vocabObject]map[string]vocabParam {
	m := map[vocabObject]map[string]vocabParam{}
	for _, p := range stripeVocab {
		if m[p.obj] == nil {
			m[p.obj] = map[string]vocabParam{}
		}
		m[p.obj][p.path] = p
	}
	return m
})

// stripeParam finds path in Stripe's vocabulary of obj. A key under a
// free-form map (metadata.order_id) is the map's parameter.
func stripeParam(obj vocabObject, path string) (vocabParam, bool) {
	idx := vocabIndex()[obj]
	if p, ok := idx[path]; ok {
		return p, true
	}
	for i := strings.LastIndexByte(path, '.'); i > 0; i = strings.LastIndexByte(path[:i], '.') {
		if p, ok := idx[path[:i]]; ok && p.typ == vMap {
			return p, true
		}
	}
	return vocabParam{}, false
}

// VocabCount is the number of parameters Stripe documents for obj
// ("account", "person", "bank_account", "v2_account", "v2_person").
func VocabCount(obj string) int {
	o, ok := map[string]vocabObject{"account": objAccount, "person": objPerson, "bank_account": objBank,
		"v2_account": objV2Account, "v2_person": objV2Person}[obj]
	if !ok {
		return 0
	}
	return len(vocabIndex()[o])
}

// VocabPaths lists the v1 parameters Stripe documents as answers-file
// keys: account paths as they are, a person's under personPrefix
// (representative.first_name_kana), a bank account's under
// external_account.
func VocabPaths(personPrefix string) []string {
	var out []string
	for _, p := range stripeVocab {
		switch p.obj {
		case objAccount:
			if p.in&(inAccountCreate|inAccountUpdate) != 0 {
				out = append(out, p.path)
			}
		case objPerson:
			out = append(out, personPrefix+"."+p.path)
		case objBank:
			out = append(out, "external_account."+p.path)
		}
	}
	return out
}

// vocabField is the plain field for a path Stripe documents and the
// catalog has no form for.
func vocabField(path, country string) (Field, bool) {
	if leaf, ok := strings.CutPrefix(path, "external_account."); ok {
		p, ok := stripeParam(objBank, leaf)
		if !ok {
			return Field{}, false
		}
		f := plainField(path, p, GroupBankAccount)
		f.encode = func(v string, c Context) []Param {
			ps := bankContext(c)
			for _, q := range typedParams("bank_account."+leaf, p, v) {
				q.Target = TargetBankToken
				ps = append(ps, q)
			}
			return ps
		}
		return f, true
	}
	if ref, leaf, ok := ParsePersonPath(path); ok {
		p, found := vocabParam{}, false
		if ref.OnAccount() {
			p, found = stripeParam(objAccount, ref.Prefix+"."+leaf)
		}
		if !found {
			p, found = stripeParam(objPerson, leaf)
		}
		if !found {
			return Field{}, false
		}
		group := GroupPeople
		if ref.OnAccount() {
			group = GroupIdentity
		}
		s := spec{leaf: leaf, field: func(base, _ string) Field {
			f := plainField(under(base, leaf), p, group)
			param := under(base, leaf)
			f.encode = func(v string, _ Context) []Param { return typedParams(param, p, v) }
			return f
		}}
		f := bind(s, ref, country)
		if !slices.Contains(f.Covers, path) {
			f.Covers = append(f.Covers, path)
		}
		return f, true
	}
	p, ok := stripeParam(objAccount, path)
	if !ok || p.in&(inAccountCreate|inAccountUpdate) == 0 {
		return Field{}, false
	}
	group := GroupOther
	switch head, _, _ := strings.Cut(path, "."); head {
	case "business_profile":
		group = GroupBusinessProfile
	case "company":
		group = GroupCompany
	case "documents":
		group = GroupDocuments
	}
	f := plainField(path, p, group)
	f.encode = func(v string, _ Context) []Param { return typedParams(path, p, v) }
	return f, true
}

// plainField is a field typed as Stripe types the parameter.
func plainField(path string, p vocabParam, g Group) Field {
	label := strings.ReplaceAll(path, "_", " ")
	f := Field{Key: path, Covers: []string{path}, Group: g, Order: 900, Kind: KindText,
		Label: Verbatim(label),
		Help:  Tf("Stripe's parameter %s; onboard has no dedicated form for it, so it is checked only as Stripe types it.", path)}
	leaf := path[strings.LastIndexByte(path, '.')+1:]
	for _, s := range []string{"id_number", "ssn", "account_number", "tax_id", "vat_id"} {
		if strings.Contains(leaf, s) {
			f.Kind, f.Sensitive = KindSecret, true
		}
	}
	max := p.maxLen
	if max == 0 {
		max = 5000
	}
	switch {
	case len(p.enum) > 0 && p.typ == vString:
		f.Kind = KindSelect
		for _, e := range p.enum {
			f.Options = append(f.Options, Option{Value: e, Label: Verbatim(e)})
		}
		f.check = func(v string, c Context) error {
			if !slices.Contains(p.enum, strings.TrimSpace(v)) {
				return fail(c.Lang, T("One of: %s."), strings.Join(p.enum, ", "))
			}
			return nil
		}
	case p.typ == vBoolean:
		f.Kind, f.check = KindYesNo, checkBool
	case p.typ == vInteger:
		f.check = func(v string, c Context) error {
			if _, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
				return fail(c.Lang, T("Enter a whole number."))
			}
			return nil
		}
	case p.typ == vNumber:
		f.check = func(v string, c Context) error {
			if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
				return fail(c.Lang, T("Enter a number."))
			}
			return nil
		}
	case p.typ == vUnixTime:
		f.Kind = KindDate
		f.check = func(v string, c Context) error {
			if _, ok := unixTime(v); !ok {
				return fail(c.Lang, T("Enter a date as YYYY-MM-DD."))
			}
			return nil
		}
	case p.typ == vList:
		f.Help = Tf("%s Separate several values with commas.", f.Help)
		f.check = func(v string, c Context) error {
			for _, e := range strings.Split(v, ",") {
				e = strings.TrimSpace(e)
				if len(p.enum) > 0 && !slices.Contains(p.enum, e) {
					return fail(c.Lang, T("Each one of: %s."), strings.Join(p.enum, ", "))
				}
				if err := checkPlain(max)(e, c); err != nil {
					return err
				}
			}
			return nil
		}
	default:
		f.check = checkPlain(max)
	}
	return f
}

// typedParams encodes v under path as Stripe types the parameter.
func typedParams(path string, p vocabParam, v string) []Param {
	v = strings.TrimSpace(v)
	switch p.typ {
	case vBoolean:
		b, _ := parseYesNo(v)
		return []Param{{Key: Brackets(path), Value: strconv.FormatBool(b)}}
	case vUnixTime:
		t, _ := unixTime(v)
		return []Param{{Key: Brackets(path), Value: strconv.FormatInt(t, 10)}}
	case vList:
		var ps []Param
		for _, e := range strings.Split(v, ",") {
			if e = strings.TrimSpace(e); e != "" {
				ps = append(ps, Param{Key: Brackets(path) + "[" + strconv.Itoa(len(ps)) + "]", Value: e})
			}
		}
		return ps
	}
	return []Param{{Key: Brackets(path), Value: v}}
}

// unixTime reads a date (YYYY-MM-DD, midnight UTC) or Unix seconds.
func unixTime(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		return n, true
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return 0, false
	}
	return t.Unix(), true
}
