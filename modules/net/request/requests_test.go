package request

import (
	"net"
	"strings"
	"testing"
)

// The requests flavour: str text, bytes content, json() errors, its
// exception classes, Session headers; and raw.read() in both modules.
func TestRequestsFlavour(t *testing.T) {
	base, rec := serve(t)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	out, _ := run(t, base, strings.ReplaceAll(`
		import requests
		import request
		r = requests.get('BASE/weather', timeout=5)
		print(type(r.text) == type(''), type(r.content) == type(b''), r.json()['status'], r.ok)
		print(r.text == request.get('BASE/weather').text.strip())
		try:
			requests.get('BASE/empty').json()
		except ValueError:
			print('empty body is not JSON')
		try:
			requests.get('http://CLOSED/')
		except requests.exceptions.ConnectionError:
			print('ConnectionError')
		try:
			requests.get('BASE/slow', timeout=0.2)
		except requests.Timeout:
			print('Timeout')
		except requests.exceptions.RequestException as e:
			print('other', e)
		s = requests.Session()
		s.headers['X-Token'] = 'sess'
		print(s.post('BASE/echo', json={'a': 1}).status_code)
		raw = request.get('BASE/text').raw
		print(raw.read(4), len(raw.read()), raw.read(1))
		import urequests
		r = urequests.get('BASE/new')
		print(r.text, r.status_code)
		r.close()
	`, "CLOSED", closed), nil)
	want(t, out, `
		True True 1 True
		True
		empty body is not JSON
		ConnectionError
		Timeout
		201
		b'abcd' 596 b''
		moved here 200
	`)
	if got := strings.Join(rec.list(), "\n"); !strings.Contains(got, `POST /echo ct="application/json" x="sess"`) {
		t.Errorf("session headers not sent: %s", got)
	}
}
