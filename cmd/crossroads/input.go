package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// maxInputBytes bounds what is read from one case file or standard input.
const maxInputBytes = 16 << 20

// readInput reads the file at path, or standard input when path is "-". It
// returns the bytes and the name to use in messages.
func readInput(cmd *cobra.Command, path string) ([]byte, string, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = cmd.InOrStdin(), "<stdin>"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, name, err
		}
		defer f.Close()
		r = f
	}
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return nil, name, fmt.Errorf("%s: %w", name, err)
	}
	if n > maxInputBytes {
		return nil, name, fmt.Errorf("%s: larger than %d MiB", name, maxInputBytes>>20)
	}
	return buf.Bytes(), name, nil
}

// openInput opens the file at path for streaming, or standard input when
// path is "-".
func openInput(cmd *cobra.Command, path string) (io.ReadCloser, string, error) {
	if path == "-" {
		return io.NopCloser(cmd.InOrStdin()), "<stdin>", nil
	}
	f, err := os.Open(path)
	return f, path, err
}
