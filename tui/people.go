package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// The people screen lists a company's persons and lets the operator add
// one or answer what Stripe still asks of one. Adding and answering are
// ordinary wizard steps (the same form, submit and error handling), so
// this file only picks the step; the wizard returns here after the submit.
//
// Picking a person offers to answer what is due for them or to remove
// them (after a confirmation: Stripe then asks for the role again).

// peopleStage is where the people screen is.
type peopleStage int

const (
	peopleList      peopleStage = iota // the persons and the "add" action
	peopleRole                         // which roles the new person holds
	peopleEditRoles                    // which roles the person picked holds
	peopleAction                       // what to do with the person picked
	peopleConfirm                      // are you sure you want to remove them
)

// Actions on a picked person.
const (
	actionAnswer = "answer"
	actionRemove = "remove"
	actionBack   = "back"
	actionRoles  = "roles"
)

// peopleAdd is the list option that adds a person; person ids never
// collide with it (they start with person_).
const peopleAdd = "+add"

// peopleValues are what the people screen's forms write to.
type peopleValues struct {
	stage   peopleStage
	pick    string
	roles   []string
	action  string
	confirm bool
}

// peopleEnabled reports whether the account has people to manage: every
// business type but individuals (whose person is the account itself).
func peopleEnabled(a schema.Account) bool {
	return a.ID != "" && a.BusinessType != "" && a.BusinessType != "individual"
}

// toPeople opens the people list: the one on the stack (anything over it
// popped), or a new one over the current screen. Leaving it (esc) replans
// from the current snapshot, so persons added meanwhile are asked for next.
func (m *session) toPeople() tea.Cmd {
	if cmd, ok := m.popTo(screenPeople); ok {
		return cmd
	}
	return m.push(&peopleScreen{formScreen: formScreen{session: m}})
}

// peopleScreen is a company's persons, and what can be done with one.
type peopleScreen struct {
	formScreen
	v     peopleValues // what its forms write to
	width int          // the list's columns were fitted to it
}

func (p *peopleScreen) ID() screenID             { return screenPeople }
func (p *peopleScreen) Title() string            { return "" }
func (p *peopleScreen) ShortHelp() []key.Binding { return p.formHelp(true) }
func (p *peopleScreen) showsNotice() bool        { return true }

// SetSize fits the list's columns to a new width.
func (p *peopleScreen) SetSize(w, _ int) tea.Cmd {
	if p.v.stage == peopleList && p.form != nil && w != p.width {
		p.width = w
		p.form = peopleForm(p.c, p.account, &p.v.pick)
		return tea.Batch(p.form.Init(), p.resizeForm())
	}
	return p.resizeForm()
}

func (p *peopleScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := p.formUpdate(msg)
	if !done {
		return p, cmd
	}
	return p, p.peopleDone()
}

// back is esc: from a person's question back to the list, and from the
// list to the plan, replanned (persons added here may have new fields
// due).
func (p *peopleScreen) back() tea.Cmd {
	if p.v.stage != peopleList {
		return p.Init()
	}
	p.gen++
	return p.nextStep()
}

// Init shows the list.
func (p *peopleScreen) Init() tea.Cmd {
	m := p
	p.width = m.c.Width
	m.gen++ // drop results meant for the screen we leave (summary refreshes)
	m.plan.fromPeople = false
	m.plan.notice = ""
	m.v.stage = peopleList
	// Start on the first row: huh scrolls a select preset to a later
	// option so that the rows above it are hidden.
	m.v.pick = ""
	m.form = peopleForm(m.c, m.account, &m.v.pick)
	return tea.Batch(m.form.Init(), m.resizeForm())
}

