"""The project's own plans (tests/fixtures/plans, index.yaml says the style each tries): compliant ones give no
finding at error or warning level, defective ones exactly their defects; and one-defect mutations of every
compliant plan (a figure lowered, a target's figure replaced by a vague quantity, a target or a unit dropped, another
ward's name, a merged department, a wrong directive date) are found at their place. The mutation rate is printed
(``pytest -s``) and must be at least 95%."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers_office import OFFICE_READ, needs_office
from ruamel.yaml import YAML

from checker.checks.targets import matches
from checker.ingest import read
from checker.models import Finding
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.rules.schema import Target
from checker.text import fold

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX: dict[str, dict[str, object]] = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
COMPLIANT = sorted(n for n, e in INDEX.items() if e["compliant"])
DEFECTIVE = sorted(n for n, e in INDEX.items() if not e["compliant"])
# Word plans: mutated below, in their XML; Word 97-2003 and RTF plans (read through LibreOffice) are not mutated
TEXT_COMPLIANT = [n for n in COMPLIANT if not n.endswith((".docx", *OFFICE_READ))]


def _loud(findings: list[Finding]) -> list[str]:
    return [f"{f.severity} {f.id} {f.kind} line {f.line}: {f.message}" for f in findings
            if f.severity in ("error", "warning")]


def test_index_lists_every_plan() -> None:
    suffixes = ("txt", "md", "docx", "doc", "rtf")
    assert sorted(p.name for suffix in suffixes for p in PLANS.glob(f"*.{suffix}")) == sorted(INDEX)
    assert len(INDEX) >= 24 and all(str(e["style"]).strip() for e in INDEX.values())


@pytest.mark.parametrize("name", COMPLIANT)
def test_compliant_plan_has_no_false_alarm(name: str, packs: list[LoadedPack]) -> None:
    needs_office(name)
    r = check_file(PLANS / name, packs)
    assert r.status == "checked" and r.unit is not None
    assert _loud(r.findings) == []


@dataclass
class Want:
    id: str
    kind: str
    line: int | None = None
    severity: str | None = None  # "info": a defect the checker notes at info level (found all the same)


def _found(findings: list[Finding], want: Want) -> bool:
    return any(f.id == want.id and f.kind in want.kind.split("|") and (
        want.line is None or (f.line is not None and abs(f.line - want.line) <= 1)) for f in findings)


@pytest.mark.parametrize("name", DEFECTIVE)
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    needs_office(name)
    wants = [Want(**d) for d in INDEX[name]["defects"]]  # type: ignore[attr-defined]
    # a plan implementing another directive: not applicable on its own, its defects found in a round of the
    # directive named by `round` (--directive)
    if INDEX[name].get("not_applicable"):
        assert check_file(PLANS / name, packs).status == "not-applicable"
    round_pack = next((lp for lp in packs if lp.pack.directive.number == INDEX[name].get("round")), None)
    r = check_file(PLANS / name, packs, round_pack=round_pack)
    missed = [w for w in wants if not _found(r.findings, w)]
    assert not missed
    for f in r.findings:  # a finding at a place quotes the plan's words there: an outdated name, those with it
        assert f.line is None or f.evidence, f
        if f.check == "outdated-bodies":
            assert " ".join(fold(f.actual).split()[-2:]) in fold(f.evidence), f
    extra = [f for f in r.findings if f.severity in ("error", "warning")
             and not any(f.id == w.id and f.kind == w.kind for w in wants)]
    assert _loud(extra) == []


# --------------------------------------------------------------------------- one-defect mutations


@dataclass
class Mutation:
    plan: str
    what: str
    text: str
    want: Want


def _replace_on_line(lines: list[str], line: int, old: str, new: str) -> list[str] | None:
    """``lines`` with ``old`` replaced on 1-based ``line`` (it must occur there once), else None."""
    if not (0 < line <= len(lines)) or lines[line - 1].count(old) != 1:
        return None
    out = list(lines)
    out[line - 1] = out[line - 1].replace(old, new)
    return out


def _first_line(lines: list[str], pattern: str, start: int = 0, stop: int | None = None) -> int | None:
    for k in range(start, stop if stop is not None else len(lines)):
        if re.search(pattern, fold(lines[k])):
            return k + 1
    return None


_CELLS = re.compile(r"\t|\s\|\s?|\s?\|\s")


def _own_cell_figure(lines: list[str], line: int, found: list[re.Match[str]]) -> re.Match[str] | None:
    """Of a table row's equal figures (the city's and the plan's, "| 100% | ... | 100% |"), the one in the plan's
    column: the column whose header names the unit ("Chỉ tiêu của xã", "Đặc khu Bạch Long Vĩ"), not the city
    ("Thành phố giao"). Read here from the header row, independently of the parser."""
    row = lines[line - 1]
    if not _CELLS.search(row) or len(found) < 2:
        return None
    header = next((lines[k] for k in range(line - 2, max(line - 15, -1), -1)
                   if _CELLS.search(lines[k]) and "%" not in lines[k] and re.search(r"[^\W\d_]", lines[k])), None)
    if header is None:
        return None
    heads = [fold(c) for c in _CELLS.split(header.strip().strip("|"))]
    own = [k for k, c in enumerate(heads) if re.search(r"\b(xa|phuong|dac khu|cua)\b", c) and "thanh pho" not in c]
    if len(own) != 1:
        return None
    # the cell each figure stands in: count the separators before it
    for m in found:
        cell = len(_CELLS.findall(row.strip().strip("|")[: m.start() - (len(row) - len(row.lstrip().lstrip("|")))]))
        if cell == own[0]:
            return m
    return None


def _figure_of_clause(clause: str, row: str, found: list[re.Match[str]]) -> re.Match[str] | None:
    """Of a sentence's equal figures ("... 100% thủ tục ..., 100% kết quả ..."), the one followed by the words that
    follow it in the target's own clause."""
    m = re.search(r"%\s*(\S+(?:\s+\S+)?)", clause)
    if not m:
        return None
    after = [f for f in found if row[f.end() :].lstrip(" %°/o").startswith(m.group(1))]
    return after[0] if len(after) == 1 else None


