package engine

// PayoutFailedCode is the requirements error a failed payout leaves on
// external_account. [G] Stripe's spec has no bank-specific code in the
// requirements error enum; the payout's own failure_code (no_account …)
// is in the error's reason.
const PayoutFailedCode = "invalid_value_other"

// UnmodelledCapabilityReason is the disabled_reason of a requested
// capability the sandbox does not model: it stays inactive with no
// requirements. [G] "other" is the spec's catch-all value.
var UnmodelledCapabilityReason = "other"
