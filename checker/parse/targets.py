"""Quantified targets: the figure, its comparator ("tối thiểu", "trên", "đạt", ">", ranges), hedges and
exclusions, from list items in the text and from the rows of Word tables."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from datetime import date
from functools import lru_cache
from itertools import zip_longest

from checker.conventions import comparator_words, conventions, issuer_words, names_a_document
from checker.ingest.layout import GROUP_NUMBER
from checker.models import Comparator, Document, Section, Span, Target
from checker.parse.sections import own_title
from checker.parse.view import Item
from checker.text import UPPER, contains, fold, in_brackets, lost_diacritics, opening, squash, trie_pattern

RANGE = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*[-–]\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
# a range in words (folded): "từ 80% đến 90%", "từ 80 đến 90%" (the lower figure is the commitment)
RANGE_WORDS = re.compile(r"\btu\s+(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s+den\s+(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
FIGURE = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")

# figures in other units (folded text): durations, money, and counts written with a comparator ("ít nhất 02 lớp");
# never the end of a document's symbol ("số 72/2025/QH15 ngày 16 tháng 6": "QH15" is no figure of days)
_NUM = r"(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)"
UNIT_FIGURE = re.compile(
    rf"(?=\d)(?<![\d/.,a-z]){_NUM}\s*(gio|tieng|ngay lam viec|ngay|ty dong|trieu dong|nghin dong|ngan dong|dong|vnd)"
    r"(?![a-z])")
COUNT_FIGURE = re.compile(
    rf"(?=[tikd])(?:toi thieu|it nhat|khong it hon|toi da|khong qua|tren|duoi)\s+{_NUM}"  # first letters first
    r"\s+(?!%|gio|tieng|ngay|nam|thang|tuan|ty|trieu|nghin|ngan|dong|vnd)(?=[a-z])")
UNIT_NAMES = {"gio": "giờ", "tieng": "giờ", "ngay": "ngày", "ngay lam viec": "ngày", "dong": "VND", "vnd": "VND",
              "nghin dong": "VND", "ngan dong": "VND", "trieu dong": "VND", "ty dong": "VND"}
_MULTIPLIER = {"nghin dong": 1e3, "ngan dong": 1e3, "trieu dong": 1e6, "ty dong": 1e9}
# words that make a duration a maximum ("trong vòng 24 giờ", "chậm nhất 05 ngày")
_DIGIT = re.compile(r"\d")
_WITHIN = re.compile(r"(?:^|\s)(?:trong vong|trong thoi han|trong|cham nhat|khong qua|toi da)\s*$")


def _amount(s: str) -> float:
    """A figure in another unit: "1.500" and "1,500" are thousands ("1.500 triệu đồng"); "1,5" is a decimal."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s):
        return float(re.sub(r"[.,]", "", s))
    return _number(s)


def unit_figures(clause: str) -> list[tuple[int, float, int, str]]:
    """(start, value, end, unit) of every figure in hours, days, VND or counted things in a folded clause."""
    out = []
    for m in UNIT_FIGURE.finditer(clause):
        word = m.group(2)
        out.append((m.start(), _amount(m.group(1)) * _MULTIPLIER.get(word, 1), m.end(), UNIT_NAMES[word]))
    for m in COUNT_FIGURE.finditer(clause):
        if not any(s <= m.start(1) < e for s, _, e, _ in out):
            out.append((m.start(1), _amount(m.group(1)), m.end(1), "count"))
    return sorted(out)


_BARE = r"[>≥\s]*\d{1,3}(?:[.,]\d+)?\s*%\s*\.?"


@lru_cache(maxsize=1)
def hedges() -> tuple[str, ...]:
    """The words that make a figure an aspiration (rules/conventions.yaml ``hedges``), squashed."""
    return tuple(squash(w) for w in conventions().hedges)


@lru_cache(maxsize=1)
def _hedge() -> re.Pattern[str]:
    """A hedge in squashed text, as whole words: "du kien" is not in "du dieu kien"."""
    return re.compile(r"\b(?:" + "|".join(hedges()) + r")\b")


@lru_cache(maxsize=1)
def hedge_words() -> re.Pattern[str]:
    """A hedge in folded text (its words apart by any spaces)."""
    return re.compile(r"\b(?:" + "|".join(h.replace(" ", r"\s+") for h in hedges()) + r")\b")


@lru_cache(maxsize=1)
def _hedge_lead_in() -> re.Pattern[str]:
    """A hedge opening a time frame ("phan dau den het nam 2025"), in squashed text; not one before a comparator
    (conventions ``comparators``) that folds to a frame word's letters ("phấn đấu tối thiểu 60%" folds to "phan dau
    toi thieu", as "phấn đấu tới …" does): that hedges the figure, as "phấn đấu ≥ 60%" does."""
    conv = conventions()
    frames = "|".join(re.escape(squash(w)) for w in sorted(conv.hedge_time_frames, key=len, reverse=True))
    comparators = "|".join(re.escape(w) for c in conv.comparators if (w := squash(c.word)))
    return re.compile(r"\b(?:" + "|".join(hedges()) + rf")\s+(?!(?:{comparators})\b)(?:{frames})\b")


def hedged(before: str) -> bool:
    """A hedge governs the figure that follows (``before``: the folded text before it), unless it only opens the
    plan's time frame ("Phấn đấu đến hết năm 2025, …: 100% …"), as the directive's own "đến hết năm 2025" does."""
    return bool(_hedge().search(_hedge_lead_in().sub(" ", squash(before))))


_WORD_RUN = re.compile(r"[a-z0-9%]+")  # what ``squash`` keeps, between the single spaces it writes


def hedge_ends(clause: str, cuts: list[int]) -> list[int]:
    """Where each hedge of a folded clause ends (offsets in ``clause``), lead-ins of a time frame left out: a figure
    at ``pos`` is hedged when one ends at or before it. The judgement of ``hedged(clause[:pos])`` for every figure
    of the clause, made once for the clause (linear) instead of once per figure over its prefix. ``cuts`` (the
    figures' starts) end a word, as the end of the prefix did: "phấn đấu80%" is hedged."""
    folded = fold(clause)
    runs: list[tuple[int, int]] = []  # the words ``squash`` keeps, split at the cuts
    for m in _WORD_RUN.finditer(folded):
        start = m.start()
        for cut in cuts[bisect_right(cuts, start) : bisect_left(cuts, m.end())]:
            runs.append((start, cut))
            start = cut
        runs.append((start, m.end()))
    squashed = " ".join(folded[s:e] for s, e in runs)  # == squash(clause), but for the cuts
    run_at = []  # offset in ``squashed`` of each run
    k = 0
    for s, e in runs:
        run_at.append(k)
        k += e - s + 1
    # the lead-ins blanked with as many spaces: offsets stay, and no hedge can join across them (as with sub(" "))
    plain = _hedge_lead_in().sub(lambda m: " " * len(m.group()), squashed)
    ends = []
    for m in _hedge().finditer(plain):
        last = m.end() - 1  # in the run holding the hedge's last letter
        r = bisect_right(run_at, last) - 1
        ends.append(runs[r][0] + last - run_at[r] + 1)
    return ends


def _list_hedge(folded: str, first_figure: int) -> int | None:
    """Where a list opened by a hedge ends its lead-in ("Phấn đấu đạt các chỉ tiêu sau: …; …"): that hedge governs
    none of the targets after the colon, as over a list set out on lines of its own; None when there is no such
    lead-in."""
    colon = folded.find(":", 0, first_figure)
    return colon if colon >= 0 and hedged(folded[:colon]) else None


def _number(s: str) -> float:
    return float(s.replace(",", "."))


def lead_of(text: str, pos: int, keep: int = 40) -> str:
    """The end of ``text[:pos]`` that ``comparator_before`` reads: ``keep`` characters before its trailing spaces
    (reading the whole prefix for every figure made long sentences of figures quadratic)."""
    start = pos
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text[max(0, start - keep) : pos]


def _ends_with_word(tail: str, word: str) -> bool:
    """``tail`` (squashed) ends with the whole word ``word``, or with it and "mức", "tỷ lệ" or "là" after it."""
    for suffix in ("", " muc", " ty le", " la"):
        phrase = word + suffix
        if tail.endswith(phrase) and (len(tail) == len(phrase) or tail[-len(phrase) - 1] == " "):
            return True
    return False


@lru_cache(maxsize=1)
def _any_word_before() -> re.Pattern[str]:
    """Any of the comparator words ending the text: most figures have none, and then none is looked for one by
    one."""
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w, _ in comparator_words() if w[0].isalpha())
                      + r")(?: muc| ty le| la)?$")


_LEADER_END = re.compile(r"\s*(?:\.{4,}|…{2,})\s*$")


@lru_cache(maxsize=4096)
def comparator_before(text_folded: str) -> Comparator:
    """The comparator written right before a figure (within the last few words; ``lead_of`` gives all it reads);
    not a word that a comma or a full stop separates from it ("Ngoài các chỉ tiêu trên, 100% ...": "trên" is
    "above" in the text)."""
    # a dot leader between a label and its figure ("tối thiểu ........ 82,5%") is not a full stop
    text_folded = _LEADER_END.sub(" ", text_folded)
    if re.search(r"[,;.]\s*$", text_folded):
        return "="
    tail = squash(text_folded[-24:]) if text_folded.strip() else ""
    raw_tail = text_folded.rstrip()[-3:]
    ends_with_word = _any_word_before().search(tail) is not None
    for word, comp in comparator_words():
        if not word[0].isalpha():
            if raw_tail.endswith(word):
                return comp
            continue
        if ends_with_word and _ends_with_word(tail, word):
            return comp
        if len(word) >= 8 and tail and contains(tail[-(len(word) + 3) :], word, 84):
            return comp
    return "="


_SEPARATOR = re.compile(r",\s*trong do\s+|,\s*dong thoi\s+|;\s*|,\s*|\s+va\s+|\s+dong thoi\s+")
_OPENING_REACH = 80  # what may open a vague quantity ("phấn đấu đến hết ngày 31/12/2025,") is no longer than this
# where the words of a target may begin inside a clause (and a sentence, in an item of several)
_OPENER = re.compile(rf":\s*|\.\s+|{_SEPARATOR.pattern}")
_AFTER_FIGURE_NOT_SUBJECT = re.compile(r"^\s*(?:so voi|tong so|tren tong|tai|\(|\)|[.,;:]|$)")
_UP_OR_DOWN = re.compile(r"\s*tro\s+(?:len|xuong)\b")  # "80% trở lên": the figure's bound, its phrase goes on after
_QUOTES = re.compile(r"[“\"]([^”\"]{6,400})[”\"]")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], list[str], list[str]]:
    conv = conventions()
    words = "|".join(re.escape(squash(w)) for w in sorted(conv.exclusion_words, key=len, reverse=True))
    exclusion = re.compile(rf"\(\s*(?:{words})\s+([^)]{{3,}})\)")
    # percentage points ("3 điểm %") are read as the figure with its sign; ``change_of`` tells them a change
    folded = sorted((fold(f) for f in [*conv.percent_forms, *conv.point_forms]), key=len, reverse=True)
    forms = "|".join(re.escape(f) for f in folded)
    lead = opening(folded, also=r"\s")  # a space or a form's first letter: the engine skips to those
    # a form of digits and a slash ("0/0") followed by a digit is a zero-padded date's ("30/09/2025"), no figure
    percent = re.compile(rf"{lead}(?<=\d)(\s?)(?:{forms})(?!\d)")
    whole = "|".join([*(_not_inside_compound(squash(w), conv.whole_word_compounds) for w in conv.whole_words),
                      *_negated_exception()])
    whole_re = re.compile(rf"(?<![a-z])(?:{whole})(?![a-z])")
    return exclusion, percent, whole_re, [squash(w) for w in conv.past_markers], [
        squash(w) for w in conv.attribution]


@lru_cache(maxsize=1)
def _vague_words() -> re.Pattern[str] | None:
    """A vague quantity (rules/conventions.yaml ``vague_quantities``: "phần lớn", "đa số") in folded text, as whole
    words, the longest first ("đại đa số" before "đa số"); None when the vocabulary is empty."""
    words = sorted({fold(w) for w in conventions().vague_quantities}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
                      + r")(?![a-z0-9])")


@lru_cache(maxsize=1)
def _vague_literals() -> tuple[str, ...]:
    """The words ``_vague_words`` looks for, folded, as plain strings: a text holding none of them cannot match."""
    return tuple(fold(w) for w in conventions().vague_quantities)


def vague_openings(clause: str) -> list[tuple[int, int]]:
    """Where a vague quantity opens a target's words in a folded clause: at its start ("d) phần lớn báo cáo định kỳ
    được ...", "phấn đấu nhiều hồ sơ ...", "đến hết năm 2025, đa số ..."), or after a colon or a separator between
    targets ("100% thủ tục ..., phần lớn hồ sơ ..."): only a list marker, hedges, a deadline and the words that join
    them before it, words after it. Not a vague word inside a sentence that says something else first ("do một số
    báo cáo ...", "hiện nay phần lớn ...")."""
    return _openings(clause, _vague_words(), _vague_literals())


def whole_openings(clause: str) -> list[tuple[int, int]]:
    """Where a word meaning all of them ("toàn bộ", "tất cả": conventions ``whole_words``) opens a target's words
    in a folded clause, as ``vague_openings`` finds a vague quantity: "trên 92% văn bản được ký số, toàn bộ báo cáo
    định kỳ được thực hiện trên Hệ thống ..." states two targets, the second 100% in words."""
    return _openings(clause, _vocabulary()[2], _whole_literals())