def mutations(name: str, pack: LoadedPack) -> list[Mutation]:
    src = (PLANS / name).read_text(encoding="utf-8")
    lines = src.split("\n")
    plan = parse(read(PLANS / name))
    out: list[Mutation] = []

    def add(what: str, new: list[str] | None, want: Want) -> None:
        if new is not None:
            out.append(Mutation(name, what, "\n".join(new), want))

    # 1. every figure the directive sets, lowered where the plan writes it
    for rule in pack.pack.rules:
        if not isinstance(rule, Target) or rule.value is None or rule.severity == "info":
            continue
        # the plan's own figure, not the city's it restates first ("Kế hoạch 215 giao các chỉ tiêu: ...")
        for t in sorted(plan.targets, key=lambda t: t.restated):
            if t.implicit or t.line is None or not matches(rule, t.text):
                continue
            pattern = rf"(?<![\d.,]){t.value:g}(?=\s?(?:%|°/o))"
            # the figure on the clause's first line, or on the next when the clause wrapped before it
            at = next((k for k in (t.line, t.line + 1) if k <= len(lines) and re.search(pattern, lines[k - 1])), None)
            if at is None:
                break
            text = lines[at - 1]
            found = list(re.finditer(pattern, text))
            figure = found[0] if len(found) == 1 else (_own_cell_figure(lines, at, found)
                                                       or _figure_of_clause(t.text, text, found))
            if figure:
                # below the directive's figure even where the plan set a higher one (80% where it asks 50%)
                lowered = f"{max(min(t.value, rule.value) - 20, 10):g}"
                new = list(lines)
                new[at - 1] = text[: figure.start()] + lowered + text[figure.end() :]
                # weaker; or, where the plan states the figure again elsewhere unchanged, two figures that disagree
                add(f"lower {rule.id} to {lowered}%", new, Want(rule.id, "weaker|inconsistent", t.line))
            break
    # 1b. a figure the directive sets, opening its target in the plan's objectives ("100% báo cáo định kỳ ...",
    # "Tối thiểu 85% hồ sơ ..."), replaced by a vague quantity ("Phần lớn báo cáo định kỳ ..."): weaker at its line
    objectives = {k for k, s in enumerate(plan.sections) if re.match(r"(muc tieu|chi tieu)", fold(s.title).strip())}

    def in_objectives(k: int | None) -> bool:
        while k is not None and k not in objectives:
            k = plan.sections[k].parent
        return k is not None

    for rule in pack.pack.rules:
        if not isinstance(rule, Target) or rule.value is None or rule.severity == "info":
            continue
        t = next((t for t in plan.targets if not t.implicit and not t.restated and t.source == "text"
                  and t.line is not None and in_objectives(t.section) and matches(rule, t.text)), None)
        opening = re.match(rf"(?:(?:tối thiểu|ít nhất|trên|đạt)\s+)?{t.value:g}\s?%\s+(?=[^\W\d_])", t.text,
                           re.IGNORECASE) if t is not None and t.line is not None else None
        if t is not None and t.line is not None and opening is not None:
            add(f"a vague quantity for {rule.id}",
                _replace_on_line(lines, t.line, opening.group(0), "Phần lớn "), Want(rule.id, "weaker", t.line))
    # 2. the digital-skills target dropped
    skills = next((t for t in plan.targets if "ky nang so" in fold(t.text) and t.line), None)
    if skills and skills.line and not skills.restated:  # a restated target stays the plan's when its own goes
        word = "kỹ năng số" if "kỹ năng số" in lines[skills.line - 1] else "ky nang so"
        add("drop the digital-skills target", _replace_on_line(lines, skills.line, word, "ngoại ngữ"),
            Want("HP215-TGT-KYNANGSO", "missing"))
    # 3. the police dropped from Tổ chức thực hiện (the execution part: the last assignment lines)
    police = [a for a in plan.assignments if "cong an" in fold(a.unit)]
    if police and police[0].line:
        word = "Công an" if "Công an" in lines[police[0].line - 1] else "Cong an"
        add("drop Công an from the assignments", _replace_on_line(lines, police[0].line, word, "Hội Nông dân"),
            Want("HP215-UNIT-CONGAN", "missing"))
    # 4. a merged department given work
    culture = [a for a in plan.assignments if re.search(r"van hoa - xa hoi|vhxh", fold(a.unit)) and a.line]
    if culture and culture[0].line:
        text = lines[culture[0].line - 1]
        m = re.search(r"Phòng Văn hóa - Xã hội|Phong Van hoa - Xa hoi|Phòng VHXH", text)
        if m:
            add("Phòng Văn hóa và Thông tin instead of Văn hóa - Xã hội",
                _replace_on_line(lines, culture[0].line, m.group(0), "Phòng Văn hóa và Thông tin"),
                Want("HP215-BODIES", "outdated", culture[0].line))
    # 5. the directive cited with a wrong date
    cite = _first_line(lines, r"215/kh-ubnd\s+ngay\s+25(/| thang )0?8(/| nam )2025")
    if cite:
        text = lines[cite - 1]
        m = re.search(r"25(/| tháng | thang )0?8(/| năm | nam )2025", text)
        if m:
            add("215/KH-UBND dated 2024", _replace_on_line(lines, cite, m.group(0), m.group(0)[:-1] + "4"),
                Want("HP215-CITE", "inconsistent", cite))
    # 6. another ward's name where the plan names itself in its title
    h = plan.header
    if h.unit_name and h.title_line:
        for k in (h.title_line, h.title_line + 1):
            text = lines[k - 1]
            m = re.search(rf"\b(phường|xã|đặc khu|phuong|xa|dac khu) {re.escape(h.unit_name)}\b", text, re.IGNORECASE)
            if m:
                other = {"xa": "Kiến Thụy", "phuong": "Lê Chân"}.get(h.unit_type or "", "Bạch Long Vĩ")
                if fold(other) != fold(h.unit_name):
                    add(f"the title names {other}", _replace_on_line(lines, k, m.group(0), f"{m.group(1)} {other}"),
                        Want("HP215-UNITNAME", "inconsistent", k))
                break
    return out


