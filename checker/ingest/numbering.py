"""Word's automatic numbering, rendered to the labels a reader sees ("I.", "1.", "1.2.", "a)", "-").

Most offices number the parts of a plan with Word's numbering (``numbering.xml``), so the numbers are not in
the paragraph text. This renders them as Word draws them: the list of each paragraph (its own ``numPr`` or its
paragraph style's, through ``basedOn``), the level (``ilvl``), the level's format (decimal, upper and lower
Roman, upper and lower letters, bullets) and text (``%1.%2.``), counters that restart below a higher level,
``lvlOverride/startOverride`` restarts. Lettered levels use the Vietnamese alphabet (a b c d đ e g h i k …)
when the document itself types its lettered points with "đ)": that is how its author counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from checker.conventions import conventions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_D_STROKE = re.compile(r"\s*đ\s*\)")
BULLETS = {"-", "–", "—", "+", "•", "*", "o", "▪", "◦", "●", "○", "■", "□", "➢", "✓", "ü", "§", "Ø"}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: Any, tag: str) -> str | None:
    found = el.find(_q(tag)) if el is not None else None
    return found.get(_q("val")) if found is not None else None


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this level (1-based), None = after any higher one
    indent: int | None = None  # the level's left indent (twips), where its pPr sets one
    legal: bool = False  # w:isLgl ("legal numbering"): every number in the level's text drawn as a figure ("1.2.")


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    style_outline: dict[str, int] = field(default_factory=dict)  # styleId → heading level (1..9)
    style_indent: dict[str, int] = field(default_factory=dict)  # styleId → left indent (twips), through basedOn
    links: dict[str, str] = field(default_factory=dict)  # abstractNumId → numbering style it takes levels from
    vietnamese: bool = False
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → current
    started: set[str] = field(default_factory=set)  # numIds already used (their overrides applied)

    @classmethod
    def of(cls, doc: Any) -> Numbering:
        n = cls()
        root = None
        try:
            for rel in doc.part.rels.values():
                if rel.reltype == NUMBERING_REL and not rel.is_external:
                    root = rel.target_part.element
        except Exception:  # a file without a numbering part (or a broken one) is read without numbers
            root = None
        if root is not None:
            n._read_numbering(root)
        try:
            n._read_styles(doc.styles.element)
        except Exception:  # no styles part
            pass
        body = doc.element.body
        n.vietnamese = types_d_stroke("".join(t.text or "" for t in p.iter(_q("t"))) for p in body.iter(_q("p")))
        return n

    def _read_numbering(self, root: Any) -> None:
        for ab in root.findall(_q("abstractNum")):
            aid = ab.get(_q("abstractNumId")) or ""
            self.levels[aid] = {int(lvl.get(_q("ilvl")) or 0): _level(lvl) for lvl in ab.findall(_q("lvl"))}
            link = _val(ab, "numStyleLink")
            if link:  # the list's levels are those of a numbering style
                self.links[aid] = link
        for num in root.findall(_q("num")):
            nid = num.get(_q("numId")) or ""
            self.nums[nid] = _val(num, "abstractNumId") or ""
            for ov in num.findall(_q("lvlOverride")):
                ilvl = int(ov.get(_q("ilvl")) or 0)
                start = _val(ov, "startOverride")
                lvl = ov.find(_q("lvl"))
                if lvl is not None:  # a whole level redefined for this list
                    self.levels.setdefault(f"{nid}!", {})[ilvl] = _level(lvl)
                if start is not None and start.isdigit():
                    self.overrides.setdefault(nid, {})[ilvl] = int(start)

    def _read_styles(self, styles: Any) -> None:
        by_id = {st.get(_q("styleId")): st for st in styles.findall(_q("style"))}

        def resolve(sid: str | None, depth: int = 0) -> tuple[tuple[str, int] | None, int | None]:
            st = by_id.get(sid) if sid else None
            if st is None or depth > 20:
                return None, None
            ppr = st.find(_q("pPr"))
            num = None
            outline = None
            if ppr is not None:
                npr = ppr.find(_q("numPr"))
                if npr is not None:
                    nid = _val(npr, "numId")
                    if nid is not None:
                        num = (nid, int(_val(npr, "ilvl") or 0))
                ol = _val(ppr, "outlineLvl")
                if ol is not None and ol.isdigit() and int(ol) < 9:
                    outline = int(ol) + 1
            name = (_val(st, "name") or "").lower()
            m = re.fullmatch(r"heading\s*([1-9])", name)
            if outline is None and m:
                outline = int(m.group(1))
            if num is None or outline is None:
                base_num, base_outline = resolve(_val(st, "basedOn"), depth + 1)
                num = num or base_num
                outline = outline or base_outline
            return num, outline

        def indent(sid: str | None, depth: int = 0) -> int | None:
            st = by_id.get(sid) if sid else None
            if st is None or depth > 20:
                return None
            own = _indent(st.find(_q("pPr")))
            return own if own is not None else indent(_val(st, "basedOn"), depth + 1)

        for sid in by_id:
            if not sid:
                continue
            left = indent(sid)
            if left is not None:
                self.style_indent[sid] = left
            num, outline = resolve(sid)
            if num is not None:
                self.style_num[sid] = num
            if outline is not None:
                self.style_outline[sid] = outline

    # ------------------------------------------------------------------ per paragraph

    def num_of(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_q("pPr"))
        sid = _val(ppr, "pStyle") if ppr is not None else None
        npr = ppr.find(_q("numPr")) if ppr is not None else None
        if npr is not None:
            nid = _val(npr, "numId")
            ilvl = _val(npr, "ilvl")
            if nid is not None:
                if ilvl is None and sid in self.style_num:
                    ilvl = str(self.style_num[sid][1])
                return nid, int(ilvl or 0)
            if ilvl is not None and sid in self.style_num:
                return self.style_num[sid][0], int(ilvl)
        return self.style_num.get(sid or "")

    def _abstract(self, nid: str) -> str | None:
        """The abstract numbering list ``nid`` draws from (through a numbering style's link); None for numId 0."""
        aid = self.nums.get(nid)
        if aid in self.links and self.links[aid] in self.style_num:
            aid = self.nums.get(self.style_num[self.links[aid]][0], aid)
        return None if nid == "0" else aid

    def _levels(self, nid: str, aid: str) -> dict[int, Level]:
        """The levels of list ``nid`` (abstract list ``aid``), with the level overrides of ``nid``."""
        return {**self.levels.get(aid, {}), **self.levels.get(f"{nid}!", {})}

    def indent(self, p: Any) -> int | None:
        """Where Word sets a numbered paragraph's text (left indent, twips): the paragraph's own indent, else its
        list level's, else its style's. Two lists that draw the same label ("1.") are told apart by it."""
        ppr = p.find(_q("pPr"))
        own = _indent(ppr)
        if own is not None:
            return own
        num = self.num_of(p)
        aid = self._abstract(num[0]) if num else None
        level = self._levels(num[0], aid).get(num[1]) if num and aid is not None else None
        if level is not None and level.indent is not None:
            return level.indent
        sid = _val(ppr, "pStyle") if ppr is not None else None
        return self.style_indent.get(sid or "")

    def label(self, p: Any) -> str:
        """The label Word draws before paragraph ``p`` ("" when it is not numbered); advances the counters."""
        num = self.num_of(p)
        if num is None:
            return ""
        nid, ilvl = num
        aid = self._abstract(nid)
        if aid is None or not self.levels.get(aid):
            return ""
        levels = self._levels(nid, aid)
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, {})
        if nid not in self.started:
            self.started.add(nid)
            for lv, start in self.overrides.get(nid, {}).items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        level = levels[ilvl]
        for k in range(ilvl):  # a higher level not yet drawn counts as drawn once: its first item is its second
            if k not in counters and k in levels:
                counters[k] = levels[k].start
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            lvl = levels.get(deeper)
            if lvl is None or lvl.restart is None or lvl.restart > ilvl:
                del counters[deeper]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return glyph if glyph in BULLETS else "•"

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, Level())
            value = counters.get(k, lv.start)
            fmt = lv.fmt if k == ilvl or lv.fmt != "bullet" else "decimal"
            return render(value, "decimal" if level.legal and fmt != "bullet" else fmt, self.vietnamese)

        return re.sub(r"%([1-9])", sub, level.text).strip()


