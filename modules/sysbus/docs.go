package sysbus

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of QuecPython's sys_bus, for help(), __doc__ and
// `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("sys_bus", map[string]string{
		"subscribe":    "subscribe(topic, handler, /)\nCall handler(topic, msg) for every message published on topic (a str or int).",
		"unsubscribe":  "unsubscribe(topic, cb=None, /)\nRemove handler cb from topic, or every handler of topic; KeyError or ValueError when absent.",
		"publish":      "publish(topic, msg=None, /)\nHand msg to each handler of topic, each in a new thread; returns at once.",
		"publish_sync": "publish_sync(topic, msg=None, /)\nHand msg to each handler of topic in turn, in this thread.",
		"sub_table":    "sub_table(topic=None, /)\nA copy of {topic: [handlers]}, or the handler list of one topic (KeyError when absent).",
	})
}
