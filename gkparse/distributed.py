"""The batch parse on a Dask cluster: many machines, one Parquet part per partition of inputs.

::

    from dask.distributed import Client
    from gkparse.distributed import parse_on_dask

    client = Client("tcp://scheduler:8786")                 # or client=None: a LocalCluster for the call
    summary = parse_on_dask(["/shared/crawl/"], "/shared/out/", client=client, partition_size=2000)
    assert summary.ok, summary.failed                         # records == inputs, no failed partition

**What.** The same job as :func:`gkparse.corpus.parse_corpus` (``gkparse parse crawl/ -o out.parquet
--jobs 8``), spread over the workers of a ``dask.distributed`` cluster. Needs the ``dask`` extra
(``pip install 'gkparse[dask]'``).

**How it maps to the batch API.** The inputs are expanded on the client, lazily and in order, by
:func:`gkparse.inputs.iter_inputs` (files, directories, globs, zip members, WARC/ARC records: only
names and offsets are read, never documents). The :class:`~gkparse.inputs.InputRef` objects are cut
into partitions of ``partition_size`` consecutive refs; partition ``i`` is one task, which parses each
of its refs with :func:`gkparse.corpus.record_for` (flat records) and writes them, in input order, to
``out_dir/part-{i:05d}.parquet`` with gkparse's own :class:`~gkparse.outputs.ParquetWriter` (the same
typed schema as ``-o out.parquet``, written in row groups: constant memory per task). The part is
written under a temporary name and renamed when complete, so a part file that exists is whole.
Part numbers follow input order: reading the parts in name order gives the records in input order,
one per input, exactly as ``iter_records(inputs, flat=True)`` would yield them. At most
``max_in_flight`` partitions are submitted at a time, so the client's memory stays bounded however
many inputs there are.

**Workers must see the same paths** as the client (a shared filesystem: NFS, a mounted bucket):
refs carry paths, and each worker reads its documents itself.

**Failures.** A bad document is never a failure: it yields its error record, as in the batch API. A
task that fails (its worker died, the part could not be written) is retried once by Dask
(``retries=1``). If it fails again, the run goes on; that partition's part file is missing, and the
summary names it in :attr:`DaskSummary.failed` (index, first and last source, the error), and
``records < inputs`` — no document is lost silently. Re-run those inputs, e.g. with
``parse_on_dask([...refs or paths...], ...)`` into another directory.
"""

from __future__ import annotations

import os
import uuid
from typing import Any, Iterable, Optional, Sequence, Union

from attrs import frozen

from .corpus import batches, record_for
from .errors import InternalError
from .inputs import Input, InputRef, iter_inputs
from .outputs import ParquetWriter
from .records import error_record

__all__ = ["parse_on_dask", "DaskSummary", "FailedPartition", "part_name", "DEFAULT_PARTITION_SIZE"]

DEFAULT_PARTITION_SIZE = 2000


def part_name(index: int) -> str:
    """The file name of partition ``index``'s part: ``part-00000.parquet``."""
    return f"part-{index:05d}.parquet"


@frozen
class FailedPartition:
    """A partition whose task failed twice: its part file is missing."""

    index: int
    inputs: int
    first_source: str
    last_source: str
    error: str


@frozen
class DaskSummary:
    """What :func:`parse_on_dask` did. ``records == inputs`` and no ``failed`` partition: complete."""

    out_dir: str
    inputs: int
    records: int
    errors: int
    parts: int
    failed: tuple[FailedPartition, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed and self.records == self.inputs


def _parse_partition(refs: list, out_path: str, parse_options: dict) -> dict:
    """The task: parse ``refs`` in order into the Parquet part ``out_path``; return the counts."""
    tmp = f"{out_path}.{uuid.uuid4().hex}.tmp"  # unique: a retry never writes over a live attempt
    records = errors = 0
    try:
        with ParquetWriter(tmp) as writer:
            for ref in refs:
                try:
                    rec = record_for(ref, flat=True, **parse_options)
                except Exception as exc:  # record_for does not raise; a plugin's odd exception still gets a record
                    rec = error_record(InternalError(f"{type(exc).__name__} was raised while parsing it: {exc}", source=ref.source), source=ref.source, flat=True)
                writer.write(rec)
                records += 1
                errors += rec.get("error") is not None
        os.replace(tmp, out_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {"records": records, "errors": errors}


def parse_on_dask(
    inputs: Union[Input, Iterable[Input]],
    out_dir: Union[str, os.PathLike],
    *,
    client: Any = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    flat: bool = True,
    glob: Union[str, Sequence[str], None] = None,
    max_in_flight: Optional[int] = None,
    **parse_options: Any,
) -> DaskSummary:
    """Parse ``inputs`` on a Dask cluster into ``out_dir/part-NNNNN.parquet`` (see the module docstring).

    ``client``: a ``dask.distributed.Client``; ``None`` starts a ``LocalCluster`` for the call.
    ``partition_size``: inputs per task and per part. ``flat`` must be true (Parquet rows are flat
    records). ``glob`` and ``parse_options`` as for :func:`gkparse.corpus.iter_records`.
    ``max_in_flight``: partitions submitted at once (default: 2 × the cluster's threads, at least 4).
    ``out_dir`` is created; it must not already hold part files (they would mix with this run's).
    """
    if not flat:
        raise ValueError("parse_on_dask writes Parquet parts, whose rows are flat records: flat must be True")
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    out = os.fspath(out_dir)
    os.makedirs(out, exist_ok=True)
    stale = sorted(n for n in os.listdir(out) if n.startswith("part-") and n.endswith(".parquet"))
    if stale:
        raise FileExistsError(f"{out} already holds part files ({stale[0]}, ...): use an empty directory")
    if client is not None:
        return _run(client, inputs, out, partition_size, glob, max_in_flight, parse_options)
    from dask.distributed import Client, LocalCluster

    with LocalCluster() as cluster, Client(cluster) as local:
        return _run(local, inputs, out, partition_size, glob, max_in_flight, parse_options)


def _run(client, inputs, out: str, size: int, glob, max_in_flight: Optional[int], parse_options: dict) -> DaskSummary:
    from dask.distributed import as_completed

    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = max(4, 2 * threads)
    token = uuid.uuid4().hex[:8]
    pending = {}  # future -> (index, refs summary)
    running = as_completed()
    inputs_n = records = errors = parts = 0
    failed: list[FailedPartition] = []

    def collect(fut) -> None:
        nonlocal records, errors, parts
        index, n, first, last = pending.pop(fut)
        if fut.status == "finished":
            counts = fut.result()
            records += counts["records"]
            errors += counts["errors"]
            parts += 1
        else:
            try:
                exc = fut.exception()
                message = f"{type(exc).__name__}: {exc}"
            except Exception as e:  # cancelled, lost
                message = f"{type(e).__name__}: {e}"
            failed.append(FailedPartition(index, n, first, last, message))
        fut.release()

    for index, refs in enumerate(batches(iter_inputs(inputs, glob=glob), size)):
        while len(pending) >= max_in_flight:
            collect(next(running))
        inputs_n += len(refs)
        fut = client.submit(
            _parse_partition,
            refs,
            os.path.join(out, part_name(index)),
            parse_options,
            key=f"gkparse-part-{index:05d}-{token}",
            retries=1,
            pure=False,
        )
        pending[fut] = (index, len(refs), refs[0].source, refs[-1].source)
        running.add(fut)
    while pending:
        collect(next(running))
    failed.sort(key=lambda f: f.index)
    return DaskSummary(out_dir=out, inputs=inputs_n, records=records, errors=errors, parts=parts, failed=tuple(failed))
