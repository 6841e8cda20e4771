"""Two readings of a target's sentence.

A target the directive sets with a figure, written in the plan's targets with a vague quantity instead ("Phần lớn
báo cáo định kỳ được thực hiện trên Hệ thống thông tin báo cáo", "đa số", "hầu hết", "một số", "từng bước",
"phấn đấu nhiều hồ sơ"; rules/conventions.yaml ``vague_quantities``): the plan addresses the target, vaguely, so it
is weaker than the directive's at the plan's own line, quoting its words, not missing at the targets heading. Words
that mean all of them ("toàn bộ", "tất cả") stay 100%, and a vague word in a sentence that sets no target (a task,
a reason, what was done) makes no finding.

A comma inside an enumerated noun phrase ("cán bộ, công chức, viên chức", "hồ sơ, thủ tục", "xã, phường") does not
start a new target: "Tối thiểu 55% cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số (tăng 15% so với năm
2024)" is a level of 55%, its increase noted beside it, not a target stated only as an increase.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models import Finding
from checker.parse.targets import targets_in_text
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

BASE = Path(__file__).resolve().parent.parent / "rules" / "tests" / "215-KH-UBND" / "tuan-thu.txt"
BAOCAO = ("d) 100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên hệ thống thông tin báo cáo của "
          "thành phố, kết nối Hệ thống thông tin báo cáo Chính phủ.")
HOSO = "b) Tối thiểu 82% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình."
HAILONG = "e) Tỷ lệ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt trên 90%."
KYNANGSO = "g) Tối thiểu 50% cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số."
TASK = "- Tập huấn kỹ năng số cho cán bộ; tuyên truyền trên hệ thống truyền thanh của phường."


def _plan(tmp_path: Path, **replace: str) -> tuple[Path, list[str]]:
    """The compliant plan of rules/tests (its comment lines left out), each line ``old`` replaced by ``new``
    (``replace``: name → (old, new) joined by a tab)."""
    lines = [ln for ln in BASE.read_text(encoding="utf-8").split("\n") if not ln.startswith("#")]
    for pair in replace.values():
        old, new = pair.split("\t")
        assert lines.count(old) == 1, old
        lines[lines.index(old)] = new
    path = tmp_path / "ke-hoach.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, lines


def _loud(findings: list[Finding]) -> list[tuple[str, str, str, int | None]]:
    return sorted((f.id, f.kind, f.severity, f.line) for f in findings if f.severity in ("error", "warning"))


# --------------------------------------------------------------------------- A. a vague quantity for a figure

VAGUE = [
    ("d) Phần lớn báo cáo định kỳ được thực hiện trên Hệ thống thông tin báo cáo của thành phố.", "Phần lớn"),
    ("d) Đa số báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo của thành phố.", "Đa số"),
    ("d) Hầu hết báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo của thành phố.", "Hầu hết"),
    ("d) Một số báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo của thành phố.", "Một số"),
    ("d) Từng bước thực hiện báo cáo định kỳ trên hệ thống thông tin báo cáo của thành phố.", "Từng bước"),
    ("d) Đến hết năm 2025, phần lớn báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo.", "phần lớn"),
]


@pytest.mark.parametrize(("line", "words"), VAGUE, ids=["phan-lon", "da-so", "hau-het", "mot-so", "tung-buoc",
                                                        "after-a-deadline"])
def test_a_vague_quantity_is_weaker_at_its_line(tmp_path: Path, packs: list[LoadedPack], line: str,
                                                words: str) -> None:
    path, lines = _plan(tmp_path, baocao=f"{BAOCAO}\t{line}")
    findings = check_file(path, packs).findings
    at = lines.index(line) + 1
    assert _loud(findings) == [("HP215-TGT-BAOCAO", "weaker", "error", at)]
    (f,) = [f for f in findings if f.id == "HP215-TGT-BAOCAO"]
    assert (f.actual, f.expected) == (words, "100%")
    assert f"'{words}'" in f.message and "100%" in f.message
    assert f.evidence.startswith(line[3:33])  # the plan's own sentence, after its list marker


def test_a_hedged_vague_quantity_is_quoted_with_its_hedge(tmp_path: Path, packs: list[LoadedPack]) -> None:
    line = "b) Phấn đấu nhiều hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình."
    path, lines = _plan(tmp_path, hoso=f"{HOSO}\t{line}")
    findings = check_file(path, packs).findings
    assert _loud(findings) == [("HP215-TGT-HOSO", "weaker", "error", lines.index(line) + 1)]
    (f,) = [f for f in findings if f.id == "HP215-TGT-HOSO"]
    assert (f.actual, f.expected) == ("Phấn đấu nhiều", "tối thiểu 80%")


def test_other_figures_than_100_are_weaker_too(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A minimum below 100% ("tối thiểu 50%"), a level above a figure ("trên 90%"): no vague word says it."""
    skills = "g) Hầu hết cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số."
    content = "e) Đa số người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính."
    path, lines = _plan(tmp_path, kynangso=f"{KYNANGSO}\t{skills}", hailong=f"{HAILONG}\t{content}")
    findings = check_file(path, packs).findings
    assert _loud(findings) == sorted([("HP215-TGT-KYNANGSO", "weaker", "error", lines.index(skills) + 1),
                                      ("HP215-TGT-HAILONG", "weaker", "error", lines.index(content) + 1)])
    assert {f.id: f.expected for f in findings} == {"HP215-TGT-KYNANGSO": "tối thiểu 50%",
                                                    "HP215-TGT-HAILONG": "trên 90%"}


