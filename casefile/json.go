package casefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// syntaxError is a JSON syntax error with its position.
type syntaxError struct {
	line, col int
	msg       string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.line, e.col, e.msg)
}

// jsonToNode parses JSON into the same node tree the YAML parser builds, with
// the line and column of every value, so that both formats share one decoder
// and one set of messages.
func jsonToNode(data []byte) (*yaml.Node, error) {
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		line, col := p.position(int(p.dec.InputOffset()))
		return nil, &syntaxError{line, col, "JSON syntax: unexpected data after the end of the case"}
	}
	return n, nil
}

type jsonParser struct {
	data []byte
	dec  *json.Decoder
}

// maxDepth bounds nesting in JSON input.
const maxDepth = 64

// position converts a byte offset to a 1-based line and column.
func (p *jsonParser) position(off int) (int, int) {
	off = min(off, len(p.data))
	line := 1 + bytes.Count(p.data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(p.data[:off], '\n')
	return line, col
}

// next returns the next token and the position where it starts.
func (p *jsonParser) next() (json.Token, int, int, error) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		if off == 0 && bytes.HasPrefix(p.data, []byte("\ufeff")) {
			off += 3
			continue
		}
		break
	}
	line, col := p.position(off)
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, line, col, &syntaxError{line, col, "JSON syntax: unexpected end of file"}
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			l, c := p.position(int(se.Offset))
			return nil, l, c, &syntaxError{l, c, "JSON syntax: " + se.Error()}
		}
		return nil, line, col, &syntaxError{line, col, "JSON syntax: " + err.Error()}
	}
	return tok, line, col, nil
}

func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	tok, line, col, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, line, col, depth)
}

func (p *jsonParser) fromToken(tok json.Token, line, col, depth int) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, &syntaxError{line, col, fmt.Sprintf("nested more than %d levels deep", maxDepth)}
	}
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for p.dec.More() {
				ktok, kl, kc, err := p.next()
				if err != nil {
					return nil, err
				}
				key, ok := ktok.(string)
				if !ok {
					return nil, &syntaxError{kl, kc, "JSON syntax: expected a field name"}
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc}, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		}
		if _, _, _, err := p.next(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Value = yaml.ScalarNode, t.String()
		n.Tag = "!!float"
		if _, err := strconv.ParseInt(t.String(), 10, 64); err == nil {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
