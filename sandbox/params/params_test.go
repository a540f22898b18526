package params

import (
	"errors"
	"net/url"
	"slices"
	"testing"
)

func parse(t *testing.T, route, body string) *Param {
	t.Helper()
	v, err := url.ParseQuery(body)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(v).ForRoute(route, nil)
}

// wantError checks that err is a parameter refusal with code and param.
func wantError(t *testing.T, what string, err error, code, param string) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != code || pe.Param != param {
		t.Errorf("%s: %v, want a refusal %q of %q", what, err, code, param)
	}
}

// Nested keys become a tree read by name; each node keeps its bracket
// path for errors.
func TestTreeReadsNestedKeys(t *testing.T) {
	p := parse(t, "POST v1/accounts", "individual[dob][day]=1&individual[dob][year]=1901")
	day := p.Get("individual").Get("dob").Get("day")
	if v, ok := day.Str(); !ok || v != "1" || day.Path != "individual[dob][day]" {
		t.Errorf("day: %q %v at %q", v, ok, day.Path)
	}
	if p.Get("company").Get("name").Present() {
		t.Error("a parameter not sent is present")
	}
	if got := p.Get("individual").Get("dob").Names(); !slices.Equal(got, []string{"day", "year"}) {
		t.Errorf("names: %v", got)
	}
	if got := SplitKey("a[b][c]"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("SplitKey: %v", got)
	}
	if got := SplitKey("a[b]c"); !slices.Equal(got, []string{"a[b]c"}) {
		t.Errorf("a malformed key is kept whole: %v", got)
	}
}

// Typed reads refuse what Stripe refuses, naming the parameter.
func TestTypedReads(t *testing.T) {
	p := parse(t, "POST v1/accounts", "a=x&b=maybe&c=&d=True&e=12")
	_, _, err := p.Get("a").Integer()
	wantError(t, "integer", err, "parameter_invalid_integer", "a")
	_, _, err = p.Get("b").Boolean()
	wantError(t, "boolean", err, "", "b")
	_, _, err = p.Get("c").NonEmpty()
	wantError(t, "empty", err, "parameter_invalid_empty", "c")
	if v, ok, err := p.Get("d").Boolean(); err != nil || !ok || !v {
		t.Errorf("True: %v %v %v", v, ok, err)
	}
	if n, ok, err := p.Get("e").Integer(); err != nil || !ok || n != 12 {
		t.Errorf("12: %v %v %v", n, ok, err)
	}
}

// What no handler read is checked against the route's documented
// parameters: accepted when it fits, refused by its type or enum, or as
// unknown.
func TestUnreadParametersAgainstTheSpec(t *testing.T) {
	p := parse(t, "POST v1/accounts", "business_profile[estimated_worker_count]=12")
	if err := p.Unknown(); err != nil {
		t.Fatalf("a documented integer: %v", err)
	}
	if got := p.Accepted(); got["business_profile[estimated_worker_count]"] != "12" {
		t.Errorf("accepted: %v", got)
	}
	if got := p.NotModelled(); !slices.Equal(got, []string{"business_profile[estimated_worker_count]"}) {
		t.Errorf("not modelled: %v", got)
	}
	p.MarkKept([]string{"business_profile[estimated_worker_count]"})
	if got := p.NotModelled(); len(got) != 0 {
		t.Errorf("kept, still not modelled: %v", got)
	}

	wantError(t, "integer", parse(t, "POST v1/accounts", "business_profile[estimated_worker_count]=many").Unknown(),
		"parameter_invalid_integer", "business_profile[estimated_worker_count]")
	wantError(t, "enum", parse(t, "POST v1/accounts", "business_type=alien").Unknown(), "", "business_type")
	wantError(t, "unknown", parse(t, "POST v1/accounts", "colour=blue").Unknown(), "parameter_unknown", "colour")
	wantError(t, "unknown route", parse(t, "POST v1/nowhere", "business_type=company").Unknown(), "parameter_unknown", "business_type")

	read := parse(t, "POST v1/accounts", "colour=blue")
	read.Get("colour").MarkAll()
	if err := read.Unknown(); err != nil {
		t.Errorf("a parameter a handler read: %v", err)
	}
}
