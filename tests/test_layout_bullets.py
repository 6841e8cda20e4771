"""List items opened by the bullets of other fonts, as converters give them (rules/conventions.yaml
``bullet_glyphs``): pdftotext writes Word's Symbol and Wingdings bullets as private-use characters ("\\uf0b7",
"\\uf0a7", "\\uf0d8"), Word saving as text writes Wingdings' arrow and tick as "Ø" and "ü", drafts type "➢", "❖",
"►", "✓". Before: a closing whose "► Lưu: VT, VHXH." was not read as an item of Nơi nhận gave an error on a
compliant plan."""

from __future__ import annotations

from pathlib import Path

from checker.ingest import layout
from checker.ingest.txt import lines_of
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLAN = Path(__file__).parent / "fixtures" / "plans" / "xa-an-khanh-phan-abc.txt"
GLYPHS = ["\uf0b7", "\uf0a7", "\uf0d8", "➢", "❖", "Ø", "ü", "►", "✓"]


def test_items_opened_by_other_bullets_are_list_items() -> None:
    text = "Nơi nhận:\n" + "\n".join(f"{g} Đơn vị {k};" for k, g in enumerate(GLYPHS)) + "\n► Lưu: VT, VHXH."
    blocks = layout.infer(lines_of(text))
    items = [b for b in blocks if b.marker]
    assert [(b.kind, b.marker) for b in items] == [("list_item", "•")] * (len(GLYPHS) + 1)
    assert items[-1].text == "• Lưu: VT, VHXH."


def test_a_glyph_inside_a_line_or_before_a_word_is_text() -> None:
    (block,) = layout.infer(lines_of("Kết quả → đạt 100% kế hoạch"))
    assert block.text == "Kết quả → đạt 100% kế hoạch"
    (block,) = layout.infer(lines_of("Øresund"))
    assert block.text == "Øresund"


def test_a_compliant_plan_with_other_bullets_stays_compliant(tmp_path: Path, packs: list[LoadedPack]) -> None:
    lines, k = [], 0
    for line in PLAN.read_text(encoding="utf-8").split("\n"):
        if line.startswith("- "):
            line, k = f"{GLYPHS[k % len(GLYPHS)]} {line[2:]}", k + 1
        lines.append(line)
    f = tmp_path / "plan.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    loud = [x for x in check_file(f, packs).findings if x.severity in ("error", "warning")]
    assert not loud, [(x.id, x.line, x.message) for x in loud]


def test_pictographs_decorate_headings_and_open_items() -> None:
    # as a chat assistant writes: a heading decorated, an item opened by one (session 10: a compliant plan whose
    # "✅ V. TỔ CHỨC THỰC HIỆN" was not a heading was told it had no Tổ chức thực hiện part)
    text = "✅ V. TỔ CHỨC THỰC HIỆN\n📌 Phòng Văn hóa - Xã hội chủ trì;\n### 🎯 Mục tiêu cụ thể\n⭐️ Trên 90% văn bản."
    got = [(b.kind, b.marker, b.text) for b in layout.infer(lines_of(text))]
    assert got[0] == ("heading", "V.", "V. TỔ CHỨC THỰC HIỆN")
    assert got[1][:2] == ("list_item", "•") and got[1][2] == "• Phòng Văn hóa - Xã hội chủ trì;"
    assert "### Mục tiêu cụ thể" in [t for _k, _m, t in got]
    assert got[-1][:2] == ("list_item", "•")
