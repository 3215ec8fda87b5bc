package emulator

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// serveHTTPS answers the clouds' HTTPS APIs that device and service code
// calls (Aliyun's dynamic registration, Azure's registry) on a loopback
// listener with the emulator's CA; Dial routes port 443 to it.
func (e *Emulator) serveHTTPS() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: e.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: nil}
	go srv.Serve(tls.NewListener(l, e.ca.serverConfig()))
	e.onClose = append(e.onClose, func() { srv.Close() })
	return l.Addr().String(), nil
}
