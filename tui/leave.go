package tui

import (
	"onboard/flows"
)

// ResumeID is the account to pick up with `onboard resume` after the
// program ends: the account on screen, "" when there is none.
func (m Model) ResumeID() string {
	return m.account.ID
}

// Failed reports that the program ended on the error screen.
func (m Model) Failed() bool { return m.screen == screenError && m.err != nil }

// Failure is the message of the error the program ended on.
func (m Model) Failure() string {
	if m.err == nil {
		return ""
	}
	return flows.Message(m.err)
}
