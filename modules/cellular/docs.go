package cellular

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// checkNetSigs bind the wait functions' arguments and document them.
var checkNetSigs = map[string]*pyargs.Sig{
	"waitNetworkReady":       pyargs.NewSig("waitNetworkReady(timeout=60)", "Wait until the SIM is ready, the module is registered and a data call is up; (stagecode, subcode), (3, 1) when ready."),
	"wait_network_connected": pyargs.NewSig("wait_network_connected(timeout_s=60)", "Older name of waitNetworkReady."),
}

// Signatures and docs of the cellular modules, for help(), __doc__ and
// `qstar stubs` (runtime/docs.go). Return values follow QuecPython: most
// setters answer 0 on success and -1 on failure.
func init() {
	runtime.RegisterDocs("cellLocator", map[string]string{
		"getLocation": "getLocation(serverAddr, port, token, timeout, profileIdx=None)\nThe cell position (longitude, latitude, accuracy in m) from AT+QCELLLOC; -2 address too long, -3 token not 16 chars, -4 timeout outside 1..300, -5 PDP not active, -6 no position.",
	})
	runtime.RegisterDocs("sim", map[string]string{
		"getStatus":             "getStatus()\nState of the SIM card: 0 absent, 1 ready, 2 PIN required, 3 PUK required, ... (-1 on failure).",
		"getImsi":               "getImsi()\nThe SIM's IMSI as a str, or -1.",
		"getIccid":              "getIccid()\nThe SIM's ICCID as a str, or -1.",
		"getPhoneNumber":        "getPhoneNumber()\nThe subscriber number stored on the SIM, or -1.",
		"verifyPin":             "verifyPin(pin, simId=0, /)\nUnlock the SIM with its PIN; 0 on success, -1 on failure.",
		"changePin":             "changePin(oldPin, newPin, simId=0, /)\nChange the PIN; 0 on success, -1 on failure.",
		"enablePin":             "enablePin(pin, simId=0, /)\nTurn on the PIN check; 0 on success, -1 on failure.",
		"disablePin":            "disablePin(pin, simId=0, /)\nTurn off the PIN check; 0 on success, -1 on failure.",
		"unblockPin":            "unblockPin(puk, newPin, simId=0, /)\nUnblock the SIM with the PUK and set a new PIN; 0 or -1.",
		"getPinRemAttempts":     "getPinRemAttempts()\nRemaining tries as a tuple (pin_attempts, puk_attempts), or -1.",
		"getSimDet":             "getSimDet()\nSIM hot-plug detection settings (detenable, insertlevel), or -1.",
		"setSimDet":             "setSimDet(switch, triggerLevel, /)\nTurn SIM hot-plug detection on or off; 0 or -1.",
		"setCallback":           "setCallback(usrFun, /)\nCall usrFun(state) when the SIM is inserted or removed; 0 or -1.",
		"readPhonebook":         "readPhonebook(storage, start, end, username)\nPhonebook entries (count, [(index, name, number), ...]) whose name starts with username, or from start to end when it is ''; storage 9 is the SIM; -1 on failure.",
		"writePhonebook":        "writePhonebook(storage, index, username, number)\nStore an entry (empty name and number delete it); 0 or -1.",
		"getCurSimid":           "getCurSimid()\nThe SIM slot in use: 0 (a gateway's modem has one).",
		"switchCard":            "switchCard(simId, /)\nUse SIM slot simId: 0 for slot 0, -1 for slot 1 (there is none).",
		"setSwitchcardCallback": "setSwitchcardCallback(usrFun, /)\nRegister the card-switch callback (7 switched, 8 failed); 0, or -1 when not callable. One slot never switches.",
	})
	runtime.RegisterDocs("dataCall", map[string]string{
		"start":           "start(profileIdx, ipType, apn, username, password, authType, /)\nDial a PDP context (older API, see setPDPContext/activate); 0 or -1.",
		"setPDPContext":   "setPDPContext(profileID, ipType, apn, username, password, authType, /)\nConfigure a PDP context; 0 or -1.",
		"recordApn":       "recordApn(profileIdx, ipType, apn, username, password, authType, flag=0, /)\nKeep the APN the firmware's boot dials with (the context's settings); 0 or -1.",
		"setAsynMode":     "setAsynMode(mode, /)\nstart() returns at once (1) or after the dial (0); 0. qstar's dial returns when the modem answers either way.",
		"setApn":          "setApn(profileID, ipType, apn, username, password, authType, /)\nThe older firmware's name of setPDPContext; 0 or -1.",
		"getPDPContext":   "getPDPContext(profileID, /)\nThe context's (ipType, apn, username, password, authType), or -1.",
		"activate":        "activate(profileID, /)\nActivate the PDP context; 0 or -1.",
		"deactivate":      "deactivate(profileID, /)\nDeactivate the PDP context; 0 or -1.",
		"setAutoActivate": "setAutoActivate(profileID, enable, /)\nActivate the context at boot; 0 or -1.",
		"setAutoConnect":  "setAutoConnect(profileID, enable, /)\nRedial the context when it drops; 0 or -1.",
		"getInfo":         "getInfo(profileID, ipType, /)\n(profileID, ipType, [state, reconnect, addr, priDNS, secDNS], ...) for the context, or -1.",
		"getApn":          "getApn(simId, /)\nThe APN in use, or -1.",
		"setCallback":     "setCallback(usrFun, /)\nCall usrFun((profileID, state, ...)) when the data link goes up or down; 0 or -1.",
		"setDNSServer":    "setDNSServer(profileID, simID, priDns, secDns, /)\nSet the context's DNS servers; 0 or -1.",
		"setDnsserver":    "setDnsserver(profileID, simID, priDns, secDns, /)\nOlder name of setDNSServer.",
		"getPdpRange":     "getPdpRange()\nThe (min, max) profile IDs this module supports.",
	})
	runtime.RegisterDocs("net", map[string]string{
		"getState":      "getState()\nRegistration state: ([voice state, lac, cid, act, ...], [data state, lac, cid, act, ...]), or -1.",
		"getSignal":     "getSignal()\nSignal quality: ([rssi, bitErrorRate, rscp, ecno], [rssi, rsrp, rsrq, cqi]), or -1.",
		"csqQueryPoll":  "csqQueryPoll()\nThe CSQ value 0..31 (99 unknown), or -1.",
		"nitzTime":      "nitzTime()\nThe network's time (AT+QLTS): (date 'yy/MM/dd,hh:mm:ss+zz,dst', UTC seconds, leap seconds), or -1.",
		"getCellInfo":   "getCellInfo()\nThe serving cell as ([gsm], [umts], [lte]) tuples (flag 0, cid, mcc, mnc, ...); neighbours are not scanned; -1 when not registered.",
		"getCi":         "getCi()\n[cell id] of the known cells (the serving one), or -1.",
		"getLac":        "getLac()\n[LAC/TAC] of the known cells, or -1.",
		"getMcc":        "getMcc()\n[MCC] of the known cells (hex-read on ASR platforms, as the firmware), or -1.",
		"getMnc":        "getMnc()\n[MNC] of the known cells, or -1.",
		"getServingCi":  "getServingCi()\nThe serving cell's id, or -1.",
		"getServingLac": "getServingLac()\nThe serving cell's LAC/TAC, or -1.",
		"getServingMcc": "getServingMcc()\nThe serving cell's MCC, or -1.",
		"getServingMnc": "getServingMnc()\nThe serving cell's MNC, or -1.",
		"operatorName":  "operatorName()\n(long name, short name, MCC, MNC) of the registered operator, or -1.",
		"getNetMode":    "getNetMode()\n(selection mode, operator, act, ...) of the current network, or -1.",
		"getModemFun":   "getModemFun()\nThe modem's functionality level: 0 minimum, 1 full, 4 airplane mode; -1 on failure.",
		"setModemFun":   "setModemFun(function, rst=0, /)\nSet the functionality level (0, 1 or 4); 0 or -1.",
		"getConfig":     "getConfig()\n(network mode, roaming) from the modem's AT+QCFG nwscanmode/nwscanseq/roamservice: mode as the QuecPython table numbers it (0 GSM, 1 UMTS, 5 LTE, 8 GSM+LTE LTE preferred, 12 GSM+UMTS+LTE auto...), or -1.",
		"setConfig":     "setConfig(mode, roaming=None, /)\nSet the network mode (0, 1, 3, 4, 5, 7, 8, 10..15: the modes AT+QCFG nwscanmode/nwscanseq can express) and, when given, roaming 0/1; 0, or -1 (other modes, or the modem refused).",
	})
	runtime.RegisterDocs("modem", map[string]string{
		"getDevImei":      "getDevImei()\nThe module's IMEI, or -1.",
		"getDevModel":     "getDevModel()\nThe module's model, such as 'EC200U', or -1.",
		"getDevSN":        "getDevSN()\nThe module's serial number, or -1.",
		"getDevFwVersion": "getDevFwVersion()\nThe firmware version, or -1.",
		"getDevProductId": "getDevProductId()\nThe manufacturer, or -1.",
	})
	runtime.RegisterSigs("checkNet", checkNetSigs)
	runtime.RegisterDocs("checkNet", map[string]string{
		"CheckNetwork":                        "CheckNetwork(project_name, project_version, /)\nA network checker that prints the start-up banner; its wait_network_connected(timeout) waits as waitNetworkReady does.",
		"CheckNetwork.poweron_print_once":     "poweron_print_once()\nPrint the project, firmware and IMEI banner once.",
		"CheckNetwork.wait_network_connected": "wait_network_connected(timeout_s=60)\nAs checkNet.waitNetworkReady.",
	})
	runtime.RegisterDocs("atcmd", map[string]string{
		"sendSync": "sendSync(atcmd, resp, include_str, timeout, simId=0)\nSend atcmd (ending in \\r\\n) to the modem and fill the bytearray resp with the answer lines (only those containing include_str, unless it is ''), waiting up to timeout seconds; 0, or nonzero on ERROR or a timeout.",
	})
	runtime.RegisterDocs("sms", map[string]string{
		"sendTextMsg":   "sendTextMsg(phoneNumber, msg, codeMode='GSM')\nSend msg as a text SMS, codeMode 'GSM' (7-bit) or 'UCS2'; 0 or -1.",
		"sendPduMsg":    "sendPduMsg(phoneNumber, msg, codeMode='GSM')\nSend msg in PDU mode, codeMode 'GSM' or 'UCS2'; 0 or -1.",
		"searchTextMsg": "searchTextMsg(index, /)\n(phoneNumber, msg, msgLen) of the stored message at index, or -1.",
		"searchPduMsg":  "searchPduMsg(index, /)\nThe PDU text of the stored message at index, or -1.",
		"getPduLength":  "getPduLength(pduMsg, /)\nThe TPDU length of pduMsg, or -1.",
		"decodePdu":     "decodePdu(pduMsg, pduLen, /)\n(phoneNumber, msg, time, msgLen) of a PDU, or -1.",
		"deleteMsg":     "deleteMsg(index, delmode=0, /)\nDelete the message at index (delmode 4: all messages); 0 or -1.",
		"getMsgNums":    "getMsgNums()\nThe number of stored messages, or -1.",
		"getSaveLoc":    "getSaveLoc()\n([loc1, used, max], [loc2, used, max], [loc3, used, max]) of the message stores, or -1.",
		"setSaveLoc":    "setSaveLoc(mem1, mem2=None, mem3=None)\nChoose the stores for reading, writing and receiving: 'SM' (SIM) or 'ME' (module); 0 or -1.",
		"getCenterAddr": "getCenterAddr()\nThe SMS service center number, or -1.",
		"setCenterAddr": "setCenterAddr(addr, /)\nSet the SMS service center number; 0 or -1.",
		"setCallback":   "setCallback(usrFun, /)\nCall usrFun([simId, index, storage]) when a message arrives; 0 or -1.",
	})
}