def _level(lvl: Any) -> Level:
    start = _val(lvl, "start")
    restart = _val(lvl, "lvlRestart")
    return Level(start=int(start) if start and start.isdigit() else 1, fmt=_val(lvl, "numFmt") or "decimal",
                 text=_val(lvl, "lvlText") or "", restart=int(restart) if restart and restart.isdigit() else None,
                 indent=_indent(lvl.find(_q("pPr"))), legal=_on(lvl.find(_q("isLgl"))))


def _on(el: Any) -> bool:
    """A Word on/off property: present and not switched off (w:val "0", "false", "off")."""
    return el is not None and el.get(_q("val"), "true").lower() not in ("0", "false", "off")


def _indent(ppr: Any) -> int | None:
    """The left (start) indent of a pPr, in twips; None where it sets none."""
    ind = ppr.find(_q("ind")) if ppr is not None else None
    if ind is None:
        return None
    for attr in ("left", "start"):
        value = ind.get(_q(attr))
        if value is not None and re.fullmatch(r"-?\d+", value):
            return int(value)
    return None


def types_d_stroke(paragraphs: Iterable[str]) -> bool:
    """Whether a document types a lettered point "đ)" at the start of a paragraph: then its author counts in the
    Vietnamese alphabet, and so are its automatic letters drawn (``render``), whatever the word processor."""
    return any(_D_STROKE.match(text) for text in paragraphs)


def render(value: int, fmt: str, vietnamese: bool = False) -> str:
    """One counter in one of Word's number formats."""
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        n = value
        for v, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while n >= v:
                out += sym
                n -= v
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        conv = conventions()  # the Vietnamese alphabet (no f, j, w, z; đ after d) or Word's Latin one
        alphabet = conv.list_alphabet if vietnamese else conv.word_alphabet
        k = max(1, value) - 1
        letter = alphabet[k % len(alphabet)] * (k // len(alphabet) + 1)  # Word repeats: aa, bb, ...
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def heading_level(p: Any, numbering: Numbering) -> int | None:
    """The heading level of a paragraph from its style (Heading 1–9) or its outline level."""
    ppr = p.find(_q("pPr"))
    if ppr is None:
        return None
    ol = _val(ppr, "outlineLvl")
    if ol is not None and ol.isdigit() and int(ol) < 9:
        return int(ol) + 1
    sid = _val(ppr, "pStyle")
    return numbering.style_outline.get(sid or "")
