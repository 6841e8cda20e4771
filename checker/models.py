"""Pydantic models at the stage boundaries: Document (read) → Plan (understand) → Finding/Report (check, report)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker import text as _text

Kind = Literal["missing", "weaker", "inconsistent", "outdated", "incomplete"]
Severity = Literal["error", "warning", "info"]
Status = Literal["checked", "not-applicable", "unreadable"]
Comparator = Literal[">=", ">", "=", "<=", "<", "~"]
UnitType = Literal["phuong", "xa", "dac_khu"]
UNIT_TYPE_WORDS: dict[str, str] = {"phuong": "phường", "xa": "xã", "dac_khu": "đặc khu"}

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


# the words of a location, as a reader of the file names the place
_WHERE: dict[str, dict[str, str]] = {
    "vi": {"page": "trang", "footnote": "chú thích", "table": "bảng", "row": "hàng", "cell": "ô",
           "paragraph": "đoạn", "line": "dòng"},
    "en": {"page": "page", "footnote": "footnote", "table": "table", "row": "row", "cell": "cell",
           "paragraph": "paragraph", "line": "line"},
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- read


class Location(_Frozen):
    """Where a piece of text sits in its source file.

    ``line`` is always set: the 1-based line of a text file, or the 1-based paragraph number of a Word file
    (table cells are numbered in reading order with the paragraphs), or the 1-based line across all pages of
    a PDF. The other fields say more where the format has them.
    """

    line: int
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    footnote: int | None = None  # a Word footnote's number: the line is that footnote's text

    def describe(self, lang: str = "vi", lines: bool = False) -> str:
        """Where, as the reader of the file finds it: a Word file's paragraph, or its table, row and cell (the
        ``line`` that numbers them in reading order is left out: Word shows no such line), a footnote's number, a
        PDF's page; else the line. ``lines``: the file is a text whose lines its editor shows (.txt, .md): a table
        cell is said at its line too, "dòng 42 (bảng 2, hàng 3, ô 2)"."""
        words = _WHERE.get(lang, _WHERE["vi"])
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"{words['page']} {self.page}")
        if self.footnote is not None:
            parts.append(f"{words['footnote']} {self.footnote}")
        if self.table is not None:
            cell = ", ".join(f"{words[k]} {n}" for k, n in (("table", self.table), ("row", self.row),
                                                            ("cell", self.cell)) if n is not None)
            parts.append(f"{words['line']} {self.line} ({cell})" if lines else cell)
        elif self.paragraph is not None:
            parts.append(f"{words['paragraph']} {self.paragraph}")
        else:
            parts.append(f"{words['line']} {self.line}")
        return ", ".join(parts)


class Span(_Frozen):
    """Where the text of a logical line or block starts coming from ``loc``: offsets ``start`` up to the next span."""

    start: int
    loc: Location


def _loc_at(spans: list[Span], default: Location, offset: int) -> Location:
    found = default
    for span in spans:
        if span.start > offset:
            break
        found = span.loc
    return found


class Line(_Frozen):
    """One line (or paragraph, or table cell) of a document, its text NFC-normalised but otherwise original.

    A logical line (one block of text, unwrapped) carries ``spans``: which source location each part of its text
    came from, so a quote at any offset still points at its real line, paragraph, cell or page.
    """

    text: str
    loc: Location
    spans: list[Span] = Field(default_factory=list)

    def loc_at(self, offset: int) -> Location:
        """The source location of the character at ``offset`` of ``text``."""
        return _loc_at(self.spans, self.loc, offset)

    def line_at(self, offset: int) -> int:
        return self.loc_at(offset).line

    def source_lines(self) -> list[int]:
        return sorted({self.loc.line, *(s.loc.line for s in self.spans)})

    def pieces(self) -> list[tuple[str, int]]:
        """The logical line cut back at its source line breaks (where a space joined them; a word hyphenated
        at a line end stays whole), each piece's text with its own source line (plain tuples: no model per
        piece on the hot path)."""
        if len(self.spans) < 2:
            return [(self.text, self.loc.line)]
        cuts = [s for k, s in enumerate(self.spans) if k == 0 or self.text[s.start - 1 : s.start] == " "]
        out: list[tuple[str, int]] = []
        for k, s in enumerate(cuts):
            end = cuts[k + 1].start if k + 1 < len(cuts) else len(self.text)
            out.append((self.text[s.start : end].rstrip(), s.loc.line))
        return out


class TableCell(_Frozen):
    text: str
    loc: Location


class Table(_Frozen):
    """A table as rows of cells (from Word); text plans have none, their tables arrive flattened into lines."""

    rows: list[list[TableCell]]


BlockKind = Literal["header", "title", "heading", "paragraph", "list_item", "table", "signature", "recipients",
                    "appendix"]


class Block(_Frozen):
    """One logical block of a document, the same for every format (pandoc's idea): what downstream reads.

    ``text`` is the block's words with wrapping, hyphenation and spacing undone; ``spans`` map its offsets back to
    the source (line, paragraph, table cell, page). A table keeps its ``rows``; a heading or list item its
    ``marker`` ("II.", "1.2.", "a)", "-") and ``level``; ``column`` says which column of a two-column header or
    signature line it came from.
    """

    kind: BlockKind
    text: str = ""
    spans: list[Span] = Field(default_factory=list)
    marker: str = ""
    level: int | None = None
    column: Literal["left", "right"] | None = None
    rows: list[list[TableCell]] = Field(default_factory=list)
    roles: list[str | None] = Field(default_factory=list)  # per column of a table: "reference", "own", None
    indent: int | None = None  # a Word list paragraph's left indent (twips): lists drawn alike told apart by it

    @property
    def loc(self) -> Location:
        if self.spans:
            return self.spans[0].loc
        if self.rows and self.rows[0]:
            return self.rows[0][0].loc
        return Location(line=0)

    def loc_at(self, offset: int) -> Location:
        return _loc_at(self.spans, self.loc, offset)


class Document(_Frozen):
    """A plan as read from a file: its lines in reading order, its logical blocks, and what the reader noticed.

    ``lines`` are the physical lines (a Word file: paragraphs and cells, numbered as ``--annotate`` numbers them);
    ``blocks`` the logical blocks every stage after reading works on (empty: inferred from ``lines``).
    """

    path: str
    format: str  # txt, md, docx, pdf, yaml, json
    lines: list[Line] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # e.g. "đã chuyển mã TCVN3 sang Unicode"
    structured: dict[str, object] | None = None  # a plan already in data form (.yaml/.json)
    ocr: bool = False  # some of its pages were pictures, read by OCR (``checker.ingest.ocr``)


# --------------------------------------------------------------------------- understand


class DocRef(_Frozen):
    """A legal or policy document cited in the plan."""

    kind: str | None = None  # "Nghị định", "Quyết định", "Kế hoạch", ... (canonical Vietnamese name)
    number: str  # canonical key, e.g. "85/2016/ND-CP", "215/KH-UBND"
    raw_number: str = ""  # as written, e.g. "85/2016/NB-CP"
    date: dt.date | None = None
    raw_date: str | None = None
    issuer: str | None = None
    text: str = ""  # the quoted words of the citation
    line: int | None = None
    implements: bool = False  # cited as the document this plan implements ("Thực hiện ...")


class Section(_Frozen):
    """A heading with its number as written (I., 1., 1.1., a)) and its level in the tree."""

    number: str = ""  # "I", "2", "2.1", "a" ("" for an unnumbered heading)
    style: Literal["roman", "arabic", "dotted", "letter", "part", "none"] = "none"  # part: "Phần I", "A."
    title: str
    line: int | None = None
    level: int = 1
    parent: int | None = None  # index into Plan.sections


class Target(_Frozen):
    """A quantified target: what is measured, the figure, the comparator, the scope."""

    text: str  # the whole item, as written
    value: float
    value_high: float | None = None  # upper end of a range "80% - 90%"
    unit: str = "%"
    comparator: Comparator = ">="
    hedged: bool = False  # "phấn đấu", "khoảng", "cơ bản": an aspiration, not a commitment
    exclusions: list[str] = Field(default_factory=list)  # "(trừ ...)" clauses
    line: int | None = None
    section: int | None = None  # index into Plan.sections
    source: Literal["text", "table"] = "text"
    reference_value: float | None = None  # a second figure in a table row (the city's column)
    reference_text: str | None = None  # that figure as written ("Tối thiểu 80%")
    implicit: bool = False  # "toàn bộ", "tất cả": 100% in words, not a figure (or a vague quantity: ``vague``)
    vague: str | None = None  # a quantity in vague words, no figure ("Phần lớn", "đa số"), as written; value 0
    restated: bool = False  # the parent's figure restated ("Kế hoạch 215 giao các chỉ tiêu: ..."), not the plan's
    due: dt.date | None = None  # the deadline it is set for, where its table column names one ("Đến 31/12/2026")
    change: str | None = None  # the figure is a change, not a level: its words ("tăng 10% so với năm 2024")
    # a condition it is made to depend on, as written ("nếu được thành phố hỗ trợ kinh phí số hóa")
    condition: str = ""
    # the group its list point stands in, where a point of a list above it leads it in with a colon ("- Về thủ tục
    # hành chính và dịch vụ công trực tuyến:" over "+ 100% thủ tục đủ điều kiện …"): its subject carries on
    group: str = ""
    # the words of its item before the item's first figure, for a target whose clause follows that figure: what a
    # clause naming nothing it measures ("b) Hồ sơ trực tuyến: năm 2024 … đạt 58,5%. Thành phố giao tối thiểu 80%;
    # xã phấn đấu đến 31/12/2025 đạt tối thiểu 85%.") measures
    subject: str = ""


class Assignment(_Frozen):
    """A unit given work under Tổ chức thực hiện, with the text of its tasks."""

    unit: str
    line: int | None = None
    tasks: list[str] = Field(default_factory=list)
    task_lines: list[int] = Field(default_factory=list)
    # False where a table names the office only in its phối hợp column, or by a matrix's mark other than the chủ trì's
    # ("PH", "x"): a part in the task, not known to lead it
    leads: bool = True


class Header(_Frozen):
    issuer: str | None = None  # "ỦY BAN NHÂN DÂN PHƯỜNG LÊ THANH NGHỊ"
    issuer_line: int | None = None
    unit_type: UnitType | None = None
    unit_name: str | None = None  # "Lê Thanh Nghị" (as read, NFC)
    unit_line: int | None = None  # where the unit's name is written in the header
    number: str | None = None  # "41/KH-UBND"; "" when the number is left blank
    number_line: int | None = None
    number_blank: bool = False
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_line: int | None = None
    date_blank: bool = False  # day or month left blank: a draft
    year: int | None = None
    month: int | None = None
    draft: bool = False  # marked "DỰ THẢO", or number or day left blank: not yet signed
    draft_line: int | None = None  # where a draft's mark is typed in brackets in the header ("(Dự thảo lần 2)")
    issuer_level: str | None = None  # commune, district, province, ministry, government, party, steering
    national_motto: bool = False  # quốc hiệu + tiêu ngữ found
    doc_type_line: int | None = None  # the line "KẾ HOẠCH" (or the document's other type name: "BÁO CÁO")
    # the document's type (rules/conventions.yaml document_types: "Kế hoạch", "Báo cáo", "Tờ trình", "Công văn"):
    # its type name, else the abbreviation in its number's symbol ("312/BC-UBND"), else a letter's "V/v" subject
    doc_type: str | None = None
    party_motto: bool = False  # "ĐẢNG CỘNG SẢN VIỆT NAM" in the header: a Party document's form
    title: str | None = None
    title_line: int | None = None

    @property
    def dated_from(self) -> dt.date | None:
        """The plan's date, or, where a draft leaves its day (or month) blank ("ngày    tháng 9 năm 2025"), the first
        day of the month (or year) it gives: the earliest the plan can bear, so a figure of an earlier year or day
        is a result already reached all the same."""
        if self.date is not None:
            return self.date
        return dt.date(self.year, self.month or 1, 1) if self.year else None


class Signature(_Frozen):
    authority: str | None = None  # "TM. ỦY BAN NHÂN DÂN"
    marks: list[tuple[str, int]] = Field(default_factory=list)  # each mark of authority as written, and its line:
    # ("TM.", 40), ("KT.", 41); "T/M" of an older template
    position: str | None = None  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str | None = None
    line: int | None = None
    # each position written as a column of its own at or below the block's mark, squashed, and its line: the
    # signer's title as the block sets it ("pho chu tich" under "TM. ỦY BAN NHÂN DÂN"), not a recipient beside it
    titles: list[tuple[str, int]] = Field(default_factory=list)


class Plan(_Frozen):
    """What a plan says, as far as the checks need it."""

    path: str
    format: str
    header: Header = Field(default_factory=Header)
    implements: list[DocRef] = Field(default_factory=list)
    references: list[DocRef] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    recipients_line: int | None = None
    signature: Signature = Field(default_factory=Signature)
    notes: list[str] = Field(default_factory=list)
    ocr: bool = False  # some of its pages were pictures, read by OCR
    lines: list[Line] = Field(default_factory=list, exclude=True)  # the text, for checks that scan it

    # facts of the whole text, judged once per plan (not once per rule and line): its cached properties. A copy
    # (``model_copy``, with other lines, say) judges them again: they are left out of it
    def __copy__(self) -> Plan:
        return self._unjudged(super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Plan:
        return self._unjudged(super().__deepcopy__(memo))

    @classmethod
    def _unjudged(cls, plan: Plan) -> Plan:
        for name, attr in vars(cls).items():
            if isinstance(attr, cached_property):
                plan.__dict__.pop(name, None)
        return plan

    @cached_property
    def derived(self) -> dict[str, object]:
        """What the checks derive from the plan, by name, made once for every rule that reads it
        (``checks.base.per_plan``)."""
        return {}

    @cached_property
    def diacritic_counts(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(words, words with a diacritic) of the first 200 lines, and of the rest (``text.diacritic_counts``)."""
        return (_text.diacritic_counts(" ".join(ln.text for ln in self.lines[:200])),
                _text.diacritic_counts(" ".join(ln.text for ln in self.lines[200:])))

    @property
    def lost_diacritics(self) -> bool:
        """The plan's text lost its diacritics (OCR, unaccented typing), judged on its first 200 lines."""
        return _text.share_of(*self.diacritic_counts[0]) < _text.OCR_SHARE

    @property
    def recognised(self) -> bool:
        """Its text came through character recognition: it lost its diacritics (an OCR without them), or pages of it
        were pictures read by OCR. Letters and figures there may be misread, parts lost."""
        return self.ocr or self.lost_diacritics_whole

    @property
    def lost_diacritics_whole(self) -> bool:
        """The same, judged on all its lines."""
        (w1, m1), (w2, m2) = self.diacritic_counts
        return _text.share_of(w1 + w2, m1 + m2) < _text.OCR_SHARE


