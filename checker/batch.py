"""A batch on every core: worker processes check one file at a time; results come back in input order.

``check_all(files, ...)`` yields one ``PlanResult`` per file, in the order of ``files``, identical to checking them
one by one in this process. With ``jobs`` workers (``-j N``), each worker holds the loaded rule packs (inherited
when the platform forks, else pickled once) and gets the next file as soon as it is free, so a slow file never
holds up the others. A file that takes longer than ``timeout`` seconds is reported once as too slow to check (an
``unreadable`` result with a one-line reason) and its worker is killed and replaced (a scan whose pages are read by OCR
gets the time its pages may take on top: its worker says so before it starts them); a worker that dies (out of
memory, a crash in a C library) costs only its file, reported the same way. The batch always goes on. A batch of
one text file is checked in this process, its time limit kept by a timer signal (``_alone``): no worker to start.

Each worker holds two files at a time, the one it checks and the next (``AHEAD``): it starts the next as soon as it
has sent a result, never waiting for the parent to read that result and answer (on a loaded machine the parent may
not run again for tens of milliseconds). Results are small (a few kilobytes: findings and per-plan facts, no
text of the plan). Only a handful of results wait in memory: those that finished before an earlier, slower file.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.i18n import msg
from checker.ingest import Limits, extra_seconds
from checker.models import PlanResult
from checker.pipeline import check_file
from checker.rules.loader import LoadedGeneral, LoadedPack

if TYPE_CHECKING:  # multiprocessing is imported by the pool only: a batch of one text file never starts one
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

AHEAD = 2  # files handed to a worker at once: the one it checks and the next
MORE_TIME = "more time"  # a worker's message: the file it checks needs this many seconds more (OCR of a scan)
ALONE = (".txt", ".md")  # a batch of one such file is checked in this process (``_alone``)


def cores() -> int:
    """The cores this process may run on (``-j`` default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    packs: list[LoadedPack]
    limits: Limits | None
    lang: str
    round_pack: LoadedPack | None = None
    general: LoadedGeneral | None = None  # the general checks of any administrative document
    strict: bool = False


def check_all(files: Iterable[Path], packs: list[LoadedPack], limits: Limits | None = None, lang: str = "vi",
              jobs: int = 1, timeout: float | None = None, round_pack: LoadedPack | None = None,
              general: LoadedGeneral | None = None, strict: bool = False,
              start_method: str | None = None) -> Iterator[PlanResult]:
    """Every file's result in input order. ``jobs=1`` without ``timeout`` checks in this process; otherwise
    ``jobs`` worker processes (at least one, so a time limit can always be enforced by killing the worker), started
    as ``start_method`` says (default: forked where the platform can; a threaded server asks for "forkserver")."""
    job = Job(packs, limits, lang, round_pack, general, strict)
    if jobs <= 1 and not timeout:
        for f in files:
            yield check_file(f, packs, limits, lang, round_pack, general, strict)
        return
    files = list(files)
    if _alone(files, start_method):
        yield _in_process(files[0], job, timeout or None)
        return
    pool = _Pool(job, max(1, jobs), timeout or None, start_method)
    try:
        yield from pool.run(files)
    finally:
        pool.close()


def _alone(files: list[Path], start_method: str | None) -> bool:
    """One text file (no converter, no OCR: nothing but Python runs), a command's main thread and no timer of
    anyone else's: checked in this process, its time limit kept by a timer signal. A worker process would cost its
    fork and the copying of the memory it touches (about a fifth of a one-plan run) for nothing to run beside it."""
    return (len(files) == 1 and files[0].suffix.lower() in ALONE and start_method is None
            and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


class _TooSlow(BaseException):
    """The timer went off (a BaseException: no ``except Exception`` of a stage takes it for its own)."""


def _in_process(path: Path, job: Job, timeout: float | None) -> PlanResult:
    """``path``'s result, checked in this process, as a worker would send it: over ``timeout`` seconds it is
    reported too slow; an exception reported as a worker's death is (its traceback on stderr, as a worker's)."""
    running = True

    def expire(signum: int, frame: object) -> None:
        if running:
            raise _TooSlow

    before = signal.signal(signal.SIGALRM, expire)
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    reason = "status.unreadable.crashed"
    try:
        result = check_file(path, job.packs, job.limits, job.lang, job.round_pack, job.general, job.strict)
        running = False
        return result
    except _TooSlow:
        reason = "status.unreadable.too_slow"
    except Exception:
        traceback.print_exc()
    finally:
        running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    limit = f"{timeout:g}" if timeout else ""
    return PlanResult(path=str(path), status="unreadable", reason=f"{path}: " + msg(reason, job.lang, seconds=limit))


def _worker(conn: Connection, job: Job) -> None:
    """In a worker process: check each file sent until ``None`` comes; send back ``(index, result)``."""
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        k, path = task
        if path.suffix.lower() == ".pdf":  # only a PDF's scanned pages are read by OCR (checker.ingest.pdf)
            from checker.ingest import ocr  # imported only for a PDF: a batch of text plans never pays for it

            ocr.announce = lambda seconds, k=k: conn.send((MORE_TIME, k, seconds))  # a scan read by OCR: more time
        conn.send((k, check_file(path, job.packs, job.limits, job.lang, job.round_pack, job.general, job.strict)))


def _context(method: str | None = None) -> Any:  # a multiprocessing context (typeshed's BaseContext has no Process)
    """``method``, else fork where the platform can (workers inherit the loaded packs for free), else spawn. A
    process with threads must not fork (a lock another thread holds stays held in the child): it asks for a fork
    server, a single-threaded process the workers are forked from."""
    import multiprocessing as mp

    if method is None or method not in mp.get_all_start_methods():
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


@dataclass
class _Worker:
    proc: BaseProcess
    conn: Connection
    tasks: deque[tuple[int, Path]] = field(default_factory=deque)  # sent, in the order the worker checks them
    deadline: float = 0.0  # for the first of ``tasks``: it started when the result before it came back


class _Pool:
    def __init__(self, job: Job, jobs: int, timeout: float | None, start_method: str | None = None) -> None:
        self.job = job
        self.jobs = jobs
        self.timeout = timeout
        self.ctx = _context(start_method)
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, self.job), daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self.workers.append(w)
        return w

    def _stop(self, w: _Worker) -> None:
        self.workers.remove(w)
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join()
        w.conn.close()

    def close(self) -> None:
        for w in list(self.workers):
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in list(self.workers):
            w.proc.join(timeout=1)
            self._stop(w)

    def _deadline(self, path: Path) -> float:
        """When a file started now runs over: ``timeout``, plus a LibreOffice conversion's own limit for a file read
        through one (``ingest.extra_seconds``), so that the conversion is stopped by its limit, not by the worker's
        death (which would leave LibreOffice running)."""
        return time.monotonic() + (self.timeout or 0) + extra_seconds(path)

    def _give(self, w: _Worker, todo: deque[tuple[int, Path]]) -> None:
        """Files for ``w``: one, and a next one (up to ``AHEAD``) while files remain for every worker (the last
        files go one at a time, to whichever worker is free); the first one's time starts now if it had none."""
        while todo and (not w.tasks or (len(w.tasks) < AHEAD and len(todo) >= self.jobs)):
            task = todo.popleft()
            if not w.tasks:
                w.deadline = self._deadline(task[1])
            w.tasks.append(task)
            try:
                w.conn.send(task)
            except OSError:  # the worker died: reading from it says so (``_failed`` hands its files on)
                return

    def _failed(self, w: _Worker, reason_key: str, todo: deque[tuple[int, Path]]) -> tuple[int, PlanResult]:
        """The file ``w`` was checking reported as not checked; the worker replaced; the files it held but had not
        started go back to the front of ``todo``, in their order."""
        k, path = w.tasks.popleft()
        todo.extendleft(reversed(w.tasks))
        w.tasks.clear()
        limit = f"{self.timeout:g}" if self.timeout else ""
        result = PlanResult(path=str(path), status="unreadable",
                            reason=f"{path}: " + msg(reason_key, self.job.lang, seconds=limit))
        self._stop(w)
        if todo:
            self._give(self._start(), todo)
        return k, result

    def run(self, files: list[Path]) -> Iterator[PlanResult]:
        from multiprocessing.connection import wait

        todo: deque[tuple[int, Path]] = deque(enumerate(files))
        done: dict[int, PlanResult] = {}
        nxt = 0
        for _ in range(min(self.jobs, len(files))):
            self._give(self._start(), todo)
        while nxt < len(files):
            busy = [w for w in self.workers if w.tasks]
            wait_for = None
            if self.timeout:
                wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for w in busy:
                if w.conn in ready:
                    try:
                        got = w.conn.recv()
                    except (EOFError, OSError):
                        k, result = self._failed(w, "status.unreadable.crashed", todo)
                        done[k] = result
                        continue
                    if got[0] == MORE_TIME:  # the file being checked is a scan, its pages read by OCR
                        w.deadline += got[2]
                        continue
                    k, result = got
                    assert k == w.tasks[0][0]
                    w.tasks.popleft()
                    if w.tasks:  # the next one started as this came back
                        w.deadline = self._deadline(w.tasks[0][1])
                    done[k] = result
                    self._give(w, todo)
                elif self.timeout and time.monotonic() >= w.deadline:
                    k, result = self._failed(w, "status.unreadable.too_slow", todo)
                    done[k] = result
            while nxt in done:
                yield done.pop(nxt)
                nxt += 1
