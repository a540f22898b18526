package params

import "fmt"

// Error is a request parameter Stripe refuses with a 400
// invalid_request_error: its code (often ""), the parameter in bracket
// form and the message. Package sandbox answers it in Stripe's error body
// (https://docs.stripe.com/api/errors).
type Error struct {
	Code    string
	Param   string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Invalid builds the error for param with a formatted message.
func Invalid(code, param, format string, args ...any) *Error {
	return &Error{Code: code, Param: param, Message: fmt.Sprintf(format, args...)}
}

// ErrUnknown is Stripe's answer to a parameter it does not document.
func ErrUnknown(param string) *Error {
	return Invalid("parameter_unknown", param, "Received unknown parameter: %s", param)
}

// ErrInvalidInteger is Stripe's answer to a value that is not an integer.
func ErrInvalidInteger(param, value string) *Error {
	return Invalid("parameter_invalid_integer", param, "Invalid integer: %s", value)
}

// ErrEmpty mirrors Stripe's answer to "" on a parameter that cannot be unset.
func ErrEmpty(param string) *Error {
	return Invalid("parameter_invalid_empty", param,
		"You passed an empty string for '%s'. We assume empty values are an attempt to unset a parameter; however '%s' cannot be unset. You should remove '%s' from your request or supply a non-empty value.",
		param, param, param)
}