def _openings(clause: str, pattern: re.Pattern[str] | None, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a quantity in words (``pattern``, holding one of ``literals``) opens a target's words in a folded
    clause (``vague_openings``)."""
    if pattern is None or not any(w in clause for w in literals):  # plain tests first (C speed)
        return []
    found = list(pattern.finditer(clause))
    if not found:  # most clauses: no vague word, no need to find where words open
        return []
    lead = _LEAD_MARKER.match(clause)
    first = lead.end() if lead else 0
    out = []
    for m in found:
        if m.start() < first or not _subject_after(clause, m.end()):
            continue
        # the words opening it are a few: where they begin, within reach before it (not every opener of the clause)
        reach = max(first, m.start() - _OPENING_REACH)
        opens = [o.end() for o in _OPENER.finditer(clause, reach, m.start())]
        if not opens and reach > first:
            continue
        before = _hedge().sub(" ", squash(clause[opens[-1] if opens else first : m.start()]))
        if not before.strip() or _names_nothing(before) or _own_commitment().fullmatch(before.strip()):
            out.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _own_commitment() -> re.Pattern[str]:
    """The plan's own unit committing to what follows, in squashed text: "xã bảo đảm", "phường đạt", "UBND xã An Hưng
    cam kết thực hiện" before "toàn bộ thủ tục …" (a commune's level, conventions ``issuer_levels``, after its body,
    ``issuer_bodies``, a name of a few words after it, then words by which a plan takes targets as its own,
    ``restated_not``): it names no part of the target, as "Đến hết năm 2025, xã bảo đảm 100% …" does not."""
    conv = conventions()
    bodies = trie_pattern(squash(w) for w in conv.issuer_bodies)
    levels = trie_pattern(squash(w) for lv in conv.issuer_levels if lv.level == "commune" for w in lv.words)
    verbs = trie_pattern(squash(w) for w in conv.restated_not)
    return re.compile(rf"(?:{bodies} )?{levels}(?: [a-z]+){{0,3}}?(?: {verbs})+")


def _own_clause(lead: str) -> bool:
    """The words before a figure open with the plan's own unit committing to it ("phường phấn đấu đạt trên 70%",
    "phường vượt chỉ tiêu thành phố giao, đạt trên 95%"): in a sentence that restates the parent's figure first
    ("…: thành phố giao 75%, phường …"), the clause is the plan's own target, not the parent's restated."""
    return _own_commitment().match(squash(_MARKER.sub("", lead, count=1))) is not None


@lru_cache(maxsize=1)
def _conditions() -> re.Pattern[str] | None:
    """The words that make a target conditional (conventions ``target_conditions``), folded, whole words."""
    return _words_pattern(tuple(fold(w) for w in conventions().target_conditions))


def condition_in(text: str) -> str:
    """The condition a target's words make it depend on, as written, from its opening words to the clause's end
    ("nếu được thành phố hỗ trợ kinh phí số hóa"); "" where there is none."""
    pattern = _conditions()
    m = pattern.search(fold(text)) if pattern is not None else None
    return text[m.start() :].strip(" .;,)") if m else ""


def _negated_exception() -> list[str]:
    """The pattern of all of them said by denying any exception (conventions ``negated_exceptions``): the opening
    ("không còn"), followed in its clause by the subject, "nào" and, a verb of up to three words between, an exception
    word ("… báo cáo định kỳ nào làm ngoài Hệ thống …", "… nào không được …"; not "không có báo cáo nào được thực hiện
    trên Hệ thống, không …", none of them); the match is the opening alone, the subject after it."""
    neg = conventions().negated_exceptions
    if neg is None or not neg.openings or not neg.exceptions:
        return []
    opening = "|".join(re.escape(squash(w)) for w in neg.openings)
    exception = "|".join(re.escape(squash(w)) for w in neg.exceptions)
    return [rf"(?:{opening})(?=\s[^;.:]{{1,120}}?\bnao(?:\s+[a-z]+){{0,3}}?\s+(?:{exception})\b)"]


@lru_cache(maxsize=1)
def _whole_literals() -> tuple[str, ...]:
    """The words ``whole_re`` looks for, as plain strings: a text holding none of them cannot match it."""
    neg = conventions().negated_exceptions
    return tuple(squash(w) for w in [*conventions().whole_words, *(neg.openings if neg else [])])


def _not_inside_compound(word: str, compounds: list[str]) -> str:
    """The pattern of a whole word ("toàn bộ") that does not start inside a compound written before it
    ("kiện toàn bộ máy" is "kiện toàn" + "bộ máy", not "toàn bộ")."""
    guards = ""
    for compound in compounds:
        head, _, last = squash(compound).rpartition(" ")
        if head and word.startswith(last + " "):
            guards += rf"(?<!\b{re.escape(head)} )"
    return guards + re.escape(word)


@lru_cache(maxsize=1)
def _number_words() -> tuple[re.Pattern[str], dict[str, int], str, str] | None:
    """The pattern of a figure in words before "phần trăm" (conventions ``number_words``), folded: its words in
    group 1; the digit words' values; the folded words for ten and hundred."""
    words = conventions().number_words
    if words is None:
        return None
    digits = {fold(k): v for k, v in words.digits.items()}
    d = "|".join(re.escape(k) for k in sorted(digits, key=len, reverse=True))
    ten, hundred = fold(words.ten), fold(words.hundred)
    number = rf"(?:(?:mot\s+)?{hundred}|(?:(?:{d})\s+)?{ten}(?:\s+(?:{d}))?|(?:{d}))"
    # whole words, not followed by the same figure in digits in brackets ("một trăm phần trăm (100%)"; a count in
    # brackets, "(86/86)", is not the figure)
    return (re.compile(rf"(?<![a-z0-9])({number})\s+phan tram(?![a-z0-9])(?!\s*\(\s*\d{{1,3}}(?:[.,]\d+)?\s*%)"),
            digits, ten, hundred)


def _words_value(words: str, digits: dict[str, int], ten: str, hundred: str) -> int | None:
    """The value of a number in folded words ("tam muoi lam" → 85, "muoi" → 10, "mot tram" → 100)."""
    toks = words.split()
    if toks[-1] == hundred:
        return 100
    if ten not in toks:
        return digits.get(toks[0]) if len(toks) == 1 else None
    k = toks.index(ten)
    tens = digits.get(toks[0], 0) if k == 1 else 1
    units = digits.get(toks[k + 1], 0) if k + 1 < len(toks) else 0
    return tens * 10 + units


_DIGITS_OPEN = re.compile(r"\d\s*%\s*\(\s*$")


def _figures_in_words(folded: str) -> str:
    """Figures written in words before "phần trăm" as digits and "%", padded with spaces: length kept."""
    found = _number_words()
    if found is None or "phan tram" not in folded:
        return folded
    pattern, digits, ten, hundred = found

    def digits_of(m: re.Match[str]) -> str:
        if _DIGITS_OPEN.search(folded, max(0, m.start() - 12), m.start()):
            return m.group(0)  # "100% (một trăm phần trăm)": the digits' figure, spelt out
        value = _words_value(m.group(1), digits, ten, hundred)
        return m.group(0) if value is None else f"{value}%".ljust(len(m.group(0)))

    return pattern.sub(digits_of, folded)


@lru_cache(maxsize=1)
def _fraction() -> re.Pattern[str]:
    """A count over a total before what it counts: "3/4 số hồ sơ", "126/126 thủ tục", "12 trên 14 thôn" (the words
    between of conventions ``count_separators``)."""
    words = "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(
        conventions().count_separators, key=len, reverse=True))
    between = rf"\s?/\s?|\s+(?:{words})\s+" if words else r"\s?/\s?"
    return re.compile(rf"(?<![\w/.,])([1-9]\d{{0,3}})(?:{between})([1-9]\d{{0,3}})(?![\w/%]|[.,]\d)(?=\s+[a-z])")


_WORD_BEFORE = re.compile(r"(?:([a-z]+)\s+)?([a-z]+)\s*$")  # the last word, and the one before it
_YEARS = (1900, 2100)  # a total in this range is a year ("12/2025", "số 86/2025")


@lru_cache(maxsize=1)
def _fraction_not_after() -> frozenset[str]:
    """The words after which "3/4" is no share: ``fraction_not_after``, and the words of a page number ("Trang 1/5"
    of a footer: the page and the page count, ``page_words``)."""
    c = conventions()
    return frozenset(fold(w).rstrip(".") for w in [*c.fraction_not_after, *c.page_words])


def _fractions(folded: str) -> str:
    """Shares written as fractions before what they count ("ít nhất 3/4 số hồ sơ", "4/5 thủ tục") and counts against
    a total ("126/126 thủ tục", "48/80 cán bộ", "12 trên 14 thôn") as percentages, length kept: the share whole ("3/4"
    → "75%") or, where it fits, to two or one decimals, cut not rounded ("110/126" → "87,30%": never more than
    written; "2/3" is left as it is), never a day and month, a number or a part of a document, nor a deadline or a
    rank ("ngày 3/4", "số 3/4", "trước 30/9", "xếp thứ 5 trên 63": conventions ``fraction_not_after``), nor a number
    over a year ("20/2025": a document's or a month's)."""
    if "/" not in folded and not any(f" {fold(w)} " in folded for w in conventions().count_separators):
        return folded

    def share(m: re.Match[str]) -> str:
        n, d = int(m.group(1)), int(m.group(2))
        before = _WORD_BEFORE.search(folded, max(0, m.start() - 20), m.start())
        after_word = before is not None and (before.group(2) in _fraction_not_after() or (
            f"{before.group(1)} {before.group(2)}" in _fraction_not_after()))
        if n > d or _YEARS[0] <= d <= _YEARS[1] or after_word:
            return m.group(0)
        value, rest = divmod(100 * n, d)
        texts = [f"{value}%"] if not rest else [
            f"{value},{(10 ** k * 100 * n // d) % 10 ** k:0{k}d}%" for k in (2, 1)]
        text = next((t for t in texts if len(t) <= len(m.group(0))), None)
        return m.group(0) if text is None else text.ljust(len(m.group(0)))

    return _fraction().sub(share, folded)


@lru_cache(maxsize=1)
def _proportion_of_total() -> re.Pattern[str] | None:
    """A proportion of one before the whole it is taken of, in folded text ("0,85 tong so ho so": conventions
    ``proportion_totals``): the fraction, then one of the words and a word after them."""
    words = "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(
        conventions().proportion_totals, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,/])(0[.,]\d{{1,3}}|1[.,]0{{1,3}})(?=\s+(?:{words})\s+[a-z])") if words else None


def _proportions_of_total(folded: str) -> str:
    """Proportions of one written before the whole they are taken of ("tối thiểu 0,85 tổng số hồ sơ") as
    percentages, length kept ("0,85" → "85% "; "0,875" → "87,5%"): where the percentage does not fit ("0,8", three
    characters for "80%" fits; "1,0" for "100%" does not) the text is left as it is."""
    pattern = _proportion_of_total()
    if pattern is None or "0," not in folded and "0." not in folded and "1," not in folded and "1." not in folded:
        return folded

    def percent(m: re.Match[str]) -> str:
        whole, _, decimals = m.group(1).replace(".", ",").partition(",")
        value = int(whole) * 100 + int((decimals + "00")[:2])
        rest = decimals[2:].rstrip("0")
        text = f"{value},{rest}%" if rest else f"{value}%"
        return text.ljust(len(m.group(0))) if len(text) <= len(m.group(0)) else m.group(0)

    return pattern.sub(percent, folded)


@lru_cache(maxsize=1)
def _whole_after_colon() -> re.Pattern[str]:
    """A word meaning all of them (conventions ``whole_words``) standing alone after a subject's colon, as a figure
    stands in "Subject: 100%": "… Hệ thống thông tin báo cáo Chính phủ: toàn bộ, không có ngoại lệ." Alone: the
    clause ends after it (",", ";", ".", a bracket or the text's end); "…: tất cả các cơ quan …" names a subject."""
    words = "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in conventions().whole_words)
    return re.compile(rf"(?<=:)(\s*)({words})(?=\s*(?:[,;.()]|$))")


def _wholes_after_colon(folded: str) -> str:
    """``_whole_after_colon``'s words as "100%", length kept."""
    if ":" not in folded:
        return folded
    return _whole_after_colon().sub(lambda m: m.group(1) + "100%".ljust(len(m.group(2))), folded)


_DATE_IN_WORDS = re.compile(r"\b(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b")


def _dates_in_digits(folded: str) -> str:
    """Dates written in words ("ngày 30 tháng 9 năm 2025") as digits ("30/9/2025"), right-aligned in the words'
    place (the length kept, the date still just before what follows it): one form for every deadline's pattern."""
    if "thang" not in folded:
        return folded
    return _DATE_IN_WORDS.sub(lambda m: "/".join(m.groups()).rjust(len(m.group(0))), folded)


def normalise_percent(folded: str) -> str:
    """OCR and typed forms of the percent sign ("100°/o", "100 o/o", "80 phần trăm") as "%", figures in words
    ("tám mươi phần trăm") as digits, and shares as fractions ("3/4 số hồ sơ") as percentages; dates in words as
    digits (``_dates_in_digits``); length kept."""
    folded = _wholes_after_colon(_proportions_of_total(_fractions(_figures_in_words(_dates_in_digits(folded)))))
    if not _DIGIT.search(folded):  # every form follows a figure
        return folded
    _, percent, _, _, _ = _vocabulary()
    folded = percent.sub(lambda m: "%" + " " * (len(m.group(0)) - 1), folded)
    # a table row flattened by OCR, its unit cell before its value cell ("… toàn trình °/o Tối thiểu 80"): the sign
    # put after the figure that ends the line, the words between kept ("… toàn trình   toi thieu 80%")
    folded = _unit_before_value().sub(lambda m: " " * (len(m.group(1)) - 1) + m.group(2) + "%", folded)
    # a figure OCR split in two ("trên 9 0%", "5 0%"): one digit, one space, one digit and the sign
    return _SPLIT_FIGURE.sub(lambda m: m.group(1) + m.group(2) + " ", folded)


@lru_cache(maxsize=1)
def _unit_before_value() -> re.Pattern[str]:
    """The sign (or a form of it, conventions ``percent_forms``) standing alone as a row's unit cell, then up to three
    words (a comparator) and the figure that ends the line, or the row (the next row's number after it, where the
    rows were joined into one paragraph)."""
    forms = "|".join(re.escape(f) for f in sorted({"%", *(fold(f) for f in conventions().percent_forms)}, key=len,
                                                      reverse=True))
    figure = r"\s+\d{1,3}(?:[.,]\d{1,2})?"
    row_end = r"(?=[ \t]*$|\s+\d{1,2}\s+[^\W\d])"
    return re.compile(rf"(?<=\s)({forms})((?:\s+[^\W\d]+){{0,3}}{figure}){row_end}", re.M)


_SPLIT_FIGURE = re.compile(r"(?<![\d.,/])(\d) (\d)(?=\s?%)")


