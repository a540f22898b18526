package textout

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"onboard/flows"
	"onboard/internal/exitcode"
	"onboard/schema"
)

// ExitCode is the exit code of a command's error: the one it carries
// (package exitcode), else usage for a live change the operator did not
// confirm (nothing was sent), else failure.
func ExitCode(err error) int {
	var ee *exitcode.Error
	var le *flows.LiveError
	if !errors.As(err, &ee) && errors.As(err, &le) {
		return exitcode.Usage
	}
	return exitcode.Of(err)
}

// RunFailed is a failure in the middle of a run on account id: it says
// where it stopped (the step and the call, in err's wrapping) and how to
// continue from there (rest is added to the resume command). Exit 1, or 2
// for an answer refused before sending; sent says requests were already
// made (for what an input error says).
func RunFailed(id string, err error, rest string, sent bool, lang schema.Lang) error {
	code := ExitCode(err)
	var ie *flows.InputError
	if errors.As(err, &ie) {
		code = exitcode.Usage
	}
	msg := describeRunError(err, lang, sent)
	if id != "" {
		msg += "\n" + fmt.Sprintf(t("To continue: onboard resume %s%s").In(lang), id, rest)
	}
	return &exitcode.Error{Code: code, Err: errors.New(msg)}
}

// resumeError is a failure on an account, with the command that picks the
// account up where it was left.
type resumeError struct {
	err  error
	id   string
	lang schema.Lang
}

func (e *resumeError) Error() string {
	return e.err.Error() + "\n" + fmt.Sprintf(t("To continue: onboard resume %s%s").In(e.lang), e.id, "")
}
func (e *resumeError) Unwrap() error { return e.err }

// WithResume adds the resume command to err when there is an account to
// resume: a failure names the step and prints onboard resume acct_….
func WithResume(err error, id string, lang schema.Lang) error {
	if err == nil || id == "" {
		return err
	}
	return &resumeError{err: err, id: id, lang: lang}
}

// DescribeInput lists invalid answers. sent says whether requests were
// already made: "nothing was sent" is said only when it is true. Other
// errors are returned as they are.
func DescribeInput(err error, lang schema.Lang, sent bool) error {
	var ie *flows.InputError
	if !errors.As(err, &ie) {
		return err
	}
	keys := make([]string, 0, len(ie.Fields))
	for k := range ie.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	if sent {
		b.WriteString(t("invalid answers (the steps before were sent):").In(lang))
	} else {
		b.WriteString(t("invalid answers, nothing was sent:").In(lang))
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %s", schema.LabelValue(lang, k, ie.Fields[k]))
	}
	return errors.New(b.String())
}

func describeRunError(err error, lang schema.Lang, sent bool) string {
	var ie *flows.InputError
	if errors.As(err, &ie) {
		return DescribeInput(err, lang, sent).Error()
	}
	line := flows.ErrorLine(err)
	var ae *flows.APIError
	if errors.As(err, &ae) && ae.Field != "" {
		return strings.TrimSuffix(line, ae.Message) + fmt.Sprintf(t("Stripe refused %s: %s").In(lang), ae.Field, ae.Message)
	}
	return line
}

// StillDueCount is the final line of a run that left fields due, in lang
// ("2 fields still due"; it read "2 field(s) still due" on French runs).
func StillDueCount(n int, lang schema.Lang) string {
	return fmt.Sprintf(schema.Plural(lang, n, t("%d field still due"),
		t("%d fields still due")), n)
}
