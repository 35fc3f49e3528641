"""Batch parsing: any number of inputs → one record per document, in input order, on all cores.

::

    from gkparse.corpus import iter_records, parse_corpus

    for rec in iter_records(["crawl/", "more.zip", "site.warc.gz"], jobs=8):
        ...                                     # one record per document, in input order
    summary = parse_corpus(["crawl/"], "out.parquet", jobs=8)   # or .jsonl / .csv

**Inputs** are expanded lazily by :func:`gkparse.inputs.iter_inputs` (files, directories, globs,
zip members, WARC/ARC records). Every document yields exactly one record (:mod:`gkparse.records`): a
report, or an error record naming the document and what was wrong. An unreadable archive, a bad
crawl record, an empty directory: one error record each. Nothing is skipped silently, and one bad
document never stops the run.

**Parallelism.** With ``jobs > 1`` the documents are parsed by ``jobs`` worker processes (see
:class:`_Pool`; started with ``fork`` on Linux when the calling process has no other thread, else
``forkserver`` — a threaded process is never forked — or ``spawn``). Workers receive
:class:`~gkparse.inputs.InputRef` objects — paths, and the member name or record offset inside an
archive — and read the bytes themselves; they load the plugins once each (the per-process
:func:`gkparse.plugins.default_host`) and send back JSON-ready records. Documents go out in chunks of
``chunk_size`` (fewer round trips), and at most ``2 × jobs`` chunks are in flight: the reorder buffer
that restores input order holds at most ``2 × jobs × chunk_size`` records, so memory stays constant
however large the corpus. A run that fits in one chunk is parsed in the calling process: starting
workers would cost more than it saves.

**A worker that dies** (killed by the OOM killer or by hand, a crash in native code) costs nothing
but time: the other workers carry on, a fresh worker takes its place, and each document of the chunk
it had is parsed again, alone, so innocent documents get their real records. A document that kills
its worker again, twice, when parsed alone gets an ``InternalError`` record saying so, and the run
goes on. With ``jobs=1`` everything runs in the calling process (what a debugger wants), without that
protection.

**Determinism.** The records do not depend on ``jobs`` or ``chunk_size``: the output of ``--jobs 1``
and ``--jobs N`` is byte-identical.

**Stopping.** ``stop`` (a callable returning ``True``, or a :class:`threading.Event`) is polled
between documents: the run stops submitting work, yields the records that are complete in input
order, and ends (``Summary.interrupted``). The CLI sets it on Ctrl-C, so the output file is valid and
complete so far. A ``KeyboardInterrupt`` raised inside the iterator stops the workers and propagates.
"""

from __future__ import annotations

import collections
import contextlib
import inspect
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from attrs import field, frozen

from .errors import GkparseError, InternalError
from .inputs import Input, InputRef, iter_inputs, read_input
from .outputs import format_for_path, open_writer
from .pipeline import parse
from .plugins import PluginHost, default_host
from .records import error_record, report_record

__all__ = ["iter_records", "parse_corpus", "record_for", "Summary", "Progress", "WorkerStartError", "default_jobs", "DEFAULT_CHUNK_SIZE"]

DEFAULT_CHUNK_SIZE = 8
Stop = Union[Callable[[], bool], threading.Event, None]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------------------------------ one document


def record_for(ref: InputRef, *, flat: bool = True, host: Optional[PluginHost] = None, **parse_options: Any) -> dict:
    """The record of one input ref: read it, parse it, and never raise."""
    try:
        source, http_charset = read_input(ref)
        report = parse(source, name=ref.source, host=host, http_charset=http_charset, **parse_options)
    except GkparseError as exc:
        return error_record(exc, source=ref.source, flat=flat)
    except Exception as exc:  # a bug outside the pipeline (reading an archive): still one record
        return error_record(InternalError(f"unexpected {type(exc).__name__}: {exc}", source=ref.source), source=ref.source, flat=flat)
    return report_record(report, source=ref.source, flat=flat)


def _crash_record(ref: InputRef, flat: bool) -> dict:
    return _failed_record(
        ref,
        flat,
        "the worker process parsing it died (killed by a signal, out of memory, or a crash in native code), "
        "also each time it was parsed again alone; no record could be made",
    )


