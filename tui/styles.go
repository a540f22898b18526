package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Theme is the semantic palette every style is built from.
type Theme struct {
	Primary, Subtle, Text, Success, Warning, Danger, Badge lipgloss.AdaptiveColor
	// term is the terminal ForTerminal resolved the palette for (nil:
	// left adaptive).
	term *terminalColors
}

// terminalColors is a terminal's colour profile and background.
type terminalColors struct {
	profile termenv.Profile
	dark    bool
}

// DefaultTheme is the palette: Stripe-like indigo with clear state colours.
func DefaultTheme() Theme {
	return Theme{
		Primary: lipgloss.AdaptiveColor{Light: "#533AFD", Dark: "#9F8CFF"},
		Subtle:  lipgloss.AdaptiveColor{Light: "#6B7280", Dark: "#8B93A1"},
		Text:    lipgloss.AdaptiveColor{Light: "#1F2937", Dark: "#E5E7EB"},
		Success: lipgloss.AdaptiveColor{Light: "#047857", Dark: "#34D399"},
		Warning: lipgloss.AdaptiveColor{Light: "#B45309", Dark: "#FBBF24"},
		Danger:  lipgloss.AdaptiveColor{Light: "#B91C1C", Dark: "#F87171"},
		Badge:   lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#111827"},
	}
}

// ForTerminal is the palette resolved once for a terminal's colour
// profile and background: each colour becomes the one the terminal
// draws (an index of its 256 or 16 colours, or the hex on a true-colour
// terminal). Left adaptive, every Render would pick the light or dark
// hex and search the terminal's palette for its nearest colour again —
// on a 256-colour terminal the largest cost of drawing a frame.
func (t Theme) ForTerminal(p termenv.Profile, dark bool) Theme {
	term := &terminalColors{p, dark}
	return Theme{Primary: term.fix(t.Primary), Subtle: term.fix(t.Subtle), Text: term.fix(t.Text), Success: term.fix(t.Success),
		Warning: term.fix(t.Warning), Danger: term.fix(t.Danger), Badge: term.fix(t.Badge), term: term}
}

// fix is c as the terminal draws it, the same in light and dark.
func (term *terminalColors) fix(c lipgloss.AdaptiveColor) lipgloss.AdaptiveColor {
	hex := c.Light
	if term.dark {
		hex = c.Dark
	}
	var col string
	switch tc := term.profile.Color(hex).(type) {
	case termenv.ANSIColor:
		col = strconv.Itoa(int(tc))
	case termenv.ANSI256Color:
		col = strconv.Itoa(int(tc))
	case termenv.RGBColor:
		col = string(tc)
	}
	return lipgloss.AdaptiveColor{Light: col, Dark: col}
}

// fixStyle resolves a style's adaptive foreground (term nil: st as it is).
func (term *terminalColors) fixStyle(st lipgloss.Style) lipgloss.Style {
	if fg, ok := st.GetForeground().(lipgloss.AdaptiveColor); ok && term != nil {
		return st.Foreground(term.fix(fg))
	}
	return st
}

// Styles holds every style of the UI, grouped by component; views only
// call Render on these.
type Styles struct {
	App struct {
		Title, Sandbox, Live, Account, Subtle lipgloss.Style
	}
	Status struct {
		Box, Heading, Label, Value        lipgloss.Style
		Active, Pending, Inactive, Muted  lipgloss.Style
		PastDue, CurrentlyDue, Eventually lipgloss.Style
		DeadlineOK, DeadlinePast          lipgloss.Style
		// API is an API name shown beside its words (card_payments).
		API lipgloss.Style
	}
	Notice struct {
		Error, Info, Success lipgloss.Style
	}
	Footer struct {
		Bar lipgloss.Style
	}
	Summary struct {
		Title, Box lipgloss.Style
	}
	// Field styles what the wizard draws around huh's fields: the error
	// under a field, the markers of a step cut off above or below.
	Field struct {
		Error, More lipgloss.Style
	}
	// Requests styles the requests pane's list.
	Requests struct {
		Item, Selected, Failed lipgloss.Style
	}
	// Triage is the account table: its header, cells, the row under the
	// cursor and the filter's prompt.
	Triage struct {
		Header, Cell, Selected, Prompt lipgloss.Style
	}
	Form *huh.Theme
	// Help is the footer's key help: bubbles' own grey styles, resolved
	// for the terminal with the palette.
	Help help.Styles
}

