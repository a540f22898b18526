package schema

import (
	"bufio"
	"flag"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The project's reference list of Stripe's requirement strings (kept
// beside the repository, at referenceMD, where it is present) is the source of
// every requirement string. testdata/reference_paths.txt holds them as
// concrete strings, so the package tests alone prove coverage; when the
// reference itself is present, its backticked strings are checked too.

const referenceMD = "../../shared/reference/v1-requirements.md"

var updateReference = flag.Bool("update-reference", false, "rewrite testdata/reference_paths.txt from the reference")

const (
	samplePerson = "person_1PgQ2rS3tU4v"
	sampleInterv = "interv_1PgQ2rS3tU4v"
)

var referenceRoots = map[string]bool{
	"business_profile": true, "business_type": true, "company": true, "individual": true,
	"representative": true, "owners": true, "directors": true, "executives": true, "relationship": true,
	"external_account": true, "tos_acceptance": true, "settings": true, "documents": true,
}

// notRequirements are backticked strings of the reference that are not
// account requirement strings: response fields (§0.6), and leaves of
// §1.5's person-only table, written relative to a person (they are
// checked under every person prefix by referencePaths).
var notRequirements = map[string]bool{
	"company.tax_id_provided": true, "company.vat_id_provided": true,
	"relationship.title": true, "relationship.percent_ownership": true,
	"relationship.authorizer": true, "relationship.legal_guardian": true,
	"documents.passport.files": true, "documents.visa.files": true, "documents.company_authorization.files": true,
}

// families are the leaves of the dotted objects the reference writes as
// prefix.*, by the prefix's last segment.
var families = map[string][]string{
	"address":                   {"line1", "line2", "city", "state", "postal_code", "country"},
	"registered_address":        {"line1", "line2", "city", "state", "postal_code", "country"},
	"support_address":           {"line1", "line2", "city", "state", "postal_code", "country"},
	"address_kana":              {"line1", "line2", "city", "state", "postal_code", "country", "town"},
	"address_kanji":             {"line1", "line2", "city", "state", "postal_code", "country", "town"},
	"dob":                       {"day", "month", "year"},
	"registration_date":         {"day", "month", "year"},
	"annual_revenue":            {"amount", "currency", "fiscal_year_end"},
	"monthly_estimated_revenue": {"amount", "currency"},
	"tos_acceptance":            {"date", "ip", "user_agent"},
	"account":                   {"date", "ip", "user_agent"},
	"ownership_declaration":     {"date", "ip", "user_agent"},
	"directorship_declaration":  {"date", "ip", "user_agent"},
	"us_cfpb_data":              {"ethnicity_details.ethnicity", "race_details.race", "self_identified_gender"},
}

var reBacktick = regexp.MustCompile("`([^`\n]+)`")

// referenceStrings extracts the requirement-looking strings of the
// reference, expanded to concrete paths. bad lists the families it could
// not expand.
func referenceStrings(md string) (paths, bad []string) {
	seen := map[string]bool{}
	for _, m := range reBacktick.FindAllStringSubmatch(md, -1) {
		s := strings.ReplaceAll(strings.ReplaceAll(m[1], "(.…)", ""), "(...)", "")
		if strings.ContainsAny(s, "[] =/:\"'") || strings.Contains(s, "…") {
			continue
		}
		for _, p := range expandRef(s, &bad) {
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	sort.Strings(paths)
	return paths, bad
}

func expandRef(s string, bad *[]string) []string {
	if strings.Contains(s, "<leaf") || strings.Contains(s, "<role>") || strings.Contains(s, "<owner>") {
		return nil
	}
	s = strings.ReplaceAll(s, "person_<id>", samplePerson)
	s = strings.ReplaceAll(s, "interv_<id>", sampleInterv)
	s = strings.ReplaceAll(s, "<kind>", "restricted_or_prohibited_industry_diligence")
	if strings.Contains(s, "<type>") {
		var out []string
		for _, d := range documentTypes {
			out = append(out, expandRef(strings.ReplaceAll(s, "<type>", d.name), bad)...)
		}
		return out
	}
	if strings.Contains(s, "<") {
		return nil
	}
	if i := strings.Index(s, "{"); i >= 0 {
		j := strings.Index(s[i:], "}")
		if j < 0 {
			return nil
		}
		var out []string
		for _, alt := range strings.Split(s[i+1:i+j], ",") {
			out = append(out, expandRef(s[:i]+strings.TrimSpace(alt)+s[i+j+1:], bad)...)
		}
		return out
	}
	if rest, ok := strings.CutPrefix(s, "*."); ok {
		var out []string
		for _, p := range []string{"individual", "representative", samplePerson} {
			out = append(out, expandRef(p+"."+rest, bad)...)
		}
		return out
	}
	if strings.Contains(s, ".*.") {
		var out []string
		for _, d := range documentTypes {
			out = append(out, expandRef(strings.Replace(s, ".*.", "."+d.name+".", 1), bad)...)
		}
		return out
	}
	root, _, _ := strings.Cut(s, ".")
	if notRequirements[s] || (s == root && s != "business_type" && s != "external_account") {
		return nil
	}
	if last := s[strings.LastIndex(s, ".")+1:]; s != root && families[last] != nil && !strings.HasSuffix(s, ".*") {
		s += ".*" // an object named in the text (*.address): its leaves
	}
	if !referenceRoots[root] && !strings.HasPrefix(root, "person_") && !strings.HasPrefix(root, "interv_") {
		return nil
	}
	if prefix, ok := strings.CutSuffix(s, ".*"); ok {
		if !strings.Contains(prefix, ".") || prefix == "relationship.account_opener" {
			return nil // a whole root: too broad to be one requirement
		}
		last := prefix[strings.LastIndex(prefix, ".")+1:]
		leaves, ok := families[last]
		if !ok {
			*bad = append(*bad, s)
			return nil
		}
		var out []string
		for _, l := range leaves {
			out = append(out, prefix+"."+l)
		}
		return out
	}
	if strings.Contains(s, "*") || !wellFormed(s) {
		return nil
	}
	return []string{s}
}

// personPrefixes are the owners a person leaf is checked under.
var personPrefixes = []string{"individual", "representative", "owners", "owners.1", "directors", "executives", samplePerson}

// referencePaths builds the testdata list: the reference's strings, and
// every person leaf of §1.3/§1.5 under every person prefix.
func referencePaths(md string) []string {
	paths, _ := referenceStrings(md)
	leaves := []string{"first_name", "last_name", "first_name_kana", "first_name_kanji", "last_name_kana",
		"last_name_kanji", "maiden_name", "full_name_aliases", "dob.day", "dob.month", "dob.year", "email", "phone",
		"ssn_last_4", "id_number", "id_number_secondary", "gender", "political_exposure", "nationality",
		"relationship.title", "relationship.owner", "relationship.director", "relationship.executive",
		"relationship.representative", "relationship.percent_ownership", "relationship.authorizer",
		"relationship.legal_guardian", "verification.document", "verification.additional_document",
		"documents.passport.files", "documents.visa.files", "documents.company_authorization.files",
		"additional_tos_acceptances.account.date", "additional_tos_acceptances.account.ip",
		"additional_tos_acceptances.account.user_agent", "proof_of_liveness"}
	for _, kind := range []string{"address", "registered_address", "address_kana", "address_kanji"} {
		for _, l := range families[kind] {
			leaves = append(leaves, kind+"."+l)
		}
	}
	for _, p := range personPrefixes {
		for _, l := range leaves {
			paths = append(paths, p+"."+l)
		}
	}
	paths = append(paths, "settings.payments.statement_descriptor_kanji",
		"settings.card_payments.statement_descriptor_prefix_kanji", "relationship.account_opener",
		"relationship.account_opener.first_name", "person."+samplePerson+".email")
	sort.Strings(paths)
	return slices.Compact(paths)
}

func TestReferencePathsFile(t *testing.T) {
	if *updateReference {
		md, err := os.ReadFile(referenceMD)
		if err != nil {
			t.Fatal(err)
		}
		out := "# Every requirement string of shared/reference/v1-requirements.md, expanded to concrete\n" +
			"# paths (regenerate: go test ./schema -run TestReferencePathsFile -update-reference).\n" +
			strings.Join(referencePaths(string(md)), "\n") + "\n"
		if err := os.WriteFile("testdata/reference_paths.txt", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := readPaths(t)
	if len(paths) < 300 {
		t.Fatalf("only %d reference paths", len(paths))
	}
	for _, p := range paths {
		for _, c := range testCountries {
			if f := Lookup(p, c); f.Generic {
				t.Errorf("%s (%s) falls back to a generic field", p, c)
			}
		}
	}
}

func TestReferenceMarkdownCovered(t *testing.T) {
	md, err := os.ReadFile(referenceMD)
	if err != nil {
		t.Skip("../shared/reference is not beside this checkout (CI puts it there; testdata/reference_paths.txt is still checked):", err)
	}
	paths, bad := referenceStrings(string(md))
	for _, b := range bad {
		t.Errorf("cannot expand the family %s: add it to families", b)
	}
	if len(paths) < 100 {
		t.Fatalf("only %d strings extracted from the reference", len(paths))
	}
	listed := map[string]bool{}
	for _, p := range readPaths(t) {
		listed[p] = true
	}
	for _, p := range paths {
		if Lookup(p, "US").Generic {
			t.Errorf("%s has no field spec", p)
		}
		if !listed[p] {
			t.Errorf("%s is not in testdata/reference_paths.txt (run with -update-reference)", p)
		}
	}
}

func readPaths(t testing.TB) []string {
	f, err := os.Open("testdata/reference_paths.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// testCountries are the countries with their own rules (country.go), and
// one without.
var testCountries = []string{"US", "CA", "GB", "FR", "DE", "IE", "AU", "NL", "JP"}
