"""The hook specifications: everything a plugin can do.

Plugins are modules (or objects) registered under the ``gkparse`` entry-point group, implementing
any of these hooks with the :data:`hookimpl` marker::

    from gkparse import hookimpl

    @hookimpl
    def gkparse_register_formats(register):
        register(MY_FORMAT)

An implementation may take fewer arguments than the specification names (pluggy passes only the
ones it asks for), so hooks can gain arguments without breaking plugins. Hooks act on whole
documents and reports, never per cell. The core never depends on the order pluggy calls
implementations in: it sorts what it collects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Optional

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .formats import Format
    from .model import Diagnostic, Report

__all__ = ["hookspec", "hookimpl", "PROJECT"]

PROJECT = "gkparse"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def gkparse_register_formats(register: Callable[["Format"], None]) -> None:
    """Register the report formats (template eras, regional variants) this plugin parses.

    :param register: call ``register(fmt)`` once per format; ``fmt`` implements
        :class:`gkparse.formats.Format` (``name``, ``era``, ``templates``, ``score(document)``,
        ``extract(document)``). Format names must be unique across all plugins.
    :return: nothing; the core owns the collection.
    """


@hookspec
def gkparse_validate(report: "Report", document: "Document") -> Optional[Iterable["Diagnostic"]]:
    """Check a parsed report and return what is wrong with it (or nothing).

    Called for every report after the core's template checks, whichever format parsed it. Use it
    for checks beyond a table's own arithmetic: the statistical period, era consistency, prose
    against table.

    :param report: the report as extracted (with the diagnostics found so far).
    :param document: the document it was extracted from.
    :return: an iterable of :class:`gkparse.model.Diagnostic`, or ``None``.
    """
