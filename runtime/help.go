package runtime

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// help(x) prints what CPython's help does, in short: a function's
// signature and doc, a module's members with theirs, a class's methods.
// help("sim") is help of the module; help() lists the modules.
func (in *Interp) help(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("help", args, kwargs, 0, &x); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.String); ok {
		mv, err := in.Module(string(s))
		if err != nil {
			_, err = fmt.Fprintf(in.Env, "No Python documentation found for %s.\nUse help() to list the modules.\n", pyrepr.Repr(s))
			return starlark.None, err
		}
		x = mv
	}
	_, err := in.Env.Write([]byte(HelpText(x)))
	return starlark.None, err
}

// HelpText is help(x)'s text.
func HelpText(x starlark.Value) string {
	var sb strings.Builder
	switch v := x.(type) {
	case starlark.NoneType:
		sb.WriteString("qstar: QuecPython-style scripting. Modules:\n")
		for _, m := range Modules() {
			fmt.Fprintf(&sb, "  %-14s %s\n", m.Name, m.Doc)
		}
		sb.WriteString("Use help(module), help(module.function) or dir(module) for more.\n")
	case *ModuleValue:
		moduleHelp(&sb, v)
	case callableModule:
		moduleHelp(&sb, v.ModuleValue)
	case *starlark.Builtin:
		module, _, _, _ := builtinDoc(v)
		kind := "built-in function"
		if v.Receiver() != nil {
			kind = "built-in method"
		}
		if module != "" {
			fmt.Fprintf(&sb, "Help on %s %s in module %s:\n\n", kind, v.Name(), module)
		} else {
			fmt.Fprintf(&sb, "Help on %s %s:\n\n", kind, v.Name())
		}
		sig, doc := BuiltinSignature(v)
		writeEntry(&sb, "", sig, doc)
		classMethods(&sb, module, v.Name())
	case *starlark.Function:
		fmt.Fprintf(&sb, "Help on function %s in module %s:\n\n", pyrepr.FuncName(v.Name()), moduleOf(v))
		writeEntry(&sb, "", FunctionSignature(v), v.Doc())
	case *pylib.Class:
		fmt.Fprintf(&sb, "Help on class %s in module %s:\n\n", v.Name(), classModule(v))
		classHelp(&sb, v)
	case *pylib.Instance:
		if c, ok := attr(v, "__class__").(*pylib.Class); ok {
			fmt.Fprintf(&sb, "Help on %s in module %s object:\n\n", c.Name(), classModule(c))
			classHelp(&sb, c)
			break
		}
		valueHelp(&sb, x)
	default:
		if fn, ok := attr(x, "__func__").(*starlark.Function); ok && x.Type() == "method" {
			methodHelp(&sb, fn, attr(x, "__self__"))
			break
		}
		if module, member, ok := ownerOf(x); ok { // a module's class: machine.Pin
			if sig, doc, ok := MemberDoc(module, member); ok {
				fmt.Fprintf(&sb, "Help on class %s in module %s:\n\n", member, module)
				writeEntry(&sb, "", sig, doc)
				classMethods(&sb, module, member)
				break
			}
		}
		valueHelp(&sb, x)
	}
	return sb.String()
}

func moduleHelp(sb *strings.Builder, m *ModuleValue) {
	fmt.Fprintf(sb, "Help on module %s:\n\nNAME\n    %s - %s\n\nCONTENTS\n", m.Name, m.Name, m.Doc)
	for _, name := range m.AttrNames() {
		v, _ := m.Attr(name)
		switch f := v.(type) {
		case *starlark.Builtin:
			sig, doc := memberSignature(m.Name, name, f)
			writeEntry(sb, "    ", sig, doc)
		case *starlark.Function:
			writeEntry(sb, "    ", FunctionSignature(f), f.Doc())
		case nil:
		default:
			if sig, doc, ok := MemberDoc(m.Name, name); ok {
				writeEntry(sb, "    ", sig, doc)
			} else {
				fmt.Fprintf(sb, "    %s = %s\n", name, pyrepr.Repr(v))
			}
		}
	}
}

