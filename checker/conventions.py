"""The conventions of Vietnamese administrative documents (NĐ 30/2020 and common practice), read from
``rules/conventions.yaml``: motto, issuers at every level, names of parts, list alphabets, history markers,
abbreviations. The understand stage reads plans by this vocabulary; none of it is written in code."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.text import MEMO, fold, nfc, opening, squash

Level = Literal["commune", "district", "province", "ministry", "government", "party", "steering"]


class _Strict(BaseModel):
    # defer_build: the shipped files are built without validation (checker.rules.construct); the validator is
    # built only when a file is validated (a YAML file read, --rules)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class IssuerLevel(_Strict):
    level: Level
    unit_type: Literal["phuong", "xa", "dac_khu"] | None = None
    words: list[str]


class TableColumns(_Strict):
    reference: list[str]
    own: list[str]
    ignore: list[str]
    subject: list[str] = Field(default_factory=list)
    deadline: list[str] = Field(default_factory=list)


class Collective(_Strict):
    body: str  # "Ủy ban nhân dân", as the header names it
    head: str  # "Chủ tịch"
    deputy: str  # "Phó Chủ tịch"


class Signers(_Strict):
    authorities: list[str]
    positions: list[str]
    deputies: list[str]
    marks: dict[str, list[str]] = Field(default_factory=dict)  # the standard mark → the other ways it is written
    collective: list[Collective] = Field(default_factory=list)  # bodies whose plans are signed "TM."
    delegated: list[str] = Field(default_factory=list)  # the marks of a signature by delegation ("TL.", "TUQ.")
    for_body: str = "TM."  # the mark of a signature for a collective body
    for_head: list[str] = Field(default_factory=list)  # the marks of a signature for the head ("KT.", "Q.")
    for_deputy: str = "KT."  # among them, the mark of a deputy's signature for the head
    # how loud a collective body's plan signed for its head with no mark for the body above is ("KT. CHỦ TỊCH"
    # alone); None: not reported
    head_alone: Literal["error", "warning", "info"] | None = None


class AssignmentColumns(_Strict):
    lead: list[str]
    support: list[str]
    task: list[str]
    marks: list[str] = Field(default_factory=list)  # a matrix's cells: the office of the column has a part
    lead_marks: list[str] = Field(default_factory=list)  # those of them that make it the task's lead


class PlanLead(_Strict):
    """The đầu mối of the whole plan as against that of a field (checks/structure ``_plan_leads``)."""

    words: list[str] = Field(default_factory=list)
    plan: list[str] = Field(default_factory=list)
    field: list[str] = Field(default_factory=list)
    predicates: list[str] = Field(default_factory=list)
    subject_openers: list[str] = Field(default_factory=list)


class AbbreviationLegends(_Strict):
    """How a plan gives its own abbreviations (checker/parse/legend.py)."""

    openers: list[str] = Field(default_factory=list)
    inline: list[str] = Field(default_factory=list)
    separators: list[str] = Field(default_factory=list)


Meaning = Literal[">=", ">", "=", "~", "<=", "<"]  # checker.models.Comparator


class ComparatorWord(_Strict):
    word: str  # "tối thiểu", "≥"
    means: Meaning


class DocumentType(_Strict):
    name: str  # "Báo cáo", as NĐ 30/2020 names the type
    abbreviations: list[str] = Field(default_factory=list)  # "BC": the type's part of a number's symbol
    plan: bool = False  # the type a directive asks a unit to issue (Kế hoạch)
    letter: bool = False  # Công văn: no type name, known by its subject line ("V/v ...")


class NumberWords(_Strict):
    digits: dict[str, int]
    ten: str
    hundred: str


class NegatedExceptions(_Strict):
    """All of them said by denying any exception: an opening, the subject, "nào", then an exception word."""

    openings: list[str]
    exceptions: list[str]


class UnitTypeAbbreviation(_Strict):
    abbreviation: str  # "P."
    type: str  # the unit type it stands for before a unit's name: "phường"
    also: str = ""  # the office word it abbreviates too ("Phòng"): never a unit's name after it


class Conventions(_Strict):
    source: str
    motto: list[str]
    issuer_bodies: list[str]
    issuer_levels: list[IssuerLevel]
    number_labels: list[str]
    ocr_full_stop: list[str]
    ocr_digit_letters: dict[str, str] = Field(default_factory=dict)
    draft_markers: list[str]
    draft_rounds: list[str]
    figure_placeholders: list[str] = Field(default_factory=list)
    letter_subject: list[str] = Field(default_factory=list)
    addressee: list[str] = Field(default_factory=list)
    preamble_openers: list[str] = Field(default_factory=list)
    document_types: list[DocumentType] = Field(default_factory=list)
    party_motto: list[str] = Field(default_factory=list)
    subordinate_issuers: list[str] = Field(default_factory=list)
    signers: Signers
    parts: dict[str, list[str]]
    parts_at_top: dict[str, list[str]] = Field(default_factory=dict)
    results_before_objectives: list[str] = Field(default_factory=list)
    results_with_targets: list[str] = Field(default_factory=list)
    year_heading_openers: list[str] = Field(default_factory=list)
    part_markers: list[str]
    numbered_labels: list[str] = Field(default_factory=list)
    topic_markers: list[str] = Field(default_factory=list)
    title_dashes: list[str] = Field(default_factory=list)
    continuous_markers: list[str] = Field(default_factory=list)
    part_ordinals: list[str]
    ocr_words: dict[str, list[str]] = Field(default_factory=dict)
    part_letters: str
    list_alphabet: str
    word_alphabet: str
    bullet_glyphs: list[str] = Field(default_factory=list)
    hedges: list[str]
    enumeration_openers: list[str] = Field(default_factory=list)
    history_markers: list[str]
    period_starts: list[str] = Field(default_factory=list)
    until_replaced: list[str] = Field(default_factory=list)
    citation_history: list[str] = Field(default_factory=list)
    appendix_of: list[str] = Field(default_factory=list)
    attachment_labels: list[str] = Field(default_factory=lambda: ["Phụ lục"])
    row_number_headers: list[str] = Field(default_factory=list)
    former_unit_words: list[str] = Field(default_factory=list)
    higher_level_after_office: list[str] = Field(default_factory=list)
    city_addressees: list[str] = Field(default_factory=list)
    unit_type_abbreviations: list[UnitTypeAbbreviation] = Field(default_factory=list)
    name_joiners: list[str] = Field(default_factory=list)
    whole_words: list[str]
    negated_exceptions: NegatedExceptions | None = None
    vague_quantities: list[str] = Field(default_factory=list)
    complete_cells: list[str] = Field(default_factory=list)
    none_cells: list[str] = Field(default_factory=list)
    proportion_units: list[str] = Field(default_factory=list)
    proportion_totals: list[str] = Field(default_factory=list)
    percent_units: list[str] = Field(default_factory=list)
    whole_word_compounds: list[str] = Field(default_factory=list)
    exclusion_words: list[str]
    subject_narrowers: list[str] = Field(default_factory=list)
    subject_persons: list[str] = Field(default_factory=list)
    subject_part_openers: list[str] = Field(default_factory=list)
    subject_narrower_links: list[str] = Field(default_factory=list)
    target_parts: list[str] = Field(default_factory=list)
    target_wholes: list[str] = Field(default_factory=list)
    target_part_links: list[str] = Field(default_factory=list)
    other_programmes: list[str] = Field(default_factory=list)
    percent_forms: list[str]
    change_words: list[str] = Field(default_factory=list)
    rise_from: list[str] = Field(default_factory=list)
    rise_to: list[str] = Field(default_factory=list)
    point_forms: list[str] = Field(default_factory=list)
    respectively: list[str] = Field(default_factory=list)
    fraction_not_after: list[str] = Field(default_factory=list)
    count_separators: list[str] = Field(default_factory=list)
    target_conditions: list[str] = Field(default_factory=list)
    number_takers: list[str] = Field(default_factory=list)
    dash_compounds: list[str] = Field(default_factory=list)
    number_words: NumberWords | None = None
    attribution: list[str]
    restated_parent: list[str] = Field(default_factory=list)
    restated_not: list[str] = Field(default_factory=list)
    comparator_idioms: list[str] = Field(default_factory=list)
    past_markers: list[str]
    comparators: list[ComparatorWord]
    figure_bounds: list[str] = Field(default_factory=list)
    hedge_time_frames: list[str] = Field(default_factory=list)
    list_levels: list[str] = Field(default_factory=list)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    issuer_abbreviations: dict[str, str] = Field(default_factory=dict)
    page_words: list[str] = Field(default_factory=list)
    signature_stamp_opens: list[str] = Field(default_factory=list)
    signature_stamp_labels: list[str] = Field(default_factory=list)
    copy_forms: list[str] = Field(default_factory=list)
    copy_symbols: list[str] = Field(default_factory=list)
    page_of: list[str] = Field(default_factory=list)
    table_columns: TableColumns
    office_words: list[str]
    assignment_verbs: list[str]
    assignment_columns: AssignmentColumns
    plan_lead: PlanLead = Field(default_factory=PlanLead)
    assignment_parts: list[str] = Field(default_factory=lambda: ["to-chuc-thuc-hien"])
    abbreviation_legends: AbbreviationLegends = Field(default_factory=AbbreviationLegends)
    formation_brackets: list[str] = Field(default_factory=list)

    def part(self, key: str) -> list[str]:
        """The squashed names of a part (its own and its synonyms)."""
        return [squash(n) for n in self.parts.get(key, [])]

    def part_at_top(self, key: str) -> list[str]:
        """The squashed names a part has only as a top-level heading opening with them (``parts_at_top``)."""
        return [squash(n) for n in self.parts_at_top.get(key, [])]

    def top_synonyms(self, phrases: list[str]) -> list[str]:
        """The squashed names only a top-level heading has (``parts_at_top``) of a part any of ``phrases`` names."""
        out = [squash(p) for p in phrases]
        return [squash(n) for key, names in self.parts.items() if squash(names[0]) in out
                for n in self.parts_at_top.get(key, [])]

    def ordinal_forms(self) -> list[list[str]]:
        """Each part ordinal (squashed) with the ways OCR without diacritics reads it (``ocr_words``): "phan thir
        hai" is "Phần thứ hai"."""
        readings = {squash(w): [squash(r) for r in rs] for w, rs in self.ocr_words.items()}
        return [[" ".join(ws) for ws in product(*([w, *readings.get(w, [])] for w in squash(o).split()))]
                for o in self.part_ordinals]

    def synonyms(self, phrases: list[str]) -> list[str]:
        """``phrases`` (squashed) with every other name of a part any of them names."""
        out = [squash(p) for p in phrases]
        for names in self.parts.values():
            folded = [squash(n) for n in names]
            if folded[0] in out:
                out += [n for n in folded if n not in out]
        return out


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> Conventions:
    """The conventions beside the built-in rule pack (``rules/`` of a checkout, ``builtin_rules`` when installed)."""
    from checker.rules.loader import DEFAULT_RULES, load_model

    return load_model(path or DEFAULT_RULES / "conventions.yaml", Conventions)


