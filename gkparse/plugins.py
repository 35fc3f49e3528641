"""The plugin manager: loading plugins, and the typed wrappers around every hook call.

Entry points of the ``gkparse`` group are loaded one by one; a plugin that fails to import, to
register, or to pass ``check_pending()`` (a misspelled hook implementation) is recorded as a
:class:`PluginFailure` (shown by ``gkparse plugins``) and the others carry on. Hooks are called
plugin by plugin, so one that raises is named and isolated.

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
        """Every registered format, sorted by name (registration order never matters).

        Each plugin's ``gkparse_register_formats`` is called on its own: one that raises, or
        registers something that is not a Format, is recorded in :attr:`failures` and its formats
        are left out; the others are unaffected.
        """
        if self._formats is None:
            by_name: dict[str, Format] = {}
            owner: dict[str, str] = {}
            for plugin, impl in self._impls(self.pm.hook.gkparse_register_formats):
                collected: list[Format] = []
                try:
                    _call(impl, register=collected.append)
                    bad = next((f for f in collected if not isinstance(f, Format)), None)
                    if bad is not None:
                        raise TypeError(f"registered {bad!r}, which is not a Format (name, era, templates, score, extract)")
                except Exception as exc:
                    self.failures.append(PluginFailure(name=plugin, distribution=None, error=f"{type(exc).__name__}: {exc}"))
                    continue
                for fmt in collected:
                    if fmt.name in by_name and by_name[fmt.name] is not fmt:
                        raise PluginError(
                            f"plugins {owner[fmt.name]!r} and {plugin!r} both register a format named {fmt.name!r}",
                            source="<plugins>",
                            plugin=plugin,
                        )
                    by_name[fmt.name], owner[fmt.name] = fmt, plugin
            self._formats = tuple(sorted(by_name.values(), key=lambda f: f.name))
        return self._formats

    def validate(self, report: Report, document: Document) -> list[Diagnostic]:
        """Run every plugin's ``gkparse_validate`` hook, each on its own, and collect their
        diagnostics. A plugin that raises or returns something else than diagnostics becomes a
        ``plugin_failed`` diagnostic naming it; the report and the other checks stand."""
        out: list[Diagnostic] = []
        for plugin, impl in self._impls(self.pm.hook.gkparse_validate):
            try:
                result = list(_call(impl, report=report, document=document) or ())
                bad = next((d for d in result if not isinstance(d, Diagnostic)), None)
                if bad is not None:
                    raise TypeError(f"returned {bad!r}, not a Diagnostic")
            except Exception as exc:
                out.append(
                    Diagnostic(
                        code="plugin_failed",
                        severity="error",
                        message=f"{report.source}: plugin {plugin!r} failed in gkparse_validate: {type(exc).__name__}: {exc}",
                        where=f"plugin {plugin}",
                    )
                )
                continue
            out.extend(result)
        return out

    def _impls(self, caller) -> list:
        """(plugin name, implementation) of a hook, sorted by plugin name."""
        return sorted(((impl.plugin_name, impl) for impl in caller.get_hookimpls()), key=lambda pi: pi[0])


def _call(impl, **kwargs):
    """Call one hook implementation with the arguments it asks for (pluggy's own rule)."""
    return impl.function(*[kwargs[name] for name in impl.argnames])


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _origin(obj: object) -> str:
    return getattr(obj, "__file__", None) or repr(obj)


def load_plugins(*, entry_points: bool = True, plugins: Iterable[object] = ()) -> PluginHost:
    """A :class:`PluginHost` with the entry-point plugins (unless ``entry_points=False``) and the
    given plugin objects or modules registered.

    An entry point that fails to import, to register, or whose hooks do not match the
    specifications (a misspelled hook name) is recorded as a failure and left out. A plugin given
    directly in ``plugins`` must be valid: it raises :class:`~gkparse.errors.PluginError`.
    """
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
                _register_checked(pm, obj, ep.name)
            except Exception as exc:  # a broken third-party plugin must not take the others down
                failures.append(PluginFailure(name=ep.name, distribution=dist_name, error=f"{type(exc).__name__}: {exc}"))
                continue
            infos.append(PluginInfo(name=ep.name, distribution=dist_name, version=version, origin=_origin(obj)))
    for obj in plugins:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        while pm.has_plugin(name):
            name += "+"
        try:
            _register_checked(pm, obj, name)
        except Exception as exc:
            raise PluginError(f"plugin {name!r} cannot be registered: {type(exc).__name__}: {exc}", source="<plugins>", plugin=name) from exc
        infos.append(PluginInfo(name=name, distribution=None, version=None, origin=_origin(obj)))
    return PluginHost(pm=pm, plugins=infos, failures=failures)


def _register_checked(pm: pluggy.PluginManager, obj: object, name: str) -> None:
    """Register ``obj`` and check its hooks against the specifications (``check_pending``),
    unregistering it again if they do not match, so the manager stays valid."""
    pm.register(obj, name=name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError:
        pm.unregister(name=name)
        raise


@functools.lru_cache(maxsize=1)
def default_host() -> PluginHost:
    """The process-wide host with every installed plugin (loaded once)."""
    return load_plugins()