// memberSignature is a member's documented signature (under the name the
// module binds it to), or the builtin's own, or name(...).
func memberSignature(module, name string, b *starlark.Builtin) (string, string) {
	if sig, doc, ok := MemberDoc(module, name); ok {
		return sig, doc
	}
	if _, sig, doc, ok := builtinDoc(b); ok {
		return sig, doc
	}
	return name + "(...)", ""
}

// classMethods lists the documented methods of a class constructor.
func classMethods(sb *strings.Builder, module, class string) {
	methods := DocumentedMethods(module, class)
	if len(methods) == 0 {
		return
	}
	sb.WriteString("\n    Methods:\n")
	for _, m := range methods {
		sig, doc, _ := MemberDoc(module, class+"."+m)
		writeEntry(sb, "    ", sig, doc)
	}
}

// attr is x.name, or nil.
func attr(x starlark.Value, name string) starlark.Value {
	if ha, ok := x.(starlark.HasAttrs); ok {
		if v, err := ha.Attr(name); err == nil {
			return v
		}
	}
	return nil
}

func classModule(c *pylib.Class) string {
	if m, ok := attr(c, "__module__").(starlark.String); ok {
		return string(m)
	}
	return "__main__"
}

// methodHelp is help(obj.m) for a script class's method, as CPython
// prints it: the signature without self, and whose method it is.
func methodHelp(sb *strings.Builder, fn *starlark.Function, self starlark.Value) {
	owner := pyrepr.Repr(self)
	if c, ok := attr(self, "__class__").(*pylib.Class); ok {
		owner = classModule(c) + "." + c.Name() + " instance"
	} else if _, ok := self.(*pylib.Class); ok {
		owner = "builtins.type instance" // a classmethod, bound to its class
	}
	sig := FunctionSignature(fn) // drop the bound first parameter (self, cls)
	if open := strings.IndexByte(sig, '('); open >= 0 && fn.NumParams() > 0 && sig[open+1] != '*' {
		rest := sig[open+1:]
		if comma := strings.Index(rest, ", "); comma >= 0 {
			rest = rest[comma+2:]
		} else {
			rest = ")"
		}
		sig = sig[:open+1] + rest
	}
	fmt.Fprintf(sb, "Help on method %s in module %s:\n\n", pyrepr.FuncName(fn.Name()), moduleOf(fn))
	writeEntry(sb, "", sig+" method of "+owner, fn.Doc())
}

// classHelp is the body of help(C): the class line with its bases, the
// docstring and the methods with their signatures.
func classHelp(sb *strings.Builder, c *pylib.Class) {
	var bases []string
	if t, ok := attr(c, "__bases__").(starlark.Tuple); ok {
		for _, b := range t {
			if bc, ok := b.(*pylib.Class); ok && bc.Name() != "object" {
				bases = append(bases, bc.Name())
			}
		}
	}
	if len(bases) > 0 {
		fmt.Fprintf(sb, "class %s(%s)\n", c.Name(), strings.Join(bases, ", "))
	} else {
		fmt.Fprintf(sb, "class %s\n", c.Name())
	}
	if d, err := c.Attr("__doc__"); err == nil {
		if s, ok := d.(starlark.String); ok && s != "" {
			fmt.Fprintf(sb, " |  %s\n", strings.TrimSpace(string(s)))
		}
	}
	// own methods first, then each base's in method order, as CPython
	seen := map[string]bool{}
	mro, _ := attr(c, "__mro__").(starlark.Tuple)
	for _, k := range mro {
		kc, ok := k.(*pylib.Class)
		own, _ := attr(k, "__dict__").(*starlark.Dict)
		if !ok || own == nil || kc.Name() == "object" {
			continue
		}
		header := " |\n |  Methods defined here:\n |\n"
		if kc != c {
			header = " |\n |  Methods inherited from " + kc.Name() + ":\n |\n"
		}
		var names []string
		for _, item := range own.Items() {
			n, _ := starlark.AsString(item[0])
			if _, ok := item[1].(*starlark.Function); ok && !seen[n] && (!strings.HasPrefix(n, "__") || n == "__init__") {
				names = append(names, n)
			}
			seen[n] = true
		}
		sort.Strings(names)
		for i, n := range names {
			if i == 0 {
				sb.WriteString(header)
			}
			f, _, _ := own.Get(starlark.String(n))
			fn := f.(*starlark.Function)
			writeEntry(sb, " |  ", n+strings.TrimPrefix(FunctionSignature(fn), pyrepr.FuncName(fn.Name())), fn.Doc())
		}
	}
}

