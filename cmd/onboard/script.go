package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"onboard/flows"
	"onboard/schema"
)

// scriptNew is `new --answers`: validate every answer, create the account,
// run the flow, print the outcome. Every check that needs no request is
// made before the account is created.
func (a *app) scriptNew(ctx context.Context, n flows.NewAccount, s flows.Strategy, ans flows.Answers, answersPath string, asJSON bool) error {
	cl, release, err := a.setup()
	if err != nil {
		return err
	}
	defer release()
	sctx := cl.Context(schema.Account{Country: n.Country})
	if err := ans.Validate(sctx); err != nil {
		return withCode(exitUsage, describeInput(err, a.language, false))
	}
	say := a.progress(asJSON)
	acct, err := cl.Create(ctx, n)
	if err != nil {
		line := flows.ErrorLine(err)
		if !strings.HasPrefix(line, "create account") {
			line = "create account: " + line
		}
		return withCode(codeOf(err), errors.New(line))
	}
	say("%s %s (%s %s)\n", t("Created", "Compte créé :").In(a.language), acct.ID, acct.Country, schema.BusinessTypeLabel(acct.BusinessType, a.language))
	return a.finishScript(ctx, cl, acct, s, ans, answersPath, asJSON, true)
}

// scriptResume is `resume ID --answers`. The file's setup keys (country,
// business_type...) describe an account to create and are not used.
func (a *app) scriptResume(ctx context.Context, id string, s flows.Strategy, ans flows.Answers, answersPath string, asJSON bool) error {
	cl, release, err := a.setup()
	if err != nil {
		return err
	}
	defer release()
	acct, err := cl.Load(ctx, id)
	if err != nil {
		return a.runFailed(id, fmt.Errorf("%s: %w", t("load", "chargement").In(a.language), err), " --answers "+answersPath, false)
	}
	if c := ans.Setup.Country; c != "" && c != acct.Country {
		return usageErr(t("the answers file is for an account in %s, and %s is in %s; nothing was sent",
			"le fichier de réponses est pour un compte en %s, et %s est en %s ; rien n'a été envoyé").In(a.language), c, acct.ID, acct.Country)
	}
	if bt := ans.Setup.BusinessType; bt != "" && acct.BusinessType != "" && bt != acct.BusinessType {
		return usageErr(t("the answers file has business_type %s, and %s is of type %s; nothing was sent",
			"le fichier de réponses indique business_type %s, et %s est de type %s ; rien n'a été envoyé").In(a.language), bt, acct.ID, acct.BusinessType)
	}
	if acct.StripeCollects {
		return a.stripeHostedLink(ctx, cl, acct, asJSON)
	}
	if err := ans.Validate(cl.Context(acct)); err != nil {
		return withCode(exitUsage, describeInput(err, a.language, false))
	}
	return a.finishScript(ctx, cl, acct, s, ans, answersPath, asJSON, false)
}

// finishScript runs the flow on acct; created says the account was
// created by this run (so something was sent whatever happens next).
// A failure says how to resume with the same answers file.
func (a *app) finishScript(ctx context.Context, cl *flows.Client, acct schema.Account, s flows.Strategy, ans flows.Answers, answersPath string, asJSON, created bool) error {
	out := a.stdout
	if asJSON {
		out = a.stderr
	}
	rep, err := cl.Run(ctx, acct, s, ans, out)
	if err != nil {
		if asJSON {
			_ = writeJSON(a.stdout, flows.StatusOf(rep.Account))
		}
		return a.runFailed(acct.ID, err, " --answers "+answersPath, created || rep.Requests > 0)
	}
	if a.verbose && len(rep.Unused) > 0 {
		fmt.Fprintf(out, "%s %s\n", t("Not due, ignored:", "Non demandé, ignoré :").In(a.language), strings.Join(rep.Unused, ", "))
	}
	if asJSON {
		if err := writeJSON(a.stdout, flows.StatusOf(rep.Account)); err != nil {
			return err
		}
	} else {
		printStatus(a.stdout, rep.Account, a.language)
	}
	if len(rep.Outstanding) > 0 {
		fmt.Fprintf(a.stderr, "%s\n", t("Still due after the run:", "Toujours demandé après l'exécution :").In(a.language))
		for _, p := range rep.Outstanding {
			fmt.Fprintf(a.stderr, "  %s\n", p)
		}
		return &exitError{code: exitStillDue, err: withResume(errors.New(stillDueCount(len(rep.Outstanding), a.language)), acct.ID, a.language)}
	}
	return nil
}

// stripeHostedLink is resume on an account whose requirements Stripe
// collects (Express, Standard): no answer can be sent for it, so it says
// so and prints an account onboarding link for the holder, and the status.
func (a *app) stripeHostedLink(ctx context.Context, cl *flows.Client, acct schema.Account, asJSON bool) error {
	out := a.stdout
	if asJSON {
		out = a.stderr
	}
	fmt.Fprintln(out, flows.Explain(acct, a.language))
	url, err := cl.AccountLink(ctx, acct)
	if err != nil {
		return a.runFailed(acct.ID, fmt.Errorf("%s: %w", t("account link", "lien de compte").In(a.language), err), "", false)
	}
	fmt.Fprintf(out, "%s\n  %s\n", t("Account link (single use):", "Lien de compte (usage unique) :").In(a.language), url)
	if asJSON {
		return writeJSON(a.stdout, flows.StatusOf(acct))
	}
	printStatus(a.stdout, acct, a.language)
	return nil
}

