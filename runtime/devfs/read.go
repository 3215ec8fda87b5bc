package devfs

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// readAll reads to the end of the file.
func (f *File) readAll() ([]byte, error) {
	data, err := io.ReadAll(f.reader())
	if err != nil || f.mode.binary || !f.translate || len(data) == 0 {
		return data, err
	}
	if f.skipLF && data[0] == '\n' {
		data = data[1:]
	}
	f.skipLF = len(data) > 0 && data[len(data)-1] == '\r'
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), nil
}

// readN reads up to n bytes (binary) or n characters (text).
func (f *File) readN(n int) ([]byte, error) {
	if n < 0 {
		return f.readAll()
	}
	if f.mode.binary {
		buf := make([]byte, n)
		got, err := io.ReadFull(f.reader(), buf)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = nil
		}
		return buf[:got], err
	}
	var out []byte
	for i := 0; i < n; i++ {
		c, err := f.nextChar()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		out = append(out, c...)
	}
	return out, nil
}

// readLine reads through the next "\n", or at most limit bytes/characters
// when limit >= 0.
func (f *File) readLine(limit int) ([]byte, error) {
	if limit < 0 && (f.mode.binary || !f.translate) {
		line, err := f.reader().ReadBytes('\n')
		if err == io.EOF {
			err = nil
		}
		return line, err
	}
	var out []byte
	for i := 0; limit < 0 || i < limit; i++ {
		var c []byte
		var err error
		if f.mode.binary {
			var b byte
			b, err = f.reader().ReadByte()
			c = []byte{b}
		} else {
			c, err = f.nextChar()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		out = append(out, c...)
		if c[0] == '\n' {
			break
		}
	}
	return out, nil
}

// nextChar reads one text character, turning "\r\n" and "\r" into "\n"
// under universal newlines. Bytes that are not UTF-8 pass through one by one.
func (f *File) nextChar() ([]byte, error) {
	rd := f.reader()
	for {
		r, size, err := rd.ReadRune()
		if err != nil {
			return nil, err
		}
		if r == utf8.RuneError && size == 1 {
			rd.UnreadRune()
			b, _ := rd.ReadByte()
			f.skipLF = false
			return []byte{b}, nil
		}
		if f.translate {
			skip := f.skipLF
			f.skipLF = false
			if skip && r == '\n' {
				continue
			}
			if r == '\r' {
				f.skipLF = true
				return []byte{'\n'}, nil
			}
		}
		return utf8.AppendRune(nil, r), nil
	}
}
