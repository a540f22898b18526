package explore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"onboard/flows"
	"onboard/schema"
)

// Setup is one account shape to explore: country, business type,
// capabilities and service agreement.
type Setup struct {
	Country      string   `json:"country"`
	BusinessType string   `json:"business_type"`
	Capabilities []string `json:"capabilities"`
	Agreement    string   `json:"agreement"`
	// API is "v1" (default) or "v2".
	API string `json:"accounts_api,omitempty"`
}

// String writes a setup as ParseSetup reads it: FR,company,card_payments+transfers[,recipient].
func (s Setup) String() string {
	out := s.Country + "," + s.BusinessType + "," + strings.Join(s.Capabilities, "+")
	if s.Agreement != "" && s.Agreement != "full" {
		out += "," + s.Agreement
	}
	return out + flows.DialectNamed(s.API).Note()
}

// ParseSetup reads COUNTRY,BUSINESS_TYPE[,CAP+CAP][,AGREEMENT]; missing
// parts default to card_payments+transfers and the full agreement. Errors
// are worded in lang.
func ParseSetup(s string, lang schema.Lang) (Setup, error) {
	parts := strings.Split(strings.TrimSpace(s), ",")
	if len(parts) < 2 || len(parts) > 4 {
		return Setup{}, fmt.Errorf(schema.T("setup %q: write COUNTRY,BUSINESS_TYPE[,CAPABILITIES][,AGREEMENT], e.g. FR,company,card_payments+transfers").In(lang), s)
	}
	st := Setup{Country: strings.ToUpper(strings.TrimSpace(parts[0])), BusinessType: strings.TrimSpace(parts[1]),
		Capabilities: []string{"card_payments", "transfers"}, Agreement: "full"}
	if len(parts) > 2 && strings.TrimSpace(parts[2]) != "" {
		st.Capabilities = strings.Split(strings.TrimSpace(parts[2]), "+")
	}
	if len(parts) > 3 {
		st.Agreement = strings.TrimSpace(parts[3])
	}
	return st, st.Check(lang)
}

// Check refuses setups Stripe would refuse, before any request, saying why
// in lang: flows.CheckSetup, each choice named as a person says it.
func (s Setup) Check(lang schema.Lang) error {
	n := flows.NewAccount{Country: s.Country, BusinessType: s.BusinessType, Capabilities: s.Capabilities,
		Agreement: s.Agreement, API: s.API}
	for _, p := range flows.CheckSetup(n, lang) {
		if !p.Missing() { // an exploration's account is made with an email of its own
			return errors.New(p.In(lang, func(f flows.SetupField) string { return setupNames[f].In(lang) }))
		}
	}
	return nil
}

// setupNames name a setup's choices in an exploration's messages.
var setupNames = map[flows.SetupField]schema.Text{
	flows.SetupCountry:      schema.T("country"),
	flows.SetupBusinessType: schema.T("business type"),
	flows.SetupCapabilities: schema.T("capabilities"),
	flows.SetupAgreement:    schema.T("agreement"),
	flows.SetupAccountsAPI:  schema.T("accounts API"),
}

// Item is one requirement of a setup, described as the wizard would ask it.
type Item struct {
	Path string `json:"requirement"`
	// Field is the key of the field that answers it (several paths can
	// share one: a date of birth's three parts).
	Field string `json:"field"`
	Group string `json:"group"`
	Kind  string `json:"kind"`
	// Due is now (currently due), later (eventually due) or future.
	Due string `json:"due"`
	// Who provides it: account, representative, owner, director, executive
	// or person.
	Who   string      `json:"who"`
	Label schema.Text `json:"-"`
	Help  schema.Text `json:"-"`
	// Labels are the field's label and help in every language, for JSON
	// and the cache.
	Labels map[string]ItemText `json:"labels"`
	// Param is the v1 form parameter it is sent as.
	Param string `json:"param"`
	// V2Path is where it goes in an Accounts v2 request body.
	V2Path string `json:"v2_path"`
	// InB is, in a comparison, the same requirement as setup B names it,
	// when its label there differs (a French SIREN number is a German
	// commercial register number); nil otherwise.
	InB   *Item `json:"in_b,omitempty"`
	order int
}

