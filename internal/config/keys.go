package config

import (
	"regexp"
	"slices"
	"strings"
)

// Everything onboard knows about the shape of Stripe's keys: which prefixes
// exist (https://docs.stripe.com/keys: secret sk_, restricted rk_,
// publishable pk_, each _test_ or _live_; webhook signing secrets whsec_,
// https://docs.stripe.com/webhooks#verify-official-libraries), which of
// them onboard takes, and how a key is shown (redacted) wherever it could
// be printed.

// keyPrefixes are the prefixes of Stripe's keys and secrets.
var keyPrefixes = []string{"sk_test_", "rk_test_", "sk_live_", "rk_live_", "pk_test_", "pk_live_", "whsec_"}

// KeyPrefix is k's known prefix, or "".
func KeyPrefix(k string) string {
	for _, p := range keyPrefixes {
		if strings.HasPrefix(k, p) {
			return p
		}
	}
	return ""
}

// IsSecretKey reports a secret or restricted key, the keys the API takes.
func IsSecretKey(k string) bool {
	return slices.Contains([]string{"sk_test_", "rk_test_", "sk_live_", "rk_live_"}, KeyPrefix(k))
}

// IsTestSecretKey reports a test-mode secret or restricted key, the only
// keys written to the config file.
func IsTestSecretKey(k string) bool {
	p := KeyPrefix(k)
	return p == "sk_test_" || p == "rk_test_"
}

// IsLiveKey reports a key that moves real money.
func IsLiveKey(k string) bool {
	p := KeyPrefix(k)
	return p == "sk_live_" || p == "rk_live_"
}

// ContainsLiveKey reports a live secret key anywhere in s, not only at its
// start (after a tab, a label, a test key).
func ContainsLiveKey(s string) bool {
	return strings.Contains(s, "sk_live_") || strings.Contains(s, "rk_live_")
}

// Redact shows a key's known prefix and its last 4 characters
// ("sk_test_…4f2a"); a key with no known prefix shows only its last 4
// ("…4f2a"), and a key too short for that shows nothing.
func Redact(k string) string {
	p := KeyPrefix(k)
	rest := k[len(p):]
	if len(rest) < 12 {
		return p + strings.Repeat("*", min(len(rest), 8))
	}
	return p + "…" + rest[len(rest)-4:]
}

// keyInText finds a key of a known prefix in a message (cobra quotes an
// argument it does not know: "unknown command \"sk_test_…\""). Keys are
// letters and digits; a signing secret is base64.
var keyInText = regexp.MustCompile(`(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]+|whsec_[A-Za-z0-9+/=]+`)

// MaskKeys redacts, in a message about to be printed, every key of a known
// prefix and every one of secrets (values given where a key goes, whatever
// their shape).
func MaskKeys(msg string, secrets ...string) string {
	// Longest first, so a secret that holds another is replaced whole.
	secrets = slices.Clone(secrets)
	slices.SortFunc(secrets, func(a, b string) int { return len(b) - len(a) })
	for _, s := range secrets {
		if len(s) >= 4 {
			msg = strings.ReplaceAll(msg, s, Redact(s))
		}
	}
	return keyInText.ReplaceAllStringFunc(msg, Redact)
}

// keyFlags are the flags whose value is a key or a secret.
var keyFlags = []string{"--api-key", "--webhook-secret"}

// SecretArgs are the values of a command line that are keys whatever
// their shape: the environment's keys, the value of a key flag, any
// argument given to config set-key (which reads its key from standard
// input: a key typed after it is a mistake to hide), and long tokens that
// look like a key pasted in the wrong place. Keys of a known prefix are
// found by MaskKeys itself.
func SecretArgs(args []string, getenv func(string) string) []string {
	var out []string
	for _, env := range []string{"STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"} {
		if v := getenv(env); v != "" {
			out = append(out, v)
		}
	}
	setKey := false
	for i, arg := range args {
		if i > 0 && args[i-1] == "config" && arg == "set-key" {
			setKey = true
			continue
		}
		name, value, hasValue := strings.Cut(arg, "=")
		switch {
		case slices.Contains(keyFlags, name) && hasValue:
			out = append(out, value)
		case slices.Contains(keyFlags, arg) && i+1 < len(args):
			out = append(out, args[i+1])
		case setKey && !strings.HasPrefix(arg, "-"), looksLikeToken(arg):
			out = append(out, arg)
		}
	}
	return out
}

// objectID matches Stripe's object ids (acct_…, person_…, file_…), which
// are long tokens too but no secret.
var objectID = regexp.MustCompile(`^[a-z]{2,12}_[A-Za-z0-9]+$`)

// looksLikeToken reports an argument of 32 or more letters and digits
// (both), not an object id: what a key with an unknown prefix looks like.
func looksLikeToken(s string) bool {
	if len(s) < 32 || objectID.MatchString(s) && KeyPrefix(s) == "" {
		return false
	}
	letter, digit := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letter = true
		case r == '_', r == '-':
		default:
			return false
		}
	}
	return letter && digit
}
