"""Writing records (:mod:`gkparse.records`) to files: JSON Lines, CSV, Parquet.

**JSON Lines** — one record per line exactly as ``fields.md`` ("Output records") describes it,
UTF-8, flushed after every record: a run that stops (Ctrl-C, a killed process) leaves only complete
lines.

**CSV and Parquet** — one row per record, the same columns in the same order for every run of a
gkparse version, whatever the documents hold (:func:`columns`):

``source``, ``error_type``, ``error_message``
    the record's source, and its error's type and message (empty when it parsed).
``diagnostics``
    the diagnostic codes, in order, joined by ``;`` (``sum_mismatch;text_damaged``; empty when there
    are none). The messages are in the JSON Lines output only.
every flat key of ``fields.md``
    ``meta.*`` (the fields of :class:`gkparse.model.Meta`, in order), then table 2, table 3, table 4
    and the era-2008 form: the flat keys of the built-in templates
    (``gkparse_plugins.national_templates``, ``gkparse_plugins.legacy_templates``), walked through
    the model class each template fills, so the unprinted group subtotals
    (``applications.denied.total`` …) have their columns too. Both eras' keys of a table are
    columns; a report fills those of its era and leaves the others empty.
``extras``
    every other flat key of the record, as one JSON object (sorted keys): plugin keys
    (``legacy.x.<plugin>.*``), and a value of a known key that does not fit its column's type (an
    int key holding ``"12.5"``) — never dropped, never coerced. Empty when there are none.

A key is absent from a record when the source leaves it blank; its cell is then empty (CSV) or null
(Parquet) — never 0.

Types (Parquet, and the DataFrame of :mod:`gkparse.frame`): counts (``int`` keys, including the
signed 本年增/减 and ``meta.year``) are ``int64``; money (万元; the template's ``money`` columns and
any ``*_wan`` key) is ``decimal128(38, 10)`` — exact like the decimal strings of the JSON output, and
summable by every Parquet reader, where a float would turn 48.7508 into 48.750799999…; dates
(``meta.published_on``, ``meta.period_*``) are ``date32``; everything else is a UTF-8 string. A
Parquet file is written in row groups of :data:`ROW_GROUP` rows (memory stays constant), compressed
with zstd, and closing the writer (also on Ctrl-C) leaves a valid file with every row written so far.
Parquet needs the ``parquet`` extra (``pip install 'gkparse[parquet]'``, pyarrow).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import IO, Any, Iterable, Literal, Optional, Union

import attrs
from attrs import frozen

from .flatten import TABLE_ATTRIBUTES, flat_value
from .model import Figure, Meta

__all__ = [
    "FORMATS",
    "FieldColumn",
    "field_columns",
    "columns",
    "table_row",
    "format_for_path",
    "open_writer",
    "RecordWriter",
    "JsonlWriter",
    "CsvWriter",
    "ParquetWriter",
    "arrow_schema",
    "records_to_arrow",
    "ROW_GROUP",
    "MONEY_PRECISION",
    "MONEY_SCALE",
]

FORMATS = ("jsonl", "csv", "parquet")
ROW_GROUP = 4096
MONEY_PRECISION, MONEY_SCALE = 38, 10
BASE_COLUMNS = ("source", "error_type", "error_message", "diagnostics")
EXTRAS = "extras"

Kind = Literal["int", "money", "str", "date"]


@frozen
class FieldColumn:
    """One flat-key column: its key and value type (``int``, ``money``, ``str``, ``date``)."""

    key: str
    kind: Kind


def _meta_columns() -> list[FieldColumn]:
    import typing

    hints = typing.get_type_hints(Meta)
    out = []
    for f in attrs.fields(Meta):
        args = set(typing.get_args(hints[f.name])) or {hints[f.name]}
        kind: Kind = "int" if int in args else "date" if dt.date in args else "str"
        out.append(FieldColumn(f"meta.{f.name}", kind))
    return out


def _model_keys(cls: type, prefix: str) -> list[str]:
    """Every flat key a model class can hold (attribute paths down to its figures)."""
    import typing

    out = []
    hints = typing.get_type_hints(cls)
    for f in attrs.fields(cls):
        key = f"{prefix}.{f.name}" if prefix else f.name
        targets = [t for t in (typing.get_args(hints[f.name]) or (hints[f.name],)) if t is not type(None)]
        for t in targets:
            if t is Figure:
                out.append(key)
            elif attrs.has(t):
                out.extend(_model_keys(t, key))
    return out


@functools.lru_cache(maxsize=1)
def field_columns() -> tuple[FieldColumn, ...]:
    """The flat-key columns, in order (see the module docstring); the same for every run."""
    from gkparse_plugins.legacy_templates import STATISTICAL_FORM
    from gkparse_plugins.national_templates import (
        ACTIVE_2019,
        ACTIVE_2021,
        APPLICATIONS_2019,
        APPLICATIONS_2021,
        REVIEW_LITIGATION,
    )

    templates = (ACTIVE_2019, ACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021, REVIEW_LITIGATION, STATISTICAL_FORM)
    kinds: dict[str, Kind] = {}
    for t in templates:
        for row in t.rows:
            for col in row.columns:
                kinds[t.key_of(row, col)] = "money" if col.kind == "money" else "int"
    out = _meta_columns()
    seen = {c.key for c in out}
    for attr, prefix in TABLE_ATTRIBUTES:
        for t in (t for t in templates if t.name == attr):
            # The model walk first (it places subtotals beside their rows), then any template key
            # the model walk does not reach.
            for key in _model_keys(t.model, prefix) + t.flat_keys():
                if key not in seen:
                    seen.add(key)
                    out.append(FieldColumn(key, kinds.get(key, "money" if key.endswith("_wan") else "int")))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def columns() -> tuple[str, ...]:
    """The CSV header and Parquet column names: the base columns, every flat key, ``extras``."""
    return BASE_COLUMNS + tuple(c.key for c in field_columns()) + (EXTRAS,)


@functools.lru_cache(maxsize=1)
def _kinds() -> dict[str, Kind]:
    return {c.key: c.kind for c in field_columns()}


_INT = re.compile(r"[+-]?\d+")
_MONEY_LIMIT = Decimal(10) ** (MONEY_PRECISION - MONEY_SCALE)
_MONEY_QUANTUM = Decimal(1).scaleb(-MONEY_SCALE)


def _typed(value: Any, kind: Kind) -> Any:
    """``value`` as its column's Python type, or ``_MISFIT`` when it does not fit the column."""
    if value is None:
        return None
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63:
            return value
        if isinstance(value, str) and _INT.fullmatch(value.strip()) and -(2**63) <= int(value) < 2**63:
            return int(value)
        return _MISFIT
    if kind == "money":
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            return _MISFIT
        try:
            d = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation:
            return _MISFIT
        if not d.is_finite() or abs(d) >= _MONEY_LIMIT or d != d.quantize(_MONEY_QUANTUM):
            return _MISFIT
        return d
    if kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else _MISFIT
        except ValueError:
            return _MISFIT
    return value if isinstance(value, str) else _MISFIT


