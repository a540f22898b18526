//go:build race

package schema

// raceBuild: the race detector makes regular expressions about 25 times
// slower; the long table tests check a sample of their cases then.
const raceBuild = true
