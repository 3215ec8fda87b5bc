package runtime

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Member docs: the one place help(), __doc__ and `qstar stubs` read a module
// builtin's signature and doc line from. A module package fills it from
// init() beside its Register call:
//
//	runtime.RegisterDocs("sim", map[string]string{
//		"getStatus": "getStatus()\nState of the SIM card: 0 absent, 1 ready, ...",
//		"MQTTClient": "MQTTClient(client_id, server, port=0)\nAn MQTT client.",
//		"MQTTClient.publish": "publish(topic, msg, retain=False, qos=0)\nSend msg.",
//	})
//
// Each entry is the Python signature on the first line, then the doc. A
// "Class.method" key documents a method of the class the module exposes.
var (
	docsMu     sync.RWMutex
	docs       = map[string]map[string]string{} // module -> member -> entry
	owners     sync.Map                         // *starlark.Builtin or a class value -> "module.member"
	memberSigs sync.Map                         // "module.member" -> *pyargs.Sig (RegisterSigs)
)

// RegisterDocs adds signatures and docs for module's members.
func RegisterDocs(module string, entries map[string]string) {
	docsMu.Lock()
	defer docsMu.Unlock()
	m := docs[module]
	if m == nil {
		m = map[string]string{}
		docs[module] = m
	}
	for k, v := range entries {
		m[k] = v
	}
}

// RegisterSigs documents module's members from the signatures their
// builtins bind arguments with (pyargs.Sig), so help() and the binder
// read one source. A "Class.method" key documents a method.
func RegisterSigs(module string, sigs map[string]*pyargs.Sig) {
	entries := make(map[string]string, len(sigs))
	for k, s := range sigs {
		entries[k] = s.Entry()
		memberSigs.Store(module+"."+k, s)
	}
	RegisterDocs(module, entries)
}

// MemberSig is the signature module.member binds its arguments with, when
// it was registered by RegisterSigs.
func MemberSig(module, member string) (*pyargs.Sig, bool) {
	s, ok := memberSigs.Load(module + "." + member)
	if !ok {
		return nil, false
	}
	return s.(*pyargs.Sig), true
}

// MemberDoc returns the signature and doc registered for module.member.
func MemberDoc(module, member string) (sig, doc string, ok bool) {
	docsMu.RLock()
	entry, ok := docs[module][member]
	docsMu.RUnlock()
	if !ok {
		return "", "", false
	}
	sig, doc, _ = strings.Cut(entry, "\n")
	return sig, strings.TrimSpace(doc), true
}

// DocumentedMethods lists the "Class.method" names documented for class.
func DocumentedMethods(module, class string) []string {
	docsMu.RLock()
	defer docsMu.RUnlock()
	var out []string
	for k := range docs[module] {
		if rest, ok := strings.CutPrefix(k, class+"."); ok {
			out = append(out, rest)
		}
	}
	sort.Strings(out)
	return out
}

// noteOwners remembers which module each builtin member came from, so
// help(sim.getStatus) finds its docs from the value alone.
func noteOwners(module string, members starlark.StringDict) {
	for name, v := range members {
		if _, ok := v.(starlark.Callable); ok && reflect.ValueOf(v).Kind() == reflect.Pointer {
			owners.Store(v, module+"."+name) // pointers only: map keys must compare
		}
	}
}

// ownerOf is the "module.member" a callable was imported as, if known.
func ownerOf(v starlark.Value) (module, member string, ok bool) {
	if reflect.ValueOf(v).Kind() != reflect.Pointer {
		return "", "", false
	}
	q, found := owners.Load(v)
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(q.(string), '.')
	return q.(string)[:i], q.(string)[i+1:], true
}

// typeMethodDoc finds "Type.method" in any module's docs (an instance's
// methods: help(p) for a machine.Pin).
func typeMethodDoc(typeName, method string) (sig, doc string, ok bool) {
	docsMu.RLock()
	mods := make([]string, 0, len(docs))
	for m := range docs {
		mods = append(mods, m)
	}
	docsMu.RUnlock()
	sort.Strings(mods)
	for _, m := range mods {
		if sig, doc, ok := MemberDoc(m, typeName+"."+method); ok {
			return sig, doc, true
		}
	}
	return "", "", false
}

// builtinDoc finds the docs for a builtin: a module member, or a method
// whose receiver's type a module documents as "Type.method".
func builtinDoc(b *starlark.Builtin) (module, sig, doc string, ok bool) {
	if module, member, found := ownerOf(b); found {
		sig, doc, ok = MemberDoc(module, member)
		return module, sig, doc, ok
	}
	if r := b.Receiver(); r != nil {
		sig, doc, ok = typeMethodDoc(r.Type(), b.Name())
		return "", sig, doc, ok
	}
	return "", "", "", false
}
