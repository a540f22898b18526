package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows"
	"onboard/flows/explore"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// explorerKeys are the explorer's bindings.
type explorerKeys struct {
	NextChoice, PrevChoice key.Binding
	Left, Right            key.Binding
	Up, Down               key.Binding
	Open                   key.Binding
}

func defaultExplorerKeys(lang Lang) explorerKeys {
	return explorerKeys{
		NextChoice: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t("next choice").In(lang))),
		PrevChoice: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t("previous choice").In(lang))),
		Left:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", t("change").In(lang))),
		Right:      key.NewBinding(key.WithKeys("right", "l")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", tc("list", "move").In(lang))),
		Down:       key.NewBinding(key.WithKeys("down", "j")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t("details").In(lang))),
	}
}

// explorer shows what Stripe asks for a setup, updated as the setup's
// choices change, and each requirement's details in both languages.
type explorer struct {
	c       Common
	keys    explorerKeys
	choices [3][]string // country, business type, capabilities+agreement
	pick    [3]int
	focus   int
	result  explore.Exploration
	err     error
	loading bool
	cursor  int
	detail  bool
	gen     int
	// cache keeps setups already read in this session: exploring creates
	// and deletes an account each time.
	cache map[string]explore.Exploration
}

// exploredMsg carries one exploration.
type exploredMsg struct {
	gen    int
	result explore.Exploration
	err    error
}

var capabilityChoices = []string{"card_payments+transfers", "transfers", "card_payments", "transfers,recipient"}

func newExplorer(c Common) explorer {
	e := explorer{c: c, keys: defaultExplorerKeys(c.Lang), cache: map[string]explore.Exploration{}}
	for _, k := range countries {
		e.choices[0] = append(e.choices[0], k.code)
	}
	for _, o := range schema.BusinessTypes() {
		e.choices[1] = append(e.choices[1], o.Value)
	}
	e.choices[2] = capabilityChoices
	return e
}

func (e explorer) setup() explore.Setup {
	s, _ := explore.ParseSetup(e.choices[0][e.pick[0]]+","+e.choices[1][e.pick[1]]+","+e.choices[2][e.pick[2]], e.c.Lang)
	return s
}

// load explores the current setup, from the session cache when it can.
func (e *explorer) load() tea.Cmd {
	e.gen++
	e.cursor, e.detail, e.err = 0, false, nil
	s := e.setup()
	if x, ok := e.cache[s.String()]; ok {
		e.result, e.loading = x, false
		return nil
	}
	e.loading = true
	ctx, cl, gen := e.c.Ctx, e.c.Client, e.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		x, err := explore.Run(ctx, cl, s)
		return exploredMsg{gen: gen, result: x, err: err}
	}
}

func (e explorer) update(msg tea.Msg) (explorer, tea.Cmd) {
	switch msg := msg.(type) {
	case exploredMsg:
		if msg.gen != e.gen {
			return e, nil
		}
		e.loading, e.err = false, msg.err
		if msg.err == nil {
			e.result = msg.result
			e.cache[msg.result.Setup.String()] = msg.result
		}
		return e, nil
	case tea.KeyMsg:
		return e.handleKey(msg)
	}
	return e, nil
}

func (e explorer) handleKey(msg tea.KeyMsg) (explorer, tea.Cmd) {
	k := e.keys
	switch {
	case key.Matches(msg, k.NextChoice):
		e.focus = (e.focus + 1) % len(e.choices)
	case key.Matches(msg, k.PrevChoice):
		e.focus = (e.focus + len(e.choices) - 1) % len(e.choices)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		step := 1
		if key.Matches(msg, k.Left) {
			step = -1
		}
		n := len(e.choices[e.focus])
		e.pick[e.focus] = (e.pick[e.focus] + step + n) % n
		return e, e.load()
	case key.Matches(msg, k.Up):
		e.cursor = max(e.cursor-1, 0)
	case key.Matches(msg, k.Down):
		e.cursor = min(e.cursor+1, max(len(collapse(e.result.Items))-1, 0))
	case key.Matches(msg, k.Open):
		e.detail = !e.detail && len(e.result.Items) > 0
	}
	return e, nil
}

// back closes the details; it reports false when there was nothing to close.
func (e *explorer) back() bool {
	if e.detail {
		e.detail = false
		return true
	}
	return false
}

