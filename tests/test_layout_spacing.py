"""Logical blocks do not depend on how a text plan was wrapped or spaced (issue 8): each test is one cause found by
the metamorphic suite, on small texts written for it.

- blank lines between paragraphs (one line or several each) are paragraph breaks, even where they are almost half
  the lines; only blank lines *inside* paragraphs (after every line, as some extractions give) separate nothing;
- a table typed with tabs stays one table when a blank line follows each row;
- a full line that ends a sentence does not swallow the next line when that line's first word would have fitted
  on it, nor a short unpunctuated title line (an unnumbered heading);
- points of a list written in prose ("Thứ nhất, …", "Một là, …") each open a block, like "a)" or "-";
- a wrapped sentence goes on over a line that opens with a comparator ("≥ 85%."), with an abbreviation that ends
  it ("DVCTT."), with an abbreviation hyphenated at the line end ("DV-" / "CTT.") or with a part it names
  ("… ghi tại" / "Mục III."), but a part's label alone with no full stop ("Phần thứ hai", its title below) is
  the heading even after a nearly full line;
- at a narrow width (45 columns) a title line of 30-odd characters is not a full, wrapped line.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def _texts(text: str, kinds: tuple[str, ...] = ("paragraph", "heading", "list_item")) -> list[str]:
    return [b.text for b in _blocks(text) if b.kind in kinds]


def _double_spaced(text: str) -> str:
    """A blank line after every line, as some PDF extractions give."""
    return "".join(f"{line}\n\n" for line in text.splitlines())


# One paragraph per logical block; sub-parts are short sentence-case titles without a number, each followed by
# its body. Written for these tests: an Lão-style commune office that numbers nothing below its parts.
PARAGRAPHS = [
    "Nâng cao chất lượng phục vụ người dân trên môi trường số",
    "Năm 2025 xã tập trung hoàn thiện hạ tầng, đưa toàn bộ thủ tục đủ điều kiện lên cổng dịch vụ công, số hóa "
    "hồ sơ đã giải quyết và bồi dưỡng kỹ năng số cho đội ngũ cán bộ, công chức của xã; mỗi bộ phận chuyên môn "
    "chịu trách nhiệm về phần việc được giao, báo cáo kết quả hằng tháng cho văn phòng để tổng hợp, kịp thời đề "
    "xuất tháo gỡ khó khăn, vướng mắc với lãnh đạo xã trong quá trình thực hiện.",
    "Kết nối mạng",
    "Thay thiết bị chuyển mạch ở nhà văn hóa các thôn, nâng băng thông đường truyền số liệu chuyên dùng.",
    "Phục vụ trực tuyến",
    "Bộ phận một cửa hướng dẫn người dân nộp hồ sơ qua cổng dịch vụ công, theo dõi tiến độ trên điện thoại.",
    "Kho dữ liệu của xã",
    "Rà soát, làm sạch dữ liệu hộ tịch và đất đai trước khi đồng bộ lên kho dữ liệu dùng chung của thành phố.",
    "Giữ an toàn hệ thống",
    "Lập hồ sơ cấp độ cho hệ thống thư điện tử, sao lưu dữ liệu hằng tuần và kiểm tra mã độc định kỳ.",
    "Con người",
    "Mở hai lớp tập huấn kỹ năng số cho cán bộ, công chức, viên chức và tổ công nghệ số cộng đồng ở các thôn.",
]
TITLES = PARAGRAPHS[0::2]


def _spaced_between(width: int) -> str:
    """Each paragraph wrapped at ``width``, a blank line between paragraphs (none inside them)."""
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in PARAGRAPHS) + "\n"


def test_blank_lines_between_paragraphs_are_breaks_even_when_they_are_half_the_lines() -> None:
    text = _spaced_between(104)  # the bodies of the sub-parts on one full line each, the opening on four
    lines = text.splitlines()
    assert sum(1 for ln in lines if not ln.strip()) > 0.4 * len(lines) and len(lines) > 20
    got = _texts(text)
    assert got == PARAGRAPHS
    for title in TITLES:
        assert title in got  # never merged into the body before it


def test_blank_line_after_every_line_separates_nothing() -> None:
    """Wrapped lines double-spaced: the paragraphs are rebuilt, and the untitled sub-parts stay their own blocks
    (a sentence ends the line before each: the title's first word would have fitted there, or it is a short line
    with no final punctuation)."""
    wrapped = "\n".join(line for p in PARAGRAPHS for line in textwrap.wrap(p, 78))
    assert _texts(_double_spaced(wrapped)) == PARAGRAPHS
    assert _texts(wrapped) == PARAGRAPHS


def test_a_tab_table_stays_one_table_when_every_row_is_followed_by_a_blank_line() -> None:
    rows = ["STT\tNội dung\tXã giao\tThành phố giao",
            "1\tHồ sơ xử lý trực tuyến toàn trình\t82%\tTối thiểu 80%",
            "2\tVăn bản ký số trên môi trường mạng\tTrên 92%\tTrên 90%",
            "3\tCán bộ được bồi dưỡng kỹ năng số\t55%\tTối thiểu 50%"]
    body = [*textwrap.wrap(" ".join(PARAGRAPHS[1:4]), 70), *rows, *textwrap.wrap(" ".join(PARAGRAPHS[5:]), 70)]
    tables = [b for b in _blocks(_double_spaced("\n".join(body))) if b.kind == "table"]
    assert len(tables) == 1
    assert [[c.text for c in r] for r in tables[0].rows] == [r.split("\t") for r in rows]


def test_a_title_line_is_not_full_at_a_narrow_width() -> None:
    """Wrapped at 45 columns, an untitled sub-part's title of 30-odd characters is no wrapped line (a long word's
    margin is a fifth of a narrow width, not 14 characters): it does not swallow the body after it."""
    parts = [("Sao lưu, phục hồi dữ liệu của xã", "Sao lưu hằng tuần dữ liệu hộ tịch, đất đai và thư điện tử "
              "công vụ ra ổ đĩa riêng đặt tại trụ sở."),
             ("Tổ công nghệ số cộng đồng ở thôn", "Mỗi thôn có một tổ hướng dẫn người dân cài đặt ứng dụng, "
              "nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt.")]
    want = [PARAGRAPHS[1]] + [x for pair in parts for x in pair]
    text = "\n".join(line for para in want for line in textwrap.wrap(para, 45)) + "\n"
    assert all(30 <= len(title) <= 45 for title, _ in parts)
    assert _texts(text) == want


def test_prose_points_open_their_own_blocks_however_wrapped() -> None:
    points = ["Thứ nhất, kết nối đủ băng thông cho trụ sở và bộ phận một cửa trong quý IV.",
              "Thứ hai, vận hành hệ thống quản lý văn bản và điều hành trên điện thoại của lãnh đạo.",
              "Thứ ba, cập nhật dữ liệu dân cư, hộ tịch, đất đai vào kho dữ liệu dùng chung.",
              "Một là, tuyên truyền qua loa truyền thanh của các thôn về dịch vụ công trực tuyến.",
              "Hai là, gắn kết quả với bình xét thi đua cuối năm của các bộ phận."]
    # each point on a line of its own, next to lines long enough that the text counts as wrapped at ~90
    intro = textwrap.wrap("Ủy ban nhân dân xã giao nhiệm vụ trọng tâm của năm cho các bộ phận chuyên môn, "
                          "gắn với trách nhiệm của người đứng đầu, thời hạn hoàn thành và sản phẩm cụ thể "
                          "phải nộp về văn phòng để tổng hợp, báo cáo theo tháng, quý và cả năm.", 90)
    blocks = [b for b in _blocks("\n".join([*intro, *points]) + "\n") if b.kind != "title"]
    assert [b.text for b in blocks[-5:]] == points
    assert all(b.kind == "list_item" and b.marker for b in blocks[-5:])
    # a point that wraps still gets its continuation
    wrapped = "\n".join([*intro, *textwrap.wrap(points[1], 50), points[2]])
    assert [b.text for b in _blocks(wrapped)[-2:]] == points[1:3]


def _one_sentence(lines: list[str]) -> list[str]:
    # long lines so that the text counts as wrapped, then the case under test
    lead = textwrap.wrap("Bộ phận một cửa của xã bố trí máy tính, máy quét và người hướng dẫn để người dân tự nộp "
                         "hồ sơ trực tuyến, tra cứu kết quả giải quyết, thanh toán phí và lệ phí không dùng tiền "
                         "mặt ngay tại trụ sở, kể cả ngoài giờ hành chính vào sáng thứ bảy.", 72)
    return _texts("\n".join([*lead, *lines]) + "\n")[-1:]


def test_a_wrapped_sentence_goes_on_over_a_comparator() -> None:
    got = _one_sentence(["- Tỷ lệ hồ sơ xử lý trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận:", "≥ 85%."])
    assert got == ["- Tỷ lệ hồ sơ xử lý trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận: ≥ 85%."]
    # a figure after a figure is the next cell of a flattened table row, not the rest of the sentence
    got = _one_sentence(["3 Tỷ lệ hộ gia đình có đường truyền cáp quang đạt trên 95%", ">95%"])
    assert got == [">95%"]


def test_a_wrapped_sentence_goes_on_over_the_abbreviation_that_ends_it() -> None:
    first = "(4) Bộ phận một cửa của xã hướng dẫn người dân sử dụng thành thạo các"
    assert _one_sentence([first, "DVCTT."]) == [f"{first} DVCTT."]
    # hyphenated at the line end: the halves make an abbreviation of the conventions, the hyphen goes
    assert _one_sentence([first + " DV-", "CTT."]) == [f"{first} DVCTT."]


def test_a_part_named_in_a_wrapped_sentence_is_no_heading() -> None:
    first = "Các chỉ tiêu cụ thể của từng bộ phận chuyên môn được giao chi tiết tại"
    opening = textwrap.wrap(PARAGRAPHS[1], 72)
    blocks = _blocks("\n".join([*opening, first, "Mục III.", "Kết nối mạng"]) + "\n")
    assert [b.text for b in blocks][-2:] == [f"{first} Mục III.", "Kết nối mạng"]
    assert all(b.kind != "heading" for b in blocks)
    # the label of a part alone, with no full stop, after a paragraph whose last line is nearly full: the
    # heading, its title on the next line (the wrapped sentence named no part)
    para = textwrap.wrap("Căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân phường xây dựng kế hoạch "
                         "triển khai các nhiệm vụ chuyển đổi số của năm 2025 như sau đây", 72)
    assert len(para[-1]) > 60
    blocks = _blocks("\n".join([*opening, *para, "Phần thứ hai", "NHIỆM VỤ TRỌNG TÂM", "Kết nối mạng"]) + "\n")
    assert [(b.kind, b.text) for b in blocks][-4:-1] == [("paragraph", " ".join(para)),
                                                        ("heading", "Phần thứ hai"), ("heading", "NHIỆM VỤ TRỌNG TÂM")]


def test_findings_agree_as_written_blank_between_and_double_spaced(tmp_path: Path) -> None:
    """A whole small plan (untitled sub-parts, a tab table of targets, prose points), as written and in the two
    spacings: the same findings."""
    from checker.pipeline import check_file
    from checker.rules.loader import load_packs

    head = ["ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "XÃ QUYẾT THẮNG                                 Độc lập - Tự do - Hạnh phúc",
            "Số: 12/KH-UBND                          Quyết Thắng, ngày 05 tháng 9 năm 2025", "",
            "KẾ HOẠCH", "Chuyển đổi số xã Quyết Thắng năm 2025", "",
            "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân",
            "dân xã ban hành Kế hoạch như sau:", "", "I. MỤC TIÊU", ""]
    table = ["STT\tNội dung\tXã Quyết Thắng\tThành phố giao",
             "1\tThủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình\t100%\t100%",
             "2\tHồ sơ thủ tục hành chính xử lý trực tuyến toàn trình\t82%\tTối thiểu 80%",
             "3\tHồ sơ công việc xử lý trên môi trường mạng (trừ hồ sơ mật)\t75%\t75%",
             "4\tVăn bản ký số, xử lý trên môi trường mạng (trừ văn bản mật)\tTrên 90%\tTrên 90%"]
    middle = ["", "II. NHIỆM VỤ", "", *PARAGRAPHS[2:], "", "III. TỔ CHỨC THỰC HIỆN", "",
              "Thứ nhất, Phòng Văn hóa - Xã hội là cơ quan đầu mối, tham mưu, tổng hợp, báo cáo.",
              "Thứ hai, Công an xã bảo đảm an ninh mạng, an toàn thông tin.", ""]
    tail = ["Nơi nhận:                                             TM. ỦY BAN NHÂN DÂN",
            "- UBND thành phố;                                              CHỦ TỊCH",
            "- Lưu: VT.", "                                                          Đoàn Văn Hậu"]
    written = "\n".join(head + table + middle + tail) + "\n"
    between = "\n".join(head + [x for r in table for x in (r, "")] + [x for m in middle for x in (m, "")
                                                                   if x or m] + tail) + "\n"
    spaced = _double_spaced("\n".join(head + table + middle + tail).replace("\n\n", "\n"))
    packs = load_packs()
    got = {}
    for name, text in (("written", written), ("between", between), ("double", spaced)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        r = check_file(path, packs)
        got[name] = (r.status, sorted((f.id, f.kind) for f in r.findings))
    assert got["written"][0] == "checked"
    assert got["between"] == got["written"]
    assert got["double"] == got["written"]
    # the table's rows are read as targets in every spacing: none of these four is reported missing
    for rid in ("HP215-TGT-DVCTT", "HP215-TGT-HOSO", "HP215-TGT-HSCV", "HP215-TGT-KYSO"):
        assert (rid, "missing") not in got["double"][1]