def conventions() -> Conventions:
    return load()


@lru_cache(maxsize=1)
def comparator_words() -> tuple[tuple[str, Meaning], ...]:
    """(word, meaning) of every comparator word (``comparators``), in the order they are tried: words folded as
    ``squash`` writes them ("tối thiểu" → "toi thieu"), signs as written ("≥", ">=")."""
    return tuple((squash(c.word) if c.word[0].isalpha() else c.word, c.means) for c in conventions().comparators)


@lru_cache(maxsize=1)
def comparator_phrases() -> frozenset[str]:
    """The comparator words (not signs) a figure's cell may open with ("Tối thiểu 80%", "Không thấp hơn 45%"),
    folded."""
    return frozenset(w for w, _ in comparator_words() if w[0].isalpha())


@lru_cache(maxsize=1)
def comparator_lengths() -> tuple[int, ...]:
    """How many words the comparator phrases have, the most first."""
    return tuple(sorted({len(w.split()) for w in comparator_phrases()}, reverse=True))


def comparator_opening(words: list[str]) -> int:
    """How many of ``words`` a comparator phrase opening them takes ("Không thấp hơn 45%": 3), the longest
    first; 0 when none does, or when nothing follows it."""
    return next((n for n in comparator_lengths() if len(words) > n
                 and squash(" ".join(words[:n])) in comparator_phrases()), 0)


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    conv = conventions()
    table = {squash(k): squash(v) for k, v in conv.abbreviations.items()}
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile(opening(keys) + r"(?<![a-z0-9])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![a-z0-9])")
    return pattern, table


