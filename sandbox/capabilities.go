package sandbox

import (
	"encoding/json"
	"onboard/sandbox/engine"
	"slices"
	"time"
)

// capabilityJSON is a Capability object (/v1/accounts/{id}/capabilities).
type capabilityJSON struct {
	ID                 string           `json:"id"`
	Object             string           `json:"object"`
	Account            string           `json:"account"`
	FutureRequirements requirementsJSON `json:"future_requirements"`
	Requested          bool             `json:"requested"`
	RequestedAt        *int64           `json:"requested_at"`
	Requirements       requirementsJSON `json:"requirements"`
	Status             string           `json:"status"`
}

// renderCapability renders capability c from the derived state: its
// requirements are the account's items that gate it.
func renderCapability(a *engine.Account, d engine.Derived, c string) capabilityJSON {
	out := capabilityJSON{
		ID: c, Object: "capability", Account: a.ID, FutureRequirements: emptyRequirements(),
		Requested: a.Capabilities[c], Requirements: emptyRequirements(), Status: "unrequested",
	}
	if !out.Requested {
		return out
	}
	out.RequestedAt = &a.Created
	out.Status = d.Capabilities[c]
	req := &out.Requirements
	req.DisabledReason = d.CapReasons[c]
	model := engine.CapabilityModel(c)
	for _, s := range d.Items {
		if model == "" || !s.Gates(model) {
			continue
		}
		switch s.Status {
		case engine.FieldPending:
			req.PendingVerification = append(req.PendingVerification, s.Path)
		case engine.FieldMissing, engine.FieldFailed:
			req.EventuallyDue = append(req.EventuallyDue, s.Path)
			if s.Current {
				req.CurrentlyDue = append(req.CurrentlyDue, s.Path)
				if s.Deadline != 0 && (req.CurrentDeadline == nil || s.Deadline < *req.CurrentDeadline) {
					dl := s.Deadline
					req.CurrentDeadline = &dl
				}
			}
			if s.Past {
				req.PastDue = append(req.PastDue, s.Path)
			}
			if s.Status == engine.FieldFailed {
				req.Errors = append(req.Errors, engine.RequirementError{Code: s.Code, Reason: engine.ReasonFor(s.Code), Requirement: s.Path})
			}
		}
	}
	for _, l := range [][]string{req.CurrentlyDue, req.EventuallyDue, req.PastDue, req.PendingVerification} {
		slices.Sort(l)
	}
	return out
}

// listCapabilities serves GET /v1/accounts/{id}/capabilities.
func listCapabilities(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	d := engine.Derive(a, r.now)
	list := listJSON{Object: "list", Data: []any{}, URL: "/v1/accounts/" + a.ID + "/capabilities"}
	for _, c := range engine.ListedCapabilities(a) {
		list.Data = append(list.Data, renderCapability(a, d, c))
	}
	return list, nil
}

// retrieveCapability serves GET /v1/accounts/{id}/capabilities/{name}.
func retrieveCapability(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	if !slices.Contains(engine.SpecCapabilities, r.subID) {
		return nil, errNoSuch("capability", r.subID, "capability")
	}
	return renderCapability(a, engine.Derive(a, r.now), r.subID), nil
}

// updateCapability serves POST /v1/accounts/{id}/capabilities/{name}
// (requested=true|false).
func updateCapability(r *request) (any, error) {
	if !slices.Contains(engine.SpecCapabilities, r.subID) {
		return nil, errNoSuch("capability", r.subID, "capability")
	}
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		v, ok, e := r.params.Get("requested").Boolean()
		if e != nil {
			return e
		}
		r.params.Get("expand").MarkAll()
		if e := r.params.Unknown(); e != nil {
			return e
		}
		if ok {
			if v && r.subID == "card_payments" && a.TOS.ServiceAgreement == "recipient" {
				return invalid("", "requested", "The card_payments capability cannot be requested by accounts under the recipient service agreement.")
			}
			if v {
				a.Capabilities[r.subID] = true
			} else {
				delete(a.Capabilities, r.subID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return renderCapability(a, engine.Derive(a, r.now), r.subID), nil
}

// capabilityEvents records capability.updated for every capability whose
// status changed between two account renderings (before nil = created).
func capabilityEvents(r *request, a *engine.Account, before []byte, after map[string]string, now time.Time, fromRequest bool) error {
	old := map[string]string{}
	if before != nil {
		var b struct {
			Capabilities map[string]string `json:"capabilities"`
		}
		_ = json.Unmarshal(before, &b)
		old = b.Capabilities
	}
	var d *engine.Derived
	names := engine.ListedCapabilities(a)
	for c := range old {
		if !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	for _, c := range names {
		was := old[c]
		if was == after[c] {
			continue
		}
		if d == nil {
			dd := engine.Derive(a, now)
			d = &dd
		}
		if was == "" {
			was = "unrequested"
		}
		obj := mustJSON(renderCapability(a, *d, c))
		if err := insertEvent(r, a.ID, "capability.updated", obj, map[string]any{"status": was}, fromRequest); err != nil {
			return err
		}
	}
	return nil
}
