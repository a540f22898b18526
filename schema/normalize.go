package schema

import "strings"

// Normalize returns a valid value as it will be sent, so a form can show
// what the operator's national form becomes: a phone number in E.164, a
// date as YYYY-MM-DD, a state's name as its code (California → CA). Other
// values are returned trimmed. An invalid value is returned trimmed too.
func (f Field) Normalize(v string, c Context) string {
	v = strings.TrimSpace(v)
	if v == "" || f.Validate(v, c) != nil {
		return v
	}
	switch f.Kind {
	case KindPhone:
		if e, ok := PhoneE164(v, c.Country); ok {
			return e
		}
	case KindDate:
		if d, ok := ParseDateIn(v, c); ok {
			return d.Format("2006-01-02")
		}
	}
	if len(f.Options) > 0 && f.Kind != KindSelect {
		if m := optionMatch(f.Options, v); m != "" {
			return m
		}
	}
	return v
}
