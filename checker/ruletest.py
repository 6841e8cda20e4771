"""Rule tests shipped with a pack, as ``semgrep --test`` does: ``<rules>/tests/<pack id>/*.txt`` are small plans
whose lines are annotated with the rule ids expected there.

.. code-block:: text

    # ruleid: HP215-TGT-HOSO          ← a finding of this rule on the next line of text
    b) Tối thiểu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
    # ok: HP215-TGT-HSCV              ← no finding of this rule on the next line
    c) Tỷ lệ hồ sơ công việc ... đạt 80% (trừ hồ sơ mật).

Annotation lines (``# ruleid: A, B`` / ``# ok: A``) and other ``#`` notes are removed before the plan is read, so
they never change how it is understood; the lines they point at keep their numbers in every message. Annotations
written before the first line of text speak of the whole plan (a missing section has no line of its own): ``#
ruleid: X`` there means X is found somewhere, ``# ok: X`` that it is found nowhere. A rule named in a file is
judged strictly in that file: a finding of it where no ``ruleid`` points is a miss too. Rules a file does not name
are not judged. Every case is checked against its own pack, whatever the plan cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine import assess, run
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Document
from checker.parse import parse
from checker.rules.loader import LoadedPack

ANNOTATION = re.compile(r"^\s*#\s*(ruleid|ok)\s*:\s*(.+?)\s*$")
COMMENT = re.compile(r"^\s*#")  # any other "# ..." line: a note for the reader, removed like annotations


@dataclass
class Expectation:
    kind: str  # ruleid | ok
    rule: str
    line: int | None  # the line of text it points at (original numbering); None: the whole plan
    at: int  # the annotation's own line, for messages


@dataclass
class CaseResult:
    path: Path
    misses: list[str] = field(default_factory=list)
    named: dict[str, set[str]] = field(default_factory=dict)  # rule id → {"ruleid", "ok"} used for it


def read_annotations(text: str) -> tuple[str, list[int], list[Expectation]]:
    """The plan without its annotation lines, the original number of each line kept, and what is expected."""
    kept: list[str] = []
    origin: list[int] = []
    pending: list[tuple[str, str, int]] = []
    out: list[Expectation] = []
    seen_text = False
    for n, line in enumerate(text.splitlines(), start=1):
        m = ANNOTATION.match(line)
        if m:
            for rule in (r.strip() for r in m.group(2).split(",")):
                if rule:
                    pending.append((m.group(1), rule, n))
            continue
        if COMMENT.match(line):
            continue
        kept.append(line)
        origin.append(n)
        if not line.strip():
            continue
        for kind, rule, at in pending:
            out.append(Expectation(kind, rule, n if seen_text else None, at))
        pending = []
        seen_text = True
    out += [Expectation(kind, rule, None, at) for kind, rule, at in pending]  # at the very end: the whole plan
    return "\n".join(kept) + "\n", origin, out


def run_case(path: Path, loaded: LoadedPack) -> CaseResult:
    text = path.read_text(encoding="utf-8")
    clean, origin, expected = read_annotations(text)
    lines, tables = pipe_tables(lines_of(clean))
    plan = parse(Document(path=str(path), format="txt", lines=lines, tables=tables))
    verdict = assess(plan, [loaded], round_pack=loaded)
    found = run(plan, loaded, cited=verdict.cited)
    at: dict[str, set[int | None]] = {}
    for f in found:
        original = origin[f.line - 1] if f.line is not None and 0 < f.line <= len(origin) else None
        at.setdefault(f.id, set()).add(original)
    result = CaseResult(path)
    known = {r.id for r in loaded.pack.rules}
    for e in expected:
        result.named.setdefault(e.rule, set()).add(e.kind)
        if e.rule not in known:
            result.misses.append(f"{path}:{e.at}: {e.rule}: không có quy tắc này trong bộ {loaded.pack.pack}")
            continue
        lines_found = at.get(e.rule, set())
        where = f"dòng {e.line}" if e.line is not None else "cả kế hoạch"
        hit = bool(lines_found) if e.line is None else e.line in lines_found
        if e.kind == "ruleid" and not hit:
            seen = ", ".join(str(x) for x in sorted(x or 0 for x in lines_found)) or "không có"
            result.misses.append(f"{path}:{e.at}: ruleid {e.rule}: không có phát hiện ở {where} "
                                 f"(phát hiện của quy tắc này ở dòng: {seen})")
        if e.kind == "ok" and hit:
            result.misses.append(f"{path}:{e.at}: ok {e.rule}: có phát hiện ở {where}")
    for rule, kinds in result.named.items():
        wanted = {e.line for e in expected if e.rule == rule and e.kind == "ruleid"}
        if "ruleid" not in kinds or None in wanted:
            continue
        for line in sorted(x or 0 for x in at.get(rule, set()) - wanted):
            result.misses.append(f"{path}:{line or '-'}: {rule}: phát hiện không được chú thích ruleid")
    return result


def cases_of(rules_dir: Path, loaded: LoadedPack) -> list[Path]:
    folder = rules_dir / "tests" / loaded.pack.pack
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def uncovered(loaded: LoadedPack, results: list[CaseResult]) -> list[str]:
    """Enabled rules that lack a failing (``ruleid``) or a passing (``ok``) case."""
    named: dict[str, set[str]] = {}
    for case in results:
        for rule_id, kinds in case.named.items():
            named.setdefault(rule_id, set()).update(kinds)
    out = []
    for rule in loaded.pack.rules:
        if rule.enabled:
            lacking = {"ruleid", "ok"} - named.get(rule.id, set())
            if lacking:
                out.append(f"{rule.id} (thiếu ca {' và '.join(sorted(lacking))})")
    return out
