"""PDF ruling read as tables (``checker/ingest/pdf_grid.py``): what the bounded reading (pieces joined, a
horizontal line looking only at the verticals in its reach, runs placed top-down, a page limit) finds is what
the plain definition finds: every pair of lines compared, every grid tried for every run."""

from __future__ import annotations

import random

import pytest

from checker.ingest.pdf_grid import MAX_RULES, RULE_TOL, Grid, Run, _merge, grids_of, place_runs

Seg = tuple[float, float, float]


def plain_grids(horizontal: list[Seg], vertical: list[Seg]) -> list[tuple[list[float], list[float]]]:
    """The definition: lines that cross or touch (within RULE_TOL) are one group, compared pair by pair."""
    items = [("v", s) for s in vertical] + [("h", s) for s in horizontal]
    group = list(range(len(items)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for a, (ka, (y, x0, x1)) in enumerate(items):
        for b, (kb, (x, y0, y1)) in enumerate(items):
            if ka == "h" and kb == "v" and x0 - RULE_TOL <= x <= x1 + RULE_TOL and y0 - RULE_TOL <= y <= y1 + RULE_TOL:
                group[root(a)] = root(b)
    found = {}
    for i, (kind, seg) in enumerate(items):
        found.setdefault(root(i), ([], []))[0 if kind == "v" else 1].append(seg[0])
    out = [(_merge(vs), _merge(hs)[::-1]) for vs, hs in found.values() if vs]
    return sorted(((xs, ys) for xs, ys in out if len(xs) >= 3 and len(ys) >= 2), key=lambda g: -g[1][0])


def table(left: float, top: float, cols: int, rows: int, by_cell: bool) -> tuple[list[Seg], list[Seg]]:
    """A ruled table of cells 60 wide and 20 high: long lines, or each cell's four borders (as Word draws)."""
    w, h = 60.0, 20.0
    if not by_cell:
        return ([(top - r * h, left, left + cols * w) for r in range(rows + 1)],
                [(left + c * w, top - rows * h, top) for c in range(cols + 1)])
    hor, ver = [], []
    for r in range(rows):
        for c in range(cols):
            x0, y1 = left + c * w, top - r * h
            hor += [(y1, x0, x0 + w), (y1 - h, x0, x0 + w)]
            ver += [(x0, y1 - h, y1), (x0 + w, y1 - h, y1)]
    return hor, ver


@pytest.mark.parametrize("seed", range(40))
def test_grids_are_those_of_the_pairwise_definition(seed: int) -> None:
    rng = random.Random(seed)
    hor: list[Seg] = []
    ver: list[Seg] = []
    for _ in range(rng.randint(1, 4)):  # a few tables, some drawn cell by cell, beside or under each other
        h, v = table(rng.choice([40.0, 300.0]), rng.uniform(200, 800), rng.randint(1, 6), rng.randint(1, 8),
                     rng.random() < 0.5)
        hor += h
        ver += v
    for _ in range(rng.randint(0, 30)):  # underlines, stray strokes, near misses
        x, y = rng.uniform(0, 600), rng.uniform(0, 840)
        if rng.random() < 0.5:
            hor.append((y, x, x + rng.uniform(6, 200)))
        else:
            ver.append((x, y, y + rng.uniform(6, 200)))
    rng.shuffle(hor)
    rng.shuffle(ver)
    assert [(g.xs, g.ys) for g in grids_of(hor, ver)] == plain_grids(hor, ver)


def test_a_table_drawn_cell_by_cell_is_the_table_drawn_in_long_lines() -> None:
    long = grids_of(*table(40.0, 800.0, 8, 40, by_cell=False))
    pieces = grids_of(*table(40.0, 800.0, 8, 40, by_cell=True))
    assert [(g.xs, g.ys) for g in pieces] == [(g.xs, g.ys) for g in long]
    assert len(long) == 1 and len(long[0].xs) == 9 and len(long[0].ys) == 41


def test_a_page_of_more_ruling_than_any_table_is_read_without_tables() -> None:
    n = MAX_RULES * 4
    hor = [(10.0 + i, 0.0, 5000.0) for i in range(n)]  # every line crosses every other: n * n meetings
    ver = [(10.0 + i * 3, 0.0, 5000.0) for i in range(n)]
    assert grids_of(hor, ver) == []
    # a drawing within the limit is still a table
    assert len(grids_of(hor[: MAX_RULES // 2], ver[: MAX_RULES // 2])) == 1


@pytest.mark.parametrize("seed", range(20))
def test_runs_go_to_the_grid_trying_every_grid_would_give(seed: int) -> None:
    rng = random.Random(seed)
    hor: list[Seg] = []
    ver: list[Seg] = []
    for _ in range(rng.randint(1, 5)):
        h, v = table(rng.choice([40.0, 200.0, 300.0]), rng.uniform(200, 800), rng.randint(2, 5), rng.randint(1, 6),
                     False)
        hor += h
        ver += v
    runs = [Run(x=rng.uniform(0, 600), end=0.0, y=rng.uniform(0, 840), height=11.0, text=f"r{i}")
            for i in range(300)]
    for r in runs:
        r.end = r.x + 40
    fast, plain = grids_of(hor, ver), grids_of(hor, ver)
    outside = place_runs(runs, fast)
    expected_outside = []
    for run in runs:
        grid: Grid | None = next((g for g in plain if g.holds(run)), None)
        if grid is None:
            expected_outside.append(run)
        else:
            row = next(i for i in range(len(grid.ys) - 1) if run.y >= grid.ys[i + 1] - 0.01)
            col = max(0, max((i for i, x in enumerate(grid.xs[:-1]) if run.x + RULE_TOL / 2 >= x), default=0))
            grid.cells.setdefault((row, col), []).append(run)
    assert outside == expected_outside
    assert [sorted((k, sorted(r.text for r in v)) for k, v in g.cells.items()) for g in fast] == \
           [sorted((k, sorted(r.text for r in v)) for k, v in g.cells.items()) for g in plain]


def test_lines_of_thousands_of_runs_are_not_compared_run_by_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrapped columns are looked for by comparing each run with the others of its line and the line below: a
    line drawn in thousands of runs would cost millions of comparisons. It is no header's or signature's column:
    it is left as it is, and a real two-column header beside it is still joined."""
    from checker.ingest import pdf_grid

    calls = [0]
    original = pdf_grid._gap_beside

    def counted(*args: object) -> bool:
        calls[0] += 1
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_grid, "_gap_beside", counted)
    n = pdf_grid.MAX_COLUMN_RUNS * 10
    crowd = [Run(x=float(i), end=float(i) + 0.8, y=y, height=1.0, text="x") for y in (500.0, 499.0)
             for i in range(0, 3 * n, 3)]
    header = [Run(x=60.0, end=300.0, y=780.0, height=11.0, text="ỦY BAN NHÂN DÂN PHƯỜNG GIA"),
              Run(x=330.0, end=560.0, y=780.0, height=11.0, text="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
              Run(x=60.0, end=100.0, y=766.0, height=11.0, text="VIÊN")]
    out = pdf_grid.join_wrapped_columns(header + crowd)
    assert out[0].text == "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN"
    assert len(out) == 2 + len(crowd)
    assert calls[0] < 10, calls


def test_a_two_column_header_does_not_cut_the_paragraphs_below() -> None:
    """The halves of a two-column header drawn at baselines between each other's (blind round 12: the unit's name
    in 13 pt on the left, the motto wrapped on the right, as LibreOffice exports a borderless header table): their
    half steps are not the page's line step, and the wrapped lines of the paragraphs below stay one paragraph (no
    blank line between them, which cut "xã Liên Xuân (thành phố" from "Thủy Nguyên cũ)." and so from its history)."""
    from checker.ingest.pdf_grid import text_lines

    def run(x: float, y: float, text: str) -> Run:
        return Run(x=x, end=x + 6.5 * len(text), y=y, height=13.0, text=text)

    header = [run(96, 773.0, "ỦY BAN NHÂN DÂN"), run(284, 763.8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
              run(94, 754.6, "PHƯỜNG LƯU KIẾM"), run(364, 745.5, "VIỆT NAM"),
              run(108, 736.3, "Số: 142/KH-UBND"), run(299, 727.1, "Độc lập - Tự do - Hạnh phúc")]
    body = [run(85, 680.0 - 19.6 * k, t) for k, t in enumerate([
        "Triển khai các nhiệm vụ của phường sau khi sắp xếp các phường Lưu Kiếm, Trần",
        "Hưng Đạo và xã Liên Xuân (thành phố", "Thủy Nguyên cũ)."])]
    texts = [t.strip() for t, _y in text_lines(header + body, 85.0, 6.5)]
    assert texts[-3:] == [r.text for r in body]  # one paragraph: no blank line between its lines
