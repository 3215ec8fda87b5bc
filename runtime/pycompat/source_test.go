package pycompat

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestSourceEncodings: a PEP 263 coding line decodes GBK/GB2312/GB18030
// files before translation; undeclared non-UTF-8 bytes are CPython's
// SyntaxError with the line.
func TestSourceEncodings(t *testing.T) {
	gbk := func(s string) string {
		out, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tc := range []struct {
		name, src, out, err string
	}{
		{"gbk", gbk("# -*- coding: gbk -*-\nmsg = '设备上线'\nprint(msg, len(msg.encode('utf-8')))\n"), "设备上线 12\n", ""},
		{"gb2312 second line", gbk("#!/usr/bin/env python\n# coding=gb2312\nprint('温度')\n"), "温度\n", ""},
		{"gb18030", gbk("# vim: set fileencoding=GB18030 :\nprint('湿度')\n"), "湿度\n", ""},
		{"utf-8 declared", "# -*- coding: utf-8 -*-\nprint('中文')\n", "中文\n", ""},
		{"utf-8 bom", "\ufeffprint('ok')\n", "ok\n", ""},
		{"undeclared gbk", gbk("x = 1\ny = '中'\n"), "", "enc.py:2:6: SyntaxError: Non-UTF-8 code starting with '\\xd6' in file enc.py on line 2, but no encoding declared"},
		{"declared utf-8, gbk bytes", gbk("# coding: utf-8\ny = '中'\n"), "", "enc.py:2:6: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xd6"},
		{"unknown", "# coding: klingon\nprint(1)\n", "", "enc.py:1:1: SyntaxError: unknown encoding: klingon"},
		{"coding after code is not a declaration", "x = 1\n# coding: klingon\nprint(x)\n", "1\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runPy(t, "enc.py", tc.src)
			if tc.err != "" {
				if r.err == nil || !strings.HasPrefix(r.err.Error(), tc.err) {
					t.Fatalf("err = %v, want prefix %q", r.err, tc.err)
				}
				return
			}
			if r.err != nil || r.out != tc.out {
				t.Fatalf("got %q, %v; want %q", r.out, r.err, tc.out)
			}
		})
	}
}

// TestTabError: indentation that mixes tabs and spaces so that its meaning
// depends on the tab size is CPython's TabError; consistent tabs run.
func TestTabError(t *testing.T) {
	for _, tc := range []struct {
		src, err string
	}{
		{"if True:\n    x = 1\n\tprint(x)\n", "tab.py:3:2: TabError: inconsistent use of tabs and spaces in indentation"},
		{"def f():\n\tif True:\n\t\treturn 1\n        return 2\nprint(f())\n", "tab.py:4:9: TabError"},
		{"if True:\n\tx = 1\n\tif x:\n\t\tprint('tabs', x)\n", ""},
		{"if True:\n  \tx = 1\n  \tprint('same mix', x)\n", ""},
	} {
		r := runPy(t, "tab.py", tc.src)
		_, cpy := runCPython(t, tc.src)
		if tc.err == "" {
			if r.err != nil || cpy != "" {
				t.Errorf("%q: qstar %v, CPython %q", tc.src, r.err, cpy)
			}
			continue
		}
		if r.err == nil || !strings.HasPrefix(r.err.Error(), tc.err) {
			t.Errorf("%q: err = %v, want %q", tc.src, r.err, tc.err)
		}
		if !strings.HasPrefix(cpy, "TabError: inconsistent use of tabs and spaces in indentation") {
			t.Errorf("%q: CPython says %q", tc.src, cpy)
		}
	}
}