// ItemText is a label and a help text in one language.
type ItemText struct {
	Label string `json:"label"`
	Help  string `json:"help"`
}

// Exploration is what Stripe asks for one setup, and when it was read.
type Exploration struct {
	Setup  Setup     `json:"setup"`
	ReadAt time.Time `json:"read_at"`
	Items  []Item    `json:"requirements"`
}

// Run creates a throwaway account for the setup, reads what Stripe
// asks, and deletes the account again, even when ctx is cancelled midway:
// the deletion runs on a context of its own.
func Run(ctx context.Context, c *flows.Client, s Setup) (Exploration, error) {
	if c.Live() {
		return Exploration{}, &flows.LiveError{Explore: true, Lang: c.Lang()}
	}
	if err := s.Check(c.Lang()); err != nil {
		return Exploration{}, err
	}
	a, err := c.Create(ctx, flows.NewAccount{Country: s.Country, BusinessType: s.BusinessType,
		Capabilities: s.Capabilities, Agreement: s.Agreement, API: s.API, Email: "explore@example.com"})
	if err != nil {
		return Exploration{}, err
	}
	defer func() {
		// context.WithoutCancel: an interrupt must not leave the account behind.
		del, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		_ = c.DeleteAccount(del, a.ID) // a throwaway account left behind costs nothing but a line in the list
	}()
	items := Describe(a)
	if withPeople, err := addPeople(ctx, c, a); err == nil {
		items = withPersonItems(items, withPeople)
	} // else the roles alone say "Add the representative": what was read stands
	return Exploration{Setup: s, ReadAt: c.Now().UTC(), Items: items}, nil
}

// withPersonItems adds to items what each person added by addPeople must
// then give, named by role as an answers file names them
// (representative.dob.day, owners.0.address.city), so explorations of
// different runs compare by path.
func withPersonItems(items []Item, a schema.Account) []Item {
	prefix := map[string]string{}
	for _, p := range a.Persons {
		if len(p.Roles) == 0 {
			continue
		}
		switch role := p.Roles[0]; role {
		case "representative":
			prefix[p.ID] = role
		default:
			prefix[p.ID] = role + "s.0"
		}
	}
	rename := func(paths []string) []string {
		var out []string
		for _, path := range paths {
			ref, leaf, ok := schema.ParsePersonPath(path)
			if pre, known := prefix[ref.ID]; ok && ref.ID != "" && known {
				out = append(out, pre+"."+leaf)
			}
		}
		return out
	}
	people := schema.Account{Country: a.Country, BusinessType: a.BusinessType}
	r := a.Requirements
	people.Requirements.PastDue = rename(r.PastDue)
	people.Requirements.CurrentlyDue = rename(r.CurrentlyDue)
	people.Requirements.EventuallyDue = rename(r.EventuallyDue)
	seen := map[string]bool{}
	for _, it := range items {
		seen[it.Path] = true
	}
	for _, it := range Describe(people) {
		if !seen[it.Path] {
			seen[it.Path] = true
			items = append(items, it)
		}
	}
	sortItems(items)
	return items
}

// addPeople adds to the throwaway account one person of each role Stripe
// asks for, with Stripe's test values for what adding them takes, so the
// exploration lists what each person must then give (date of birth,
// address, id document...) instead of only "Add the representative".
func addPeople(ctx context.Context, c *flows.Client, a schema.Account) (schema.Account, error) {
	j := c.Journey(a, flows.Strategy{Upfront: true})
	for _, st := range j.Plan() {
		if st.Person == nil || st.Person.Role == "" || st.Person.ID != "" {
			continue // not a new person of a role
		}
		sctx := c.Context(a)
		values := map[string]string{}
		for _, f := range st.Fields {
			v := schema.TestValue(f, sctx)
			switch {
			case f.Kind == schema.KindAcceptance || f.Kind == schema.KindYesNo:
				v = "true"
			case strings.HasSuffix(f.Key, "percent_ownership"):
				v = "25"
			}
			if v != "" {
				values[f.Key] = v
			}
		}
		res, err := c.Submit(ctx, a, st, values)
		if err != nil {
			return a, err
		}
		a = res.Account
	}
	return a, nil
}

