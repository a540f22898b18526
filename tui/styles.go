package tui

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Theme is the semantic palette every style is built from.
type Theme struct {
	Primary, Subtle, Text, Success, Warning, Danger, Badge lipgloss.AdaptiveColor
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
