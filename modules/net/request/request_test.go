package request

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/ujson"
)

// seen is what the test server received.
type seen struct {
	mu   sync.Mutex
	reqs []string
}

func (s *seen) add(r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, fmt.Sprintf("%s %s ct=%q x=%q body=%q", r.Method, r.URL.RequestURI(), r.Header.Get("Content-Type"), r.Header.Get("X-Token"), body))
}

func (s *seen) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.reqs...)
}

// api is a small HTTP application: /text (600 bytes), /weather (JSON),
// /echo (records the request), /chunked, /old -> /new, /slow.
func api(rec *seen) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, strings.Repeat("abcdefghij", 60))
	})
	mux.HandleFunc("/weather", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"1","lives":[{"city":"北京","weather":"晴","temperature":"21"}]}`)
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rec.add(r, b)
		w.WriteHeader(201)
		fmt.Fprintf(w, "%s %d", r.Method, len(b))
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(w, "part%d;", i)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusFound) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "moved here") })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "nope", 404) })
	return mux
}

// serve starts the application on loopback; base is http://localhost:PORT.
func serve(t *testing.T) (base string, rec *seen) {
	t.Helper()
	rec = &seen{}
	srv := httptest.NewServer(api(rec))
	t.Cleanup(srv.Close)
	return strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), rec
}

func run(t *testing.T, base, src string, setup func(*runtime.Env)) (string, []string) {
	t.Helper()
	in, out, dials := nettest.Interp(t, setup)
	got := nettest.Py(t, in, out, strings.ReplaceAll(src, "BASE", base))
	return got, dials.List()
}

func want(t *testing.T, got, want string) {
	t.Helper()
	if w := nettest.Dedent(want); got != w {
		t.Errorf("output:\n%s\nwant:\n%s", got, w)
	}
}

// The QuecPython examples: text gathered from its blocks, json() walked,
// content blocks collected; status, reason and headers.
func TestGetLikeTheExamples(t *testing.T) {
	base, _ := serve(t)
	out, dials := run(t, base, `
		import request
		response = request.get('BASE/text')
		print(response.status_code, response.reason, response.headers['Content-Type'])
		data = ''
		n = 0
		for i in response.text:
			data += i
			n += 1
		print(len(data), n, data[:12])
		blocks = []
		for b in request.get('BASE/text', decode=False, sizeof=512).content:
			blocks.append(len(b))
		print(blocks, type(b'') == type(b))

		r = request.get('BASE/weather')
		data = r.json()
		data = data['lives'][0]
		for k in ['city', 'weather', 'temperature']:
			print('%s: %s' % (k, data[k]))
		r.close()
	`, nil)
	want(t, out, `
		200 OK text/plain; charset=utf-8
		600 3 abcdefghijab
		[512, 88] True
		city: 北京
		weather: 晴
		temperature: 21
	`)
	if len(dials) != 3 || !strings.HasPrefix(dials[0], "tcp localhost:") {
		t.Errorf("dials = %q, want each request dialled by name through Env.Dial", dials)
	}
}

// text and content also work as the one str a CPython script expects.
func TestBodyAsWholeValue(t *testing.T) {
	base, _ := serve(t)
	out, _ := run(t, base, `
		import request
		r = request.get('BASE/new')
		print(r.text)
		print(len(r.text), 'here' in r.text, r.text.upper(), r.text.split(' '))
		print(r.text + '!', r.text[0:5], r.text.encode())
		print(r.content.decode(), r.ok)
		r = request.get('BASE/new', decode=False)
		print(r.content, len(r.content))
		r = request.get('BASE/empty')
		print(r.json(), bool(r.text))
		r = getattr(request, 'post')('BASE/echo', data='x')
		print(r.__enter__() == r, r.__exit__(None, None, None), r)
	`, nil)
	want(t, out, `
		moved here
		10 True MOVED HERE ['moved', 'here']
		moved here! moved b'moved here'
		moved here True
		b'moved here' 10
		None False
		True False <Response [201]>
	`)
}

// post/put/patch/delete/head with json=, data= (str, bytes, dict) and
// headers; the server sees each as sent.
func TestMethodsAndBodies(t *testing.T) {
	base, rec := serve(t)
	out, _ := run(t, base, `
		import request
		r = request.post('BASE/echo', json={'temp': 21.5, 'on': True})
		print(r.status_code, r.text)
		print(request.put('BASE/echo', data='raw text', headers={'X-Token': 'abc'}).text)
		print(request.patch('BASE/echo', data=b'\x00\x01').text)
		print(request.post('BASE/echo', data={'a': 1, 'b': 'x y'}).text)
		print(request.delete('BASE/echo?id=3').text)
		print(request.head('BASE/echo').status_code)
		print(request.request('GET', 'BASE/echo', params={'q': 'v'}).text)
		print(request.post('BASE/echo', 'pos', {'X-Token': 'p'}).text)
		print(request.request('POST', 'BASE/echo', None, {'j': 1}).text)
	`, nil)
	want(t, out, `
		201 POST 26
		PUT 8
		PATCH 2
		POST 9
		DELETE 0
		201
		GET 0
		POST 3
		POST 8
	`)
	got := strings.Join(rec.list(), "\n")
	for _, w := range []string{
		`POST /echo ct="application/json" x="" body="{\"temp\": 21.5, \"on\": true}"`,
		`PUT /echo ct="" x="abc" body="raw text"`,
		`PATCH /echo ct="" x="" body="\x00\x01"`,
		`POST /echo ct="application/x-www-form-urlencoded" x="" body="a=1&b=x+y"`,
		`DELETE /echo?id=3`,
		`HEAD /echo`,
		`GET /echo?q=v`,
		`POST /echo ct="" x="p" body="pos"`,
		`POST /echo ct="application/json" x="" body="{\"j\": 1}"`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("server did not see %s; it saw:\n%s", w, got)
		}
	}
}

func TestChunkedAndRedirect(t *testing.T) {
	base, _ := serve(t)
	out, _ := run(t, base, `
		import request
		print(request.get('BASE/chunked').text)
		r = request.get('BASE/old')
		print(r.status_code, r.text, r.url.endswith('/new'))
		r = request.get('BASE/old', allow_redirects=False)
		print(r.status_code, r.headers['Location'])
		print(request.get('BASE/missing').status_code)
	`, nil)
	want(t, out, `
		part0;part1;part2;
		200 moved here True
		302 /new
		404
	`)
}

// HTTPS is verified against Env.RootCAs with SNI; an untrusted server is
// an error, unless ssl_params turns verification off.
func TestHTTPS(t *testing.T) {
	ca := nettest.NewCA(t)
	sni := make(chan string, 8)
	srv := httptest.NewUnstartedServer(api(&seen{}))
	srv.TLS = ca.ServerConfig(t, sni, "localhost")
	srv.StartTLS()
	t.Cleanup(srv.Close)
	base := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	out, _ := run(t, base, `
		import request
		r = request.get('BASE/new')
		print(r.status_code, r.text)
	`, func(env *runtime.Env) { env.RootCAs = ca.Pool })
	want(t, out, `
		200 moved here
	`)
	if name := <-sni; name != "localhost" {
		t.Errorf("SNI %q, want localhost", name)
	}
	out, _ = run(t, base, strings.ReplaceAll(`
		import request
		try:
			request.get('BASE/new')
		except OSError as e:
			print('refused', 'certificate' in str(e))
		r = request.get('BASE/new', ssl_params={'cert_reqs': 0})
		print(r.text)
		r = request.get('BASE/new', ssl_params={'cadata': CA})
		print(r.text)
	`, "CA", fmt.Sprintf("%q", ca.PEM)), nil)
	if !strings.Contains(out, "refused True\n") || strings.Count(out, "moved here\n") != 2 {
		t.Errorf("output:\n%s", out)
	}
}
