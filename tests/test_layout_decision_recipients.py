"""A decision and the plan it issues in one file (checker/ingest/layout.py reads each document on its own): the
decision's recipients under "Nơi nhận" ("- UBND thành phố Hải Phòng;") open with the issuer's words the plan's
own header opens with ("UBND ..."), but a recipient is a point of the list (a marker, a ";"), never a header. Read
as the plan's header, the recipients after it fell out of the closing ("- Lưu: VT." no longer under "Nơi nhận"),
and with their dashes swapped for letters (tests/layouts.py "markers-letters") the closing lacked its "Lưu". In the
text pdftotext -layout takes from the office PDF the plan's motto is wrapped in its narrow right column ("CỘNG HÒA
XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"): still the plan's header, so the file is still two documents (read as one, the
decision's closing fell inside the body and the plan's points were misread). The texts are written here (not
taken from any plan)."""

from __future__ import annotations

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block

DECISION = """\
ỦY BAN NHÂN DÂN
XÃ AN HÒA
Số: 31/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Hòa, ngày 15 tháng 9 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số xã An Hòa 6 tháng cuối năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN HÒA

Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số xã An Hòa 6 tháng cuối năm 2025.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- {recipient};
- Sở Khoa học và Công nghệ;
- Lưu: VT.
                                                    KT. CHỦ TỊCH
                                                    PHÓ CHỦ TỊCH

                                                    Trần Văn Bình


ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN HÒA                                  Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH
Chuyển đổi số xã An Hòa 6 tháng cuối năm 2025
(Kèm theo Quyết định số 31/QĐ-UBND ngày 15 tháng 9 năm 2025 của Chủ tịch UBND xã An Hòa)

I. MỤC ĐÍCH, YÊU CẦU
Triển khai kịp thời các nhiệm vụ thành phố giao.
"""


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def test_a_recipient_named_like_an_issuer_stays_in_the_closing() -> None:
    for recipient in ("UBND thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"):
        blocks = _blocks(DECISION.replace("{recipient}", recipient))
        recipients = [b.text for b in blocks if b.kind == "recipients"]
        assert recipients == ["Nơi nhận:", "- Như Điều 2;", f"- {recipient};", "- Sở Khoa học và Công nghệ;",
                              "- Lưu: VT."]
        # the plan's own header still opens the second document, after the decision's signature
        kinds = [b.kind for b in blocks]
        assert "header" in kinds[kinds.index("signature") :]
        assert [b.text for b in blocks if b.kind == "title"][2] == "KẾ HOẠCH"


LAID_OUT = """\
Nơi nhận:                              KT. CHỦ TỊCH
- Như Điều 2;                          PHÓ CHỦ TỊCH
- Sở Khoa học và Công nghệ;            Trần Văn Bình
- Lưu: VT.

ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA
                                       VIỆT NAM
XÃ AN HÒA
                                       Độc lập - Tự do - Hạnh phúc

     KẾ HOẠCH
"""


def test_a_plans_motto_wrapped_in_its_right_column_opens_the_second_document() -> None:
    start = DECISION.index("Nơi nhận:")
    text = DECISION[:start] + LAID_OUT + DECISION[DECISION.index("Chuyển đổi số xã An Hòa 6", start) :]
    blocks = _blocks(text)
    assert [b.text for b in blocks if b.kind == "recipients"] == [
        "Nơi nhận:", "- Như Điều 2;", "- Sở Khoa học và Công nghệ;", "- Lưu: VT."]
    assert [b.text for b in blocks if b.kind == "title"][2] == "KẾ HOẠCH"
    assert ("heading", "I. MỤC ĐÍCH, YÊU CẦU") in [(b.kind, b.text) for b in blocks]