_MISFIT = object()


def table_row(record: dict) -> dict[str, Any]:
    """A flat record as one table row: column name → typed Python value (``int``, ``Decimal``,
    ``date``, ``str`` or ``None``). Raises ``ValueError`` for a structured (non-flat) record."""
    if "fields" not in record:
        raise ValueError("CSV and Parquet rows are made from flat records (flat=True): this record has no 'fields'")
    error = record.get("error") or {}
    row: dict[str, Any] = {
        "source": record.get("source"),
        "error_type": error.get("type"),
        "error_message": error.get("message"),
        "diagnostics": ";".join(str(d.get("code")) for d in record.get("diagnostics") or ()),
    }
    kinds = _kinds()
    extras: dict[str, Any] = {}
    for key, value in (record.get("fields") or {}).items():
        kind = kinds.get(key)
        typed = _MISFIT if kind is None else _typed(value, kind)
        if typed is _MISFIT:
            extras[key] = value
        else:
            row[key] = typed
    row[EXTRAS] = json.dumps(dict(sorted(extras.items())), ensure_ascii=False, sort_keys=True, default=str) if extras else None
    return row


def format_for_path(path: Union[str, os.PathLike, None]) -> Optional[str]:
    """The output format a file name implies (``.jsonl``/``.ndjson``/``.json``, ``.csv``,
    ``.parquet``/``.pq``), or ``None``."""
    if path is None or not isinstance(path, (str, os.PathLike)):
        return None
    low = os.fspath(path).lower()
    for suffixes, fmt in (((".jsonl", ".ndjson", ".json"), "jsonl"), ((".csv",), "csv"), ((".parquet", ".pq"), "parquet")):
        if low.endswith(suffixes):
            return fmt
    return None


# ------------------------------------------------------------------------------------------ writers


class RecordWriter:
    """Writes records one at a time; ``close()`` leaves a complete, valid file. A context manager."""

    count = 0

    def write(self, record: dict) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _text_stream(output: Union[str, os.PathLike, IO], newline: Optional[str]) -> tuple[IO[str], bool]:
    """(a text stream, whether we own it) for a path or an open file."""
    if isinstance(output, (str, os.PathLike)):
        return open(output, "w", encoding="utf-8", newline=newline), True
    if isinstance(output, io.TextIOBase) or hasattr(output, "encoding"):
        return output, False  # type: ignore[return-value]
    return io.TextIOWrapper(output, encoding="utf-8", newline=newline, write_through=True), False  # type: ignore[arg-type]


class _TextWriter(RecordWriter):
    """A writer over a text stream it may own (a path it opened) or borrow (stdout)."""

    _out: IO
    _own: bool

    def close(self) -> None:
        if self._own:
            self._out.close()
        else:
            self._out.flush()


