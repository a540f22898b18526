// Package params is the sandbox's reading of a form-encoded v1 request
// body: the parameter tree (individual[dob][day]=1 becomes nested nodes a
// handler reads by name), the typed reads Stripe makes (integers,
// booleans, "" that cannot unset), and the check of every parameter no
// handler read against the parameters Stripe's OpenAPI spec documents for
// the route (spec_params_gen.go, generated from spec3.json by
// sandbox/internal/specgen): its type, enum and maximum length, or
// Stripe's "Received unknown parameter". See
// https://docs.stripe.com/api/accounts/update for the parameters and
// https://docs.stripe.com/api/errors for the error shape.
//
// It does no I/O (a file id is checked through a function the caller
// passes) and imports nothing of the module; a refusal is an *Error that
// package sandbox answers as a 400 invalid_request_error.
package params
