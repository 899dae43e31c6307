package loadgen

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// TargetURL reads the address of a server to load, as HOST:PORT or an
// http:// URL, and returns its base URL ("http://127.0.0.1:8080"). It
// refuses any host that is not a loopback address (127.0.0.0/8, ::1) or
// "localhost": the load generator talks to this computer only.
func TargetURL(addr string) (string, error) {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return "", fmt.Errorf("no address: give HOST:PORT, such as 127.0.0.1:8080")
	}
	raw := addr
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("address %q: write HOST:PORT or http://HOST:PORT, such as 127.0.0.1:8080", addr)
	}
	if u.Scheme != "http" {
		return "", fmt.Errorf("address %q: only http:// is supported (the load generator talks to a server on this computer)", addr)
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("address %q: give the server's address only, without a path, query or user", addr)
	}
	if u.Port() == "" {
		return "", fmt.Errorf("address %q: give the port, such as 127.0.0.1:8080", addr)
	}
	if err := CheckLoopback(u.Hostname()); err != nil {
		return "", fmt.Errorf("address %q: %w", addr, err)
	}
	return "http://" + u.Host, nil
}

// CheckLoopback returns an error unless host is "localhost" or a loopback
// IP address (127.0.0.0/8 or ::1).
func CheckLoopback(host string) error {
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%q is not a loopback address: the load generator only talks to this computer "+
		"(127.0.0.0/8, ::1 or localhost)", host)
}

// loopbackOnly is a dialer's Control function that refuses to connect to
// anything but a loopback IP address, whatever a host name resolved to.
func loopbackOnly(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
	}
	return nil
}

// newTransport returns a transport for the simulated people: connections
// to loopback addresses only (checked at each dial), no proxy from the
// environment, and enough idle connections for every person to keep one.
func newTransport(users int) *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: loopbackOnly}
	return &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		MaxIdleConns:        users * 2,
		MaxIdleConnsPerHost: users * 2,
		IdleConnTimeout:     90 * time.Second,
	}
}
