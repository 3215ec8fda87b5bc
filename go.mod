module github.com/qstar-dev/qstar

go 1.26.8

require (
	github.com/chromedp/chromedp v0.23.1
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5
)

require (
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
)

require (
	github.com/chzyer/readline v1.5.1
	github.com/creack/pty v1.1.24
	github.com/dlclark/regexp2/v2 v2.13.0
	github.com/eclipse/paho.mqtt.golang v1.5.1
	github.com/gorilla/websocket v1.5.3 // indirect
	github.com/mochi-mqtt/server/v2 v2.7.9
	github.com/rogpeppe/go-internal v1.16.0
	github.com/rs/xid v1.4.0 // indirect
	go.bug.st/serial v1.8.0
	golang.org/x/net v0.44.0 // indirect
	golang.org/x/sync v0.17.0 // indirect
	golang.org/x/sys v0.43.0
	golang.org/x/text v0.29.0
	golang.org/x/tools v0.36.0 // indirect
)