// describeInput lists invalid answers. sent says whether requests were
// already made: "nothing was sent" is said only when it is true.
func describeInput(err error, lang schema.Lang, sent bool) error {
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
		b.WriteString(t("invalid answers (the steps before were sent):", "réponses invalides (les étapes précédentes ont été envoyées) :").In(lang))
	} else {
		b.WriteString(t("invalid answers, nothing was sent:", "réponses invalides, rien n'a été envoyé :").In(lang))
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %s: %s", k, ie.Fields[k])
	}
	return errors.New(b.String())
}

func describeRunError(err error, lang schema.Lang, sent bool) string {
	var ie *flows.InputError
	if errors.As(err, &ie) {
		return describeInput(err, lang, sent).Error()
	}
	line := flows.ErrorLine(err)
	var ae *flows.APIError
	if errors.As(err, &ae) && ae.Field != "" {
		return strings.TrimSuffix(line, ae.Message) + fmt.Sprintf(t("Stripe refused %s: %s", "Stripe a refusé %s\u00a0: %s").In(lang), ae.Field, ae.Message)
	}
	return line
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

var t = schema.T

// printStatus writes the human summary of an account.
func printStatus(w io.Writer, acct schema.Account, lang schema.Lang) {
	st := flows.StatusOf(acct)
	yes := func(b bool) string {
		if b {
			return t("enabled", "activés").In(lang)
		}
		return t("disabled", "désactivés").In(lang)
	}
	// A new account reads as new, not as past due (its JSON keeps the
	// guide's state).
	fmt.Fprintf(w, "%s  %s\n", acct.ID, flows.StateText(acct, lang))
	if why := flows.Explain(acct, lang); why != "" {
		fmt.Fprintf(w, "  %s\n", why)
	}
	fmt.Fprintf(w, "  %-22s %s\n", t("charges", "paiements").In(lang), yes(st.ChargesEnabled))
	fmt.Fprintf(w, "  %-22s %s\n", t("payouts", "virements").In(lang), yes(st.PayoutsEnabled))
	names := make([]string, 0, len(st.Capabilities))
	for n := range st.Capabilities {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-22s %s (%s)\n", schema.CapabilityLabel(n).In(lang), schema.CapabilityStatus(st.Capabilities[n], lang), n)
		for _, cp := range acct.Capabilities {
			if labels := flows.BlockingLabels(acct, cp, lang); cp.Name == n && len(labels) > 0 {
				fmt.Fprintf(w, "  %-22s %s %s\n", "", t("waits for", "attend").In(lang), strings.Join(labels, ", "))
			}
		}
	}
	dl := t("none", "aucune").In(lang)
	if st.Requirements.CurrentDeadline != nil {
		dl = st.Requirements.CurrentDeadline.Format("2006-01-02 15:04 MST")
	}
	fmt.Fprintf(w, "  %-22s %s\n", t("deadline", "échéance").In(lang), dl)
	r := st.Requirements
	// one names a single item: French participles agree (dû, dus).
	for _, l := range []struct {
		one, many schema.Text
		items     []string
	}{
		{t("past due", "en retard"), t("past due", "en retard"), r.PastDue},
		{t("currently due", "dû maintenant"), t("currently due", "dus maintenant"), r.CurrentlyDue},
		{t("eventually due", "dû plus tard"), t("eventually due", "dus plus tard"), r.EventuallyDue},
		{t("pending verification", "en vérification"), t("pending verification", "en vérification"), r.PendingVerification},
	} {
		if len(l.items) > 0 {
			fmt.Fprintf(w, "  %-22s %s\n", schema.Plural(lang, len(l.items), l.one, l.many), strings.Join(l.items, ", "))
		}
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  ✗ %s %s (%s)\n", schema.Colon(lang, e.Requirement), schema.ExplainError(e.Code, lang), e.Code)
	}
}

// earlyLang is the operator's language before setup runs (an answers file
// is read, and its errors shown, before the client is built), by the same
// rules as setup: --lang, the profile, the environment.
func (a *app) earlyLang() schema.Lang {
	if a.language != "" {
		return a.language
	}
	var p profile
	if path, err := configPath(); err == nil {
		if cfg, err := readConfig(path); err == nil {
			name := a.profile
			if name == "" {
				name = "default"
			}
			p = cfg.Profiles[name]
		}
	}
	if err := a.resolveLang(p); err != nil {
		return schema.English // setup reports the bad --lang
	}
	return a.language
}

// stillDueCount is the final line of a run that left fields due, in lang
// ("2 fields still due"; it read "2 field(s) still due" on French runs).
func stillDueCount(n int, lang schema.Lang) string {
	return fmt.Sprintf(schema.Plural(lang, n, t("%d field still due", "%d champ toujours demandé"),
		t("%d fields still due", "%d champs toujours demandés")), n)
}
