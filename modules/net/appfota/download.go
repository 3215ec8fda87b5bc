package appfota

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// download(url, file_name) -> 0, or -1 when the file could not be fetched
// (the reason goes to stderr, as the firmware logs it).
func (u *updater) download(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var url, fileName string
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "url", &url, "file_name", &fileName); err != nil {
		return nil, err
	}
	if err := u.fetch(t, url, fileName); err != nil {
		u.env.Logf("app_fota: download %s: %v", fileName, err)
		return starlark.MakeInt(-1), nil
	}
	return starlark.MakeInt(0), nil
}

// bulk_download(info) with info a list of {'url': ..., 'file_name': ...}:
// None when every file came, else the list of the entries that failed.
func (u *updater) bulkDownload(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var info *starlark.List
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "info", &info); err != nil {
		return nil, err
	}
	var failed []starlark.Value
	for i := 0; i < info.Len(); i++ {
		item, ok := info.Index(i).(*starlark.Dict)
		if !ok {
			return nil, exc.TypeError("bulk_download() info items must be dicts, not %s", info.Index(i).Type())
		}
		url, _, _ := item.Get(starlark.String("url"))
		name, _, _ := item.Get(starlark.String("file_name"))
		us, ok1 := starlark.AsString(url)
		ns, ok2 := starlark.AsString(name)
		if !ok1 || !ok2 {
			return nil, exc.ValueError("bulk_download() items need 'url' and 'file_name' strings")
		}
		if err := u.fetch(t, us, ns); err != nil {
			u.env.Logf("app_fota: download %s: %v", ns, err)
			failed = append(failed, item)
		}
	}
	if failed == nil {
		return starlark.None, nil
	}
	return starlark.NewList(failed), nil
}

// fetch GETs url into the staging area, with the interpreter lock released.
func (u *updater) fetch(t *starlark.Thread, url, fileName string) error {
	rel, ok := usrRel(fileName)
	if !ok {
		return fmt.Errorf("file_name must name a file under /usr")
	}
	dst := filepath.Join(u.stageDir(), filepath.FromSlash(rel))
	err := runtime.Block(t, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := u.client().Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("HTTP %s", resp.Status)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
			return err
		}
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, resp.Body); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
	if err != nil {
		return err
	}
	u.mu.Lock()
	u.staged = append(u.staged, rel)
	u.mu.Unlock()
	return nil
}

// client dials through Env.Dial (so --emulate applies) and verifies HTTPS
// against the Env's roots.
func (u *updater) client() *http.Client { return netx.HTTPClient(u.env, "app_fota", 5*time.Minute) }
