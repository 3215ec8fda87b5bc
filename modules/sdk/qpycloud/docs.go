package qpycloud

import "github.com/qstar-dev/qstar/runtime"

// Docs of the firmware's cloud clients, for help(), __doc__ and `qstar stubs`.
func init() {
	runtime.RegisterDocs("aLiYun", map[string]string{
		"aLiYun": "aLiYun(productKey, productSecret=None, DeviceName=None, DeviceSecret=None, MqttServer=None, MqttPort=1883, ssl=False, ssl_params={})\nAn Alibaba Cloud device: setMqtt(clientID, clean_session, keepAlive, reconn) signs in with the device secret (0/-1), setCallback, error_register_cb, subscribe, publish, start, disconnect, close, ping, getAliyunSta.",
	})
	runtime.RegisterDocs("TenCentYun", map[string]string{
		"TXyun": "TXyun(productID, devicename, devicePsk, ProductSecret=None)\nA Tencent Cloud IoT device: setMqtt(clean_session=False, keepAlive=300, reconn=True) signs in with the device key (0/-1), setCallback, subscribe, publish, start, disconnect, close, ping, getTXyunsta.",
	})
}
