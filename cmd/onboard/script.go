package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// text is w for plain-text output that mixes onboard's words with text
// from Stripe or a file (names, paths, reasons): what a terminal would act
// on is shown escaped (package untrusted).
// Its write errors are w's, kept by the *textout.Writer under it.
func (a *app) text(w io.Writer) *textout.Writer { return textout.NewWriter(untrusted.NewWriter(w)) }

// scriptNew is `new --answers`: validate every answer, create the account,
// run the flow, print the outcome. Every check that needs no request is
// made before the account is created.
// rest is what `resume` takes to continue with the same answers
// (resumeArgs).
func (a *app) scriptNew(ctx context.Context, n flows.NewAccount, s flows.Strategy, ans answers.Answers, rest string, asJSON bool) error {
	ses, err := a.connect(false)
	if err != nil {
		return err
	}
	defer ses.Close()
	cl := ses.client
	sctx := cl.Context(schema.Account{Country: n.Country})
	if err := ans.Validate(sctx); err != nil {
		return withCode(exitUsage, textout.DescribeInput(err, a.cfg.Lang(), false))
	}
	say := a.progress(ses, asJSON)
	acct, err := cl.Create(ctx, n)
	if err != nil {
		line := flows.ErrorLine(err)
		if !strings.HasPrefix(line, "create account") {
			line = "create account: " + line
		}
		return withCode(codeOf(err), errors.New(line))
	}
	say("%s %s (%s %s)\n", t("Created").In(a.cfg.Lang()), acct.ID, acct.Country, schema.BusinessTypeLabel(acct.BusinessType, a.cfg.Lang()))
	return a.finishScript(ctx, ses, acct, s, ans, rest, asJSON, true)
}

// scriptResume is `resume ID --answers` (or --test-values). The file's
// setup keys (country, business_type...) describe an account to create
// and are not used. With testValues, Stripe's test values for the
// account's country answer whatever the file does not.
func (a *app) scriptResume(ctx context.Context, id string, s flows.Strategy, ans answers.Answers, rest string, testValues, asJSON bool) error {
	ses, err := a.connect(false)
	if err != nil {
		return err
	}
	defer ses.Close()
	cl := ses.client
	acct, err := cl.Load(ctx, id)
	if err != nil {
		return a.runFailed(id, fmt.Errorf("%s: %w", t("load").In(a.cfg.Lang()), err), rest, false)
	}
	if c := ans.Setup.Country; c != "" && c != acct.Country {
		return usageErr(t("the answers file is for an account in %s, and %s is in %s; nothing was sent").In(a.cfg.Lang()), c, acct.ID, acct.Country)
	}
	if bt := ans.Setup.BusinessType; bt != "" && acct.BusinessType != "" && bt != acct.BusinessType {
		return usageErr(t("the answers file has business_type %s, and %s is of type %s; nothing was sent").In(a.cfg.Lang()), bt, acct.ID, acct.BusinessType)
	}
	if acct.StripeCollects {
		return a.stripeHostedLink(ctx, cl, acct, asJSON)
	}
	if testValues {
		if ans, err = withTestValues(ans, acct.Country, acct.BusinessType); err != nil {
			return err
		}
	}
	if err := ans.Validate(cl.Context(acct)); err != nil {
		return withCode(exitUsage, textout.DescribeInput(err, a.cfg.Lang(), false))
	}
	if a.edit {
		// Corrections first: a corrected address or date of birth can
		// clear what is due (the document Stripe asked instead).
		if acct, err = a.editScript(ctx, ses, acct, s, ans, asJSON); err != nil {
			return a.runFailed(acct.ID, err, rest, true)
		}
	}
	return a.finishScript(ctx, ses, acct, s, ans, rest, asJSON, false)
}

