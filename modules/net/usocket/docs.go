package usocket

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of usocket/socket, ussl/ssl and select/uselect, for
// help(), __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them
// honest.
func init() {
	usocket := map[string]string{
		"socket":      "socket(af=AF_INET, type=SOCK_STREAM, proto=IPPROTO_TCP, fileno=None)\nA socket (family also by its CPython name): connect, send, recv, bind, listen, accept, settimeout, close...",
		"getaddrinfo": "getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)\n[(family, type, proto, canonname, (ip, port)), ...] for host; OSError when it does not resolve.",
	}
	for name, what := range map[string]string{
		"AF_INET": "Address family: IPv4", "AF_INET6": "Address family: IPv6",
		"SOCK_STREAM": "Socket type: TCP stream", "SOCK_DGRAM": "Socket type: UDP datagrams", "SOCK_RAW": "Socket type: raw",
		"IPPROTO_IP": "Protocol: IP", "IPPROTO_TCP": "Protocol: TCP", "IPPROTO_UDP": "Protocol: UDP",
		"IPPROTO_TCP_SER": "Protocol: a TCP server socket (QuecPython)", "TCP_CUSTOMIZE_PORT": "Protocol: TCP from a chosen local port (QuecPython)",
		"SOL_SOCKET": "setsockopt level: the socket itself", "SO_REUSEADDR": "Socket option: reuse a local address",
		"SO_ACCEPTCONN": "Socket option: the socket listens", "IP_ADD_MEMBERSHIP": "IP option: join a multicast group",
		"TCP_KEEPALIVE": "TCP option: keepalive idle time",
	} {
		usocket[name] = name + "\n" + what + "."
	}
	runtime.RegisterDocs("usocket", usocket)
	socket := map[string]string{
		"gethostname":       "gethostname()\nThe host's name.",
		"gethostbyname":     "gethostbyname(hostname, /)\nThe IPv4 address of hostname, as a str.",
		"create_connection": "create_connection(address, timeout=None, source_address=None)\nA TCP socket connected to address (host, port), with timeout in seconds.",
		"getdefaulttimeout": "getdefaulttimeout()\nThe timeout new sockets get, in seconds (None: blocking).",
		"setdefaulttimeout": "setdefaulttimeout(timeout, /)\nSet the timeout new sockets get, in seconds (None: blocking).",
		"inet_aton":         "inet_aton(ip_string, /)\nThe 4 bytes of a dotted IPv4 address.",
		"inet_ntoa":         "inet_ntoa(packed_ip, /)\nThe dotted text of a 4-byte IPv4 address.",
		"htons":             "htons(x, /)\nA 16-bit int from host to network byte order.",
		"ntohs":             "ntohs(x, /)\nA 16-bit int from network to host byte order.",
		"htonl":             "htonl(x, /)\nA 32-bit int from host to network byte order.",
		"ntohl":             "ntohl(x, /)\nA 32-bit int from network to host byte order.",
		"timeout":           "timeout\nTimeoutError, raised when a socket operation times out.",
		"error":             "error\nOSError, raised by socket operations.",
		"gaierror":          "gaierror\nOSError, raised when getaddrinfo cannot resolve.",
		"herror":            "herror\nOSError, raised for address lookup errors.",
	}
	for name, what := range map[string]string{
		"AF_UNSPEC": "Address family: any", "IPPROTO_ICMP": "Protocol: ICMP", "IPPROTO_IPV6": "Protocol: IPv6",
		"SHUT_RD": "shutdown(): no more reads", "SHUT_WR": "shutdown(): no more writes", "SHUT_RDWR": "shutdown(): neither",
		"SO_BROADCAST": "Socket option: send broadcasts", "SO_KEEPALIVE": "Socket option: TCP keepalive",
		"SO_RCVBUF": "Socket option: receive buffer size", "SO_SNDBUF": "Socket option: send buffer size",
		"TCP_NODELAY": "TCP option: send small segments at once (no Nagle)",
	} {
		socket[name] = name + "\n" + what + "."
	}
	for k, v := range usocket {
		socket[k] = v
	}
	runtime.RegisterDocs("socket", socket)

	ussl := map[string]string{
		"wrap_socket":   "wrap_socket(sock, /, server_hostname=None, cert=None, key=None, *, certfile=None, keyfile=None, ca_certs=None, cadata=None, cert_reqs=None, insecure=False, server_side=False, do_handshake=True, ssl_version=None, ciphers=None)\nA TLS socket over the connected sock (cert/key: PEM text or device file paths; verified against ca_certs when cert_reqs is CERT_REQUIRED).",
		"CERT_NONE":     "CERT_NONE\ncert_reqs: do not verify the server's certificate.",
		"CERT_OPTIONAL": "CERT_OPTIONAL\ncert_reqs: verify a certificate when one is sent.",
		"CERT_REQUIRED": "CERT_REQUIRED\ncert_reqs: the server's certificate must verify.",
	}
	runtime.RegisterDocs("ussl", ussl)
	ssl := map[string]string{
		"create_default_context": "create_default_context(purpose=Purpose.SERVER_AUTH, cafile=None, capath=None, cadata=None)\nAn SSLContext that verifies servers (against cafile/cadata, or the system's roots).",
		"SSLContext":             "SSLContext(protocol=PROTOCOL_TLS_CLIENT, /)\nTLS settings: wrap_socket, load_verify_locations, load_cert_chain, check_hostname, verify_mode.",
		"SSLError":               "SSLError\nOSError, raised when the TLS handshake or a TLS read/write fails.",
		"Purpose":                "Purpose\nPurpose.SERVER_AUTH (a client context) and Purpose.CLIENT_AUTH (a server context).",
		"PROTOCOL_TLS":           "PROTOCOL_TLS\nSSLContext protocol: negotiate, not verifying by default (old CPython).",
		"PROTOCOL_TLS_CLIENT":    "PROTOCOL_TLS_CLIENT\nSSLContext protocol: a client that verifies the server and its host name.",
		"PROTOCOL_TLS_SERVER":    "PROTOCOL_TLS_SERVER\nSSLContext protocol: a server.",
	}
	for k, v := range ussl {
		ssl[k] = v
	}
	runtime.RegisterDocs("ssl", ssl)

	sel := map[string]string{
		"select":   "select(rlist, wlist, xlist, timeout=None, /)\n(readable, writable, errored) subsets of the socket lists, waiting up to timeout seconds (None: until one is ready).",
		"poll":     "poll()\nA poll object: register(obj, eventmask=POLLIN|POLLOUT), unregister(obj), modify(obj, mask), poll(timeout_ms=-1).",
		"error":    "error\nOSError.",
		"POLLIN":   "POLLIN\nEvent: data to read.",
		"POLLOUT":  "POLLOUT\nEvent: room to write.",
		"POLLPRI":  "POLLPRI\nEvent: urgent data to read.",
		"POLLERR":  "POLLERR\nEvent: an error on the socket.",
		"POLLHUP":  "POLLHUP\nEvent: the peer hung up.",
		"POLLNVAL": "POLLNVAL\nEvent: the object is not open.",
	}
	runtime.RegisterDocs("select", sel)
	runtime.RegisterDocs("uselect", sel)
}
