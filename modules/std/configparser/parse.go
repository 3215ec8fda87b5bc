package configparser

import (
	"fmt"
	"strings"
	"unicode"
)

// options is one section's options in the order they were set; a nil
// value is an option without one (allow_no_value).
type options struct {
	keys   []string
	values map[string]*string
	lines  map[string][]string // a value's lines while a file is read
}

func newOptions() *options { return &options{values: map[string]*string{}} }

func (o *options) set(k string, v *string) {
	if _, ok := o.values[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.values[k] = v
}

func (o *options) remove(k string) bool {
	if _, ok := o.values[k]; !ok {
		return false
	}
	delete(o.values, k)
	for i, x := range o.keys {
		if x == k {
			o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
			break
		}
	}
	return true
}

func (o *options) clear() { o.keys, o.values = nil, map[string]*string{} }

// read is CPython's RawConfigParser._read over the lines of one source.
func (c *config) read(lines []string, source string) error {
	var cur *options
	var sectName, optName string
	indent := 0
	added := map[string]bool{}
	var problems []string
	for i, line := range lines {
		lineno := i + 1
		commentStart := c.commentStart(line)
		value := line
		if commentStart >= 0 {
			value = line[:commentStart]
		}
		value = strings.TrimSpace(value)
		if value == "" {
			if c.emptyLinesInValues {
				if commentStart < 0 && cur != nil && optName != "" && cur.lines[optName] != nil {
					cur.lines[optName] = append(cur.lines[optName], "")
				}
			} else {
				indent = 1 << 30
			}
			continue
		}
		curIndent := strings.IndexFunc(line, func(r rune) bool { return !unicode.IsSpace(r) })
		if cur != nil && optName != "" && curIndent > indent && cur.lines[optName] != nil {
			cur.lines[optName] = append(cur.lines[optName], value)
			continue
		}
		indent = curIndent
		if strings.HasPrefix(value, "[") && strings.LastIndex(value, "]") > 1 {
			sectName = value[1:strings.LastIndex(value, "]")]
			switch {
			case c.sections[sectName] != nil:
				if c.strict && added[sectName] {
					return errDuplicateSection(sectName, source, lineno)
				}
				cur = c.sections[sectName]
				added[sectName] = true
			case sectName == c.defaultSection:
				cur = c.defaults
			default:
				cur = c.addSection(sectName)
				added[sectName] = true
			}
			if cur.lines == nil {
				cur.lines = map[string][]string{}
			}
			optName = ""
			continue
		}
		if cur == nil {
			return errs().missingSectionHeader.Raise(fmt.Sprintf("File contains no section headers.\nfile: %s, line: %d\n%s", repr(source), lineno, repr(line)))
		}
		name, val, hasValue := c.splitOption(value)
		if name == "" || (!hasValue && !c.allowNoValue) {
			problems = append(problems, fmt.Sprintf("\n\t[line %2d]: %s", lineno, repr(line)))
			continue
		}
		optName = strings.ToLower(strings.TrimRightFunc(name, unicode.IsSpace))
		if c.strict && added[sectName+"\x00"+optName] {
			return errDuplicateOption(sectName, optName, source, lineno)
		}
		added[sectName+"\x00"+optName] = true
		if hasValue {
			cur.lines[optName] = []string{strings.TrimSpace(val)}
			cur.set(optName, nil)
		} else {
			delete(cur.lines, optName)
			cur.set(optName, nil)
		}
	}
	c.joinValues()
	if len(problems) > 0 {
		return errs().parsing.Raise("Source contains parsing errors: " + repr(source) + strings.Join(problems, ""))
	}
	return nil
}

// joinValues turns the lines read for each value into the value.
func (c *config) joinValues() {
	for _, o := range append([]*options{c.defaults}, c.sectionList()...) {
		for k, ls := range o.lines {
			v := strings.TrimRightFunc(strings.Join(ls, "\n"), unicode.IsSpace)
			o.values[k] = &v
		}
		o.lines = nil
	}
}

// commentStart is where a comment starts on line, or -1: a full-line
// comment prefix, or an inline one after whitespace.
func (c *config) commentStart(line string) int {
	trimmed := strings.TrimSpace(line)
	for _, p := range c.commentPrefixes {
		if strings.HasPrefix(trimmed, p) {
			return 0
		}
	}
	best := -1
	for _, p := range c.inlinePrefixes {
		for from := 0; ; {
			i := strings.Index(line[from:], p)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || unicode.IsSpace(rune(line[i-1])) {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			from = i + 1
		}
	}
	return best
}

// splitOption splits "name = value" at the first delimiter.
func (c *config) splitOption(line string) (name, value string, ok bool) {
	at, width := -1, 0
	for _, d := range c.delimiters {
		if i := strings.Index(line, d); i >= 0 && (at < 0 || i < at) {
			at, width = i, len(d)
		}
	}
	if at < 0 {
		return line, "", false
	}
	return line[:at], line[at+width:], true
}
