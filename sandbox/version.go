package sandbox

import (
	"regexp"
	"time"
)

// versionRE is the shape of a Stripe API version: a release date with an
// optional name (2025-08-27.basil, 2025-12-15.clover, ….preview) and
// optional beta flags ("; name=v1").
var versionRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(\.[a-z]+)?(; ?[a-z0-9_]+=v\d+)*$`)

// firstVersion is the date of Stripe's first API version.
var firstVersion = time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)

// validVersion reports whether a Stripe-Version header names a version
// Stripe could have released ("" is the account's default). Stripe
// answers any other with "Invalid Stripe API version: …".
func validVersion(v string) bool {
	if v == "" {
		return true
	}
	m := versionRE.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	d, err := time.Parse("2006-01-02", m[1])
	return err == nil && !d.Before(firstVersion)
}

// answeredVersion is the Stripe-Version a response carries: the one asked
// for when it is valid, the sandbox's own otherwise.
func answeredVersion(v string) string {
	if v == "" || !validVersion(v) {
		return apiVersion
	}
	return v
}