// peopleDone acts on a completed people form: open a person's step, ask
// for the new person's role, or open the new person's form.
func (m *peopleScreen) peopleDone() tea.Cmd {
	switch m.v.stage {
	case peopleRole:
		return m.openRolesStep(addPersonStep(m.account, m.v.roles))
	case peopleEditRoles:
		p, _ := m.account.PersonFor(schema.PersonRef{ID: m.v.pick})
		st, flags := editRolesStep(m.account, p, m.v.roles)
		if len(st.Fields) == 0 {
			return m.toPeople()
		}
		return m.openRolesStep(st, flags)
	case peopleAction:
		return m.personAction()
	case peopleConfirm:
		if !m.v.confirm {
			return m.toPeople()
		}
		return m.startRemove(m.v.pick)
	}
	if m.v.pick == peopleAdd {
		m.v.stage = peopleRole
		m.v.roles = nil
		m.form = rolesForm(m.c, m.account, schema.Person{}, &m.v.roles, txtAddPerson.In(m.c.Lang))
		return tea.Batch(m.form.Init(), m.resizeForm())
	}
	p, ok := m.account.PersonFor(schema.PersonRef{ID: m.v.pick})
	if ok {
		m.v.stage, m.v.action = peopleAction, actionAnswer
		m.form = actionForm(m.c, p, &m.v.action)
		return tea.Batch(m.form.Init(), m.resizeForm())
	}
	return m.toPeople()
}

// personAction does what was chosen for the picked person.
func (m *peopleScreen) personAction() tea.Cmd {
	p, ok := m.account.PersonFor(schema.PersonRef{ID: m.v.pick})
	switch {
	case !ok || m.v.action == actionBack:
		return m.toPeople()
	case m.v.action == actionRoles:
		m.v.stage, m.v.roles = peopleEditRoles, slices.Clone(p.Roles)
		m.form = rolesForm(m.c, m.account, p, &m.v.roles, fmt.Sprintf(txtRolesOf.In(m.c.Lang), personName(p)))
		return tea.Batch(m.form.Init(), m.resizeForm())
	case m.v.action == actionRemove:
		m.v.stage, m.v.confirm = peopleConfirm, false
		m.form = newForm(m.c, huh.NewGroup(huh.NewConfirm().Key("confirm").
			Title(fmt.Sprintf(txtRemoveConfirm.In(m.c.Lang), personName(p))).
			Description(txtRemoveHelp.In(m.c.Lang)).
			Affirmative(txtRemoveYes.In(m.c.Lang)).Negative(txtRemoveNo.In(m.c.Lang)).
			Value(&m.v.confirm)))
		return tea.Batch(m.form.Init(), m.resizeForm())
	}
	m.plan.hidden = nil // role flags set for an earlier step
	steps := personSteps(m.account, m.plan.strategy, m.v.pick, m.c.Lang)
	if len(steps) == 0 {
		name := m.v.pick
		if ok {
			name = personName(p)
		}
		cmd := m.toPeople()
		m.plan.notice, m.plan.warn = fmt.Sprintf(txtPersonNothing.In(m.c.Lang), name), false
		return cmd
	}
	return m.openPersonStep(steps[0])
}

// openPersonStep shows one person step in the wizard; after its submit the
// wizard comes back to the people list.
func (m *session) openPersonStep(st flows.Step) tea.Cmd {
	m.plan.step, m.plan.fromPeople = st, true
	m.plan.problems, _ = placeProblems(st, st.Problems, m.account.Country, m.c.Lang)
	return m.showStep()
}

// personSteps plans the steps that answer person id's due fields. Everything
// due is asked, whatever the session's strategy: the operator chose the
// person to finish them.
func personSteps(a schema.Account, s flows.Strategy, id string, lang Lang) []flows.Step {
	var out []flows.Step
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true, Future: s.Future}, nil, lang) {
		if st.Person != nil && st.Person.ID == id {
			out = append(out, st)
		}
	}
	return out
}

// dueFor counts the account's distinct person_<id>.* requirements that are
// past, currently or eventually due.
func dueFor(a schema.Account, id string) int {
	seen := map[string]bool{}
	r := a.Requirements
	for _, list := range [][]string{r.PastDue, r.CurrentlyDue, r.EventuallyDue} {
		for _, p := range list {
			if strings.HasPrefix(p, id+".") {
				seen[p] = true
			}
		}
	}
	return len(seen)
}

