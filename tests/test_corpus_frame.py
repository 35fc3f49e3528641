"""A corpus as a pandas DataFrame (gkparse.frame): one row per report or error, typed columns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from gkparse.corpus import iter_records
from gkparse.frame import to_dataframe
from gkparse.outputs import columns, field_columns

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(iter_records(str(SAMPLES)))


@pytest.fixture(scope="module")
def df(records) -> pd.DataFrame:
    return to_dataframe(records)


def test_one_row_per_record_with_the_output_columns(df, records):
    assert len(df) == len(records) == 14
    assert list(df.columns) == list(columns())
    assert df["source"].tolist() == [r["source"] for r in records]


def test_dtypes(df):
    kinds = {c.key: c.kind for c in field_columns()}
    want = {
        "int": pd.Int64Dtype(),
        "str": pd.StringDtype(),
        "money": pd.ArrowDtype(pa.decimal128(38, 10)),
        "date": pd.api.types.pandas_dtype("datetime64[ns]"),
    }
    for key, kind in kinds.items():
        assert df[key].dtype == want[kind], key
    for key in ("source", "error_type", "error_message", "diagnostics", "extras"):
        assert df[key].dtype == pd.StringDtype(), key


def test_values_are_typed_and_absent_is_missing_not_zero(df, records):
    for i, rec in enumerate(records):
        row = df.iloc[i]
        fields = rec["fields"]
        assert row["meta.year"] == fields["meta.year"] if "meta.year" in fields else pd.isna(row["meta.year"])
        if "meta.published_on" in fields:
            assert row["meta.published_on"] == pd.Timestamp(dt.date.fromisoformat(fields["meta.published_on"]))
        else:
            assert pd.isna(row["meta.published_on"])
        money = fields.get("active.procurement.amount_wan")
        cell = row["active.procurement.amount_wan"]
        assert (pd.isna(cell) if money is None else cell == Decimal(money))
        for key in ("applications.new.total", "active.rules.made", "active.rules.issued"):
            assert (row[key] == fields[key]) if key in fields else pd.isna(row[key]), key
    # Columns are usable as they come: sums are exact integers and decimals.
    ok = df[df["error_type"].isna()]
    assert ok["applications.new.total"].sum() == sum(r["fields"].get("applications.new.total", 0) for r in records)
    total = sum(Decimal(r["fields"]["active.procurement.amount_wan"]) for r in records if "active.procurement.amount_wan" in r["fields"])
    assert Decimal(str(ok["active.procurement.amount_wan"].sum())) == total
    errors = df[df["error_type"].notna()]
    assert sorted(errors["error_type"]) == ["EmptyInputError", "NotAReportError"]


def test_from_inputs_equals_from_records(df):
    pd.testing.assert_frame_equal(to_dataframe(str(SAMPLES)), df)
    pd.testing.assert_frame_equal(to_dataframe([SAMPLES], jobs=2), df)
    empty = to_dataframe([])
    assert list(empty.columns) == list(columns()) and len(empty) == 0
    with pytest.raises(TypeError):
        to_dataframe(iter_records(str(SAMPLES)), glob="*.txt")
