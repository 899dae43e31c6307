package password_test

import (
	"fmt"

	"github.com/crossroads/crossroads/internal/password"
)

func Example() {
	// A hash written by the reference implementation of argon2 (see
	// TestVerifyReference) with m=64 KiB, t=1, p=1.
	const stored = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$55PWTvddWPUD1GMbKxSff4ASfF85k9ibHJt4HlHQtBM"
	for _, pw := range []string{"password", "Password"} {
		ok, err := password.Verify(pw, stored)
		fmt.Println(pw, ok, err)
	}
	fmt.Println(password.Validate("too short"))
	// Output:
	// password true <nil>
	// Password false <nil>
	// password must have at least 10 characters (it has 9)
}
