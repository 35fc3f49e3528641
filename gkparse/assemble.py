"""Typed assembly: figures keyed by flat key ↔ the attrs model classes.

The flat keys of fields.md are the attribute paths of the model (``applications.new.total`` is
``report.applications.new.total``), so placing a figure is walking its key through the classes'
fields. :func:`assemble` builds a table's typed object from figures; :func:`model_keys` lists the
keys a model class can hold (what it cannot hold is a variant's extra).
"""

from __future__ import annotations

import functools
import typing

import attrs

from .model import Figure

__all__ = ["assemble", "model_keys", "field_types"]


@functools.lru_cache(maxsize=None)
def field_types(cls: type) -> dict[str, type]:
    """Attribute name → the attrs class (or Figure) it holds, unwrapping ``Optional[...]``."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in attrs.fields(cls):
        tp = hints[f.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        out[f.name] = args[0] if len(args) == 1 else tp
    return out


@functools.lru_cache(maxsize=None)
def model_keys(cls: type, prefix: str = "") -> frozenset[str]:
    """Every flat key (below ``prefix``) at which ``cls`` holds a Figure."""
    start = prefix + "." if prefix else ""
    keys: set[str] = set()
    for name, tp in field_types(cls).items():
        if tp is Figure:
            keys.add(start + name)
        elif attrs.has(tp):
            keys |= model_keys(tp, start + name)
    return frozenset(keys)


def assemble(cls: type, values: dict, prefix: str = ""):
    """Build an instance of the attrs class ``cls`` from figures keyed by flat key below ``prefix``.

    Keys ``cls`` cannot hold are ignored (see :func:`model_keys`). Returns ``None`` when no value
    falls inside ``cls``: an absent table stays absent.
    """
    inner = {k.rsplit(".", n)[0] for k in values for n in range(1, k.count(".") + 1)}
    return _assemble(cls, values, inner, prefix)


def _assemble(cls: type, values: dict, inner: set, prefix: str):
    start = prefix + "." if prefix else ""
    kwargs = {}
    for name, tp in field_types(cls).items():
        key = start + name
        if tp is Figure:
            if key in values:
                kwargs[name] = values[key]
        elif key in inner and attrs.has(tp):
            kwargs[name] = _assemble(tp, values, inner, key)
    return cls(**kwargs) if kwargs else None