def _has_word(text_sq: str, phrases: list[str]) -> bool:
    pattern = _words_pattern(tuple(p for p in phrases if p))
    return pattern is not None and pattern.search(text_sq) is not None


@lru_cache(maxsize=64)
def _words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for any of ``phrases`` as whole words (one search per text, not one per phrase)."""
    if not phrases:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, phrases)) + r")(?![a-z0-9])")


_OR_MORE = re.compile(r"\s*tro\s+len\b")  # just after a figure's sign ("80% trở lên")
# a list marker opening a clause ("1.", "a)", "-"), never a figure opening it ("75% hồ sơ ...")
# list markers: "-", "(a)", "1.", "a)", "1)" (the last is cut whole: a quote never opens with its ")")
_LIST_MARK = r"(?:[-+*•–]|\((?:dd|[a-zđ])\)|\d{1,2}\)|\d{1,2}\b(?!\s?%)\.?|(?:dd|[a-zđ])\))"
_LEAD_MARKER = re.compile(rf"^[\s;,]*(?:{_LIST_MARK}\s*)?")
_MARKER = re.compile(rf"^\s*{_LIST_MARK}\s*")
_JOINING_WORD = re.compile(r"^(?:trong đó|đồng thời|và)\s+", re.IGNORECASE)
_REACHES = re.compile(r"(?:^|\s)(?:dat|la|o muc|chiem)\s*$")
_ONLY_PUNCTUATION = re.compile(r"[\s.,:>≥]*")


def _without_brackets(text: str) -> str:
    """``re.sub(r"\\([^)]*\\)", " ", text)`` in one pass: the regex went over the rest of the text again from every
    "(" with no ")" after it (quadratic on a run of "(")."""
    out: list[str] = []
    i = 0
    while (j := text.find("(", i)) >= 0 and (k := text.find(")", j)) >= 0:
        out += [text[i:j], " "]
        i = k + 1
    out.append(text[i:])
    return "".join(out)


@lru_cache(maxsize=1)
def _clause_end() -> re.Pattern[str]:
    """Where a clause ends: at ";", or at a full stop followed by a new sentence, a numbered part ("... 95%. 1.2.
    ...") or a figure opening the next target with its subject ("... mật). 100% báo cáo ...", its sign in any of
    the forms of conventions ``percent_forms``: "100 phần trăm báo cáo"); a bare figure after it ("đạt trên 30%.
    30%", a flattened table's city column) does not end it."""
    forms = trie_pattern(conventions().percent_forms)
    return re.compile(rf";|\.\s+(?=[{UPPER}]|\d{{1,2}}(?:\.\d{{1,2}})*\.?\s"
                      rf"|\d{{1,3}}(?:[.,]\d{{1,2}})?\s*(?:%|(?i:{forms}))\s*[^\W\d_])")


def _subject_after(clause: str, end: int) -> bool:
    """The figure opens its phrase ("100% thủ tục ...", "55% trở lên cán bộ ..."), rather than closing it ("... đạt
    90%", "... đạt 80% trở lên, ...")."""
    if bound := _UP_OR_DOWN.match(clause, end):
        end = bound.end()
    return not _AFTER_FIGURE_NOT_SUBJECT.match(clause[end : end + 20]) and bool(_letter_next().match(clause, end))


@lru_cache(maxsize=1)
def _letter_next() -> re.Pattern[str]:
    """A word within a few spaces, after the spaces that stand for the rest of a percent sign written in words
    (``normalise_percent`` keeps the length: "100 phần trăm báo cáo" is "100 %" and 8 spaces before "bao cao") and
    of a figure written in words ("chín mươi lăm phần trăm hồ sơ" is "95%" and 20 spaces before "ho so")."""
    conv = conventions()
    padding = max((len(f) for f in conv.percent_forms), default=1) - 1
    if conv.number_words is not None:  # the longest figure in words: "chín mươi chín"
        padding += 2 * max((len(w) for w in conv.number_words.digits), default=0) + len(conv.number_words.ten) + 2
    return re.compile(rf"\s{{0,{4 + padding}}}[a-z]")


def _bounds(clause: str, figs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each of several targets of one sentence begins and ends: at the separator ("," "và" "trong đó")
    between one target's words and the next's."""
    cuts = [0]
    for (_, e1), (p2, _) in zip(figs, figs[1:], strict=False):
        # the next figure in a bracket that names the parent ("… tiếp nhận và giải quyết trực tuyến toàn trình
        # (thành phố giao tối thiểu 80%)"): an aside on this target, whose words run to the bracket however many
        # separators they hold
        bracket = _open_bracket(clause, e1, p2)
        if bracket >= 0 and _has_word(squash(clause[bracket:p2]), _parent_words()):
            cuts.append(bracket)
            continue
        seps = [m for m in _SEPARATOR.finditer(clause, e1, p2)]
        if not seps:
            # the next figure in a bracket after this target's words, with a date or a year of its own ("số hóa
            # 100% kết quả … trước ngày 31/12/2025 (đến hết tháng 9 năm 2025 đạt 85%)", "… trực tuyến toàn trình
            # (năm 2024 đạt 61,5%)"): an aside, a milestone on the way or the level reached; the words up to it are
            # this one's (not "3/4 hồ sơ công việc (75%) được xử lý …": the same share again)
            cuts.append(bracket if bracket >= 0 and _dated(clause[bracket:p2]) else e1)
            continue
        if _subject_after(clause, figs[len(cuts)][1]):  # the next target's words follow its figure: the last
            cuts.append(seps[-1].end())
            continue
        # else the first separator after this target's words: not a comma of the list they open ("55% cán bộ,
        # công chức, viên chức được ..."); where every one is, the bracket that opens the next figure's words
        # ("... kỹ năng số (tăng 15% so với năm 2024)"), as the first separator did before
        parting = _after_enumeration(clause, seps, e1, p2)
        if parting is not None:
            cuts.append(parting)
        elif bracket >= 0:
            cuts.append(bracket)
        else:
            cuts.append(seps[0].end())
    cuts.append(len(clause))
    return list(zip(cuts, cuts[1:], strict=False))


@lru_cache(maxsize=1)
def _parent_words() -> list[str]:
    """The words that name the parent's figure, as a table's column header does ("thành phố giao", "KH 215"):
    rules/conventions.yaml, table_columns ``reference``."""
    return [squash(w) for w in conventions().table_columns.reference]


_LISTING = re.compile(r",\s*|\s+va\s+")  # the separators that may join the items of a list ("a, b và c")
_ITEM_WORDS = 4  # an item of a list names one thing: a few words ("cán bộ", "công chức", "hồ sơ", "đặc khu")


def _after_enumeration(clause: str, seps: list[re.Match[str]], e1: int, p2: int) -> int | None:
    """Where the first target's words end, at the first of ``seps`` (between its figure ending at ``e1`` and the
    next figure at ``p2``) that is not inside a list of things its figure counts: "Tối thiểu 55% cán bộ, công
    chức, viên chức được bồi dưỡng kỹ năng số, tăng 15% ..." ends at the comma after "kỹ năng số". A comma (or
    "và") is inside the list when the words before it, since the figure or the list's last comma, are a few
    (an item), and it either continues a list already opened or the words after it end at another separator
    (the next item, not the next figure's words: "85% hồ sơ trực tuyến, tỷ lệ hài lòng đạt trên 90%" parts at its
    comma). None when every separator is inside the list."""
    listing = False
    start = e1
    for k, sep in enumerate(seps):
        item = clause[start : sep.start()]
        ends_at = seps[k + 1].start() if k + 1 < len(seps) else p2
        words = len(_WORD_RUN.findall(item))
        inside = (_LISTING.fullmatch(sep.group()) is not None and 0 < words <= _ITEM_WORDS
                  and "(" not in item and (listing or ends_at < p2))
        if not inside:
            return sep.end()
        listing = True
        start = sep.end()
    return None


# a point numbered with a dash or a slash, its figure right after: "1- 100% thủ tục …", "4/ 100% báo cáo …"
_POINT_NUMBER = re.compile(r"^(\s*)(\d{1,2})\s*[-–/]\s+(?=(\d{1,3})(?:[.,]\d{1,2})?\s*%)")


def _without_point_number(folded: str) -> str:
    """The item's number blanked where it reads as a range's low figure ("1- 100%" is point 1, 100%; not 1–100%):
    a number far below the figure after it (under half of it). A range opening a point, "85 - 90% hồ sơ …", is
    kept."""
    m = _POINT_NUMBER.match(folded)
    if m is None or int(m.group(2)) * 2 >= int(m.group(3)):
        return folded
    return m.group(1) + " " * (m.end() - m.end(1)) + folded[m.end():]


def targets_in_text(text: str, line_of_offset: list[tuple[int, int]], section: int | None,
                    source: str = "text", units: bool = False, year_from: int | None = None) -> list[Target]:
    """Targets in one item. ``line_of_offset`` maps offsets in ``text`` (ascending) to source line numbers.
    With ``units``, the targets in hours, days, VND and counts instead of percentages (a pass of their own, so a
    duration inside a percentage target never cuts it in two). ``year_from``: the plan's year (its date), from
    which an item by stages takes its target (``_without_milestones``)."""
    exclusion_re, _, whole_re, past, attribution = _vocabulary()
    folded = _without_point_number(normalise_percent(fold(text)))
    out: list[Target] = []
    clause_start = 0
    # a clause ends at ";" or at a sentence end followed by a new sentence or a numbered part ("... 95%. 1.2. ...")
    clauses = [m.end() for m in _clause_end().finditer(text)]
    clauses.append(len(folded))
    spans = []
    for c_end in clauses:
        spans.append((clause_start, c_end))
        clause_start = c_end
    first = FIGURE.search(folded)
    list_hedge = _list_hedge(folded, first.start()) if first and not units else None
    # a comparator the list's lead-in sets ("Xã bảo đảm đạt tối thiểu các mức sau: hồ sơ …: 80%; …"), as on a line
    # of its own (``_under_lead``)
    lead_end = folded.find(":", 0, first.start()) if first and not units else -1
    list_comp = lead_comparator(folded[:lead_end]) if lead_end >= 0 else None
    restated_end = _restated_until(text, folded, first.start()) if first and not units else 0
    # the item's opening clause, the one that holds its first figure: the subject a later clause may leave unnamed;
    # one whose figure opens its phrase names its own ("…; phấn đấu 90% người dân có tài khoản định danh …")
    opening_end = next((b for _, b in spans if first is not None and b > first.start()), len(text))
    subject = _MARKER.sub("", text[:opening_end].strip(), count=1).rstrip(" ;,.") if first and not units else ""
    quoted = [(m.start(1), m.end(1)) for m in _QUOTES.finditer(text)
              if _has_word(squash(text[max(0, m.start() - 80) : m.start()]), attribution)]
    quote_starts = [qa for qa, _ in quoted]  # quotes do not overlap: sorted by start and by end
    offsets = [off for off, _ in line_of_offset]
    ascending = all(x <= y for x, y in zip(offsets, offsets[1:], strict=False))

    def in_quote(at: int) -> bool:
        k = bisect_right(quote_starts, at) - 1
        return k >= 0 and at < quoted[k][1]

    placed: list[tuple[date | None, int, int]] = []  # each target's deadline, where its words begin and end
    stages: list[date | None] = []  # each target's stage: its deadline, or a year written beside its figure
    dues_after: list[date | None] = []  # each target's deadline written after its figure, in words that make it one
    carried: date | None = None  # the later year an earlier clause of the sentence opened with
    for a, b in spans:
        clause = folded[a:b]
        used: list[tuple[int, int]] = []
        found: list[tuple[int, float, float | None, int, bool]] = []
        unit_at: dict[int, str] = {}
        if units:
            for pos, value, end, unit in unit_figures(clause):
                found.append((pos, value, None, end, False))
                unit_at[pos] = unit
        respective = {} if units else _respective_dates(clause, year_from)
        # "60% - 75% - 85% (tương ứng Quý III/2025, …)": figures paired with dates are a series, not a range
        ranges = [] if units or respective else sorted([*RANGE.finditer(clause), *RANGE_WORDS.finditer(clause)],
                                                       key=lambda m: m.start())
        for m in ranges:
            if used and m.start() < used[-1][1]:
                continue
            found.append((m.start(), _number(m.group(1)), _number(m.group(2)), m.end(), False))
            used.append((m.start(), m.end()))
        used_starts = [s for s, _ in used]  # ranges do not overlap
        for m in FIGURE.finditer(clause) if not units else ():
            k = bisect_right(used_starts, m.start()) - 1
            if k >= 0 and m.start() < used[k][1]:
                continue
            found.append((m.start(), _number(m.group(1)), None, m.end(), False))
        whole: float | None = None
        if not found and not units:  # "toàn bộ báo cáo định kỳ ...": all of them, 100% in words
            found = [(m.start(), 100.0, whole, m.end(), True) for m in whole_re.finditer(clause)
                     if _subject_after(clause, m.end())][:1]
        elif not units:  # "..., trên 92% văn bản ..., toàn bộ báo cáo định kỳ ...": beside figures, where it opens
            found += [(start, 100.0, whole, end, True) for start, end in whole_openings(clause)
                      if not any(f[0] <= start < f[3] for f in found)]
        vague: dict[int, str] = {}  # "phần lớn báo cáo ...": a quantity in vague words, its words as written
        for start, end in vague_openings(clause) if not units else ():
            if not any(f[0] <= start < f[3] for f in found):
                found.append((start, 0.0, None, end, True))
                vague[start] = text[a + start : a + end]
        found = [f for f in sorted(found) if not in_quote(a + f[0])]
        found, run_in = _run_in_references(clause, found)
        bounds = _bounds(clause, [(f[0], f[3]) for f in found]) if found else []
        # a hedge in a list's lead-in ("Xã phấn đấu đạt các chỉ tiêu sau: 100% …; tối thiểu 85% …") is the plan's
        # verb for its targets, not a hedge on each: the list's targets are read as when set out on lines of their own
        hedge_at = [h for h in (hedge_ends(clause, sorted({f[0] for f in found})) if found else [])
                    if list_hedge is None or a + h > list_hedge]
        first_hedge = min(hedge_at, default=len(clause) + 1)
        opening = _OPENING_YEAR.match(clause) if not units else None
        past_year = opening is not None and year_from is not None and int(opening.group(1)) < year_from
        frame = _OPENING_FRAME.match(clause) if not units and year_from is not None else None
        # a later year opening the clause as its time frame ("Năm 2026: …", "g) Sự hài lòng: năm 2026 phấn đấu …",
        # "đến năm 2030 đạt 80%"): the clause's figures are set for that year, another programme's horizon
        later = date(int(frame.group(1)), 12, 31) if frame and year_from is not None and int(
            frame.group(1)) > year_from else None
        # and the clauses after it in its sentence ("Năm 2026, phấn đấu 95% …; 90% hồ sơ công việc …; 80% …"): a
        # year opening a sentence is its adverbial, and the semicolons part the aims it frames; a full stop ends it,
        # a clause opening with a year of its own (frame) sets its own
        if frame is None and a > 0 and folded[a - 1] == ";":
            later = carried
        carried = later
        reached_at: int | None = None  # where the words of a figure already reached begin, in this clause
        rise = False  # that figure is where a rise starts ("từ 52% lên 76%"): the next one's words are its
        for (pos, value, high, _end, implicit), (sa, sb) in zip(found, bounds, strict=False):
            unit = unit_at.get(pos, "%")
            if (value > 100 and unit == "%") or (high is not None and high < value):
                continue
            before = clause[sa:pos]
            if past_year and sa > 0 and not _YEAR.search(before) and deadline(before) is None:
                continue  # "Năm 2024, A đạt 64%, B đạt 58%": the year opening the clause dates B's figure too
            starts = _rise_start(clause, pos, _end)
            if starts or _has_word(squash(before), past):
                reached_at, rise = sa if reached_at is None else reached_at, starts
                continue  # "mới đạt 64%", "tăng từ 52% lên 76%": a result already reached, not a target
            if rise:  # "từ 67,4% (kết quả đến 30/6/2025) lên 80%": the bracket dates the level reached, not this one
                before = _ASIDE.sub(" ", before, count=1)
            if reached_at is not None and (rise or _names_nothing(clause[sa:sb])):
                sa = reached_at  # "tỷ lệ ... năm 2024 đạt 64%, năm 2025 đạt 85%": the words are the result's
            reached_at, rise = None, False
            if respective:  # a series of milestones: each figure's statement is the whole clause, its date its own
                sa, sb = 0, len(clause)
            comp: Comparator = ">=" if high is not None else comparator_before(lead_of(clause, pos))
            if implicit and comp != "~":  # "toàn bộ …" is all of them; "gần toàn bộ …" (nearly all) is about
                comp = ">="
            if unit in ("giờ", "ngày") and comp == "=" and _WITHIN.search(squash(clause[max(0, pos - 30) : pos])):
                comp = "<="
            if unit == "%" and _OR_MORE.match(clause, _end):  # "55% trở lên": this figure's, not the next one's
                comp = ">="
            if list_comp is not None and comp == "=" and high is None and not implicit and a + pos > lead_end:
                comp = list_comp
            is_hedged = first_hedge <= pos or comp == "~"
            excl = [text[a + sa + m.start(1) : a + sa + m.end(1)].strip()
                    for m in exclusion_re.finditer(clause[sa:sb])]
            # the finding points where its quote begins: the clause, after any list marker or row number
            raw = text[a + sa : a + sb]
            lead = _LEAD_MARKER.match(raw)
            offset = a + sa + (lead.end() if lead else 0)
            if ascending:
                line = line_of_offset[max(0, bisect_right(offsets, offset) - 1)][1]
            else:
                line = line_of_offset[0][1]
                for off, ln in line_of_offset:
                    if off <= offset:
                        line = ln
            change = None if units or high is not None or implicit else change_of(text, a, clause, sa, pos, sb)
            clause_text = _MARKER.sub("", raw.strip(" ;,"), count=1)
            clause_text = _JOINING_WORD.sub("", clause_text, count=1)
            out.append(Target(text=clause_text, value=value, value_high=high, comparator=comp, hedged=is_hedged,
                              exclusions=excl, line=line, section=section, source=source,  # type: ignore[arg-type]
                              implicit=implicit, reference_value=run_in.get(pos), unit=unit,
                              restated=(a + pos < restated_end and not _own_clause(text[a + sa : a + pos]))
                              or _restates(text[a + sa : a + pos]),
                              change=change, vague=vague.get(pos), condition=condition_in(raw),
                              subject=subject if first is not None and a + sa >= opening_end
                              and not in_brackets(text, a + pos) and not _subject_after(clause, _end) else "",
                              due=respective.get(pos)))
            placed.append((respective.get(pos) or deadline(before, year_from), offset, a + sb))
            stages.append(placed[-1][0] or _stage_year(before) or _deadline_after(clause[_end:sb]))
            dues_after.append((_due_after(clause[_end:sb]) if len(found) == 1 else None)
                              or (later if deadline(before, year_from) is None else None))
    if len({d for d, _, _ in placed if d is not None}) == 1:
        # one deadline written before a figure ("Đến hết năm 2026, tối thiểu 60% ..."): the figure is set for it
        # (an item by stages, several deadlines, keeps its latest figure as the target: _without_milestones)
        out = [t.model_copy(update={"due": d}) if d is not None else t
               for t, (d, _, _) in zip(out, placed, strict=True)]
    # the only figure of its clause, its deadline written after it ("≥ 80% (hoàn thành trong quý I/2026)"): set for it
    out = [t.model_copy(update={"due": d}) if t.due is None and d is not None else t
           for t, d in zip(out, dues_after, strict=True)]
    return _own_beside_parent(_without_milestones(
        text, out, [(d, start, end) for d, (_, start, end) in zip(stages, placed, strict=True)], year_from))


@lru_cache(maxsize=1)
def _rise() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """In folded text: a word of conventions ``rise_from`` ending the words before a figure, one of ``rise_to``
    opening the words after it."""
    conv = conventions()
    if not conv.rise_from or not conv.rise_to:
        return None

    def words(phrases: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, fold(p).split())) for p in sorted(phrases, key=len, reverse=True))

    # between the level reached and the word of the rise, what tells when it was reached: an aside in brackets ("từ
    # 67,4% (kết quả đến 30/6/2025) lên …") or a few words ("từ 58% hiện nay lên …", "từ 9/12 báo cáo lên …"), no
    # figure and no separator among them; not "trở" ("từ 75% trở lên" is a bound, no rise)
    return (re.compile(rf"(?<![a-z0-9])(?:{words(conv.rise_from)})\s*$"),
            re.compile(rf"(?:\s*\([^()%;]{{0,60}}\))?(?:\s+(?!tro\b)[a-z]+){{0,3}}?\s*(?:{words(conv.rise_to)})(?![a-z])"))


_ASIDE = re.compile(r"^\s*\([^()]*\)")  # a bracket opening the words after a figure


def _past_rise(before: str) -> str:
    """The folded words before a figure, from where the rise to it ends ("… từ 67,4% (kết quả đến 30/6/2025) lên
    tối thiểu "): the level it rises from, and what dates that level, are not the figure's."""
    rise = _rise()
    last = max(FIGURE.finditer(before), key=lambda m: m.start(), default=None)
    if rise is None or last is None or not rise[0].search(before, max(0, last.start() - 12), last.start()):
        return before
    to = rise[1].match(before, last.end())
    return before[to.end():] if to else before


def _rise_start(clause: str, pos: int, end: int) -> bool:
    """The figure at ``pos`` (ending at ``end``) of the folded ``clause`` is where a rise starts ("tang tu 52% len
    76%", "từ 67,4% (kết quả đến 30/6/2025) lên tối thiểu 80%"): the level reached already, not the target."""
    rise = _rise()
    return rise is not None and bool(rise[0].search(clause, max(0, pos - 12), pos)) and bool(rise[1].match(clause, end))


@lru_cache(maxsize=1)
def _change_words() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """In folded text: a change word ending the words before a figure, a comparator word perhaps after it ("tang",
    "tang it nhat"); percentage points after a figure's digits (" diem %"). Conventions ``change_words``,
    ``point_forms``."""
    conv = conventions()

    def words(phrases: list[str], space: str) -> str:
        return "|".join(space.join(map(re.escape, fold(p).split())) for p in sorted(phrases, key=len, reverse=True))

    comparators = "|".join(re.escape(w) for w, _ in comparator_words() if w[0].isalpha())
    change, point = words(conv.change_words, r"\s+"), words(conv.point_forms, r"\s*")
    before = re.compile(rf"(?<![a-z0-9])(?:{change})(?:\s+(?:{comparators}))?\s*$") if change else None
    points = re.compile(rf"\s?(?:{point})") if point else None
    return before, points


@lru_cache(maxsize=1)
def _respectively() -> re.Pattern[str] | None:
    """In folded text: a word of conventions ``respectively`` ("lần lượt", "tương ứng")."""
    words = conventions().respectively
    return re.compile(r"(?<![a-z])(?:" + "|".join(r"\s+".join(map(re.escape, fold(w).split())) for w in words)
                      + r")(?![a-z])") if words else None


# a date of a list of milestones, in the order written: a day, a quarter (its year perhaps written once after the
# last: "cuối Quý III và cuối Quý IV năm 2025"), a month, a period's last year, a year
_LISTED_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(20\d\d)\b"
                          r"|\bquy\s+(iv|i{1,3}|[1-4])\b(?:\s*(?:/|nam)\s*(20\d\d)\b)?"
                          r"|\bthang\s+(\d{1,2})\s*(?:/|nam)\s*(20\d\d)\b"
                          r"|\bgiai doan\s+20\d\d\s*(?:-|den)\s*(20\d\d)\b"
                          r"|\bnam\s+(20\d\d)\b")


