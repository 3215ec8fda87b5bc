package aliyun

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of auth.aliyun, for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	endpoint := "region='cn-shanghai', instance_id=None, endpoint=None, port=0"
	runtime.RegisterDocs("auth.aliyun", map[string]string{
		"sign":                 "sign(product_key, device_name, device_secret, client_id=None, timestamp=None, sign_method='hmacsha256')\nThe Link SDK MQTT password: hex HMAC of the sorted clientId/deviceName/productKey/timestamp fields.",
		"mqtt_credentials":     "mqtt_credentials(product_key, device_name, device_secret, region='cn-shanghai', client_id=None, timestamp=None, sign_method='hmacsha256', secure_mode=None, instance_id=None, endpoint=None, port=0, keepalive=60)\nA dict of what umqtt.MQTTClient needs for one-device-one-secret login: client_id, server, port, user, password, keepalive.",
		"register_sign":        "register_sign(product_key, device_name, product_secret, random, sign_method='hmacsha256')\nThe dynamic-registration signature of deviceName, productKey and random under the product secret.",
		"register_credentials": "register_credentials(product_key, device_name, product_secret, auth_type='register', random=None, " + endpoint + ", sign_method='hmacsha256', keepalive=60)\nMQTT login for dynamic registration over MQTT; the server answers on register_topic(auth_type) with the device secret (register) or a token (regnwl).",
		"register_request":     "register_request(product_key, device_name, product_secret, random=None, region='cn-shanghai', sign_method='hmacsha256')\nThe HTTPS dynamic-registration request: a dict of url, headers and body for request.post.",
		"register_topic":       "register_topic(auth_type='register')\nThe topic the registration answer comes on: /ext/register or /ext/regnwl.",
		"token_credentials":    "token_credentials(product_key, device_name, client_id, device_token, " + endpoint + ", keepalive=60)\nMQTT login with the client_id and device_token a whitelist-free (regnwl) registration returned.",
		"topics":               "topics(product_key, device_name)\nA dict of the device's standard topics: property post/set, event, service, OTA, shadow, ntp, and their _reply topics.",
		"event_topic":          "event_topic(product_key, device_name, identifier)\n/sys/{pk}/{dn}/thing/event/{identifier}/post.",
		"service_topic":        "service_topic(product_key, device_name, identifier)\n/sys/{pk}/{dn}/thing/service/{identifier}.",
		"user_topic":           "user_topic(product_key, device_name, name)\n/{pk}/{dn}/user/{name}, a custom topic.",
		"reply_topic":          "reply_topic(topic)\ntopic + '_reply', where the answer to an Alink request comes.",
		"random":               "random()\nA fresh random string for register_sign and friends.",
	})
}
