"""Quantified targets: the figure, its comparator ("tối thiểu", "trên", "đạt", ">", ranges), hedges and
exclusions, from list items in the text and from the rows of Word tables."""

from __future__ import annotations

import re

from checker.models import Comparator, Document, Target
from checker.parse.view import Item
from checker.text import UPPER, contains, fold, squash

_CLAUSE_END = re.compile(rf";|\.\s+(?=[{UPPER}]|\d{{1,2}}(?:\.\d{{1,2}})*\.?\s)")
RANGE = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*[-–]\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
FIGURE = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
EXCLUSION = re.compile(r"\(\s*(?:tr[a-z]{1,2}|ngoai tru|khong ke|khong bao gom)\s+([^)]{3,})\)")

# comparator words written just before the figure; longest first
_BEFORE: list[tuple[str, Comparator]] = [
    (">=", ">="), ("≥", ">="), ("=>", ">="), ("<=", "<="), ("≤", "<="), (">", ">"), ("<", "<"),
    ("toi thieu", ">="), ("it nhat", ">="), ("khong thap hon", ">="), ("khong duoi", ">="),
    ("tren", ">"), ("hon", ">"), ("vuot", ">"), ("cao hon", ">"),
    ("duoi", "<"), ("khong qua", "<="), ("toi da", "<="),
    ("khoang", "~"), ("xap xi", "~"), ("gan", "~"), ("uoc dat", "~"),
]
_BARE = r"[>≥\s]*\d{1,3}(?:[.,]\d+)?\s*%\s*\.?"
HEDGES = ["phan dau", "co gang", "huong toi", "tung buoc", "du kien", "co ban", "neu co the"]
_HEDGE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b")  # whole words: "du kien" is not in "du dieu kien"


def _number(s: str) -> float:
    return float(s.replace(",", "."))


def comparator_before(text_folded: str) -> Comparator:
    """The comparator written right before a figure (within the last few words)."""
    tail = squash(text_folded[-24:]) if text_folded.strip() else ""
    raw_tail = text_folded.rstrip()[-3:]
    for word, comp in _BEFORE:
        if not word[0].isalpha():
            if raw_tail.endswith(word):
                return comp
            continue
        if re.search(rf"(?:^|\s){word}(?: muc| ty le| la)?$", tail):
            return comp
        if len(word) >= 8 and tail and contains(tail[-(len(word) + 3) :], word, 84):
            return comp
    return "="


def targets_in_text(text: str, line_of_offset: list[tuple[int, int]], section: int | None,
                    source: str = "text") -> list[Target]:
    """Targets in one item. ``line_of_offset`` maps offsets in ``text`` (ascending) to source line numbers."""
    folded = fold(text)
    out: list[Target] = []
    clause_start = 0
    # a clause ends at ";" or at a sentence end followed by a new sentence or a numbered part ("... 95%. 1.2. ...")
    clauses = [m.end() for m in _CLAUSE_END.finditer(text)]
    clauses.append(len(folded))
    spans = []
    for c_end in clauses:
        spans.append((clause_start, c_end))
        clause_start = c_end
    for a, b in spans:
        clause = folded[a:b]
        used: list[tuple[int, int]] = []
        found: list[tuple[int, float, float | None]] = []
        for m in RANGE.finditer(clause):
            found.append((m.start(), _number(m.group(1)), _number(m.group(2))))
            used.append((m.start(), m.end()))
        for m in FIGURE.finditer(clause):
            if any(s <= m.start() < e for s, e in used):
                continue
            found.append((m.start(), _number(m.group(1)), None))
        prev_end = -1
        for pos, value, high in sorted(found):
            if value > 100 or (high is not None and high < value):
                continue
            fig_end = clause.find("%", pos) + 1
            if prev_end >= 0 and out and re.fullmatch(r"[\s.,:>≥]*", clause[prev_end:pos]):
                # "đạt trên 30%. 30%": a table's reference column run into the row, not a second target
                out[-1] = out[-1].model_copy(update={"reference_value": value})
                prev_end = fig_end
                continue
            prev_end = fig_end
            before = clause[:pos]
            comp: Comparator = ">=" if high is not None else comparator_before(before)
            after = squash(clause[pos : pos + 30])
            if re.search(r"% tro len\b", after) or re.search(r"% tro len", clause[pos : pos + 20]):
                comp = ">="
            hedged = bool(_HEDGE.search(squash(before))) or comp == "~"
            excl = [text[a + m.start(1) : a + m.end(1)].strip() for m in EXCLUSION.finditer(clause)]
            # the finding points where its quote begins: the clause, after any list marker or row number
            raw = text[a:b]
            lead = re.match(r"^[\s;]*(?:(?:[-+*•–]|\d{1,2}\b\.?|[a-zđ]\))\s*)?", raw)
            offset = a + (lead.end() if lead else 0)
            line = line_of_offset[0][1]
            for off, ln in line_of_offset:
                if off <= offset:
                    line = ln
            clause_text = re.sub(r"^\s*(?:[-+*•–]|\d{1,2}\b\.?|[a-zđ]\))\s*", "", text[a:b].strip(" ;"))
            out.append(Target(text=clause_text, value=value, value_high=high, comparator=comp, hedged=hedged,
                              exclusions=excl, line=line, section=section, source=source))  # type: ignore[arg-type]
    return out


