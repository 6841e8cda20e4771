"""``check rules draft DOCUMENT``: a rule pack drafted from a directive, for a person to review.

The directive is read with the same readers and parser as a plan (``checker.ingest`` → ``checker.parse``): its own
number, date and issuer come from its header; its targets (figure, comparator, unit, "(trừ …)" exclusions) from the
target parser; its content parts from its headings; the units it assigns from Tổ chức thực hiện. What is measured
is cut from each target's own words by the vocabulary of ``rules/drafting.yaml`` and narrowed until it matches no
other target of the same directive. Every rule is ``verified: false`` and its ``source`` is the directive's line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from checker.checks.targets import matches
from checker.conventions import conventions, expanded
from checker.ingest import Limits, read
from checker.models import Plan, Section
from checker.models import Target as PlanTarget
from checker.parse import parse
from checker.parse.header import title_case
from checker.parse.sections import heading_title
from checker.parse.targets import comparator_before
from checker.rules.loader import DEFAULT_RULES, load_model, load_yaml
from checker.rules.schema import RulePack, Target
from checker.text import contains, fold, squash

MAX_GROUPS = 4  # what is measured, in at most this many notions
MAX_WORDS = 4  # a phrase longer than this is cut (plans reword long phrases)


class Drafting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    separators: list[str]
    drop: list[str]
    terms: list[str]
    scope_words: list[str]
    lead_verbs: list[str]
    unit_openers: list[str]
    unit_any: list[str]
    roles: list[str]
    subjects: list[str]
    alternatives: list[str]


@lru_cache(maxsize=2)
def vocabulary(path: Path | None = None) -> Drafting:
    return load_model(path or DEFAULT_RULES / "drafting.yaml", Drafting)


# --------------------------------------------------------------------------- phrases of what is measured

_WORD = re.compile(r"[^\W_]+|\d+(?:[.,]\d+)*%?|%")
_BREAK = re.compile(r"[,;:.()\[\]\"“”/–—-]")


@dataclass
class Phrase:
    words: list[str]  # as written
    term: bool = False
    linked: bool = False  # joined to the phrase before by "," "và" "hoặc": an alternative of the same notion

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        return squash(self.text)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(word as written, the characters before it), abbreviations written out ("TTHC" → "thủ tục hành chính")."""
    table = {squash(k): v for k, v in conventions().abbreviations.items() if " " not in squash(k)}
    out: list[tuple[str, str]] = []
    last = 0
    for m in _WORD.finditer(text):
        gap = text[last : m.start()]
        last = m.end()
        full = table.get(squash(m.group(0)))
        words = full.replace(",", "").split() if full and not m.group(0).islower() else [m.group(0)]
        out += [(w, gap if k == 0 else " ") for k, w in enumerate(words)]
    return out


def _at(folded: list[str], i: int, phrases: list[list[str]], fuzzy: bool = False) -> int:
    """Length of the longest of ``phrases`` (folded word lists) starting at word ``i``; 0 when none does. Fuzzy:
    OCR damage of about one letter in seven is tolerated in phrases of 8 letters or more ("ho so cong viee")."""
    for p in phrases:
        here = folded[i : i + len(p)]
        if here == p:
            return len(p)
        joined = " ".join(p)
        if fuzzy and len(here) == len(p) and len(joined) >= 8 and here[0][:1] == p[0][:1] and fuzz.ratio(
                joined, " ".join(here), score_cutoff=85):
            return len(p)
    return 0


def _split(phrases: list[str]) -> list[list[str]]:
    return sorted((squash(p).split() for p in phrases if squash(p)), key=len, reverse=True)


