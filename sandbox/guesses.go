package sandbox

import (
	"fmt"
	"net/http"
)

// This file keeps in one place the modelling choices made for behaviours
// that Stripe's docs, OpenAPI spec and SDKs do not settle. Each one is a
// guess [G]: change it freely when Stripe's real answer is known.

// errAccountInvalid answers a Stripe-Account header naming an account the
// platform does not have. [G] Stripe's message wording and 403 status are
// remembered from its API, not confirmed by the spec.
func errAccountInvalid(id string) *apiError {
	return &apiError{
		Status: http.StatusForbidden,
		Type:   errTypeInvalidRequest,
		Code:   "account_invalid",
		Message: fmt.Sprintf("The provided key does not have access to account '%s' (or that account does not exist). "+
			"Application access may have been revoked.", id),
	}
}
