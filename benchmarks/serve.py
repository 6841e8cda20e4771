"""``check serve`` under load, measured (never asserted): N uploads at once of seed-size plans, each answer compared
with the command's own JSON for that file; wall time, each request's time, and the peak memory of the server and
its worker processes.

    python benchmarks/serve.py                       # 20 concurrent uploads, 3 rounds, 4 server threads
    python benchmarks/serve.py --uploads 40 --threads 8 --rounds 5

The plans are the shared seeds (../shared/seeds, 14–37 KB of text each), half of them uploaded as .txt and half
as .docx made from the same text here, so both readers and both copies (commented, corrected) are exercised. Without
the seeds the project's own plans are used. Memory is the sum of the proportional resident sizes (PSS) of the
server process and all its descendants, sampled every 20 ms from /proc (Linux). Machines are shared: read medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers_serve import free_port, left_in, post, without_paths  # noqa: E402  (the tests' own upload helpers)


def _plans(work: Path) -> list[Path]:
    import docx

    seeds = ROOT.parent / "shared" / "seeds"
    found = sorted(seeds.glob("*.txt")) or sorted((ROOT / "plans").glob("*.txt"))
    out: list[Path] = []
    for src in found:
        txt = work / src.name
        txt.write_bytes(src.read_bytes())
        d = docx.Document()
        for line in src.read_text(encoding="utf-8").splitlines():
            d.add_paragraph(line)
        word = work / f"{src.stem}.docx"
        d.save(str(word))
        out += [txt, word]
    return out


def _expected(path: Path) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "checker", str(path), "--format", "json", "-j", "1"],
                          capture_output=True, text=True, cwd=path.parent)
    return without_paths(json.loads(done.stdout))


def _tree_rss(pid: int) -> int:
    """Proportional resident bytes (PSS: a page shared by n processes counts 1/n in each, so forked workers are not
    counted as copies of the server) of ``pid`` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parent = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            time.sleep(0.02)


def _why(body: str) -> str:
    try:
        plan = json.loads(body)["plans"][0]
    except (ValueError, KeyError, IndexError):
        return body[:200]
    return f"{plan['status']}: {plan['reason']}"


def _timed(url: str, path: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    status, body = post(url, [(path.name, path.read_bytes())], {"format": "json"}, timeout=600)
    return time.perf_counter() - start, status, body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uploads", type=int, default=20)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        work = Path(tmp)
        plans = _plans(work)
        expected = {p.name: _expected(p) for p in plans}
        batch = [plans[k % len(plans)] for k in range(args.uploads)]
        server_tmp = work / "server-tmp"
        server_tmp.mkdir()
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port), "--threads",
                                 str(args.threads)], env={**os.environ, "TMPDIR": str(server_tmp)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(300):
                try:
                    post(url, [("x.txt", b"Thu")], timeout=5)
                    break
                except OSError:
                    time.sleep(0.1)
            idle = _tree_rss(proc.pid)
            walls, medians, maxima, peaks, wrong = [], [], [], [], 0
            reasons: list[str] = []
            for _ in range(args.rounds):
                sampler = Sampler(proc.pid)
                sampler.start()
                start = time.perf_counter()
                with ThreadPoolExecutor(args.uploads) as pool:
                    got = list(pool.map(lambda p: _timed(url, p), batch))
                walls.append(time.perf_counter() - start)
                sampler.stop.set()
                sampler.join()
                peaks.append(sampler.peak)
                times = [t for t, _, _ in got]
                medians.append(statistics.median(times))
                maxima.append(max(times))
                for p, (_, status, body) in zip(batch, got, strict=True):
                    ok = status == 200 and without_paths(json.loads(body)) == expected[p.name]
                    if not ok:
                        wrong += 1
                        reasons.append(f"{p.name}: {status} {_why(body)}")
            left = left_in(server_tmp)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    mb = 1024 * 1024
    print(f"{args.uploads} concurrent uploads ({len(plans)} distinct plans, .txt and .docx), server --threads "
          f"{args.threads}, {args.rounds} rounds, {os.cpu_count()} CPUs")
    print(f"  answered rightly: {args.uploads * args.rounds - wrong}/{args.uploads * args.rounds} "
          f"(identical to check --format json)")
    print(f"  wall time for all {args.uploads}: median {statistics.median(walls):.2f} s "
          f"(rounds: {', '.join(f'{w:.2f}' for w in walls)})")
    print(f"  one upload's answer: median {statistics.median(medians):.2f} s, slowest {max(maxima):.2f} s")
    print(f"  memory, server and workers: idle {idle / mb:.0f} MB, peak median {statistics.median(peaks) / mb:.0f} MB "
          f"(max {max(peaks) / mb:.0f} MB)")
    for line in reasons:
        print(f"  not as the command answers: {line}")
    print(f"  left in the server's temporary folder: {left or 'nothing'}")


if __name__ == "__main__":
    main()
