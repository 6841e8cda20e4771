"""Batches on every core: results in input order and identical to a serial run; a file over the time limit or a
worker that dies costs only that file; reports streamed plan by plan are the same bytes as rendered whole; the
progress bar shows on a terminal only."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from checker import batch
from checker.models import PlanResult
from checker.pipeline import check_paths, discover
from checker.report import FORMATS, json_report
from checker.rules.loader import LoadedPack

FILES = sorted(discover([ROOT / "plans", ROOT / "tests" / "fixtures" / "plans"]))
forking = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                             reason="the patched worker is inherited only where processes fork")


def dumps(results: list[PlanResult]) -> list[str]:
    return [r.model_dump_json() for r in results]


def test_parallel_equals_serial_in_input_order(pack: LoadedPack) -> None:
    serial = list(batch.check_all(FILES, [pack]))
    parallel = list(batch.check_all(FILES, [pack], jobs=3, timeout=60))
    assert [r.path for r in parallel] == [str(f) for f in FILES]
    assert dumps(parallel) == dumps(serial)
    assert any(r.findings for r in serial)


def _slow_or_dying(path: Path, *args: object) -> PlanResult:
    if "slow" in path.name:
        time.sleep(30)
    if "dies" in path.name:
        os._exit(3)
    return PlanResult(path=str(path), status="checked")


@forking
@pytest.mark.parametrize("jobs", [1, 2])
def test_slow_file_is_reported_once_and_the_batch_goes_on(jobs: int, pack: LoadedPack, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "check_file", _slow_or_dying)
    names = ["a.txt", "slow.txt", "b.txt", "dies.txt", "c.txt", "d.txt"]
    started = time.monotonic()
    results = list(batch.check_all([tmp_path / n for n in names], [pack], jobs=jobs, timeout=1))
    assert time.monotonic() - started < 20  # the slow worker was killed, not waited for
    assert [Path(r.path).name for r in results] == names
    by = {Path(r.path).name: r for r in results}
    assert by["slow.txt"].status == "unreadable" and "quá 1 giây" in (by["slow.txt"].reason or "")
    assert "\n" not in (by["slow.txt"].reason or "")
    assert by["dies.txt"].status == "unreadable" and "dừng đột ngột" in (by["dies.txt"].reason or "")
    assert all(by[n].status == "checked" for n in ("a.txt", "b.txt", "c.txt", "d.txt"))


def _raising(path: Path, *args: object) -> PlanResult:
    raise ValueError("a bug")


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time limit of one file is a timer signal")
def test_one_text_file_is_checked_in_this_process(pack: LoadedPack, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of one text file starts no worker (round 24d: its fork and the memory it copies were a fifth of a
    one-plan run): the same result as serial; over the time limit reported too slow, an exception as a worker's
    death, as a worker's would be; the timer signal left as it was."""
    plan = next(f for f in FILES if f.suffix == ".txt")
    serial = dumps(list(batch.check_all([plan], [pack])))
    monkeypatch.setattr(batch, "_Pool", None)  # a worker started would fail the test
    assert dumps(list(batch.check_all([plan], [pack], jobs=2, timeout=60))) == serial
    monkeypatch.setattr(batch, "check_file", _slow_or_dying)
    started = time.monotonic()
    [slow] = batch.check_all([tmp_path / "slow.txt"], [pack], timeout=0.5)
    assert time.monotonic() - started < 20
    assert slow.status == "unreadable" and "quá 0.5 giây" in (slow.reason or "")
    monkeypatch.setattr(batch, "check_file", _raising)
    [crashed] = batch.check_all([tmp_path / "a.txt"], [pack], timeout=5)
    assert crashed.status == "unreadable" and "dừng đột ngột" in (crashed.reason or "")
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_command_parallel_output_equals_serial(tmp_path: Path) -> None:
    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "checker", *map(str, FILES), "--format", "json", *args],
                              capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert done.returncode == 1 and done.stderr == "", done.stderr
        return done.stdout

    assert run("-j", "1") == run("-j", "2") == run("-j", "1", "--timeout", "0")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_streamed_report_is_the_whole_report(fmt: str, pack: LoadedPack) -> None:
    report = check_paths(FILES, [pack])
    text = FORMATS[fmt](report)
    if fmt == "json":  # the writer lays the document out exactly as json.dumps of the whole would
        assert text == json.dumps(json_report.as_dict(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        assert len(run["results"]) == sum(len(p.findings) for p in report.plans)
        assert {r["ruleId"] for r in run["results"]} <= {r["id"] for r in run["tool"]["driver"]["rules"]}
    if fmt == "junit":
        assert text.count("<testsuite ") == len(report.plans)


def _with_terminal(args: list[str], cwd: Path) -> str:
    """stderr of ``check ARGS`` when stderr is a terminal (a pseudo-terminal), stdout to a pipe."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.communicate(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_bar_on_a_terminal_only_for_long_batches(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (ROOT / "plans" / "phuong-hai-an-dat.txt").read_text(encoding="utf-8")
    for k in range(25):
        (plans / f"p{k:02d}.txt").write_text(text, encoding="utf-8")
    assert "Đang kiểm tra" in _with_terminal([str(plans), "--format", "json"], tmp_path)
    assert "Đang kiểm tra" not in _with_terminal([str(plans), "--format", "json", "--quiet"], tmp_path)
    assert "Đang kiểm tra" not in _with_terminal([str(plans / "p00.txt"), "--format", "json"], tmp_path)
