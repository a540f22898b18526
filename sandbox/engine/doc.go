// Package engine is the sandbox's requirements engine: what an account's
// stored facts and the sandbox clock imply. Nothing here is stored or
// served; package sandbox records facts as requests arrive (Submit,
// RecordVolume) and derives, on every read, the requirements, capability
// statuses and enabled flags (Derive, Status).
//
// The pieces: the facts an account keeps (facts.go), the verification
// outcome Stripe's test values imply (verify.go, from
// https://docs.stripe.com/connect/testing), when a submitted value settles
// (settle.go), the requirement items the rule tables ask for and their
// due-ness, deadlines and errors (items.go, requirements.go, following
// https://docs.stripe.com/connect/handling-api-verification), volume
// thresholds (time.go) and the capability names (capability_names.go).
//
// It imports no HTTP, no database and no package of the module but the
// rule tables (sandbox/rules); internal/archtest checks it.
package engine
