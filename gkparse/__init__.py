"""gkparse: typed, validated data from China's government information disclosure annual reports.

    >>> import gkparse
    >>> report = gkparse.parse(Path("report.txt"))      # str (text), bytes, or a path
    >>> gkparse.flatten(report)["applications.new.total"]
    >>> gkparse.parse_corpus(["crawl/", "mirror.warc.gz"], "out.parquet", jobs=8)   # batch

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


def parse_corpus(*args, **kwargs):
    """Parse many inputs into one output file (JSONL, CSV or Parquet): see :func:`gkparse.corpus.parse_corpus`."""
    from .corpus import parse_corpus as run

    return run(*args, **kwargs)


def iter_records(*args, **kwargs):
    """Stream one output record per input, in input order: see :func:`gkparse.corpus.iter_records`."""
    from .corpus import iter_records as run

    return run(*args, **kwargs)


__all__ = ["parse", "flatten", "parse_corpus", "iter_records", "hookimpl", "Report", "Figure", "Diagnostic", "GkparseError", "__version__"]

__version__ = "0.1.0"
