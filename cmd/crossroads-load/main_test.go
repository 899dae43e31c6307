package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/internal/loadgen"
)

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-addr", "10.0.0.1:8080"}, "not a loopback address"},
		{[]string{"-addr", "example.com:80"}, "not a loopback address"},
		{[]string{"-addr", "127.0.0.1:1", "-database-url", "postgres://x"}, "not both"},
		{[]string{"-database-url", "/tmp/x.db"}, "postgres://"},
		{[]string{"-think", "soon"}, "-think"},
		{[]string{"-users", "0", "-addr", "127.0.0.1:1"}, "users"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-nosuchflag"}, "not defined"},
	} {
		var out, errb bytes.Buffer
		if code := run(tc.args, &out, &errb); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", tc.args, code, exitUsage)
		}
		if !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%q: the message does not say %q:\n%s", tc.args, tc.want, errb.String())
		}
	}
}

func TestHelp(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-h"}, &out, &errb); code != exitOK {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"loopback", "-think-min", "-requests", "whatif", "-database-url"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("the help does not mention %s", want)
		}
	}
}

func TestParseThink(t *testing.T) {
	for in, ok := range map[string]bool{"0": true, "0s": true, "500ms": true, "soon": false, "-1s": false} {
		if _, err := parseThink(in); (err == nil) != ok {
			t.Errorf("parseThink(%q): %v", in, err)
		}
	}
}

// TestRunJSON runs a short load on a server started here and reads the
// JSON result.
func TestRunJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-users", "2", "-requests", "30", "-duration", "2m", "-think", "0", "-json"}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	var res loadgen.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if res.Requests != 30 || res.Errors != 0 || res.Users != 2 || res.Database == "" || len(res.Kinds) == 0 {
		t.Errorf("result %+v", res)
	}
}
