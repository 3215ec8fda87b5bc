package linkkit

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pyargs"
)

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// bound adapts a method taking named arguments to a bound builtin.
func bound(params []string, f func(*LinkKit, *pyargs.Args) (starlark.Value, error)) builtinFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, kwargs, params...)
		if err != nil {
			return nil, err
		}
		return f(b.Receiver().(*LinkKit), a)
	}
}

// blocking adapts a method that needs the calling thread (to wait with
// the interpreter lock released).
func blocking(f func(*starlark.Thread, *LinkKit) (starlark.Value, error)) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return f(t, b.Receiver().(*LinkKit))
	}
}

var methods map[string]builtinFn

func init() {
	methods = map[string]builtinFn{
		"config_mqtt":         bound(configParams, configMQTT),
		"config_device_info":  bound([]string{"interface_info"}, configDeviceInfo),
		"enable_logger":       bound([]string{"level?"}, enableLogger),
		"disable_logger":      bound(nil, disableLogger),
		"config_logger":       bound([]string{"level?"}, enableLogger),
		"get_endpoint":        bound(nil, getEndpoint),
		"get_actual_endpoint": bound(nil, getActualEndpoint),
		"get_product": bound(nil, func(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
			return starlark.String(lk.id.productKey), nil
		}),
		"get_device_name": bound(nil, func(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
			return starlark.String(lk.id.deviceName), nil
		}),
		"dump_user_topics":     bound(nil, dumpUserTopics),
		"connect_async":        bound(nil, connectAsync),
		"connect":              bound(nil, func(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) { return nil, lk.stateError("not supported") }),
		"disconnect":           blocking(disconnect),
		"destroy":              blocking(destroy),
		"destruct":             blocking(destroy),
		"check_state":          bound(nil, checkState),
		"force_reconnect":      bound(nil, forceReconnect),
		"publish_topic":        bound([]string{"topic", "payload?", "qos?"}, publishTopic),
		"subscribe_topic":      bound([]string{"topic", "qos?"}, subscribeTopic),
		"unsubscribe_topic":    bound([]string{"topic"}, unsubscribeTopic),
		"to_full_topic":        bound([]string{"topic"}, toFullTopic),
		"thing_setup":          bound([]string{"file?"}, thingSetup),
		"thing_post_property":  bound([]string{"property_data"}, thingPostProperty),
		"thing_trigger_event":  bound([]string{"event_tuple"}, thingTriggerEvent),
		"thing_answer_service": bound([]string{"identifier", "request_id", "code", "data?"}, thingAnswerService),
		"thing_raw_post_data":  bound([]string{"payload"}, thingRawPostData),
		"thing_raw_data_reply": bound([]string{"payload"}, thingRawDataReply),
		"thing_update_tags":    bound([]string{"tag_map"}, thingUpdateTags),
		"thing_remove_tags":    bound([]string{"tag_list"}, thingRemoveTags),
		"thing_update_shadow":  bound([]string{"reported", "version"}, thingUpdateShadow),
		"thing_get_shadow":     bound(nil, thingGetShadow),
	}
	for _, name := range []string{"config_http2", "get_h2_endpoint", "get_actual_h2_endpoint", "upload_file_sync", "upload_file_async"} {
		methods[name] = func(_ *starlark.Thread, b *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return notSupported(b.Receiver().(*LinkKit), nil)
		}
	}
}