func (e explorer) bindings() []key.Binding {
	open := e.keys.Open
	if e.detail {
		// Enter closes what it opened: the footer read "enter details"
		// over the details.
		open = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", txtCloseDetails.In(e.c.Lang)))
	}
	return []key.Binding{e.keys.NextChoice, e.keys.Left, e.keys.Up, open}
}

var txtCloseDetails = t("list")

func (e explorer) view(width, height int) string {
	s := e.c.Styles
	var chips []string
	labels := []schema.Text{txtCountry, txtBusinessType, txtCapabilities}
	for i := range e.choices {
		v := "‹" + choiceWord(i, e.choices[i][e.pick[i]], e.c.Lang) + "›"
		st := s.Status.Value
		if i == e.focus {
			st = s.App.Title
		}
		chip := s.Status.Label.Render(labels[i].In(e.c.Lang)+" ") + st.Render(v)
		if lipgloss.Width(chip) > width {
			// Too long for one line (a long language, two capabilities):
			// the choice goes under its label, wrapped.
			chip = s.Status.Label.Render(labels[i].In(e.c.Lang)) + "\n" +
				lipgloss.NewStyle().PaddingLeft(2).Width(max(width, 10)).Render(st.Render(v))
		}
		chips = append(chips, chip)
	}
	head := strings.Join(chips, "  ")
	if lipgloss.Width(head) > width {
		head = strings.Join(chips, "\n")
	}
	lines := []string{head, ""}
	height -= lipgloss.Height(head) - 1 // the list has what the choices leave
	switch {
	case e.loading:
		lines = append(lines, s.Notice.Info.Render(txtExploring.In(e.c.Lang)))
	case e.err != nil:
		lines = append(lines, s.Notice.Error.Width(width).Render(flows.Message(e.err)))
	case e.detail:
		lines = append(lines, e.detailView(width)...)
	default:
		lines = append(lines, e.listView(width, height-2)...)
	}
	return strings.Join(lines, "\n")
}

func (e explorer) listView(width, height int) []string {
	items := collapse(e.result.Items)
	if len(items) == 0 {
		return []string{txtNothingAsked.In(e.c.Lang)}
	}
	s := e.c.Styles
	var rows []string
	var at []int // index of the item on each row, -1 for a heading
	// The columns are as wide as their longest word on screen, in
	// display columns (a wide character takes two).
	dueW, whoW := dueWidth, whoWidth
	for _, it := range items {
		dueW = max(dueW, lipgloss.Width(dueWord(it.Due, e.c.Lang)))
		whoW = max(whoW, lipgloss.Width(whoWord(it.Who, e.c.Lang)))
	}
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) }
	group := ""
	for i, it := range items {
		if it.Group != group {
			group = it.Group
			rows = append(rows, s.Status.Heading.Render(groupTitleIn(group, e.c.Lang)))
			at = append(at, -1)
		}
		line := pad(dueWord(it.Due, e.c.Lang), dueW) + " " + pad(whoWord(it.Who, e.c.Lang), whoW) + " " + untrusted.Text(it.Label.In(e.c.Lang))
		if width < sideBySide {
			// Narrow: the label first, so it is what stays when cut.
			line = untrusted.Text(it.Label.In(e.c.Lang)) + " · " + dueWord(it.Due, e.c.Lang) + " · " + whoWord(it.Who, e.c.Lang)
		}
		if i == e.cursor {
			line = s.App.Title.Render("› " + line)
		} else {
			line = "  " + line
		}
		rows = append(rows, fit(line, width))
		at = append(at, i)
	}
	// Scroll so the cursor's row is visible.
	cur := 0
	for r, i := range at {
		if i == e.cursor {
			cur = r
		}
	}
	top := max(0, cur-height+2)
	end := min(len(rows), top+max(height, 1))
	return rows[top:end]
}

