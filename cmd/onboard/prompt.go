package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"onboard/flows"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/schema"
)

// The line mode is what runs when standard input is not a terminal and no
// answers file is given: screen readers, dumb terminals, pipes. huh's
// accessible mode is not fit for it (huh v1.0.0: it asks hidden
// groups, panics on EOF in selects, loses piped lines between prompts), so
// the same steps are asked here as plain lines from the same field specs,
// through one reader.

// prompter asks fields one line at a time.
type prompter struct {
	in   *bufio.Reader
	out  io.Writer
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
	fmt.Fprint(p.out, prompt)
	b, err := term.ReadPassword(p.tty.Fd())
	fmt.Fprintln(p.out)
	if err != nil {
		return "", errEndOfInput
	}
	return strings.TrimSpace(string(b)), nil
}

// errEndOfInput is the input running out before every field was asked.
var errEndOfInput = errors.New("end of input")

func (p prompter) line(format string, args ...any) (string, error) {
	fmt.Fprintf(p.out, format, args...)
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
	fmt.Fprintf(p.out, "\n%s\n  %s\n", label, f.Help.In(p.lang))
	if len(f.Options) > 0 && f.Kind == schema.KindSelect {
		// Line mode reads numbered lines: no arrow keys here.
		for i, o := range f.Options {
			fmt.Fprintf(p.out, "  %d) %s\n", i+1, o.Label.In(p.lang))
		}
		fmt.Fprintf(p.out, "  %s\n", t("Type the number of your choice, or its value.", "Tapez le numéro de votre choix, ou sa valeur.").In(p.lang))
	}
	for try := 0; try < 3; try++ {
		prompt := "> "
		switch {
		case f.Kind == schema.KindAcceptance:
			prompt = t("Type yes to accept > ", "Tapez oui pour accepter > ").In(p.lang)
		case f.Kind == schema.KindYesNo:
			prompt = t("yes or no > ", "oui ou non > ").In(p.lang)
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
			v = yesNo(v)
		}
		if f.Kind == schema.KindSelect {
			if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(f.Options) {
				v = f.Options[n-1].Value
			}
		}
		if err := f.Validate(v, sctx); err != nil {
			fmt.Fprintf(p.out, "  ✗ %s\n", err)
			continue
		}
		if n := f.Normalize(v, sctx); n != v && !f.Sensitive {
			// A national form (020 7123 4567, 01/01/1901, California)
			// is shown as it will be sent.
			fmt.Fprintf(p.out, "  → %s\n", n)
		}
		return v, nil
	}
	return "", usageErr(t("%s: no valid value after three tries", "%s : aucune valeur valide après trois essais").In(p.lang), f.Key)
}

func yesNo(v string) string {
	switch strings.ToLower(v) {
	case "y", "yes", "o", "oui", "true", "1":
		return "true"
	}
	return "false"
}

// runLines onboards in line mode: create or load, then every step of the
// plan, field by field, with the same submit and error handling as the TUI.
func (a *app) runLines(ctx context.Context, s tuiStart) error {
	if !s.new && s.accountID == "" {
		// Say why the screens are off: a real terminal with TERM=dumb or
		// ACCESSIBLE set is a terminal, just not one we draw screens on.
		why := t("no terminal on standard input", "pas de terminal sur l'entrée standard")
		if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
			why = t("TERM=dumb or ACCESSIBLE is set, so questions are asked line by line",
				"TERM=dumb ou ACCESSIBLE est défini, les questions sont donc posées ligne par ligne")
		}
		return usageErr("%s: %s", why.In(a.cfg.Lang()), t("use onboard new or onboard resume ID, or --answers FILE",
			"utilisez onboard new ou onboard resume ID, ou --answers FICHIER").In(a.cfg.Lang()))
	}
	cl, release, err := a.setup()
	if err != nil {
		return err
	}
	defer release()
	p := prompter{in: a.reader(), out: a.text(a.stdout), lang: a.cfg.Lang()}
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		p.tty = f
	}
	var acct schema.Account
	if s.new {
		acct, err = cl.Create(ctx, s.setup)
		if err == nil {
			fmt.Fprintf(p.out, "%s %s (%s %s)\n", t("Created", "Compte créé :").In(a.cfg.Lang()), acct.ID, acct.Country, schema.BusinessTypeLabel(acct.BusinessType, a.cfg.Lang()))
		}
	} else {
		acct, err = cl.Load(ctx, s.accountID)
	}
	if err != nil {
		return withCode(codeOf(err), errors.New(flows.LocalMessage(err, a.cfg.Lang())))
	}
	j := cl.Journey(acct, s.strategy)
	err = j.Drive(ctx, a.lineAsker(j, p), func(_ flows.Step, res flows.Result) {
		if res.Link != "" {
			fmt.Fprintf(p.out, "%s\n  %s\n", t("Account link (single use):", "Lien de compte (usage unique) :").In(a.cfg.Lang()), res.Link)
		}
		for _, sd := range res.StillDue {
			fmt.Fprintf(p.out, "  ! %s %s\n", sd.Path, t("still due after submit", "toujours demandé après envoi").In(a.cfg.Lang()))
		}
	})
	var se *flows.StepError
	var ee *exitcode.Error
	switch {
	case err == nil, errors.Is(err, errEndOfInput):
	case errors.As(err, &ee):
		return ee
	case errors.Is(err, flows.ErrRefusedTooOften) && errors.As(err, &se):
		return usageErr(t("%s: refused three times", "%s : refusé trois fois").In(a.cfg.Lang()), se.Title)
	default:
		// A *flows.StepError: its text names the step.
		return a.runFailed(j.Account().ID, err, "", s.new || j.Requests() > 0)
	}
	acct = j.Account()
	textout.Status(a.stdout, acct, a.cfg.Lang())
	if out := j.Outstanding(); len(out) > 0 {
		return &exitcode.Error{Code: exitStillDue, Err: fmt.Errorf("%s %s", schema.Colon(a.cfg.Lang(), textout.StillDueCount(len(out), a.cfg.Lang())), strings.Join(out, ", "))}
	}
	return nil
}

// lineAsker asks a step's fields one line at a time; after a refusal it
// shows Stripe's message and asks again only the fields it names, the
// others keeping their values.
func (a *app) lineAsker(j *flows.Journey, p prompter) flows.Asker {
	return func(_ context.Context, st flows.Step, values map[string]string, refused error) (flows.Step, map[string]string, error) {
		ask := st.Fields
		if refused == nil {
			fmt.Fprintf(p.out, "\n== %s ==\n", st.Title(j.Account(), a.cfg.Lang()))
		} else {
			fmt.Fprintf(p.out, "  ✗ %s\n", flows.Message(refused))
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
				fmt.Fprintf(p.out, "  ✗ %s\n", msg)
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