@lru_cache(maxsize=MEMO)
def expand(squashed: str) -> str:
    """Squashed text with abbreviations written out ("tthc" → "thu tuc hanh chinh"): what rules are written in."""
    pattern, table = _abbreviation_pattern()
    return pattern.sub(lambda m: table[m.group(0)], squashed)


@lru_cache(maxsize=1)
def issuer_abbreviations() -> dict[str, str]:
    """An issuer's initials (squashed, one word) and its words (squashed): ``issuer_abbreviations``."""
    return {squash(k): squash(v) for k, v in conventions().issuer_abbreviations.items()}


def issuer_words(squashed: str) -> str:
    """Squashed text with an issuer's initials written out word by word ("tp giao" → "thanh pho giao")."""
    table = issuer_abbreviations()
    return " ".join(table.get(w, w) for w in squashed.split())


@lru_cache(maxsize=4096)
def spellings(name: str) -> tuple[str, ...]:
    """``name`` and its other spellings with the words that join its halves swapped one for another (rules/
    conventions.yaml ``name_joiners``: "Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Thông tin"), ``name`` first,
    one of each spelling as the plan's words are compared (squashed: "-" and "–" are one)."""
    joiners = conventions().name_joiners
    if not joiners:
        return (name,)
    alternatives = "|".join(re.escape(j) for j in sorted(joiners, key=len, reverse=True))
    pieces = re.split(rf"(?<=\S) ({alternatives}) (?=\S)", name)
    out = {squash(name): name}
    for chosen in product(joiners, repeat=len(pieces) // 2):
        spelt = pieces[0] + "".join(f" {j} {piece}" for j, piece in zip(chosen, pieces[2::2], strict=True))
        out.setdefault(squash(spelt), spelt)
    return tuple(out.values())


def squashed_spellings(phrases: list[str]) -> list[str]:
    """``phrases`` squashed, each in every spelling of the words joining its halves (``spellings``)."""
    return [squash(x) for p in phrases for x in spellings(p)]


def expanded(text: str) -> str:
    return expand(squash(text))


def unabbreviated(text: str) -> str:
    """Squashed text with its abbreviations taken out ("P. VH-XH" → "", "TỔ CHỨC (BCĐ)" → "to chuc"): the words
    of its own."""
    pattern, _ = _abbreviation_pattern()
    return " ".join(pattern.sub(" ", squash(text)).split())


TYPE_QUALIFIER_WORDS = 3  # "KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH": a type name in capitals and a few words


def document_type_of(text: str) -> DocumentType | None:
    """The type a title-block line names (``document_types``): its name alone, in any case ("KẾ HOẠCH", "Kế
    hoạch:"), or in capitals followed by a qualifier of a few words ("KẾ HOẠCH HÀNH ĐỘNG"); None for any other
    line (a sentence, a heading with a figure, "Kế hoạch số 215/KH-UBND ..."). A line written with diacritics is
    compared as written, one letter's mark misread allowed ("KÉ HOẠCH"): folded, "PHƯỜNG AN" would read "PHƯƠNG ÁN"."""
    raw = nfc(text.strip(" \t#*>_")).rstrip(": ")
    spaced = _letter_spaced(raw)
    raw = spaced if spaced is not None else raw
    words = " ".join(raw.casefold().split())
    marked = not raw.isascii()
    for dt in conventions().document_types:
        name = " ".join(nfc(dt.name).casefold().split()) if marked else squash(dt.name)
        line = words if marked else squash(raw)
        if _nearly(line, name) or (spaced is not None and " " not in spaced
                                   and _nearly(line, name.replace(" ", ""))):
            return dt
        rest = line[len(name) :]
        if (rest.startswith(" ") and _nearly(line[: len(name)], name)
                and len(rest.split()) <= TYPE_QUALIFIER_WORDS and raw.isupper() and not any(c.isdigit() for c in raw)):
            return dt
    return None


def _letter_spaced(text: str) -> str | None:
    """A title set with its letters spaced out ("K Ế  H O Ạ C H": a title's expanded character spacing as a PDF's
    text gives it, or typed so) as its words, read apart where two spaces or more stand ("KẾ HOẠCH"; with one
    space everywhere, the letters run together: "KẾHOẠCH"); None for a line with a word of two letters or more."""
    letters = text.split()
    if len(letters) < 4 or any(len(c) != 1 or not c.isalpha() for c in letters):
        return None
    return " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", text.strip()))


