"""The rule pack schema: closed (unknown keys are errors), one model per rule type, discriminated on ``type``.

A phrase list ``[[a, b], [c]]`` means "(a or b) and c", compared on folded text (no case, no diacritics, OCR
damage tolerated), so a reviewer writes phrases the way plans write them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.models import Comparator, Severity, UnitType

Groups = list[list[str]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleBase(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    severity: Severity = "error"
    message: str  # what the directive asks, in Vietnamese: shown as "expected" in every finding
    label: str | None = None  # a short name for tables (the coverage matrix's column), e.g. "Hồ sơ trực tuyến"
    message_en: str | None = None
    source: str | None = None  # where the requirement comes from, for reviewers to verify
    enabled: bool = True


class RequiredCitation(RuleBase):
    """The plan must cite the directive (number and date) as the document it implements."""

    type: Literal["required-citation"]


TargetUnit = Literal["%", "giờ", "ngày", "VND", "count"]
UNIT_ALIASES = {"tiếng": "giờ", "gio": "giờ", "tieng": "giờ", "ngay": "ngày", "đồng": "VND", "VNĐ": "VND",
                "vnd": "VND", "số lượng": "count"}


class Target(RuleBase):
    """A quantified target the plan must carry at least as strongly as the directive."""

    type: Literal["target"]
    match: Groups  # what is measured: every group must be present in the item
    exclude: Groups = Field(default_factory=list)  # an item with any of these phrases is another target
    scope: Groups = Field(default_factory=list)  # phrases without which the scope is narrower
    allowed_exclusions: list[str] = Field(default_factory=list)  # "(trừ ...)" the directive itself makes
    comparator: Comparator = ">="
    value: float | None = None  # None: a qualitative target, present or not
    unit: TargetUnit = "%"
    severity_missing: Severity | None = None

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_alias(cls, v: object) -> object:
        return UNIT_ALIASES.get(v, v) if isinstance(v, str) else v


class RequiredSection(RuleBase):
    """A content part that must be a heading of the plan, or clearly present in its text."""

    type: Literal["required-section"]
    match: list[str]  # alternatives for the heading
    body_match: Groups = Field(default_factory=list)  # or: these phrases together in one item of the text


class RequiredUnit(RuleBase):
    """A unit that must be assigned work under Tổ chức thực hiện, with its role."""

    type: Literal["required-unit"]
    match: list[str]
    roles: list[str] = Field(default_factory=list)  # any of these phrases in its tasks
    role_severity: Severity = "warning"


class SectionNumbering(RuleBase):
    """Headings of one level numbered without gaps or repeats."""

    type: Literal["section-numbering"]


class PlanDate(RuleBase):
    """The plan is not dated before the directive it implements."""

    type: Literal["plan-date"]


class UnitNames(RuleBase):
    """The issuing unit exists in the units registry; no other current unit is named as the plan's own."""

    type: Literal["unit-names"]
    own_context: list[str] = Field(default_factory=lambda: ["tren dia ban", "cua", "uy ban nhan dan", "ubnd"])
    neighbour_context: list[str] = Field(
        default_factory=lambda: ["phoi hop", "giap ranh", "lien ket", "cac phuong", "cac xa", "voi"]
    )


class OutdatedBodies(RuleBase):
    """Bodies that no longer exist (registry ``bodies``), named as live actors."""

    type: Literal["outdated-bodies"]


class LegalReferences(RuleBase):
    """Citations compared with the legal reference registry: date, issuer, status."""

    type: Literal["legal-references"]
    unknown_severity: Severity | None = "info"  # a document in no registry; null: silent (info with --strict)
    other_year_severity: Severity = "info"  # the number is known only in another year (same day and month)


FormPart = Literal["motto", "issuer", "number", "date", "doc-type", "title", "signature", "recipients", "archive"]
DEFAULT_FORM_PARTS: tuple[FormPart, ...] = ("motto", "issuer", "number", "date", "doc-type", "signature", "recipients")
ALL_UNIT_TYPES: tuple[UnitType, ...] = ("phuong", "xa", "dac_khu")


class DocumentForm(RuleBase):
    """The parts of a Kế hoạch's form (NĐ 30/2020, Điều 8): header, number, date, title, signature, Nơi nhận."""

    type: Literal["document-form"]
    symbol: str = "KH-UBND"  # "": any symbol (general checks of any kind of document)
    require: list[FormPart] = Field(default_factory=lambda: list(DEFAULT_FORM_PARTS))
    # instead of the usual severity when the text lost its diacritics (OCR): parts may be lost in recognition
    ocr_severity: Severity | None = None
    # only documents whose issuer (header) names one of these: the forms the parser knows (an Ủy ban nhân dân)
    issuers: list[str] = Field(default_factory=list)


Rule = Annotated[
    RequiredCitation | Target | RequiredSection | RequiredUnit | SectionNumbering | PlanDate | UnitNames
    | OutdatedBodies | LegalReferences | DocumentForm,
    Field(discriminator="type"),
]


class Directive(_Strict):
    number: str
    date: dt.date
    issuer: str
    title: str
    short: str | None = None


class AppliesTo(_Strict):
    city: str
    units: str | None = None  # path to a units registry, relative to the pack file
    unit_types: list[UnitType] = Field(default_factory=lambda: list(ALL_UNIT_TYPES))
    period: list[str] = Field(default_factory=list)  # phrases that name the period ("6 tháng cuối năm 2025")
    subject: Groups = Field(default_factory=list)  # phrases that name the subject


class RulePack(_Strict):
    pack: str
    version: int = 1
    priority: int = 0
    directive: Directive
    applies_to: AppliesTo
    registries: str | None = None
    references: str | None = None  # path to the legal reference registry
    national: list[str] = Field(default_factory=list)  # imported registries (consensus, headers) beside it
    bodies: str | None = None  # path to the registry of bodies that no longer exist
    source: str | None = None
    target_sections: list[str] = Field(default_factory=lambda: ["muc tieu"])
    rules: list[Rule]

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"duplicate rule id {r.id!r}")
            seen.add(r.id)
        return rules


GeneralRule = Annotated[LegalReferences | OutdatedBodies | DocumentForm, Field(discriminator="type")]


class GeneralPack(_Strict):
    """Checks for any Vietnamese administrative document, whatever directive it implements (rules/general.yaml)."""

    general: str
    version: int = 1
    source: str | None = None
    references: str | None = None
    national: list[str] = Field(default_factory=list)
    bodies: str | None = None
    rules: list[GeneralRule]
