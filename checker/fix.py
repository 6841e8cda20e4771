"""``check --fix``: write the one right answer of each finding that has one (``Finding.fix``) into a corrected copy.

A Word plan gets ``<name>.fixed.docx``, each correction a tracked change (checker.tracked) and every other finding a
comment, as ``--annotate`` writes them; a text plan gets ``<name>.fixed.txt`` (``.md``), and ``--diff`` prints a
unified diff of it. The input is never written. A fix is placed by matching its words folded (case, diacritics,
spacing and line breaks may differ) on its own source line; one that cannot be placed is left as it was and said.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from checker.models import Finding, Fix, PlanResult, Report
from checker.text import fold, nfc

FIXED = ".fixed"
_TOKEN = re.compile(r"[a-z0-9%]+|[^\sa-z0-9%]")
_LINE_END = re.compile(r"\r\n|\r|\n")


def fixed_path(path: Path) -> Path:
    """``plan.docx`` → ``plan.fixed.docx``; ``plan.txt`` → ``plan.fixed.txt``."""
    return path.with_name(f"{path.stem}{FIXED}{path.suffix}")


def fixes_of(findings: Iterable[Finding]) -> list[Fix]:
    """The fixes to apply: one per distinct correction, none from a finding a reviewer has accepted (waiver,
    baseline): accepted means "leave it"."""
    out: dict[tuple[int, str, str, str], Fix] = {}
    for f in findings:
        if f.fix is not None and f.suppressed is None:
            out.setdefault((f.fix.line, fold(f.fix.old), f.fix.new, f.fix.after), f.fix)
    return list(out.values())


def pattern(words: str) -> re.Pattern[str]:
    """``words`` as a regex over folded text: its words whole, any spacing (a line break too) between them."""
    tokens = _TOKEN.findall(fold(nfc(words)))
    parts: list[str] = []
    for k, tok in enumerate(tokens):
        if k:
            word_pair = tokens[k - 1][-1].isalnum() and tok[0].isalnum()
            parts.append(r"\s+" if word_pair else r"\s*")
        parts.append(re.escape(tok))
    return re.compile(r"(?<![a-z0-9])" + "".join(parts) + r"(?![a-z0-9])")


def locate(text: str, fix: Fix, start: int = 0, first_end: int | None = None,
           end: int | None = None) -> tuple[int, int] | None:
    """Where ``fix.old`` is in ``text[start:end]``, after ``fix.after`` if set; what is found first (``after``, else
    ``old``) must open before ``first_end``: on the fix's own line, though it may run on to the next."""
    folded = fold(text)
    end = len(text) if end is None else end
    first_end = end if first_end is None else first_end
    if not _TOKEN.search(fold(fix.old)):
        return None
    if fix.after:
        m = pattern(fix.after).search(folded, start, end)
        if m is None or m.start() >= first_end:
            return None
        start, first_end = m.end(), m.end() + 30  # a date follows its number: "… ban hành ngày …"
    m = pattern(fix.old).search(folded, start, end)
    if m is not None and m.start() < first_end:
        return m.start(), m.end()
    return None if fix.after else _near(folded, fold(nfc(fix.old)), start, first_end, end)


def _near(folded: str, old: str, start: int, first_end: int, end: int) -> tuple[int, int] | None:
    """A name of three words or more with OCR damage, as the check found it ("Phong Van hea va Thong tin"): the
    same words, at most one wrong letter in a word and one in eight overall."""
    want = re.findall(r"[a-z0-9%]+", old)
    if len(want) < 3:
        return None
    budget = max(1, len(old) // 8)
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[a-z0-9%]+", folded[:end])
             if m.start() >= start]
    for k in range(len(words) - len(want) + 1):
        if words[k][0] >= first_end:
            break
        cost = 0
        for (_, _, got), w in zip(words[k : k + len(want)], want, strict=True):
            d = Levenshtein.distance(got, w, score_cutoff=1)
            cost += d
            if d > 1 or cost > budget:
                break
        else:
            return words[k][0], words[k + len(want) - 1][1]
    return None


def replacement(original: str, new: str) -> str:
    """``new`` in the case ``original`` was written in: a name in capitals stays in capitals."""
    letters = [c for c in original if c.isalpha()]
    return new.upper() if letters and all(c.isupper() for c in letters) and len(letters) > 1 else new


@dataclass
class Outcome:
    """What became of one plan's fixes: the copy written (or not), what was applied, what could not be placed."""

    path: Path
    out: Path | None = None
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)
    diff: str = ""
    notes: list[str] = field(default_factory=list)