def _nearly(written: str, name: str) -> bool:
    """The same words, at most one letter differing (an OCR's misread mark)."""
    return len(written) == len(name) and sum(a != b for a, b in zip(written, name, strict=True)) <= 1


@lru_cache(maxsize=1)
def _document_type_words() -> frozenset[str]:
    return frozenset(squash(w) for dt in conventions().document_types for w in [dt.name, *dt.abbreviations])


def names_a_document(words: str) -> bool:
    """The words before a number are a document's type, by its name or abbreviation, with or without "số" ("KH",
    "Kế hoạch số", "Đề án", "QĐ" of ``document_types``): the number is the document's ("KH 215", "Đề án 06"),
    never a figure."""
    sq = squash(words)
    return bool(sq) and (sq in _document_type_words() or sq.endswith(" so") and sq[:-3] in _document_type_words())


@lru_cache(maxsize=1)  # the conventions are loaded once
def row_number_headers() -> frozenset[str]:
    """The header cells of a table's row-number column ("STT", "TT": ``row_number_headers``), squashed."""
    return frozenset(squash(w) for w in conventions().row_number_headers)


@lru_cache(maxsize=1)  # the conventions are loaded once
def attachment_label() -> re.Pattern[str]:
    """A squashed line that opens with an attachment's label (``attachment_labels``: "phu luc ii", "bieu mau so 01"),
    as a whole word: where an appendix or a form after the closing begins."""
    words = sorted((squash(w) for w in conventions().attachment_labels), key=len, reverse=True)
    return re.compile(rf"^\s*(?:{'|'.join(map(re.escape, words))})\b")


