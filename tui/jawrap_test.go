package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

func TestWrapJapanese(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{
			// huh cut ユーザーエ / ージェント: ー never starts a line.
			name:  "prolonged mark stays on its line",
			in:    "同意の日時、ユーザーエージェント",
			width: 20,
			want:  []string{"同意の日時、ユーザー", "エージェント"},
		},
		{
			name:  "prolonged mark pulls the character before it",
			in:    "日時、ユーザーエージェント",
			width: 12,
			want:  []string{"日時、ユー", "ザーエージェ", "ント"},
		},
		{
			// A short ASCII word is not left alone before a long run.
			name:  "mixed Stripe and Japanese",
			in:    "Stripe の規約に同意します。",
			width: 16,
			want:  []string{"Stripe の規約に", "同意します。"},
		},
		{
			name:  "full stop stays with the character before it",
			in:    "既定ではこのマシンのアドレスです。",
			width: 32,
			want:  []string{"既定ではこのマシンのアドレスで", "す。"},
		},
		{
			name:  "opening bracket goes with what follows",
			in:    "業種コード（MCC）を入力",
			width: 12,
			want:  []string{"業種コード", "（MCC）を入", "力"},
		},
		{
			name:  "ASCII words stay whole",
			in:    "テスト値：file_identity_document_success を使用",
			width: 34,
			want:  []string{"テスト値：", "file_identity_document_success を", "使用"},
		},
		{
			name:  "an ASCII word wider than the line is cut",
			in:    "abcdefghij",
			width: 4,
			want:  []string{"abcd", "efgh", "ij"},
		},
		{
			name:  "lines stay lines",
			in:    "一行目\n二行目",
			width: 40,
			want:  []string{"一行目", "二行目"},
		},
		{
			name:  "small kana and closing marks",
			in:    "アカウントっ」を",
			width: 10,
			want:  []string{"アカウン", "トっ」を"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := wrapJapanese(c.in, c.width)
			if got != strings.Join(c.want, "\n") {
				t.Errorf("wrapJapanese(%q, %d) =\n%s\nwant\n%s", c.in, c.width, got, strings.Join(c.want, "\n"))
			}
			for _, l := range strings.Split(got, "\n") {
				if w := ansi.StringWidth(l); w > c.width {
					t.Errorf("line %q is %d wide, over %d", l, w, c.width)
				}
				if startsWithAny(l, noLineStart) {
					t.Errorf("line %q starts with a mark that never starts a line", l)
				}
				if endsWithAny(l, noLineEnd) {
					t.Errorf("line %q ends with an opening mark", l)
				}
			}
		})
	}
}

// A styled line wraps as the same text unstyled: escape sequences take no
// room and never make a break of their own.
func TestWrapJapaneseStyled(t *testing.T) {
	const bold, reset = "\x1b[1m", "\x1b[0m"
	in := bold + "✓ 本人情報" + reset + " · 名：Jenny · " + bold + "メールアドレス：" + reset + "jenny@example.com"
	got := wrapJapanese(in, 24)
	want := "✓ 本人情報 · 名：Jenny ·\nメールアドレス：\njenny@example.com"
	if plain := ansi.Strip(got); plain != want {
		t.Errorf("wrapJapanese(styled) =\n%s\nwant\n%s", plain, want)
	}
	if strings.Count(got, "\x1b[") != 4 {
		t.Errorf("escape sequences lost or added: %q", got)
	}
}

// A Japanese step drawn at one width and resized to another wraps its
// descriptions for the new width, as it would had it been built there.
func TestJapaneseDescriptionsRewrapOnResize(t *testing.T) {
	c, _ := testCommon(t, schema.Japanese)
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	steps := flows.Plan(a, flows.Strategy{Upfront: true}, nil, schema.Japanese)
	i := slices.IndexFunc(steps, func(st flows.Step) bool { return st.Group == schema.GroupTerms })
	if i < 0 {
		t.Fatal("the plan has no terms step")
	}
	view := func(widths ...int) string {
		m := New(c, Start{AccountID: a.ID})
		m, _ = step(m, tea.WindowSizeMsg{Width: widths[0], Height: 24})
		m, _ = step(m, result{m.gen, accountMsg{account: a}})
		m.plan.step, m.plan.done, m.plan.total = steps[i], i, len(steps)
		_ = m.showStep()
		for _, w := range widths[1:] {
			m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		}
		return strings.ReplaceAll(ansi.Strip(m.View()), a.ID, fixedID)
	}
	direct, resized := view(60), view(100, 60)
	if direct != resized {
		t.Errorf("resized from 100 to 60:\n%s\nbuilt at 60:\n%s", resized, direct)
	}
	if !strings.Contains(direct, "ユーザー") {
		t.Errorf("the terms step should keep ユーザー on one line:\n%s", direct)
	}
}