@frozen
class _Options:
    flat: bool
    parse_options: tuple = ()


_WORKER: dict = {}


def _init_worker(options: _Options) -> None:
    # Ctrl-C reaches the whole process group: the parent decides what to do, workers carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["options"] = options
    default_host()  # load the plugins once per worker (forked workers inherit the parent's)


def _work(chunk: list) -> list:
    options: _Options = _WORKER["options"]
    kw = dict(options.parse_options)
    out = []
    for ref in chunk:
        try:
            out.append(record_for(ref, flat=options.flat, **kw))
        except BaseException as exc:  # SystemExit from a plugin: the worker must not leave silently
            out.append(_failed_record(ref, options.flat, f"{type(exc).__name__} was raised while parsing it: {exc}"))
    return out


def _failed_record(ref: InputRef, flat: bool, message: str) -> dict:
    return error_record(InternalError(message, source=ref.source), source=ref.source, flat=flat)


def _worker_main(conn, options: _Options, inherited: tuple = ()) -> None:
    """A worker process: say ready, then parse each chunk received and send its records back,
    until told to stop (``None``), or the parent goes away. ``inherited``: the parent's ends of
    the other workers' pipes, which a forked child holds copies of; closed at once, so that only
    the parent keeps them (a worker must see the end of its pipe when the parent dies)."""
    for other in inherited:
        with contextlib.suppress(Exception):
            other.close()
    parent = multiprocessing.parent_process()
    try:
        _init_worker(options)
        conn.send("ready")
        while True:
            if parent is not None:
                multiprocessing.connection.wait([conn, parent.sentinel])
                if not conn.poll():  # the parent died: nobody will read our work
                    return
            chunk = conn.recv()
            if chunk is None:
                return
            conn.send(_work(chunk))
    except (EOFError, OSError, KeyboardInterrupt):
        return


# ------------------------------------------------------------------------------------------ the pool


