package answers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"onboard/schema"
)

// An answers file is read as text: every scalar keeps the characters it
// was written with (a YAML 000123456789 stays 000123456789, 0123 is not
// octal, a JSON 1e3 stays 1e3), and its type (text, yes/no, list, map) is
// kept so that a list or a map where text is due is an error instead of
// being turned into text.

// answerKind is the type of a value in an answers file.
type answerKind int

const (
	kindText answerKind = iota // a string or a number, as written
	kindBool
	kindNull
	kindList
	kindMap
)

func (k answerKind) String() string {
	return [...]string{"text", "true/false", "null", "a list", "an object"}[k]
}

// answerValue is one value of an answers file.
type answerValue struct {
	kind answerKind
	text string // kindText, kindBool ("true"/"false")
	list []answerValue
	keys []string // kindMap, in file order
	m    map[string]answerValue
	line int // YAML only: where the value is, for messages
}

// decodeAnswers reads raw as YAML (for .yaml and .yml) or JSON, refusing
// what cannot mean one flat map: an empty file, invalid UTF-8, several
// YAML documents, data after the JSON object, duplicate keys.
func decodeAnswers(path string, raw []byte) (answerValue, error) {
	if len(raw) > maxAnswersSize {
		return answerValue{}, errTooLarge()
	}
	// A byte order mark, as some Windows editors write: not part of the
	// text (JSON and YAML both allow it at the start).
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(raw)) == 0 {
		return answerValue{}, errf(txtEmptyFile)
	}
	if !utf8.Valid(raw) {
		return answerValue{}, errf(schema.T("the file is not valid UTF-8 text"))
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return decodeYAML(raw)
	}
	if path == "-" && !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		return decodeYAML(raw) // stdin has no extension: JSON is an object
	}
	return decodeJSON(raw)
}

func decodeYAML(raw []byte) (answerValue, error) {
	d := yaml.NewDecoder(bytes.NewReader(raw))
	var doc yaml.Node
	if err := d.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return answerValue{}, errf(schema.T("the file holds no YAML document: give one map of requirement paths to values"))
		}
		return answerValue{}, err
	}
	var more yaml.Node
	if err := d.Decode(&more); !errors.Is(err, io.EOF) {
		if err != nil {
			return answerValue{}, err
		}
		return answerValue{}, errf(schema.T("line %d: a second YAML document (after ---): give one map only"), more.Line)
	}
	budget := maxValues
	return fromYAML(&doc, 0, &budget)
}

// maxValues bounds the values one file may hold once YAML aliases are
// expanded, so a file of nested aliases ("billion laughs") is an error
// instead of filling memory. A real answers file holds a few hundred.
const maxValues = 100000

// maxAnswersSize bounds the file itself.
const maxAnswersSize = 10 << 20

func fromYAML(n *yaml.Node, depth int, budget *int) (answerValue, error) {
	if depth > 32 {
		return answerValue{}, errf(schema.T("line %d: nested too deeply"), n.Line)
	}
	if *budget--; *budget < 0 {
		return answerValue{}, errf(schema.T("line %d: too many values (aliases expand to more than %d)"), n.Line, maxValues)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return answerValue{kind: kindNull}, nil
		}
		return fromYAML(n.Content[0], depth, budget)
	case yaml.AliasNode:
		return fromYAML(n.Alias, depth+1, budget)
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return answerValue{kind: kindNull, line: n.Line}, nil
		case "!!bool":
			if n.Style == 0 {
				// Only YAML 1.2 booleans (true, false) reach here unquoted.
				return answerValue{kind: kindBool, text: strings.ToLower(n.Value), line: n.Line}, nil
			}
		}
		return answerValue{kind: kindText, text: n.Value, line: n.Line}, nil
	case yaml.SequenceNode:
		v := answerValue{kind: kindList, line: n.Line}
		for _, c := range n.Content {
			x, err := fromYAML(c, depth+1, budget)
			if err != nil {
				return answerValue{}, err
			}
			v.list = append(v.list, x)
		}
		return v, nil
	case yaml.MappingNode:
		v := answerValue{kind: kindMap, m: map[string]answerValue{}, line: n.Line}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" {
				return answerValue{}, errf(schema.T("line %d: merge keys (<<) are not supported: write each key"), k.Line)
			}
			if k.Kind != yaml.ScalarNode {
				return answerValue{}, errf(schema.T("line %d: a key must be a requirement path"), k.Line)
			}
			if _, dup := v.m[k.Value]; dup {
				return answerValue{}, errf(txtTwiceAt, k.Line, k.Value)
			}
			x, err := fromYAML(n.Content[i+1], depth+1, budget)
			if err != nil {
				return answerValue{}, err
			}
			v.keys = append(v.keys, k.Value)
			v.m[k.Value] = x
		}
		return v, nil
	}
	return answerValue{}, errf(schema.T("line %d: unsupported YAML value"), n.Line)
}