// DefaultStyles builds the styles from a theme.
func DefaultStyles(t Theme) *Styles {
	s := &Styles{}
	s.App.Title = lipgloss.NewStyle().Bold(true).Foreground(t.Primary)
	s.App.Sandbox = lipgloss.NewStyle().Bold(true).Foreground(t.Badge).Background(t.Warning).Padding(0, 1)
	s.App.Live = lipgloss.NewStyle().Bold(true).Foreground(t.Badge).Background(t.Danger).Padding(0, 1)
	s.App.Account = lipgloss.NewStyle().Foreground(t.Text)
	s.App.Subtle = lipgloss.NewStyle().Foreground(t.Subtle)

	s.Status.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.Subtle).Padding(0, 1)
	s.Status.Heading = lipgloss.NewStyle().Bold(true).Foreground(t.Primary)
	s.Status.Label = lipgloss.NewStyle().Foreground(t.Subtle)
	s.Status.Value = lipgloss.NewStyle().Foreground(t.Text)
	s.Status.Active = lipgloss.NewStyle().Foreground(t.Success)
	s.Status.Pending = lipgloss.NewStyle().Foreground(t.Warning)
	s.Status.Inactive = lipgloss.NewStyle().Foreground(t.Danger)
	s.Status.Muted = lipgloss.NewStyle().Foreground(t.Subtle)
	s.Status.PastDue = lipgloss.NewStyle().Foreground(t.Danger).Bold(true)
	s.Status.CurrentlyDue = lipgloss.NewStyle().Foreground(t.Warning)
	s.Status.Eventually = lipgloss.NewStyle().Foreground(t.Subtle)
	s.Status.DeadlineOK = lipgloss.NewStyle().Foreground(t.Text)
	s.Status.DeadlinePast = lipgloss.NewStyle().Foreground(t.Danger).Bold(true)
	s.Status.API = lipgloss.NewStyle().Foreground(t.Subtle).Faint(true)

	s.Notice.Error = lipgloss.NewStyle().Foreground(t.Danger)
	s.Notice.Info = lipgloss.NewStyle().Foreground(t.Subtle)
	s.Notice.Success = lipgloss.NewStyle().Foreground(t.Success)

	s.Footer.Bar = lipgloss.NewStyle().Foreground(t.Subtle)
	s.Summary.Title = lipgloss.NewStyle().Bold(true).Foreground(t.Primary)
	s.Summary.Box = lipgloss.NewStyle().Padding(0, 1)
	s.Field.Error = lipgloss.NewStyle().Foreground(t.Danger).PaddingLeft(2)
	s.Field.More = lipgloss.NewStyle().Foreground(t.Subtle).PaddingLeft(2)

	s.Requests.Item = lipgloss.NewStyle().Foreground(t.Text).PaddingLeft(2)
	s.Requests.Selected = lipgloss.NewStyle().Bold(true).Foreground(t.Primary).PaddingLeft(2)
	s.Requests.Failed = lipgloss.NewStyle().Foreground(t.Danger).PaddingLeft(2)
	s.Triage.Header = lipgloss.NewStyle().Bold(true).Foreground(t.Primary).Padding(0, 1, 0, 0)
	s.Triage.Cell = lipgloss.NewStyle().Padding(0, 1, 0, 0)
	s.Triage.Selected = lipgloss.NewStyle().Bold(true).Foreground(t.Primary)
	s.Triage.Prompt = lipgloss.NewStyle().Foreground(t.Primary)
	s.Form = formTheme(t)
	s.Help = help.New().Styles
	for _, st := range []*lipgloss.Style{&s.Help.ShortKey, &s.Help.ShortDesc, &s.Help.ShortSeparator, &s.Help.Ellipsis,
		&s.Help.FullKey, &s.Help.FullDesc, &s.Help.FullSeparator} {
		*st = t.term.fixStyle(*st)
	}
	return s
}

// formTheme is huh's base theme in our palette.
func formTheme(t Theme) *huh.Theme {
	h := huh.ThemeBase()
	h.Focused.Title = h.Focused.Title.Foreground(t.Primary).Bold(true)
	h.Focused.Description = h.Focused.Description.Foreground(t.Subtle)
	// The wizard draws "✗ message" under a field in error; huh's own
	// indicator (" *" after the value) would wrap onto that line.
	h.Focused.ErrorIndicator = h.Focused.ErrorIndicator.Foreground(t.Danger).SetString("")
	h.Focused.ErrorMessage = h.Focused.ErrorMessage.Foreground(t.Danger)
	h.Focused.SelectSelector = h.Focused.SelectSelector.Foreground(t.Primary)
	h.Focused.SelectedOption = h.Focused.SelectedOption.Foreground(t.Success)
	h.Focused.FocusedButton = h.Focused.FocusedButton.Foreground(t.Badge).Background(t.Primary)
	h.Focused.TextInput.Prompt = h.Focused.TextInput.Prompt.Foreground(t.Primary)
	h.Blurred.Title = h.Blurred.Title.Foreground(t.Text)
	h.Blurred.Description = h.Blurred.Description.Foreground(t.Subtle)
	h.Group.Title = h.Group.Title.Foreground(t.Primary).Bold(true)
	return h
}