// Describe lists an account's requirements as the wizard would ask them:
// now, later and future, in group order.
func Describe(a schema.Account) []Item {
	var items []Item
	seen := map[string]bool{}
	add := func(paths []string, due string) {
		for _, p := range paths {
			if seen[p] {
				continue
			}
			seen[p] = true
			f := schema.Lookup(p, a.Country)
			whom := who(f)
			// Every language's label is kept: a cached item has no
			// Label, and is drawn in the language of a later run.
			labels := map[string]ItemText{}
			for _, l := range schema.Langs {
				labels[string(l)] = ItemText{f.Label.In(l), f.Help.In(l)}
			}
			items = append(items, Item{
				Path: p, Field: f.Key, Group: f.Group.String(), Kind: kindName(f.Kind), Due: due, Who: whom,
				Label: f.Label, Help: f.Help, Param: paramOf(f, a), V2Path: v2PathOf(f, a),
				Labels: labels,
				order:  int(f.Group)*10000 + f.Order,
			})
		}
	}
	r := a.Requirements
	add(r.PastDue, "now")
	add(r.CurrentlyDue, "now")
	add(r.EventuallyDue, "later")
	add(a.Future.CurrentlyDue, "future")
	add(a.Future.EventuallyDue, "future")
	sortItems(items)
	return items
}

// sortItems orders items as the wizard asks them: by group, then by the
// catalog's order, then by path.
func sortItems(items []Item) {
	slices.SortStableFunc(items, func(x, y Item) int {
		if x.order != y.order {
			return x.order - y.order
		}
		return strings.Compare(x.Path, y.Path)
	})
}

// paramOf is the form parameter a field is first sent as (for display).
func paramOf(f schema.Field, a schema.Account) string {
	if f.Kind == schema.KindRole || f.Kind == schema.KindLink {
		return ""
	}
	ctx := schema.Context{Lang: schema.English, Country: a.Country, Currency: a.DefaultCurrency, Now: time.Unix(0, 0), IP: "0.0.0.0"}
	ps, err := f.Encode(sampleValue(f), ctx)
	if err != nil || len(ps) == 0 {
		return schema.Brackets(f.Key)
	}
	p := ps[len(ps)-1]
	switch p.Target {
	case schema.TargetBankToken:
		return "external_account (token of " + p.Key + ")"
	case schema.TargetPerson:
		return "persons: " + p.Key
	}
	return p.Key
}

// v2PathOf is where a field goes in an Accounts v2 body (for display):
// its sample encoding translated to v2, down to the first leaf.
func v2PathOf(f schema.Field, a schema.Account) string {
	if f.Kind == schema.KindRole || f.Kind == schema.KindLink {
		return ""
	}
	ctx := schema.Context{Lang: schema.English, Country: a.Country, Currency: a.DefaultCurrency, Now: time.Unix(0, 0), IP: "0.0.0.0"}
	ps, err := f.Encode(sampleValue(f), ctx)
	if err != nil || len(ps) == 0 {
		return ""
	}
	b := schema.ToV2(ps, a.Country)
	switch {
	case len(b.Account) > 0:
		return firstLeaf(b.Account, "")
	case len(b.Persons) > 0:
		for _, body := range b.Persons {
			return "persons: " + firstLeaf(body, "")
		}
	case len(b.Rest) > 0 && b.Rest[0].Target == schema.TargetBankToken:
		return "v1 external account (token)"
	case len(b.Rest) > 0:
		return "v1 file, then its id"
	}
	return ""
}

// firstLeaf walks a nested body to its first leaf, in key order.
func firstLeaf(m map[string]any, prefix string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		path := k
		if prefix != "" {
			path = prefix + "." + k
		}
		if sub, ok := m[k].(map[string]any); ok {
			if leaf := firstLeaf(sub, path); leaf != "" {
				return leaf
			}
			continue
		}
		return path
	}
	return prefix
}

// sampleValue is a value valid enough to learn a field's encoding.
func sampleValue(f schema.Field) string {
	switch f.Kind {
	case schema.KindDate:
		return "1901-01-01"
	case schema.KindAcceptance, schema.KindYesNo:
		return "true"
	case schema.KindSelect:
		if len(f.Options) > 0 {
			return f.Options[0].Value
		}
	}
	if f.Placeholder != "" {
		return f.Placeholder
	}
	return "x"
}

