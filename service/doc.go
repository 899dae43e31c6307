// Package service holds the one rule of who may read or change what in
// Crossroads. The web pages, the JSON API and the command line all call it;
// none of them checks access on its own. The acting user comes from the
// context (crossroads.UserFromContext); no user means anonymous.
//
// The rules, in short (docs/storage-and-accounts.md has the full table):
//
//   - The owner of a case (a client) reads, changes, shares, deletes it and
//     reads its audit log.
//   - A coach reads and changes a case only while it is shared with them and
//     its owner is their client; sharing, deleting and the log stay with the
//     owner (Forbidden).
//   - Anyone else is told that the case does not exist (NotFound), so that
//     ids reveal nothing; anonymous callers get Unauthenticated.
//   - A client shares a case by giving a coach a share code; a coach gains
//     clients by giving them a client invite code. Codes are single-use.
//   - Administrators manage accounts and see no case. The operator's command
//     line acts as an administrator (OperatorContext).
//
// Sign-in failures are counted in the store, so that the limit holds across
// several server processes (see Authenticate).
package service
