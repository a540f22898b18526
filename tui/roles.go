package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// One person may hold several roles (a representative who is also a
// director is added once). Roles are chosen as checkboxes
// when a person is added, and changed later from the people screen.

// roleOrder is the order roles are offered in; the first one chosen is
// the role the person is created under (their key prefix: owners.1).
var roleOrder = []string{schema.RoleRepresentative, schema.RoleOwner, schema.RoleDirector, schema.RoleExecutive}

// rolesForm asks which roles a person holds, p's current ones ticked. A
// company has one representative: the role is offered only while nobody
// else holds it.
func rolesForm(c Common, a schema.Account, p schema.Person, roles *[]string, title string) *huh.Form {
	var opts []huh.Option[string]
	for _, r := range roleOrder {
		if r == schema.RoleRepresentative && !p.HasRole(r) &&
			slices.ContainsFunc(a.Persons, func(o schema.Person) bool { return o.HasRole(r) }) {
			continue
		}
		opts = append(opts, huh.NewOption(roleLabels[r].In(c.Lang), r).Selected(slices.Contains(*roles, r)))
	}
	return newForm(c, huh.NewGroup(huh.NewMultiSelect[string]().Key("roles").
		Title(title).Description(txtRolesHelp.In(c.Lang)).
		Options(opts...).Value(roles).
		Validate(func(rs []string) error {
			if len(rs) == 0 {
				return errors.New(txtRolesNone.In(c.Lang))
			}
			return nil
		})))
}

// ordered returns roles in roleOrder.
func ordered(roles []string) []string {
	var out []string
	for _, r := range roleOrder {
		if slices.Contains(roles, r) {
			out = append(out, r)
		}
	}
	return out
}

// addPersonStep is the step that creates one person holding roles: the
// minimum fields of every role, once each, under the next free index of
// the first role (owners.N where N persons already hold it). The other
// roles travel as relationship flags, returned as values set for the
// operator (they were ticked, there is nothing to type). It answers no
// requirement path by itself.
func addPersonStep(a schema.Account, roles []string) (flows.Step, map[string]string) {
	roles = ordered(roles)
	if len(roles) == 0 {
		roles = []string{schema.RoleOwner}
	}
	primary := roles[0]
	n := 0
	for _, p := range a.Persons {
		if p.HasRole(primary) {
			n++
		}
	}
	ref := schema.PersonRef{Prefix: schema.RolePrefix(primary), Role: primary}
	if primary != schema.RoleRepresentative {
		ref.Prefix, ref.Index = fmt.Sprintf("%s.%d", schema.RolePrefix(primary), n), n
	}
	var fields []schema.Field
	seen := map[string]bool{}
	for _, role := range roles {
		for _, f := range schema.RoleFields(role, a.Country) {
			leaf := f.Key
			if f.Person != nil {
				leaf = strings.TrimPrefix(f.Key, f.Person.Prefix+".")
			}
			if !seen[leaf] {
				seen[leaf] = true
				fields = append(fields, schema.Lookup(ref.Prefix+"."+leaf, a.Country))
			}
		}
	}
	flags := map[string]string{}
	for _, role := range roles[1:] {
		f := schema.Lookup(ref.Prefix+".relationship."+role, a.Country)
		fields = append(fields, f)
		flags[f.Key] = "true"
	}
	return flows.Step{Group: schema.GroupPeople, Person: &ref, Fields: fields, Due: schema.FutureDue}, flags
}

