package service_test

import (
	"context"
	"fmt"
	"log"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/sqlite"
)

// Example walks through sharing: a client joins a coach, shares a case,
// and revokes it; the owner's log shows who did what.
func Example() {
	db, err := sqlite.Open(sqlite.Memory)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	svc := service.New(db)
	op := service.OperatorContext(context.Background())
	ada, _ := svc.AddUser(op, "ada@example.com", "Ada", crossroads.RoleClient, "")
	carla, _ := svc.AddUser(op, "carla@example.com", "Carla", crossroads.RoleCoach, "")
	asAda := crossroads.NewContextWithUser(context.Background(), ada)
	asCarla := crossroads.NewContextWithUser(context.Background(), carla)

	invite, _ := svc.CreateClientInvite(asCarla) // Carla gives Ada this code
	if _, err := svc.RedeemClientInvite(asAda, invite); err != nil {
		log.Fatal(err)
	}
	c, _ := svc.CreateCase(asAda, 0, "Stay or go", []byte("options: [stay, go]\n"))
	code, _ := svc.CreateShareCode(asAda, c.ID) // Ada gives Carla this code
	if _, err := svc.RedeemShareCode(asCarla, code); err != nil {
		log.Fatal(err)
	}
	got, _ := svc.GetCase(asCarla, c.ID)
	fmt.Println("Carla reads:", got.Title)

	if err := svc.RevokeShare(asAda, c.ID, carla.ID); err != nil {
		log.Fatal(err)
	}
	_, err = svc.GetCase(asCarla, c.ID)
	fmt.Println("Carla after the revocation:", crossroads.ErrorMessage(err))

	entries, _ := svc.CaseAudit(asAda, c.ID)
	for _, e := range entries {
		fmt.Println(e.Action, "by", e.ActorName)
	}
	// Output:
	// Carla reads: Stay or go
	// Carla after the revocation: case 1 not found
	// create by Ada
	// share by Carla
	// view by Carla
	// revoke by Ada
}
