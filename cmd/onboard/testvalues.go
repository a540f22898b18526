package main

import (
	"onboard/flows"
	"onboard/flows/answers"
	"onboard/internal/config"
)

// resumeArgs are the arguments `onboard resume ID` takes to continue a
// scripted run with the same answers.
func resumeArgs(answersPath string, testValues bool) string {
	rest := ""
	if answersPath != "" {
		rest += " --answers " + answersPath
	}
	if testValues {
		rest += " --test-values"
	}
	return rest
}

// refuseLiveTestValues keeps --test-values to the sandbox and test keys:
// Stripe's test values mean nothing on a live account, and sending them
// would put made-up data on a real one.
func (a *app) refuseLiveTestValues() error {
	api, err := a.cfg.API()
	if err != nil {
		return err
	}
	if api.Mode == config.ModeLive {
		return usageErr("%s", t("--test-values sends Stripe's test values: it works on the sandbox and with test keys, never on a live account; nothing was sent").In(a.cfg.Lang()))
	}
	return nil
}

// withTestValues answers every field the file does not with Stripe's
// passing test value for the account's country (flows.TestValueAnswers):
// what the file says wins, and only the file's own keys are reported as
// unused.
func withTestValues(file answers.Answers, country, businessType string) (answers.Answers, error) {
	tv, err := answers.Parse(flows.TestValueAnswers(country, businessType))
	if err != nil {
		return file, err // the table's own answers are tested to parse
	}
	for k, v := range file.Values {
		tv.Values[k] = v
	}
	tv.Keys, tv.Setup = file.Keys, file.Setup
	return tv, nil
}
