// Package batchview is the progress view of a batch (flows/batch) on a
// terminal: a bar, the counts (done, still due, failed, running) and the
// latest rows that ended, updated as rows start and end. The batch runs
// elsewhere; it sends Change and Finished messages to the program.
package batchview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows/batch"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// Change is a row that started or ended, with the counts after it.
type Change struct {
	Counts batch.Counts
	Result batch.Result
}

// Finished ends the view: the batch has returned.
type Finished struct{}

// shown is how many ended rows the view lists.
const shown = 6

// Model is the view.
type Model struct {
	title   string
	lang    schema.Lang
	counts  batch.Counts
	ended   []batch.Result
	bar     progress.Model
	width   int
	stop    func()
	stopped bool
	done    bool
}

// New is the view of a batch of total rows; title names it (the file,
// SANDBOX); stop is called on ctrl+c (no row starts after it, the rows
// in flight finish).
func New(title string, total int, lang schema.Lang, stop func()) Model {
	bar := progress.New(progress.WithDefaultGradient(), progress.WithoutPercentage())
	bar.Width = 40
	return Model{title: title, lang: lang, counts: batch.Counts{Total: total}, bar: bar, width: 80, stop: stop}
}

func (m Model) Init() tea.Cmd { return nil }

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
		m.bar.Width = max(10, min(60, msg.Width-12))
	case tea.KeyMsg:
		if msg.String() == "ctrl+c" && !m.stopped {
			m.stopped = true
			if m.stop != nil {
				m.stop()
			}
		}
	case Change:
		m.counts = msg.Counts
		if msg.Result.Status != "" {
			m.ended = append(m.ended, msg.Result)
			if len(m.ended) > shown {
				m.ended = m.ended[len(m.ended)-shown:]
			}
		}
	case Finished:
		m.done = true
		return m, tea.Quit
	}
	return m, nil
}

var (
	titleStyle = lipgloss.NewStyle().Bold(true)
	failStyle  = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
	dueStyle   = lipgloss.NewStyle().Foreground(lipgloss.Color("11"))
	doneStyle  = lipgloss.NewStyle().Foreground(lipgloss.Color("10"))
	dimStyle   = lipgloss.NewStyle().Faint(true)
)

func (m Model) View() string {
	var b strings.Builder
	b.WriteString(titleStyle.Render(untrusted.Text(m.title)) + "\n\n")
	pct := 0.0
	if m.counts.Total > 0 {
		pct = float64(m.counts.Finished()) / float64(m.counts.Total)
	}
	fmt.Fprintf(&b, "%s %3.0f%%\n", m.bar.ViewAs(pct), pct*100)
	b.WriteString(batch.CountsLine(m.counts, m.lang) + "\n\n")
	for _, r := range m.ended {
		line := untrusted.Text(batch.ResultLine(r, m.lang))
		if w := m.width - 2; w > 10 && len([]rune(line)) > w {
			line = string([]rune(line)[:w-1]) + "…"
		}
		switch r.Status {
		case batch.StatusDone:
			line = doneStyle.Render("✓") + " " + line
		case batch.StatusDue:
			line = dueStyle.Render("!") + " " + line
		default:
			line = failStyle.Render("✗") + " " + line
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
	switch {
	case m.done:
	case m.stopped:
		b.WriteString(dimStyle.Render(schema.T("stopping: the rows in flight finish, no other row starts; a rerun continues").In(m.lang)) + "\n")
	default:
		b.WriteString(dimStyle.Render(schema.T("ctrl+c stops (a rerun of the same file continues)").In(m.lang)) + "\n")
	}
	return b.String()
}
