// Package web is the web application of Crossroads: the pages a person (or
// a coach with them) uses to build a case and read its report.
//
// Server serves everything: the home page (the cases, "start from the
// example", upload a case file), the guided editor (one page per question
// of a coach's conversation, see steps), the report page with its charts and
// live what-if sliders, the downloads (PDF, case file, report JSON, calendar
// dates), the static files at checksum URLs, and the JSON API (package
// web/api) mounted at /api/v1/. Its dependencies are fields: Cases stores
// the cases (ServiceCases on the service, MemoryCases for tests), PDF
// prints reports (package web/pdf), Context puts the acting user in each
// request's context in single-user mode.
//
// With Accounts set, the server has accounts: sign-up, sign-in and
// sign-out, password reset by a one-time link, sessions kept in the
// database by scs (so that several server processes share them), the pages
// where coaches and clients find each other and share cases, the case log,
// and the download and deletion of a person's data. Every rule of who may
// see what is applied by package service; the pages only ask it. The routes
// are one table (pageRoutes), which the access-matrix test covers entirely.
//
// The pages are html/template files embedded in the binary and parsed when
// the package loads; each page has a typed data struct. They work without
// JavaScript; static/app.js, htmx and ECharts (vendored, embedded) draw the
// charts and make the sliders live, with no inline script: the
// Content-Security-Policy forbids them.
//
// The inputs of the guided editor are named by the case paths of their
// fields ("opportunities[1].pay.amount"), so that decodeForm reads a form
// onto a case and every validation message (crossroads.FieldError.Path)
// appears beside its input. A case being built is stored while incomplete;
// casefile.ParseDraft reads it back.
package web
