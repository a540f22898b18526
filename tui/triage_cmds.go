package tui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
	"onboard/triage"
)

// listTimeout bounds a whole listing: 100,000 accounts at 25 requests per
// second take about 40 s, so the 30 s of one request is too short.
const listTimeout = 10 * time.Minute

// triageCachedMsg carries the list kept in the triage cache.
type triageCachedMsg struct {
	list []flows.Summary
	at   time.Time
	err  error
}

// triageProgressMsg says how far a refresh has come; next delivers the
// refresh's following message.
type triageProgressMsg struct {
	progress flows.ListProgress
	next     <-chan tea.Msg
}

// triageDoneMsg carries a refreshed list.
type triageDoneMsg struct {
	list []flows.Summary
	at   time.Time
	err  error
}

// suggestionsMsg carries the ids open-by-id completes from.
type suggestionsMsg struct{ ids []string }

// cachedListCmd reads the triage cache: the screen shows it at once.
func cachedListCmd(ctx context.Context, cache *triage.Cache, gen int) tea.Cmd {
	if cache == nil {
		return nil
	}
	return func() tea.Msg {
		list, at, err := cache.Load(ctx)
		return result{gen, triageCachedMsg{list: list, at: at, err: err}}
	}
}

// listCmd reads the whole list from Stripe in the background, streaming
// its progress one message at a time (see nextListMsg), then saves it to
// the cache. Progress is coalesced: a page read while the last progress
// message waits replaces nothing and is shown with the next one.
func listCmd(ctx context.Context, cl *flows.Client, cache *triage.Cache, now func() time.Time, gen int) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 1)
		go func() {
			var list []flows.Summary
			var err error
			defer func() {
				// A panic here is not Bubble Tea's to recover: report it.
				if r := recover(); r != nil {
					err = fmt.Errorf("listing accounts: %v", r)
				}
				ch <- result{gen, triageDoneMsg{list: list, at: now(), err: err}}
			}()
			ctx, cancel := context.WithTimeout(ctx, listTimeout)
			defer cancel()
			list, err = cl.Accounts(ctx, flows.ListOptions{Progress: func(p flows.ListProgress) {
				select {
				case ch <- result{gen, triageProgressMsg{progress: p, next: ch}}:
				default:
				}
			}})
			if err == nil && cache != nil {
				// A cache that cannot be written only costs the next
				// opening its head start.
				_ = cache.Replace(ctx, list, now())
			}
		}()
		return <-ch
	}
}

// drain keeps reading a stale refresh so it can finish.
func (p triageProgressMsg) drain() tea.Cmd { return nextListMsg(p.next) }

// nextListMsg waits for a refresh's next message.
func nextListMsg(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// suggestionsCmd reads the ids open-by-id completes from.
func suggestionsCmd(ctx context.Context, cache *triage.Cache) tea.Cmd {
	if cache == nil {
		return nil
	}
	return func() tea.Msg {
		recent, _ := cache.Recent(ctx)
		list, _, _ := cache.Load(ctx)
		return suggestionsMsg{ids: suggestions(recent, list)}
	}
}

// openedCmd remembers that an account was opened, for open-by-id.
func openedCmd(ctx context.Context, cache *triage.Cache, id string, at time.Time) tea.Cmd {
	if cache == nil || id == "" {
		return nil
	}
	return func() tea.Msg {
		_ = cache.Opened(ctx, id, at)
		return nil
	}
}
