package all_test

import (
	"net"
	"net/http"
	"strconv"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/all"
)

// The gateway modules in one device program (testdata/gateway.py),
// against a TCP echo server and an HTTP server this test runs on loopback.
func TestGatewayModulesTogether(t *testing.T) {
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer tcp.Close()
	go func() {
		for {
			c, err := tcp.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 64)
				n, _ := c.Read(buf)
				c.Write(buf[:n])
			}()
		}
	}()
	web, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"state": "online", "path": "` + r.URL.Path + `"}`))
	})}
	go srv.Serve(web)
	defer srv.Close()

	port := func(l net.Listener) string { return strconv.Itoa(l.Addr().(*net.TCPAddr).Port) }
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.Args = []string{"gateway.py", "127.0.0.1", port(tcp), port(web)}
	})
	if err := runtimetest.ExecFile(in, "testdata/gateway.py", string(must(t, "testdata/gateway.py"))); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := `tcp b'ping'
http 200 online
struct 7 (7, 513, 1.5)
re 42 21.5
random True True
deque [2, 3, 4]
namedtuple Point(x=1, y=2)
queue tick tick
pin 1
sys_bus [('alarm', 'hot')]
machine.Timer [1]
`
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
