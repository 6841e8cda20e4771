"""``check serve`` started as a command (waitress on a free port): several uploads at once, each answered as the
command answers it; nothing left in the server's temporary folder; oversized bodies refused in one line."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from helpers_serve import answers, cli_json, left_in, post, running_server, without_paths


def _plans() -> list[Path]:
    """The shared seeds where present, else the project's own plans."""
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return found or sorted((ROOT / "plans").glob("*.txt")) + sorted((ROOT / "plans").glob("*.md"))


def test_a_few_concurrent_uploads_are_all_answered_rightly(tmp_path: Path) -> None:
    plans = _plans()[:4]
    expected = {p.name: without_paths(cli_json(p, tmp_path / "r")) for p in plans}
    tmp = tmp_path / "tmp"
    with running_server(tmp, "--threads", "4") as url:
        with ThreadPoolExecutor(len(plans) * 2) as pool:
            jobs = [pool.submit(post, url, [(p.name, p.read_bytes())], {"format": "json"}) for p in plans * 2]
            got = [j.result() for j in jobs]
        for p, (status, body) in zip(plans * 2, got, strict=True):
            assert status == 200
            served = json.loads(body)
            assert [x["path"] for x in served["plans"]] == [p.name]
            assert without_paths(served) == expected[p.name], p.name
        assert left_in(tmp) == []  # every request's folder removed, nothing spilled and left


def test_the_running_server_refuses_oversized_uploads_in_one_line(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    with running_server(tmp, "--max-size", "1", "--max-files", "2") as url:
        status, page = post(url, [("lớn.txt", b"a" * (1024 * 1024 + 1))])
        assert status == 400 and [a[1] for a in answers(page)] == ["tệp quá lớn: tối đa 1 MB một tệp"]
        status, page = post(url, [("a.txt", b"a" * (1024 * 1024)), ("b.txt", b"b" * (1024 * 1024)),
                                  ("c.txt", b"c" * (1024 * 1024))])
        assert status == 413 and "Tải lên quá lớn: tối đa 1 MB một tệp, 2 tệp một lần." in page
        status, page = post(url, [("rất lớn.txt", b"a" * (24 * 1024 * 1024))])  # far past the limit
        assert status == 413 and "Tải lên quá lớn: tối đa 1 MB một tệp, 2 tệp một lần." in page
        assert left_in(tmp) == []


@pytest.mark.parametrize("name", ["Kế hoạch.txt"])
def test_the_page_names_the_file_as_uploaded(tmp_path: Path, name: str) -> None:
    plan = _plans()[0]
    with running_server(tmp_path / "tmp") as url:
        status, page = post(url, [(name, plan.read_bytes())])
    assert status == 200 and answers(page)[0][0] == name