def phrases_of(text: str) -> list[Phrase]:
    """The notions of a sentence, in order: runs of words between function words, figures and punctuation; the
    vocabulary's terms kept whole; a phrase after "," "và" "hoặc" marked as an alternative of the one before."""
    voc = vocabulary()
    toks = _tokens(text)
    folded = [squash(w) for w, _ in toks]
    terms, stops = _split(voc.terms), _split(voc.separators + voc.drop)
    joins = {squash(a) for a in voc.alternatives if squash(a)}
    join_marks = {a.strip() for a in voc.alternatives if not squash(a)}
    out: list[Phrase] = []
    run: list[str] = []
    link = False

    def flush() -> None:
        nonlocal link
        while run and squash(run[0]) in ("so", "muc"):  # "100% số hộ": the count, not the thing
            run.pop(0)
        for k in range(0, len(run), MAX_WORDS):
            out.append(Phrase(list(run[k : k + MAX_WORDS]), linked=link and k == 0))
            link = False
        run.clear()

    i = 0
    while i < len(toks):
        word, gap = toks[i]
        if _BREAK.search(gap):
            flush()
            link = gap.strip() in join_marks
        n = _at(folded, i, terms, fuzzy=True)
        if n:
            flush()
            # written as the vocabulary writes it: an OCR'd "ho so cong viée" is drafted "hồ sơ công việc"
            here = " ".join(folded[i : i + n])
            form = min((t for t in voc.terms if len(squash(t).split()) == n),
                       key=lambda t: -fuzz.ratio(squash(t), here))
            out.append(Phrase(form.replace(",", "").split(), term=True, linked=link))
            link = False
            i += n
            continue
        n = _at(folded, i, stops)
        if n or any(c.isdigit() for c in word) or word == "%":
            flush()
            link = n == 1 and folded[i] in joins
            i += max(n, 1)
            continue
        run.append(word)
        i += 1
    flush()
    return out


def groups_of(phrases: list[Phrase]) -> list[list[Phrase]]:
    """Alternatives of one notion together: "người dân, doanh nghiệp" is one group of two."""
    out: list[list[Phrase]] = []
    for p in phrases:
        if p.linked and out and len(p.words) <= 3 and all(len(q.words) <= 3 for q in out[-1]):
            out[-1].append(p)
        else:
            out.append([p])
    return out


# --------------------------------------------------------------------------- targets


@dataclass
class Drafted:
    """A pack drafted from a document: YAML-ready data, and what the draft could not find."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _in_target_part(plan: Plan, t: PlanTarget) -> bool:
    names = conventions().part("muc-tieu")
    k, seen = t.section, set()
    while k is not None and 0 <= k < len(plan.sections) and k not in seen:
        seen.add(k)
        if any(contains(squash(plan.sections[k].title), n, 85) for n in names):
            return True
        k = plan.sections[k].parent
    return False


def _directive_comparator(t: PlanTarget) -> str:
    """A directive's plain figure is a bound: "đạt 75%" a floor; a duration or a time limit a ceiling. Where the
    figure is the city's column of a table, its comparator is that column's ("30%": plain), not the row's own."""
    comparator = t.comparator
    if t.reference_value is not None:
        ref = t.reference_text or ""
        comparator = comparator_before(fold(ref[: next((k for k, c in enumerate(ref) if c.isdigit()), len(ref))]))
    if comparator in ("=", "~"):
        return "<=" if t.unit in ("giờ", "ngày") else ">="
    return comparator


def _slug(phrase: str) -> str:
    words = squash(phrase).split()
    return ("".join(w[0] for w in words) if len(words) > 1 else words[0][:6]).upper() if words else "X"