func (e explorer) detailView(width int) []string {
	it := collapse(e.result.Items)[e.cursor]
	s := e.c.Styles
	w := lipgloss.NewStyle().Width(max(width-2, 20))
	out := []string{
		s.Summary.Title.Render(untrusted.Text(it.Label.In(e.c.Lang))),
		e.field(txtRequirement, it.Path, width),
		e.field(txtParameter, it.Param, width),
		e.field(txtV2Path, it.V2Path, width),
		e.field(txtKind, kindWord(it.Kind, e.c.Lang)+" · "+dueWord(it.Due, e.c.Lang)+" · "+whoWord(it.Who, e.c.Lang), width),
		"",
		s.Status.Heading.Render(txtEnglish.In(e.c.Lang)),
		w.Render(it.Label.In(schema.English) + " — " + it.Help.In(schema.English)),
		"",
		s.Status.Heading.Render(txtFrench.In(e.c.Lang)),
		w.Render(it.Label.In(schema.French) + " — " + it.Help.In(schema.French)),
	}
	return out
}

func dueWord(d string, lang Lang) string {
	switch d {
	case "now":
		return txtFieldDueNow.In(lang)
	case "later":
		return txtFieldDueLater.In(lang)
	}
	return t("future").In(lang)
}

func groupTitleIn(name string, lang Lang) string {
	for _, g := range schema.Groups {
		if g.String() == name {
			return g.Title(lang)
		}
	}
	return name
}

// Least widths of the list's columns (the longest due and who words in
// English), so that its columns stay where they were as the choices change.
const (
	dueWidth = 15
	whoWidth = 14
)

func whoWord(w string, lang Lang) string { return explore.WhoLabel(w, lang) }

// collapse shows one row per field: a date's three parts are one question.
// The row's path lists every requirement the field answers.
func collapse(items []explore.Item) []explore.Item {
	var out []explore.Item
	index := map[string]int{}
	for _, it := range items {
		if i, ok := index[it.Field]; ok && it.Field != "" {
			out[i].Path += ", " + it.Path
			continue
		}
		index[it.Field] = len(out)
		out = append(out, it)
	}
	return out
}

// field is one "label: value" line of the details, cut to width.
func (e explorer) field(label schema.Text, value string, width int) string {
	return fit(e.c.Styles.Status.Label.Render(schema.LabelLead(e.c.Lang, label.In(e.c.Lang)))+untrusted.Text(value), width)
}

// choiceWord names an explorer choice in words: a business type by its
// label, capabilities by theirs; countries stay as codes.
func choiceWord(i int, v string, lang Lang) string {
	switch i {
	case 1:
		return businessTypeWord(v, lang)
	case 2:
		caps, recipient := strings.Split(strings.TrimSuffix(v, ",recipient"), "+"), strings.HasSuffix(v, ",recipient")
		words := make([]string, len(caps))
		for j, cp := range caps {
			words[j] = schema.CapabilityLabel(cp).In(lang)
		}
		out := strings.Join(words, " + ")
		if recipient {
			out += " (" + strings.ToLower(txtConfigRecipient.In(lang)) + ")"
		}
		return out
	}
	return v
}

// kindWords name the explorer's field kinds (explore.Item.Kind).
var kindWords = map[string]schema.Text{
	"text": tc("kind", "text"), "long text": t("long text"), "email": t("email"),
	"phone": t("phone"), "url": t("web address"), "date": t("date"),
	"select": t("choice"), "yes/no": t("yes/no"), "secret": t("secret"),
	"acceptance": t("acceptance"), "file": t("file"), "person": t("person"),
	"account link": t("account link"), "other": t("other"),
}

func kindWord(k string, lang Lang) string {
	if w, ok := kindWords[k]; ok {
		return w.In(lang)
	}
	return k
}

// explorerScreen shows what Stripe asks for a setup, without an account.
type explorerScreen struct {
	*session
	e explorer
}

func (x *explorerScreen) ID() screenID             { return screenExplore }
func (x *explorerScreen) Title() string            { return txtScreenExplore.In(x.c.Lang) }
func (x *explorerScreen) SetSize(int, int) tea.Cmd { return nil }
func (x *explorerScreen) View() string             { return x.e.view(x.c.Width, x.bodyHeight()) }

func (x *explorerScreen) ShortHelp() []key.Binding {
	return append(x.e.bindings(), x.c.Keys.Back, x.c.Keys.Quit)
}

func (x *explorerScreen) Init() tea.Cmd {
	x.e = newExplorer(x.c)
	return x.e.load()
}

func (x *explorerScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	x.e, cmd = x.e.update(msg)
	return x, cmd
}

// back is esc: it first closes the details, then goes back.
func (x *explorerScreen) back() tea.Cmd {
	if x.e.back() {
		return nil
	}
	return x.leave()
}
