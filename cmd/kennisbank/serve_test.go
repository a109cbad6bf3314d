package main

import (
	"bytes"
	"net"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/serve"
)

// kennisbank serve listens on the loopback address unless told otherwise, so a development site
// is not visible to the rest of the network.
func TestServeBindsLoopbackByDefault(t *testing.T) {
	var got []serve.Options
	orig := runServer
	runServer = func(o serve.Options) error { got = append(got, o); return nil }
	t.Cleanup(func() { runServer = orig })

	for _, args := range [][]string{{"serve"}, {"serve", "--src", "../..", "--drafts"}} {
		var out bytes.Buffer
		if code := run(args, &out, &out); code != exitOK {
			t.Fatalf("kennisbank %v: exit %d\n%s", args, code, out.String())
		}
	}
	for _, o := range got {
		host, port, err := net.SplitHostPort(o.Addr)
		if err != nil {
			t.Fatalf("address %q: %v", o.Addr, err)
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() || host != "127.0.0.1" || port != "1313" {
			t.Errorf("serve listens on %q by default, want 127.0.0.1:1313", o.Addr)
		}
	}

	var out bytes.Buffer
	code := run([]string{"serve", "--addr", "0.0.0.0:8080"}, &out, &out)
	if len(got) != 3 {
		t.Fatalf("the server was started %d times for 3 commands", len(got))
	}
	if code != exitOK || got[2].Addr != "0.0.0.0:8080" {
		t.Errorf("--addr was not passed on: exit %d, address %q", code, got[2].Addr)
	}
}