// roleLabels name the roles in the list's short form.
var roleLabels = map[string]schema.Text{
	schema.RoleRepresentative: txtRoleRepresentative,
	schema.RoleOwner:          txtRoleOwner,
	schema.RoleDirector:       txtRoleDirector,
	schema.RoleExecutive:      txtRoleExecutive,
}

// personCells are one person's cells in the people table: name, roles,
// job title, share owned, fields due.
func personCells(c Common, a schema.Account, p schema.Person) [5]string {
	var roles []string
	for _, r := range p.Roles {
		if t, ok := roleLabels[r]; ok {
			roles = append(roles, t.In(c.Lang))
		}
	}
	pct := ""
	if p.PercentOwnership > 0 {
		pct = schema.Percent(p.PercentOwnership, c.Lang)
	}
	n := dueFor(a, p.ID)
	return [5]string{personName(p), strings.Join(roles, ", "), untrusted.Text(p.Title), pct, fmt.Sprintf(plural(c.Lang, n, txtPersonDueOne, txtPersonDue), n)}
}

// peopleCaps are the widest the name, roles and title columns grow.
var peopleCaps = [3]int{18, 26, 10}

// peopleGap separates the people table's columns.
const peopleGap = "  "

// peopleCols are the widths of the people table's columns, and whether
// the job title column is shown.
type peopleCols struct {
	w     [5]int
	title bool
}

// width is a row's width at these columns.
func (pc peopleCols) width() int {
	n, gaps := pc.w[0]+pc.w[1]+pc.w[3]+pc.w[4], 3
	if pc.title {
		n, gaps = n+pc.w[2], 4
	}
	return n + gaps*len(peopleGap)
}

// fitPeople fits the table's columns in width (0: unknown): each as wide
// as its widest cell up to its cap; where a row is still too wide (60
// columns), the roles are cut down to 10, then the job title column goes,
// then the names are cut down to 10, so that a row never wraps.
func fitPeople(rows [][5]string, width int) peopleCols {
	pc := peopleCols{title: true}
	for _, r := range rows {
		for i, cell := range r {
			pc.w[i] = max(pc.w[i], ansi.StringWidth(cell))
		}
	}
	for i, cp := range peopleCaps {
		pc.w[i] = min(pc.w[i], cp)
	}
	if width <= 0 {
		return pc
	}
	shrink := func(i int) {
		if over := pc.width() - width; over > 0 {
			pc.w[i] = max(pc.w[i]-over, min(pc.w[i], 10))
		}
	}
	shrink(1)
	pc.title = pc.width() <= width
	shrink(0) // a name is what tells the rows apart: cut last
	return pc
}

// line lays out one row (or the header). Cells are measured and cut in
// terminal cells (a CJK character takes two) on text already made safe
// (personCells), so a cut never lands inside an escape sequence.
func (pc peopleCols) line(cells [5]string) string {
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }
	col := func(i int) string { return pad(clip(cells[i], pc.w[i]), pc.w[i]) + peopleGap }
	s := col(0) + col(1)
	if pc.title {
		s += col(2)
	}
	return s + strings.Repeat(" ", max(pc.w[3]-ansi.StringWidth(cells[3]), 0)) + cells[3] + peopleGap + cells[4]
}

// clip shortens s to n cells, marking the cut with an ellipsis.
func clip(s string, n int) string {
	return ansi.Truncate(s, n, "…")
}

// personName is a person's name as the screens draw it: Stripe returns
// what the account typed, control characters and bidi overrides included,
// and they are shown escaped (package untrusted), never sent to the
// terminal.
func personName(p schema.Person) string { return untrusted.Text(p.Name()) }

