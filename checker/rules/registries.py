"""Reference data a rule pack points at: administrative units, legal documents, bodies that no longer exist.

Each is a YAML file a reviewer can edit (a new decree, a renamed unit) with no code change; each entry can name its
source so a finding built on it can be checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    # defer_build: the shipped files are built without validation (checker.rules.construct); the validator is
    # built only when a file is validated (a YAML file read, --rules)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FormerUnit(_Strict):
    name: str  # "Phường An Dương"
    district: str | None = None  # "Quận Lê Chân"
    split: bool = False  # only part of it went into this unit


class AdminUnit(_Strict):
    name: str  # "Phường An Hải"
    short_name: str  # "An Hải"
    type: Literal["phuong", "xa", "dac_khu"]
    code: str | None = None  # GSO code
    former: list[FormerUnit] = Field(default_factory=list)


class UnitsMeta(_Strict):
    city: str
    province_code: str | None = None
    effective: dt.date | None = None
    legal_basis: str | None = None
    sources: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)


class UnitsRegistry(_Strict):
    meta: UnitsMeta
    units: list[AdminUnit]
    former_districts: list[str] = Field(default_factory=list)  # district-level units abolished on ``effective``
    former_provinces: list[str] = Field(default_factory=list)  # provinces merged into the city on ``effective``


Status = Literal["in_force", "amended", "superseded", "expired_period", "party_doc", "local_plan", "unknown"]


class LegalDoc(_Strict):
    number: str  # as officially written: "85/2016/NĐ-CP"
    type: str
    issuer: str
    date: dt.date
    title: str
    status: Status = "unknown"
    superseded_by: str | None = None
    amended_by: list[str] = Field(default_factory=list)
    valid_until: dt.date | None = None
    verified: bool | Literal["partial"] = False
    source: str
    notes: str | None = None
    common_errors: list[str] = Field(default_factory=list)


class ReferencesRegistry(_Strict):
    meta: dict[str, str] = Field(default_factory=dict)
    docs: list[LegalDoc]


class DefunctBody(_Strict):
    id: str
    names: list[str]  # how plans write it (phrases, folded when compared)
    replacement: str  # what to write instead
    rename: bool = False  # the replacement is this body's own new name, one for one: ``--fix`` may write it
    since: dt.date
    kind: Literal["district", "department", "office"] = "office"
    history_context: list[str] = Field(default_factory=list)  # phrases that make a mention historical
    source: str
    verified: bool | Literal["partial"] = False
    # what narrows a name down (all optional):
    exclude: list[str] = Field(default_factory=list)  # longer phrases containing a name that are not this body
    unit_types: list[Literal["phuong", "xa", "dac_khu"]] = Field(default_factory=list)  # only plans of these
    except_units: list[str] = Field(default_factory=list)  # short names of units the rule does not apply to
    include_former_districts: bool = False  # also the units registry's ``former_districts`` and ``former_provinces``
    severity: Literal["error", "warning", "info"] | None = None  # instead of the rule's
    notes: str | None = None


class BodiesRegistry(_Strict):
    meta: dict[str, str] = Field(default_factory=dict)
    history_context: list[str] = Field(default_factory=list)  # shared, anywhere before in the sentence: "thay thế"
    history_after: list[str] = Field(default_factory=list)  # right after the name: "cũ", "trước đây"
    given_acts: list[str] = Field(default_factory=list)  # "do <body> cấp năm 2025": a one-off act the body did
    given_by: list[str] = Field(default_factory=list)  # the words naming the act's agent before the body: "do"
    bodies: list[DefunctBody]
