"""gkparse: typed, validated data from China's government information disclosure annual reports.

    >>> import gkparse
    >>> report = gkparse.parse(Path("report.txt"))      # str (text), bytes, or a path
    >>> gkparse.flatten(report)["applications.new.total"]

The pipeline (load → decode → normalize → detect → extract → validate) is in
:mod:`gkparse.pipeline`; the typed model in :mod:`gkparse.model`; the plugin hooks in
:mod:`gkparse.hookspecs`.
"""

from __future__ import annotations

from .errors import GkparseError
from .flatten import flatten
from .hookspecs import hookimpl
from .model import Diagnostic, Figure, Report
from .pipeline import parse

__all__ = ["parse", "flatten", "hookimpl", "Report", "Figure", "Diagnostic", "GkparseError", "__version__"]

__version__ = "0.1.0"
