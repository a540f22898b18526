package flows

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"onboard/schema"
)

// InputError says that values were refused before any request was sent.
// Fields maps each field key to what is wrong with it.
type InputError struct {
	Fields map[string]string
}

func (e *InputError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + e.Fields[k]
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// APIError is a Stripe error made readable: Stripe's message, the field it
// concerns (mapped back from its param), and the HTTP status.
type APIError struct {
	Field   string // field key to reopen, "" when the error names none
	Param   string
	Code    string
	Message string
	Status  int
	Err     error
}

func (e *APIError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s (%s)", e.Message, e.Field)
	}
	return e.Message
}

func (e *APIError) Unwrap() error { return e.Err }

// FromStripe turns err into an *APIError with its field when it holds an
// error Stripe answered (the adapter's *APIError), mapping its param to a
// field of an account in country. Other errors (network) are returned as
// they are.
func FromStripe(err error, country string) error {
	var se *APIError
	if !errors.As(err, &se) {
		return err
	}
	field := schema.FieldForParam(se.Param, country)
	if field == "" {
		// Some errors name no param; their code still says which field.
		field = codeFields[se.Code]
	}
	return &APIError{
		Field:   field,
		Param:   se.Param,
		Code:    se.Code,
		Message: se.Message,
		Status:  se.Status,
		Err:     err,
	}
}

// codeFields name the field of errors Stripe sends without a param, by
// their code: the last part of the field's key (the driver matches it to
// the step's field, whoever's it is: individual.dob, person_x.dob).
var codeFields = map[string]string{
	"routing_number_invalid":        "routing_number",
	"account_number_invalid":        "account_number",
	"bank_account_unusable":         "account_number",
	"bank_account_declined":         "account_number",
	"tax_id_invalid":                "tax_id",
	"invalid_dob_age_under_minimum": "dob",
	"invalid_dob_age_over_maximum":  "dob",
	"url_invalid":                   "url",
	"invalid_url_format":            "url",
	"email_invalid":                 "email",
	"phone_number_invalid":          "phone",
	"postal_code_invalid":           "postal_code",
	"invalid_tos_acceptance":        "tos_acceptance",
}

// Message is the one line to show for any error.
func Message(err error) string {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Message
	}
	return err.Error()
}

// ErrorLine is Message with the context the error was wrapped in kept in
// front ("Identity: update account: …"), so a failure says which step
// and call it stopped at; Stripe's JSON dump is replaced by its message.
func ErrorLine(err error) string {
	if err == nil {
		return ""
	}
	full := err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		var msg string
		switch x := e.(type) {
		case *CreateLostError:
			msg = x.Error() // its own line, with what to do next
		case *APIError:
			msg = x.Message
		case *url.Error:
			// `Post "https://…/v1/accounts": …`: the call is already
			// named, the URL says nothing more.
			msg = ErrorLine(x.Err)
		default:
			continue
		}
		return strings.TrimSuffix(full, e.Error()) + msg
	}
	return full
}
