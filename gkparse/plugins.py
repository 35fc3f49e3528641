"""The plugin manager: loading plugins, and the typed wrappers around every hook call.

Entry points of the ``gkparse`` group are loaded one by one; a plugin that fails to import or to
register is recorded as a :class:`PluginFailure` (shown by ``gkparse plugins``) and the others carry
on. After loading, ``check_pending()`` makes a misspelled hook implementation fail loudly.

Every ``pm.hook.*`` call of gkparse is in this module, in one typed method of :class:`PluginHost`,
so the call sites are few and easy to find.
"""

from __future__ import annotations

import functools
import importlib.metadata as md
from typing import Iterable, Optional

import pluggy
from attrs import define, frozen

from . import hookspecs
from .document import Document
from .errors import PluginError
from .formats import Format
from .model import Diagnostic, Report

__all__ = ["PluginInfo", "PluginFailure", "PluginHost", "load_plugins", "default_host", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "gkparse"


@frozen(kw_only=True)
class PluginInfo:
    """A loaded plugin: its name, the distribution that provides it, and where its code lives."""

    name: str
    distribution: Optional[str]
    version: Optional[str]
    origin: str


@frozen(kw_only=True)
class PluginFailure:
    """A plugin that could not be loaded, and why."""

    name: str
    distribution: Optional[str]
    error: str


@define
class PluginHost:
    """A plugin manager with its plugins loaded, and the collected formats."""

    pm: pluggy.PluginManager
    plugins: list[PluginInfo]
    failures: list[PluginFailure]
    _formats: Optional[tuple[Format, ...]] = None

    def formats(self) -> tuple[Format, ...]:
        """Every registered format, sorted by name (registration order never matters)."""
        if self._formats is None:
            collected: list[Format] = []
            self.pm.hook.gkparse_register_formats(register=collected.append)
            by_name: dict[str, Format] = {}
            for fmt in collected:
                if not isinstance(fmt, Format):
                    raise PluginError(f"registered object {fmt!r} is not a Format", source="<plugins>", plugin=repr(fmt))
                if fmt.name in by_name and by_name[fmt.name] is not fmt:
                    raise PluginError(f"two plugins register a format named {fmt.name!r}", source="<plugins>", plugin=fmt.name)
                by_name[fmt.name] = fmt
            self._formats = tuple(sorted(by_name.values(), key=lambda f: f.name))
        return self._formats

    def validate(self, report: Report, document: Document) -> list[Diagnostic]:
        """Run every plugin's ``gkparse_validate`` hook; collect their diagnostics."""
        out: list[Diagnostic] = []
        for result in self.pm.hook.gkparse_validate(report=report, document=document):
            if result is None:
                continue
            for diag in result:
                if not isinstance(diag, Diagnostic):
                    raise PluginError(f"a gkparse_validate hook returned {diag!r}, not a Diagnostic", source=report.source)
                out.append(diag)
        return out


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _origin(obj: object) -> str:
    return getattr(obj, "__file__", None) or repr(obj)


def load_plugins(*, entry_points: bool = True, plugins: Iterable[object] = ()) -> PluginHost:
    """A :class:`PluginHost` with the entry-point plugins (unless ``entry_points=False``) and the
    given plugin objects or modules registered."""
    pm = _new_manager()
    infos: list[PluginInfo] = []
    failures: list[PluginFailure] = []
    if entry_points:
        for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else None
            version = dist.version if dist is not None else None
            try:
                obj = ep.load()
                pm.register(obj, name=ep.name)
            except Exception as exc:  # a broken third-party plugin must not take the others down
                failures.append(PluginFailure(name=ep.name, distribution=dist_name, error=f"{type(exc).__name__}: {exc}"))
                continue
            infos.append(PluginInfo(name=ep.name, distribution=dist_name, version=version, origin=_origin(obj)))
    for obj in plugins:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        pm.register(obj, name=name)
        infos.append(PluginInfo(name=name, distribution=None, version=None, origin=_origin(obj)))
    pm.check_pending()
    return PluginHost(pm=pm, plugins=infos, failures=failures)


@functools.lru_cache(maxsize=1)
def default_host() -> PluginHost:
    """The process-wide host with every installed plugin (loaded once)."""
    return load_plugins()
