"""Word lists told apart only by their indentation: tasks numbered "1." "2." "3." by Word and, under each, its
own steps numbered "1." "2." again, set further right. Offices do it two ways: the styles "List Number" and
"List Number 2" (two lists, the sub-list restarted at each task), or one list whose two levels both draw "%N.".
Nothing in the text tells the two lists apart: the level is read from the indent (paragraph, list level or
style), so the steps nest under their task and the numbering is not taken as repeating."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import read
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import load_packs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (task, its steps): a plan of a commune's digital transformation tasks, in words of our own
TASKS = [
    ("Kết nối và hạ tầng", ["Lắp đặt thêm điểm truy cập không dây tại nhà văn hóa các thôn.",
                            "Rà soát đường truyền số liệu chuyên dùng đến trụ sở xã."]),
    ("Điều hành trên môi trường số", ["Xử lý hồ sơ công việc trên phần mềm quản lý văn bản.",
                                      "Gửi, nhận văn bản điện tử có ký số của lãnh đạo xã."]),
    ("Phục vụ người dân", ["Hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa."]),
]
HEAD = ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO", "Số: 33/KH-UBND", "An Lão, ngày 12 tháng 9 năm 2025", "KẾ HOẠCH",
        "Thực hiện chuyển đổi số xã An Lão 6 tháng cuối năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
        "Đưa hoạt động của xã lên môi trường số, phục vụ người dân tốt hơn.", "II. NHIỆM VỤ CỤ THỂ"]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Công chức Văn phòng - Thống kê theo dõi, tổng hợp kết quả.", "Nơi nhận:",
        "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Hoa"]


def _numbered(p: object, num_id: int, ilvl: int = 0) -> None:
    from docx.oxml import parse_xml

    p._p.get_or_add_pPr().append(parse_xml(  # type: ignore[attr-defined]
        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def make_plan(path: Path, how: str) -> Path:
    """``how``: "styles" (List Number / List Number 2, each sub-list restarted as Word writes "Restart at 1":
    a new list over the same definition) or "levels" (one list of our own, two decimal levels, the second
    indented by its level, and a style of our own carrying the list)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    for t in HEAD:
        d.add_paragraph(t)
    sub_style = None
    if how == "levels":
        levels = "".join(
            f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{k + 1}."/>'
            f'<w:pPr><w:ind w:left="{425 * (k + 1)}" w:hanging="425"/></w:pPr></w:lvl>' for k in range(2))
        numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77">{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
        sub_style = d.styles.add_style("Buoc thuc hien", WD_STYLE_TYPE.PARAGRAPH)
        sub_style.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="1"/><w:numId w:val="77"/></w:numPr>'))
    restart = 200
    for task, steps in TASKS:
        if how == "styles":
            d.add_paragraph(task, style="List Number")
        else:
            _numbered(d.add_paragraph(task), 77)
        for k, step in enumerate(steps):
            if how == "styles":
                if k == 0:
                    restart += 1
                    abstract = d.styles["List Number 2"].element.pPr.numPr.numId.val
                    abstract_id = numbering.num_having_numId(abstract).abstractNumId.val
                    numbering.append(parse_xml(
                        f'<w:num xmlns:w="{W}" w:numId="{restart}"><w:abstractNumId w:val="{abstract_id}"/>'
                        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
                _numbered(d.add_paragraph(step, style="List Number 2"), restart)
            else:
                d.add_paragraph(step, style=sub_style)
    for t in TAIL:
        d.add_paragraph(t)
    d.save(str(path))
    return path


@pytest.mark.parametrize("how", ["styles", "levels"])
def test_sub_lists_drawn_alike_nest_by_their_indent(how: str, tmp_path: Path) -> None:
    path = make_plan(tmp_path / f"{how}.docx", how)
    doc = read(path)
    texts = [line.text for line in doc.lines]
    # Word draws "1." before a task and "1." again before its first step: the labels are the same
    assert f"1. {TASKS[0][0]}" in texts and f"1. {TASKS[0][1][0]}" in texts and f"1. {TASKS[1][1][0]}" in texts
    plan = parse(doc)
    by_title = {s.title: k for k, s in enumerate(plan.sections)}
    for task, steps in TASKS:
        parent = by_title[task]
        for step in steps:
            assert plan.sections[by_title[step]].parent == parent, (step, plan.sections[by_title[step]])
    found = check_file(path, load_packs())
    numbering = [f for f in found.findings if f.id.endswith("NUMBERING")]
    assert numbering == [], [f.message for f in numbering]


def test_the_same_steps_at_the_tasks_indent_are_still_a_repeat(tmp_path: Path) -> None:
    """The indent decides, not the style name: steps set at the tasks' own indent continue nothing and repeat
    the numbers, as a reader sees them."""
    from docx.oxml import parse_xml

    path = make_plan(tmp_path / "flat.docx", "styles")
    import docx

    d = docx.Document(str(path))
    for p in d.paragraphs:
        if p.style is not None and p.style.name == "List Number 2":
            p._p.get_or_add_pPr().append(parse_xml(f'<w:ind xmlns:w="{W}" w:left="360" w:hanging="360"/>'))
    d.save(str(path))
    found = check_file(path, load_packs())
    assert [f for f in found.findings if f.id.endswith("NUMBERING")]
