package umqtt

import "testing"

// Every test that exercises the link runs on each transport, as a subtest
// named after it (go test -run 'TestTLS$/lean').
func eachTransport(t *testing.T, test func(t *testing.T)) {
	for _, name := range []string{"lean", "paho"} {
		t.Run(name, func(t *testing.T) {
			f, err := transportNamed(name)
			if err != nil {
				t.Fatal(err)
			}
			old := newTransport
			newTransport = f
			t.Cleanup(func() { newTransport = old })
			test(t)
		})
	}
}

func TestConnectRefused(t *testing.T)            { eachTransport(t, testConnectRefused) }
func TestConnectTimeout(t *testing.T)            { eachTransport(t, testConnectTimeout) }
func TestConnectDNSFailure(t *testing.T)         { eachTransport(t, testConnectDNSFailure) }
func TestBadCredentials(t *testing.T)            { eachTransport(t, testBadCredentials) }
func TestUnknownConnackCodeRefuses(t *testing.T) { eachTransport(t, testUnknownConnackCodeRefuses) }
func TestInteropMosquitto(t *testing.T)          { eachTransport(t, testInteropMosquitto) }
func TestInteropVendorSamples(t *testing.T)      { eachTransport(t, testInteropVendorSamples) }
func TestReconnectRestoresSubscriptions(t *testing.T) {
	eachTransport(t, testReconnectRestoresSubscriptions)
}
func TestQoS1PublishedWhileDownArrivesInOrder(t *testing.T) {
	eachTransport(t, testQoS1PublishedWhileDownArrivesInOrder)
}
func TestReconnOffReportsLoss(t *testing.T) { eachTransport(t, testReconnOffReportsLoss) }
func TestBrokerRestartDuring1000MessageStream(t *testing.T) {
	eachTransport(t, testBrokerRestartDuring1000MessageStream)
}
func TestVendorSamples(t *testing.T)        { eachTransport(t, testVendorSamples) }
func TestTLS(t *testing.T)                  { eachTransport(t, testTLS) }
func TestTLSClientCertificate(t *testing.T) { eachTransport(t, testTLSClientCertificate) }
func TestPubSubRoundTrip(t *testing.T)      { eachTransport(t, testPubSubRoundTrip) }
func TestRetained(t *testing.T)             { eachTransport(t, testRetained) }
func TestLastWill(t *testing.T)             { eachTransport(t, testLastWill) }
func TestQoS1RedeliveryPersistentSession(t *testing.T) {
	eachTransport(t, testQoS1RedeliveryPersistentSession)
}
func TestWildcards(t *testing.T)                 { eachTransport(t, testWildcards) }
func TestUnsubscribe(t *testing.T)               { eachTransport(t, testUnsubscribe) }
func TestCallbackErrorKeepsRunning(t *testing.T) { eachTransport(t, testCallbackErrorKeepsRunning) }
func TestWaitMsgReleasesLockAndCancels(t *testing.T) {
	eachTransport(t, testWaitMsgReleasesLockAndCancels)
}
func TestVersion31(t *testing.T)             { eachTransport(t, testVersion31) }
func TestInboxOverflowReported(t *testing.T) { eachTransport(t, testInboxOverflowReported) }
func TestQoS2BothWays(t *testing.T)          { eachTransport(t, testQoS2BothWays) }
func TestHeldMessagesSurviveReconnect(t *testing.T) {
	eachTransport(t, testHeldMessagesSurviveReconnect)
}
func TestBrokerRestartReconnectsPromptly(t *testing.T) {
	eachTransport(t, testBrokerRestartReconnectsPromptly)
}
func TestDisconnectWakesWaitMsgInAnotherThread(t *testing.T) {
	eachTransport(t, testDisconnectWakesWaitMsgInAnotherThread)
}
func TestClosedClientsAreNotKept(t *testing.T)   { eachTransport(t, testClosedClientsAreNotKept) }
func TestBadTopicsRaiseOnALiveLink(t *testing.T) { eachTransport(t, testBadTopicsRaiseOnALiveLink) }