// peopleForm lists the persons and the "add a person" action (so the
// select is never empty, huh #422).
func peopleForm(c Common, a schema.Account, pick *string) *huh.Form {
	head := [5]string{txtColName.In(c.Lang), txtColRoles.In(c.Lang), txtColTitle.In(c.Lang), txtColOwns.In(c.Lang), txtColDue.In(c.Lang)}
	rows := [][5]string{head}
	for _, p := range a.Persons {
		rows = append(rows, personCells(c, a, p))
	}
	// The select draws "┃ > " before each row.
	cols := fitPeople(rows, max(c.Width-4, 0))
	opts := make([]huh.Option[string], 0, len(a.Persons)+1)
	for i, p := range a.Persons {
		opts = append(opts, huh.NewOption(cols.line(rows[i+1]), p.ID))
	}
	opts = append(opts, huh.NewOption(txtAddPerson.In(c.Lang), peopleAdd))
	if !slices.ContainsFunc(opts, func(o huh.Option[string]) bool { return o.Value == *pick }) {
		*pick = opts[0].Value
	}
	// Two spaces line the columns up with the options, which follow
	// the select cursor ("> ").
	header := "  " + cols.line(head)
	return newMenu(c, huh.NewGroup(huh.NewSelect[string]().Key("person").
		Title(txtPeople.In(c.Lang)).Description(header).
		Options(opts...).Height(min(len(opts)+2, 12)).Value(pick)))
}

// backToPeople returns to the list after a person step was sent, saying
// what was done.
func (m *session) backToPeople(msg submittedMsg) tea.Cmd {
	added := msg.step.Person != nil && msg.step.Person.ID == ""
	cmd := m.toPeople()
	name := msg.step.Title(m.account, m.c.Lang)
	if added {
		// Name the new person from what was typed: a role index (owners.1)
		// may point at someone else once the list is read back.
		pre := msg.step.Person.Prefix + "."
		name = untrusted.Text(strings.TrimSpace(m.plan.values[pre+"first_name"] + " " + m.plan.values[pre+"last_name"]))
		m.plan.notice = fmt.Sprintf(txtPersonAdded.In(m.c.Lang), name)
	} else {
		m.plan.notice = fmt.Sprintf(txtPersonSent.In(m.c.Lang), name)
	}
	m.plan.warn = false
	return cmd
}

// actionForm asks what to do with a person.
func actionForm(c Common, p schema.Person, action *string) *huh.Form {
	return newMenu(c, huh.NewGroup(huh.NewSelect[string]().Key("action").Title(personName(p)).
		Options(
			huh.NewOption(txtActionAnswer.In(c.Lang), actionAnswer),
			huh.NewOption(txtActionRoles.In(c.Lang), actionRoles),
			huh.NewOption(fmt.Sprintf(txtActionRemove.In(c.Lang), personName(p)), actionRemove),
			huh.NewOption(txtBack.In(c.Lang), actionBack),
		).Value(action)))
}

// removedMsg carries the account after a person was removed.
type removedMsg struct {
	name    string
	account schema.Account
	err     error
}

// startRemove removes person id (after the live confirmation).
func (m *session) startRemove(id string) tea.Cmd {
	ctx, ask := m.writeCtx(m.account.Country, liveRemove)
	if ask != nil {
		m.in.live.person = id
		return ask
	}
	tick := m.busyWith(txtRemoving.In(m.c.Lang))
	return tea.Batch(tick, removeCmd(ctx, m.c.Client, m.account, id, m.gen))
}

func removeCmd(ctx context.Context, cl *flows.Client, a schema.Account, id string, gen int) tea.Cmd {
	name := id
	if p, ok := a.PersonFor(schema.PersonRef{ID: id}); ok {
		name = personName(p)
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		next, err := cl.RemovePerson(ctx, a, id)
		return result{gen, removedMsg{name: name, account: next, err: err}}
	}
}

// handleRemoved returns to the list after a removal, or shows why it failed.
func (m *session) handleRemoved(msg removedMsg) tea.Cmd {
	if msg.err != nil {
		cmd := m.toPeople()
		m.plan.notice, m.plan.warn = flows.Message(msg.err), true
		return cmd
	}
	m.setAccount(msg.account)
	cmd := m.toPeople()
	m.plan.notice, m.plan.warn = fmt.Sprintf(txtRemoved.In(m.c.Lang), msg.name), false
	return cmd
}