// finishScript runs the flow on acct; created says the account was
// created by this run (so something was sent whatever happens next).
// A failure says how to resume with the same answers file.
func (a *app) finishScript(ctx context.Context, ses *session, acct schema.Account, s flows.Strategy, ans answers.Answers, rest string, asJSON, created bool) error {
	out := a.text(a.stdout)
	if asJSON {
		out = a.text(ses.stderr)
	}
	rep, err := answers.Run(ctx, ses.client, acct, s, ans, out)
	if err != nil {
		if asJSON {
			_ = textout.JSON(a.stdout, flows.StatusOf(rep.Account)) // the run's failure is the one to report
		}
		return a.runFailed(acct.ID, err, rest, created || rep.Requests > 0)
	}
	var unused []string
	for _, k := range rep.Unused {
		if !slices.Contains(a.edited, k) {
			unused = append(unused, k)
		}
	}
	switch {
	case len(unused) == 0:
	case !created && !a.edit:
		// resume: an answer that changes nothing must not pass in silence.
		out.Printf("%s%s\n", schema.LeadIn(t("Not due, ignored (--edit sends them):").In(a.cfg.Lang())), strings.Join(unused, ", "))
	case a.cfg.Flags().Verbose:
		out.Printf("%s%s\n", schema.LeadIn(t("Not due, ignored:").In(a.cfg.Lang())), strings.Join(unused, ", "))
	}
	if asJSON {
		if err := textout.JSON(a.stdout, flows.StatusOf(rep.Account)); err != nil {
			return err
		}
	} else if err := textout.Status(a.stdout, rep.Account, a.cfg.Lang()); err != nil {
		return err
	}
	if len(rep.Outstanding) > 0 {
		ses.stderr.Printf("%s\n", t("Still due after the run:").In(a.cfg.Lang()))
		for _, p := range rep.Outstanding {
			a.text(ses.stderr).Printf("  %s\n", p)
		}
		return &exitcode.Error{Code: exitStillDue, Err: textout.WithResume(errors.New(textout.StillDueCount(len(rep.Outstanding), a.cfg.Lang())), acct.ID, a.cfg.Lang())}
	}
	return nil
}

// loadAnswers reads --answers (a regular file, or - for stdin): a file
// refused is a usage error (exit 2), an interrupt during the read exits
// 130.
func (a *app) loadAnswers(ctx context.Context, path string, ignoreUnknown bool) (answers.Answers, error) {
	ans, err := answers.Read(ctx, path, a.stdin, answers.Options{IgnoreUnknown: ignoreUnknown, Lang: a.cfg.Lang()})
	if err != nil && ctx.Err() != nil {
		return ans, withCode(exitInterrupted, err)
	}
	return ans, withCode(exitUsage, err)
}

// stripeHostedLink is resume on an account whose requirements Stripe
// collects (Express, Standard): no answer can be sent for it, so it says
// so and prints an account onboarding link for the holder, and the status.
func (a *app) stripeHostedLink(ctx context.Context, cl *flows.Client, acct schema.Account, asJSON bool) error {
	lang := a.cfg.Lang()
	out := a.stdout
	if asJSON {
		out = a.stderr
	}
	text := a.text(out)
	text.Println(flows.Explain(acct, lang))
	url, err := cl.AccountLink(ctx, acct)
	if err != nil {
		return a.runFailed(acct.ID, fmt.Errorf("%s: %w", t("account link").In(lang), err), "", false)
	}
	text.Printf("%s\n  %s\n", t("Account link (single use):").In(lang), url)
	if asJSON {
		return textout.JSON(a.stdout, flows.StatusOf(acct))
	}
	return textout.Status(a.stdout, acct, lang)
}

// editScript is resume --answers --edit's corrections: the answers for
// fields that are not due are sent where they change what Stripe holds,
// and each value replaced is printed.
func (a *app) editScript(ctx context.Context, ses *session, acct schema.Account, s flows.Strategy, ans answers.Answers, asJSON bool) (schema.Account, error) {
	out := a.text(a.stdout)
	if asJSON {
		out = a.text(ses.stderr)
	}
	next, replaced, used, err := answers.Edit(ctx, ses.client, acct, s, ans)
	a.edited = used
	for _, r := range replaced {
		out.Printf("✓ %s %s\n", t("Replaced").In(a.cfg.Lang()), r)
	}
	if err != nil {
		return acct, err
	}
	if len(replaced) == 0 {
		out.Printf("%s\n", t("Nothing to correct: the account already holds these values.").In(a.cfg.Lang()))
	}
	return next, nil
}