# --------------------------------------------------------------------------- check and report


class Fix(_Frozen):
    """A finding's one right answer, for ``--fix``: at source ``line``, the words ``old`` (matched folded, so
    case, diacritics and spacing may differ) become ``new``; ``after``, when set, is written before them on that
    line (the cited number a date belongs to) and picks the right occurrence."""

    line: int
    old: str
    new: str
    after: str = ""


class Finding(_Frozen):
    """One problem found in one plan. ``id`` is the rule id; ``check`` the check family that raised it."""

    id: str
    check: str
    kind: Kind
    severity: Severity
    line: int | None
    message: str
    evidence: str = ""
    expected: str = ""
    actual: str = ""
    location: Location | None = None
    source: str | None = None  # the rule's or the registry entry's source, for reviewers to verify
    fingerprint: str | None = None  # stable across line moves (checker.baseline.fingerprint)
    suppressed: Literal["baseline", "waiver"] | None = None  # shown, but not counted nor failing
    fix: Fix | None = None  # set only where there is one right answer (a registry date, a renamed office)

    def key(self) -> tuple[str, str, int | None]:
        return (self.id, self.kind, self.line)


class PlanFacts(_Frozen):
    """What the reviewer's desk (coverage matrix, workbook, letters) needs of a plan beyond its findings:
    gathered while the plan is checked, so reports never go back to the plan. Not part of the JSON contract."""

    title: str | None = None
    number: str | None = None
    date: dt.date | None = None
    directive: str | None = None  # the directive as a letter names it ("Kế hoạch số 215/KH-UBND ngày ... của ...")
    judged: list[str] = Field(default_factory=list)  # ids of the coverage items (targets, parts, units) judged
    found: dict[str, int] = Field(default_factory=dict)  # item id → line where the plan has it (0: no line)
    figures: dict[str, str] = Field(default_factory=dict)  # target id → the plan's own figure ("tối thiểu 85%")