def _target_rule(t: PlanTarget, others: list[PlanTarget], source: str) -> dict[str, Any] | None:
    voc = vocabulary()
    skip = {squash(s) for s in voc.scope_words} | {
        squash(w) for lv in conventions().issuer_levels for w in lv.words}  # "đặc khu" is where, not what
    own = expanded(t.text)
    phrases = [p for p in _subject_first(_body(t.text)) if p.key and p.key not in skip and (len(p.words) > 1 or p.term)
               and contains(own, p.key)]
    seen: set[str] = set()
    phrases = [p for p in phrases if not (p.key in seen or seen.add(p.key))]  # type: ignore[func-returns-value]
    cands = groups_of(phrases)
    if not cands:
        return None
    other_texts = [expanded(o.text) for o in others]

    def spread(g: list[Phrase]) -> int:
        return sum(any(contains(o, p.key) for p in g) for o in other_texts)

    # terms first, the rarest first; then other words in the order written (the thing measured opens the sentence)
    ranked = sorted(range(len(cands)), key=lambda k: (not any(p.term for p in cands[k]),
                                                      spread(cands[k]) if any(p.term for p in cands[k]) else 0, k))
    chosen: list[int] = []
    for k in ranked:
        chosen.append(k)
        rule = _as_target(cands, sorted(chosen), [], t)
        clash = [o for o in others if o.unit == t.unit and matches(rule, o.text)]
        if (len(chosen) >= min(2, len(cands)) and not clash) or len(chosen) == MAX_GROUPS:
            break
    groups = sorted(chosen)
    exclude: list[list[str]] = []
    rule = _as_target(cands, groups, exclude, t)
    for o in others:
        if o.unit != t.unit or not matches(rule, o.text):
            continue
        theirs = [p for p in phrases_of(_body(o.text)) if p.key and len(p.words) > 1 and not contains(own, p.key)]
        if theirs:
            exclude.append([min(theirs, key=lambda p: sum(contains(x, p.key) for x in other_texts)).text])
            rule = _as_target(cands, groups, exclude, t)
    scope = [[s] for s in voc.scope_words if contains(own, squash(s))]
    data: dict[str, Any] = {
        "id": "", "type": "target", "verified": False,
        "message": _one_line(t.text), "match": [[p.text for p in cands[k]] for k in groups],
    }
    if exclude:
        data["exclude"] = exclude
    if scope:
        data["scope"] = scope[:1]
    allowed = [a for a in (_allowed(ex, [p for k in groups for p in cands[k]]) for ex in t.exclusions) if a]
    if allowed:
        data["allowed_exclusions"] = allowed
    value = t.reference_value if t.reference_value is not None else t.value
    data |= {"comparator": _directive_comparator(t), "value": int(value) if value == int(value) else value,
             "unit": t.unit}
    if t.hedged:
        data["severity"] = "warning"
    data["source"] = source
    data["_slug"] = _slug(cands[groups[0]][0].text)
    return data


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*\s*%?")


def _subject_first(text: str) -> list[Phrase]:
    """The sentence's phrases, those that name the thing measured first: the words right after the figure
    ("trên 90% văn bản được ký số") or, where the figure closes its phrase ("... đạt 75%"), the opening words."""
    m = _FIGURE.search(text)
    if m and re.match(r"\s*[^\W\d_]", text[m.end():]):
        return phrases_of(text[m.end():]) + phrases_of(text[: m.start()])
    return phrases_of(text)


def _as_target(cands: list[list[Phrase]], groups: list[int], exclude: list[list[str]], t: PlanTarget) -> Target:
    return Target.model_validate({"id": "D", "type": "target", "message": "m", "exclude": exclude, "value": 1,
                                  "match": [[p.text for p in cands[k]] for k in groups], "unit": t.unit})


def _body(text: str) -> str:
    """A target's words without its "(trừ …)" clause (the exclusions are drafted on their own)."""
    return re.sub(r"\([^)]*\)", " ", text)


def _allowed(exclusion: str, measured: list[Phrase]) -> str | None:
    """The words of a "(trừ …)" clause that name what is left out, not the thing measured again."""
    keys = {p.key for p in measured}
    parts = [p for p in phrases_of(exclusion) if p.key not in keys and p.key]
    if not parts:
        return None
    return max(parts, key=lambda p: (len(p.words), -parts.index(p))).text