func decodeJSON(raw []byte) (answerValue, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	v, err := jsonValue(d, 0)
	if err != nil {
		return answerValue{}, jsonErr(d, err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return answerValue{}, errf(schema.T("offset %d: data after the JSON object: give one object only"), d.InputOffset())
	}
	return v, nil
}

func jsonErr(d *json.Decoder, err error) error {
	if errors.Is(err, io.EOF) {
		return errf(schema.T("the JSON ends too early"))
	}
	return errf(schema.T("offset %d: %s"), d.InputOffset(), err)
}

// jsonValue reads one JSON value token by token, so duplicate keys can be
// seen (encoding/json keeps the last one silently).
func jsonValue(d *json.Decoder, depth int) (answerValue, error) {
	if depth > 32 {
		return answerValue{}, errf(schema.T("nested too deeply"))
	}
	tok, err := d.Token()
	if err != nil {
		return answerValue{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := answerValue{kind: kindMap, m: map[string]answerValue{}}
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return answerValue{}, err
				}
				k, _ := kt.(string)
				if _, dup := v.m[k]; dup {
					return answerValue{}, errf(txtTwice, k)
				}
				x, err := jsonValue(d, depth+1)
				if err != nil {
					return answerValue{}, err
				}
				v.keys = append(v.keys, k)
				v.m[k] = x
			}
			_, err := d.Token() // }
			return v, err
		case '[':
			v := answerValue{kind: kindList}
			for d.More() {
				x, err := jsonValue(d, depth+1)
				if err != nil {
					return answerValue{}, err
				}
				v.list = append(v.list, x)
			}
			_, err := d.Token() // ]
			return v, err
		}
	case string:
		return answerValue{kind: kindText, text: t}, nil
	case json.Number:
		return answerValue{kind: kindText, text: t.String()}, nil
	case bool:
		return answerValue{kind: kindBool, text: fmt.Sprint(t)}, nil
	case nil:
		return answerValue{kind: kindNull}, nil
	}
	return answerValue{}, errf(schema.T("unexpected %v"), tok)
}

// fromGo turns a decoded Go value (tests, the TUI's preset answers) into
// an answerValue with the same rules.
func fromGo(x any) answerValue {
	switch v := x.(type) {
	case nil:
		return answerValue{kind: kindNull}
	case string:
		return answerValue{kind: kindText, text: v}
	case bool:
		return answerValue{kind: kindBool, text: fmt.Sprint(v)}
	case json.Number:
		return answerValue{kind: kindText, text: v.String()}
	case []any:
		out := answerValue{kind: kindList}
		for _, e := range v {
			out.list = append(out.list, fromGo(e))
		}
		return out
	case []string:
		out := answerValue{kind: kindList}
		for _, e := range v {
			out.list = append(out.list, fromGo(e))
		}
		return out
	case map[string]any:
		return mapFromGo(v)
	case map[string]string:
		return mapFromGo(v)
	}
	return answerValue{kind: kindText, text: fmt.Sprint(x)}
}

// mapFromGo is fromGo for a map, its keys in order.
func mapFromGo[V any](v map[string]V) answerValue {
	out := answerValue{kind: kindMap, m: map[string]answerValue{}}
	for k, e := range v {
		out.keys = append(out.keys, k)
		out.m[k] = fromGo(e)
	}
	sort.Strings(out.keys)
	return out
}