def _mp_context():
    """``fork`` on Linux when this process has no other thread (the CLI, most scripts): workers
    start in milliseconds with gkparse already imported (and warm), and the main module is not
    imported again. ``forkserver`` when other threads run (a Jupyter kernel): forking them is
    unsafe. ``spawn`` elsewhere (macOS, Windows)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["gkparse.corpus"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows, macOS without forkserver


class WorkerStartError(RuntimeError):
    """Worker processes cannot start (not a document's fault: the records would all be wrong)."""


class _Slot:
    """A chunk of consecutive documents, and their records once parsed. ``alone``: a single
    document parsed again by itself after a worker died with it in hand."""

    __slots__ = ("refs", "results", "alone", "deaths")

    def __init__(self, refs: list, *, alone: bool = False) -> None:
        self.refs, self.results, self.alone, self.deaths = refs, None, alone, 0


class _Worker:
    __slots__ = ("process", "conn", "slot")

    def __init__(self, process, conn) -> None:
        self.process, self.conn, self.slot = process, conn, None


class _Pool:
    """Worker processes, each with its own duplex pipe.

    Why not :class:`concurrent.futures.ProcessPoolExecutor`: when a worker dies while sending its
    results, the executor's manager thread waits forever for the rest of the message (the parent
    holds the pipe's other end), and a death breaks the whole pool. Here the parent closes its copy
    of each worker's end, so a worker's death is an end-of-file on its own pipe, never a hang; and
    the parent knows exactly which chunk the dead worker had. The parent runs no thread.
    """

    def __init__(self, jobs: int, options: _Options) -> None:
        self.options = options
        self.ctx = _mp_context()
        self.workers: list[_Worker] = []
        self.workers.extend(self._start(jobs))

    def _start(self, n: int) -> list[_Worker]:
        default_host()  # loaded once here: forked workers inherit it
        for stream in (sys.stdout, sys.stderr):  # a forked child flushes its copies when it exits
            with contextlib.suppress(Exception):
                stream.flush()
        new = []
        forked = self.ctx.get_start_method() == "fork"
        for _ in range(n):
            parent_end, child_end = self.ctx.Pipe(duplex=True)
            inherited = tuple(w.conn for w in (*self.workers, *new)) + (parent_end,) if forked else ()
            p = self.ctx.Process(target=_worker_main, args=(child_end, self.options, inherited), name="gkparse-worker", daemon=True)
            p.start()
            child_end.close()
            new.append(_Worker(p, parent_end))
        for w in new:
            try:
                ready = w.conn.recv() == "ready"
            except (EOFError, OSError):
                ready = False
            if not ready:
                for x in new:
                    self._end(x, kill=True)
                raise WorkerStartError(
                    "gkparse could not start its worker processes. When other threads run in the calling "
                    "process, workers are started afresh and import its main module: a script must then keep "
                    "its top-level code under `if __name__ == \"__main__\":` and cannot be read from stdin. "
                    "Or use jobs=1."
                )
        return new

    def replace(self, w: _Worker) -> _Worker:
        self._end(w, kill=True)
        (fresh,) = self._start(1)
        self.workers[self.workers.index(w)] = fresh
        return fresh

    def send(self, w: _Worker, slot: _Slot) -> bool:
        try:
            w.conn.send(slot.refs)
        except (OSError, EOFError):  # it died while idle
            return False
        w.slot = slot
        return True

    @staticmethod
    def _end(w: _Worker, *, kill: bool) -> None:
        if kill:
            with contextlib.suppress(Exception):
                w.process.kill()
        else:
            with contextlib.suppress(Exception):
                w.conn.send(None)
        with contextlib.suppress(Exception):
            w.process.join(None if kill else 5)
        if w.process.is_alive():
            with contextlib.suppress(Exception):
                w.process.kill()
                w.process.join()
        with contextlib.suppress(Exception):
            w.conn.close()

    def close(self, *, abort: bool) -> None:
        for w in self.workers:
            self._end(w, kill=abort or w.slot is not None)
        self.workers = []


def _stopped(stop: Stop) -> bool:
    if stop is None:
        return False
    return stop.is_set() if isinstance(stop, threading.Event) else bool(stop())


class _Run:
    """The state of one batch: whether it was stopped before the end."""

    def __init__(self) -> None:
        self.interrupted = False


def batches(refs: Iterable[InputRef], size: int) -> Iterator[list[InputRef]]:
    """``refs`` in lists of ``size`` (the last may be shorter), drawn lazily: a worker's task here,
    a Dask partition in :mod:`gkparse.distributed`."""
    batch: list[InputRef] = []
    for ref in refs:
        batch.append(ref)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _sequential(refs: Iterable[InputRef], options: _Options, host: Optional[PluginHost], stop: Stop, run: _Run) -> Iterator[dict]:
    kw = dict(options.parse_options)
    for ref in refs:
        if _stopped(stop):
            run.interrupted = True
            return
        yield record_for(ref, flat=options.flat, host=host, **kw)


def _parallel(refs: Iterator[InputRef], jobs: int, chunk_size: int, options: _Options, stop: Stop, run: _Run) -> Iterator[dict]:
    """Chunks out to the workers, records back in input order (a window of ``2 × jobs`` chunks)."""
    pool = _Pool(jobs, options)
    window: collections.deque = collections.deque()  # slots in input order, until yielded
    queue: collections.deque = collections.deque()  # slots not yet sent to a worker
    chunks = batches(refs, chunk_size)
    exhausted = False
    aborted = True
    try:
        while True:
            stopped = _stopped(stop)
            while not exhausted and not stopped and len(window) < 2 * jobs:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    slot = _Slot(chunk)
                    window.append(slot)
                    queue.append(slot)
            for w in list(pool.workers):
                if stopped or not queue:
                    break
                if w.slot is None and not pool.send(w, queue[0]):
                    pool.replace(w)  # died while idle: its next chunk is not to blame
                    continue
                if w.slot is queue[0]:
                    queue.popleft()
            while window and window[0].results is not None:
                yield from window.popleft().results
                if _stopped(stop):
                    stopped = True
                    break
            if stopped:
                break
            if not window:
                if exhausted:
                    aborted = False
                    return
                continue
            busy = [w for w in pool.workers if w.slot is not None]
            if not busy:
                continue
            ready = multiprocessing.connection.wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=None if stop is None else 0.1
            )
            for w in busy:
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                slot = w.slot
                try:
                    slot.results = w.conn.recv()
                    w.slot = None
                except (EOFError, OSError):  # it died with the chunk in hand
                    w.slot = None
                    pool.replace(w)
                    _retry_alone(slot, window, queue, options.flat)
        run.interrupted = True
    finally:
        if aborted:
            run.interrupted = True
        pool.close(abort=aborted)