func who(f schema.Field) string {
	if f.Person == nil || f.Person.OnAccount() {
		if f.Kind == schema.KindRole {
			role, _ := strings.CutPrefix(f.Key, "relationship.")
			return role
		}
		return "account"
	}
	if f.Person.Role != "" {
		return f.Person.Role
	}
	return "person"
}

func kindName(k schema.Kind) string {
	switch k {
	case schema.KindText:
		return "text"
	case schema.KindLongText:
		return "long text"
	case schema.KindEmail:
		return "email"
	case schema.KindPhone:
		return "phone"
	case schema.KindURL:
		return "url"
	case schema.KindDate:
		return "date"
	case schema.KindSelect:
		return "select"
	case schema.KindYesNo:
		return "yes/no"
	case schema.KindSecret:
		return "secret"
	case schema.KindAcceptance:
		return "acceptance"
	case schema.KindFile:
		return "file"
	case schema.KindRole:
		return "person"
	case schema.KindLink:
		return "account link"
	}
	return "other"
}

// Comparison is what two setups ask: only in A, only in B, in both.
type Comparison struct {
	A     Setup  `json:"a"`
	B     Setup  `json:"b"`
	OnlyA []Item `json:"only_a"`
	OnlyB []Item `json:"only_b"`
	Both  []Item `json:"both"`
}

// Compare sets two explorations side by side, by requirement path.
func Compare(a, b Exploration) Comparison {
	inB := map[string]Item{}
	for _, it := range b.Items {
		inB[it.Path] = it
	}
	inA := map[string]bool{}
	out := Comparison{A: a.Setup, B: b.Setup, OnlyA: []Item{}, OnlyB: []Item{}, Both: []Item{}}
	for _, it := range a.Items {
		inA[it.Path] = true
		if other, ok := inB[it.Path]; ok {
			if labelDiffers(it, other) {
				other.InB = nil
				it.InB = &other
			}
			out.Both = append(out.Both, it)
		} else {
			out.OnlyA = append(out.OnlyA, it)
		}
	}
	for _, it := range b.Items {
		if !inA[it.Path] {
			out.OnlyB = append(out.OnlyB, it)
		}
	}
	return out
}

// labelDiffers reports a requirement both setups ask under another name
// in some language.
func labelDiffers(a, b Item) bool {
	for _, l := range schema.Langs {
		if a.labelIn(l) != b.labelIn(l) {
			return true
		}
	}
	return false
}

// labelIn is the item's label in lang, from its JSON form when it was
// read back from a cache (Label is not kept there).
func (it Item) labelIn(l schema.Lang) string {
	if t, ok := it.Labels[string(l)]; ok {
		return t.Label
	}
	return it.Label.In(l)
}

// MatrixRow is one requirement and, per setup, when it is asked ("" when
// it is not).
type MatrixRow struct {
	Path  string   `json:"requirement"`
	Group string   `json:"group"`
	Due   []string `json:"due"`
	order int
}

// Matrix lays out which setups ask for which requirement.
func Matrix(es []Exploration) []MatrixRow {
	rows := map[string]*MatrixRow{}
	for i, e := range es {
		for _, it := range e.Items {
			r, ok := rows[it.Path]
			if !ok {
				r = &MatrixRow{Path: it.Path, Group: it.Group, Due: make([]string, len(es)), order: it.order}
				rows[it.Path] = r
			}
			r.Due[i] = it.Due
		}
	}
	out := make([]MatrixRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(x, y MatrixRow) int {
		if x.order != y.order {
			return x.order - y.order
		}
		return strings.Compare(x.Path, y.Path)
	})
	return out
}

var whoTexts = map[string]schema.Text{
	"account":        schema.T("account"),
	"representative": schema.T("representative"),
	"owner":          schema.T("owner"),
	"director":       schema.T("director"),
	"executive":      schema.T("executive"),
	"person":         schema.T("person"),
}

// WhoLabel names who provides a requirement, in lang.
func WhoLabel(who string, lang schema.Lang) string {
	if t, ok := whoTexts[who]; ok {
		return t.In(lang)
	}
	return who
}
