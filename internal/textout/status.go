package textout

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

var t = schema.T

// Status writes the human summary of an account.
func Status(w io.Writer, acct schema.Account, lang schema.Lang) error {
	out := NewWriter(untrusted.NewWriter(w)) // ids, reasons and paths are Stripe's text
	st := flows.StatusOf(acct)
	yes := func(b bool) string {
		if b {
			return schema.TC("payments", "enabled").In(lang)
		}
		return t("disabled").In(lang)
	}
	// A new account reads as new, not as past due (its JSON keeps the
	// guide's state).
	out.Printf("%s  %s\n", acct.ID, flows.StateText(acct, lang))
	if why := flows.Explain(acct, lang); why != "" {
		out.Printf("  %s\n", why)
	}
	// The labels' column is measured in terminal cells (a Japanese label
	// takes two per character) and is as wide as its widest label.
	var rows [][2]string
	row := func(label, value string) { rows = append(rows, [2]string{label, value}) }
	row(t("charges").In(lang), yes(st.ChargesEnabled))
	row(t("payouts").In(lang), yes(st.PayoutsEnabled))
	names := make([]string, 0, len(st.Capabilities))
	for n := range st.Capabilities {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row(schema.CapabilityLabel(n).In(lang), schema.CapabilityStatus(st.Capabilities[n], lang)+" ("+n+")")
		for _, cp := range acct.Capabilities {
			if labels := flows.BlockingLabels(acct, cp, lang); cp.Name == n && len(labels) > 0 {
				row("", schema.LeadIn(t("waits for").In(lang))+strings.Join(labels, ", "))
			}
		}
	}
	dl := t("none").In(lang)
	if st.Requirements.CurrentDeadline != nil {
		dl = st.Requirements.CurrentDeadline.Format("2006-01-02 15:04 MST")
	}
	row(t("deadline").In(lang), dl)
	r := st.Requirements
	// one names a single item: French participles agree (dû, dus).
	for _, l := range []struct {
		one, many schema.Text
		items     []string
	}{
		{t("past due"), t("past due"), r.PastDue},
		{schema.TC("one", "currently due"), t("currently due"), r.CurrentlyDue},
		{schema.TC("one", "eventually due"), t("eventually due"), r.EventuallyDue},
		{t("pending verification"), t("pending verification"), r.PendingVerification},
	} {
		if len(l.items) > 0 {
			row(schema.Plural(lang, len(l.items), l.one, l.many), strings.Join(l.items, ", "))
		}
	}
	width := 22
	for _, r := range rows {
		width = max(width, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		out.Printf("  %s %s\n", r[0]+strings.Repeat(" ", width-ansi.StringWidth(r[0])), r[1])
	}
	for _, e := range r.Errors {
		out.Printf("  ✗ %s (%s)\n", schema.LabelValue(lang, e.Requirement, schema.ExplainRequirementError(e, lang)), e.Code)
	}
	return out.Err()
}

// JSON prints v as indented JSON, with the characters a terminal acts on
// escaped (untrusted.JSON): names and reasons in it came from Stripe.
func JSON(w io.Writer, v any) error {
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(untrusted.JSON(raw), '\n'))
	return err
}

// JSONList prints a list as JSON does (an indented array), one element at
// a time: 100,000 summaries are not encoded into memory twice over before
// the first byte is written.
func JSONList[T any](w io.Writer, list []T) error {
	bw := bufio.NewWriter(w) // a bufio.Writer keeps its first error and returns it from Flush
	if len(list) == 0 {
		_, _ = bw.WriteString("[]\n")
		return bw.Flush()
	}
	_, _ = bw.WriteString("[\n")
	for i, v := range list {
		raw, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		_, _ = bw.WriteString("  ")
		_, _ = bw.Write(untrusted.JSON(raw))
		if i < len(list)-1 {
			_, _ = bw.WriteString(",")
		}
		_, _ = bw.WriteString("\n")
	}
	_, _ = bw.WriteString("]\n")
	return bw.Flush()
}

// Table prints rows as aligned columns, two spaces apart. Every cell is
// text from Stripe or the triage cache, so it is made safe first
// (untrusted.Text: a name cannot move the cursor, clear the screen or
// break its row) and measured in terminal cells, not bytes or runes: a
// name in CJK characters takes two cells per character.
func Table(w io.Writer, rows [][]string) error {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			row[i] = untrusted.Text(c)
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(row[i]))
		}
	}
	bw := bufio.NewWriter(w) // keeps its first error for Flush
	for _, row := range rows {
		for i, c := range row {
			_, _ = bw.WriteString(c)
			if i < len(row)-1 {
				_, _ = bw.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		_, _ = bw.WriteString("\n")
	}
	return bw.Flush()
}
