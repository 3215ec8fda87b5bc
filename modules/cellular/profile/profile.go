// Package profile describes a simulated cellular modem: its SIM card,
// identities, PDP contexts and network, loaded from JSON. The same State
// backs the in-process "sim" backend and the AT simulator (atsim), so a
// script sees identical values on both.
package profile

import (
	"encoding/json"
	"fmt"
	"os"
)

// Profile is the JSON form of a simulated modem.
type Profile struct {
	SIM     SIM     `json:"sim"`
	Device  Device  `json:"device"`
	PDP     []PDP   `json:"pdp"`
	Network Network `json:"network"`
	SMS     SMS     `json:"sms"`
	Voice   Voice   `json:"voice"`
}

// SIM is the card. State is "ready", "pin" (PIN enabled, not yet entered),
// "puk" (PIN tries used up), "blocked" (PUK tries used up) or "absent".
type SIM struct {
	State      string `json:"state"`
	PIN        string `json:"pin"`
	PUK        string `json:"puk"`
	PINEnabled bool   `json:"pin_enabled"`
	PINLeft    int    `json:"pin_left"` // 0 means the default, 3
	PUKLeft    int    `json:"puk_left"` // 0 means the default, 10
	PIN2Left   int    `json:"pin2_left"`
	PUK2Left   int    `json:"puk2_left"`
	IMSI       string `json:"imsi"`
	ICCID      string `json:"iccid"`
	Number     string `json:"number"`
	DetEnable  int    `json:"det_enable"`
	DetLevel   int    `json:"det_level"`
}

// Device holds the module's identities.
type Device struct {
	IMEI         string `json:"imei"`
	Model        string `json:"model"`
	SN           string `json:"sn"`
	Firmware     string `json:"firmware"`
	Manufacturer string `json:"manufacturer"`
}

// PDP is one context. IPType is 0 IPv4, 1 IPv6, 2 IPv4v6; Auth 0..3.
type PDP struct {
	CID      int       `json:"cid"`
	IPType   int       `json:"ip_type"`
	APN      string    `json:"apn"`
	User     string    `json:"user"`
	Password string    `json:"password"`
	Auth     int       `json:"auth"`
	Active   bool      `json:"active"`
	IPv4     string    `json:"ipv4"`
	DNS4     [2]string `json:"dns4"`
	IPv6     string    `json:"ipv6"`
}

// Reg is one registration (voice or data): 27.007 stat, LAC/TAC, cell id, AcT.
type Reg struct {
	State int `json:"state"`
	LAC   int `json:"lac"`
	CI    int `json:"ci"`
	RAT   int `json:"rat"`
}

// Network is the radio side.
type Network struct {
	Voice    Reg    `json:"voice"`
	Data     Reg    `json:"data"`
	CSQ      int    `json:"csq"`
	RSSI     int    `json:"rssi"` // LTE dBm
	RSRP     int    `json:"rsrp"`
	RSRQ     int    `json:"rsrq"`
	SINR     int    `json:"sinr"` // dB, -20..30
	Mode     int    `json:"mode"` // operator selection 0 auto, 1 manual
	MCC      string `json:"mcc"`
	MNC      string `json:"mnc"`
	LongName string `json:"long_name"`
	Short    string `json:"short_name"`
	Fun      int    `json:"fun"`
	// Location is where cell-based positioning (cellLocator) puts the
	// serving cell.
	Location Location `json:"location"`
}

// Location is a position in degrees and its accuracy in metres.
type Location struct {
	Longitude float64 `json:"longitude"`
	Latitude  float64 `json:"latitude"`
	Accuracy  int     `json:"accuracy"`
}

// Default is the profile used when none is given: a ready SIM on a home
// LTE network with CID 1 dialled, as a QuecPython board answers out of the box.
func Default() *Profile {
	return &Profile{
		SIM: SIM{
			State: "ready", PIN: "1234", PUK: "12345678",
			IMSI: "460105466870381", ICCID: "89860425102180373455", Number: "+8618166328752",
		},
		Device: Device{
			IMEI: "866327040830317", Model: "EC600N", SN: "D1Q20GM050038341P",
			Firmware: "EC600NCNLER06A01M08_OCPU_QPY", Manufacturer: "Quectel",
		},
		PDP: []PDP{{
			CID: 1, IPType: 0, APN: "cmnet", Active: true,
			IPv4: "10.145.246.10", DNS4: [2]string{"211.138.180.2", "211.138.180.3"},
		}},
		Network: Network{
			Voice: Reg{State: 1, LAC: 26909, CI: 232301323, RAT: 7},
			Data:  Reg{State: 1, LAC: 26909, CI: 232301323, RAT: 7},
			CSQ:   26, RSSI: -51, RSRP: -76, RSRQ: -5, SINR: 12,
			MCC: "460", MNC: "00", LongName: "CHINA MOBILE", Short: "CMCC", Fun: 1,
			Location: Location{Longitude: 117.1138, Latitude: 31.82279, Accuracy: 550}, // the cellLocator docs' answer
		},
		SMS: SMS{Center: "+8613800100500", Capacity: 50},
	}
}

// Load reads a profile file. Fields it leaves out keep Default's values,
// so a profile can say just {"sim": {"state": "absent"}}.
func Load(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse decodes a JSON profile over Default and checks it.
func Parse(data []byte) (*Profile, error) {
	p := Default()
	if err := json.Unmarshal(data, p); err != nil {
		return nil, fmt.Errorf("modem profile: %w", err)
	}
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf("modem profile: %w", err)
	}
	return p, nil
}

// Check reports the first value a real modem could not have.
func (p *Profile) Check() error {
	switch p.SIM.State {
	case "ready", "pin", "puk", "blocked", "absent":
	default:
		return fmt.Errorf("sim.state %q: want ready, pin, puk, blocked or absent", p.SIM.State)
	}
	seen := map[int]bool{}
	for _, c := range p.PDP {
		if c.CID < 1 || c.CID > MaxCID {
			return fmt.Errorf("pdp cid %d: want 1..%d", c.CID, MaxCID)
		}
		if seen[c.CID] {
			return fmt.Errorf("pdp cid %d listed twice", c.CID)
		}
		seen[c.CID] = true
		if c.IPType < 0 || c.IPType > 2 || c.Auth < 0 || c.Auth > 3 {
			return fmt.Errorf("pdp cid %d: ip_type 0..2 and auth 0..3", c.CID)
		}
	}
	if err := p.SMS.check(); err != nil {
		return err
	}
	if err := p.Voice.check(); err != nil {
		return err
	}
	switch p.Network.Fun {
	case 0, 1, 4:
	default:
		return fmt.Errorf("network.fun %d: want 0, 1 or 4", p.Network.Fun)
	}
	return nil
}

// MaxCID is the highest PDP context id (checkNet scans 1..MaxCID).
const MaxCID = 7
