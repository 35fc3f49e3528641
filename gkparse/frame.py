"""A corpus as one pandas DataFrame: one row per report (or error), typed columns.

::

    from gkparse.frame import to_dataframe

    df = to_dataframe("crawl/", jobs=8)                  # paths, directories, archives, crawls
    df = to_dataframe(gkparse.corpus.iter_records(...))  # or records you already have
    df[df.error_type.isna()].groupby("meta.year")["applications.new.total"].sum()

The columns are those of the CSV and Parquet outputs, in the same order (:func:`gkparse.outputs.columns`:
``source``, ``error_type``, ``error_message``, ``diagnostics``, every flat key of ``fields.md``,
``extras``), with these dtypes:

* counts (and ``meta.year``): ``Int64`` — pandas' nullable integer, so an absent cell is ``<NA>``,
  never 0 and never a float;
* money (万元): ``decimal128(38, 10)[pyarrow]`` — exact decimals, like the strings of the JSON
  output; ``.astype("Float64")`` when floats are good enough;
* dates: ``datetime64[ns]`` (``NaT`` when absent);
* text: ``string``.

The table is built through Arrow record batches (the Parquet schema of :mod:`gkparse.outputs`), so a
corpus takes the memory of its columns, not of its records. Needs the ``pandas`` extra
(``pip install 'gkparse[pandas]'``: pandas and pyarrow).
"""

from __future__ import annotations

import itertools
from typing import Any, Iterable, Optional, Sequence, Union

from .outputs import records_to_arrow

__all__ = ["to_dataframe"]


def _is_record(item: Any) -> bool:
    return isinstance(item, dict) and "source" in item and "error" in item


def to_dataframe(
    data: Union[Iterable[dict], Any],
    *,
    jobs: Optional[int] = 1,
    glob: Union[str, Sequence[str], None] = None,
    **parse_options: Any,
):
    """One row per record, typed columns (see the module docstring).

    :param data: records (flat dicts from :func:`gkparse.corpus.iter_records`), or inputs to parse:
        a path or an iterable of paths (files, directories, globs, archives, crawls).
    :param jobs: worker processes for parsing inputs (``None``: every core).
    :param glob: pattern(s) selecting the files of directories and zip archives.
    :param parse_options: passed on to :func:`gkparse.parse`.
    """
    try:
        import pandas as pd
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(f"to_dataframe needs pandas and pyarrow: pip install 'gkparse[pandas]' ({exc})") from None

    if isinstance(data, dict):
        data = [data]
    if isinstance(data, (str, bytes)) or hasattr(data, "__fspath__"):
        records: Iterable[dict] = _parse(data, jobs, glob, parse_options)
    else:
        it = iter(data)
        first = next(it, None)
        if first is None:
            records = []
        elif _is_record(first):
            if parse_options or glob is not None:
                raise TypeError("glob= and parse options apply to inputs, not to records")
            records = itertools.chain([first], it)
        else:
            records = _parse(itertools.chain([first], it), jobs, glob, parse_options)
    table = records_to_arrow(records)

    def mapper(t):
        if pa.types.is_integer(t):
            return pd.Int64Dtype()
        if pa.types.is_string(t):
            return pd.StringDtype()
        if pa.types.is_decimal(t):
            return pd.ArrowDtype(t)
        return None

    df = table.to_pandas(types_mapper=mapper, date_as_object=False)
    for f in table.schema:
        if pa.types.is_date(f.type):
            df[f.name] = df[f.name].astype("datetime64[ns]")
    return df


def _parse(inputs: Any, jobs: Optional[int], glob: Any, parse_options: dict) -> Iterable[dict]:
    from .corpus import iter_records

    if isinstance(inputs, bytes):
        raise TypeError("to_dataframe takes paths or records; parse a document's bytes with gkparse.parse")
    return iter_records(inputs, flat=True, jobs=jobs, glob=glob, **parse_options)
