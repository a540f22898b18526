//go:build !race

package schema

const raceBuild = false