def _respective_dates(clause: str, year: int | None) -> dict[int, date]:
    """Each figure of a folded clause that pairs its figures with dates in order ("lần lượt đạt 65%, 80% và 90%
    tương ứng với các mốc 30/9/2025, 31/12/2025 và 31/12/2026"), by where it starts: its date; none where the
    clause has no word of ``respectively`` or not as many dates after its last figure as figures."""
    words = _respectively()
    figures = list(FIGURE.finditer(clause))
    if words is None or len(figures) < 2 or not words.search(clause):
        return {}
    found: list[tuple[int | None, int, int]] = []  # year (None: written later), month, day
    for m in _LISTED_DATE.finditer(clause, figures[-1].end()):
        if m.group(1):
            found.append((int(m.group(3)), int(m.group(2)), int(m.group(1))))
        elif m.group(4):
            month, day = _QUARTER_END[m.group(4)]
            found.append((int(m.group(5)) if m.group(5) else None, month, day))
        elif m.group(6):
            in_year, month = int(m.group(7)), int(m.group(6))
            if not 1 <= month <= 12:
                return {}
            found.append((in_year, month, monthrange(in_year, month)[1]))
        else:
            found.append((int(m.group(8) or m.group(9)), 12, 31))
    if len(found) != len(figures):
        return {}
    out: dict[int, date] = {}
    for k, (m, (given, month, day)) in enumerate(zip(figures, found, strict=True)):
        written = given or next((y for y, _, _ in found[k:] if y is not None), year or 2025)
        try:
            out[m.start()] = date(written, month, day)
        except ValueError:
            return {}
    return out


_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_BASE = re.compile(r"\s*so voi(?:\s+[^\s,;.:()]+){1,5}")  # what a change is measured from ("so với năm 2024")
_TWO_WORDS = re.compile(r"(?:[a-z]+\s+){0,2}$")


def change_of(text: str, a: int, clause: str, sa: int, pos: int, sb: int) -> str | None:
    """The words of a figure that states a change, not a level ("tăng 10% so với năm 2024", "tăng thêm 5%", "nâng
    lên 3 điểm %"), as ``text`` writes them; None for a level. ``clause`` is ``text[a:]``'s folded clause, the figure
    at ``pos`` in it, its words between ``sa`` and ``sb``."""
    before, points = _change_words()
    m = before.search(clause, max(sa, pos - 40), pos) if before else None
    digits = _DIGITS.match(clause, pos)
    raw = fold(text[a + pos : a + sb]) if digits else ""  # the points' words, before they were read as "%"
    pts = points.match(raw, digits.end() - pos) if points and digits else None
    if m is None and pts is None:
        return None
    start = m.start() if m else pos - len(_TWO_WORDS.search(clause, sa, pos).group())  # type: ignore[union-attr]
    stop = pos + pts.end() if pts else clause.index("%", pos) + 1
    base = _BASE.match(clause, stop, sb)
    stop = base.end() if base else stop
    return text[a + start : a + stop].strip()


def _figure_lead(clause: str) -> str:
    """The words just before a clause's first figure, squashed ("thanh pho giao toi thieu")."""
    folded = normalise_percent(fold(clause))
    m = FIGURE.search(folded)
    return squash(lead_of(folded, m.start())) if m else ""


def _before_figure(clause: str) -> str:
    """A clause's words before its first figure, folded."""
    folded = normalise_percent(fold(clause))
    m = FIGURE.search(folded)
    return folded[: m.start()] if m else folded


def _own_beside_parent(targets: list[Target]) -> list[Target]:
    """One target written with both figures, the parent's and the plan's, as a table's columns would give them
    ("Hồ sơ ...: thành phố giao tối thiểu 80%; phường đăng ký tối thiểu 85%"): the figure the unit undertakes is
    the target, the parent's its reference. The words before each figure are those of a table's column headers
    (rules/conventions.yaml, table_columns: ``reference``, ``own``); the second clause names nothing else, or opens
    with the unit committing to its figure ("thành phố giao 75%, phường phấn đấu đạt trên 70%", "thành phố giao trên
    90%, phường vượt chỉ tiêu thành phố giao, đạt trên 95%": ``_own_clause``)."""
    if len(targets) < 2:
        return targets
    cols = conventions().table_columns
    reference = [squash(w) for w in cols.reference]
    own = sorted((squash(w) for w in cols.own), key=len, reverse=True)  # "phường thực hiện" before "phường"
    out: list[Target] = []
    k = 0
    while k < len(targets):
        first = targets[k]
        second = targets[k + 1] if k + 1 < len(targets) else None
        if second is None or second.line is None or first.line is None:
            out.append(first)
            k += 1
            continue
        lead1, lead2 = _figure_lead(first.text), _figure_lead(second.text)
        rest = squash(FIGURE.sub(" ", normalise_percent(fold(second.text))))
        rest = _words_pattern(tuple(own)).sub(" ", rest) if own else rest  # type: ignore[union-attr]
        bare = not re.search(r"[a-z]", _glue().sub(" ", rest))
        if (bare and _has_word(lead2, own) or _own_clause(_before_figure(second.text))) and _has_word(
                lead1, reference) and not _has_word(lead1, own):
            mine, theirs = second, first
        elif bare and _has_word(lead1, own) and _has_word(lead2, reference) and not _has_word(lead2, own):
            mine, theirs = first, second
        else:
            out.append(first)
            k += 1
            continue
        out.append(mine.model_copy(update={
            "text": f"{first.text}; {second.text}", "line": mine.line, "restated": False, "exclusions":
            first.exclusions + second.exclusions, "reference_value": theirs.value,
            "reference_text": theirs.text}))
        k += 2
    return out