// editRolesStep is the step that changes person p's roles to roles: a
// flag for each role that changes, and what a new role needs that p has
// not given (an owner's share, an executive's title).
func editRolesStep(a schema.Account, p schema.Person, roles []string) (flows.Step, map[string]string) {
	ref, _, _ := schema.ParsePersonPath(p.ID + ".x")
	flags := map[string]string{}
	var fields []schema.Field
	for _, role := range roleOrder {
		want := slices.Contains(roles, role)
		if want == p.HasRole(role) {
			continue
		}
		f := schema.Lookup(p.ID+".relationship."+role, a.Country)
		fields = append(fields, f)
		flags[f.Key] = fmt.Sprint(want)
		switch {
		case want && role == schema.RoleOwner && p.PercentOwnership == 0:
			fields = append(fields, schema.Lookup(p.ID+".relationship.percent_ownership", a.Country))
		case want && (role == schema.RoleExecutive || role == schema.RoleRepresentative) && p.Title == "":
			fields = append(fields, schema.Lookup(p.ID+".relationship.title", a.Country))
		}
	}
	return flows.Step{Group: schema.GroupPeople, Person: &ref, Fields: fields, Due: schema.FutureDue}, flags
}

// openRolesStep shows (or, with nothing to type, sends at once) a step
// whose role flags are set for the operator.
func (m *session) openRolesStep(st flows.Step, flags map[string]string) tea.Cmd {
	m.plan.hidden = map[string]bool{}
	for k, v := range flags {
		m.plan.values[k] = v
		m.plan.hidden[k] = true
	}
	if len(st.Fields) == len(flags) {
		m.plan.step, m.plan.fromPeople = st, true
		return m.startSubmit()
	}
	return m.openPersonStep(st)
}

// alsoSuffix keys the other roles ticked on a step that creates a person
// under one role (the Representative step); its value lists them,
// comma-separated. It is never sent as such: startSubmit turns it into
// relationship flags.
const alsoSuffix = ".#also"

// listAccessor binds a multi-select to one key of the value map, as a
// comma-separated list.
type listAccessor struct {
	m   map[string]string
	key string
}

func (a listAccessor) Get() []string {
	if a.m[a.key] == "" {
		return nil
	}
	return strings.Split(a.m[a.key], ",")
}

func (a listAccessor) Set(v []string) { a.m[a.key] = strings.Join(v, ",") }

// alsoRoles are the roles a person created under st's role may also be
// ticked for: the others, less a representative when the company has one
// and those the step asks itself (a US representative's executive flag).
func alsoRoles(a schema.Account, st flows.Step) []string {
	if st.Person == nil || st.Person.Role == "" || st.Person.ID != "" {
		return nil
	}
	if _, exists := a.PersonFor(*st.Person); exists {
		return nil // the step updates someone already there
	}
	var out []string
	for _, r := range roleOrder {
		if r == st.Person.Role || (r == schema.RoleRepresentative &&
			slices.ContainsFunc(a.Persons, func(p schema.Person) bool { return p.HasRole(r) })) {
			continue
		}
		if slices.ContainsFunc(st.Fields, func(f schema.Field) bool { return strings.HasSuffix(f.Key, ".relationship."+r) }) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// alsoField asks which other roles the new person holds.
func alsoField(c Common, a schema.Account, st flows.Step, values map[string]string) huh.Field {
	var opts []huh.Option[string]
	for _, r := range alsoRoles(a, st) {
		opts = append(opts, huh.NewOption(roleLabels[r].In(c.Lang), r))
	}
	key := st.Person.Prefix + alsoSuffix
	return huh.NewMultiSelect[string]().Key(key).Title(txtAlsoTitle.In(c.Lang)).
		Description(txtAlsoHelp.In(c.Lang)).Options(opts...).
		Accessor(listAccessor{values, key})
}

// withRoleFlags adds to st the relationship flags of the other roles
// ticked for the person it creates, set to true in values.
func withRoleFlags(a schema.Account, st flows.Step, values map[string]string) flows.Step {
	if st.Person == nil {
		return st
	}
	also := listAccessor{values, st.Person.Prefix + alsoSuffix}.Get()
	if len(also) == 0 || len(alsoRoles(a, st)) == 0 {
		return st
	}
	st.Fields = slices.Clone(st.Fields)
	for _, r := range ordered(also) {
		f := schema.Lookup(st.Person.Prefix+".relationship."+r, a.Country)
		st.Fields = append(st.Fields, f)
		values[f.Key] = "true"
	}
	return st
}