class JsonlWriter(_TextWriter):
    """One JSON object per line, flushed per record (complete lines only, whenever it stops)."""

    def __init__(self, output: Union[str, os.PathLike, IO]) -> None:
        self._out, self._own = _text_stream(output, None)
        self.count = 0

    def write(self, record: dict) -> None:
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._out.flush()
        self.count += 1



def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (Decimal, dt.date)):
        return flat_value(value)
    return value


class CsvWriter(_TextWriter):
    """A header row (:func:`columns`), then one row per record, flushed per row. UTF-8, ``\\n``
    line ends, quoting only where needed (the csv module's ``excel`` dialect otherwise)."""

    def __init__(self, output: Union[str, os.PathLike, IO]) -> None:
        self._out, self._own = _text_stream(output, "")
        self._cols = columns()
        self._writer = csv.writer(self._out, lineterminator="\n")
        self._writer.writerow(self._cols)
        self._out.flush()
        self.count = 0

    def write(self, record: dict) -> None:
        row = table_row(record)
        self._writer.writerow([_csv_cell(row.get(c)) for c in self._cols])
        self._out.flush()
        self.count += 1



def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(f"writing Parquet needs pyarrow: pip install 'gkparse[parquet]' ({exc})") from None
    return pa, pq


def arrow_schema():
    """The Arrow schema of the table rows (see the module docstring for the types)."""
    pa, _ = _pyarrow()
    types = {"int": pa.int64(), "money": pa.decimal128(MONEY_PRECISION, MONEY_SCALE), "str": pa.string(), "date": pa.date32()}
    fields = [pa.field("source", pa.string(), nullable=False)]
    fields += [pa.field(c, pa.string()) for c in BASE_COLUMNS[1:]]
    fields += [pa.field(c.key, types[c.kind]) for c in field_columns()]
    fields.append(pa.field(EXTRAS, pa.string()))
    from . import __version__

    return pa.schema(fields, metadata={b"gkparse.version": __version__.encode()})


class _Batcher:
    """Rows collected column-wise and turned into Arrow record batches."""

    def __init__(self) -> None:
        self.schema = arrow_schema()
        self._names = self.schema.names
        self._cols: dict[str, list] = {n: [] for n in self._names}
        self.rows = 0

    def add(self, record: dict) -> None:
        row = table_row(record)
        for name in self._names:
            self._cols[name].append(row.get(name))
        self.rows += 1

    def batch(self):
        pa, _ = _pyarrow()
        # A row half-added when an exception (a second Ctrl-C) interrupted add() is left out.
        n = min(len(v) for v in self._cols.values())
        arrays = [pa.array(self._cols[f.name][:n], type=f.type) for f in self.schema]
        batch = pa.RecordBatch.from_arrays(arrays, schema=self.schema)
        self._cols = {n: [] for n in self._names}
        self.rows = 0
        return batch


class ParquetWriter(RecordWriter):
    """Typed columns (:func:`arrow_schema`), row groups of ``row_group`` rows; ``close()`` writes
    the buffered rows and the footer, so the file is valid whenever the run stops."""

    def __init__(self, output: Union[str, os.PathLike, IO], *, row_group: int = ROW_GROUP) -> None:
        _, pq = _pyarrow()
        self._batcher = _Batcher()
        self._row_group = row_group
        where = os.fspath(output) if isinstance(output, (str, os.PathLike)) else output
        self._writer = pq.ParquetWriter(where, self._batcher.schema, compression="zstd")
        self.count = 0

    def write(self, record: dict) -> None:
        self._batcher.add(record)
        self.count += 1
        if self._batcher.rows >= self._row_group:
            self._writer.write_batch(self._batcher.batch(), row_group_size=self._row_group)

    def close(self) -> None:
        if self._writer is None:
            return
        try:
            if self._batcher.rows:
                self._writer.write_batch(self._batcher.batch(), row_group_size=self._row_group)
        finally:
            self._writer.close()
            self._writer = None


def records_to_arrow(records: Iterable[dict], *, batch_rows: int = ROW_GROUP):
    """The flat records as one Arrow table with :func:`arrow_schema` (built batch by batch)."""
    pa, _ = _pyarrow()
    batcher = _Batcher()
    batches = []
    for rec in records:
        batcher.add(rec)
        if batcher.rows >= batch_rows:
            batches.append(batcher.batch())
    if batcher.rows or not batches:
        batches.append(batcher.batch())
    return pa.Table.from_batches(batches, schema=batcher.schema)


def open_writer(output: Union[str, os.PathLike, IO, None], format: Optional[str] = None) -> RecordWriter:
    """A writer for ``output`` (a path, an open file, or ``None`` for stdout) in ``format``
    (default: from the file name, else ``jsonl``). Parquet needs a path or a binary file."""
    fmt = format or format_for_path(output) or "jsonl"
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if output is None:
        if fmt == "parquet":
            raise ValueError("Parquet output needs a file (-o FILE.parquet), not stdout")
        output = sys.stdout
    if fmt == "jsonl":
        return JsonlWriter(output)
    if fmt == "csv":
        return CsvWriter(output)
    return ParquetWriter(output)
