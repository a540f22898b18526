package batch

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// ReportHeader names the report's columns.
var ReportHeader = []string{"row", "key", "account", "status", "state", "due", "reason"}

// ReportRecord is one result as a report's cells, in lang. The key and the
// reason come from the operator's file or from Stripe: their control
// characters are shown escaped, so printing the report cannot drive the
// terminal that reads it.
func ReportRecord(r Result, lang schema.Lang) []string {
	state := ""
	if r.State != "" {
		state = flows.StateLabel(r.State, lang)
	}
	reason := r.Reason
	if r.Column != "" {
		reason = r.Column + ": " + reason
	}
	return []string{fmt.Sprint(r.Row), untrusted.Text(r.Key), r.Account, StatusText(r.Status, lang), state, strings.Join(r.Due, " "), untrusted.Text(reason)}
}

// WriteReport writes the results as CSV: one line per row.
func WriteReport(w io.Writer, results []Result, lang schema.Lang) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ReportHeader); err != nil {
		return err
	}
	for _, r := range results {
		if err := cw.Write(ReportRecord(r, lang)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Tally counts results by outcome.
func Tally(results []Result) Counts {
	c := Counts{Total: len(results)}
	for _, r := range results {
		switch r.Status {
		case StatusDone:
			c.Done++
		case StatusDue:
			c.Due++
		case StatusNotRun:
		default:
			c.Failed++
		}
	}
	return c
}

// CountsLine says how far a batch has come, in lang.
func CountsLine(c Counts, lang schema.Lang) string {
	return fmt.Sprintf(schema.T("%d/%d rows: %d done, %d still due, %d failed, %d running").In(lang),
		c.Finished(), c.Total, c.Done, c.Due, c.Failed, c.Running)
}

// ResultLine is one row's outcome as a line, in lang.
func ResultLine(r Result, lang schema.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", rowName(r, lang), StatusText(r.Status, lang))
	if r.Account != "" {
		fmt.Fprintf(&b, " %s", r.Account)
	}
	if r.State != "" {
		fmt.Fprintf(&b, " (%s)", flows.StateLabel(r.State, lang))
	}
	switch {
	case len(r.Due) > 0:
		fmt.Fprintf(&b, ": %s", strings.Join(r.Due, ", "))
	case r.Column != "":
		fmt.Fprintf(&b, schema.T(", column %s: %s").In(lang), r.Column, r.Reason)
	case r.Reason != "":
		fmt.Fprintf(&b, ": %s", r.Reason)
	}
	return b.String()
}

func rowName(r Result, lang schema.Lang) string {
	if r.Key == fmt.Sprint(r.Row) {
		return fmt.Sprintf(schema.T("row %d").In(lang), r.Row)
	}
	return fmt.Sprintf(schema.T("row %d [%s]").In(lang), r.Row, r.Key)
}
