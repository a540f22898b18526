// Package lineui is onboard's line mode: what runs when standard input is
// not a terminal we draw screens on and no answers file is given (screen
// readers, dumb terminals, pipes). It asks the steps of a flows.Journey
// field by field, as plain lines built from the same field specs as the
// TUI's forms, through one reader; and it asks for the confirmation of a
// live change on that same reader.
//
// huh's accessible mode is not fit for it (huh v1.0.0: it asks hidden
// groups, panics on EOF in selects, loses piped lines between prompts).
package lineui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/term"
	"golang.org/x/text/unicode/norm"

	"onboard/flows"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/internal/untrusted"
	"onboard/schema"
)

var t = schema.T

// UI is the line mode of one invocation.
type UI struct {
	// In is standard input behind the invocation's one buffered reader:
	// the questions and the live confirmation read from the same one, so
	// neither swallows lines piped for the other.
	In *bufio.Reader
	// Out is where questions and results go (standard output); Err is
	// where the live confirmation asks (standard error).
	Out, Err io.Writer
	// TTY is standard input when it is a terminal (a dumb one, or with
	// ACCESSIBLE set): secrets are then read without echo.
	TTY  *os.File
	Lang schema.Lang
}

// Start says what the line mode onboards: a new account or AccountID.
type Start struct {
	New       bool
	Setup     flows.NewAccount
	AccountID string
	Strategy  flows.Strategy
}

// Unavailable is the usage error of a line-mode run with nothing to
// onboard (the home screen needs screens); terminal says standard input
// is a terminal, only not one screens are drawn on.
func Unavailable(lang schema.Lang, terminal bool) error {
	// Say why the screens are off: a real terminal with TERM=dumb or
	// ACCESSIBLE set is a terminal, just not one we draw screens on.
	why := t("no terminal on standard input")
	if terminal {
		why = t("TERM=dumb or ACCESSIBLE is set, so questions are asked line by line")
	}
	return exitcode.Usagef("%s: %s", why.In(lang), t("use onboard new or onboard resume ID, or --answers FILE").In(lang))
}

// ConfirmLive is the live confirmation of line mode and scripted runs
// (flows.Confirm): it asks on Err and reads one line from In, so a
// scripted live run needs the answers piped in on purpose. flows compares
// the line with the account's country code (flows.WithLive).
func (u UI) ConfirmLive(_ context.Context, ch flows.LiveChange) (string, error) {
	what := t("LIVE — type the account's country code (%s) to change a live account: ").In(u.Lang)
	if ch.Account == "" {
		what = t("LIVE — type the country code (%s) to create a live account: ").In(u.Lang)
	}
	if _, err := fmt.Fprintf(u.Err, what, ch.Country); err != nil {
		return "", err
	}
	line, err := u.In.ReadString('\n')
	if err != nil && line == "" {
		return "", exitcode.Usagef("%s", t("not confirmed (no answer on standard input): nothing was changed").In(u.Lang))
	}
	return line, nil
}

// prompter asks fields one line at a time.
type prompter struct {
	in   *bufio.Reader
	out  *textout.Writer // keeps its first write error
	lang schema.Lang
	// tty is standard input when it is a terminal (a dumb one, or with
	// ACCESSIBLE set): secrets are then read without echo.
	tty *os.File
}

// secret reads a sensitive value without echoing it when it can.
func (p prompter) secret(prompt string) (string, error) {
	if p.tty == nil || p.in.Buffered() > 0 {
		return p.line("%s", prompt)
	}
	p.out.Printf("%s", prompt)
	b, err := term.ReadPassword(p.tty.Fd())
	p.out.Println()
	if err != nil {
		return "", errEndOfInput
	}
	return strings.TrimSpace(string(b)), nil
}

// errEndOfInput is the input running out before every field was asked.
var errEndOfInput = errors.New("end of input")

func (p prompter) line(format string, args ...any) (string, error) {
	p.out.Printf(format, args...)
	s, err := p.in.ReadString('\n')
	if err != nil && s == "" {
		return "", errEndOfInput
	}
	return strings.TrimSpace(s), nil
}

// ask reads one field until its value is valid (three tries), showing
// what a right value looks like after a wrong one.
func (p prompter) ask(f schema.Field, sctx schema.Context, current string) (string, error) {
	label := f.Label.In(p.lang)
	p.out.Printf("\n%s\n  %s\n", label, f.Help.In(p.lang))
	if len(f.Options) > 0 && f.Kind == schema.KindSelect {
		// Line mode reads numbered lines: no arrow keys here.
		for i, o := range f.Options {
			p.out.Printf("  %d) %s\n", i+1, o.Label.In(p.lang))
		}
		p.out.Printf("  %s\n", t("Type the number of your choice, or its value.").In(p.lang))
	}
	for try := 0; try < 3; try++ {
		prompt := "> "
		switch {
		case f.Kind == schema.KindAcceptance:
			prompt = t("Type yes to accept > ").In(p.lang)
		case f.Kind == schema.KindYesNo:
			prompt = t("yes or no > ").In(p.lang)
		case current != "" && !f.Sensitive:
			prompt = fmt.Sprintf("[%s] > ", current)
		}
		read := p.line
		if f.Sensitive {
			read = func(format string, args ...any) (string, error) { return p.secret(fmt.Sprintf(format, args...)) }
		}
		v, err := read("%s", prompt)
		if err != nil {
			return "", err
		}
		if v == "" {
			v = current
		}
		if f.Kind == schema.KindAcceptance || f.Kind == schema.KindYesNo {
			v = yesNo(v, p.lang)
		}
		if f.Kind == schema.KindSelect {
			if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(f.Options) {
				v = f.Options[n-1].Value
			}
		}
		if err := f.Validate(v, sctx); err != nil {
			p.out.Printf("  ✗ %s\n", err)
			continue
		}
		if n := f.Normalize(v, sctx); n != v && !f.Sensitive {
			// A national form (020 7123 4567, 01/01/1901, California)
			// is shown as it will be sent.
			p.out.Printf("  → %s\n", n)
		}
		return v, nil
	}
	return "", exitcode.Usagef(t("%s: no valid value after three tries").In(p.lang), f.Key)
}

