"""Recall under injected defects: one real defect typed into each compliant plan, one at a time; is it found at its
line? And silence under look-alikes: what compliant plans also write, typed in the same way, must bring no error or
warning. Measured, never asserted (the misses are for a person to read: a sentence that recites the city's figure or
a past result is no target of the plan's, and lowering it is no defect).

    python benchmarks/inject.py                  # every kind of defect, every compliant text plan
    python benchmarks/inject.py --kinds hoso-lower cite-date --verbose

The plans: the compliant text plans of tests/fixtures/plans (index.yaml ``compliant: true``) and the reviewed plans
with no defect in ../shared/plans-reviewed (when present). Each kind of defect below is typed into the first line
of the plan that holds what it changes (a line that names no past year, result or former body), as a drafter
would type it; the plan so changed is checked as the command checks a file. A defect is found when a finding of
the rule it breaks, of one of the kinds listed, sits within two lines of it (score.py's tolerance). Also counted:
error or warning findings the change brought elsewhere (a side effect, for a person to judge).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

# a line about the past, a former unit or a later period: what it says is no target of this plan's
_PAST = re.compile(r"nam 20(1\d|2[0-4])|6 thang dau|da dat|dat duoc|ket qua|\(cu\)|nay la|truoc day|nam 2026|2030"
                   r"|thanh pho giao|thanh pho yeu cau")


@dataclass(frozen=True)
class Defect:
    name: str
    on: Callable[[str], bool]  # the line (folded) holds what the defect changes
    pattern: str  # what is changed in the line as written, and into what
    into: str | Callable[[re.Match[str]], str]
    rule: str
    kinds: frozenset[str]
    whole: bool = False  # the change made on every line of the plan, not only the first that holds it
    anywhere: bool = False  # found wherever the finding sits (what is missing has no line of its own)
    silent: bool = False  # a look-alike, no defect: "found" when the change brings no error or warning at all


def _figure(value: str) -> str:
    return rf"(?<![\d,.]){value}\s*%"


def _target(words: tuple[str, ...], value: str) -> Callable[[str], bool]:
    """A line of the target's words with the city's figure, in running text (not a table's row: the city's column
    often stands beside the unit's there)."""
    def on(f: str) -> bool:
        return (any(w in f for w in words) and re.search(_figure(value), f) is not None and not _PAST.search(f)
                and "\t" not in f and "|" not in f)
    return on


DEFECTS = [
    Defect("cite-date", lambda f: re.search(r"215\s*[/-]\s*kh-ubnd\s+ngay\s+25", f) is not None,
           r"(215\s*[/-]\s*KH-UBND\s+ngày\s+)25", r"\g<1>27", "HP215-CITE", frozenset({"inconsistent", "outdated"})),
    Defect("plan-date-before-215",
           lambda f: re.search(r", ngay \d{1,2} thang (0?9|1[0-2]) nam 2025\s*$", f) is not None,
           r"ngày \d{1,2} tháng \d{1,2} năm 2025", "ngày 20 tháng 8 năm 2025", "HP215-DATE",
           frozenset({"inconsistent", "outdated", "missing"})),
    Defect("decree-date", lambda f: re.search(r"45/2020/nd-cp\s+ngay\s+0?8/0?4/2020", f) is not None,
           r"(45/2020/NĐ-CP\s+ngày\s+0?8/0?4/)2020", r"\g<1>2021", "HP215-REFS",
           frozenset({"inconsistent", "outdated"})),
    Defect("former-department", lambda f: "so khoa hoc va cong nghe" in f and not _PAST.search(f),
           "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "HP215-BODIES", frozenset({"outdated"})),
    Defect("district-office", lambda f: bool(re.match(r"\s*[-+*•]\s", f)) and "chu tri" in f and (
        "phong van hoa - xa hoi" in f or "phong van hoa xa hoi" in f),
           r"Phòng Văn hóa\s*[-–]\s*Xã hội", "Phòng Văn hóa và Thông tin huyện", "HP215-BODIES",
           frozenset({"outdated"})),
    # Công an given no work: every mention of it made the Văn phòng's (215 asks the Công an for security)
    Defect("police-unassigned", lambda f: bool(re.search(r"cong an (xa|phuong|dac khu)", f)) and not _PAST.search(f),
           r"Công an (xã|phường|đặc khu)", r"Văn phòng HĐND và UBND \g<1>", "HP215-UNIT-CONGAN",
           frozenset({"missing"}), whole=True, anywhere=True),
    Defect("hoso-lower", _target(("ho so thu tuc", "ho so tthc"), "80"), _figure("80"), "70%", "HP215-TGT-HOSO",
           frozenset({"weaker", "inconsistent"})),
    Defect("hoso-hedged", lambda f: _target(("ho so thu tuc", "ho so tthc"), "80")(f) and re.search(
        r"(toi thieu|it nhat|khong thap hon|tren)\s+80\s*%", f) is not None,
           r"(?i)(tối thiểu|ít nhất|không thấp hơn|trên)(\s+80\s*%)", r"khoảng\g<2>", "HP215-TGT-HOSO",
           frozenset({"weaker"})),
    Defect("hoso-not-whole-course", lambda f: "ho so" in f and "toan trinh" in f and re.search(
        r"(?<![\d,.])(8\d|9\d|100)\s*%", f) is not None and not _PAST.search(f) and "dich vu cong" not in f,
           r"(hồ sơ[^;.]*?trực tuyến)\s*toàn trình", r"\g<1>", "HP215-TGT-HOSO",
           frozenset({"weaker", "missing", "inconsistent"})),
    Defect("work-records-lower", _target(("ho so cong viec",), "75"), _figure("75"), "65%", "HP215-TGT-HSCV",
           frozenset({"weaker", "inconsistent"})),
    Defect("training-lower", _target(("ky nang so", "tap huan", "boi duong"), "50"), _figure("50"), "40%",
           "HP215-TGT-KYNANGSO", frozenset({"weaker", "inconsistent"})),
    Defect("satisfaction-lower", _target(("hai long",), "90"), _figure("90"), "85%", "HP215-TGT-HAILONG",
           frozenset({"weaker", "inconsistent"})),
    Defect("signed-lower", lambda f: _target(("ky so",), "90")(f) and "van ban" in f, _figure("90"), "85%",
           "HP215-TGT-KYSO", frozenset({"weaker", "inconsistent"})),
    Defect("former-department-abbreviated", lambda f: "so khoa hoc va cong nghe" in f and not _PAST.search(f),
           "Sở Khoa học và Công nghệ", "Sở TT&TT", "HP215-BODIES", frozenset({"outdated"})),
    # the title's period a year early: last year's plan's title left ("6 tháng cuối năm 2024")
    Defect("title-last-year", lambda f: re.match(r"\s*[^\W\d_].{0,120}6 thang cuoi nam 2025\s*$", f) is not None,
           r"(6 tháng cuối năm )2025", r"\g<1>2024", "HP215-FORM", frozenset({"inconsistent", "outdated"})),
    # the đầu mối given to no one: every mention of Phòng Văn hóa - Xã hội made the Văn phòng's
    Defect("lead-unassigned", lambda f: bool(re.search(r"phong van hoa\s*[-–]?\s*(va )?xa hoi", f)),
           r"Phòng Văn hóa\s*[-–]?\s*(và )?Xã hội", "Văn phòng HĐND và UBND", "HP215-UNIT-VHXH",
           frozenset({"missing"}), whole=True, anywhere=True),
    # a part's number repeated: "III." typed "II." again
    Defect("part-number-repeated", lambda f: bool(re.match(r"\s*iii\.\s+[^\W\d_]", f)), r"^(\s*)III\.",
           r"\g<1>II.", "HP215-NUMBERING", frozenset({"inconsistent"})),
]


_FIGURE_AT_LEAST = r"(?<![\d,.])(8\d|9\d|100)\s*%"


def _in_words(n: int) -> str:
    """80-100 in Vietnamese words, as a figure is written out in brackets after its digits ("85% (tám mươi lăm phần
    trăm)")."""
    if n == 100:
        return "một trăm"
    ones = ["", "mốt", "hai", "ba", "tư", "lăm", "sáu", "bảy", "tám", "chín"]
    return " ".join(w for w in ({8: "tám mươi", 9: "chín mươi"}[n // 10], ones[n % 10]) if w)


def _dossiers_line(f: str) -> bool:
    """A line of the dossiers' target in running text, its figure at or above the city's."""
    return ("ho so" in f and "toan trinh" in f and re.search(_FIGURE_AT_LEAST, f) is not None
            and not _PAST.search(f) and "\t" not in f and "|" not in f)


# Look-alikes: what a compliant plan also writes, which must stay silent (the same plans, the same first line)
LOOKALIKES = [
    # last year's figure in brackets at the end of the target's sentence, with "đạt" or a colon
    Defect("past-figure-after-target", lambda f: _dossiers_line(f) and bool(re.search(r"toan trinh\s*[.;]\s*$", f)),
           r"(toàn trình)(\s*[.;]\s*)$", r"\g<1> (năm 2024 đạt 61,5%)\g<2>", "", frozenset(), silent=True),
    Defect("past-figure-after-target-colon", lambda f: _dossiers_line(f) and bool(
        re.search(r"toan trinh\s*[.;]\s*$", f)),
           r"(toàn trình)(\s*[.;]\s*)$", r"\g<1> (năm 2024: 61,5%)\g<2>", "", frozenset(), silent=True),
    # … and right after the figure, before the words it counts (a less usual place)
    Defect("past-figure-after-figure", _dossiers_line,
           r"((?<![\d,.])(?:8\d|9\d|100)\s*%)", r"\g<1> (năm 2024 đạt 61,5%)", "", frozenset(), silent=True),
    Defect("percent-in-words-too", _dossiers_line,
           r"((?<![\d,.])(8\d|9\d|100)\s*%)", lambda m: f"{m.group(1)} ({_in_words(int(m.group(2)))} phần trăm)", "",
           frozenset(), silent=True),
    Defect("former-department-as-history", lambda f: "so khoa hoc va cong nghe" in f and not _PAST.search(f),
           "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ (tiếp nhận nhiệm vụ của Sở Thông tin và Truyền "
           "thông trước đây)", "", frozenset(), silent=True),
    Defect("city-police-beside", lambda f: bool(re.search(r"cong an (xa|phuong|dac khu)", f)) and any(
        w in f for w in ("an ninh", "an toan thong tin")),
           r"(Công an (?:xã|phường|đặc khu))", r"\g<1> (phối hợp với Công an thành phố)", "", frozenset(),
           silent=True),
    Defect("city-plan-cited-too", lambda f: re.search(r"215\s*[/-]\s*kh-ubnd\s+ngay\s+25", f) is not None,
           r"(215\s*[/-]\s*KH-UBND\s+ngày\s+25[^;,.]*?2025)", r"\g<1> và Kế hoạch số 31/KH-UBND ngày 18/02/2025",
           "", frozenset(), silent=True),
    Defect("en-dash-in-office", lambda f: bool(re.search(r"van hoa - xa hoi", f)), r"(Văn hóa) - (Xã hội)",
           r"\g<1> – \g<2>", "", frozenset(), whole=True, silent=True),
    Defect("old-tone-marks", lambda f: "hoa" in f, r"hóa", "hoá", "", frozenset(), whole=True, silent=True),
    Defect("percent-spaced", lambda f: re.search(_FIGURE_AT_LEAST, f) is not None, r"(\d)%", r"\g<1> %", "",
           frozenset(), whole=True, silent=True),
]


def _neighbour(unit: str, names: list[str]) -> Defect | None:
    """The plan's own unit ("Xã Vĩnh Bảo") named, in one line of its text after the header, as another unit of the
    same type (the next one in the registry): a paragraph copied from a neighbour's plan."""
    kind, _, own = unit.partition(" ")
    others = [n for n in names if n.partition(" ")[0].lower() == kind.lower() and n != unit]
    if not own or not others:
        return None
    other = others[(names.index(unit) if unit in names else 0) % len(others)].partition(" ")[2]
    return Defect("neighbour-name", lambda f: not _PAST.search(f), rf"(?i)(?<=\b{kind} ){re.escape(own)}\b",
                  other, "HP215-UNITNAME", frozenset({"inconsistent"}))


def _plans() -> list[Path]:
    import yaml

    folder = ROOT / "tests" / "fixtures" / "plans"
    index = yaml.safe_load((folder / "index.yaml").read_text(encoding="utf-8"))["plans"]
    out = [folder / n for n, e in index.items() if e["compliant"] and n.endswith(".txt")]
    expected = SHARED / "plans-reviewed" / "expected.json"
    if expected.is_file():
        verdicts = json.loads(expected.read_text(encoding="utf-8"))
        out += [expected.parent / n for n, v in verdicts.items()
                if v.get("status") == "checked" and not v.get("defects")]
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    every = [*(d.name for d in DEFECTS), "neighbour-name", *(d.name for d in LOOKALIKES)]
    ap.add_argument("--kinds", nargs="*", default=every, choices=every)
    ap.add_argument("--verbose", action="store_true", help="print each miss and each side effect")
    args = ap.parse_args()

    import yaml

    from checker.pipeline import check_file
    from checker.rules.loader import load_packs
    from checker.text import fold

    packs = load_packs()
    registry = ROOT / "rules" / "units" / "haiphong.yaml"
    names = [u["name"] for u in yaml.safe_load(registry.read_text(encoding="utf-8"))["units"]]

    def loud(path: Path) -> set[tuple[str, str, int]]:
        return {(f.id, f.kind, f.line or 0) for f in check_file(path, packs).findings
                if f.severity in ("error", "warning")}

    kinds = [d for d in [*DEFECTS, *LOOKALIKES] if d.name in args.kinds]
    found: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    effects: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for path in _plans():
            try:
                lines = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).split("\n")
            except UnicodeDecodeError:
                continue
            base: set[tuple[str, str, int]] | None = None
            own = check_file(path, packs).unit if "neighbour-name" in args.kinds else None
            neighbour = _neighbour(own, names) if own else None
            for d in [*kinds, *([neighbour] if neighbour else [])]:
                start = 12 if d.name == "neighbour-name" else 0  # the text, not the header naming the unit
                at = next((i for i, ln in enumerate(lines) if i >= start and d.on(fold(ln))
                           and re.search(d.pattern, ln)), None)
                if at is None:
                    continue
                changed = [re.sub(d.pattern, d.into, ln) if d.whole else ln for ln in lines]
                changed[at] = re.sub(d.pattern, d.into, lines[at], count=0 if d.whole else 1)
                variant = tmp / f"{path.stem}.{d.name}.txt"
                variant.write_text("\n".join(changed), encoding="utf-8")
                got = loud(variant)
                base = loud(path) if base is None else base
                hit = any(i == d.rule and k in d.kinds and (d.anywhere or abs(ln - (at + 1)) <= 2) for i, k, ln in got)
                extra = sorted(f for f in got - base
                               if not (f[0] == d.rule and (d.anywhere or abs(f[2] - (at + 1)) <= 2)))
                hit = hit or (d.silent and not extra)
                tried[d.name] += 1
                found[d.name] += hit
                effects[d.name] += bool(extra)
                if args.verbose and (not hit or extra):
                    print(f"{'found' if hit else 'MISSED'} {d.name} {path.name}:{at + 1} {changed[at].strip()[:120]!r}"
                          + (f" elsewhere: {extra}" if extra else ""))
    print(f"{'defect':24s} {'plans':>6s} {'found':>6s} {'share':>7s} {'side effects':>13s}")
    for name in args.kinds:
        n = tried[name]
        share = f"{found[name] / n:.1%}" if n else "-"
        print(f"{name:24s} {n:6d} {found[name]:6d} {share:>7s} {effects[name]:13d}")
    total = sum(tried.values())
    print(f"{'all':24s} {total:6d} {sum(found.values()):6d} {sum(found.values()) / max(total, 1):7.1%} "
          f"{sum(effects.values()):13d}")


if __name__ == "__main__":
    main()