@lru_cache(maxsize=1)  # the conventions are loaded once
def appendix_reference() -> re.Pattern[str] | None:
    """A line that opens with an appendix's reference to its document (``appendix_of``: "(Kèm theo Kế hoạch số
    96/KH-UBND …)"), on the folded text; the number it gives as its group ("96/kh-ubnd")."""
    forms = [r"\s+".join(map(re.escape, fold(f).split())) for f in conventions().appendix_of]
    if not forms:
        return None
    # the symbol's parts as typed, joined by a hyphen with spaces or none ("96/KH-UBND", "96/KH - UBND")
    return re.compile(rf"^[\s(]*(?:{'|'.join(forms)})\s*(\d+\s*/\s*[\w.]+(?:\s*-\s*[\w.]+)*)")


def document_type_by_symbol(number: str) -> DocumentType | None:
    """The type the abbreviation in a number's symbol names: "312/BC-UBND" (the symbol's first part), "05-KH/ĐU"
    (a Party document's: between the number and the issuer); None where the symbol opens with the issuer's
    abbreviation ("286/UBND-VHXH": a letter's)."""
    m = re.match(r"\s*\d*\s*/\s*([^\W\d_]+)\s*-", number) or re.match(r"\s*\d*\s*-\s*([^\W\d_]+)\s*/", number)
    if m is None:
        return None
    code = squash(m.group(1))
    return next((dt for dt in conventions().document_types if code in {squash(a) for a in dt.abbreviations}), None)