// yesNo reads a typed answer as "true" or "false": yes is the English
// y or yes, or lang's word for yes (the catalog's "Yes") or its answer
// letter, accents optional (si for sí).
func yesNo(v string, lang schema.Lang) string {
	v = plain(strings.TrimSpace(v))
	yes := []string{"y", "yes", "true", "1", plain(txtYes.In(lang)), plain(txtYesKey.In(lang))}
	if v != "" && slices.Contains(yes, v) {
		return "true"
	}
	return "false"
}

var (
	txtYes    = schema.TC("huh", "Yes")
	txtYesKey = schema.TC("key", "y")
)

// plain is s in lower case without its accents.
func plain(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Run onboards in line mode: create or load, then every step of the
// plan, field by field, with the same submit and error handling as the
// TUI; at the end the account's status, and exit 3 when fields are still
// due.
func (u UI) Run(ctx context.Context, cl *flows.Client, s Start) error {
	p := prompter{in: u.In, out: textout.NewWriter(untrusted.NewWriter(u.Out)), lang: u.Lang, tty: u.TTY}
	var err error
	var acct schema.Account
	if s.New {
		acct, err = cl.Create(ctx, s.Setup)
		if err == nil {
			p.out.Printf("%s %s (%s %s)\n", t("Created").In(u.Lang), acct.ID, acct.Country, schema.BusinessTypeLabel(acct.BusinessType, u.Lang))
		}
	} else {
		acct, err = cl.Load(ctx, s.AccountID)
	}
	if err != nil {
		return exitcode.With(textout.ExitCode(err), errors.New(flows.LocalMessage(err, u.Lang)))
	}
	j := cl.Journey(acct, s.Strategy)
	err = j.Drive(ctx, lineAsker(j, p, u.Lang), func(_ flows.Step, res flows.Result) {
		if res.Link != "" {
			p.out.Printf("%s\n  %s\n", t("Account link (single use):").In(u.Lang), res.Link)
		}
		for _, sd := range res.StillDue {
			p.out.Printf("  ! %s %s\n", sd.Path, t("still due after submit").In(u.Lang))
		}
	})
	var se *flows.StepError
	var ee *exitcode.Error
	switch {
	case err == nil, errors.Is(err, errEndOfInput):
	case errors.As(err, &ee):
		return ee
	case errors.Is(err, flows.ErrRefusedTooOften) && errors.As(err, &se):
		return exitcode.Usagef(t("%s: refused three times").In(u.Lang), se.Title)
	default:
		// A *flows.StepError: its text names the step.
		return textout.RunFailed(j.Account().ID, err, "", s.New || j.Requests() > 0, u.Lang)
	}
	acct = j.Account()
	if err := textout.Status(u.Out, acct, u.Lang); err != nil {
		return err
	}
	if err := p.out.Err(); err != nil {
		return err
	}
	if out := j.Outstanding(); len(out) > 0 {
		return &exitcode.Error{Code: exitcode.StillDue, Err: errors.New(schema.LabelValue(u.Lang, textout.StillDueCount(len(out), u.Lang), strings.Join(out, ", ")))}
	}
	return nil
}

// lineAsker asks a step's fields one line at a time; after a refusal it
// shows Stripe's message and asks again only the fields it names, the
// others keeping their values.
func lineAsker(j *flows.Journey, p prompter, lang schema.Lang) flows.Asker {
	return func(_ context.Context, st flows.Step, values map[string]string, refused error) (flows.Step, map[string]string, error) {
		ask := st.Fields
		if refused == nil {
			p.out.Printf("\n== %s ==\n", st.Title(j.Account(), lang))
		} else {
			p.out.Printf("  ✗ %s\n", flows.Message(refused))
			problems := flows.Problems(st, refused)
			ask = nil
			for _, f := range st.Fields {
				if problems[f.Key] != "" {
					ask = append(ask, f)
				}
			}
		}
		values = maps.Clone(values)
		sctx := j.Client().Context(j.Account())
		for _, f := range ask {
			if f.Kind == schema.KindLink || f.Kind == schema.KindRole {
				continue
			}
			if msg := st.Problems[f.Key]; msg != "" {
				p.out.Printf("  ✗ %s\n", msg)
			}
			v, err := p.ask(f, sctx, values[f.Key])
			if err != nil {
				return st, nil, err
			}
			values[f.Key] = v
		}
		return st, values, nil
	}
}
