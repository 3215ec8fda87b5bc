package fota

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs bind fota's arguments and document them (help, __doc__, stubs).
var sigs = map[string]*pyargs.Sig{
	"fota":                 pyargs.NewSig("fota(reset_disable=0)", "A firmware upgrade; the module itself is callable. reset_disable=1 keeps running after httpDownload instead of restarting (exit code 75)."),
	"fota.httpDownload":    pyargs.NewSig("httpDownload(url1=None, url2=None, callback=None)", "Download the image from url1 (then url2, a mini FOTA's second stage) over HTTP(S) into the data dir's .fota/firmware.bin and record it in .fota/pending.json; callback([status, percent]) gets [0, n] as it goes, [0, 100] at the end, [-1, 0] on failure. 0 (then the restart, unless reset_disable=1), or -1."),
	"fota.write":           pyargs.NewSig("write(bytesData, file_size)", "Append a piece of an image of file_size bytes; 0, or -1 past file_size or on a file error."),
	"fota.flush":           pyargs.NewSig("flush()", "Written pieces are already on disk; 0."),
	"fota.verify":          pyargs.NewSig("verify()", "0 when write() delivered file_size bytes (then the image is recorded as pending), else -1. A gateway cannot check a module firmware's signature."),
	"fota.apn_set":         pyargs.NewSig("apn_set(fota_apn=None, ip_type=None, fota_user=None, fota_password=None)", "The APN for FOTA downloads; a gateway downloads over its own network, so 0."),
	"fota.download_cancel": pyargs.NewSig("download_cancel()", "Cancel the httpDownload running on another thread; 0, or -1 when none runs."),
}

func init() { runtime.RegisterSigs("fota", sigs) }
