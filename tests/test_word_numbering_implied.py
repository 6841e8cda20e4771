"""A Word list whose lower level is drawn before its top level: a report's points "1." "2." "3." (level 2 of the
plan's list) come before the plan's first part (level 1, Roman). Word and LibreOffice count the top level as drawn
once already (the points showed under an unseen "I"), so the first part they draw is "II.": the reader draws the
labels as they do, so the plan is checked as its readers see it (a reviewer reading "II. MỤC ĐÍCH" with no "I."
before it). Checked against LibreOffice's own rendering where it is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.ingest import read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# (level, text): words of our own
PARAGRAPHS = [(1, "Hạ tầng số của xã đã được rà soát."), (1, "Dịch vụ công trực tuyến đã được cung cấp."),
              (0, "MỤC ĐÍCH, YÊU CẦU"), (1, "Triển khai đầy đủ các nhiệm vụ được giao."), (0, "NHIỆM VỤ")]


def _plan(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{k + 1}."/>'
        f'<w:pPr><w:ind w:left="{425 * (k + 1)}" w:hanging="425"/></w:pPr></w:lvl>'
        for k, fmt in enumerate(("upperRoman", "decimal")))
    numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="88">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="88"><w:abstractNumId w:val="88"/></w:num>'))
    d.add_paragraph("KẾT QUẢ THỰC HIỆN")
    for level, text in PARAGRAPHS:
        d.add_paragraph(text)._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="88"/></w:numPr>'))
    d.save(str(path))
    return path


EXPECTED = ["1.", "2.", "II.", "1.", "III."]


def _labels(lines: list[str]) -> list[str]:
    out = []
    for _, text in PARAGRAPHS:
        line = next(x for x in lines if x.strip().endswith(text))
        out.append(line.strip()[: -len(text)].strip())
    return out


def test_a_top_level_drawn_after_its_lower_level_counts_it_drawn(tmp_path: Path) -> None:
    doc = read(_plan(tmp_path / "plan.docx"))
    assert _labels([line.text for line in doc.lines]) == EXPECTED


def test_libreoffice_draws_the_same_labels(tmp_path: Path) -> None:
    from helpers_office import convert

    (text,) = convert([_plan(tmp_path / "plan.docx")], "txt:Text (encoded):UTF8", tmp_path)
    lines = [re.sub(r"\s+", " ", x) for x in text.read_text(encoding="utf-8-sig").splitlines()]
    if not any(x.strip().endswith(PARAGRAPHS[0][1]) and x.strip() != PARAGRAPHS[0][1] for x in lines):
        pytest.skip("this LibreOffice writes no list labels into plain text")
    assert _labels(lines) == EXPECTED
