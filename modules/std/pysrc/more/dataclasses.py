"""make_dataclass, beside the Go part of dataclasses."""

from dataclasses import dataclass as _dataclass, field as _field


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False,
                   unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    ns = dict(namespace or {})
    annotations = {}
    for f in fields:
        if isinstance(f, str):
            name, tp = f, "typing.Any"
        elif len(f) == 2:
            name, tp = f
        else:
            name, tp, spec = f
            ns[name] = spec
        annotations[name] = tp
    ns["__annotations__"] = annotations
    cls = type(cls_name, tuple(bases), ns)
    return _dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen)