@pytest.fixture(scope="module")
def mutation_results(tmp_path_factory: pytest.TempPathFactory, packs: list[LoadedPack]) -> list[tuple[Mutation, bool]]:
    tmp = tmp_path_factory.mktemp("mutations")
    pack = next(p for p in packs if p.pack.directive.number == "215/KH-UBND")
    results = []
    for name in TEXT_COMPLIANT:
        for k, m in enumerate(mutations(name, pack)):
            path = tmp / f"{k}-{name}"
            path.write_text(m.text, encoding="utf-8")
            results.append((m, _found(check_file(path, packs).findings, m.want)))
    return results


def test_one_defect_mutations_are_found(mutation_results: list[tuple[Mutation, bool]]) -> None:
    found = sum(ok for _, ok in mutation_results)
    total = len(mutation_results)
    for m, ok in mutation_results:
        if not ok:
            print(f"  not found: {m.plan}: {m.what} (want {m.want})")
    print(f"\nmutations of {len(TEXT_COMPLIANT)} compliant plans: found {found}/{total} = {found / total:.1%}")
    assert total >= 5 * len(TEXT_COMPLIANT)
    assert found / total >= 0.95


# --------------------------------------------------------------------------- Word plans, mutated in their XML


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _grid_cells(tr: object) -> list[tuple[int, object]]:
    """The cells of a table row with the grid column each starts at (a cell merged across counts its span)."""
    out, col = [], 0
    for tc in tr.findall(f"{_W}tc"):  # type: ignore[attr-defined]
        out.append((col, tc))
        span = tc.find(f"{_W}tcPr/{_W}gridSpan")
        col += int(span.get(f"{_W}val")) if span is not None else 1
    return out


