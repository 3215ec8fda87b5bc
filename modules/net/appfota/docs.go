package appfota

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of QuecPython's app_fota, for help(), __doc__ and
// `qstar stubs`. "app_fota.method" documents the updater's methods (its
// type is app_fota).
func init() {
	runtime.RegisterDocs("app_fota", map[string]string{
		"new":                      "new()\nAn updater: download(url, file_name), bulk_download(info), set_update_flag().",
		"app_fota.download":        "download(url, file_name)\nFetch url into the staging area as file_name (a /usr path); 0, or -1 when it could not be fetched.",
		"app_fota.bulk_download":   "bulk_download(info)\nDownload each {'url': ..., 'file_name': ...} of the list info; None when all succeeded, else the list of those that failed.",
		"app_fota.set_update_flag": "set_update_flag()\nApply the downloaded files to /usr at the next restart (misc.Power.powerRestart()).",
	})
}
