package hub

import (
	"context"
	"fmt"
	"strconv"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

// request publishes to topic(rid) after subscribing to the twin
// responses, and waits for the response with that rid.
func (d *Device) request(ctx context.Context, topic func(rid string) string, payload []byte) (Response, error) {
	if err := d.Subscribe(ctx, "$iothub/twin/res/#"); err != nil {
		return Response{}, err
	}
	d.mu.Lock()
	d.rid++
	rid := strconv.Itoa(d.rid)
	ch := make(chan Response, 1)
	d.waiting[rid] = ch
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		delete(d.waiting, rid)
		d.mu.Unlock()
	}()
	if err := d.Publish(ctx, topic(rid), 0, payload); err != nil {
		return Response{}, err
	}
	t := time.NewTimer(30 * time.Second)
	defer t.Stop()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return Response{}, ctx.Err()
	case <-t.C:
		return Response{}, fmt.Errorf("no twin response within 30s")
	}
}

// GetTwin is the device-side twin {"desired":{..},"reported":{..}}.
func (d *Device) GetTwin(ctx context.Context) ([]byte, error) {
	r, err := d.request(ctx, auth.TwinGetTopic, []byte(" "))
	if err != nil {
		return nil, err
	}
	if r.Status >= 300 {
		return nil, fmt.Errorf("twin operation returned status %d", r.Status)
	}
	return r.Body, nil
}

// PatchReported sends a reported-properties patch; the hub's status
// (204 on success) is returned.
func (d *Device) PatchReported(ctx context.Context, patch []byte) (int, error) {
	r, err := d.request(ctx, auth.TwinPatchTopic, patch)
	if err != nil {
		return 0, err
	}
	return r.Status, nil
}

// OnDesired subscribes to desired-property patches.
func (d *Device) OnDesired(ctx context.Context, f func(patch []byte)) error {
	return d.Handle(ctx, "$iothub/twin/PATCH/properties/desired/#", func(_ string, p []byte) { f(p) })
}

// OnMethod subscribes to direct-method requests: f(name, rid, payload).
func (d *Device) OnMethod(ctx context.Context, f func(name, rid string, payload []byte)) error {
	return d.Handle(ctx, "$iothub/methods/POST/#", func(topic string, p []byte) {
		if t, ok := auth.ParseTopic(topic); ok {
			f(t.Name, t.RID, p)
		}
	})
}

// MethodResponse answers a direct method.
func (d *Device) MethodResponse(ctx context.Context, rid string, status int, payload []byte) error {
	return d.Publish(ctx, auth.MethodResponseTopic(status, rid), 0, payload)
}

// OnMessage subscribes to cloud-to-device messages (a device) or to the
// module's inputs; f gets the topic's properties.
func (d *Device) OnMessage(ctx context.Context, f func(props map[string]string, payload []byte)) error {
	filter := auth.C2DTopics(d.cs.DeviceID)
	if d.cs.ModuleID != "" {
		filter = auth.ModuleInputTopics(d.cs.DeviceID, d.cs.ModuleID)
	}
	return d.Handle(ctx, filter, func(topic string, p []byte) {
		t, _ := auth.ParseTopic(topic)
		f(t.Props, p)
	})
}

// SendEvent publishes telemetry with a property bag, at qos 1.
func (d *Device) SendEvent(ctx context.Context, props map[string]string, payload []byte) error {
	if len(payload) > 256*1024 {
		return fmt.Errorf("message size exceeds the 256 KB limit")
	}
	return d.Publish(ctx, auth.TelemetryTopic(d.cs.DeviceID, d.cs.ModuleID, props), 1, payload)
}
