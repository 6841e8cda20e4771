"""The document form around the content: header block, title, signature block and Nơi nhận (NĐ 30/2020, Điều 8).

Header blocks are often two columns flattened into one line ("UBND ... CỘNG HÒA ..."), so every pattern here
searches inside lines rather than expecting a part to stand alone.
"""

from __future__ import annotations

import re

from checker.models import Header, Signature
from checker.parse.citations import parse_date
from checker.parse.view import View
from checker.text import UPPER, contains, squash

UNIT_WORD = re.compile(r"\b(phuong|phudng|phwong|phuodng|phieong|xa|dac khu|dac\s+khu)\s+", re.IGNORECASE)
_TYPE = {"xa": "xa", "dac khu": "dac_khu"}
NUMBER = re.compile(r"\bs\w{0,2}\s*:\s*(\d*)\s*/\s*([a-z]{1,4}\s*-\s*[a-z]{2,8})")
DATE = re.compile(
    r"ng\w{1,2}y\s*(\d{1,2})?[\s.…_]*th\w{1,3}ng\s*(\d{1,2})?[\s.…_]*n\w{1,2}m\s*(\d{4})"
)
_CAPWORD = re.compile(rf"[{UPPER}][^\s,;:.()]*")


def _words_upper(text: str) -> str:
    """Leading run of ALL-CAPS words (a unit's name in a header line, before the motto column begins)."""
    out: list[str] = []
    for w in text.split():
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or squash(w) in ("cong", "doc"):
            break  # the motto column ("CỘNG HÒA ...", "Độc lập ...") begins
        out.append(w)
    return " ".join(out)


def _capitalised(text: str, limit: int = 5) -> str:
    """Leading run of Capitalised words ("An Hải 6 tháng" → "An Hải")."""
    out = []
    for w in text.split()[:limit]:
        w = w.strip(",.;:()\"'“”‘’*#")
        if not _CAPWORD.fullmatch(w) or squash(w) in ("cong", "doc"):
            break
        out.append(w)
    return " ".join(out)


def unit_type(word: str) -> str:
    w = squash(word)
    return _TYPE.get(w, "phuong" if w.startswith("ph") else w)


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def find_unit_mentions(view: View, start: int = 0, end: int | None = None) -> list[tuple[int, str, str]]:
    """(line index, unit type, name) for each "phường X" / "xã X" / "đặc khu X" with a capitalised name."""
    end = len(view.texts) if end is None else end
    out = []
    for i in range(start, end):
        for m in UNIT_WORD.finditer(view.folded[i]):
            original_after = view.texts[i][m.end() :]
            if i + 1 < len(view.texts) and len(original_after.split()) < 3:
                nxt = view.next_nonblank(i)
                if nxt is not None:
                    original_after += " " + view.texts[nxt]
            name = _capitalised(original_after)
            if name and not name.isdigit():
                out.append((i, unit_type(m.group(1)), name))
    return out


