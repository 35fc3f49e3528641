"""Output writers (gkparse.outputs): JSON Lines, CSV and Parquet.

CSV and Parquet share one column list — the same for every run whatever the documents hold — and
one conversion of records to typed rows; nothing of a record is dropped (keys outside the catalogue,
or values that do not fit their column, go to ``extras``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gkparse.corpus import iter_records
from gkparse.outputs import (
    CsvWriter,
    JsonlWriter,
    ParquetWriter,
    arrow_schema,
    columns,
    field_columns,
    format_for_path,
    open_writer,
    table_row,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def sample_records() -> list[dict]:
    return list(iter_records(str(SAMPLES / "corpus")))


def truth_keys() -> set[str]:
    keys: set[str] = set()
    for path in [*(SAMPLES / "truth").glob("*.json"), *(SHARED / "gold").glob("*.json")]:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys.update(data.get("fields", {}), data.get("optional", {}))
    return keys


# --------------------------------------------------------------------------- the columns


def test_columns_are_stable_and_cover_the_catalogue():
    cols = columns()
    assert cols[:4] == ("source", "error_type", "error_message", "diagnostics") and cols[-1] == "extras"
    assert len(set(cols)) == len(cols)
    keys = set(cols)
    # Every key of every truth and gold file has its column (regional plugin keys go to extras).
    missing = sorted(k for k in truth_keys() if k not in keys and not k.startswith("legacy.x."))
    assert missing == []
    # meta first, in model order; both eras of table 2; the group subtotals beside their rows.
    assert cols[4:7] == ("meta.title", "meta.issuer", "meta.year")
    for key in ("active.rules.made", "active.rules.issued", "active.fees.amount_wan", "applications.denied.total",
                "applications.other_misc.total", "litigation_after_review.pending", "legacy.institution.special_funds_wan"):
        assert key in keys, key
    assert cols.index("applications.denied.total") < cols.index("applications.denied_state_secret.natural_person")
    kinds = {c.key: c.kind for c in field_columns()}
    assert kinds["meta.year"] == "int" and kinds["meta.published_on"] == "date" and kinds["meta.issuer"] == "str"
    assert kinds["active.procurement.amount_wan"] == "money" and kinds["active.licensing.net_change"] == "int"
    assert {k for k, v in kinds.items() if v == "money"} == {k for k in kinds if k.endswith("_wan")}


def test_csv_header_is_the_same_whatever_the_records(tmp_path, sample_records):
    headers = []
    for recs in (sample_records, [r for r in sample_records if r["error"]], []):
        out = io.StringIO()
        with CsvWriter(out) as w:
            for r in recs:
                w.write(r)
        headers.append(next(csv.reader(io.StringIO(out.getvalue()))))
    assert headers[0] == headers[1] == headers[2] == list(columns())


# --------------------------------------------------------------------------- CSV


def test_csv_values(tmp_path, sample_records):
    path = tmp_path / "out.csv"
    with open_writer(path) as w:
        for r in sample_records:
            w.write(r)
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert len(rows) == len(sample_records)
    for rec, row in zip(sample_records, rows):
        assert row["source"] == rec["source"]
        if rec["error"]:
            assert (row["error_type"], row["error_message"]) == (rec["error"]["type"], rec["error"]["message"])
            assert all(row[k] == "" for k in columns()[3:])
            continue
        assert row["error_type"] == row["error_message"] == ""
        assert row["diagnostics"] == ";".join(d["code"] for d in rec["diagnostics"])
        for key in columns()[4:-1]:
            value = rec["fields"].get(key)
            assert row[key] == ("" if value is None else str(value)), key  # absent is empty, never 0
        assert row["extras"] == ""
    assert path.read_bytes().count(b"\r\n") == 0  # \n line ends


def test_csv_and_parquet_keep_what_has_no_column_in_extras():
    rec = {
        "source": "x.txt",
        "fields": {"meta.year": 2023, "legacy.x.shanghai.hotline_calls": 12, "applications.new.total": "12.5", "meta.published_on": "2023-02-30"},
        "diagnostics": [{"code": "sum_mismatch"}, {"code": "text_damaged"}, {"code": "sum_mismatch"}],
        "error": None,
    }
    row = table_row(rec)
    assert row["meta.year"] == 2023 and row.get("applications.new.total") is None and row.get("meta.published_on") is None
    assert json.loads(row["extras"]) == {"applications.new.total": "12.5", "legacy.x.shanghai.hotline_calls": 12, "meta.published_on": "2023-02-30"}
    assert row["diagnostics"] == "sum_mismatch;text_damaged;sum_mismatch"
    assert table_row({"source": "y", "fields": {"active.fees.amount_wan": "0.00000000001"}, "diagnostics": [], "error": None})["extras"]


def test_table_rows_need_flat_records():
    with pytest.raises(ValueError, match="flat"):
        table_row({"source": "x", "report": {}, "diagnostics": [], "error": None})


# --------------------------------------------------------------------------- Parquet


def test_parquet_round_trip_with_typed_columns(tmp_path, sample_records):
    path = tmp_path / "out.parquet"
    with ParquetWriter(path, row_group=5) as w:
        for r in sample_records:
            w.write(r)
    pf = pq.ParquetFile(path)
    assert pf.metadata.num_rows == len(sample_records)
    assert pf.metadata.num_row_groups == -(-len(sample_records) // 5)  # written in row groups
    table = pf.read()
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    assert table.schema.names == list(columns())
    types = {f.name: f.type for f in table.schema}
    assert types["meta.year"] == pa.int64() and types["applications.new.total"] == pa.int64()
    assert types["active.procurement.amount_wan"] == pa.decimal128(38, 10)
    assert types["meta.published_on"] == pa.date32() and types["meta.issuer"] == pa.string()
    rows = table.to_pylist()
    for rec, row in zip(sample_records, rows):
        assert row["source"] == rec["source"]
        assert row["error_type"] == (rec["error"] or {}).get("type")
        for key in columns()[4:-1]:
            value = rec["fields"].get(key)
            got = row[key]
            if value is None:
                assert got is None, key
            elif isinstance(got, Decimal):
                assert got == Decimal(value), key
            elif isinstance(got, dt.date):
                assert got.isoformat() == value, key
            else:
                assert got == value, key
    # Money is exact: 1817.3469 stays 1817.3469.
    money = [r["active.procurement.amount_wan"] for r in rows if r["active.procurement.amount_wan"] is not None]
    assert money and all(isinstance(m, Decimal) for m in money)
    assert pf.schema_arrow.metadata[b"gkparse.version"]


def test_parquet_close_leaves_a_valid_file_with_every_row(tmp_path, sample_records):
    path = tmp_path / "partial.parquet"
    w = ParquetWriter(path, row_group=4)
    for r in sample_records[:6]:
        w.write(r)
    w.close()
    w.close()  # idempotent
    assert pq.read_table(path).num_rows == 6


# --------------------------------------------------------------------------- JSON Lines and formats


def test_jsonl_writes_complete_lines_as_it_goes(tmp_path, sample_records):
    path = tmp_path / "out.jsonl"
    w = JsonlWriter(path)
    for i, r in enumerate(sample_records[:3], 1):
        w.write(r)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == i and json.loads(lines[-1]) == r  # flushed per record
    w.close()
    assert "\\u" not in path.read_text(encoding="utf-8")  # UTF-8, not escapes


def test_format_for_path_and_open_writer(tmp_path):
    assert [format_for_path(p) for p in ("a.jsonl", "a.NDJSON", "b.csv", "c.parquet", "c.pq", "d.txt", None)] == [
        "jsonl", "jsonl", "csv", "parquet", "parquet", None, None,
    ]
    assert isinstance(open_writer(tmp_path / "x.csv"), CsvWriter)
    with pytest.raises(ValueError, match="Parquet output needs a file"):
        open_writer(None, "parquet")
    with pytest.raises(ValueError, match="unknown output format"):
        open_writer(tmp_path / "x", "xlsx")