// valueHelp describes another value: its type, the type's docs when a
// module documents it (an MQTTClient instance), and its attributes.
func valueHelp(sb *strings.Builder, x starlark.Value) {
	fmt.Fprintf(sb, "%s of type %s\n", pyrepr.Repr(x), x.Type())
	ha, ok := x.(starlark.HasAttrs)
	if !ok {
		return
	}
	names := ha.AttrNames()
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "_") {
			continue
		}
		v, _ := ha.Attr(name)
		if b, ok := v.(*starlark.Builtin); ok {
			sig, doc := BuiltinSignature(b)
			if s, d, ok := typeMethodDoc(x.Type(), name); ok {
				sig, doc = s, d
			}
			writeEntry(sb, "  ", sig, doc)
			continue
		}
		fmt.Fprintf(sb, "  %s\n", name)
	}
}

// writeEntry prints a signature and its doc indented under it.
func writeEntry(sb *strings.Builder, indent, sig, doc string) {
	fmt.Fprintf(sb, "%s%s\n", indent, sig)
	for _, line := range strings.Split(strings.TrimSpace(doc), "\n") {
		if line != "" {
			fmt.Fprintf(sb, "%s    %s\n", indent, strings.TrimSpace(line))
		}
	}
}

// BuiltinSignature is a builtin's documented signature and doc, or
// name(...) when nothing documents it.
func BuiltinSignature(b *starlark.Builtin) (sig, doc string) {
	if _, sig, doc, ok := builtinDoc(b); ok {
		return sig, doc
	}
	return b.Name() + "(...)", ""
}

// FunctionSignature is def's signature: f(a, b=2, *args, c, **kw).
func FunctionSignature(f *starlark.Function) string {
	n := f.NumParams()
	kwargs, varargs := f.HasKwargs(), f.HasVarargs()
	end := n
	if kwargs {
		end--
	}
	if varargs {
		end--
	}
	positional := end - f.NumKwonlyParams()
	var parts []string
	for i := 0; i < end; i++ {
		if i == positional {
			if varargs {
				name, _ := f.Param(end)
				parts = append(parts, "*"+name)
			} else {
				parts = append(parts, "*")
			}
		}
		name, _ := f.Param(i)
		if d := f.ParamDefault(i); d != nil {
			r := pyrepr.Repr(d)
			if strings.HasPrefix(r, "<") { // <function f>: no Python literal (and stubs must parse)
				r = "..."
			}
			name += "=" + r
		}
		parts = append(parts, name)
	}
	if varargs && positional == end {
		name, _ := f.Param(end)
		parts = append(parts, "*"+name)
	}
	if kwargs {
		name, _ := f.Param(n - 1)
		parts = append(parts, "**"+name)
	}
	return pyrepr.FuncName(f.Name()) + "(" + strings.Join(parts, ", ") + ")"
}

func moduleOf(f *starlark.Function) string {
	if v, ok := f.Globals()["__name__"].(starlark.String); ok {
		return string(v)
	}
	return "__main__"
}
