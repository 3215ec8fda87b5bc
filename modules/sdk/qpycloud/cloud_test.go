package qpycloud_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/emulator"
	"github.com/qstar-dev/qstar/modules/sdk/internal/sdktest"

	_ "github.com/qstar-dev/qstar/modules/sdk/qpycloud"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
	_ "github.com/qstar-dev/qstar/modules/umqtt"
)

// The firmware's aLiYun flow against the local cloud, which checks the
// device-secret signature: setMqtt connects, start() delivers a message the
// device published to itself, disconnect() ends the listening thread (the
// script then ends); a wrong secret is refused and setMqtt returns -1.
func TestALiYunSignsInAndListens(t *testing.T) {
	em := sdktest.Emulator(t, emulator.Devices{"aliyun": {"a1pk/dev1": "secret123"}})
	s := sdktest.Start(t, em, "ali.py", `from aLiYun import aLiYun
import utime
got = []
def cb(topic, msg):
    got.append((topic, msg))
ali = aLiYun('a1pk', None, 'dev1', 'secret123')
print('before', ali.getAliyunSta())
print('setMqtt', ali.setMqtt('cid1', clean_session=False, keepAlive=60))
ali.setCallback(cb)
print('subscribe', ali.subscribe('/a1pk/dev1/user/get'))
ali.start()
print('publish', ali.publish('/a1pk/dev1/user/get', 'hello'))
for i in range(100):
    if got:
        break
    utime.sleep_ms(50)
print('got', got, ali.getAliyunSta())
ali.disconnect()
bad = aLiYun('a1pk', None, 'dev1', 'wrong')
print('bad', bad.setMqtt('cid2'))
`)
	out := s.Wait()
	want := "before -1\nsetMqtt 0\nsubscribe 0\npublish True\ngot [(b'/a1pk/dev1/user/get', b'hello')] 0\n"
	if !strings.HasPrefix(out, want) {
		t.Fatalf("output:\n%s\nwant it to start with:\n%s", out, want)
	}
	if !strings.Contains(out, "[ERROR] connect failed. Error : ") || !strings.HasSuffix(out, "bad -1\n") {
		t.Errorf("a wrong secret: got\n%s", out)
	}
	if strings.Contains(out, "secret123") {
		t.Errorf("the secret reached the output:\n%s", out)
	}
}

// TXyun through the local cloud's plain broker (which takes any Tencent
// login): connect, subscribe, a message back through start(), status.
func TestTXyunRoundTrip(t *testing.T) {
	em := sdktest.Emulator(t, nil)
	s := sdktest.Start(t, em, "tx.py", `from TenCentYun import TXyun
import utime
got = []
tx = TXyun('ABCDEFGHIJ', 'dev01', 'c2VjcmV0LWRldmljZS1rZXk=', None)
print('setMqtt', tx.setMqtt())
tx.setCallback(lambda topic, msg: got.append(msg))
print('subscribe', tx.subscribe('ABCDEFGHIJ/dev01/data'))
tx.start()
print('publish', tx.publish('ABCDEFGHIJ/dev01/data', 'hello world'))
for i in range(100):
    if got:
        break
    utime.sleep_ms(50)
print(got, tx.getTXyunsta())
tx.disconnect()
`)
	if out := s.Wait(); out != "setMqtt 0\nsubscribe 0\npublish True\n[b'hello world'] 0\n" {
		t.Errorf("output:\n%s", out)
	}
}
