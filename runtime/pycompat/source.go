package pycompat

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Source files are UTF-8 unless a PEP 263 coding line in the first two
// lines says otherwise (`# -*- coding: gbk -*-`, `# coding=gb2312`):
// vendor samples often come in GBK. DecodeSource returns the text as
// UTF-8, or CPython's SyntaxError for bytes that are not valid in it.

// compiled on first use: only a file with a "coding" comment needs it
var codingRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`) })

var encodings = map[string]encoding.Encoding{
	"gbk": simplifiedchinese.GBK, "cp936": simplifiedchinese.GBK, "936": simplifiedchinese.GBK, "ms936": simplifiedchinese.GBK,
	"gb2312": simplifiedchinese.GBK, "euc-cn": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030,
	"big5": traditionalchinese.Big5, "cp950": traditionalchinese.Big5,
	"latin-1": charmap.ISO8859_1, "latin1": charmap.ISO8859_1, "iso-8859-1": charmap.ISO8859_1, "iso8859-1": charmap.ISO8859_1, "l1": charmap.ISO8859_1,
	"cp1252": charmap.Windows1252, "windows-1252": charmap.Windows1252,
}

// DecodeSource turns a source file's bytes into UTF-8 text.
func DecodeSource(filename string, src []byte) (string, error) {
	text := string(src)
	if bom := "\ufeff"; strings.HasPrefix(text, bom) {
		text = text[len(bom):]
	}
	name := codingOf(text)
	switch name {
	case "", "utf-8", "utf8", "utf-8-sig", "ascii", "us-ascii":
		return text, checkUTF8(filename, text, name)
	}
	enc, ok := encodings[name]
	if !ok {
		return "", &syntaxError{filename, 1, 1, "SyntaxError: unknown encoding: " + name}
	}
	out, err := enc.NewDecoder().String(text)
	if err != nil {
		return "", &syntaxError{filename, 1, 1, fmt.Sprintf("SyntaxError: (unicode error) '%s' codec can't decode the file: %v", name, err)}
	}
	return out, nil
}

// codingOf is the encoding a coding line in the first two lines names.
func codingOf(text string) string {
	lines := strings.SplitN(text, "\n", 3)
	for i, line := range lines[:min(2, len(lines))] {
		if strings.Contains(line, "coding") {
			if m := codingRe().FindStringSubmatch(line); m != nil {
				return strings.ReplaceAll(strings.ToLower(m[1]), "_", "-")
			}
		}
		if t := strings.TrimSpace(line); i == 0 && t != "" && !strings.HasPrefix(t, "#") {
			break // the second line counts only after a comment or blank line
		}
	}
	return ""
}

func checkUTF8(filename, text, declared string) error {
	if utf8.ValidString(text) {
		return nil
	}
	off := 0
	for off < len(text) {
		r, n := utf8.DecodeRuneInString(text[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line := strings.Count(text[:off], "\n") + 1
	col := off - strings.LastIndexByte(text[:off], '\n')
	if declared != "" {
		return &syntaxError{filename, line, col, fmt.Sprintf("SyntaxError: (unicode error) '%s' codec can't decode byte 0x%02x: invalid start byte", declared, text[off])}
	}
	return &syntaxError{filename, line, col, fmt.Sprintf("SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; hint: add '# -*- coding: gbk -*-' as the first line if the file is in GBK (see PEP 263)", text[off], filename, line)}
}