// answerError is a problem with an answers file, worded in both
// languages: Read renders it in the operator's.
type answerError struct {
	msg  schema.Text
	args []any
}

func errf(msg schema.Text, args ...any) error { return &answerError{msg: msg, args: args} }

func (e *answerError) Error() string { return e.In(schema.English) }

// In renders the error in lang; kinds and line numbers among its
// arguments are worded in lang too.
func (e *answerError) In(lang schema.Lang) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		switch x := a.(type) {
		case answerKind:
			args[i] = kindNames[x].In(lang)
		case lineRef:
			args[i] = x.In(lang)
		case schema.Text:
			args[i] = x.In(lang)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(e.msg.In(lang), args...)
}

var kindNames = map[answerKind]schema.Text{
	kindText: schema.T("text"), kindBool: schema.T("true/false"),
	kindNull: schema.T("null"), kindList: schema.T("a list"), kindMap: schema.T("an object"),
}

// lineRef is " (line N)" after a key, or nothing for JSON.
type lineRef int

func (l lineRef) In(lang schema.Lang) string {
	if l <= 0 {
		return ""
	}
	return fmt.Sprintf(schema.T(" (line %d)").In(lang), int(l))
}

// inLang renders err in lang when it is an answerError.
func inLang(err error, lang schema.Lang) string {
	var ae *answerError
	if errors.As(err, &ae) {
		return ae.In(lang)
	}
	return err.Error()
}

var (
	txtEmptyFile = schema.T("the file is empty: give one map of requirement paths to values")
	txtTwiceAt   = schema.T("line %d: key %q is given twice")
	txtTwice     = schema.T("key %q is given twice")
)

// readAnswersInput reads an answers file, or stdin for "-", bounded: a
// path must name a regular file (a FIFO would block the open until some
// writer comes, a device such as /dev/zero never ends, a directory is no
// file), no more than maxAnswersSize bytes are read whatever the file
// claims or becomes, and a read that waits is given up when ctx ends.
func readAnswersInput(ctx context.Context, path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		return readBounded(ctx, stdin)
	}
	// Stat, not Open: opening a FIFO blocks until a writer opens it.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular(st.Mode())
	}
	if st.Size() > maxAnswersSize {
		return nil, errTooLarge()
	}
	// O_NONBLOCK: should the path have become a FIFO since the Stat, the
	// open does not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only: closing cannot lose data
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, errNotRegular(st.Mode())
	}
	return readBounded(ctx, f)
}

// readBounded reads r up to maxAnswersSize bytes (one more tells it is
// larger), giving up when ctx ends: the read goes on in the background
// until it returns, and the program is then on its way out.
func readBounded(ctx context.Context, r io.Reader) ([]byte, error) {
	type result struct {
		raw []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		raw, err := io.ReadAll(io.LimitReader(r, maxAnswersSize+1))
		done <- result{raw, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case res := <-done:
		if res.err == nil && len(res.raw) > maxAnswersSize {
			return nil, errTooLarge()
		}
		return res.raw, res.err
	}
}

func errNotRegular(m fs.FileMode) error {
	return errf(schema.T("this is %s, not a regular file: give a JSON or YAML file, or - for stdin"), fileKind(m))
}

func errTooLarge() error {
	return errf(schema.T("the file is larger than %d MB: an answers file holds a few hundred values"), maxAnswersSize>>20)
}

// fileKind names what a path is when it is not a regular file.
func fileKind(m fs.FileMode) schema.Text {
	switch {
	case m.IsDir():
		return schema.T("a directory")
	case m&fs.ModeNamedPipe != 0:
		return schema.T("a named pipe (FIFO)")
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return schema.T("a device")
	case m&fs.ModeSocket != 0:
		return schema.T("a socket")
	}
	return schema.T("not a regular file")
}

// groupDigits writes n with its thousands grouped as the language does
// (schema.GroupDigits).
func groupDigits(n int, lang schema.Lang) string { return schema.GroupDigits(n, lang) }
