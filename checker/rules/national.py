"""The national registry of legal documents: hand-verified entries (rules/references.yaml) plus the imported
consensus and header registries (rules/legal-consensus.json, rules/legal-headers.json, tools/import_legal_registry.py).

Every entry is found by an exact key, as the data defines keys, never by a similarity of numbers:

- a number with its year: ``85/2016/ND/CP``; national issuers only;
- a number without a year, with the year of its date: ``749/QD/TTG@2020`` (749/QĐ-TTg of 2021 is another decision);
- a local number (UBND, HĐND, Thành ủy, a provincial department …) with its province: ``284/QD/UBND@2022@HAI_PHONG``
  (every province, district and commune reuses the same numbers).

A citation is keyed the same way: its number, the year of the date written after it, and the province named in its
issuer ("của UBND tỉnh Bắc Ninh") or, when it names none, the province of the citing document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.rules.registries import LegalDoc
from checker.text import squash

Strength = Literal["verified", "unverified", "consensus", "header"]
RANK: dict[str, int] = {"verified": 0, "unverified": 1, "consensus": 2, "header": 3}
_YEAR = re.compile(r"\d{4}")
OCR_ISSUER = str.maketrans({"P": "D", "B": "D"})  # Đ read as P or B in an issuer code ("01-KH/BCP")
# a body below the province named before the province ("UBND huyện Cát Hải, thành phố Hải Phòng"): not the province
_LOWER = re.compile(r"\b(?:huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\b")
_PROVINCE_WORDS = r"(?:tinh|thanh pho|tp|thanh uy|tinh uy|hdnd|ubnd)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NationalEntry(_Strict):
    key: str  # the data's key, e.g. "749/QD/TTG@2020", "471/QD/UBND@2025@BAC_NINH"
    number: str  # as written: "749/QĐ-TTg"
    type: str | None = None
    issuer: str | None = None
    date: dt.date
    strength: Literal["consensus", "header"]
    province: str | None = None  # "BAC_NINH" for a local number
    citations: int | None = None  # consensus: dated citations agreeing …
    documents: int | None = None  # … in this many citing documents
    agreement: float | None = None
    title: str | None = None
    signer: str | None = None
    source: str


class NationalRegistry(_Strict):
    meta: dict[str, object]
    entries: list[NationalEntry]


@dataclass(frozen=True)
class Entry:
    """One registry entry, whatever file it comes from: what a finding needs to name and grade it."""

    key: str
    number: str
    type: str | None
    date: dt.date
    strength: Strength
    source: str
    documents: int | None = None
    doc: LegalDoc | None = None  # the hand-verified entry (issuer, status …) when there is one


def split_key(parser_key: str) -> tuple[str, bool]:
    """The parser's key ("85/2016/ND-CP", "57/NQ-TW", "116/2025/QH15") → the data's base ("85/2016/ND/CP") and
    whether the number carries its year."""
    parts = [p.replace("&", "").upper() for p in re.split(r"[/-]", parser_key) if p]
    if parts and parts[-1] == "CTUBND":  # "QĐ-CTUBND" (the chairman of the UBND): the data writes "QD/CT/UBND"
        parts[-1:] = ["CT", "UBND"]
    if parts:
        parts[0] = parts[0].lstrip("0") or "0"
    return "/".join(parts), len(parts) > 2 and bool(_YEAR.fullmatch(parts[1]))


def data_key(parser_key: str, year: int | None, province: str | None) -> str | None:
    """The exact key of a document; None when a number without a year comes without a date to give it one."""
    base, has_year = split_key(parser_key)
    if not has_year:
        if year is None:
            return None
        base += f"@{year}"
    return f"{base}@{province}" if province else base


def family_key(key: str) -> str:
    """The key with its year taken out: the same number in every year ("749/QD/TTG", "85/ND/CP")."""
    parts = key.split("@")
    head = parts[0].split("/")
    if len(head) > 2 and _YEAR.fullmatch(head[1]):
        head.pop(1)
    rest = [p for p in parts[1:] if not p.isdigit()]
    return "@".join(["/".join(head), *rest])


def _short(key: str) -> str | None:
    """"85/2016/ND/CP" → "85/2016/ND": what "NĐ 85/2016" (number, year, kind; no issuer) is keyed as."""
    head, _, rest = key.partition("@")
    parts = head.split("/")
    if len(parts) < 4 or not _YEAR.fullmatch(parts[1]):
        return None
    return "/".join(parts[:3]) + (f"@{rest}" if rest else "")


def province_code(name: str) -> str:
    """"Hải Phòng" → "HAI_PHONG", as the data writes provinces."""
    return squash(name).upper().replace(" ", "_")


@dataclass
class NationalIndex:
    exact: dict[str, list[Entry]] = field(default_factory=dict)
    short: dict[str, list[Entry]] = field(default_factory=dict)
    ocr: dict[str, list[Entry]] = field(default_factory=dict)
    family: dict[str, list[Entry]] = field(default_factory=dict)
    provinces: dict[str, str] = field(default_factory=dict)  # folded name → code
    _province_re: re.Pattern[str] | None = None

    def add(self, entry: Entry) -> None:
        self.exact.setdefault(entry.key, []).append(entry)
        self.ocr.setdefault(entry.key.translate(OCR_ISSUER), []).append(entry)
        self.family.setdefault(family_key(entry.key), []).append(entry)
        sk = _short(entry.key)
        if sk:
            self.short.setdefault(sk, []).append(entry)
        province = _key_province(entry.key)
        if province:
            self.add_province(province)

    def add_province(self, code: str) -> None:
        name = code.lower().replace("_", " ")
        if name not in self.provinces:  # the pattern is made again only for a province it does not know
            self.provinces[name] = code
            self._province_re = None

    def province_of(self, issuer: str) -> str | None:
        """The province an issuer names as itself ("UBND tỉnh Bắc Ninh" → BAC_NINH); None for a national body or
        one below the province ("UBND huyện Cát Hải", "UBND phường X, thành phố Hải Phòng")."""
        if not self.provinces:
            return None
        if self._province_re is None:
            names = "|".join(sorted(map(re.escape, self.provinces), key=len, reverse=True))
            self._province_re = re.compile(rf"\b{_PROVINCE_WORDS}\s+({names})\b")
        s = squash(issuer)
        m = self._province_re.search(s)
        if m is None or _LOWER.search(s, 0, m.start()):
            return None
        return self.provinces[m.group(1)]

    def names_lower_body(self, issuer: str) -> bool:
        return bool(_LOWER.search(squash(issuer)))

    def lookup(self, key: str) -> list[Entry]:
        found = self.exact.get(key) or self.ocr.get(key.translate(OCR_ISSUER))
        if found:
            return found
        shorts = self.short.get(key, [])
        return shorts if len({e.key for e in shorts}) == 1 else []  # "NĐ 85/2016": only when one document fits


def _key_province(key: str) -> str:
    """The province a data key ends with ("…@BAC_NINH"), "" for none or a year."""
    province = key.rsplit("@", 1)[-1] if "@" in key else ""
    return "" if province.isdigit() else province


def _verified_entry(doc: LegalDoc, parser_key: str, index: NationalIndex) -> Entry | None:
    province = index.province_of(doc.issuer)
    key = data_key(parser_key, doc.date.year, province)
    if key is None:
        return None
    strength: Strength = "verified" if doc.verified is True else "unverified"
    return Entry(key=key, number=doc.number, type=doc.type, date=doc.date, strength=strength,
                 source=f"{doc.number}: {doc.source}", doc=doc)


def build_index(verified: list[tuple[LegalDoc, str]], registries: list[NationalRegistry],
                cities: tuple[str, ...] = ()) -> NationalIndex:
    """``verified``: hand-verified documents with the parser's key of their number; ``cities``: province names
    that may be written in issuers besides those the registries know (the pack's city)."""
    index = NationalIndex()
    # every province first, so the pattern of their names is made once, when the first issuer is read (each
    # verified document's issuer is read with all of them, as before: a key's province is an entry's province)
    for reg in registries:
        for e in reg.entries:
            for province in (e.province, _key_province(e.key)):
                if province:
                    index.add_province(province)
    for city in cities:
        index.add_province(province_code(city))
    for doc, parser_key in verified:
        entry = _verified_entry(doc, parser_key, index)
        if entry is not None:
            index.add(entry)
    for reg in registries:
        for e in reg.entries:
            index.add(Entry(key=e.key, number=e.number, type=e.type, date=e.date, strength=e.strength,
                            source=e.source, documents=e.documents))
    for entries in (*index.exact.values(), *index.family.values()):
        entries.sort(key=lambda x: RANK[x.strength])
    return index
