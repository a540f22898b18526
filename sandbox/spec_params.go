package sandbox

//go:generate go run ./internal/specgen

// specEndpoint is what Stripe's spec documents for one route: its request
// parameters by bracket path ("#" stands for an array index, "*" for a
// free key such as metadata's) and the properties expand[] may name.
type specEndpoint struct {
	Params map[string]specParam
	Expand []string
}

// specParam is one documented request parameter: the scalar kinds it
// takes (string, integer, number, boolean; "empty" when "" unsets it), its
// enum and maximum length, and whether it has children.
type specParam struct {
	Kinds string
	Enum  []string
	Max   int
	Unix  bool
	Obj   bool
	Arr   bool
	Map   bool
}

// specField is one property of a response object (specObjects).
type specField struct {
	Kind     string
	Nullable bool
	Props    []string
	Item     string // an array's item kind
}
