package untrusted

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// payloads are the hostile names a connected account can type, with what
// the operator must see instead.
var payloads = []struct{ name, in, want string }{
	{"OSC 0 title", "Acme\x1b]0;pwned\x07 Ltd", `Acme\x1b]0;pwned\x07 Ltd`},
	{"OSC 52 clipboard", "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07Acme", `\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07Acme`},
	{"OSC with ST", "\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\", `\x1b]8;;https://evil\x1b\link\x1b]8;;\x1b\`},
	{"clear screen", "\x1b[2JAcme", `\x1b[2JAcme`},
	{"cut mid-sequence", "Jenny\x1b[38;5", `Jenny\x1b[38;5`},
	{"DCS", "\x1bPq#0;2;0;0;0\x1b\\x", `\x1bPq#0;2;0;0;0\x1b\x`},
	{"C1 CSI", "a\u009b2Jb", `a\x9b2Jb`},
	{"C1 OSC", "a\u009d0;t\u009cb", `a\x9d0;t\x9cb`},
	{"RLO", "invoice\u202efdp.exe", `invoice\u202efdp.exe`},
	{"isolates and marks", "a\u2066b\u2069c\u200ed\u200fe\u061cf", `a\u2066b\u2069c\u200ed\u200fe\u061cf`},
	{"NUL", "Ac\x00me", `Ac\x00me`},
	{"BEL", "Acme\a", `Acme\x07`},
	{"DEL", "Ac\x7fme", `Ac\x7fme`},
	{"new line and tab", "a\nb\tc\rd", `a\x0ab\x09c\x0dd`},
	{"line separator", "a\u2028b", `a\u2028b`},
	{"not UTF-8", "a\xffb\x9b", "a\ufffdb\ufffd"},
	{"wide name", "山田太郎株式会社", "山田太郎株式会社"},
	{"accents and emoji", "Société Générale 🍞", "Société Générale 🍞"},
	{"combining and joiner", "Zoë e\u0301 👩\u200d💻", "Zoë e\u0301 👩\u200d💻"},
}

func TestTextMakesEveryPayloadVisible(t *testing.T) {
	for _, p := range payloads {
		t.Run(p.name, func(t *testing.T) {
			got := Text(p.in)
			if got != p.want {
				t.Fatalf("Text(%q) = %q, want %q", p.in, got, p.want)
			}
			for _, r := range got {
				if IsControl(r) || IsBidi(r) {
					t.Fatalf("Text(%q) = %q still holds %U", p.in, got, r)
				}
			}
			// Nothing is left for a terminal to interpret: stripping
			// escape sequences changes nothing, so the width lipgloss
			// measures is the width drawn.
			if ansi.Strip(got) != got {
				t.Fatalf("Text(%q) = %q holds an escape sequence", p.in, got)
			}
			if Text(got) != got {
				t.Fatalf("Text is not idempotent on %q", got)
			}
		})
	}
}

func TestTruncatingSanitisedTextNeverLeavesASequence(t *testing.T) {
	in := Text("Jenny \x1b]0;pwned\x07 Rosen \x1b[2J 山田太郎")
	for w := 0; w <= lipgloss.Width(in); w++ {
		cut := ansi.Truncate(in, w, "…")
		if strings.ContainsAny(cut, "\x1b\x07\u009b") || lipgloss.Width(cut) > w {
			t.Fatalf("cut at %d: %q (width %d)", w, cut, lipgloss.Width(cut))
		}
	}
	if got, want := lipgloss.Width(Text("山田太郎")), 8; got != want {
		t.Fatalf("a wide name is %d cells, want %d", got, want)
	}
}

func TestLinesKeepsNewLinesOnly(t *testing.T) {
	got := Lines("line one\nline \x1b[2Jtwo\r\n\u202e")
	if want := "line one\nline \\x1b[2Jtwo\\x0d\n\\u202e"; got != want {
		t.Fatalf("Lines = %q, want %q", got, want)
	}
}

func TestJSONEscapesWhatEncodingJSONLeaves(t *testing.T) {
	v := map[string]string{"name": "a\u009bb\u202ec\x7fd\x1be\u2066f é 山"}
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(raw)
	for _, r := range string(out) {
		if IsControl(r) || IsBidi(r) {
			t.Fatalf("JSON output %q holds %U", out, r)
		}
	}
	for _, esc := range []string{`\u009b`, `\u202e`, `\u007f`, `\u001b`, `\u2066`} {
		if !strings.Contains(string(out), esc) {
			t.Errorf("JSON output %s lacks %s", out, esc)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("JSON output is not JSON: %v\n%s", err, out)
	}
	if back["name"] != v["name"] {
		t.Fatalf("JSON changed the value: %q, want %q", back["name"], v["name"])
	}
	clean := []byte(`{"name":"Acme"}`)
	if got := JSON(clean); string(got) != string(clean) {
		t.Fatalf("JSON changed clean output: %s", got)
	}
}

func TestStyledKeepsColoursOnly(t *testing.T) {
	style := "\x1b[1;38;5;212mTitle\x1b[0m\n\tcell"
	if got := Styled(style); got != style {
		t.Fatalf("Styled changed onboard's own styling: %q", got)
	}
	for _, p := range payloads {
		in := "\x1b[1m" + p.in + "\x1b[0m"
		got := Styled(in)
		body := strings.TrimSuffix(strings.TrimPrefix(got, "\x1b[1m"), "\x1b[0m")
		if want := strings.NewReplacer(`\x0a`, "\n", `\x09`, "\t").Replace(p.want); body != want {
			t.Errorf("%s: Styled = %q, want %q", p.name, body, want)
		}
	}
	if got := Styled("a\x1b[2Jb\x1b]0;t\x07"); got != `a\x1b[2Jb\x1b]0;t\x07` {
		t.Fatalf("Styled = %q", got)
	}
}