def _retry_alone(slot: _Slot, window: collections.deque, queue: collections.deque, flat: bool) -> None:
    """The documents of a chunk whose worker died: each is parsed again alone. A document that
    kills its worker twice more, alone, gets an error record saying so (twice: a worker killed
    from outside while it happened to hold the document does not condemn it)."""
    if slot.alone:
        slot.deaths += 1
        if slot.deaths >= 2:
            slot.results = [_crash_record(slot.refs[0], flat)]
        else:
            queue.appendleft(slot)
        return
    singles = [_Slot([ref], alone=True) for ref in slot.refs]
    i = window.index(slot)
    window.remove(slot)
    for k, single in enumerate(singles):
        window.insert(i + k, single)
    queue.extendleft(reversed(singles))


# ------------------------------------------------------------------------------------------ the batch API


def _check_parse_options(parse_options: dict) -> tuple:
    """Fail at once (``TypeError``) for an option :func:`gkparse.parse` does not take."""
    for reserved in ("name", "http_charset", "host"):
        if reserved in parse_options:
            raise TypeError(f"{reserved}= is set per document by the batch API; it cannot be given")
    inspect.signature(parse).bind("", **parse_options)
    return tuple(sorted(parse_options.items()))


def _records(
    inputs: Union[Input, Iterable[Input]],
    *,
    flat: bool,
    jobs: Optional[int],
    glob: Union[str, Sequence[str], None],
    host: Optional[PluginHost],
    chunk_size: int,
    stop: Stop,
    parse_options: dict,
    run: _Run,
) -> Iterator[dict]:
    options = _Options(flat=flat, parse_options=_check_parse_options(parse_options))
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    if host is not None and jobs > 1:
        raise ValueError("host= cannot be sent to worker processes: use jobs=1, or install the plugins as entry points")
    refs = iter_inputs(inputs, glob=glob)
    if jobs == 1:
        return _sequential(refs, options, host, stop, run)
    head = []
    for ref in refs:
        head.append(ref)
        if len(head) > chunk_size:
            break
    if len(head) <= chunk_size:  # one chunk: not worth starting workers
        return _sequential(head, options, None, stop, run)
    return _parallel(_prepend(head, refs), jobs, chunk_size, options, stop, run)


def _prepend(head: list, rest: Iterator[InputRef]) -> Iterator[InputRef]:
    yield from head
    yield from rest


def iter_records(
    inputs: Union[Input, Iterable[Input]],
    *,
    flat: bool = True,
    jobs: Optional[int] = 1,
    glob: Union[str, Sequence[str], None] = None,
    host: Optional[PluginHost] = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    stop: Stop = None,
    **parse_options: Any,
) -> Iterator[dict]:
    """Parse every document of ``inputs`` and yield one record per document, in input order.

    :param inputs: a path (``str`` or ``os.PathLike``: a ``str`` is a *path* here), or an iterable of
        paths and :class:`~gkparse.inputs.InputRef`; directories, globs, ``.zip`` and WARC/ARC files
        are expanded (:mod:`gkparse.inputs`).
    :param flat: records with the flat ``fields`` of ``fields.md`` (default), or the structured
        ``report``.
    :param jobs: worker processes; ``1`` (default) parses in this process, ``None`` or ``0`` uses
        every core.
    :param glob: pattern(s) selecting the files of directories and the members of zip archives.
    :param host: the plugins (``jobs=1`` only; workers use the installed plugins).
    :param chunk_size: documents per task sent to a worker.
    :param stop: polled between documents; when true, the records complete so far are yielded and
        the iteration ends.
    :param parse_options: passed on to :func:`gkparse.parse` (checked at once: an unknown option is
        a ``TypeError`` before anything runs).
    """
    return _records(
        inputs, flat=flat, jobs=jobs, glob=glob, host=host, chunk_size=chunk_size, stop=stop, parse_options=parse_options, run=_Run()
    )


