package crossroads_test

import (
	"context"
	"fmt"

	"github.com/crossroads/crossroads"
)

func ExampleVersionConflict() {
	// What an editor who loaded version 4 is told when someone else saved
	// version 5 first.
	err := crossroads.VersionConflict(4, 5)
	fmt.Println(crossroads.ErrorKind(err))
	fmt.Println(crossroads.ErrorMessage(err))
	// Output:
	// conflict
	// this case was changed by someone else since you opened it (version 4, now 5); reload to see their changes
}

func ExampleNewContextWithUser() {
	ctx := crossroads.NewContextWithUser(context.Background(),
		&crossroads.User{ID: 1, Email: "ada@example.com", Name: "Ada", Role: crossroads.RoleClient})
	if u := crossroads.UserFromContext(ctx); u != nil {
		fmt.Println(u.Name, u.Role)
	}
	fmt.Println(crossroads.UserFromContext(context.Background()) == nil)
	// Output:
	// Ada client
	// true
}
