package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
	"golang.org/x/crypto/argon2"
)

// Limits on a password.
const (
	// MinLength is the least number of characters (Unicode code points) of a
	// password: NIST SP 800-63B (2017), section 5.1.1.2, asks for at least
	// 8; we ask for 10.
	MinLength = 10
	// MaxBytes bounds the work of hashing and the size of a request; long
	// passphrases fit easily.
	MaxBytes = 1024
)

// Params are the argon2id parameters of a hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over the memory
	Threads uint8  // lanes
	SaltLen uint32 // bytes of random salt
	KeyLen  uint32 // bytes of derived key
}

// Default is the OWASP Password Storage Cheat Sheet's first argon2id
// configuration: 19 MiB of memory, 2 iterations, 1 degree of parallelism. It
// takes about 34 ms on the project's machines. Salt and key are 16 and 32
// bytes, as RFC 9106, section 4, recommends.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds on the parameters read from a stored hash, so that a damaged or
// hostile value cannot make Verify allocate gigabytes or spin for minutes.
const (
	maxMemory  = 1 << 20 // KiB = 1 GiB
	maxTime    = 64
	maxSaltLen = 64
	minKeyLen  = 16
	maxKeyLen  = 128
)

// Validate checks the length of a new password and returns an Invalid error
// that says what is wrong.
func Validate(pw string) error {
	if len(pw) > MaxBytes {
		return crossroads.Errorf(crossroads.Invalid, "password is longer than %d bytes", MaxBytes)
	}
	if !utf8.ValidString(pw) {
		return crossroads.Errorf(crossroads.Invalid, "password is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(pw); n < MinLength {
		return crossroads.Errorf(crossroads.Invalid, "password must have at least %d characters (it has %d)", MinLength, n)
	}
	return nil
}

// Hash returns the PHC string of pw hashed with the Default parameters and a
// fresh random salt. It does not check the length rules; call Validate first.
func Hash(pw string) (string, error) { return Default.Hash(pw) }

// Hash returns the PHC string of pw hashed with p and a fresh random salt.
func (p Params) Hash(pw string) (string, error) {
	if err := p.check(); err != nil {
		return "", err
	}
	if len(pw) > MaxBytes {
		return "", crossroads.Errorf(crossroads.Invalid, "password is longer than %d bytes", MaxBytes)
	}
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: reading random salt: %w", err)
	}
	key := idKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return encode(p, salt, key), nil
}

// Verify reports whether pw matches the PHC string encoded, comparing in
// constant time. It returns an error only when encoded is not a valid argon2id
// PHC string; a password longer than MaxBytes never matches.
func Verify(pw, encoded string) (bool, error) {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return false, err
	}
	if len(pw) > MaxBytes {
		return false, nil
	}
	got := idKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// VerifyDummy does the work of Verify against a hash made with the Default
// parameters and always fails. Call it when there is no hash to check (an
// unknown email, an account without a password) so that the answer takes as
// long as a wrong password does.
func VerifyDummy(pw string) { Default.VerifyDummy(pw) }

// dummySalt is the salt of VerifyDummy; it needs no secrecy.
var dummySalt = []byte("crossroads-dummy")

// VerifyDummy is VerifyDummy with the parameters p.
func (p Params) VerifyDummy(pw string) {
	if p.check() != nil {
		p = Default
	}
	if len(pw) > MaxBytes {
		pw = pw[:MaxBytes]
	}
	got := idKey([]byte(pw), dummySalt, p.Time, p.Memory, p.Threads, p.KeyLen)
	want := make([]byte, len(got))
	_ = subtle.ConstantTimeCompare(got, want)
}

// NeedsRehash reports whether encoded was made with parameters other than p
// (or is not a valid hash), so that a caller may store a new hash after a
// successful sign-in.
func (p Params) NeedsRehash(encoded string) bool {
	q, salt, key, err := decode(encoded)
	if err != nil {
		return true
	}
	return q.Memory != p.Memory || q.Time != p.Time || q.Threads != p.Threads ||
		uint32(len(salt)) != p.SaltLen || uint32(len(key)) != p.KeyLen
}

func (p Params) check() error {
	switch {
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemory:
		return fmt.Errorf("password: memory %d KiB is outside [8×threads, %d]", p.Memory, maxMemory)
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("password: time %d is outside [1, %d]", p.Time, maxTime)
	case p.Threads < 1:
		return fmt.Errorf("password: threads must be at least 1")
	case p.SaltLen < 8 || p.SaltLen > maxSaltLen:
		return fmt.Errorf("password: salt length %d is outside [8, %d]", p.SaltLen, maxSaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("password: key length %d is outside [%d, %d]", p.KeyLen, minKeyLen, maxKeyLen)
	}
	return nil
}

var b64 = base64.RawStdEncoding

func encode(p Params, salt, key []byte) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// decode parses a PHC string written by encode.
func decode(encoded string) (Params, []byte, []byte, error) {
	var p Params
	fail := func(format string, args ...any) (Params, []byte, []byte, error) {
		return p, nil, nil, fmt.Errorf("password: stored hash is not an argon2id PHC string: "+format, args...)
	}
	// Go's base64 decoders skip line breaks, even in strict mode; a stored
	// hash has none, and one that does is not the hash that was stored.
	if strings.ContainsAny(encoded, "\r\n") {
		return fail("it contains a line break")
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" {
		return fail("want 5 fields separated by $, got %d", len(parts)-1)
	}
	if parts[1] != "argon2id" {
		return fail("algorithm %q", parts[1])
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return fail("version %q, want v=%d", parts[2], argon2.Version)
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return fail("parameters %q, want m=…,t=…,p=…", parts[3])
	}
	for i, name := range []string{"m", "t", "p"} {
		v, ok := strings.CutPrefix(params[i], name+"=")
		if !ok {
			return fail("parameter %d is %q, want %s=…", i+1, params[i], name)
		}
		bits := 32
		if name == "p" {
			bits = 8
		}
		n, err := strconv.ParseUint(v, 10, bits)
		if err != nil || (len(v) > 1 && v[0] == '0') {
			return fail("parameter %s=%q is not a number", name, v)
		}
		switch name {
		case "m":
			p.Memory = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			p.Threads = uint8(n)
		}
	}
	salt, err := b64.Strict().DecodeString(parts[4])
	if err != nil {
		return fail("salt: %v", err)
	}
	key, err := b64.Strict().DecodeString(parts[5])
	if err != nil {
		return fail("hash: %v", err)
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	if err := p.check(); err != nil {
		return fail("%v", err)
	}
	return p, salt, key, nil
}

// slots bounds the hashes computed at once to the processors there are.
// More at once would finish no sooner, and each holds its memory (19 MiB
// by default) while it waits for a processor: fifty sign-ups at the same
// moment would take a gigabyte.
var slots = make(chan struct{}, runtime.GOMAXPROCS(0))

func idKey(pw, salt []byte, time, memory uint32, threads uint8, keyLen uint32) []byte {
	slots <- struct{}{}
	defer func() { <-slots }()
	return argon2.IDKey(pw, salt, time, memory, threads, keyLen)
}
