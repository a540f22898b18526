package flows

import (
	"context"
	"time"

	"onboard/schema"
)

// Following an account is one policy for every caller (`status --watch`,
// the TUI's summary while Stripe verifies, the wizard's status panel):
// look for news, read the account when there is some, and wait before
// looking again — Min after news, twice as long after each quiet look, up
// to Max. A Watcher is that policy for one account; Watch runs it in a
// loop for a caller that can block.

// WatchOptions say how an account is followed.
type WatchOptions struct {
	// Min and Max bound the wait between two looks (Backoff).
	Min, Max time.Duration
	// Poll reads the account at every look instead of asking Stripe for
	// the account's account.updated events first: for a view that must
	// follow verification within the second (the wizard's status panel).
	Poll bool
	// Wake, when set, carries a signal each time a webhook says the
	// account changed: the account is read then, without waiting.
	Wake <-chan struct{}
}

// Look is what one look found.
type Look struct {
	// Read is set when the account was read (news, a poll, or a look at
	// the events that failed: reading the account then says what is
	// wrong); Account is what was read.
	Read    bool
	Account schema.Account
	// Err is the look's error: the read's, or the events' when the read
	// succeeded after them.
	Err error
	// Wait is how long to wait before the next look.
	Wait time.Duration
}

// Watcher follows one account (Client.Watcher). Looks must not overlap.
type Watcher struct {
	c       *Client
	id      string
	o       WatchOptions
	cur     Cursor
	backoff Backoff
}

// Watcher returns a watcher of account id.
func (c *Client) Watcher(id string, o WatchOptions) *Watcher {
	return &Watcher{c: c, id: id, o: o, backoff: Backoff{Min: o.Min, Max: o.Max}}
}

// ID is the account watched.
func (w *Watcher) ID() string { return w.id }

// Read resets the wait after the caller read the account itself (it
// opened it, or sent a step): the next look comes after Min.
func (w *Watcher) Read() time.Duration { return w.backoff.Next(true) }

// Look looks once. Without Poll, it asks for account.updated events since
// the last look (the first look also counts an event of the last minute,
// Changed) and reads the account when some arrived, or when the events
// could not be listed (the read then says what is wrong). The wait is
// back to Min after news, and doubles after a quiet or failed look.
func (w *Watcher) Look(ctx context.Context) Look {
	var l Look
	news := true
	if !w.o.Poll {
		news, w.cur, l.Err = w.c.Changed(ctx, w.id, w.cur)
	}
	if news || l.Err != nil {
		w.read(ctx, &l)
	}
	l.Wait = w.backoff.Next(news)
	return l
}

// wake reads the account at once: a webhook said it changed.
func (w *Watcher) wake(ctx context.Context) Look {
	var l Look
	w.read(ctx, &l)
	l.Wait = w.backoff.Next(true)
	return l
}

// read reads the account into l.
func (w *Watcher) read(ctx context.Context, l *Look) {
	a, err := w.c.Load(ctx, w.id)
	if err != nil {
		l.Err = err
		return
	}
	l.Read, l.Account = true, a
}

// Watch reads account id, passes it to each, then follows it with a
// Watcher, passing each look to each, until ctx ends (nil) or each
// returns an error (that error). A first read that fails, or a first look
// at the events that fails, is Watch's error: there is nothing to follow.
func (c *Client) Watch(ctx context.Context, id string, o WatchOptions, each func(Look) error) error {
	a, err := c.Load(ctx, id)
	if err != nil {
		return err
	}
	w := c.Watcher(id, o)
	if !o.Poll {
		// The account was just read: where the events start from is all
		// the first look is for.
		if _, w.cur, err = c.Changed(ctx, id, Cursor{}); err != nil {
			return err
		}
	}
	wait := w.backoff.Next(false)
	if err := each(Look{Read: true, Account: a, Wait: wait}); err != nil {
		return err
	}
	for {
		var l Look
		select {
		case <-ctx.Done():
			return nil
		case <-w.o.Wake:
			l = w.wake(ctx)
		case <-time.After(wait):
			l = w.Look(ctx)
		}
		if ctx.Err() != nil {
			return nil
		}
		if err := each(l); err != nil {
			return err
		}
		wait = l.Wait
	}
}
