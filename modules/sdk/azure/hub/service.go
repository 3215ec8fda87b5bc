package hub

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
	"github.com/qstar-dev/qstar/runtime"
)

// Service is the hub's service REST API (https://{HostName}), signed with
// a policy (or device) key from a service connection string.
type Service struct {
	cs         auth.ConnectionString
	apiVersion string
	userAgent  string
	client     *http.Client
}

// NewService checks a service connection string: HostName with
// SharedAccessKeyName and SharedAccessKey, or HostName, DeviceId and
// SharedAccessKey. A HostName without a dot is refused.
func NewService(env *runtime.Env, connStr, apiVersion, userAgent string) (*Service, error) {
	cs, err := auth.ParseConnectionString(connStr)
	if err != nil {
		return nil, err
	}
	if cs.SharedAccessKey == "" {
		return nil, errors.New("a service connection string needs SharedAccessKey")
	}
	if !strings.Contains(cs.HostName, ".") {
		return nil, errors.New("HostName must be {hub}.{suffix}")
	}
	tr := &http.Transport{DialContext: env.Dial, TLSClientConfig: &tls.Config{RootCAs: env.RootCAs, MinVersion: tls.VersionTLS12}}
	return &Service{cs: cs, apiVersion: apiVersion, userAgent: userAgent,
		client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}, nil
}

// HostName is the hub's host.
func (s *Service) HostName() string { return s.cs.HostName }

// token is a fresh SAS for one request.
func (s *Service) token() (string, error) {
	return auth.SASToken(auth.ResourceURI(s.cs.HostName, s.cs.DeviceID, ""), s.cs.SharedAccessKey,
		time.Now().Add(time.Hour).Unix(), s.cs.SharedAccessKeyName)
}

// Do sends one request; path starts with "/" and has no query. A
// transport failure is an error; any HTTP status is returned.
func (s *Service) Do(ctx context.Context, method, path, ifMatch string, body []byte) (int, []byte, error) {
	tok, err := s.token()
	if err != nil {
		return 0, nil, err
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, "https://"+s.cs.HostName+path+"?api-version="+s.apiVersion, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", tok)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", s.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, out, err
}

// DevicePath is /devices/{id}[/modules/{mid}], escaped.
func DevicePath(device, module string) string {
	p := "/devices/" + auth.Quote(device)
	if module != "" {
		p += "/modules/" + auth.Quote(module)
	}
	return p
}

// TwinPath is /twins/{id}[/modules/{mid}], escaped.
func TwinPath(device, module string) string {
	p := "/twins/" + auth.Quote(device)
	if module != "" {
		p += "/modules/" + auth.Quote(module)
	}
	return p
}