def test_words_for_all_stay_100_beside_a_vague_one(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Toàn bộ", "tất cả" mean 100%: compliant, while the vague word of another target is weaker."""
    whole = ("d) Toàn bộ báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên hệ thống thông tin báo "
             "cáo của thành phố.")
    all_ = "đ) Tất cả kết quả giải quyết thủ tục hành chính được số hóa theo quy định."
    skills = "g) Phần lớn cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số."
    path, lines = _plan(tmp_path, baocao=f"{BAOCAO}\t{whole}", kynangso=f"{KYNANGSO}\t{skills}",
                        sohoa=f"đ) 100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.\t{all_}")
    assert _loud(check_file(path, packs).findings) == [
        ("HP215-TGT-KYNANGSO", "weaker", "error", lines.index(skills) + 1)]


@pytest.mark.parametrize("whole", ["toàn bộ", "tất cả"])
def test_words_for_all_in_a_sentence_of_several_targets_are_their_own_target(tmp_path: Path,
                                                                              packs: list[LoadedPack],
                                                                              whole: str) -> None:
    """"..., trên 92% văn bản được ký số, toàn bộ báo cáo định kỳ được thực hiện trên Hệ thống ...": the words for
    all open a target of their own, 100%; the figure before them is the signed documents', not the reports' (it
    was read as the reports' "trên 92% so với 100%", a false alarm on a compliant plan)."""
    line = ("d) Trên 95% văn bản được ký số và xử lý trên môi trường mạng, " + whole + " báo cáo định kỳ về chỉ tiêu "
            "kinh tế - xã hội được thực hiện trên hệ thống thông tin báo cáo của thành phố.")
    path, _ = _plan(tmp_path, baocao=f"{BAOCAO}\t{line}")
    assert _loud(check_file(path, packs).findings) == []
    (first, second) = targets_in_text(line, [(0, 1)], None)
    assert (first.value, first.implicit, second.value, second.implicit) == (95.0, False, 100.0, True)
    assert "báo cáo" not in first.text and second.text.startswith(whole)


def test_a_vague_word_outside_the_targets_makes_no_finding(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A task, a reason, what was done: "nhiều", "phần lớn", "một số" there set no target. The plan that states
    the target vaguely in its targets is weaker there, and only there; a plan that states it with its figure has
    no finding whatever its other sentences say."""
    skills = "g) Đa số cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số."
    task = ("- Phần lớn cán bộ, công chức, viên chức của phường được tập huấn kỹ năng số trong quý IV; do một số "
            "báo cáo định kỳ còn làm thủ công, nhiều hồ sơ thủ tục hành chính được xử lý trực tuyến chưa toàn trình.")
    reason = ("Xây dựng chính quyền phường vận hành trên môi trường số; hiện nay phần lớn cán bộ, công chức, viên "
              "chức của phường đã được tập huấn kỹ năng số.")
    general = ("Xây dựng chính quyền phường vận hành trên môi trường số, phục vụ người dân và doanh nghiệp nhanh, "
               "minh bạch.")
    path, lines = _plan(tmp_path, kynangso=f"{KYNANGSO}\t{skills}", task=f"{TASK}\t{task}",
                        general=f"{general}\t{reason}")
    assert _loud(check_file(path, packs).findings) == [
        ("HP215-TGT-KYNANGSO", "weaker", "error", lines.index(skills) + 1)]


# --------------------------------------------------------------------------- B. a comma inside an enumeration

SKILLS = "cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số"


@pytest.mark.parametrize("line", [
    f"g) Tối thiểu 55% {SKILLS} (tăng 15% so với năm 2024).",
    f"g) Tối thiểu 55% {SKILLS}, tăng 15% so với năm 2024.",
    "g) Tối thiểu 55% cán bộ, công chức và viên chức được bồi dưỡng kỹ năng số, tăng 15% so với năm 2024.",
], ids=["increase-in-brackets", "increase-after-a-comma", "and-in-the-list"])
def test_an_enumerated_subject_keeps_its_level(tmp_path: Path, packs: list[LoadedPack], line: str) -> None:
    path, _ = _plan(tmp_path, kynangso=f"{KYNANGSO}\t{line}")
    assert _loud(check_file(path, packs).findings) == []


def test_a_lower_level_with_its_increase_is_lower(tmp_path: Path, packs: list[LoadedPack]) -> None:
    line = f"g) Tối thiểu 45% {SKILLS} (tăng 15% so với năm 2024)."
    path, lines = _plan(tmp_path, kynangso=f"{KYNANGSO}\t{line}")
    findings = check_file(path, packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error", lines.index(line) + 1)]
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert (f.actual, f.expected) == ("tối thiểu 45%", "tối thiểu 50%")
    assert "mức tăng" not in f.message and f.evidence.startswith(f"Tối thiểu 45% {SKILLS}")


def test_hoso_thu_tuc_is_one_subject(tmp_path: Path, packs: list[LoadedPack]) -> None:
    line = "b) Tối thiểu 85% hồ sơ, thủ tục hành chính được xử lý trực tuyến toàn trình, tăng 10% so với năm 2024."
    path, _ = _plan(tmp_path, hoso=f"{HOSO}\t{line}")
    assert _loud(check_file(path, packs).findings) == []


def test_clauses_split_after_an_enumeration_not_inside_it() -> None:
    """The words of each target of a sentence: an enumeration ("xã, phường, đặc khu") stays in its target, while a
    comma between two targets still parts them."""
    text = ("Tối thiểu 60% xã, phường, đặc khu có điểm truy cập Internet công cộng, tăng 20% so với năm 2024; "
            "tối thiểu 85% hồ sơ trực tuyến, tỷ lệ hài lòng đạt trên 90%.")
    got = [(t.text, t.value, t.change) for t in targets_in_text(text, [(0, 1)], None)]
    assert got == [
        ("Tối thiểu 60% xã, phường, đặc khu có điểm truy cập Internet công cộng", 60.0, None),
        ("tăng 20% so với năm 2024", 20.0, "tăng 20% so với năm 2024"),
        ("tối thiểu 85% hồ sơ trực tuyến", 85.0, None),
        ("tỷ lệ hài lòng đạt trên 90%.", 90.0, None),
    ]
