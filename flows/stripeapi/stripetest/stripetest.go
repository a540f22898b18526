// Package stripetest helps tests reach Stripe (the sandbox, a mock)
// without naming stripe-go themselves: a bare client (no request policy,
// each request sent once as stripe-go sends it), what flows' ports do not
// offer (creating an account with any parameters, listing what one holds),
// and signed webhooks. Tests only: the app reaches Stripe through
// stripeapi.Connect.
package stripetest

import (
	"context"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/schema"
)

// APIVersion is the Stripe API version stripe-go pins (webhook payloads
// carry it).
const APIVersion = stripe.APIVersion

// Client is flows' ports over a bare stripe-go client of base through rt
// (nil: the network): no request policy, no retries, no telemetry.
func Client(key, base string, rt http.RoundTripper) (stripeapi.Adapter, flows.V2API) {
	return ClientOver(key, base, &http.Client{Transport: rt})
}

// ClientOver is Client with its HTTP client hc.
func ClientOver(key, base string, hc *http.Client) (stripeapi.Adapter, flows.V2API) {
	return clientOver(key, base, "", hc)
}

// ClientWithFiles is Client with uploads sent to filesBase, as stripe-go
// sends them to Stripe's files host.
func ClientWithFiles(key, base, filesBase string, rt http.RoundTripper) (stripeapi.Adapter, flows.V2API) {
	return clientOver(key, base, filesBase, &http.Client{Transport: rt})
}

func clientOver(key, base, filesBase string, hc *http.Client) (stripeapi.Adapter, flows.V2API) {
	cfg := func(url string) *stripe.BackendConfig {
		return &stripe.BackendConfig{
			URL: stripe.String(url), HTTPClient: hc,
			MaxNetworkRetries: stripe.Int64(0), LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
			EnableTelemetry: stripe.Bool(false),
		}
	}
	backends := stripe.NewBackendsWithConfig(cfg(base))
	if filesBase != "" {
		backends.Uploads = stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg(filesBase))
	}
	sc := stripe.NewClient(key, stripe.WithBackends(backends))
	b := stripe.GetBackendWithConfig(stripe.APIBackend, cfg(base)).(stripe.RawRequestBackend)
	return stripeapi.Adapter{SC: sc}, stripeapi.NewV2(b, key)
}

// CreateAccount creates an account with exactly params (form keys, as
// Stripe documents them: type=standard, company[name]…), for a test that
// needs one onboard would not create, and returns its id.
func CreateAccount(ctx context.Context, api stripeapi.Adapter, params ...schema.Param) (string, error) {
	p := &stripe.AccountCreateParams{}
	for _, q := range params {
		p.AddExtra(q.Key, q.Value)
	}
	a, err := api.SC.V1Accounts.Create(ctx, p)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

// Holdings counts what an account holds: its persons and its bank
// accounts (a retried write that made two would show here).
func Holdings(ctx context.Context, api stripeapi.Adapter, account string) (persons, banks int, err error) {
	for _, err := range api.SC.V1Persons.List(ctx, &stripe.PersonListParams{Account: stripe.String(account)}) {
		if err != nil {
			return 0, 0, err
		}
		persons++
	}
	for _, err := range api.SC.V1BankAccounts.List(ctx, &stripe.BankAccountListParams{Account: stripe.String(account)}) {
		if err != nil {
			return 0, 0, err
		}
		banks++
	}
	return persons, banks, nil
}

// AccountIDs lists the ids of every connected account, newest first.
func AccountIDs(ctx context.Context, api stripeapi.Adapter) ([]string, error) {
	var out []string
	for a, err := range api.SC.V1Accounts.List(ctx, &stripe.AccountListParams{}) {
		if err != nil {
			return nil, err
		}
		out = append(out, a.ID)
	}
	return out, nil
}

// Files is the purpose of every file uploaded, by file name.
func Files(ctx context.Context, api stripeapi.Adapter) (map[string]string, error) {
	out := map[string]string{}
	for f, err := range api.SC.V1Files.List(ctx, &stripe.FileListParams{}) {
		if err != nil {
			return nil, err
		}
		out[f.Filename] = string(f.Purpose)
	}
	return out, nil
}

// SignWebhook is the Stripe-Signature header of payload signed with
// secret at t, as Stripe signs a webhook.
func SignWebhook(payload []byte, secret string, t time.Time) string {
	return stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: t}).Header
}