class PlanResult(_Frozen):
    path: str
    status: Status
    reason: str | None = None
    directive: str | None = None
    unit: str | None = None
    format: str | None = None
    notes: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    # general checks of any administrative document (rules/general.yaml): kept apart from the directive's findings,
    # not in counts() nor in the exit code unless --fail-on-general
    general: list[Finding] = Field(default_factory=list)
    facts: PlanFacts | None = None  # for the reviewer's desk (checker.report.desk)

    def counts(self, general: bool = False) -> dict[str, int]:
        """Findings not accepted (baseline, waiver) by severity: the directive's, or the general checks'."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.general if general else self.findings:
            if f.suppressed is None:
                out[f.severity] += 1
        return out


class Report(_Frozen):
    plans: list[PlanResult] = Field(default_factory=list)
    lang: Literal["vi", "en"] = "vi"
    rules: list[dict[str, object]] = Field(default_factory=list)  # rule descriptions, for SARIF and HTML
    units: list[dict[str, str]] = Field(default_factory=list)  # the units registry: every unit expected to submit
    previous: list[PlanResult] | None = None  # the last round's results (--previous), to say what was fixed

    def summary(self) -> dict[str, object]:
        totals = {"error": 0, "warning": 0, "info": 0}
        for p in self.plans:
            for sev, n in p.counts().items():
                totals[sev] += n
        general = {"error": 0, "warning": 0, "info": 0}
        for p in self.plans:
            for sev, n in p.counts(general=True).items():
                general[sev] += n
        return {
            "plans": len(self.plans),
            "checked": sum(1 for p in self.plans if p.status == "checked"),
            "findings": totals,
            "general": general,
        }
