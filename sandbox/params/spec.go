package params

// Endpoint is what Stripe's spec documents for one route: its request
// parameters by bracket path ("#" stands for an array index, "*" for a
// free key such as metadata's) and the properties expand[] may name.
type Endpoint struct {
	Params map[string]Spec
	Expand []string
}

// Spec is one documented request parameter: the scalar kinds it
// takes (string, integer, number, boolean; "empty" when "" unsets it), its
// enum and maximum length, and whether it has children.
type Spec struct {
	Kinds string
	Enum  []string
	Max   int
	Unix  bool
	Obj   bool
	Arr   bool
	Map   bool
}

// Field is one property of a response object (Objects).
type Field struct {
	Kind     string
	Nullable bool
	Props    []string
	Item     string // an array's item kind
}
