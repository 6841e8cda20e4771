"""Reply letters (``--letters``): one Word letter per checked plan, shaped as an official letter (công văn) under
NĐ 30/2020/NĐ-CP, Phụ lục I, for the reviewer to edit and sign: header, "V/v góp ý dự thảo Kế hoạch …", Kính gửi,
a numbered list of what to correct (the plan's words, where they are, what the directive asks), closing, signature
block, Nơi nhận. A plan with nothing to correct gets a short letter of acceptance. The wording and the sender come
from an editable YAML template beside the rules (``rules/letters.yaml``)."""

from __future__ import annotations

import datetime as dt
import re
import string
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.checks.citation import vn_date
from checker.clean import one_line
from checker.models import Finding, PlanResult, Report
from checker.rules.loader import DEFAULT_RULES, load_model
from checker.text import squash

TEMPLATE = "letters.yaml"
GENERATOR = "check-plans"  # in each letter's properties: how a later run knows the letters it wrote
FOLDER = "thu-gop-y"
FONT = "Times New Roman"
LETTER_FIELDS = {"unit", "plan", "title", "directive", "n"}
ITEM_FIELDS = LETTER_FIELDS | {"where", "quote", "problem", "expected"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sender(_Strict):
    parent: str = ""
    office: str
    symbol: str
    place: str


class Signer(_Strict):
    authority: str = ""
    position: str
    name: str = ""


class LetterTemplate(_Strict):
    """``rules/letters.yaml``: who writes, who signs, and the wording (with {placeholders})."""

    sender: Sender
    signer: Signer
    recipients: list[str] = Field(default_factory=list)
    subject: str
    addressee: str
    opening: str
    corrections: str
    item: str
    item_missing: str
    requirement: str
    notes: str
    closing: str
    acceptance: str

    @field_validator("subject", "addressee", "opening", "corrections", "closing", "acceptance", "notes")
    @classmethod
    def _letter_fields(cls, text: str) -> str:
        return _known(text, LETTER_FIELDS)

    @field_validator("item", "item_missing", "requirement")
    @classmethod
    def _item_fields(cls, text: str) -> str:
        return _known(text, ITEM_FIELDS)


def _known(text: str, allowed: set[str]) -> str:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"dấu ngoặc nhọn không khớp: {exc}") from None
    unknown = sorted(names - allowed)
    if unknown:
        raise ValueError(f"chỗ điền không có: {{{unknown[0]}}} (dùng được: {', '.join(sorted(allowed))})")
    return text


def template_path(rules_dirs: list[Path]) -> Path:
    """The template beside the rules in use (the first ``--rules DIR`` that has one), else the shipped one."""
    for where in rules_dirs:
        folder = where if where.is_dir() else where.parent
        if (folder / TEMPLATE).is_file():
            return folder / TEMPLATE
    return DEFAULT_RULES / TEMPLATE


def load_template(path: Path) -> LetterTemplate:
    return load_model(path, LetterTemplate)


# --------------------------------------------------------------------------- wording


def _clean(text: str) -> str:
    return one_line(text or "")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _bare(text: str) -> str:
    return _clean(text).rstrip(" .;")


def letter_fields(plan: PlanResult, directive: str) -> dict[str, str]:
    facts = plan.facts
    unit = _lower_first(plan.unit) if plan.unit else f"đơn vị gửi tệp {Path(plan.path).name}"
    title = _lower_first(_bare(facts.title or "")) if facts and facts.title else f"của {unit}"
    ref = "dự thảo Kế hoạch"
    if facts and facts.number:
        ref += f" số {facts.number}"
    if facts and facts.date:
        ref += f" ngày {vn_date(facts.date)}"
    return {"unit": unit, "plan": ref, "title": title, "directive": directive, "n": ""}


def item_text(f: Finding, tpl: LetterTemplate, fields: dict[str, str], requirement: str = "") -> str:
    """One correction: where, the plan's words, what is wrong, and what the directive asks (``requirement``: the
    rule's full wording; said once: left out when the remark already contains it)."""
    where = f.location.describe() if f.location else (f"dòng {f.line}" if f.line else "")
    expected = _bare(requirement or f.expected)
    values = {**fields, "where": where[:1].upper() + where[1:], "quote": _clean(f.evidence),
              "problem": _bare(f.message), "expected": expected}
    text = (tpl.item if f.evidence.strip() and where else tpl.item_missing).format(**values)
    if expected and squash(expected) not in squash(f.message):
        text += " " + tpl.requirement.format(**values)
    return text


def directive_name(plan: PlanResult) -> str:
    if plan.facts and plan.facts.directive:
        return plan.facts.directive
    return f"văn bản số {plan.directive}" if plan.directive else "văn bản chỉ đạo"


# --------------------------------------------------------------------------- the document