def _in_city_column(p: object) -> bool:
    """A paragraph in a table's cell under a header naming the city's figures ("Thành phố giao", in one of the
    table's first rows): the directive's figure restated, never the plan's own target to mutate."""
    tc = next(p.iterancestors(f"{_W}tc"), None)  # type: ignore[attr-defined]
    if tc is None:
        return False
    tr = tc.getparent()
    col = next(c for c, cell in _grid_cells(tr) if cell is tc)
    for row in tr.getparent().findall(f"{_W}tr")[:3]:
        for start, cell in _grid_cells(row):
            if start == col and "thành phố giao" in "".join(cell.itertext()).lower():
                return True
    return False


def _paragraph_texts(root: object) -> list[tuple[object, list[object], str]]:
    """Each paragraph of a Word body (cells' too, but not a column of the city's figures) with its text nodes as
    Word shows them (not tracked deletions), however Word split it into runs."""
    out = []
    for p in root.iter(f"{_W}p"):  # type: ignore[attr-defined]
        if _in_city_column(p):
            continue
        nodes = [t for t in p.iter(f"{_W}t") if not any(a.tag == f"{_W}del" for a in t.iterancestors())
                 and next(a for a in t.iterancestors(f"{_W}p")) is p]
        out.append((p, nodes, "".join(t.text or "" for t in nodes)))
    return out


def _hits(root: object, old: str, new: str, words: str) -> list[tuple[list[object], re.Match[str]]]:
    """Where the regex ``old`` is written in a Word body, at the places the finding will be looked for: the
    paragraph, or its table row, holds ``words`` once ``new`` is put in (a row's cell "Tối thiểu 85%" is not the
    staff-training row's figure)."""
    out = []
    for p, nodes, text in _paragraph_texts(root):
        row = next(p.iterancestors(f"{_W}tr"), None)  # type: ignore[attr-defined]
        around = "".join(row.itertext()) if row is not None else ""
        out += [(nodes, m) for m in re.finditer(old, text)
                if words in text[: m.start()] + new + text[m.end():] or words in around]
    return out


