// Package password hashes and verifies passwords with argon2id (RFC 9106),
// encoded as PHC strings such as
//
//	$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
//
// where salt and hash are unpadded standard base64. The default parameters
// are the first of the OWASP Password Storage Cheat Sheet's argon2id
// configurations (m=19 MiB, t=2, p=1); a hash carries its own parameters, so
// they can be raised later without invalidating stored hashes.
//
// A password must have at least MinLength characters and at most MaxBytes
// bytes. VerifyDummy costs as much as Verify and lets a sign-in with an
// unknown email take as long as one with a wrong password.
package password
