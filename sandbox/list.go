package sandbox

import (
	"cmp"
	"fmt"
	"onboard/sandbox/params"
	"slices"
	"strings"
)

// page is a parsed v1 pagination request: limit 1-100 (default 10) and at
// most one of starting_after / ending_before, turned into row sequences.
type page struct {
	limit     int
	afterSeq  int64
	beforeSeq int64
	where     []string
	args      []any
	// column is what fetch selects ("data" unless set), with its args.
	column     string
	columnArgs []any
}

// readPage reads limit, starting_after, ending_before and created[...]
// from the query. kind names the listed object in "No such ..." errors.
func readPage(r *request, table, kind string) (page, error) {
	pg := page{limit: 10}
	p := r.params
	if n, ok, e := p.Get("limit").Integer(); e != nil {
		return pg, e
	} else if ok {
		if n < 1 || n > 100 {
			return pg, invalid("parameter_invalid_integer", "limit", "Invalid limit: must be between 1 and 100")
		}
		pg.limit = int(n)
	}
	after, hasAfter, e := p.Get("starting_after").NonEmpty()
	if e != nil {
		return pg, e
	}
	before, hasBefore, e := p.Get("ending_before").NonEmpty()
	if e != nil {
		return pg, e
	}
	if hasAfter && hasBefore {
		return pg, invalid("parameters_exclusive", "ending_before",
			"You may only specify one of these parameters: starting_after, ending_before.")
	}
	var err error
	if hasAfter {
		if pg.afterSeq, err = seqOf(r, table, after, kind, "starting_after"); err != nil {
			return pg, err
		}
	}
	if hasBefore {
		if pg.beforeSeq, err = seqOf(r, table, before, kind, "ending_before"); err != nil {
			return pg, err
		}
	}
	return pg, readCreated(p.Get("created"), &pg)
}

// readCreated adds the created=N / created[gt|gte|lt|lte]=N filters.
func readCreated(c *params.Param, pg *page) error {
	if !c.Present() {
		return nil
	}
	if n, ok, e := c.Integer(); e != nil {
		return e
	} else if ok {
		pg.where, pg.args = append(pg.where, "created = ?"), append(pg.args, n)
	}
	ops := map[string]string{"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
	for _, name := range c.Names() {
		op, ok := ops[name]
		if !ok {
			continue // left untouched: reported as unknown
		}
		n, _, e := c.Get(name).Integer()
		if e != nil {
			return e
		}
		pg.where, pg.args = append(pg.where, "created "+op+" ?"), append(pg.args, n)
	}
	return nil
}

// fetch returns the data column of one page of rows, newest first, and
// whether more rows lie beyond it in the direction of travel.
func (pg page) fetch(r *request, table string) ([]string, bool, error) {
	where, args := slices.Clone(pg.where), slices.Clone(pg.args)
	order := "DESC"
	switch {
	case pg.beforeSeq != 0:
		where, args, order = append(where, "seq > ?"), append(args, pg.beforeSeq), "ASC"
	case pg.afterSeq != 0:
		where, args = append(where, "seq < ?"), append(args, pg.afterSeq)
	}
	col := cmp.Or(pg.column, "data")
	args = append(slices.Clone(pg.columnArgs), args...)
	q := "SELECT " + col + " FROM " + table
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += fmt.Sprintf(" ORDER BY seq %s LIMIT %d", order, pg.limit+1)
	rows, err := r.tx.QueryContext(r.ctx, q, args...)
	if err != nil {
		return nil, false, fmt.Errorf("list %s: %w", table, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong reading
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, false, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	more := len(out) > pg.limit
	if more {
		out = out[:pg.limit]
	}
	if order == "ASC" {
		slices.Reverse(out)
	}
	return out, more, nil
}

// pageSlice paginates an in-memory list (newest first) of objects with
// their ids, for sub-resources stored inside an account: limit,
// starting_after and ending_before like readPage.
func pageSlice(r *request, ids []string, items []any, url, kind string) (listJSON, error) {
	p := r.params
	limit := 10
	if n, ok, e := p.Get("limit").Integer(); e != nil {
		return listJSON{}, e
	} else if ok {
		if n < 1 || n > 100 {
			return listJSON{}, invalid("parameter_invalid_integer", "limit", "Invalid limit: must be between 1 and 100")
		}
		limit = int(n)
	}
	after, hasAfter, e := p.Get("starting_after").NonEmpty()
	if e != nil {
		return listJSON{}, e
	}
	before, hasBefore, e := p.Get("ending_before").NonEmpty()
	if e != nil {
		return listJSON{}, e
	}
	if hasAfter && hasBefore {
		return listJSON{}, invalid("parameters_exclusive", "ending_before",
			"You may only specify one of these parameters: starting_after, ending_before.")
	}
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return listJSON{}, e
	}
	lo, hi := 0, len(items)
	if hasAfter {
		i := slices.Index(ids, after)
		if i < 0 {
			return listJSON{}, errNoSuch(kind, after, "starting_after")
		}
		lo = i + 1
	}
	if hasBefore {
		i := slices.Index(ids, before)
		if i < 0 {
			return listJSON{}, errNoSuch(kind, before, "ending_before")
		}
		hi = i
		lo = max(0, hi-limit)
	}
	more := hi-lo > limit
	if hasBefore {
		more = lo > 0
	} else if more {
		hi = lo + limit
	}
	data := append([]any{}, items[lo:hi]...)
	return listJSON{Object: "list", Data: data, HasMore: more, URL: url}, nil
}
