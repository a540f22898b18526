package tui

// headerTitle names the current screen in the header (the account's
// screens are named by the account, in headerLefts). Busy
// and error screens belong to the screen they came from, so loading an
// account from the list says "Accounts to fix", never the account seen
// before.
func (m Model) headerTitle() string {
	s := m.c.Styles.App
	sc := m.screen
	if sc == screenBusy || sc == screenError {
		sc = m.back
	}
	var name string
	switch sc {
	case screenHome:
		name = txtScreenHome.In(m.c.Lang)
	case screenOpen:
		name = txtScreenOpen.In(m.c.Lang)
	case screenSetup:
		name = txtScreenSetup.In(m.c.Lang)
	case screenAccounts:
		name = txtScreenTriage.In(m.c.Lang)
	case screenExplore:
		name = txtScreenExplore.In(m.c.Lang)
	default:
		return ""
	}
	return s.Subtle.Render(" · ") + s.Account.Render(name)
}
