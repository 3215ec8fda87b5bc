package request

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// A program written against CPython's requests prints the same under
// python3 (with the real library) and qstar.
const requestsProgram = `
import requests
r = requests.get(BASE + '/weather', timeout=5)
print(r.status_code, r.reason, r.ok, r.headers['Content-Type'])
print(r.json()['lives'][0]['city'])
print(isinstance(r.text, str), isinstance(r.content, bytes), len(r.content))
r = requests.post(BASE + '/echo', json={'a': 1})
print(r.status_code, r.text)
print(requests.post(BASE + '/echo', data={'a': '1', 'b': 'x y'}).text)
print(requests.put(BASE + '/echo', data=b'abc').text)
r = requests.get(BASE + '/old')
print(r.status_code, r.text, r.url == BASE + '/new')
r = requests.get(BASE + '/old', allow_redirects=False)
print(r.status_code, r.headers['Location'])
print(requests.get(BASE + '/chunked').text)
print(requests.get(BASE + '/missing').status_code)
try:
    requests.get(BASE + '/slow', timeout=0.2)
except requests.exceptions.Timeout:
    print('timeout')
try:
    requests.get('http://127.0.0.1:1/')
except requests.exceptions.ConnectionError:
    print('connection error')
s = requests.Session()
s.headers['X-Token'] = 't'
print(s.get(BASE + '/echo').status_code)
`

// noProxy keeps CPython's requests off any proxy the environment names.
const noProxy = `
import os
for k in list(os.environ):
    if k.lower().endswith('_proxy'):
        del os.environ[k]
`

func TestRequestsMatchesCPython(t *testing.T) {
	base, _ := serve(t)
	prog := "BASE = '" + base + "'\n" + requestsProgram
	if out := runtimetest.Python(t, "import importlib.util, sys\nprint(importlib.util.find_spec('requests') is not None)", ""); strings.TrimSpace(out) != "True" {
		t.Skip("python3 has no requests")
	}
	want := runtimetest.Python(t, noProxy+prog, "")
	in, out, _ := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, prog)
	if got != want {
		t.Errorf("qstar:\n%s\nCPython:\n%s", got, want)
	}
}

// The same for urllib.request: urlopen of a str and of a Request, POST
// data, HTTPError for a 404, URLError when nothing listens.
const urllibProgram = `
import urllib.request
import urllib.error
import json
with_resp = urllib.request.urlopen(BASE + '/weather', timeout=5)
print(with_resp.status, with_resp.getcode(), with_resp.reason, with_resp.getheader('Content-Type'))
body = with_resp.read()
print(type(body) == type(b''), json.loads(body.decode('utf-8'))['lives'][0]['temperature'])
req = urllib.request.Request(BASE + '/echo', data=b'a=1', headers={'X-Token': 'u'})
print(req.get_method(), urllib.request.urlopen(req).read())
req = urllib.request.Request(BASE + '/echo', method='DELETE')
print(urllib.request.urlopen(req).read().decode())
print(urllib.request.urlopen(BASE + '/old').geturl() == BASE + '/new')
try:
    urllib.request.urlopen(BASE + '/missing')
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.reason, str(e))
try:
    urllib.request.urlopen('http://127.0.0.1:1/')
except urllib.error.URLError as e:
    print('URLError', str(e.reason))
`

func TestUrllibMatchesCPython(t *testing.T) {
	base, rec := serve(t)
	prog := "BASE = '" + base + "'\n" + urllibProgram
	want := runtimetest.Python(t, noProxy+prog, "")
	in, out, _ := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, prog)
	if got != want {
		t.Errorf("qstar:\n%s\nCPython:\n%s", got, want)
	}
	if s := strings.Join(rec.list(), "\n"); !strings.Contains(s, `POST /echo ct="application/x-www-form-urlencoded" x="u" body="a=1"`) {
		t.Errorf("server saw:\n%s", s)
	}
}
