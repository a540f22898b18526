package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// A bank account number brought back into the form after Stripe refused
// it stays masked while focused; it shows in clear once edited, to be
// checked by eye.
func TestRefusedAccountNumberStaysMasked(t *testing.T) {
	const key, iban = "external_account.account_number", "DE89370400440532013000"
	values := map[string]string{key: iban}
	in := huh.NewInput().Key(key).EchoMode(huh.EchoModePassword).Accessor(valueAccessor{values, key})
	form := huh.NewForm(huh.NewGroup(in))
	form.Init()
	v := stepView{fields: []huh.Field{in}, keys: []string{key}, shown: map[string]string{key: iban}}
	send := func(msg tea.Msg) string {
		f, _ := form.Update(msg)
		form = f.(*huh.Form)
		v.syncEcho(form)
		f, _ = form.Update(tea.WindowSizeMsg{Width: 80, Height: 24}) // draw again
		form = f.(*huh.Form)
		return ansi.Strip(form.View())
	}
	if out := send(tea.WindowSizeMsg{Width: 80, Height: 24}); strings.Contains(out, iban) {
		t.Errorf("the refused number is shown in clear:\n%s", out)
	}
	if out := send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")}); !strings.Contains(out, iban+"1") {
		t.Errorf("the number being typed is not shown to be checked by eye:\n%s", out)
	}
}