def _without_milestones(text: str, targets: list[Target], placed: list[tuple[date | None, int, int]],
                        year_from: int | None = None) -> list[Target]:
    """An item that sets one target by stages ("đến ngày 30/9/2025 đạt 70% hồ sơ ..., đến ngày 31/12/2025 đạt tối
    thiểu 82%"; "đạt 40% vào cuối năm 2025 và 70% vào cuối năm 2026"): as columns by stage (``_column_roles``),
    the target is the figure of the latest deadline in the item's first year (from ``year_from``, the plan's
    year: a past year's figure is no stage), set for that deadline; an earlier deadline's figure is a milestone
    on the way, a later year's the plan's horizon, neither judged against the directive. The target's clause,
    when it names no subject of its own, is read with the milestone's words before it; a later year's clause
    that names none is a stage of the same target, one that names its own is a target of its own, set later."""
    dated = [d for d, _, _ in placed if d is not None]
    if len(set(dated)) < 2:
        return targets
    first = min((d.year for d in dated if year_from is None or d.year >= year_from), default=max(dated).year)
    last = max((d for d in dated if d.year == first), default=max(dated))
    out: list[Target] = []
    opened: tuple[int, int | None] | None = None  # where the milestones just before this clause begin, their line
    held: list[Target] = []  # those milestones, kept if no subject-less clause of the last deadline follows them
    for t, (when, start, end) in zip(targets, placed, strict=True):
        if when is not None and when < last:
            opened = opened or (start, t.line)
            held.append(t)
            continue
        if when is not None and when > last:
            if not _names_nothing(t.text):
                out.append(t.model_copy(update={"due": when}))
            continue
        if when == last and opened is not None and _names_nothing(t.text):
            t = t.model_copy(update={"text": " ".join(text[opened[0]:end].strip(" ;,").split()), "line": opened[1]})
        else:
            out += held  # targets of their own that have their own deadline ("100% ... trước 30/9/2025; ...")
        held, opened = [], None
        out.append(t.model_copy(update={"due": last}) if when == last else t)
    return out + held


# a year written beside a figure, as a stage of a target by years: "năm 2025 đạt 75%", "(năm 2025: tối thiểu 80%",
# "đạt 40% vào cuối năm 2025", "55% năm 2025"
# a year opening a clause as its time frame ("Năm 2024, ...", "Trong năm 2024, ..."): it dates every figure of the
# clause that gives no time of its own
_OPENING_YEAR = re.compile(r"^\W*(?:trong\s+)?nam\s+(20\d\d)\s*,")
# a year opening a clause, after a list marker and a short label ending with a colon ("a) Năm 2026: …", "g) Sự hài
# lòng: năm 2026 phấn đấu …", "Đến năm 2030, …", "Trong năm 2026 …"), not a date's year ("năm 2026/…")
_OPENING_FRAME = re.compile(r"^\W*(?:(?:dd|[a-z])\)\s*)?(?:[a-z][^\d:;,.()]{0,40}:\s*)?(?:(?:trong|den|tu)\s+)?"
                            r"nam\s+(20\d\d)\b(?!\s*[/.-]\s*\d)")
_YEAR_BEFORE = re.compile(r"\bnam\s+(20\d\d)\b([^\d]{0,40})$")
_AFTER = re.compile(r"^[\s,:()]*(?:(?:vao|trong|den|tinh den|truoc)\s+)?(?:(?:het|cuoi)\s+)?"
                    r"(?:(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(20\d\d)|nam\s+(20\d\d))\b")


# a deadline after a figure in words that make it one: "≥ 80% (hoàn thành trong quý I/2026)", "... 60% trước 30/6/2026",
# "75%, chậm nhất ngày 15 tháng 02 năm 2026"
_DUE_AFTER = re.compile(r"^[\s,:()]*(?:hoan thanh\s+)?"
                        r"(?:vao|trong|den|tinh den|truoc|cham nhat(?:\s+(?:la|vao|den|trong))?)"
                        r"\s+(?:het\s+|cuoi\s+)?(?=ngay|\d|nam|quy|thang)")


# the same words closing the target's clause, after what it measures: "100% kết quả ... được số hóa (hoàn thành trước
# ngày 30/6/2026)", "..., hoàn thành trong quý II/2026"; "chậm nhất" (at the latest) makes a deadline of the date after
# it without a comma ("số hóa 100% kết quả … theo quy định chậm nhất ngày 15 tháng 3 năm 2026"), and so does "trước"
# with a whole date ("… theo quy định trước 31/3/2026")
_DUE_CLOSING = re.compile(r"(?:\(|,|\s[-–])\s*(?=hoan thanh\s+(?:vao|trong|den|tinh den|truoc)\s)"
                          r"|\s(?=cham nhat\s+(?:(?:la|vao|den|trong)\s+)?(?:ngay|\d|nam|quy|thang))"
                          r"|\s(?=truoc\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")


def _due_after(after: str) -> date | None:
    """The deadline a lone figure is set for, written after it ("(hoàn thành trong quý I/2026)") or closing its
    clause ("..., hoàn thành trước ngày 30/6/2026"); None otherwise."""
    m = _DUE_AFTER.match(after)
    if m is None and (closing := _DUE_CLOSING.search(after)) is not None:
        m = _DUE_AFTER.match(after[closing.end():])
        after = after[closing.end():]
    if m is None:
        return None
    rest = after[m.end():]
    return _deadline_after(rest) or deadline("den " + rest[:24])


def _stage_year(before: str) -> date | None:
    """The end of a year written just before a figure, with only joining words and a comparator between ("năm
    2025 đạt", "năm 2026: tối thiểu"); None otherwise."""
    m = _YEAR_BEFORE.search(before)
    if m is None or re.search(r"[a-z]", _glue().sub(" ", squash(m.group(2)))):
        return None
    return date(int(m.group(1)), 12, 31)


def _deadline_after(after: str) -> date | None:
    """A deadline written just after a figure ("vào cuối năm 2025", "năm 2026", "đến 31/12/2025"); None when the
    words after it are something else ("so với năm 2024")."""
    m = _AFTER.match(after)
    if m is None:
        return None
    if m.group(4):
        return date(int(m.group(4)), 12, 31)
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _glue() -> re.Pattern[str]:
    """The words that join a deadline, a comparator and a figure, naming nothing measured ("đến hết năm 2025 đạt
    tối thiểu 82%")."""
    return re.compile(r"\b(?:la|o muc|muc|hoan thanh|ty le|tu|tro len|va|vao|trong|nam \d{4}|" + "|".join(
        re.escape(w) for w, _ in comparator_words() if w[0].isalpha()) + r")\b")


def _names_nothing(clause: str) -> bool:
    """A clause that gives a deadline and a figure but no words of what it measures ("đến ngày 31/12/2025 đạt tối
    thiểu 82%", "đến hết năm 2025 là 55%", "tháng 12 đạt 100%": a month of the plan's year, its year unwritten)."""
    rest = normalise_percent(fold(clause))  # "đạt 100 phần trăm", "ngày 31 tháng 12 năm 2025": as in digits
    for pattern in (_DEADLINE_DATE, _DEADLINE_YEAR, _DEADLINE_BY_YEAR, _DEADLINE_QUARTER, _DEADLINE_HALF,
                    _DEADLINE_MONTH, _DEADLINE_BARE_MONTH):
        rest = pattern.sub(" ", rest)
    rest = _glue().sub(" ", squash(FIGURE.sub(" ", rest)))
    return not re.search(r"[a-z]", rest)


@lru_cache(maxsize=1)
def _restatement() -> tuple[list[str], list[str], list[str]]:
    conv = conventions()
    return ([squash(w) for w in conv.attribution], [squash(w) for w in conv.restated_parent],
            [squash(w) for w in conv.restated_not])


def _restated_until(text: str, folded: str, first: int) -> int:
    """Where the parent's targets that a sentence restates end ("Kế hoạch số 215/KH-UBND của thành phố giao các
    chỉ tiêu: 100% ...; ... 90%. Phường đăng ký ..."): the end of the sentence whose lead-in (the words before its
    first figure) names the parent with an attribution word, and no word that takes the targets as the plan's own
    (rules/conventions.yaml ``restated_parent``, ``restated_not``); 0 when it does not."""
    if not _restates(text[:first]):
        return 0
    end = re.compile(rf"\.\s+(?=[{UPPER}])").search(text, first)
    return end.end() if end else len(text)


def _restates(lead: str) -> bool:
    """The words before a list of figures (a sentence's, or a list's lead-in) give the parent's targets: they name
    the parent with an attribution word, and none of the words by which a plan takes them as its own (compared with
    their diacritics where the text keeps them: "đặt ra" is not "đạt")."""
    attribution, parents, own = _restatement()
    squashed = squash(lead)
    named = issuer_words(squashed)  # "TP giao …": the parent named by its initials
    if not (parents and _has_word(squashed, attribution) and _has_word(named, parents)):
        return False
    if lost_diacritics(lead):
        # without its marks "đặt chỉ tiêu" (the parent sets) is "dat chi tieu", and "đạt" (the plan reaches) "dat":
        # an own word counts only outside the attribution's phrases
        attributed = _words_pattern(tuple(p for p in attribution if p))
        return not _has_word(attributed.sub(" ", squashed) if attributed else squashed, own)
    return not _has_word(" ".join(re.findall(r"[^\W_]+", lead.lower())), _restatement_own_written())


@lru_cache(maxsize=1)
def _restatement_own_written() -> list[str]:
    """The words that take the parent's targets as the plan's own (``restated_not``), lower case, diacritics kept."""
    return [" ".join(re.findall(r"[^\W_]+", w.lower())) for w in conventions().restated_not]


_DEADLINE_DATE = re.compile(r"\b(?:den|truoc|tinh den|het)\s+(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})"
                            r"\s*[/.-]\s*(\d{4})\b")
_DEADLINE_YEAR = re.compile(r"\b(?:(?:den|truoc|tinh den)\s+)?(?:het|cuoi)\s+nam\s+(\d{4})\b")
# "phấn đấu đến năm 2026 đạt 100%" (by that year: its end), not a date's year ("đến năm 2026/…"); a period "giai đoạn
# 2026 – 2030" (its last year's end: the figure held through it)
_DEADLINE_BY_YEAR = re.compile(r"\b(?:den|tinh den)\s+nam\s+(20\d\d)\b(?!\s*[/.-]\s*\d)"
                               r"|\bgiai doan\s+(?:tu\s+)?(?:nam\s+)?20\d\d\s*(?:[-–]|den)\s*(?:nam\s+)?(20\d\d)\b")
_DEADLINE_QUARTER = re.compile(r"\b(?:(?:den|trong|truoc)\s+(?:het\s+)?)?quy\s+(iv|i{1,3}|[1-4])\b"
                               r"(?:\s*(?:/|nam)\s*(\d{4}))?")
_MONTH = r"\b(?:(?:den|truoc|tinh den|trong)\s+)?(?:het\s+)?thang\s+(\d{1,2})"  # "đến hết tháng 6", "trước tháng 6"
# "đến hết tháng 6 năm 2026", "trước tháng 6/2026": the month's last day
_DEADLINE_MONTH = re.compile(_MONTH + r"\s*(?:/|nam)\s*(\d{4})\b")
# "tháng 10 đạt 65%; tháng 11 đạt 75%; tháng 12 năm 2025 đạt …": a month of the plan's own year, its year unwritten
_DEADLINE_BARE_MONTH = re.compile(_MONTH + r"\b(?!\s*(?:/|nam)\s*\d)")
# "6 tháng đầu năm 2025" (its first half, ended 30/6), "6 tháng cuối năm 2025" (ended 31/12): the "6" may be cut off
# as a point's number ("6 tháng đầu năm 2025 đạt 72%" read after a list marker)
_DEADLINE_HALF = re.compile(r"\b(?:(?:den|trong)\s+(?:het\s+)?)?(?:6\s+)?thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?\b")
_QUARTER_END = {"i": (3, 31), "ii": (6, 30), "iii": (9, 30), "iv": (12, 31), "1": (3, 31), "2": (6, 30),
                "3": (9, 30), "4": (12, 31)}