def _docx_with(src: Path, dst: Path, old: str, new: str, words: str) -> None:
    """A copy of the Word file ``src`` with the regex ``old`` replaced by ``new`` in one paragraph of its body,
    the last one where it is written (the execution part closes a plan; a figure is written once) among those
    where ``words`` will find it (``_hits``), across the runs Word split the words into (each run keeps its
    formatting)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                hits = _hits(root, old, new, words)
                assert hits, old
                nodes, m = hits[-1]
                pos, done = 0, False
                for t in nodes:
                    text = t.text or ""
                    start, pos = pos, pos + len(text)
                    if pos <= m.start() or start >= m.end():
                        continue
                    before, after = text[: max(0, m.start() - start)], text[max(0, m.end() - start):]
                    t.text = before + ("" if done else new) + after
                    done = True
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(info, data)


def _applies(name: str, old: str, new: str, words: str) -> bool:
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(PLANS / name) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return bool(_hits(root, old, new, words))


def _paragraph_of(path: Path, words: str) -> int | None:
    doc = read(path)
    return next((ln.loc.line for ln in doc.lines if words in ln.text), None)


WORD_DEFECTS = [  # (regex in a paragraph, its replacement, the words to find the paragraph by, the finding)
    (r"(?<![\d.,])[89]\d(?=% hồ sơ(?! công việc))", "65", "65% hồ sơ", ("HP215-TGT-HOSO", "weaker")),
    (r"(?<=toàn trình: tối thiểu )[89]\d(?=%)", "65", "tối thiểu 65%", ("HP215-TGT-HOSO", "weaker")),
    # the plan's column of a target table (found at the row's description cell)
    (r"^≥ 8\d$", "≥ 65", "Hồ sơ thủ tục hành chính được xử lý", ("HP215-TGT-HOSO", "weaker")),
    (r"(?<=toàn trình )≥ [89]\d(?=%)", "≥ 65", "toàn trình ≥ 65%", ("HP215-TGT-HOSO", "weaker")),
    (r"(?<![\d.,])[5-9]\d(?=% cán bộ, công chức)", "40", "40% cán bộ", ("HP215-TGT-KYNANGSO", "weaker")),
    # a target table's cell holding the figure with its comparator ("≥ 60%", "Tối thiểu 50%"): the last such cell
    # of these plans is the staff-training row's
    (r"^(?:≥ |[Tt]ối thiểu )[5-9]\d(?=%$)", "40", "viên chức được tập huấn, bồi dưỡng kỹ năng số",
     ("HP215-TGT-KYNANGSO", "weaker")),
    (r"(?<=kỹ năng số: tối thiểu )[5-9]\d(?=%)", "40", "tối thiểu 40%", ("HP215-TGT-KYNANGSO", "weaker")),
    # a count against a total in the plan's column of a target table ("72/120 người", "14/14 báo cáo")
    (r"^\d{1,4}(?=/\d{1,4} người$)", "10", "viên chức được tập huấn, bồi dưỡng kỹ năng số",
     ("HP215-TGT-KYNANGSO", "weaker")),
    (r"^\d{1,4}(?=/\d{1,4} báo cáo$)", "1", "Báo cáo định kỳ", ("HP215-TGT-BAOCAO", "weaker")),
    # targets in prose with the figure last ("… toàn trình đạt tối thiểu 85%.", "… kỹ năng số đạt tối thiểu 60%")
    (r"(?<=toàn trình đạt tối thiểu )[89]\d(?=%)", "65", "đạt tối thiểu 65%", ("HP215-TGT-HOSO", "weaker")),
    (r"(?<=kỹ năng số đạt tối thiểu )[5-9]\d(?=%)", "40", "đạt tối thiểu 40%", ("HP215-TGT-KYNANGSO", "weaker")),
    # a tab-separated targets list "label <tab> city's figure <tab> the plan's": the plan's figure ends the paragraph
    (r"(?<=%)Tối thiểu [5-9]\d(?=%$)", "Tối thiểu 40", "viên chức được tập huấn, bồi dưỡng kỹ năng số",
     ("HP215-TGT-KYNANGSO", "weaker")),
    ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin",
     ("HP215-BODIES", "outdated")),
    # the percent sign in a unit column ("ĐVT": "%"), the figures bare in the plan's column (round 23e's Tiên Minh)
    (r"^[Tt]ối thiểu [5-9]\d$", "Tối thiểu 40", "viên chức được tập huấn, bồi dưỡng kỹ năng số",
     ("HP215-TGT-KYNANGSO", "weaker")),
]
WORD_COMPLIANT = [n for n in COMPLIANT if n.endswith(".docx")]


def test_every_word_plan_is_mutated() -> None:
    assert all(sum(_applies(n, *d[:3]) for d in WORD_DEFECTS) >= 2 for n in WORD_COMPLIANT)


@pytest.mark.parametrize(("name", "old", "new", "words", "want"),
                         [(n, *d) for n in WORD_COMPLIANT for d in WORD_DEFECTS if _applies(n, *d[:3])])
def test_word_plan_defect_found_at_its_paragraph(name: str, old: str, new: str, words: str, want: tuple[str, str],
                                                 packs: list[LoadedPack], tmp_path: Path) -> None:
    """A defect planted in a compliant Word plan (a lower figure, a former office) is found at its paragraph."""
    path = tmp_path / name
    _docx_with(PLANS / name, path, old, new, words)
    at = _paragraph_of(path, words)
    assert at is not None
    assert _found(check_file(path, packs).findings, Want(*want, line=at))