@frozen(kw_only=True)
class Summary:
    """What :func:`parse_corpus` did."""

    output: str
    format: str
    records: int
    parsed: int
    errors: int
    error_types: dict = field(factory=dict, hash=False)
    interrupted: bool = False
    seconds: float = 0.0


class Progress:
    """A one-line progress display (documents, documents per second, errors), redrawn in place
    with ``\\r`` at most ten times a second. Hand-written: no dependency."""

    def __init__(self, stream: IO[str] = sys.stderr, *, interval: float = 0.1) -> None:
        self.stream, self.interval = stream, interval
        self.start = time.monotonic()
        self.done = self.errors = 0
        self._last = 0.0
        self._width = 0

    def update(self, record: dict) -> None:
        self.done += 1
        self.errors += record.get("error") is not None
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        m, s = divmod(int(elapsed), 60)
        h, m = divmod(m, 60)
        line = f"gkparse: {self.done:,} documents  {self.done / elapsed:,.1f} docs/s  {self.errors:,} errors  {h}:{m:02d}:{s:02d}"
        pad = max(0, self._width - len(line))
        self._width = len(line)
        with contextlib.suppress(OSError, ValueError):
            self.stream.write("\r" + line + " " * pad)
            self.stream.flush()

    def close(self) -> None:
        self._draw(time.monotonic())
        with contextlib.suppress(OSError, ValueError):
            self.stream.write("\n")
            self.stream.flush()


def _make_progress(progress: Union[bool, None, Progress]) -> Optional[Progress]:
    if isinstance(progress, Progress):
        return progress
    if progress is None:
        progress = bool(getattr(sys.stderr, "isatty", lambda: False)())
    return Progress(sys.stderr) if progress else None


def parse_corpus(
    inputs: Union[Input, Iterable[Input]],
    output: Union[str, os.PathLike, IO, None],
    *,
    format: Optional[str] = None,
    flat: bool = True,
    jobs: Optional[int] = None,
    glob: Union[str, Sequence[str], None] = None,
    progress: Union[bool, None, Progress] = None,
    stop: Stop = None,
    on_record: Optional[Callable[[dict], None]] = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    **parse_options: Any,
) -> Summary:
    """Parse ``inputs`` and write their records to ``output``; return a :class:`Summary`.

    :param output: a path, an open file (text for JSONL/CSV, binary for Parquet), or ``None``
        for stdout.
    :param format: ``jsonl``, ``csv`` or ``parquet`` (default: from ``output``'s extension, else
        ``jsonl``); see :mod:`gkparse.outputs`. CSV and Parquet rows are always flat.
    :param jobs: worker processes (default: every core).
    :param progress: a progress line on stderr: ``None`` (default) when stderr is a terminal.
    :param on_record: called with every record after it is written.
    Other parameters as for :func:`iter_records`. The file is complete and valid when this returns,
    also when ``stop`` ended the run early or an exception escaped.
    """
    fmt = format or format_for_path(output) or "jsonl"
    flat = flat or fmt != "jsonl"
    run = _Run()
    records = _records(
        inputs, flat=flat, jobs=jobs, glob=glob, host=None, chunk_size=chunk_size, stop=stop, parse_options=parse_options, run=run
    )
    bar = _make_progress(progress)
    started = time.monotonic()
    n = errors = 0
    types: collections.Counter = collections.Counter()
    try:
        with open_writer(output, fmt) as writer:
            for rec in records:
                writer.write(rec)
                n += 1
                if rec["error"] is not None:
                    errors += 1
                    types[rec["error"]["type"]] += 1
                if bar is not None:
                    bar.update(rec)
                if on_record is not None:
                    on_record(rec)
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
        if bar is not None:
            bar.close()
    label = "<stdout>" if output is None else os.fspath(output) if isinstance(output, (str, os.PathLike)) else getattr(output, "name", repr(output))
    return Summary(
        output=str(label),
        format=fmt,
        records=n,
        parsed=n - errors,
        errors=errors,
        error_types=dict(sorted(types.items())),
        interrupted=run.interrupted,
        seconds=time.monotonic() - started,
    )
