package tui

import "fmt"

// headerTitle names the current screen in the header: the account being
// worked on for the account's screens, the screen's name elsewhere. Busy
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
	case screenWizard, screenSummary, screenPeople, screenDraft:
		if !m.loaded {
			return ""
		}
		title := s.Subtle.Render(" · ") + s.Account.Render(m.account.ID)
		if m.account.Country != "" {
			title += s.Subtle.Render(fmt.Sprintf(" · %s %s", m.account.Country, m.account.BusinessType))
		}
		return title
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
