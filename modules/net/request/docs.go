package request

import (
	"slices"
	"strings"

	"github.com/qstar-dev/qstar/runtime"
)

// Signatures and docs of request (QuecPython), requests/urequests,
// urllib.request and urllib.error, for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	cpythonKw := "params=None, allow_redirects=True, verify=None, auth=None, cookies=None"
	quec := "(url, data=None, headers=None, decode=True, sizeof=255, ssl_params=None, *, json=None, files=None, stream=None, timeout=None, " + cpythonKw + ")"
	request := map[string]string{
		"request": "request(method, url, data=None, json=None, files=None, stream=None, decode=True, sizeof=255, timeout=None, headers=None, ssl_params=None, *, " + cpythonKw + ")\nSend an HTTP request; a Response (status_code, headers, text and content as generators, json()).",
	}
	for _, m := range methodNames {
		request[m] = m + quec + "\nSend an HTTP " + upper(m) + " to url; a Response (status_code, headers, text and content as generators, json())."
	}
	runtime.RegisterDocs("request", request)

	requests := map[string]string{
		"request": "request(method, url, data=None, json=None, files=None, stream=None, decode=True, sizeof=255, timeout=None, headers=None, ssl_params=None, *, " + cpythonKw + ")\nSend an HTTP request; a Response (status_code, headers, text str, content bytes, json(), raise_for_status()).",
		"Session": "Session()\nA session whose headers go with every request: get, post, ..., request, close; a context manager.",
	}
	keywords := []string{"params=None", "data=None", "json=None", "headers=None", "files=None", "stream=None", "decode=True", "sizeof=255",
		"timeout=None", "ssl_params=None", "allow_redirects=True", "verify=None", "auth=None", "cookies=None"}
	for _, m := range methodNames {
		var first, rest []string
		for _, k := range keywords {
			if slices.Contains(positionalCPython[upper(m)], strings.TrimSuffix(k, "=None")) {
				first = append(first, k)
			} else {
				rest = append(rest, k)
			}
		}
		sig := m + "(" + strings.Join(append([]string{"url"}, first...), ", ") + ", *, " + strings.Join(rest, ", ") + ")"
		requests[m] = sig + "\nSend an HTTP " + upper(m) + " to url; a Response (text str, content bytes), as CPython's requests."
	}
	for name, what := range map[string]string{
		"RequestException": "OSError: the base of the errors below",
		"ConnectionError":  "the connection failed (DNS, refused, TLS)", "Timeout": "TimeoutError: the request timed out",
		"ReadTimeout": "TimeoutError: the server did not answer in time", "ConnectTimeout": "TimeoutError: the connection was not made in time",
		"HTTPError": "OSError: raise_for_status() on a 4xx or 5xx status", "InvalidURL": "ValueError: the URL cannot be parsed",
		"MissingSchema": "ValueError: the URL has no http:// or https://", "InvalidSchema": "ValueError: the URL's scheme is not http or https",
	} {
		requests[name] = name + "\nRaised when " + what + "."
	}
	requests["exceptions"] = "exceptions\nThe exception classes, as requests.exceptions."
	runtime.RegisterDocs("requests", requests)
	runtime.RegisterDocs("urequests", requests)

	errs := map[string]string{
		"URLError":             "URLError\nOSError: the URL could not be fetched (reason).",
		"HTTPError":            "HTTPError\nOSError: the server answered 4xx or 5xx (code, reason, headers; readable as a response).",
		"ContentTooShortError": "ContentTooShortError\nOSError: the body was shorter than Content-Length.",
	}
	runtime.RegisterDocs("urllib.error", errs)
	runtime.RegisterDocs("urllib.request", errs)
	runtime.RegisterDocs("urllib.request", map[string]string{
		"Request": "Request(url, data=None, headers=None, origin_req_host=None, unverifiable=False, method=None)\nAn HTTP request for urlopen: add_header, get_method, full_url.",
		"urlopen": "urlopen(url, data=None, timeout=None, context=None, cafile=None, capath=None, cadefault=False)\nFetch url (a str or Request); a response with read(), status, headers, getcode(); HTTPError on 4xx/5xx.",
	})
}
