"""gkparse.distributed on a real LocalCluster: one Parquet part per partition, every input one row,
input order across parts, the same typed values as the batch API; a partition whose task fails twice
is named in the summary."""

from __future__ import annotations

import sys
import threading
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dask.distributed import Client, LocalCluster

import gkparse.distributed as gd
from gkparse.corpus import iter_records
from gkparse.distributed import parse_on_dask, part_name

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import write_corpus  # noqa: E402

COLUMNS = ("meta.year", "applications.new.total", "active.fees.amount_wan")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    gen = tmp_path_factory.mktemp("gen")
    write_corpus(gen, 58, 11)  # 58 reports + 2 non-reports
    return [str(SAMPLES), str(gen / "corpus")]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, Client(cluster) as c:
        yield c


def _read_parts(out: Path) -> pa.Table:
    names = sorted(p.name for p in out.glob("part-*.parquet"))
    return pa.concat_tables([pq.read_table(out / n) for n in names])


def test_parts_hold_every_input_in_order_with_the_batch_values(corpus, client, tmp_path):
    expected = list(iter_records(corpus, flat=True))
    assert len(expected) == 74
    out = tmp_path / "out"
    summary = parse_on_dask(corpus, out, client=client, partition_size=16)

    n_parts = -(-len(expected) // 16)
    assert sorted(p.name for p in out.iterdir()) == [part_name(i) for i in range(n_parts)]  # no temp files left
    assert summary.ok and not summary.failed
    assert (summary.inputs, summary.records, summary.parts) == (len(expected), len(expected), n_parts)
    assert summary.errors == sum(r["error"] is not None for r in expected) >= 4

    table = _read_parts(out)
    assert table.num_rows == len(expected)
    assert [pq.read_metadata(out / part_name(i)).num_rows for i in range(n_parts)] == [16] * (n_parts - 1) + [len(expected) - 16 * (n_parts - 1)]
    rows = table.to_pylist()
    assert [r["source"] for r in rows] == [r["source"] for r in expected]

    by_source = {r["source"]: r for r in rows}
    for bad in ("empty.txt", "not_a_report.txt"):
        hits = [s for s in by_source if s.endswith(bad)]
        assert len(hits) == 2  # the samples' and the generated corpus's
        for s in hits:
            assert by_source[s]["error_type"]

    assert pa.types.is_decimal(table.schema.field("active.fees.amount_wan").type)
    compared = 0
    for row, rec in zip(rows, expected):
        assert row["error_type"] == (rec["error"] or {}).get("type")
        fields = rec.get("fields") or {}
        for col in COLUMNS:
            want = fields.get(col)
            if col == "active.fees.amount_wan" and want is not None:
                want = Decimal(str(want))
            assert row[col] == want, (rec["source"], col)
            compared += want is not None
    assert compared > 100


def test_a_partition_failing_twice_is_named_not_lost(corpus, tmp_path, monkeypatch):
    # In-process workers, so that the task sees this monkeypatch: partition 1's writer always fails.
    attempts = []
    lock = threading.Lock()
    real = gd.ParquetWriter

    class Flaky(real):
        def __init__(self, path, *a, **kw):
            if Path(path).name.startswith(part_name(1)):
                with lock:
                    attempts.append(path)
                raise OSError("disk full")
            super().__init__(path, *a, **kw)

    monkeypatch.setattr(gd, "ParquetWriter", Flaky)
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster, Client(cluster) as c:
        summary = parse_on_dask(corpus, out, client=c, partition_size=16)
    assert len(attempts) == 2  # retried once
    assert not summary.ok
    assert [f.index for f in summary.failed] == [1]
    failed = summary.failed[0]
    assert failed.inputs == 16 and "disk full" in failed.error
    assert summary.records == summary.inputs - 16 and summary.parts == summary.inputs // 16
    assert not (out / part_name(1)).exists()
    assert (out / part_name(0)).exists() and (out / part_name(2)).exists()