def deadline(before: str, year: int | None = None) -> date | None:
    """The deadline written before a figure (folded text): "đến ngày 30/9/2025", "đến hết năm 2025", "quý III"
    (the last one written, nearest the figure); None when there is none. ``year``: the plan's own, for a month
    written without one ("tháng 10 đạt 65%", a month's figure in a plan's monthly course to its year-end target)."""
    found: list[tuple[int, date]] = []
    for m in _DEADLINE_DATE.finditer(before):
        try:
            found.append((m.start(), date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
        except ValueError:
            continue
    found += [(m.start(), date(int(m.group(1)), 12, 31)) for m in _DEADLINE_YEAR.finditer(before)]
    found += [(m.start(), date(int(m.group(1) or m.group(2)), 12, 31)) for m in _DEADLINE_BY_YEAR.finditer(before)]
    for m in _DEADLINE_QUARTER.finditer(before):
        month, day = _QUARTER_END[m.group(1)]
        found.append((m.start(), date(int(m.group(2) or 2025), month, day)))
    found += [(m.start(), date(int(m.group(2) or year or 2025), 6 if m.group(1) == "dau" else 12,
                               30 if m.group(1) == "dau" else 31)) for m in _DEADLINE_HALF.finditer(before)]
    months = [(m, int(m.group(2))) for m in _DEADLINE_MONTH.finditer(before)]
    if year is not None:
        months += [(m, year) for m in _DEADLINE_BARE_MONTH.finditer(before)]
    for m, in_year in months:
        if 1 <= (month := int(m.group(1))) <= 12:
            found.append((m.start(), date(in_year, month, monthrange(in_year, month)[1])))
    return max(found)[1] if found else None


Figure = tuple[int, float, float | None, int, bool]  # start, value, upper value, end, in words


def _run_in_references(clause: str, found: list[Figure]) -> tuple[list[Figure], dict[int, float]]:
    """A table flattened into text runs the parent's column into the row: "… đạt 100% (trừ …) 100%", or
    "100% hệ thống … kết nối … 100%". Such a figure is the reference of the one before, not a second target."""
    kept: list[Figure] = []
    refs: dict[int, float] = {}
    tail = len(clause)  # where the clause's closing punctuation and spaces begin
    while tail > 0 and (clause[tail - 1].isspace() or clause[tail - 1] in ".,;:)"):
        tail -= 1
    for f in found:
        if kept and not f[4]:  # a figure, not words ("phần lớn" after "... 80%," is a target of its own)
            prev = kept[-1]
            between = _without_brackets(clause[prev[3] : f[0]])
            at_end = f[3] >= tail
            lead = lead_of(clause, f[0])
            bare_before = comparator_before(lead) == "=" and not _REACHES.search(lead)
            # "..., > 92% văn bản được ký số ...": after a comma, a figure opening its own words is the next target
            listed = "," in between and _subject_after(clause, f[3])
            if _dated_aside(clause, prev[3], f[0]):
                kept.append(f)  # "… toàn trình (năm 2024: 61,5%)": the level of a year of its own, not the column
                continue
            if (_ONLY_PUNCTUATION.fullmatch(between) and not listed) or (
                    at_end and bare_before and _subject_after(clause, prev[3]) and not prev[4]
                    and not _rise_start(clause, prev[0], prev[3])):  # "từ 64% lên 85%.": the level it rises to
                refs[prev[0]] = f[1]
                continue
        kept.append(f)
    return kept, refs


def _open_bracket(clause: str, start: int, at: int) -> int:
    """Where a bracket opened between ``start`` and ``at`` and still open at ``at`` begins; -1 where none is."""
    opened = clause.rfind("(", start, at)
    return opened if opened >= 0 and ")" not in clause[opened:at] else -1


def _dated(aside: str) -> bool:
    """``aside`` (folded) gives a year or a date of its own ("(năm 2024 đạt", "(đến hết tháng 9 năm 2025 đạt")."""
    return _YEAR.search(aside) is not None or deadline(aside) is not None


def _dated_aside(clause: str, start: int, at: int) -> bool:
    """The figure at ``at`` stands in a bracket opened after ``start`` that gives a year or a date of its own before
    it ("(năm 2024: 61,5%)", "(đến 30/6/2025: 64%)"): a level of that time, written beside the target."""
    opened = _open_bracket(clause, start, at)
    if opened < 0:
        return False
    aside = fold(clause[opened:at])
    if _has_word(squash(aside), _parent_words()):
        return False  # "(thành phố giao năm 2025: 80%)": the parent's figure, its column run in
    return _dated(aside)


# a field of a form: "Nội dung: ...", "Mức: ...", its label of one to four words, at the start of a line or a sentence
_FIELD_LABEL = re.compile(r"(?:^|(?<=[.;]\s))([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}):\s")


def _fields(text: str) -> list[tuple[int, int, int]]:
    """The fields of a form written in ``text``: (label start, value start, value end)."""
    if ":" not in text:  # a field's label ends with a colon: plain test first (C speed)
        return []
    found = list(_FIELD_LABEL.finditer(text))
    return [(m.start(), m.end(), found[k + 1].start() if k + 1 < len(found) else len(text))
            for k, m in enumerate(found)]


def _bare_level(value: str) -> bool:
    """A value that gives a level and nothing of what it measures ("phấn đấu đạt từ 70% trở lên", "tối thiểu
    75%"): a figure, comparators, hedges and a deadline only."""
    folded = fold(value)
    return "%" in normalise_percent(folded) and _names_nothing(re.sub(r"\btu\b", " ", _hedge().sub(" ", folded)))


def _subject_value(value: str) -> bool:
    """A field's value that says what is measured and gives no figure ("Hồ sơ thủ tục hành chính ...")."""
    return not _DIGIT.search(value) and len(re.findall(r"[^\W\d_]{2,}", value)) >= 2


def form_text(text: str) -> str:
    """A target written as the fields of a form ("Nội dung: Hồ sơ ... trực tuyến toàn trình. Mức: tối thiểu 80%.
    Thời hạn: ..."), read as one clause: the subject field's label and its closing stop blanked out, so that the
    level's figure has the subject's words before it. Blanked, not removed: every offset stays where it was."""
    fields = _fields(text)
    out = list(text)
    for (s1, v1, e1), (_, v2, e2) in zip(fields, fields[1:], strict=False):
        value = text[v1:e1].rstrip()
        level = text[v2:e2].strip()
        level = re.split(r"(?<=[.;])\s", level, maxsplit=1)[0]
        if _subject_value(value.rstrip(".;")) and _bare_level(level):
            out[s1:v1] = " " * (v1 - s1)
            if value.endswith((".", ";")):
                out[v1 + len(value) - 1] = " "
    return "".join(out)


def form_fields(items: list[Item], texts: list[str]) -> list[Item]:
    """The fields of a form written one per line ("Nội dung: Hồ sơ ..." then "Mức: tối thiểu 80%." then "Thời
    hạn: ..."; blank lines between them or not): the item of a level's field joins the item of the subject's field
    above it, so that they read as one clause (``form_text``). Other items are kept as they are."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and all(not texts[k].strip() for k in range(prev.last + 1, it.first)):
            last = _fields(prev.text)[-1:]
            first = _fields(it.text)[:1]
            if last and first and first[0][0] == 0 and _subject_value(prev.text[last[0][1]:].rstrip(" .;")) and (
                    _bare_level(re.split(r"(?<=[.;])\s", it.text[first[0][1]:first[0][2]].strip(), maxsplit=1)[0])):
                out[-1] = Item(first=prev.first, last=it.last, text=f"{prev.text} {it.text}", section=it.section)
                continue
        out.append(it)
    return out


_SENTENCE_END = re.compile(rf"(?<=[.;])\s+(?=[{UPPER}])")


def list_lead_ins(items: list[Item]) -> dict[int, str]:
    """The lead-in of each point of a list, keyed by the point's first line: the item before the list's first point,
    in the same part, that ends with a colon ("Trên cơ sở ..., xã bảo đảm đạt tối thiểu các mức sau:"), its last
    sentence: its comparator and the parent it restates are every point's (``_under_lead``), as a lead-in in the
    same sentence's are. A line that is no point (a paragraph) ends the list."""
    out: dict[int, str] = {}
    lead: tuple[str, int | None] | None = None
    for it in items:
        point = _MARKER.match(it.text) is not None
        if lead is not None and point and it.section == lead[1]:
            out[it.first] = lead[0]
        else:
            lead = None
        text = it.text.rstrip("*_ ")
        if text.endswith(":"):
            lead = (_SENTENCE_END.split(text)[-1], it.section)
    return out


@lru_cache(maxsize=1)
def _lead_comparators() -> tuple[re.Pattern[str], list[str]]:
    """The comparator words in squashed text (the longest where one begins another: "đạt và vượt", not "đạt"), and
    the words that name the levels a list gives (rules/conventions.yaml ``list_levels``), squashed."""
    words = (w for w, _ in comparator_words() if w[0].isalpha())
    return (re.compile(rf"(?<![a-z0-9]){trie_pattern(words)}(?![a-z0-9])"),
            [squash(w) for w in conventions().list_levels])


_LEAD_WORDS = 6  # "tối thiểu các mức sau", "trên các chỉ tiêu cụ thể như sau": a few words between it and the colon


def lead_comparator(lead: str) -> Comparator | None:
    """The comparator a list's lead-in sets for the levels its points give ("… bảo đảm đạt tối thiểu các mức
    sau:" → at least): its last comparator word, followed up to the colon by a few words that name those levels
    and no figure; None otherwise ("Trên cơ sở chỉ tiêu thành phố giao, …": "trên" is "on"; "các chỉ tiêu cao hơn
    như sau:": higher than the city's)."""
    pattern, levels = _lead_comparators()
    squashed = squash(lead)
    idioms = [squash(w) + " " for w in conventions().comparator_idioms]  # "dưới dạng": a preposition, not "dưới"
    found = [m for m in pattern.finditer(squashed) if not any(squashed.startswith(i, m.start()) for i in idioms)]
    if not found:
        return None
    rest = squashed[found[-1].end():]
    words = rest.split()
    if len(words) > _LEAD_WORDS or _DIGIT.search(rest) or not _has_word(rest, levels):
        return None
    return dict(comparator_words()).get(found[-1].group())


def _under_lead(targets: list[Target], lead: str) -> list[Target]:
    """The targets of a list's point read with what its lead-in says of the list: its comparator for a figure
    written bare ("Hồ sơ …: 80%" under "… tối thiểu các mức sau:"), the parent's targets given ("Kế hoạch của thành
    phố đặt ra … như sau:"). Not a hedge: "xã phấn đấu hoàn thành toàn bộ chỉ tiêu thành phố giao:" over its points
    is how a plan states its targets (a hedge on a point's figure, "phấn đấu đạt 80%", still hedges it)."""
    comp, restated = lead_comparator(normalise_percent(fold(lead))), _restates(lead)
    group = _MARKER.sub("", lead.strip(), count=1).rstrip("*_: ") if _MARKER.match(lead.strip()) else ""
    if comp is None and not restated and not group:
        return targets
    return [t.model_copy(update={"comparator": comp if comp is not None and _bare(t) else t.comparator,
                                 "restated": t.restated or restated, "group": group}) for t in targets]


def _bare(t: Target) -> bool:
    """A figure written without a comparator of its own ("Hồ sơ …: 80%"), neither a range nor words nor a change."""
    return t.comparator == "=" and t.value_high is None and not t.implicit and t.change is None


def targets_in_items(items: list[Item], texts: list[str], line_numbers: list[int],
                     spans: list[list[Span]] | None = None, year_from: int | None = None) -> list[Target]:
    """Targets of text items; ``spans`` (per line) map offsets of a logical line back to its source lines;
    ``year_from``: the plan's year (``targets_in_text``)."""
    out: list[Target] = []
    whole_re = _vocabulary()[2]
    whole_words = _whole_literals()
    vague_literals = _vague_literals()
    items = form_fields(items, texts)
    leads = list_lead_ins(items)
    for it in items:
        # both figures need a digit, and 100% in words one of its words: plain substring tests first (C speed),
        # the patterns only where they can match
        folded = fold(it.text)
        has_units = bool(_DIGIT.search(folded) and (UNIT_FIGURE.search(folded) or COUNT_FIGURE.search(squash(it.text))))
        folded = normalise_percent(folded)
        has_percent = "%" in folded or (any(w in folded for w in whole_words)
                                        and bool(whole_re.search(folded)))  # "toàn bộ ...": 100% in words
        # "phần lớn báo cáo ...": a vague quantity opening a target's words, in any of the item's sentences
        has_percent = has_percent or (any(w in folded for w in vague_literals) and bool(vague_openings(folded)))
        if not has_percent and not has_units:
            continue
        mapping: list[tuple[int, int]] = []
        pos = 0
        parts = []
        for i in it.line_numbers:
            t = texts[i].strip()
            if not t:
                continue
            lead = len(texts[i]) - len(texts[i].lstrip())
            line_spans = spans[i] if spans else []
            mapping += [(pos + max(0, s.start - lead), s.loc.line) for s in line_spans] or [(pos, line_numbers[i])]
            parts.append(t)
            pos += len(t) + 1
        text = form_text(" ".join(parts)) if ":" in it.text else " ".join(parts)
        targets = targets_in_text(text, mapping, it.section, year_from=year_from) if has_percent else []
        # a table flattened into text gives the parent's figure a line of its own ("100%"): that is the
        # reference column, not a second target
        bare = {line_numbers[i] for i in it.line_numbers if re.fullmatch(_BARE, texts[i].strip())}
        kept: list[Target] = []
        for target in targets:
            if kept and target.line in bare:
                kept[-1] = kept[-1].model_copy(update={"reference_value": target.value})
            else:
                kept.append(target)
        out.extend(_under_lead(kept, leads[it.first]) if it.first in leads else kept)
        if has_units:
            out.extend(targets_in_text(text, mapping, it.section, units=True))
    return out


_COLUMN_YEAR = re.compile(r"\bnam\s+(20\d\d)\b")


def column_deadlines(header: list[str]) -> dict[int, date]:
    """The deadline each column of a header row names: a date ("Đến 31/12/2026", "Hết năm 2025"), or a year alone
    ("Năm 2026", "Kế hoạch năm 2025": that year's end)."""
    out: dict[int, date] = {}
    for k, text in enumerate(header):
        folded = fold(text)
        d = deadline(folded)
        if d is None and len(years := set(_COLUMN_YEAR.findall(folded))) == 1:
            d = date(int(years.pop()), 12, 31)
        if d is not None:
            out[k] = d
    return out


@lru_cache(maxsize=1)
def _unit_named() -> re.Pattern[str]:
    """A commune-level unit's word followed by its name (capitalised words: "Phường Ái Quốc", "Xã Nghi Dương"; in a
    text that lost its diacritics, "Xa An Truong")."""
    words = {v for lv in conventions().issuer_levels if lv.level == "commune" and lv.unit_type for w in lv.words
             for v in (w, fold(w))}
    levels = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\b({levels}))((?:\s+[{UPPER}][^\W\d_]*){{1,4}})")


def _column_roles(header: list[str]) -> dict[int, str]:
    """Which columns hold the parent's figure, the plan's own, or neither (a note, a unit of measure, a
    responsible office), from a header row's words (rules/conventions.yaml, table_columns). A column headed by a
    result already reached ("Đã đạt 30/6/2025": past_markers) holds no target either."""
    conv = conventions()
    cols = conv.table_columns
    ignore = [squash(w) for w in [*cols.ignore, *conv.past_markers]]
    reference = [squash(w) for w in cols.reference]
    own = [squash(w) for w in cols.own]
    # an own phrase containing an ignored one is the more specific reading ("phường thực hiện" / "thực hiện")
    own_first = [o for o in own if any(_has_word(o, [i]) for i in ignore)]
    roles: dict[int, str] = {}
    # columns by stage ("Đến 30/9/2025" | "Đến 31/12/2025"): the latest deadline's is the target, an earlier one
    # a milestone on the way, neither the plan's target nor the parent's; a column for a later year ("Đến
    # 31/12/2026" beside "Đến 31/12/2025") is the plan's horizon ("later"), not this year's target
    # (a column of results reached, "Kết quả đến 31/12/2024", is neither: past, set aside below)
    deadlines = {k: d for k, d in column_deadlines(header).items()
                 if not _has_word(squash(header[k]), ignore) or _has_word(squash(header[k]), own_first)}
    first_year = min((d.year for d in deadlines.values()), default=None)
    last = max((d for d in deadlines.values() if d.year == first_year), default=None)
    for k, text in enumerate(header):
        # the unit named in its column's header is the unit ("Phường Ái Quốc thực hiện" reads "Phường thực hiện")
        sq = squash(_unit_named().sub(r"\1", text))
        tight = sq.replace(" ", "")  # a narrow column broke its words ("Thàn h phố giao", "Phư ờng thực hiện")
        if last is not None and deadlines.get(k, last).year > last.year:
            roles[k] = "later"
        elif last is not None and deadlines.get(k, last) < last:
            roles[k] = "ignore"
        elif _has_word(sq, own_first) or any(o.replace(" ", "") in tight for o in own_first):
            roles[k] = "own"
        elif _has_word(sq, ignore):
            roles[k] = "ignore"
        elif _has_word(sq, reference):
            roles[k] = "reference"
        elif _has_word(sq, own):
            roles[k] = "own"
        else:  # the phrases of several words, unspaced, in the broken words
            for role, phrases in (("own", own_first), ("ignore", ignore), ("reference", reference), ("own", own)):
                if any(" " in p and p.replace(" ", "") in tight for p in phrases):
                    roles[k] = role
                    break
    return roles


Cell = tuple[str, int]  # text, source line
# the rows of a header read together: a header over two or three rows; rows of words above them (a table of tasks
# without figures) are not part of it (joining them all made each row reread the rows above: quadratic)
HEADER_ROWS = 3

# a figure without its unit: an optional comparator ("≥ ", "Tối thiểu ") and a number up to 100 (not a year), or a
# range of two ("78 - 80": read as ranges are, by its lower figure)
_BARE_FIGURE = re.compile(r"^[^\d%]{0,14}?(?<![\d.,/])\d{1,3}(?:[.,]\d{1,2})?(?:\s*[-–]\s*\d{1,3}(?:[.,]\d{1,2})?)?$")


# a proportion of one as a spreadsheet shows it: an optional comparator, then 0,75 / 0.8 / 1 / 1,00
_PROPORTION = re.compile(r"^([^\d%]{0,14}?)(?<![\d.,/])(0[.,]\d{1,4}|1(?:[.,]0{1,4})?)$")


def _proportions(texts: list[str], roles: dict[int, str]) -> list[str]:
    """A row measured as a proportion of one (its unit-of-measure cell says "Tỷ lệ", rules/conventions.yaml
    ``proportion_units``): each fraction of a figure column read as its percentage ("0,80" is 80%), only under a
    header that was read, never in the columns it sets aside (the row's number under "TT")."""
    units = {squash(u) for u in conventions().proportion_units}
    if not roles or not any(squash(t) in units for t in texts):
        return texts
    out = list(texts)
    for k, text in enumerate(texts):
        m = _PROPORTION.match(text.strip())
        if m and roles.get(k) in ("own", "reference"):
            value = float(m.group(2).replace(",", "."))
            out[k] = f"{m.group(1)}{value * 100:g}%"
    return out


@lru_cache(maxsize=1)  # the conventions are loaded once; asked of every row of every table
def _percent_units() -> frozenset[str]:
    """The units of measure that are the percent sign (conventions ``percent_units``), as ``_percent_unit`` reads."""
    return frozenset(_percent_unit(u) for u in conventions().percent_units)


@lru_cache(maxsize=1)
def _none_words() -> frozenset[str]:
    """The words of a cell setting no figure (conventions ``none_cells``), squashed."""
    return frozenset(squash(w) for w in conventions().none_cells)


def _percent_unit(text: str) -> str:
    """A unit-of-measure cell's words, its percent sign read as "phần trăm" ("Tỷ lệ (%)" → "ty le phan tram")."""
    return squash(fold(text).replace("%", " phan tram "))


def _percent_written_once(texts: list[str], percent_columns: set[int], roles: dict[int, str]) -> list[str]:
    """A row whose figures are bare numbers, the percent sign written once for them: in the row's unit-of-measure
    cell ("Đơn vị tính": "%") or in its column's header ("Tỷ lệ (%)"). Each bare number of a column the header
    does not set aside (the row's number under "TT") is read with its sign; only under a header that was read. Not
    a document's number after its type ("KH 215", "Đề án 06" in a column of the rows' sources: a name, no figure)."""
    texts = _proportions(texts, roles)
    in_row = bool(roles) and any(_percent_unit(t) in _percent_units() for t in texts
                                 if t and not any(c.isdigit() for c in t))
    return [f"{t}%" if (in_row or k in percent_columns) and roles.get(k) != "ignore" and _BARE_FIGURE.match(t)
            and not names_a_document(re.sub(r"[\d.,\s–-]+$", "", t)) else t for k, t in enumerate(texts)]


def _numbering_column(rows: list[list[Cell]]) -> set[int]:
    """{0} when the first column numbers the rows (1, 2, 3 ..., starting again at 1 under each group): the
    order of a row, never its figure, whatever the header says or lost. A number may skip as many as the rows
    between whose first cell holds no number (a group's title row; a number OCR lost: 2, "", 4)."""
    numbers: list[int] = []
    unnumbered = 0  # rows since the last number without one
    for row in rows:
        value = row[0][0].strip().rstrip(".") if row else ""
        if not (value.isdigit() and len(value) <= 3):
            unnumbered += 1
            continue
        n = int(value)
        if numbers and not (n == 1 or numbers[-1] < n <= numbers[-1] + 1 + unnumbered) or not numbers and n != 1:
            return set()
        numbers.append(n)
        unnumbered = 0
    return {0} if len(numbers) >= 2 else set()


def _worded_row(row: list[Cell], texts: list[str], roles: dict[int, str], section_of: dict[int, int | None],
                subjects: set[int]) -> list[Target]:
    """A numbered row whose level is written in words (``_worded_level``): all of it ("Hoàn thành", "Toàn bộ"), a
    vague quantity ("Phần lớn", "Cơ bản"); nothing for any other words (an office's name, "Chưa giao")."""
    wordy = [k for k, t in enumerate(texts) if k and re.search(r"[^\W\d_]{2,}", t) and roles.get(k) != "ignore"]
    if not wordy:
        return []
    described = [k for k in wordy if roles.get(k) not in ("reference", "own", "later")] or wordy
    main = _measured(texts, described, subjects)
    for k in wordy:
        if k == main or roles.get(k) in ("reference", "later"):
            continue
        level = _worded_level(row, texts, main, k, section_of)
        if level is not None:
            return [level]
    return []


def _worded_level(row: list[Cell], texts: list[str], main: int, k: int,
                  section_of: dict[int, int | None]) -> Target | None:
    """The target of a row whose level cell ``k`` is written in words, what it measures in cell ``main``: all of it,
    100% in words (rules/conventions.yaml ``complete_cells``: "Hoàn thành", "Toàn bộ"), hedged where a hedge comes
    before ("Cơ bản hoàn thành"); a quantity in vague words (``vague_quantities``: "Phần lớn", "Đa số"), or a hedge
    with no level after it ("Cơ bản"), read as the same words opening the target in prose are ("Phần lớn cán bộ
    …": vaguer than any figure); None for any other words ("Theo quy định", an office's name)."""
    cell = squash(texts[k])
    level = re.sub(rf"^(?:(?:{'|'.join(hedges())})(?:\s+|$))+", "", cell)
    line = row[main][1]
    text = f"{texts[main]} {texts[k]}"
    if level in {squash(w) for w in conventions().complete_cells}:
        return Target(text=text, value=100.0, comparator=">=", implicit=True, hedged=level != cell, line=line,
                      section=section_of.get(line), source="table")
    vague = _vague_words()
    if cell and (not level or (vague is not None and vague.fullmatch(level))):
        return Target(text=text, value=0.0, comparator=">=", implicit=True, hedged=level != cell, line=line,
                      section=section_of.get(line), source="table", vague=texts[k].strip(" .;"))
    return None


def _none_cell(text: str) -> bool:
    """A cell saying its row has no figure: a dash ("-", "–", "—") or words (rules/conventions.yaml ``none_cells``:
    "Chưa giao"); an empty cell is not one (a merged cell, a cell a reader lost), but see ``_left_empty``."""
    t = text.strip()
    return bool(t) and (not t.strip("-–—. ") or squash(t) in _none_words())


def _left_empty(row: list[Cell], k: int) -> bool:
    """The row's cell ``k`` empty and a cell of its own: a line no other cell of the row shares (each cell of a Word
    or OpenDocument table is a paragraph of its own, a cell merged down holds the text of the one above): the plan
    left the row's figure out. An empty cell on the row's line (a text table's blank column, the padding of a cell
    merged across) may be one a reader lost."""
    text, line = row[k]
    return not text.strip() and sum(1 for _, other in row if other == line) == 1


def _cell_figure(text: str) -> float | None:
    """The figure of a table's cell ("Tối thiểu 80%" → 80); None where it has none."""
    m = FIGURE.search(normalise_percent(fold(text)))
    return _number(m.group(1)) if m else None


def _subject_columns(header: list[str]) -> set[int]:
    """The columns whose header names what each row measures ("Chỉ tiêu", "Nội dung": rules/conventions.yaml
    ``table_columns.subject``, the whole cell)."""
    names = {squash(w) for w in conventions().table_columns.subject}
    return {k for k, text in enumerate(header) if squash(text) in names}


def _measured(texts: list[str], described: list[int], subjects: set[int]) -> int:
    """The cell of a row that says what it measures: the one under a subject column's header, else the widest."""
    under = [k for k in described if k in subjects]
    return under[0] if under else max(described, key=lambda k: len(texts[k]))


# a row's number in a table's first column: "3", "12", "2.1", "1.2." (a group's title row is numbered otherwise)
_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")
_NUMERAL = re.compile(r"\d")  # a figure, with its "%" or bare under a unit column of "%" ("100" below "> 80")


def _with_continuations(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A table typed as text wraps a long cell onto the next row, its number cell left empty ("| 4 | Khảo sát … |
    … | Mức độ hài lòng của người dân, |" / "|   | người dân … | | | | doanh nghiệp đạt trên 90% |"): the row
    continued, each cell's words joined to the one above, at the line of the row's start. Never a row that gives a
    figure (any numeral: bare under a unit column) where the row above gave one (a task's second year or second unit,
    its number cell merged down; a row whose number OCR lost)."""
    out: list[list[Cell]] = []
    for row in rows:
        above = out[-1] if out else None
        if (above is not None and len(row) == len(above) and not row[0][0].strip()
                and _ROW_NUMBER.fullmatch(above[0][0].strip()) and any(t.strip() for t, _ in row[1:])):
            pairs = list(zip(above, row, strict=True))
            if not any(_NUMERAL.search(a) and _NUMERAL.search(b) for (a, _), (b, _) in pairs):
                out[-1] = [(f"{a.strip()} {b.strip()}".strip(), la if a.strip() else lb) for (a, la), (b, lb) in pairs]
                continue
        out.append(row)
    return out


def _deadline_columns(header: list[str]) -> set[int]:
    """The columns headed as each row's deadline (rules/conventions.yaml, table_columns ``deadline``)."""
    words = [squash(w) for w in conventions().table_columns.deadline]
    return {k for k, text in enumerate(header) if words and _has_word(squash(text), words)}


def _row_deadline(texts: list[str], columns: set[int]) -> date | None:
    """The deadline a row's deadline cell names ("31/3/2026", "Quý IV/2025", "Tháng 10/2025", "Hết năm 2025"),
    as if written "đến …" before the figure; None for a cell naming no date ("Thường xuyên")."""
    for k in sorted(columns):
        if k < len(texts) and texts[k].strip() and (d := deadline(f"den {fold(texts[k])}")) is not None:
            return d
    return None


def targets_in_rows(rows: list[list[Cell]], section_of: dict[int, int | None]) -> list[Target]:
    """Rows of a table, in any column order: the widest cell with words is what is measured; a figure in the
    plan's column (or in that cell) is its target, a figure in the parent's column ("Chỉ tiêu thành phố giao")
    the reference; notes and units of measure are neither. A row giving only the parent's figure adopts it."""
    out: list[Target] = []
    rows = _with_continuations(rows)
    roles: dict[int, str] = {}
    dues: dict[int, date] = {}  # the deadline a column's header names
    numbering = _numbering_column(rows)  # "TT" even where its header was lost (a PDF's narrow, broken header)
    above: list[list[str]] = []  # the header rows above (the last few: a header is not a whole table)
    percent_columns: set[int] = set()  # columns whose header carries the percent sign ("Tỷ lệ (%)")
    subjects: set[int] = set()  # the column headed "Chỉ tiêu" / "Nội dung"
    deadline_cols: set[int] = set()  # the column of each row's own deadline ("Thời hạn hoàn thành")
    for row in rows:
        texts = _percent_written_once([c[0].strip() for c in row], percent_columns, roles)
        figure_cells = [k for k, t in enumerate(texts) if FIGURE.search(normalise_percent(fold(t)))]
        if not figure_cells and roles and numbering and texts and texts[0].rstrip(".").isdigit():
            # a numbered row under the header read is a row of the table, whatever its value cell says: its level
            # in words ("Hoàn thành", "Toàn bộ", "Cơ bản hoàn thành"), never a header that resets the columns
            above = []
            out.extend(_worded_row(row, texts, roles, section_of, subjects))
            continue
        if not figure_cells:  # a header row, or the second row of a header over two rows
            filled = [t for t in texts if t]
            # not a group's title row, written across the table or after its number ("II" | "Quản trị nội bộ")
            if len(filled) > 1 and not (len(filled) == 2 and GROUP_NUMBER.match(filled[0])):
                above = (above + [texts])[-HEADER_ROWS:]
                header = [" ".join(filter(None, cells)) for cells in zip_longest(*above, fillvalue="")]
                # a column's own words first ("Thành phố giao" under a merged "Năm 2025"); a cell wrapped over
                # two rows ("Chỉ tiêu thành" / "phố giao") by its words joined
                roles = {**_column_roles(header), **_column_roles(texts)} or roles
                dues = column_deadlines(header) or dues
                percent_columns = {k for k, t in enumerate(header) if "%" in t and re.search(r"[^\W\d_]{2}", t)}
                # the header's rows read together ("Nhóm" / "chỉ tiêu" is the group's column, not the subject's)
                subjects = _subject_columns(header) or _subject_columns(texts) or subjects
                deadline_cols = _deadline_columns(header) or deadline_cols
            continue
        above = []
        wordy = [k for k, t in enumerate(texts) if re.search(r"[^\W\d_]{3,}", t) and roles.get(k) != "ignore"]
        if not wordy:
            continue
        # what is measured: the widest cell with words that is not a figure column
        described = [k for k in wordy if roles.get(k) not in ("reference", "own", "later")] or wordy
        main = _measured(texts, described, subjects)
        figures = [k for k in figure_cells if k != main and roles.get(k) not in ("ignore", "later")
                   and k not in numbering]
        refs = [k for k in figures if roles.get(k) == "reference"]
        owns = [k for k in figures if roles.get(k) != "reference"]
        # a row whose only figure is for a later year ("-" under "Đến 31/12/2025", 60% under "Đến 31/12/2026"):
        # that figure, set for its later deadline
        later = [k for k in figure_cells if roles.get(k) == "later" and k != main] if not figures else []
        text = texts[main]
        worded = None if owns or FIGURE.search(normalise_percent(fold(text))) else next((
            level for k in range(len(texts)) if roles.get(k) == "own" and k != main and k not in figure_cells
            and (level := _worded_level(row, texts, main, k, section_of)) is not None), None)
        if worded is not None:  # the plan's column in words ("Phần lớn") beside the city's figure: not adopted
            out.append(worded.model_copy(update={"reference_value": _cell_figure(texts[refs[0]]),
                                                 "reference_text": texts[refs[0]]}) if refs else worded)
            continue
        due = None
        if not FIGURE.search(normalise_percent(fold(text))):
            if refs and not owns and any(roles.get(k) == "own" and (_none_cell(t) or _left_empty(row, k))
                                         for k, t in enumerate(texts) if k != main):
                continue  # the plan's own cell sets no figure ("-", left empty beside the city's 50%): nothing adopted
            source = owns[0] if owns else (refs[0] if refs else (later[0] if later else None))
            if source is None:
                continue
            # the value cell after a colon, as "Subject: figure" is written: its count is read from the cell's
            # opening ("72/120 người"), never as a number after the label's last word ("… kỹ năng số 72/120")
            text = f"{text.rstrip(' :')}: {texts[source]}"
            due = dues.get(source)
            if source in owns:
                owns.remove(source)
        line = row[main][1]
        targets = targets_in_text(text, [(0, line)], section_of.get(line), "table")
        due = due or _row_deadline(texts, deadline_cols - {main})
        if due is not None:
            targets = [t.model_copy(update={"due": due}) for t in targets]
        # a condition written in the row's other cells (its Ghi chú: "Thực hiện nếu được bố trí kinh phí")
        condition = condition_in("; ".join(t for k, t in enumerate(texts) if k != main and k not in figure_cells))
        if condition:
            targets = [t.model_copy(update={"condition": t.condition or condition}) for t in targets]
        ref_col = refs[0] if refs else (owns[0] if owns else None)
        if ref_col is not None:
            targets = [t.model_copy(update={"reference_value": _cell_figure(texts[ref_col]),
                                            "reference_text": texts[ref_col]}) for t in targets[:1]]
        out.extend(targets)
        if UNIT_FIGURE.search(fold(texts[main])) or COUNT_FIGURE.search(squash(texts[main])):
            out.extend(targets_in_text(texts[main], [(0, line)], section_of.get(line), "table", units=True))
    return out


def targets_in_tables(doc: Document, section_of: dict[int, int | None]) -> list[Target]:
    """Targets in the tables a reader found (Word, Markdown)."""
    out: list[Target] = []
    for table in doc.tables:
        out.extend(targets_in_rows([[(c.text, c.loc.line) for c in row] for row in table.rows], section_of))
    return out


_TAB_ROW = re.compile(r"\t|\s{3,}|\s\|\s")


def text_tables(texts: list[str], line_numbers: list[int], start: int = 0) -> list[list[list[Cell]]]:
    """Tables typed in a text file (cells separated by tabs or wide spacing), from ``start``: runs of at least
    two rows of three or more cells, the first of which is a header row (no figure)."""
    tables: list[list[list[Cell]]] = []
    cur: list[list[Cell]] = []
    for i in range(start, len(texts)):
        t = texts[i].strip()
        cells = [c.strip() for c in _TAB_ROW.split(t) if c.strip()] if ("\t" in t or "   " in t) else []
        if len(cells) >= 3 and not t.startswith("|"):
            cur.append([(c, line_numbers[i]) for c in cells])
            continue
        if len(cur) >= 2 and not FIGURE.search(" ".join(c for c, _ in cur[0])):
            tables.append(cur)
        cur = []
    if len(cur) >= 2 and not FIGURE.search(" ".join(c for c, _ in cur[0])):
        tables.append(cur)
    return tables


@lru_cache(maxsize=1)  # the conventions are loaded once
def _year_heading() -> re.Pattern[str]:
    """A heading that is a year ("Năm 2026:", "Đến năm 2026"), or a year after a word that sets what follows for it
    (rules/conventions.yaml ``year_heading_openers``: "Định hướng năm 2026", "Phương hướng năm 2026")."""
    openers = "|".join(re.escape(squash(w)) for w in conventions().year_heading_openers)
    # after an opener, a few words of what is set ("Phương hướng, nhiệm vụ năm 2026")
    lead = rf"(?:(?:{openers})(?:\s+[a-z]+){{0,3}}\s+)?" if openers else ""
    return re.compile(rf"^{lead}(?:(?:trong|den)\s+)?nam\s+(20\d\d)$")
# "Chỉ tiêu cụ thể đến hết ngày 31/12/2026": a heading that is a deadline, not a task's title
_DEADLINE_HEADING_WORDS = 10


def heading_deadline(title: str) -> date | None:
    """The deadline a short heading sets for the points under it ("2.2. Đến hết năm 2026:", "b) Năm 2026:",
    "Mục tiêu đến ngày 31/12/2026"); None for any other heading."""
    folded = squash(title)
    if len(folded.split()) > _DEADLINE_HEADING_WORDS:
        return None
    if (m := _year_heading().match(folded)) is not None:
        return date(int(m.group(1)), 12, 31)
    return deadline(fold(title))


def due_by_heading(targets: list[Target], sections: list[Section]) -> list[Target]:
    """A plan over more than one period lists its targets under a heading per deadline ("2.1. Đến hết năm 2025:" /
    "2.2. Đến hết năm 2026:"): a target that names no deadline of its own is set for its nearest such heading."""
    dues: dict[int, date | None] = {}  # each heading's own deadline, read once

    def due_of(k: int | None) -> date | None:
        while k is not None:
            if k not in dues:
                dues[k] = heading_deadline(sections[k].title)
            if dues[k] is not None:
                return dues[k]
            k = sections[k].parent
        return None

    return [t.model_copy(update={"due": when}) if t.due is None and (when := due_of(t.section)) is not None else t
            for t in targets]


def without_results(targets: list[Target], sections: list[Section]) -> list[Target]:
    """Targets outside a report of results ("Phần I. KẾT QUẢ TRIỂN KHAI ..."): figures there were reached."""
    results = results_sections(sections)
    return [t for t in targets if t.section not in results]


def _names_targets_too(rest: str) -> bool:
    """The rest of a results part's squashed title names the targets of the period ahead after "và" ("kết quả năm
    2024 | và chỉ tiêu đến hết năm 2025"): rules/conventions.yaml ``results_with_targets``."""
    return any(w in f" {rest} " for w in _targets_after_and())


@lru_cache(maxsize=1)  # the conventions are loaded once
def _targets_after_and() -> tuple[str, ...]:
    """" va chi tieu", " va muc tieu", …: ``results_with_targets`` after "và", squashed."""
    return tuple(f" va {squash(n)}" for n in conventions().results_with_targets)


def results_sections(sections: list[Section]) -> frozenset[int]:
    """The sections that report results ("Phần I. KẾT QUẢ TRIỂN KHAI ...", "PHỤ LỤC VI / KẾT QUẢ THỰC HIỆN 6 THÁNG
    ĐẦU NĂM 2025 ...") and those under them: their figures were reached, none is a target."""
    names = conventions().part("ket-qua")
    before = _results_before_objectives(sections)

    known: dict[int, bool] = {}  # each section's answer, read once: a section's is its own or the one above's

    def in_results(k: int | None) -> bool:
        chain: list[int] = []
        answer = False
        while k is not None:
            if k in known:
                answer = known[k]
                break
            chain.append(k)
            title = own_title(sections[k].title)  # "PHỤ LỤC KẾT QUẢ ...": its title
            if any(title.startswith(n) and not _names_targets_too(title[len(n):]) for n in names) or k in before:
                answer = True
                break
            wrapped = wrapped_from(sections, k) if k > 0 else None  # the first line of its wrapped title
            k = wrapped if wrapped is not None else sections[k].parent
        known.update((c, answer) for c in chain)
        return answer

    return frozenset(k for k in range(len(sections)) if in_results(k))


def vague_in_objectives(targets: list[Target], sections: list[Section]) -> list[Target]:
    """A quantity in vague words ("Phần lớn báo cáo định kỳ ...") states a target only in the plan's objectives (a
    part named as rules/conventions.yaml ``parts: muc-tieu``, or a part under one); in a task, a reason or a report
    it sets none. A table's level cell ("Phần lớn" in the plan's column) states one wherever the table stands (an
    appendix of targets): the reader takes it only from a targets table, under a header it read."""
    if not any(t.vague for t in targets):
        return targets
    names = conventions().part("muc-tieu")

    def in_objectives(k: int | None) -> bool:
        seen: set[int] = set()
        while k is not None and 0 <= k < len(sections) and k not in seen:
            seen.add(k)
            if any(squash(sections[k].title).startswith(n) for n in names):
                return True
            k = sections[k].parent
        return False

    return [t for t in targets if t.vague is None or t.source == "table" or in_objectives(t.section)]


def _results_before_objectives(sections: list[Section]) -> set[int]:
    """The top parts that report what was done before the plan sets its objectives: titled with a word of
    rules/conventions.yaml ``results_before_objectives`` ("PHẦN I. KẾT QUẢ ỨNG DỤNG ...") with a part named as the
    plan's objectives (``parts: muc-tieu``) after them."""
    heads = [squash(w) for w in conventions().results_before_objectives]
    objectives = conventions().part("muc-tieu")
    last = max((k for k, s in enumerate(sections) if any(squash(s.title).startswith(n) for n in objectives)),
               default=-1)
    return {k for k, s in enumerate(sections[:last]) if s.parent is None
            and any(squash(s.title).startswith(h) for h in heads)}


def wrapped_from(sections: list[Section], k: int) -> int | None:
    """The heading whose title in capitals runs on to the line of section ``k`` (a part's title wrapped over two
    lines, read as two headings: "I. KẾT QUẢ THỰC HIỆN TỪ KHI VẬN HÀNH CHÍNH" / "QUYỀN ĐỊA PHƯƠNG HAI CẤP"):
    ``k - 1`` where ``k`` is unnumbered, in capitals, at the same level, on the next line or the one after it (a
    PDF's text puts a blank line between its lines); None otherwise."""
    s, prev = sections[k], sections[k - 1]
    if s.number or s.line is None or prev.line is None or not 0 < s.line - prev.line <= 2:
        return None
    if prev.level != s.level or prev.parent != s.parent:
        return None
    capitals = s.title.isupper() and prev.title.isupper()
    return k - 1 if capitals and not prev.title.rstrip().endswith((".", ":")) else None


_YEAR = re.compile(r"\bnam\s+(20\d\d)\b")


_COUNT_SHARE = re.compile(r"(?<![\d.,/])\d{1,3}(?:[.,]\d{3})*\s*/\s*\d{1,3}(?:[.,]\d{3})*(?![\d/])")


def without_past(targets: list[Target], dated: date | None) -> list[Target]:
    """Targets the plan does not date before itself: a figure whose clause gives it a date earlier than the plan's
    own ("Đến ngày 30/6/2025, tỷ lệ ... đạt 64%" in a plan of 26/9/2025) or an earlier year ("Năm 2024, tỷ lệ ...
    đạt 71%") is a result already reached, written beside the targets or in a footnote to one, not a target. A
    date still to come ("đến ngày 30/9/2025", "đến hết năm 2025") keeps its figure: a milestone or the target."""
    if dated is None:
        return targets
    out: list[Target] = []
    for t in targets:
        folded = normalise_percent(fold(t.text))
        m = re.search(rf"(?<![\d.,]){f'{t.value:g}'.replace('.', '[.,]')}\s*%", folded) if t.source == "text" else None
        if m is None and t.source == "text":  # a share written as a count against a total ("14/18 báo cáo")
            m = _COUNT_SHARE.search(folded)
        at = m.start() if m else (folded.find(fold(t.vague)) if t.vague else -1)  # "Năm 2024, phần lớn ..."
        before = _past_rise(folded[:at] if at > 0 else "")
        when = deadline(before)
        years = [int(y) for y in _YEAR.findall(before)]
        if (when is not None and when < dated) or (when is None and years and max(years) < dated.year):
            continue
        out.append(t)
    return out
