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

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.checks.citation import vn_date
from checker.clean import one_line
from checker.models import Finding, PlanResult, Report
from checker.report.labels import where as label_where
from checker.report.wordml import Page, Par, document, paragraph, table
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


def item_text(f: Finding, tpl: LetterTemplate, fields: dict[str, str], requirement: str = "",
              fmt: str | None = None) -> str:
    """One correction: where (in the plan's file, of format ``fmt``), the plan's words, what is wrong, and what the
    directive asks (``requirement``: the rule's full wording; said once: left out when the remark already contains
    it)."""
    where = label_where(f, fmt) if f.location or f.line else ""
    expected = _bare(requirement or f.expected)
    values = {**fields, "where": where[:1].upper() + where[1:], "quote": _bare(f.evidence),
              "problem": _bare(f.message), "expected": expected}
    text = (tpl.item if f.evidence.strip() and where else tpl.item_missing).format(**values)
    if expected and squash(expected) not in squash(f.message):
        text += " " + tpl.requirement.format(**values)
    return text.replace("….", "…")  # a remark cut short ends its sentence with the ellipsis alone


def directive_name(plan: PlanResult) -> str:
    if plan.facts and plan.facts.directive:
        return plan.facts.directive
    return f"văn bản số {plan.directive}" if plan.directive else "văn bản chỉ đạo"


# --------------------------------------------------------------------------- the document


def build_letter(plan: PlanResult, tpl: LetterTemplate, directive: str,
                 requirements: dict[str, str] | None = None) -> bytes:
    """The letter as a .docx; ``requirements``: rule id → what the directive asks, in full."""
    fields = letter_fields(plan, directive)
    shown = [f for f in plan.findings if f.suppressed is None]
    corrections = [f for f in shown if f.severity in ("error", "warning")]
    notes = [f for f in shown if f.severity == "info"]
    fields["n"] = str(len(corrections))
    asks = requirements or {}

    def centred(text: str, size: float = 14, after: float = 0, **style: bool) -> Par:
        return Par(text, size=size, align="center", after=after, **style)

    def body(text: str) -> Par:
        return Par(text, indent=True)

    # sizes of NĐ 30/2020 Phụ lục I at their smaller end (12-13 pt): in Times New Roman "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    # (12 pt bold, 6.5 cm) keeps to one line of the 7 cm column, the national motto (8.8 cm) to one of 9.5 cm
    left = [*([centred(tpl.sender.parent, 12)] if tpl.sender.parent else []),
            centred(tpl.sender.office, 12, bold=True, underline=True),
            centred(f"Số:        /{tpl.sender.symbol}", 13, after=2),
            centred(tpl.subject.format(**fields), 12)]
    right = [centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True),
             centred("Độc lập - Tự do - Hạnh phúc", 13, after=6, bold=True, underline=True),
             centred(f"{tpl.sender.place}, ngày     tháng     năm {dt.date.today().year}", 13, after=6,
                     italic=True)]
    pars = [Par("", after=0), centred(f"Kính gửi: {tpl.addressee.format(**fields)}.", after=12),
            body(tpl.opening.format(**fields))]
    if corrections:
        pars.append(body(tpl.corrections.format(**fields)))
        pars += [body(f"{k}. {item_text(f, tpl, fields, asks.get(f.id, ''), plan.format)}")
                 for k, f in enumerate(corrections, 1)]
    else:
        pars.append(body(tpl.acceptance.format(**fields)))
    if notes:
        pars.append(body(tpl.notes.format(**fields)))
        pars += [body(f"- {item_text(f, tpl, fields, asks.get(f.id, ''), plan.format)}") for f in notes]
    if corrections:
        pars.append(body(tpl.closing.format(**fields)))
    pars.append(Par("", after=0))
    where = [Par("Nơi nhận:", size=12, bold=True, italic=True, align="left", after=0),
             *(Par(f"- {line}", size=11, align="left", after=0) for line in tpl.recipients)]
    sign = [*([centred(tpl.signer.authority, bold=True)] if tpl.signer.authority else []),
            centred(tpl.signer.position, bold=True), *(centred("") for _ in range(4)),
            centred(tpl.signer.name or " ", bold=True)]
    xml = [table([(7, left), (9.5, right)]), *map(paragraph, pars), table([(8, where), (8.5, sign)])]
    return document(xml, Page(font=FONT), creator=tpl.sender.office, description=GENERATOR,
                    title=tpl.subject.format(**fields))


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
        path = self.folder / letter_name(self.count, plan)
        path.write_bytes(build_letter(plan, self.template, directive_name(plan), self.asks))
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
