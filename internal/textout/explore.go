package textout

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"onboard/flows/explore"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// Exploration writes one setup's requirements grouped as the wizard asks
// them; mode says where they were read (sandbox, test).
func Exploration(w io.Writer, x explore.Exploration, lang schema.Lang, mode string) error {
	out := NewWriter(untrusted.NewWriter(w))
	layout := schema.DateTimeLayout(lang) + " MST" // as the language writes a date (it read "lu le 2026-11-25")
	out.Printf("%s — %s %s (%s)\n", x.Setup, t("read").In(lang), x.ReadAt.Format(layout), modeText(mode, lang))
	items(out, x.Items, lang, "")
	return out.Err()
}

// modeText names where an exploration was read (config.ModeSandbox,
// ModeTest, ModeLive) in lang.
func modeText(mode string, lang schema.Lang) string {
	switch mode {
	case "sandbox":
		return schema.TC("mode", "sandbox").In(lang)
	case "test":
		return schema.TC("mode", "test").In(lang)
	case "live":
		return schema.TC("mode", "live").In(lang)
	}
	return mode
}

// Comparison writes what two setups ask: only in A, only in B, in both.
func Comparison(w io.Writer, c explore.Comparison, lang schema.Lang) error {
	out := NewWriter(untrusted.NewWriter(w))
	out.Printf("A: %s\nB: %s\n", c.A, c.B)
	for _, part := range []struct {
		title schema.Text
		items []explore.Item
	}{
		{t("Only in A"), c.OnlyA},
		{t("Only in B"), c.OnlyB},
		{t("In both"), c.Both},
	} {
		out.Printf("\n%s (%d)\n", part.title.In(lang), len(part.items))
		items(out, part.items, lang, "  ")
	}
	return out.Err()
}

// items writes requirements under their group's title, in columns. Errors
// are kept by out.
func items(out *Writer, list []explore.Item, lang schema.Lang, indent string) {
	group := ""
	var rows [][]string
	flush := func() {
		for _, l := range columns(rows) {
			out.Printf("%s\n", l)
		}
		rows = nil
	}
	for _, it := range list {
		if it.Group != group {
			group = it.Group
			flush()
			out.Printf("%s%s\n", indent, groupTitle(group, lang))
		}
		rows = append(rows, []string{indent + "  " + dueLabel(it.Due, lang), explore.WhoLabel(it.Who, lang), it.Path, labelIn(it, lang)})
	}
	flush()
}

// columns lays rows out as columns two spaces apart, measured in
// terminal cells: a Japanese word takes two per character, where
// text/tabwriter counts one per character.
func columns(rows [][]string) []string {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	lines := make([]string, len(rows))
	for n, row := range rows {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		lines[n] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

func dueLabel(d string, lang schema.Lang) string {
	switch d {
	case "now":
		return t("now").In(lang)
	case "later":
		return t("later").In(lang)
	case "future":
		return t("future").In(lang)
	}
	return d
}

func labelIn(it explore.Item, lang schema.Lang) string {
	label := it.Label.In(lang)
	if l, ok := it.Labels[string(lang)]; ok {
		label = l.Label
	}
	if it.InB != nil {
		// Compared setups that name the field differently show both names.
		label += " (A) · " + labelIn(*it.InB, lang) + " (B)"
	}
	return label
}

func groupTitle(name string, lang schema.Lang) string {
	for _, g := range schema.Groups {
		if g.String() == name {
			return g.Title(lang)
		}
	}
	return name
}

// Matrix writes the matrix as a table for people, in lang (the CSV keeps
// the API's words for tools).
func Matrix(w io.Writer, xs []explore.Exploration, rows []explore.MatrixRow, lang schema.Lang) error {
	out := NewWriter(untrusted.NewWriter(w))
	head := []string{t("requirement").In(lang)}
	for _, x := range xs {
		head = append(head, x.Setup.Country+" "+schema.BusinessTypeLabel(x.Setup.BusinessType, lang))
	}
	table := [][]string{head}
	for _, r := range rows {
		line := []string{r.Path}
		for _, d := range r.Due {
			d = dueLabel(d, lang)
			if d == "" {
				d = "-"
			}
			line = append(line, d)
		}
		table = append(table, line)
	}
	for _, l := range columns(table) {
		out.Printf("%s\n", l)
	}
	return out.Err()
}

// MatrixCSV writes the matrix as CSV: one row per requirement, one column
// per setup, Stripe's words (now, later, future).
func MatrixCSV(w io.Writer, xs []explore.Exploration, rows []explore.MatrixRow) error {
	cw := csv.NewWriter(w)
	head := []string{"requirement", "group"}
	for _, x := range xs {
		head = append(head, x.Setup.String())
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(append([]string{r.Path, r.Group}, r.Due...)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return errors.New("csv: " + err.Error())
	}
	return nil
}

// Setups are the setups of explorations, in order.
func Setups(xs []explore.Exploration) []explore.Setup {
	out := make([]explore.Setup, len(xs))
	for i, x := range xs {
		out[i] = x.Setup
	}
	return out
}
