package web

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
)

// signUpIn fills the sign-up page the browser is on.
func (b *browser) signUpIn(email, name string, coach bool) {
	b.t.Helper()
	b.typeIn("f-email", email)
	b.typeIn("f-name", name)
	b.typeIn("f-password", testPassword)
	b.typeIn("f-confirm", testPassword)
	if coach {
		b.check("f-role-coach")
	}
	b.press(`form[action="/signup"] button[type=submit]`)
}

// signInAs signs in on the sign-in page.
func (b *browser) signInAs(email string) {
	b.t.Helper()
	b.open("/signin")
	b.typeIn("f-email", email)
	b.typeIn("f-password", testPassword)
	b.press(`form[action="/signin"] button[type=submit]`)
}

// signOutNow presses the sign-out button of the header.
func (b *browser) signOutNow() {
	b.t.Helper()
	b.press(`form.signout button`)
	if !strings.HasPrefix(b.path(), "/signin") {
		b.t.Fatalf("after signing out: %s", b.path())
	}
}

// mainText returns the text of the page's main element.
func (b *browser) mainText() string {
	b.t.Helper()
	return eval[string](b, `document.querySelector('main').innerText`)
}

// TestBrowserCoachAndClients has a coach and two clients use the site as
// new users would, in Chromium: they sign up, the coach invites one client,
// she shares a case, the coach opens it and starts another for her, she
// reads the log and stops sharing. Each sees exactly what they should, on
// SQLite and on PostgreSQL; axe-core checks every new page.
func TestBrowserCoachAndClients(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		s, svc := newAccountsServer(t, st, false)
		ts := httptest.NewServer(s.Handler())
		t.Cleanup(ts.Close)
		b := newBrowser(t, ts.URL)

		// The coach arrives: the site asks to sign in; she creates an account.
		b.open("/")
		if !strings.HasPrefix(b.path(), "/signin") {
			t.Fatalf("a new visitor lands on %s, want the sign-in page", b.path())
		}
		b.axeCheck("sign-in")
		b.press(`main a[href^="/signup"]`)
		b.axeCheck("sign-up")
		b.signUpIn("cora@example.com", "Cora", true)
		if b.path() != "/coaching" {
			t.Fatalf("a new coach lands on %s, want /coaching", b.path())
		}
		b.axeCheck("coaching (a coach without clients)")
		b.press(`form[action="/coaching/invite"] button`)
		invite := eval[string](b, `document.getElementById('invite-link').textContent`)
		b.axeCheck("coaching (an invite link)")
		b.shot("coach-invite")
		b.signOutNow()

		// Ana opens the invite link, creates her account and joins.
		b.open(strings.TrimPrefix(invite, ts.URL))
		if !strings.HasPrefix(b.path(), "/signin?next=") {
			t.Fatalf("the invite link without an account leads to %s", b.path())
		}
		b.press(`main a[href^="/signup"]`)
		b.signUpIn("ana@example.com", "Ana", false)
		if !strings.HasPrefix(b.path(), "/join/") {
			t.Fatalf("after signing up Ana is at %s, want back at the invite", b.path())
		}
		b.axeCheck("join a coach")
		b.press(`form[action="/join"] button`)
		if txt := b.mainText(); !strings.Contains(txt, "You now work with this coach") || !strings.Contains(txt, "Cora") {
			t.Errorf("after joining, Ana's coaching page reads:\n%s", txt)
		}
		b.axeCheck("coaching (a client)")
		b.open("/")
		b.press(`form[action="/cases/example"] button`)
		caseURL := strings.TrimSuffix(b.path(), "/report")
		b.waitCharts()
		b.open(caseURL + "/sharing")
		b.axeCheck("sharing (not shared)")
		b.press(chromedp.CSS(fmt.Sprintf(`form[action="%s/sharing"] button`, caseURL)))
		share := eval[string](b, `document.getElementById('share-link').textContent`)
		b.axeCheck("sharing (a share link)")
		b.shot("client-share")
		b.signOutNow()

		// Ben, another client, sees nothing of Ana's.
		b.open("/signup")
		b.signUpIn("ben@example.com", "Ben", false)
		if txt := b.mainText(); !strings.Contains(txt, "You have no cases yet") || strings.Contains(txt, "Benefits call-centre") {
			t.Errorf("Ben's home:\n%s", txt)
		}
		b.open(caseURL + "/report")
		if txt := b.mainText(); !strings.Contains(txt, "not found") {
			t.Errorf("Ben opens Ana's case:\n%s", txt)
		}
		b.clearConsole() // the browser logs the 404 of the page itself
		b.signOutNow()

		// The coach opens the share link: the case is hers to read.
		b.signInAs("cora@example.com")
		b.open(strings.TrimPrefix(share, ts.URL))
		b.axeCheck("open a shared case")
		b.press(`form[action="/share"] button`)
		if b.path() != caseURL+"/report" {
			t.Fatalf("the share link leads the coach to %s", b.path())
		}
		b.waitCharts()
		b.open("/")
		if txt := b.mainText(); !strings.Contains(txt, "Benefits call-centre contract") || !strings.Contains(txt, "Ana") {
			t.Errorf("the coach's home does not list Ana's case:\n%s", txt)
		}
		b.axeCheck("home (a coach)")
		b.shot("coach-home")
		// She starts a case for Ana.
		b.choose("f-owner", fmt.Sprint(mustUser(t, svc, "ana@example.com").ID))
		b.press(`form[action="/cases"] button.primary`)
		if !strings.HasSuffix(b.path(), "/edit/you") {
			t.Fatalf("a case for Ana opens %s", b.path())
		}
		b.signOutNow()

		// Ana sees both cases, reads the log, and stops sharing.
		b.signInAs("ana@example.com")
		if n := eval[int](b, `document.querySelectorAll('table.cases tbody tr').length`); n != 2 {
			t.Errorf("Ana has %d cases listed, want 2 (her own and the one Cora started)", n)
		}
		b.open(caseURL + "/audit")
		if txt := b.mainText(); !strings.Contains(txt, "Cora") || !strings.Contains(txt, "opened it") {
			t.Errorf("the log does not show the coach:\n%s", txt)
		}
		b.axeCheck("the log of a case")
		b.shot("client-log")
		b.open(caseURL + "/sharing")
		b.press(`form[action$="/sharing/revoke"] button`)
		if txt := b.mainText(); !strings.Contains(txt, "no longer shared") || !strings.Contains(txt, "Nobody: only you can see this case.") {
			t.Errorf("after stopping the sharing:\n%s", txt)
		}
		b.open("/account")
		b.axeCheck("account")
		b.open("/account/delete")
		b.axeCheck("delete the account")
		token, err := svc.CreateResetToken(service.OperatorContext(t.Context()), "ben@example.com")
		if err != nil {
			t.Fatal(err)
		}
		b.open("/reset/" + token)
		b.axeCheck("reset a password")
		b.do(chromedp.EmulateViewport(390, 844))
		for _, p := range []string{"/coaching", caseURL + "/sharing", caseURL + "/audit", "/account"} {
			b.open(p)
			b.axeCheck(p + " at 390 pixels")
			b.noOverflow(p + " at 390 pixels")
		}
		b.do(chromedp.EmulateViewport(1200, 900))
		b.signOutNow()
		b.open("/signup")
		b.axeCheck("sign-up at 1200 pixels, after")
		b.do(chromedp.EmulateViewport(390, 844))
		b.axeCheck("sign-up at 390 pixels")
		b.noOverflow("sign-up at 390 pixels")
		b.do(chromedp.EmulateViewport(1200, 900))

		// The coach's next request for the case is refused.
		b.signInAs("cora@example.com")
		b.open(caseURL + "/report")
		if txt := b.mainText(); !strings.Contains(txt, "not found") {
			t.Errorf("the coach after the revocation:\n%s", txt)
		}
		b.clearConsole()
		b.checkConsole()
	})
}