def build_letter(plan: PlanResult, tpl: LetterTemplate, directive: str,
                 requirements: dict[str, str] | None = None) -> object:
    """The letter as a python-docx Document; ``requirements``: rule id → what the directive asks, in full."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    fields = letter_fields(plan, directive)
    shown = [f for f in plan.findings if f.suppressed is None]
    corrections = [f for f in shown if f.severity in ("error", "warning")]
    notes = [f for f in shown if f.severity == "info"]
    fields["n"] = str(len(corrections))
    asks = requirements or {}

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, margins of NĐ 30/2020 Phụ lục I
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", FONT)
    style.paragraph_format.space_after = Pt(0)

    def para(cell_or_doc: object, text: str, *, size: float = 14, bold: bool = False, italic: bool = False,
             align: int | None = WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6,
             underline: bool = False) -> object:
        p = cell_or_doc.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = align
        p.paragraph_format.space_after = Pt(after)
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.27)
        run = p.add_run(_clean(text))
        run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
        return p

    center = WD_ALIGN_PARAGRAPH.CENTER
    head = _table(doc, Cm(7), Cm(9.5))
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    for cell in (left, right):
        cell.paragraphs[0].text = ""
    if tpl.sender.parent:
        para(left, tpl.sender.parent, size=13, align=center, after=0)
    para(left, tpl.sender.office, size=13, bold=True, align=center, after=0, underline=True)
    para(left, f"Số:        /{tpl.sender.symbol}", size=13, align=center, after=2)
    para(left, tpl.subject.format(**fields), size=12, align=center, after=0)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align=center, after=0)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=center, after=6, underline=True)
    para(right, f"{tpl.sender.place}, ngày      tháng      năm {dt.date.today().year}", size=14, italic=True,
         align=center)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)  # the empty paragraph every new cell has

    para(doc, "", after=0)
    para(doc, f"Kính gửi: {tpl.addressee.format(**fields)}.", align=center, after=12)
    para(doc, tpl.opening.format(**fields), indent=True)
    if corrections:
        para(doc, tpl.corrections.format(**fields), indent=True)
        for k, f in enumerate(corrections, 1):
            para(doc, f"{k}. {item_text(f, tpl, fields, asks.get(f.id, ''))}", indent=True)
    else:
        para(doc, tpl.acceptance.format(**fields), indent=True)
    if notes:
        para(doc, tpl.notes.format(**fields), indent=True)
        for f in notes:
            para(doc, f"- {item_text(f, tpl, fields, asks.get(f.id, ''))}", indent=True)
    if corrections:
        para(doc, tpl.closing.format(**fields), indent=True)

    para(doc, "", after=0)
    foot = _table(doc, Cm(8), Cm(8.5))
    where, sign = foot.rows[0].cells
    para(where, "Nơi nhận:", size=12, bold=True, italic=True, align=None, after=0)
    for line in tpl.recipients:
        para(where, f"- {line}", size=11, align=None, after=0)
    if tpl.signer.authority:
        para(sign, tpl.signer.authority, size=14, bold=True, align=center, after=0)
    para(sign, tpl.signer.position, size=14, bold=True, align=center, after=0)
    for _ in range(4):
        para(sign, "", after=0)
    para(sign, tpl.signer.name or " ", size=14, bold=True, align=center, after=0)
    for cell in (where, sign):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)
    return doc


def _table(doc: Any, *widths: Any) -> Any:
    """A borderless one-row table with fixed column widths (Word reads the cells', LibreOffice the grid's)."""
    table = doc.add_table(rows=1, cols=len(widths))
    table.autofit = False
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
        for cell in col.cells:
            cell.width = width
    return table


OWN_LETTER = re.compile(r"\d{3,}-[A-Za-z0-9._-]*\.docx")  # the names Writer gives


def letter_name(k: int, plan: PlanResult) -> str:
    """The letter of the ``k``-th plan is named like its HTML page."""
    from checker.report.html_report import page_name

    return page_name(k, plan).rsplit(".", 1)[0] + ".docx"


def remove_earlier_letters(folder: Path) -> list[Path]:
    """Delete the letters an earlier run wrote (named as Writer names them AND marked as ours in their
    properties), so the folder holds this round's letters only; a letter the reviewer saved under another name,
    or any other file, stays."""
    removed: list[Path] = []
    for path in folder.iterdir():
        if not OWN_LETTER.fullmatch(path.name) or path.is_symlink() or not path.is_file():
            continue
        try:
            with zipfile.ZipFile(path) as z:
                core = z.read("docProps/core.xml")
        except (OSError, KeyError, zipfile.BadZipFile):
            continue
        if GENERATOR.encode() in core:
            path.unlink()
            removed.append(path)
    return removed


class Writer:
    """Letters written plan by plan into ``out_dir/thu-gop-y/`` (one per checked plan)."""

    def __init__(self, out_dir: Path, template: LetterTemplate, rules: list[dict[str, object]]) -> None:
        self.folder = out_dir / FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        remove_earlier_letters(self.folder)
        self.template = template
        self.asks = {str(r["id"]): str(r.get("message") or "") for r in rules}
        self.count = 0
        self.written: list[Path] = []

    def add(self, plan: PlanResult) -> None:
        self.count += 1
        if plan.status != "checked":
            return
        doc = build_letter(plan, self.template, directive_name(plan), self.asks)
        doc.core_properties.comments = GENERATOR  # type: ignore[attr-defined]
        path = self.folder / letter_name(self.count, plan)
        doc.save(str(path))  # type: ignore[attr-defined]
        self.written.append(path)

    def close(self, summary: dict[str, object]) -> None:
        return None

    def message(self) -> str:
        return f"thư góp ý: {len(self.written)} tệp .docx trong {self.folder}"


def write_letters(report: Report, out_dir: Path, tpl: LetterTemplate) -> list[Path]:
    """One letter per checked plan of a whole report."""
    w = Writer(out_dir, tpl, report.rules)
    for plan in report.plans:
        w.add(plan)
    return w.written
