package textout

import (
	"io"
	"strings"
)

// CommentWriter writes every line it is given as a comment (the text
// around --show-requests' commands, so stderr stays a script that runs).
type CommentWriter struct {
	w      io.Writer
	prefix string
	mid    bool // the last write ended mid-line
}

func (c *CommentWriter) Write(p []byte) (int, error) {
	var b strings.Builder
	for _, r := range string(p) {
		if !c.mid {
			b.WriteString(c.prefix)
			c.mid = true
		}
		b.WriteRune(r)
		if r == '\n' {
			c.mid = false
		}
	}
	if _, err := io.WriteString(c.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// NewCommentWriter writes to w, each line after prefix ("# ", "// ").
func NewCommentWriter(w io.Writer, prefix string) *CommentWriter {
	return &CommentWriter{w: w, prefix: prefix}
}
