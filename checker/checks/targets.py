"""Quantified targets compared with the directive's: present, as high, as firm, as wide."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.checks.base import (
    Context,
    find_phrase,
    finding,
    line_text,
    per_plan,
    requirement,
    short,
    squash_all,
)
from checker.conventions import comparator_words, conventions, expanded
from checker.i18n import msg
from checker.ingest.cellwise import without_figures
from checker.models import Comparator, Finding, Plan, Severity
from checker.models import Target as PlanTarget
from checker.parse.header import appendix_start
from checker.parse.sections import APPENDIX_TITLE
from checker.parse.targets import hedge_words, hedges, results_sections
from checker.parse.view import View
from checker.rules.schema import Target
from checker.text import MEMO, all_groups, contains, contains_any, fold, lost_diacritics, ocr_words, squash

ID = "target"
WORDS = {">=": "tối thiểu", ">": "trên", "=": "đạt", "~": "khoảng", "<=": "tối đa", "<": "dưới"}
RANK = {"error": 3, "warning": 2, "info": 1}


MAXIMA = ("<", "<=")
FLIP: dict[str, Comparator] = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "=": "=", "~": "~"}


def amount(value: float, unit: str = "%") -> str:
    """A figure with its unit as a plan writes it: "80%", "24 giờ", "1.500.000.000 đồng", "2"."""
    if unit == "%":
        return f"{value:g}%"
    if unit == "VND":
        return f"{value:,.0f} đồng".replace(",", ".")
    return f"{value:g}" if unit == "count" else f"{value:g} {unit}"


def describe(comparator: str, value: float, unit: str = "%") -> str:
    if value == 100 and unit == "%" and comparator in (">=", "="):
        return "100%"
    return f"{WORDS.get(comparator, comparator)} {amount(value, unit)}"


@lru_cache(maxsize=1024)  # a plan's target texts, each compared with every target rule: read once (bounded)
def _read(text: str) -> tuple[str, bool]:
    """The text with its abbreviations written out ("TTHC", "DVCTT", "CBCCVC"), and whether it lost its
    diacritics."""
    return expanded(text), lost_diacritics(text)


def matches(rule: Target, text: str) -> bool:
    """The statement names the rule's target: every ``match`` group, no ``exclude`` group; the words of a share or a
    second target joined after "trong đó" (``_head``) not held against the target named before them."""
    if _matches(rule, text):
        return True
    head = _head(text)
    return head is not None and _matches(rule, head)


def _matches(rule: Target, text: str) -> bool:
    s, lost = _read(text)
    if lost:
        # OCR that lost its diacritics also damages short words ("hé so" for "hồ sơ"): one letter a word
        def has(group: list[str]) -> bool:
            return contains_any(s, group) or any(ocr_words(s, n) for n in group)

        return all(has(squash_all(g)) for g in rule.match) and not any(has(squash_all(g)) for g in rule.exclude)
    return all_groups(s, [squash_all(g) for g in rule.match]) and not any(
        all_groups(s, [squash_all(g)]) for g in rule.exclude
    )


def in_target_section(plan: Plan, t: PlanTarget, ctx: Context) -> bool:
    """The target stands under a targets heading (or a heading under one); bounded even on a broken tree."""
    k = t.section
    wanted = squash_all(ctx.pack.target_sections)
    seen: set[int] = set()
    while k is not None and 0 <= k < len(plan.sections) and k not in seen:
        seen.add(k)
        if contains_any(squash(plan.sections[k].title), wanted, 85):
            return True
        k = plan.sections[k].parent
    return False


def in_appendix(plan: Plan, t: PlanTarget) -> bool:
    """The target stands in an appendix ("PHỤ LỤC …", a heading or a heading over its own); bounded on a broken tree."""
    k, seen = t.section, set()
    while k is not None and 0 <= k < len(plan.sections) and k not in seen:
        seen.add(k)
        if APPENDIX_TITLE.match(squash(plan.sections[k].title)):
            return True
        k = plan.sections[k].parent
    return False


Problem = tuple[str, Severity, str, str, str]
LOWER = ("target.lower", "target.higher", "target.vague")  # the level itself short of the directive's (not its
# wording)


def problems(rule: Target, t: PlanTarget, ctx: Context) -> list[Problem]:
    """(message key, severity, expected, actual, extra) for each way ``t`` falls short of ``rule``."""
    out: list[Problem] = []
    assert rule.value is not None
    want = describe(rule.comparator, rule.value, rule.unit)
    got = figure(t)
    # a maximum ("tối đa 24 giờ") is judged as a minimum of the negated figure: the plan may allow less, not more
    r_comp: Comparator = rule.comparator
    t_comp: Comparator = t.comparator
    r_value, t_value = rule.value, t.value
    if r_comp in MAXIMA:
        r_comp, r_value, t_comp = FLIP[r_comp], -r_value, FLIP[t_comp]
        t_value = -(t.value_high if t.value_high is not None else t.value)
    inclusive = t_comp in (">=", "=") or t.value_high is not None
    if t.vague is not None:  # "Phần lớn báo cáo ...": no figure, vaguer than any the directive sets
        out.append(("target.vague", rule.severity, want, as_written(t) or t.vague, ""))
    elif t.change is not None:  # "tăng 10% so với năm 2024": a change, whatever its size, is not the level asked
        out.append(("target.change", rule.severity, want, got, ""))
    elif t_comp in MAXIMA:
        out.append(("target.comparator", rule.severity, want, got, ""))
    elif t_value < r_value or (t_value == r_value and r_comp == ">" and inclusive and t_comp != "~"):
        if t_value < r_value:
            out.append(("target.higher" if rule.comparator in MAXIMA else "target.lower", rule.severity, want, got,
                        ""))
        else:
            out.append(("target.comparator", "warning", want, got, ""))
    due = ctx.pack.directive.deadline
    later = t.due if due is not None and t.due is not None and t.due > due else None
    if t.hedged and not out and later is None:  # "năm 2026 phấn đấu …": set for a later year, which says enough
        out.append(("target.hedged", "warning", want, as_written(t) or got, ""))
    if t.condition:  # "… nếu được thành phố hỗ trợ kinh phí": due only if a condition is met
        out.append(("target.conditional", "warning", want, t.condition, ""))
    if due is not None and later is not None:
        out.append(("target.later", rule.severity, f"{want} đến {due:%d/%m/%Y}", f"{got} đến {later:%d/%m/%Y}", ""))
    if rule.scope and not _scoped(rule, t):
        out.append(("target.scope", "warning", " / ".join(rule.scope[0]), "", ""))
    part = _narrowed_subject(rule, t.text)
    if part:
        out.append(("target.narrower", "warning", rule.message, part, ""))
    allowed = squash_all(rule.allowed_exclusions)
    for ex in t.exclusions:
        if not contains_any(squash(ex), allowed, 90):
            out.append(("target.exclusion", "warning", rule.message, ex, ""))
    return out


def _narrowed_subject(rule: Target, text: str) -> str | None:
    """The words naming a part of what the target measures: its subject (the rule's first ``match`` group), or any
    one name of its other groups, narrowed ("100% kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch được số
    hóa": the results of one field's procedures, the procedures named in the second group)."""
    if not rule.match:
        return None
    first = narrowed(text, tuple(rule.match[0]))
    return first or next((p for g in rule.match[1:] for name in g if (p := narrowed(text, (name,)))), None)


@lru_cache(maxsize=1)
def _narrowers() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(a narrower word glued after a mention of the subject, after "của" and a person word at most; an opening
    bracket or a part opener), folded; None where the conventions list no narrower word."""
    conv = conventions()
    words = "|".join(re.escape(fold(w)) for w in sorted(conv.subject_narrowers, key=len, reverse=True))
    if not words:
        return None
    persons = "|".join(re.escape(fold(w)) for w in sorted(conv.subject_persons, key=len, reverse=True))
    openers = [re.escape(fold(w)) for w in conv.subject_part_openers]
    links = "|".join(re.escape(fold(w)) for w in sorted(conv.subject_narrower_links or ["của"], key=len, reverse=True))
    glued = re.compile(rf"\s+(?:(?:{links})\s+)?(?:(?:{persons})\s+)?(?:{words})(?!\w)") if persons else re.compile(
        rf"\s+(?:(?:{links})\s+)?(?:{words})(?!\w)")
    return glued, re.compile(rf"\(|(?<!\w)(?:{'|'.join(openers)})(?!\w)" if openers else r"\(")


@lru_cache(maxsize=64)
def _mention(subject: tuple[str, ...]) -> re.Pattern[str]:
    """A mention of the target's subject (its rule's first ``match`` group) in folded text, the longest name first."""
    names = "|".join(re.escape(" ".join(fold(w).split())) for w in sorted(subject, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


@lru_cache(maxsize=MEMO)
def narrowed(text: str, subject: tuple[str, ...]) -> str | None:
    """The words of ``text`` that name only a part of the target's ``subject`` ("cán bộ lãnh đạo", "hồ sơ công việc
    của cán bộ lãnh đạo"): a narrower word of rules/conventions.yaml ``subject_narrowers`` glued to every mention of
    the subject (after "của" and a person word at most); None where the subject is named whole once, or not at all,
    or first after an opening bracket or one of ``subject_part_openers`` (a share beside the whole)."""
    narrowers = _narrowers()
    if narrowers is None or not subject:
        return None
    glued, part = narrowers
    folded = " ".join(fold(text).split())
    mentions = list(_mention(subject).finditer(folded))
    if not mentions or part.search(folded, 0, mentions[0].start()):
        return None  # a share inside the whole ("(trong đó 100% cán bộ lãnh đạo)"), not the subject narrowed
    found = [glued.match(folded, m.end()) for m in mentions]
    if not all(found):
        return None
    first, end = mentions[0], found[0]
    assert end is not None
    # quoted with the words that say which part, up to a comma or the verb ("cán bộ lãnh đạo, …", "thủ tục hành chính
    # lĩnh vực hộ tịch được …")
    which = _WHICH.match(folded, end.end())
    written = " ".join(text.split())
    return written[first.start() : which.end() if which else end.end()] if len(written) == len(folded) else None


_WHICH = re.compile(r"(?:\s+(?!(?:duoc|du|tren|toi|it)(?!\w))[^\W\d_]+){0,3}")


@lru_cache(maxsize=1)
def _other_programmes() -> list[str]:
    """rules/conventions.yaml ``other_programmes``, squashed once."""
    return squash_all(conventions().other_programmes)


def other_programme(plan: Plan, t: PlanTarget, ctx: Context) -> bool:
    """The target stands under a heading that names another programme the plan serves too (rules/conventions.yaml
    ``other_programmes``: "2.3. Chỉ tiêu thực hiện Đề án 06", "2.4. Chỉ tiêu cải cách hành chính lồng ghép") and
    neither the directive's number nor its subject: that programme's target, not the directive's, where the plan
    states the directive's elsewhere (``statements_of``)."""
    names = _other_programmes()
    own = [squash(ctx.pack.directive.number), *(w for g in ctx.pack.applies_to.subject for w in squash_all(g))]
    k, seen = t.section, set()
    while k is not None and 0 <= k < len(plan.sections) and k not in seen:
        seen.add(k)
        title = squash(plan.sections[k].title)
        if contains_any(title, names, 100) and not contains_any(title, own, 100):
            return True
        k = plan.sections[k].parent
    return False


def candidates_of(plan: Plan, rule: Target, ctx: Context,
                  statements: list[PlanTarget] | None = None) -> list[PlanTarget]:
    """The plan's statements of a quantified target (``statements``: ``statements_of``, when read already), those
    under its targets heading first."""
    candidates = statements_of(plan, rule, ctx) if statements is None else statements
    candidates = [t for t in candidates if in_target_section(plan, t, ctx)] or candidates
    # a plan over two periods sets the target for the directive's deadline and again for a later one ("Đến hết năm
    # 2026: ...", "3. Định hướng năm 2026"): it is judged by the first; the later figure alone counts only where the
    # plan has no other
    due = ctx.pack.directive.deadline
    candidates = [t for t in candidates if due is None or t.due is None or t.due <= due] or candidates
    # the plan's own text states the target, an appendix attached after the signature ("PHỤ LỤC CHỈ TIÊU …") repeats
    # it: a lower figure in "Mục tiêu cụ thể" is the plan's target, weaker, whatever the appendix's table says
    return without_milestones([t for t in candidates if not in_appendix(plan, t)] or candidates, ctx)


def without_milestones(statements: list[PlanTarget], ctx: Context) -> list[PlanTarget]:
    """A milestone on the way ("- Đến ngày 30/9/2025: 60%;" over "- Đến ngày 31/12/2025: tối thiểu 82%.") is not
    the target where the plan also states one for the directive's deadline (or one with no date of its own)."""
    due = ctx.pack.directive.deadline
    return [t for t in statements if due is None or t.due is None or t.due >= due] or statements


def statements_of(plan: Plan, rule: Target, ctx: Context) -> list[PlanTarget]:
    """Every statement the plan makes of a quantified target as its own, wherever it stands (its targets part, a
    task, an appendix, a table to monitor them): "toàn bộ ..." only where no figure is given, the parent's figures
    restated only where the plan states none itself, and only in its targets part: there the plan takes the
    parent's targets on by giving them; recited in a part before it ("1. Bối cảnh", "Căn cứ"), they tell what the
    city asks, and the plan that sets no figure of its own has not set the target. Results reached, a part of
    results and the city's column are not statements of the plan's target (the parser leaves them out or keeps them
    apart)."""
    matched: dict[str, bool] = {}  # a text the plan repeats is matched against the rule once
    candidates: list[PlanTarget] = []
    others: set[int] = set()  # those under another programme's heading (``other_programme``)
    last: PlanTarget | None = None  # the statement just before, where it was the rule's and a part (``_part_of``)
    for t in plan.targets:
        carried = _carried_part(last, t, rule, ctx)
        last = None
        if carried is not None:
            candidates.append(carried)
            last = carried
            continue
        if t.unit == rule.unit:
            label = _label(plan, t)
            text = f"{label} {t.text}" if label else t.text
            if text not in matched:
                matched[text] = matches(rule, t.text) or bool(label) and matches(rule, text)
            if not matched[text] and _of_subject(rule, t, ctx):
                label = t.subject
                text = f"{label} {t.text}"
                matched[text] = True
            if matched[text]:
                # a point whose subject is its lead-in's ("2.1. Tỷ lệ thủ tục hành chính … toàn trình đạt:" over
                # "- Đến ngày 31/12/2025: 100%."): judged and quoted with the lead-in's words, its scope included
                own = not label or matches(rule, t.text)
                candidates.append(t if own else t.model_copy(update={"text": f"{label}: {t.text}"}))
                last = candidates[-1] if _part_of(candidates[-1]) else None
                if other_programme(plan, t, ctx):
                    others.add(len(candidates) - 1)
    # another programme's figures on the same subject are not the directive's where the plan states the directive's
    # elsewhere; where it states it only there ("a) Về cải cách hành chính, dịch vụ công trực tuyến:" over "100% thủ
    # tục … toàn trình"), that heading groups the directive's targets by their field
    candidates = [t for k, t in enumerate(candidates) if k not in others] or candidates
    # the parent's figures restated ("Kế hoạch 215 giao các chỉ tiêu: ...") count where the plan states none itself,
    # in words or figures, and only in its targets part
    candidates = [t for t in candidates if not t.restated] or [t for t in candidates if in_target_section(plan, t, ctx)]
    # "toàn bộ ..." (100% in words) counts where the plan gives no figure for it, never over a figure it gives; a
    # vague quantity ("phần lớn ...") where it gives neither
    return [t for t in candidates if not t.implicit] or [t for t in candidates if t.vague is None] or candidates


@lru_cache(maxsize=1)
def _part_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(a part the target is given to, opening the clause before the figure or after a link word; the whole), from
    rules/conventions.yaml ``target_parts``, ``target_wholes``, ``target_part_links``; None where none is listed."""
    conv = conventions()
    if not conv.target_parts or not conv.target_wholes:
        return None
    links = _folded_alternatives(conv.target_part_links) or "cua"
    part = re.compile(rf"(?:(?:^|:)\s*(?:(?:{links})\s+)?|(?<!\w)(?:{links})\s+)"
                      rf"(?:{_folded_alternatives(conv.target_parts)})(?!\w)")
    return part, re.compile(rf"(?<!\w)(?:{_folded_alternatives(conv.target_wholes)})(?!\w)")


def _folded_alternatives(words: list[str]) -> str:
    """``words`` folded, their spaces single, as alternatives of a pattern, the longest first; "" for none."""
    return "|".join(re.escape(" ".join(fold(w).split())) for w in sorted(words, key=len, reverse=True))


_PERCENT = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s*%")


def _part_of(t: PlanTarget) -> str | None:
    """"part" where the statement gives the target to one office, khối or thôn ("- Văn phòng HĐND và UBND phường:
    90%", "… của Trung tâm Phục vụ hành chính công xã đạt 76%"), "whole" where to the unit as a whole beside such
    parts ("- toàn phường: tối thiểu 80%", "tính chung toàn xã đạt từ 80% trở lên"); None otherwise. Read in the
    clause before its figure (``_part_patterns``)."""
    patterns = _part_patterns()
    if patterns is None or t.unit != "%":
        return None
    folded = " ".join(fold(t.text).split())
    figure_at = _PERCENT.search(folded)
    if figure_at is None:
        return None
    clause = re.split(r"[;,.]\s", folded[: figure_at.start()])[-1]
    part, whole = patterns
    return "whole" if whole.search(clause) else "part" if part.search(clause) else None


def _carried_part(last: PlanTarget | None, t: PlanTarget, rule: Target, ctx: Context) -> PlanTarget | None:
    """A part (or the whole) of the target given just before in the same sentence, naming nothing a target
    measures ("… của Văn phòng HĐND và UBND xã đạt 90%, của Phòng Văn hóa - Xã hội đạt 80%, …"): the same target,
    quoted with the words before the first part's figure."""
    if last is None or t.unit != rule.unit or (t.section, t.group) != (last.section, last.group):
        return None
    if _part_of(t) is None:
        return None
    rules = ctx.cached("target-rules", lambda: [r for r in ctx.pack.rules if isinstance(r, Target) and r.match])
    if any(matches(r, t.text) for r in rules):
        return None
    folded_at = _PERCENT.search(" ".join(fold(last.text).split()))
    lead = " ".join(last.text.split())[: folded_at.start()].strip() if folded_at else last.text
    return t.model_copy(update={"text": f"{lead} … {t.text}"})


def _split(statements: list[PlanTarget]) -> tuple[list[PlanTarget], set[int | None]]:
    """A target given in parts (two or more, ``_part_of``): the statements to judge the plan by (the whole, or any
    statement that is not a part, where the plan gives one; else the lowest part) and the lines of the parts, which
    are not the plan's figure stated twice."""
    kinds = [_part_of(t) for t in statements]
    parts = [t for t, kind in zip(statements, kinds, strict=True) if kind == "part"]
    if len(parts) < 2:
        return statements, set()
    # not a statement the parts' lead-in was carried onto ("2. Về điều hành: tỷ lệ hồ sơ công việc …:" over the
    # parts, then "Trên 90% văn bản được ký số …" under the same heading): the lead-in's subject is the parts'
    groups = {(t.group, t.section) for t in parts}
    rest = [t for t, kind in zip(statements, kinds, strict=True)
            if kind == "whole" or kind is None and (t.group, t.section) not in groups]
    return rest or [min(parts, key=lambda t: t.value)], {t.line for t in parts}


def _of_subject(rule: Target, t: PlanTarget, ctx: Context) -> bool:
    """A clause that names nothing any target of the pack measures, after its item's first figure, measures what
    its item's opening words name ("b) Hồ sơ trực tuyến: năm 2024 … đạt 58,5%. Thành phố giao tối thiểu 80%; xã
    phấn đấu đến 31/12/2025 đạt tối thiểu 85%."): a plan that gives a target's history before its aim names the
    subject once. Not a change ("so với cùng kỳ tăng 12%"): how far it moved, not where it aims."""
    if not t.subject or t.change is not None or not matches(rule, f"{t.subject} {t.text}"):
        return False
    rules = ctx.cached("target-rules", lambda: [r for r in ctx.pack.rules if isinstance(r, Target) and r.match])
    return not any(matches(r, t.text) for r in rules)


def _label(plan: Plan, t: PlanTarget) -> str:
    """The label that introduces a target's point and carries its subject ("a) Về thủ tục hành chính và dịch vụ
    công trực tuyến:" over "+ Tối thiểu 85% hồ sơ được xử lý trực tuyến toàn trình"): the title of the heading the
    target stands under, where that heading ends with a colon (a lead-in to the points that follow it); else the
    group its point stands in, a point of a list above it ending with a colon ("- Về thủ tục hành chính …:" over
    "+ 100% thủ tục đủ điều kiện …", as offices nest "-" and "+"; ``Target.group``)."""
    if t.section is None or not 0 <= t.section < len(plan.sections):
        return t.group
    s = plan.sections[t.section]
    if s.line is None or s.line == t.line or not line_text(plan, s.line).rstrip("*_ ").endswith(":"):
        return t.group
    return s.title.rstrip(": ")


def _firmest(preferred: list[PlanTarget], rule: Target, ctx: Context) -> tuple[PlanTarget, list[Problem]]:
    # judge the plan by its firmest statement of the target: a repeat elsewhere in looser words is not a miss
    judged = [(t, problems(rule, t, ctx)) for t in preferred]
    return min(judged, key=lambda tp: (max((RANK[p[1]] for p in tp[1]), default=0), len(tp[1])))


def judge(plan: Plan, rule: Target, ctx: Context) -> tuple[PlanTarget, list[Problem]] | None:
    """The plan's firmest statement of a quantified target, with its shortfalls; None when it has none."""
    preferred, _ = _split(candidates_of(plan, rule, ctx))
    return _firmest(preferred, rule, ctx) if preferred else None


def as_written(t: PlanTarget) -> str | None:
    """The figure of a hedged target with the two words before it, as the plan writes them ("phấn đấu 80%"): the
    hedge is the plan's word, which a comparator rewritten in standard words ("đạt 80%") would misquote."""
    if t.vague is not None:  # "Phần lớn", "phấn đấu nhiều": the vague words, with the hedge just before them
        folded = fold(t.text)
        at = folded.find(fold(t.vague))
        hedge = next((h for h in hedge_words().finditer(folded, 0, max(at, 0)) if not folded[h.end() : at].strip()),
                     None) if at > 0 else None
        return t.text[hedge.start() : at + len(t.vague)] if hedge is not None else t.vague
    if t.implicit and t.hedged:  # "Cơ bản hoàn thành": the hedge and the words it governs, no figure written
        folded = fold(t.text)
        m = re.search(rf"\b(?:{'|'.join(hedges())})\b(?:\s+[^\W\d_]+){{0,3}}", folded)
        return t.text[m.start() : m.end()] if m else None
    if t.unit != "%" or t.implicit:
        return None
    number = f"{t.value:g}".replace(".", "[.,]")
    m = re.search(rf"((?:[^\W\d_]+\s+){{0,2}})(?<![\d.,]){number}\s*%", t.text)
    if m is None:
        return None
    # a comparator between the hedge and the figure ("phấn đấu trên 90%"): the quote opens with the hedge
    window = max(0, m.start() - 24)
    found = list(hedge_words().finditer(fold(t.text), window, m.end()))
    start = found[-1].start() if found and found[-1].start() < m.start() else m.start()
    return t.text[start : m.end()].strip()


def figure(t: PlanTarget) -> str:
    """The target's figure as the plan states it ("tối thiểu 85%", "70% - 80%"; a change in its own words: "tăng
    10% so với năm 2024")."""
    if t.change is not None:
        return t.change
    if t.vague is not None:
        return as_written(t) or t.vague
    if t.value_high is not None:
        return f"{amount(t.value, t.unit)} - {amount(t.value_high, t.unit)}"
    return describe(t.comparator, t.value, t.unit)


def check(plan: Plan, rule: Target, ctx: Context) -> Iterator[Finding]:
    """A target the directive sets must be in the plan, at least as high, with as firm a comparator and scope.

    FAIL (tối thiểu 80%): "Tối thiểu 70% hồ sơ TTHC được xử lý trực tuyến toàn trình"   (lower)
    FAIL (trên 90%):      "Tỷ lệ hài lòng ... đạt 90%"                                   (weaker comparator)
    FAIL (tối thiểu 80%): "Phấn đấu 80% hồ sơ TTHC ..."                                   (only aspirational)
    FAIL (tối đa 24 giờ): "khôi phục hoạt động trong vòng 72 giờ"                        (a maximum exceeded)
    PASS (tối thiểu 80%): "Ít nhất 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình"
    """
    if rule.value is None:  # qualitative: the commitment is present somewhere in the text
        yield from _qualitative(plan, rule, ctx)
        return
    statements = statements_of(plan, rule, ctx)
    preferred = candidates_of(plan, rule, ctx, statements)
    # a vague quantity ("phần lớn ...") where the plan's figure may stand in a table that came out column by column
    where = unread(plan, rule) if all(t.vague is not None for t in preferred) else None
    if not preferred or where:
        blank = None if where else _blank(plan, rule, ctx) or _unquantified(plan, rule, ctx)
        yield _unread(plan, rule, ctx, where) if where else blank or _missing(plan, rule, ctx, _recited(plan, rule))
        return
    preferred, parts = _split(preferred)
    unsplit = [t for t in statements if t.line not in parts]  # a target given in parts is not stated twice
    best, shortfalls = _firmest(preferred, rule, ctx)
    yield from _reference(plan, rule, statements, ctx)  # the city's column of an appendix too
    if not any(p[0] in LOWER for p in shortfalls):
        yield from _contradicted(plan, rule, best, unsplit, ctx)
    if not best.restated:
        yield from _restated(plan, rule, ctx)
    met = _met_elsewhere(rule, best, unsplit, ctx) if any(p[0] in LOWER for p in shortfalls) else None
    for key, severity, expected, actual, _ in shortfalls:
        # a lower figure where the plan states the directive's elsewhere: it says where ("... ở dòng 81, ...")
        also = msg("target.elsewhere", ctx.lang, other=figure(met), other_line=met.line) if (
            met is not None and key in LOWER) else ""
        yield finding(rule, ID, "weaker", plan=plan, line=best.line, severity=severity,
                      message=msg(key, ctx.lang, expected=expected, actual=actual) + also,
                      evidence=short(best.text), expected=expected if key != "target.exclusion" else rule.message,
                      actual=actual)


def _qualitative(plan: Plan, rule: Target, ctx: Context) -> Iterator[Finding]:
    """A commitment without a figure ("hệ thống thông tin … được thực hiện phương án bảo đảm an toàn thông tin") is
    one for all of what it names: the plan must make it, and where it gives it a share, all of it (100%).

    FAIL: "80% hệ thống thông tin được thực hiện phương án bảo đảm an toàn thông tin"   (not all of them)
    PASS: "100% hệ thống thông tin …", "Các hệ thống thông tin được thực hiện phương án …" (no figure)
    """
    stated = [t for t in candidates_of(plan, rule, ctx) if t.vague is None and t.change is None and t.unit == "%"
              and _written_in(t, rule.match)]
    if stated and all(t.value < 100 for t in stated):
        best = max(stated, key=lambda t: t.value)
        want = describe("=", 100.0)
        yield finding(rule, ID, "weaker", plan=plan, line=best.line,
                      message=msg("target.lower", ctx.lang, expected=want, actual=figure(best)),
                      evidence=short(best.text), expected=want, actual=figure(best))
    elif find_phrase(plan, rule.match) is None and not any(matches(rule, t.text) for t in plan.targets):
        yield _missing(plan, rule, ctx)


@lru_cache(maxsize=1)
def _figure_only() -> re.Pattern[str]:
    """One figure (or "%", a row's number) alone on a squashed line, its comparator words before it ("tối thiểu
    80%": rules/conventions.yaml ``comparators``): a cell of a table whose text came out column by column."""
    words = sorted((w for w, _ in comparator_words() if w[0].isalpha()), key=len, reverse=True)
    return re.compile(rf"(?:(?:{'|'.join(map(re.escape, words))})\s+)?\d{{1,4}}(?:[.,]\d{{1,2}})?\s*%?|%")


DUMP_RUN = 6  # that many such lines in a row: no table written row by row puts them so (a row has its words)
DUMP_NEAR = 60  # logical lines around the figures where the column of the targets' words stands (either side)
# or that many figures with their percent sign alone on a line, at most DUMP_GAP lines apart (a header's cell, a
# row's words between them: a table cut column by column under a header, or rows whose columns were lost)
DUMP_FIGURES = 4
DUMP_GAP = 2


def column_dumps(plan: Plan) -> list[tuple[int, int]]:
    """Where a table's cells come column by column, its figures one to a line apart from their words (text taken
    from a PDF without its layout, as ``pdftotext`` without ``-layout`` writes it): (first, last) index into
    ``plan.lines`` of each run of DUMP_RUN figure-only lines or more, or of DUMP_FIGURES figures with their sign,
    each alone on its line, at most DUMP_GAP lines apart."""
    def build() -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        run = 0
        alone: list[int] = []  # figures with their sign alone on a line, the current stretch of them
        for k, ln in enumerate([*plan.lines, None]):
            text = squash(ln.text) if ln is not None else ""
            if ln is not None and _figure_only().fullmatch(text):
                run += 1
                if "%" in text and text != "%":
                    if alone and k - alone[-1] > DUMP_GAP + 1:
                        _close(alone, out)
                        alone = []
                    alone.append(k)
                continue
            if run >= DUMP_RUN:
                out.append((k - run, k - 1))
            run = 0
        _close(alone, out)
        return sorted(set(out))

    return per_plan(plan, "column_dumps", build)


def _close(alone: list[int], out: list[tuple[int, int]]) -> None:
    if len(alone) >= DUMP_FIGURES:
        out.append((alone[0], alone[-1]))


CELL_START = 60  # the first part of a cell cut in two by the figures (the rest after them) is no longer than this


def unread(plan: Plan, rule: Target) -> tuple[int, int, int] | None:
    """The plan states no figure for the target, but its words stand within DUMP_NEAR lines of a table's figures
    that came out column by column (``column_dumps``): its figure is there, cut off from its words. Not judged,
    rather than said to be missing. The words of a cell may themselves be cut: over two lines, by a figure of
    the next column run into them ("Văn bản được ký Trên 90% số, xử lý ..."), or in two parts, the first (a short
    line without a full stop) before the figures and the rest after them. (the line of its words, the first and
    last line of those figures), or None."""
    if rule.value is None:
        return None
    for a, b in _dumps_of_targets(plan):
        near = plan.lines[max(0, a - DUMP_NEAR) : b + DUMP_NEAR + 1]
        words = [without_figures(ln.text) for ln in near]
        for k in range(len(near)):  # the words of a cell: a line, or two when the cell's text was wrapped
            if matches(rule, words[k]) or k + 1 < len(near) and matches(rule, f"{words[k]} {words[k + 1]}"):
                return near[k].loc.line, plan.lines[a].loc.line, plan.lines[b].loc.line
        for k in range(len(near)):
            if len(words[k]) > CELL_START or words[k].rstrip().endswith((".", ";")) or not any(
                    matches_group(words[k], g) for g in rule.match):
                continue
            if any(matches(rule, f"{words[k]} {w}") for w in words[k + 2 :]):
                return near[k].loc.line, plan.lines[a].loc.line, plan.lines[b].loc.line
    return None


def _dumps_of_targets(plan: Plan) -> list[tuple[int, int]]:
    """The ``column_dumps`` outside a report of results ("PHỤ LỤC VI / KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025 …"):
    figures reached are no target's, so a table of them, unread, leaves no target unjudged."""
    dumps = column_dumps(plan)
    past = results_sections(plan.sections) if dumps else frozenset()
    if not past:
        return dumps
    heads = [s.line or 0 for s in plan.sections]

    def section(k: int) -> int | None:
        line = plan.lines[k].loc.line
        return max((j for j, at in enumerate(heads) if at <= line), default=None)

    return [(a, b) for a, b in dumps if section(a) not in past]


def matches_group(text: str, group: list[str]) -> bool:
    """``text`` holds one of the words of one of a rule's match groups."""
    s, _ = _read(text)
    return all_groups(s, [squash_all(group)])


def _unread(plan: Plan, rule: Target, ctx: Context, where: tuple[int, int, int]) -> Finding:
    line, first, last = where
    return finding(rule, ID, "missing", plan=plan, line=line, severity="info",
                   message=msg("target.unread", ctx.lang, requirement=requirement(rule, ctx), first=first, last=last),
                   evidence=line_text(plan, line), expected=rule.message)


@lru_cache(maxsize=1)
def _placeholder() -> re.Pattern[str]:
    """A figure left to fill in: a placeholder (rules/conventions.yaml ``figure_placeholders``), nothing else
    before the percent sign ("xx%", "…%", "......%"), read folded."""
    alts = "|".join(f"(?:{re.escape(p)})+" for p in sorted(conventions().figure_placeholders, key=len, reverse=True))
    return re.compile(rf"(?<![\w.…_])(?:{alts})\s*%") if alts else re.compile(r"(?!)")


def _blank(plan: Plan, rule: Target, ctx: Context) -> Finding | None:
    """The target written with its figure still a placeholder ("Tỷ lệ hồ sơ công việc … đạt xx%"): not missing, its
    figure not filled in, said where it stands; None where no statement of it has one. Not a field of a form
    attached after the plan's closing for others to fill in ("Biểu mẫu số 01": "4. Tỷ lệ kết quả … được số hoá:
    ............%", parse/header ``appendix_start``): a blank there is the form's, the plan's target absent all the
    same."""
    attached = per_plan(plan, "attachments-start", lambda: appendix_start(View.of_lines(plan)))
    for ln in plan.lines[:attached]:
        m = _placeholder().search(fold(ln.text))
        if m is None or not matches(rule, ln.text):
            continue
        line = ln.line_at(m.start())
        opened = max(ln.text.rfind(stop, 0, m.start()) for stop in (";", ". ", ":")) + 1  # its clause
        written = ln.text[opened : m.end()].strip()
        return finding(rule, ID, "incomplete", plan=plan, line=line, severity=rule.severity_missing or rule.severity,
                       message=msg("target.blank", ctx.lang, actual=written, requirement=requirement(rule, ctx)),
                       evidence=short(ln.text), expected=rule.message, actual=written)
    return None


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    """One of rules/conventions.yaml ``subject_part_openers`` ("trong đó", …) as written, and the clause after it up
    to its end."""
    words = _folded_alternatives(conventions().subject_part_openers)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)([^.;]*)") if words else re.compile(r"(?!)")


def _joined(text: str) -> Iterator[tuple[int, int, str]]:
    """Where a share or a second target is joined ("…, trong đó hồ sơ …"), where its clause starts, and the clause
    as written; read folded (one character per character: OCR without diacritics writes "trong do")."""
    for m in _opener().finditer(fold(text)):
        yield m.start(), m.start(1), text[m.start(1) : m.end(1)]


def _head(text: str) -> str | None:
    """The text before a share or a second target joined to it ("100% thủ tục … toàn trình, trong đó hồ sơ …"); None
    where nothing is joined."""
    at = next((start for start, _, _ in _joined(text) if start > 0), None)
    return text[:at] if at is not None else None


def _unquantified(plan: Plan, rule: Target, ctx: Context) -> Finding | None:
    """The target joined to another in one sentence with no figure of its own ("100% thủ tục hành chính … toàn
    trình, trong đó hồ sơ được xử lý trực tuyến toàn trình tăng dần qua từng tháng"): named, its figure left out;
    said where it stands. None where no such clause names it."""
    attached = per_plan(plan, "attachments-start", lambda: appendix_start(View.of_lines(plan)))
    for ln in plan.lines[:attached]:
        for _, start, written in _joined(ln.text):
            clause = written.strip(" ,")
            if not clause or re.search(r"\d", clause) or not matches(rule, clause):
                continue
            return finding(rule, ID, "incomplete", plan=plan, line=ln.line_at(start + written.find(clause)),
                           severity=rule.severity_missing or rule.severity,
                           message=msg("target.unquantified", ctx.lang, actual=clause,
                                       requirement=requirement(rule, ctx)),
                           evidence=short(ln.text), expected=rule.message, actual=clause)
    return None


def _recited(plan: Plan, rule: Target) -> PlanTarget | None:
    """The parent's figure for the target, as the plan recites it outside its targets part ("1. Bối cảnh": "Kế
    hoạch của thành phố đặt ra … như sau: … tối thiểu 50% cán bộ …"): not the plan's own (``statements_of``)."""
    return next((t for t in plan.targets if t.restated and t.unit == rule.unit and matches(rule, t.text)), None)


def _missing(plan: Plan, rule: Target, ctx: Context, recited: PlanTarget | None = None) -> Finding:
    wanted = squash_all(ctx.pack.target_sections)
    matching = [s for s in plan.sections if contains_any(squash(s.title), wanted, 85)]
    specific = [s for s in matching if contains_any(squash(s.title), ["cu the"], 85)]
    line = (specific or matching)[0].line if matching else None
    # a figure the user sees in the plan, the parent's recited: why it is not the plan's
    also = msg("target.recited", ctx.lang, other=figure(recited), other_line=recited.line) if (
        recited is not None and recited.line is not None) else ""
    return finding(rule, ID, "missing", plan=plan, line=line, severity=rule.severity_missing or rule.severity,
                   message=msg("target.missing", ctx.lang, requirement=requirement(rule, ctx)) + also,
                   expected=rule.message, evidence=line_text(plan, line))  # the heading it should stand under


def _own_commitment(t: PlanTarget, ctx: Context) -> bool:
    """A statement of the plan's own figure for the directive's deadline, firm or hedged ("phấn đấu 70%" is lower
    all the same): not the parent's restated, not "toàn bộ" in words, not a milestone on the way ("Đến ngày
    30/9/2025, 60% ..."), not the figure for a later period ("Đến hết năm 2026: ...")."""
    deadline = ctx.pack.directive.deadline
    if t.restated or t.implicit:
        return False
    return t.due is None or deadline is None or t.due == deadline


@lru_cache(maxsize=1)
def _figure_words() -> re.Pattern[str]:
    """A figure with the comparator words before it, in squashed text ("toi thieu 85%")."""
    words = sorted((w for w, _ in comparator_words() if w[0].isalpha()), key=len, reverse=True)
    return re.compile(rf"(?:\b(?:{'|'.join(map(re.escape, words))})\s+)*\d+(?:\s\d+)?\s*%")


def _measured(t: PlanTarget) -> str:
    """What a statement measures, in its own words: the longest run of its words the figure does not cut
    ("hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình" of "Tối thiểu 85% hồ sơ ...")."""
    return max((part.strip() for part in _figure_words().split(squash(t.text))), key=len)


def _same_indicator(a: PlanTarget, b: PlanTarget) -> bool:
    """Two statements measure the same thing: the words of one stand, as they are, in the other. Not another
    indicator that the rule's words also match ("30% hồ sơ thủ tục hành chính được thanh toán trực tuyến", "50%
    hồ sơ thủ tục hành chính lĩnh vực đất đai ..." beside "tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực
    tuyến toàn trình")."""
    return contains(squash(a.text), _measured(b)) or contains(squash(b.text), _measured(a))


def _met_elsewhere(rule: Target, best: PlanTarget, statements: list[PlanTarget],
                   ctx: Context) -> PlanTarget | None:
    """Another statement of the target, at the directive's figure, where ``best`` is lower: the line where the
    plan says otherwise."""
    return next((t for t in statements if t.line is not None and t.line != best.line and _own_commitment(t, ctx)
                 and _same_indicator(t, best) and not any(p[0] in LOWER for p in problems(rule, t, ctx))), None)


def _written_in(t: PlanTarget, groups: list[list[str]]) -> bool:
    """The statement holds a word of every group as written, not one near it in letters: the scope the directive sets
    the target for (``rule.scope``: found fuzzily, "toàn trình" is in "thanh toán trực tuyến", another indicator), or
    the commitment a share is given to (``rule.match``: a page's footnote of a past result, "… phường đạt 71%", run
    by a PDF's text into "… các hệ thống thông tin dùng chung", is not "phương án bảo đảm an toàn thông tin"). Its
    abbreviations are written out first: "80% HTTT … PA bảo đảm ATTT" says those very words."""
    return all_groups(expanded(t.text), [squash_all(g) for g in groups], 100)


def _scoped(rule: Target, t: PlanTarget) -> bool:
    """The statement names the scope the directive sets the target for, as written (``_written_in``)."""
    return bool(rule.scope) and _written_in(t, rule.scope)


def _contradicted(plan: Plan, rule: Target, best: PlanTarget, targets: list[PlanTarget],
                  ctx: Context) -> Iterator[Finding]:
    """The plan meets the target in one place and sets it lower in another (a table says "tối thiểu 82%", a later
    paragraph "đạt 60%" of the same thing): two commitments that cannot both hold, each lower one short of the
    directive, found at its own line wherever it stands (the targets part, a task, an appendix, a table to monitor
    them). Interim milestones and past results are not targets (the parser leaves them out; a milestone in a
    sentence of its own is set for a date before the directive's deadline)."""
    assert rule.value is not None
    seen: set[int | None] = {best.line}
    for t in targets:
        if t.line in seen or not _own_commitment(t, ctx):
            continue
        if not in_target_section(plan, t, ctx) and not _same_indicator(t, best):
            continue  # outside the targets part (a task, an appendix): only the very indicator of ``best``
        if _scoped(rule, best) and not _scoped(rule, t):
            continue  # another indicator: without the scope ``best`` has ("hồ sơ … được thanh toán trực tuyến",
            # "… được nộp trực tuyến" beside "… hồ sơ … được xử lý trực tuyến toàn trình")
        found = problems(rule, t, ctx)
        lower = any(p[0] in LOWER for p in found)
        # the directive's figure with a weaker comparator in one of the two places ("trên 90%" in Mục tiêu, a bare
        # "90%" in the appendix, "khoảng 90%" in a closing sentence): as short of it as a lower figure
        if lower or any(p[0] == "target.comparator" or p[0] == "target.hedged" and t.comparator == "~" for p in found):
            seen.add(t.line)
            got = (as_written(t) if t.hedged else None) or figure(t)  # "phấn đấu 70%": the plan's own words
            yield _misstated(plan, rule, t, ctx, "target.contradicted" if lower else "target.contradicted_weaker",
                             got, other=figure(best), other_line=best.line or "?")


def _restated(plan: Plan, rule: Target, ctx: Context) -> Iterator[Finding]:
    """The directive's target restated lower than it is ("Kế hoạch 215 giao ...: tối thiểu 70% hồ sơ ..."), where
    the plan states its own figure too: a misstatement of the directive, as a wrong city column is."""
    assert rule.value is not None
    for t in plan.targets:
        if not t.restated or t.unit != rule.unit or not matches(rule, t.text):
            continue
        if any(p[0] in ("target.lower", "target.higher", "target.comparator") for p in problems(rule, t, ctx)):
            yield _misstated(plan, rule, t, ctx, "target.restated", figure(t))
            return


def _reference(plan: Plan, rule: Target, targets: list[PlanTarget], ctx: Context) -> Iterator[Finding]:
    """The plan's own column of the city's targets (a table, or a table flattened into text) that states another
    figure than the directive is itself a misstatement."""
    assert rule.value is not None
    for t in targets:
        if t.reference_value is None or t.reference_value == rule.value:
            continue
        got = t.reference_text or amount(t.reference_value, rule.unit)
        yield _misstated(plan, rule, t, ctx, "target.reference", got)
        return


def _misstated(plan: Plan, rule: Target, t: PlanTarget, ctx: Context, key: str, got: str,
               **more: object) -> Finding:
    """A figure of the plan that cannot stand beside the directive's (``key``: a restatement, the city's column,
    a second figure of the plan's own): a warning at its line, quoting it, the directive's figure expected."""
    assert rule.value is not None
    want = describe(rule.comparator, rule.value, rule.unit)
    return finding(rule, ID, "inconsistent", plan=plan, line=t.line, severity="warning",
                   message=msg(key, ctx.lang, expected=want, actual=got, **more),
                   evidence=short(t.text), expected=want, actual=got)