def fix_text(text: str, fixes: list[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """``text`` with ``fixes`` applied (each found from the start of its line, within that line and the next, as
    a wrapped phrase may run on); the applied and the skipped fixes. Line ends are kept as they were."""
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    spans: list[tuple[int, int, Fix]] = []
    skipped: list[Fix] = []
    for fx in fixes:
        if not 1 <= fx.line <= len(starts):
            skipped.append(fx)
            continue
        a = starts[fx.line - 1]
        b = starts[fx.line] if fx.line < len(starts) else len(text)
        c = starts[fx.line + 1] if fx.line + 1 < len(starts) else len(text)
        where = locate(text, fx, a, b, c)
        if where is None or any(x < where[1] and where[0] < y for x, y, _ in spans):
            skipped.append(fx)
            continue
        spans.append((where[0], where[1], fx))
    out = text
    for a, b, fx in sorted(spans, key=lambda s: s[0], reverse=True):
        new = replacement(out[a:b], fx.new)
        if "\n" in out[a:b] and "\n" not in new:  # a phrase wrapped over two lines keeps its line break,
            new = _rewrap(new, out[a:b].index("\n"))  # so every later line keeps its number
        out = out[:a] + new + out[b:]
    return out, [s[2] for s in sorted(spans, key=lambda s: s[0])], skipped


def _rewrap(text: str, at: int) -> str:
    """``text`` broken at the space nearest ``at``."""
    spaces = [k for k, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    k = min(spaces, key=lambda s: abs(s - at))
    return text[:k] + "\n" + text[k + 1 :]


def unified(old: str, new: str, a: str, b: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), a, b))


def fix_plan(result: PlanResult, lang: str = "vi", write: bool = True) -> Outcome:
    """Write the corrected copy of one checked plan (``write`` False: only compute it, for ``--diff``)."""
    path = Path(result.path)
    outcome = Outcome(path)
    fixes = fixes_of(result.findings)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from checker.tracked import fix_docx

        out = fixed_path(path)
        data, outcome.applied, outcome.skipped = fix_docx(path.read_bytes(), fixes, result.findings, lang)
        if write:
            outcome.out = save(data, out, path)
        return outcome
    if suffix not in (".txt", ".md"):
        outcome.notes.append("chỉ sửa được tệp .docx, .txt, .md (hãy lưu tệp thành .docx)" if lang != "en"
                             else "only .docx, .txt, .md are corrected")
        return outcome
    from checker.ingest.txt import decode

    text, _notes = decode(path.read_bytes(), str(path))
    text = nfc(text)
    new, outcome.applied, outcome.skipped = fix_text(text, fixes)
    out = fixed_path(path)
    outcome.diff = unified(text, new, str(path), str(out))
    if write and outcome.applied:
        outcome.out = save(new.encode("utf-8"), out, path)
    return outcome


def save(data: bytes, out: Path, source: Path) -> Path:
    """Write ``data`` to ``out`` through a temporary file beside it; never onto ``source`` nor through a link."""
    import os
    import tempfile

    if out.resolve() == source.resolve():
        raise ValueError(f"{source}: the output would overwrite the input")
    fd, tmp = tempfile.mkstemp(prefix=".fix-", suffix=out.suffix, dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if out.is_symlink():
            out.unlink()
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def status_line(o: Outcome, lang: str = "vi") -> str:
    if o.notes:
        return f"fix: {o.path}: {'; '.join(o.notes)}"
    where = o.out or o.path
    if lang == "en":
        text = f"fix: {where}: {len(o.applied)} corrected"
        return text + (f", {len(o.skipped)} not placed" if o.skipped else "")
    text = f"fix: {where}: {len(o.applied)} chỗ đã sửa"
    return text + (f", {len(o.skipped)} chỗ không tìm thấy để sửa" if o.skipped else "")


def fix_report(report: Report, write: bool = True) -> list[Outcome]:
    """Every checked plan that has a fix: its corrected copy (or, ``write`` False, its diff only)."""
    outcomes: list[Outcome] = []
    for p in report.plans:
        if p.status != "checked" or not fixes_of(p.findings):
            continue
        try:
            outcomes.append(fix_plan(p, report.lang, write))
        except Exception as exc:  # a file read before but not writable now: say so, go on with the batch
            outcomes.append(Outcome(Path(p.path), notes=[f"{type(exc).__name__}: {exc}"]))
    return outcomes
