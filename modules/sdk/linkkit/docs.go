package linkkit

import "github.com/qstar-dev/qstar/runtime"

// Docs of Aliyun's linkkit.linkkit (the Link Kit Python SDK), for help(),
// __doc__ and `qstar stubs`.
func init() {
	runtime.RegisterDocs("linkkit.linkkit", map[string]string{
		"LinkKit": "LinkKit(host_name, product_key, device_name, device_secret, auth_type=None, username=None, client_id=None, password=None, instance_id=None, product_secret=None, user_data=None)\nAn Aliyun IoT device (Link Kit SDK): config_mqtt, thing_setup, connect_async, publish_topic, subscribe_topic, thing_post_property, thing_trigger_event, on_* callbacks, disconnect.",
	})
}
