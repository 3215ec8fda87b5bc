package aliyun

// Topics are a device's standard topics (reference A.6).
type Topics struct{ pk, dn string }

// DeviceTopics returns the topic builder for one device.
func DeviceTopics(productKey, deviceName string) Topics { return Topics{productKey, deviceName} }

// Reply is the reply topic of a request topic.
func Reply(topic string) string { return topic + "_reply" }

func (t Topics) sys(rest string) string { return "/sys/" + t.pk + "/" + t.dn + "/" + rest }

func (t Topics) PropertyPost() string            { return t.sys("thing/event/property/post") }
func (t Topics) PropertySet() string             { return t.sys("thing/service/property/set") }
func (t Topics) PropertyGet() string             { return t.sys("thing/service/property/get") }
func (t Topics) Event(id string) string          { return t.sys("thing/event/" + id + "/post") }
func (t Topics) Service(id string) string        { return t.sys("thing/service/" + id) }
func (t Topics) RawUp() string                   { return t.sys("thing/model/up_raw") }
func (t Topics) RawDown() string                 { return t.sys("thing/model/down_raw") }
func (t Topics) DeviceInfoUpdate() string        { return t.sys("thing/deviceinfo/update") }
func (t Topics) DeviceInfoDelete() string        { return t.sys("thing/deviceinfo/delete") }
func (t Topics) TopoAdd() string                 { return t.sys("thing/topo/add") }
func (t Topics) TopoDelete() string              { return t.sys("thing/topo/delete") }
func (t Topics) TopoChange() string              { return t.sys("thing/topo/change") }
func (t Topics) OTAFirmwareGet() string          { return t.sys("thing/ota/firmware/get") }
func (t Topics) ShadowUpdate() string            { return "/shadow/update/" + t.pk + "/" + t.dn }
func (t Topics) ShadowGet() string               { return "/shadow/get/" + t.pk + "/" + t.dn }
func (t Topics) User(name string) string         { return "/" + t.pk + "/" + t.dn + "/user/" + name }
func (t Topics) OTAInform() string               { return "/ota/device/inform/" + t.pk + "/" + t.dn }
func (t Topics) OTAUpgrade() string              { return "/ota/device/upgrade/" + t.pk + "/" + t.dn }
func (t Topics) OTAProgress() string             { return "/ota/device/progress/" + t.pk + "/" + t.dn }
func (t Topics) RRPC(msgID, topic string) string { return "/ext/rrpc/" + msgID + "/" + topic }

// EventMethod is the "method" field of an event post request: thing.event.{id}.post.
func EventMethod(id string) string { return "thing.event." + id + ".post" }