def _one_line(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _targets(plan: Plan, where: str) -> Iterator[dict[str, Any]]:
    """One rule for each distinct target: those of the targets part, then firm ones stated elsewhere (warnings)."""
    # a vague quantity ("từng bước ...") sets no figure to draft: its item is a qualitative target (_qualitative)
    listed = [t for t in plan.targets if _in_target_part(plan, t) and t.vague is None]
    # outside the targets part only firm figures: not "phấn đấu", not "toàn bộ"/"tuyệt đối" read as 100%
    elsewhere = [t for t in plan.targets if t not in listed and not t.hedged and not t.implicit]
    made: list[tuple[Target, PlanTarget]] = []
    for t in listed + elsewhere:
        if any(r.unit == t.unit and matches(r, t.text) and (r.value == (t.reference_value or t.value))
               for r, _ in made):
            continue  # the same target stated again (a table's row and its repeat, a part quoting the targets)
        others = [o for o in plan.targets if o is not t and squash(o.text) != squash(t.text)]
        data = _target_rule(t, others, f"{where}:{t.line}: {_one_line(t.text, 90)}")
        if data is None:
            continue
        if t not in listed:
            data["severity"] = "warning"
            data["source"] += " (ngoài phần Mục tiêu)"
        made.append((_as_rule(data), t))
        yield data
    yield from _qualitative(plan, where, listed)


_ITEM = re.compile(r"^\s*(?:[-+•–*]|[a-zđ]\))\s+\S")


def _qualitative(plan: Plan, where: str, listed: list[PlanTarget]) -> Iterator[dict[str, Any]]:
    """Items without a figure in the list of quantified targets ("- Hệ thống thông tin ... được thực hiện phương án
    bảo đảm an toàn thông tin"): targets present or not (``value: null``), at the lowest severity."""
    figures = {t.line for t in plan.targets if t.vague is None}
    starts = sorted(s.line for s in plan.sections if s.line is not None)
    for k in sorted({t.section for t in listed if t.section is not None}):
        start = plan.sections[k].line
        if start is None:
            continue
        end = next((n for n in starts if n > start), None)
        for ln in plan.lines:
            line = ln.loc.line
            if not (isinstance(line, int) and start < line and (end is None or line < end)):
                continue
            if line in figures or not _ITEM.match(ln.text) or len(ln.text.split()) < 6:
                continue
            item = PlanTarget(text=_ITEM_MARK.sub("", ln.text), value=0, line=line)
            data = _target_rule(item, plan.targets, f"{where}:{line}: {_one_line(ln.text, 90)} (định tính)")
            if data is None:
                continue
            for key in ("comparator", "unit", "scope", "allowed_exclusions"):
                data.pop(key, None)
            yield data | {"value": None, "severity": "info"}


_ITEM_MARK = re.compile(r"^\s*(?:[-+•–*]|[a-zđ]\))\s+")


def _as_rule(data: dict[str, Any]) -> Target:
    return Target.model_validate({k: v for k, v in data.items() if not k.startswith("_")} | {"id": "D"})


# --------------------------------------------------------------------------- content parts and units


def _part_key(title: str) -> str | None:
    sq = squash(heading_title(title)[0])
    for key, names in conventions().parts.items():
        if any(sq == squash(n) or sq.startswith(squash(n) + " ") for n in names):
            return key
    return None


def _core(title: str) -> str:
    """A part's name without the verb that opens it ("Phát triển dữ liệu số" → "dữ liệu số")."""
    t = heading_title(title)[0].strip(" .:")
    for verb in sorted(vocabulary().lead_verbs, key=len, reverse=True):
        if squash(t).startswith(squash(verb) + " "):
            return t[len(verb):].strip(" ,")
    return t


def _sections(plan: Plan, where: str) -> Iterator[dict[str, Any]]:
    """The top parts (Mục tiêu, Giải pháp, Kinh phí, Tổ chức thực hiện) and the contents listed under Nhiệm vụ."""
    conv = conventions()
    top = min((s.level for s in plan.sections), default=1)
    for k, s in enumerate(plan.sections):
        if s.level != top:
            continue
        key = _part_key(s.title)
        if key in ("can-cu", "ket-qua"):
            continue
        if key == "nhiem-vu":
            for child in (c for c in plan.sections if c.parent == k):
                yield _section(child, where, None)
            continue
        yield _section(s, where, conv.parts[key][0] if key else None)


def _section(s: Section, where: str, name: str | None) -> dict[str, Any]:
    core = _core(s.title)
    alternatives = [name] if name else [core.lower() if core.isupper() else core[:1].lower() + core[1:]]
    pieces = [p.strip() for p in re.split(r"\s+và\s+|;", alternatives[0]) if len(p.split()) > 1]
    alternatives += [_core(p) for p in pieces if len(pieces) > 1]
    return {"id": "", "type": "required-section", "verified": False,
            "message": f"Phần nội dung: {_sentence_case(_one_line(heading_title(s.title)[0]))}",
            "match": [alternatives],
            "source": f"{where}:{s.line}: {_one_line(s.title, 90)}", "_slug": _slug(alternatives[0])}


def _sentence_case(text: str) -> str:
    """"KINH PHÍ THỰC HIỆN" → "Kinh phí thực hiện"; a title in mixed case is kept as written."""
    return text[:1] + text[1:].lower() if text.isupper() else text


def _units(plan: Plan, where: str, own: str | None) -> Iterator[dict[str, Any]]:
    voc = vocabulary()
    level_words = [w for lv in conventions().issuer_levels if lv.level in ("commune", "district", "province")
                   for w in lv.words]
    for a in plan.assignments:
        name = _one_line(a.unit).strip(" .:-")
        for opener in voc.unit_openers:
            if squash(name).startswith(squash(opener) + " "):
                name = name[len(opener):].strip()
        if any(squash(name).startswith(squash(w)) for w in voc.unit_any):
            continue
        if own and squash(name).endswith(squash(own)) and len(squash(name)) > len(squash(own)):
            name = name[: len(name) - len(own)].strip()
        for w in sorted(level_words, key=len, reverse=True):  # "Công an phường" is every commune's "Công an"
            if squash(name).endswith(" " + squash(w)):
                name = name[: len(name) - len(w)].strip()
                break
        tasks = expanded(" ".join(a.tasks))
        roles = [r for r in voc.roles if re.search(rf"(?<![a-z0-9]){re.escape(squash(r))}(?![a-z0-9])", tasks)][:4]
        data: dict[str, Any] = {"id": "", "type": "required-unit", "verified": False,
                                "message": f"{name}: {', '.join(roles) if roles else 'được phân công nhiệm vụ'}",
                                "match": [[name]]}
        if roles:
            data["roles"] = roles
        data |= {"source": f"{where}:{a.line}: {_one_line(a.unit, 90)}", "_slug": _slug(name)}
        yield data


# --------------------------------------------------------------------------- the directive and its scope


def _issuer(plan: Plan) -> tuple[str | None, str | None]:
    """("UBND thành phố Hải Phòng", "Hải Phòng") from the header's issuer."""
    h = plan.header
    if not h.issuer:
        return None, None
    text = re.sub(r"\s+", " ", h.issuer).strip()
    body = next((b for b in sorted(conventions().issuer_bodies, key=len, reverse=True)
                 if squash(text).startswith(squash(b) + " ")), None)
    if body is None:
        return text, None
    rest = text[len(body):].strip()
    short = "UBND" if squash(body) in ("uy ban nhan dan", "ubnd") else body
    words = [w for lv in conventions().issuer_levels for w in lv.words]
    level = next((w for w in sorted(words, key=len, reverse=True) if squash(rest).startswith(squash(w) + " ")), None)
    if level is None:
        return f"{short} {title_case(rest) if rest.isupper() else rest}", rest or None
    name = rest[len(level):].strip()
    name = title_case(name) if name.isupper() else name
    return f"{short} {level.lower()} {name}", name


_PERIOD = re.compile(r"(?:(?:6|sáu|06) tháng (?:đầu|cuối) )?năm \d{4}|giai đoạn \d{4}\s*[-–]\s*\d{4}", re.I)


def _scope(plan: Plan, city: str | None) -> dict[str, Any]:
    title = plan.header.title or ""
    out: dict[str, Any] = {"city": city or "?"}
    units = _units_registry(city)
    if units:
        out["units"] = units
    period = [m.group(0) for m in _PERIOD.finditer(fold(title) if not _PERIOD.search(title) else title)]
    if period:
        out["period"] = period[:2]
    subjects = [s for s in vocabulary().subjects if contains(squash(title), squash(s))]
    if subjects:
        out["subject"] = [subjects]
    return out


def _units_registry(city: str | None) -> str | None:
    """A shipped registry of the city's units (``units/<name>.yaml``), named as the loader finds it."""
    if not city:
        return None
    for path in sorted((DEFAULT_RULES / "units").glob("*.yaml")):
        meta = load_yaml(path)
        if isinstance(meta, dict) and isinstance(meta.get("meta"), dict) and squash(
                str(meta["meta"].get("city", ""))) == squash(city):
            return f"units/{path.name}"
    return None


def _prefix(number: str | None, city: str | None) -> str:
    digits = re.match(r"\d+", number or "")
    initials = "".join(w[0] for w in squash(city or "").split()).upper()
    return f"{initials}{digits.group(0) if digits else ''}" or "DRAFT"


def draft_plan(plan: Plan, where: str) -> Drafted:
    """The pack drafted from a parsed document (``where``: its name, for ``source``)."""
    h = plan.header
    notes: list[str] = []
    issuer, city = _issuer(plan)
    number = h.number if h.number and not h.number_blank and re.match(r"\d", h.number) else None
    date = h.date
    if number is None:
        notes.append("không tìm thấy số, ký hiệu của văn bản: ghi 'directive.number' trước khi dùng")
    if date is None:
        year = h.year or next((int(y) for y in re.findall(r"\b(20\d\d)\b", h.title or "")), None)
        date = dt.date(year or dt.date.today().year, h.month or 1, 1)
        notes.append(f"không tìm thấy ngày ban hành: tạm ghi {date:%d/%m/%Y}, sửa 'directive.date'")
    if issuer is None:
        notes.append("không tìm thấy cơ quan ban hành: ghi 'directive.issuer'")
    if not plan.targets:
        notes.append("không tìm thấy chỉ tiêu định lượng nào")
    number_text = number or "?/KH"
    prefix = _prefix(number, city)
    rules: list[dict[str, Any]] = [
        {"id": f"{prefix}-CITE", "type": "required-citation", "verified": False,
         "message": f"Căn cứ/thực hiện {number_text} ngày {date.day}/{date.month}/{date.year} của {issuer or '?'}",
         "source": f"{where}:{h.number_line or h.issuer_line or 1}: phần đầu văn bản"},
        {"id": f"{prefix}-DATE", "type": "plan-date", "verified": False,
         "message": f"Kế hoạch ban hành từ ngày {date.day}/{date.month}/{date.year} trở đi",
         "source": f"{where}:{h.date_line or 1}: ngày ban hành"},
    ]
    used: set[str] = {r["id"] for r in rules}
    for kind, items in (("TGT", _targets(plan, where)), ("SEC", _sections(plan, where)),
                        ("UNIT", _units(plan, where, city))):
        for rule in items:
            base = f"{prefix}-{kind}-{re.sub(r'[^A-Z0-9]', '', rule.pop('_slug')) or 'X'}"
            rid, n = base, 2
            while rid in used:
                rid, n = f"{base}-{n}", n + 1
            used.add(rid)
            rule["id"] = rid
            rules.append(rule)
    rules.append({"id": f"{prefix}-NUMBERING", "type": "section-numbering", "severity": "warning",
                  "verified": False, "message": "Đề mục đánh số liên tục, không trùng, không bỏ số",
                  "source": "NĐ 30/2020/NĐ-CP, Phụ lục I (kỹ thuật trình bày)"})
    data: dict[str, Any] = {
        "pack": re.sub(r"[^A-Za-z0-9]+", "-", number_text).strip("-") or "draft",
        "version": 1,
        "source": f"check rules draft {where} (CHƯA KIỂM CHỨNG: mọi quy tắc verified: false)",
        "directive": {"number": number_text, "date": date, "issuer": issuer or "?",
                      "title": _one_line(h.title or "?")},
        "applies_to": _scope(plan, city),
        "target_sections": ["mục tiêu", "chỉ tiêu"],
        "references": "references.yaml",
        "bodies": "bodies.yaml",
        "rules": rules,
    }
    RulePack.model_validate(data)  # a draft that does not validate is a bug here, not the user's to find
    return Drafted(data, notes)


def draft_file(path: Path, limits: Limits | None = None) -> Drafted:
    """Read a directive with the plan readers and draft its pack."""
    return draft_plan(parse(read(path, limits)), path.name)


# --------------------------------------------------------------------------- YAML


def to_yaml(drafted: Drafted) -> str:
    """The pack as YAML, with a header saying it is a draft and what was not found."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    buf = io.StringIO()
    yaml.dump(_flow(drafted.data), buf)
    head = ["# BẢN NHÁP do `check rules draft` soạn: người duyệt đối chiếu từng quy tắc với văn bản gốc (dòng ghi ở",
            "# `source`), sửa cụm từ, ngưỡng, mức; đổi `verified: false` thành true khi đã kiểm.",
            *(f"# CHÚ Ý: {n}" for n in drafted.notes)]
    return "\n".join(head) + "\n" + buf.getvalue()


def _flow(node: Any, key: str = "") -> Any:
    """Phrase lists on one line (``match: [[a, b], [c]]``), the rest in block style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(node, dict):
        m = CommentedMap()
        for k, v in node.items():
            m[k] = _flow(v, k)
        return m
    if isinstance(node, list) and key != "rules":
        seq = CommentedSeq([DoubleQuotedScalarString(v) if isinstance(v, str) else _flow(v, key) for v in node])
        seq.fa.set_flow_style()
        return seq
    if isinstance(node, list):
        return [_flow(v) for v in node]
    return node