def targets_in_items(items: list[Item], texts: list[str], line_numbers: list[int]) -> list[Target]:
    out: list[Target] = []
    for it in items:
        if "%" not in it.text:
            continue
        mapping: list[tuple[int, int]] = []
        pos = 0
        parts = []
        for i in it.line_numbers:
            t = texts[i].strip()
            if not t:
                continue
            mapping.append((pos, line_numbers[i]))
            parts.append(t)
            pos += len(t) + 1
        text = " ".join(parts)
        targets = targets_in_text(text, mapping, it.section)
        # a table flattened into text gives the parent's figure a line of its own ("100%"): that is the
        # reference column, not a second target
        bare = {line_numbers[i] for i in it.line_numbers if re.fullmatch(_BARE, texts[i].strip())}
        kept: list[Target] = []
        for target in targets:
            if kept and target.line in bare:
                kept[-1] = kept[-1].model_copy(update={"reference_value": target.value})
            else:
                kept.append(target)
        out.extend(kept)
    return out


REFERENCE_COLUMN = ["thanh pho", "tinh", "cap tren", "giao", "chi dao"]
OWN_COLUMN = ["phuong", "xa", "dac khu", "don vi", "dang ky"]


def _column_roles(header: list[str]) -> dict[int, str]:
    """Which columns hold the parent's figure and which the plan's own, from a header row's words."""
    roles: dict[int, str] = {}
    for k, text in enumerate(header):
        sq = squash(text)
        if any(re.search(rf"\b{w}\b", sq) for w in REFERENCE_COLUMN):
            roles[k] = "reference"
        elif any(re.search(rf"\b{w}\b", sq) for w in OWN_COLUMN):
            roles[k] = "own"
    return roles


def targets_in_tables(doc: Document, section_of: dict[int, int | None]) -> list[Target]:
    """Rows of tables (Word, Markdown): the widest cell with words is what is measured; a figure in the plan's
    column (or in that cell) is its target, a figure in the parent's column ("Chỉ tiêu thành phố") the
    reference. A row giving only the parent's figure adopts it as the plan's own."""
    out: list[Target] = []
    for table in doc.tables:
        roles: dict[int, str] = {}
        for row in table.rows:
            texts = [c.text.strip() for c in row]
            if not any(FIGURE.search(t) for t in texts):
                roles = _column_roles(texts) or roles  # a header row
                continue
            wordy = [k for k, t in enumerate(texts) if re.search(r"[^\W\d_]{3,}", t)]
            if not wordy:
                continue
            main = max(wordy, key=lambda k: len(texts[k]))
            cell = row[main]
            figures = [k for k, t in enumerate(texts) if k != main and FIGURE.search(t) and k not in wordy]
            refs = [k for k in figures if roles.get(k) == "reference"]
            owns = [k for k in figures if roles.get(k) != "reference"]
            text = texts[main]
            if not FIGURE.search(text):
                source = owns[0] if owns else (refs[0] if refs else None)
                if source is None:
                    continue
                text = f"{text} {texts[source]}"
                if source in owns:
                    owns.remove(source)
            targets = targets_in_text(text, [(0, cell.loc.line)], section_of.get(cell.loc.line), "table")
            ref_col = refs[0] if refs else (owns[0] if owns else None)
            if ref_col is not None:
                m = FIGURE.search(texts[ref_col])
                ref = _number(m.group(1)) if m else None
                targets = [t.model_copy(update={"reference_value": ref}) for t in targets]
            out.extend(targets)
    return out
