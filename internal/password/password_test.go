package password

import (
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// tiny are parameters that make tests fast; never use them for real.
var tiny = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashVerify(t *testing.T) {
	enc, err := tiny.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		pw   string
		want bool
	}{
		{"correct horse battery", true},
		{"correct horse batterz", false},
		{"Correct horse battery", false},
		{"", false},
		{strings.Repeat("x", MaxBytes+1), false},
	} {
		got, err := Verify(tt.pw, enc)
		if err != nil {
			t.Fatalf("Verify(%.20q): %v", tt.pw, err)
		}
		if got != tt.want {
			t.Errorf("Verify(%.20q) = %v, want %v", tt.pw, got, tt.want)
		}
	}
}

func TestHashFormat(t *testing.T) {
	enc, err := Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !want.MatchString(enc) {
		t.Fatalf("got %q, want a match of %s", enc, want)
	}
	enc2, err := Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if enc == enc2 {
		t.Errorf("two hashes of one password are equal (%q); the salt is not random", enc)
	}
}

// TestVerifyReference checks hashes written by the reference implementation
// of argon2 (the argon2 command of Debian's package argon2
// 0~20171227-0.3+deb12u1), so that our PHC strings agree with others'.
func TestVerifyReference(t *testing.T) {
	tests := []struct {
		pw, encoded string // command in the comment
	}{
		// echo -n "correct horse battery" | argon2 crossroads-salt16 -id -t 2 -k 19456 -p 1 -l 32 -e
		{"correct horse battery", "$argon2id$v=19$m=19456,t=2,p=1$Y3Jvc3Nyb2Fkcy1zYWx0MTY$GijW9LYjP1Q2BzhJ8wqM+u2yS7+buEvQLL1Ufka6haw"},
		// echo -n "password" | argon2 somesaltsomesalt -id -t 1 -k 64 -p 1 -l 32 -e
		{"password", "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$55PWTvddWPUD1GMbKxSff4ASfF85k9ibHJt4HlHQtBM"},
	}
	for _, tt := range tests {
		ok, err := Verify(tt.pw, tt.encoded)
		if err != nil || !ok {
			t.Errorf("Verify(%q, %q) = %v, %v; want true, nil", tt.pw, tt.encoded, ok, err)
		}
		if ok, _ := Verify(tt.pw+"!", tt.encoded); ok {
			t.Errorf("Verify(%q) = true, want false", tt.pw+"!")
		}
		// Our encoder writes the same string for the same salt and key.
		p, salt, key, err := decode(tt.encoded)
		if err != nil {
			t.Fatal(err)
		}
		if got := encode(p, salt, key); got != tt.encoded {
			t.Errorf("encode = %q, want %q", got, tt.encoded)
		}
	}
}

func TestVerifyBadHash(t *testing.T) {
	good := "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$55PWTvddWPUD1GMbKxSff4ASfF85k9ibHJt4HlHQtBM"
	tests := []struct {
		name, encoded, want string
	}{
		{"Empty", "", "want 5 fields"},
		{"Bcrypt", "$2a$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "want 5 fields"},
		{"Argon2i", strings.Replace(good, "argon2id", "argon2i", 1), `algorithm "argon2i"`},
		{"Version", strings.Replace(good, "v=19", "v=16", 1), `version "v=16"`},
		{"ParamOrder", strings.Replace(good, "m=64,t=1", "t=1,m=64", 1), "want m="},
		{"ParamNotNumber", strings.Replace(good, "m=64", "m=6x", 1), `m="6x"`},
		{"ParamLeadingZero", strings.Replace(good, "m=64", "m=064", 1), `m="064"`},
		{"HugeMemory", strings.Replace(good, "m=64", "m=4294967295", 1), "memory"},
		{"HugeTime", strings.Replace(good, "t=1", "t=100000", 1), "time"},
		{"ZeroThreads", strings.Replace(good, "p=1", "p=0", 1), "threads"},
		{"BadSalt", strings.Replace(good, "c29tZXNhbHRzb21lc2FsdA", "c29t*", 1), "salt"},
		{"PaddedHash", good + "=", "hash"},
		{"ShortKey", "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$AAAA", "key length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := Verify("password", tt.encoded)
			if ok || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, %v; want false and an error containing %q", ok, err, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		pw   string
		want string // "" means valid
	}{
		{"0123456789", ""},
		{"ééééééééé€", ""}, // 10 characters, 21 bytes
		{"012345678", "at least 10 characters (it has 9)"},
		{"ééééééééé", "at least 10 characters (it has 9)"},
		{strings.Repeat("x", MaxBytes), ""},
		{strings.Repeat("x", MaxBytes+1), "longer than 1024 bytes"},
		{"0123456789\xff", "not valid UTF-8"},
	}
	for _, tt := range tests {
		err := Validate(tt.pw)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Validate(%.20q) = %v, want %q", tt.pw, err, tt.want)
		}
	}
}

func TestNeedsRehash(t *testing.T) {
	enc, err := tiny.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if tiny.NeedsRehash(enc) {
		t.Error("NeedsRehash with the same parameters = true, want false")
	}
	if !Default.NeedsRehash(enc) {
		t.Error("NeedsRehash with other parameters = false, want true")
	}
	if !Default.NeedsRehash("garbage") {
		t.Error("NeedsRehash(garbage) = false, want true")
	}
}

func TestParamsCheck(t *testing.T) {
	bad := tiny
	bad.SaltLen = 4
	if _, err := bad.Hash("correct horse battery"); err == nil || !strings.Contains(err.Error(), "salt length 4") {
		t.Fatalf("got %v, want an error about the salt length", err)
	}
	// VerifyDummy falls back to the defaults rather than panicking.
	bad.VerifyDummy("correct horse battery")
	tiny.VerifyDummy(strings.Repeat("x", 2*MaxBytes))
}

// FuzzVerify checks that no stored string makes Verify panic, and that a
// string it accepts re-encodes to itself.
func FuzzVerify(f *testing.F) {
	f.Add("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$55PWTvddWPUD1GMbKxSff4ASfF85k9ibHJt4HlHQtBM")
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Add("$argon2id$v=19$m=64,t=1,p=255$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Add("$$$$$")
	f.Fuzz(func(t *testing.T, encoded string) {
		p, salt, key, err := decode(encoded)
		if err != nil {
			return
		}
		if got := encode(p, salt, key); got != encoded {
			t.Fatalf("decode then encode: got %q, want %q", got, encoded)
		}
		if p.Memory > 1024 { // keep each run fast
			return
		}
		if _, err := Verify("password", encoded); err != nil {
			t.Fatalf("Verify after a good decode: %v", err)
		}
	})
}

func BenchmarkHashDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Hash("correct horse battery"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHashesWaitForASlot: with every slot taken, a hash waits; it goes on
// when one is free.
func TestHashesWaitForASlot(t *testing.T) {
	for range cap(slots) {
		slots <- struct{}{}
	}
	done := make(chan error)
	go func() {
		_, err := Hash("correct horse battery staple")
		done <- err
	}()
	runtime.Gosched()
	select {
	case <-done:
		t.Fatal("a hash was computed while every slot was taken")
	default:
	}
	for range cap(slots) {
		<-slots
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