def parse_header(view: View, body_start: int) -> Header:
    """Header parts from the lines before the first section (at most the first 40 lines)."""
    limit = min(body_start, 40, len(view.texts))
    h: dict[str, object] = {}
    top = " ".join(view.squashed[:limit])
    h["national_motto"] = contains(top, "cong hoa xa hoi chu nghia viet nam", 80) and contains(
        top, "doc lap tu do hanh phuc", 78
    )
    for i in range(limit):
        f = view.folded[i]
        sq = view.squashed[i]
        if "doc_type_line" not in h and "issuer" not in h and (
                contains(sq[:40], "uy ban nhan dan", 85) or re.match(r"ubnd (phuong|xa|dac khu)\b", sq)):
            h["issuer"] = _words_upper(view.texts[i].lstrip("#*> ")) or view.texts[i].strip("#*> ")
            h["issuer_line"] = view.line_no(i)
        # the unit's line: "PHƯỜNG X" alone, or after "ỦY BAN NHÂN DÂN" on the same line (Markdown "# ...")
        head = re.match(r"^[\s#*>]*(?:(?:uy ban nhan dan|ubnd)\s+)?", f)
        lead = head.end() if head else 0
        m = UNIT_WORD.match(f[lead:])
        if "unit_name" not in h and m and i < 12:
            name = _words_upper(view.texts[i][lead + m.end() :])
            if name:
                h["unit_type"] = unit_type(m.group(1))
                h["unit_name"] = title_case(name)
                h["unit_line"] = view.line_no(i)
                if i > 0 and "issuer" in h and h.get("issuer_line") == view.line_no(i - 1):
                    h["issuer"] = f"{h['issuer']} {view.texts[i][: lead + m.end()].strip()} {name}"
                h.setdefault("issuer_line", view.line_no(i))
        mn = NUMBER.search(f)
        if "number" not in h and mn:
            h["number"] = f"{mn.group(1)}/{view.texts[i][mn.start(2) : mn.end(2)].replace(' ', '')}"
            h["number_blank"] = not mn.group(1)
            h["number_line"] = view.line_no(i)
        md = DATE.search(f)
        if "date_line" not in h and md:
            day, month, year = md.group(1), md.group(2), md.group(3)
            h["date_text"] = view.texts[i][md.start() : md.end()].strip()
            h["date_line"] = view.line_no(i)
            h["year"] = int(year)
            h["month"] = int(month) if month else None
            h["date_blank"] = not (day and month)
            if day and month:
                h["date"] = parse_date(day, month, year)
            before = view.texts[i][: md.start()]
            if mn and mn.end() <= md.start():
                before = view.texts[i][mn.end() : md.start()]
            h["place"] = before.strip(" ,") or None
        if "doc_type_line" not in h and sq in ("ke hoach", "ke hoach:"):
            h["doc_type_line"] = view.line_no(i)
            title, title_line = _title(view, i, body_start)
            if title:
                h["title"], h["title_line"] = title, title_line
    return Header(**h)  # type: ignore[arg-type]


def _title(view: View, i: int, body_start: int) -> tuple[str, int | None]:
    lines: list[int] = []
    j = i + 1
    while j < min(body_start, len(view.texts)) and len(lines) < 5:
        if view.is_blank(j):
            if lines and not view.double_spaced:
                break
            j += 1
            continue
        sq = view.squashed[j]
        if lines and re.match(r"(th\w{1,2}c h\w{1,3}n|can c\w{0,2})\b", sq):
            break
        lines.append(j)
        if view.texts[j].rstrip().endswith((".", ";")):
            break
        j += 1
    if not lines:
        return "", None
    return " ".join(view.texts[k].strip() for k in lines), view.line_no(lines[0])


_AUTHORITY = re.compile(r"\b(tm|kt|q|tl|tuq)\s*[.,]\s*(uy ban nhan dan|chu tich|ubnd)")
_POSITION = re.compile(r"\b(pho chu tich|chu tich)\b")
_NAME = re.compile(rf"^[{UPPER}]\w*(?:\s+[{UPPER}]\w*){{1,4}}$")


def parse_signature(view: View, start: int) -> Signature:
    s: dict[str, object] = {}
    for i in range(start, len(view.texts)):
        f = view.squashed[i]
        ma = _AUTHORITY.search(view.folded[i])
        if ma and "authority" not in s:
            s["authority"] = view.texts[i][ma.start() : ma.end()].strip()
            s["line"] = view.line_no(i)
        mp = _POSITION.search(f)
        if mp and ("position" not in s or mp.group(1) == "pho chu tich"):
            if "authority" in s or "kt" in f:
                s["position"] = mp.group(1).upper()
    for i in range(len(view.texts) - 1, max(start, len(view.texts) - 25) - 1, -1):
        t = view.texts[i].strip()
        if (t and _NAME.match(t) and not t.isupper() and not contains(squash(t), "uy ban nhan dan")
                and not _POSITION.search(squash(t))):  # a person's name, not "CHỦ TỊCH" or the body
            s["name"] = t
            s.setdefault("line", view.line_no(i))
            break
    return Signature(**s)  # type: ignore[arg-type]


def parse_recipients(view: View, start: int) -> tuple[list[str], int | None]:
    """Items of "Nơi nhận:"; in flattened two-column text the signature block shares their lines."""
    for i in range(start, len(view.texts)):
        if re.match(r"^n\w{1,2}i nh\w{1,2}n\b", view.squashed[i]):
            out: list[str] = []
            for j in range(i + 1, min(len(view.texts), i + 30)):
                t = view.texts[j].strip()
                if t.startswith(("-", "–", "+")):
                    item = re.split(r"[;}]|\s{3,}", t.lstrip("-–+ ").strip(), maxsplit=1)[0].strip(" .")
                    if item:
                        out.append(item)
            return out, view.line_no(i)
    return [], None
