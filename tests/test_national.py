"""The national registry (verified + imported consensus and header registries) and the general checks of any
administrative document. Citations are built from registry entries, not from the samples."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from conftest import plan_from_text

from checker.checks.base import Context
from checker.checks.references import check, official_date, registry_key
from checker.cli import check_command
from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedGeneral, load_general, load_model, load_packs
from checker.rules.national import NationalEntry, NationalRegistry, data_key
from checker.rules.schema import LegalReferences

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
REGISTRIES = [ROOT / "rules" / "legal-consensus.json", ROOT / "rules" / "legal-headers.json"]


@pytest.fixture(scope="module")
def general() -> LoadedGeneral:
    loaded = load_general([ROOT / "rules"])
    assert loaded is not None
    return loaded


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_legal_registry", ROOT / "tools" / "import_legal_registry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(strength: str) -> list[NationalEntry]:
    regs = [load_model(p, NationalRegistry) for p in REGISTRIES]
    return [e for r in regs for e in r.entries if e.strength == strength]


def _shared_keys() -> dict[str, int]:
    """How many entries (of every registry) share each key: a test picks keys only one entry has."""
    counts: dict[str, int] = {}
    for p in REGISTRIES:
        for e in load_model(p, NationalRegistry).entries:
            counts[e.key] = counts.get(e.key, 0) + 1
    return counts


def _refs_rule(general: LoadedGeneral) -> LegalReferences:
    rule = next(r for r in general.general.rules if isinstance(r, LegalReferences))
    return rule


def _cite(general: LoadedGeneral, text: str, strict: bool = False, head: str = "") -> list[Finding]:
    plan = plan_from_text(head + "Căn cứ:\n" + text + "\n")
    return list(check(plan, _refs_rule(general), Context(loaded=general, strict=strict)))


def _vn(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


# --------------------------------------------------------------------------- the importer


def test_rerunning_the_importer_reproduces_the_committed_files() -> None:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is not present")
    for name, text in _tool().build(REFERENCE).items():
        assert (ROOT / "rules" / name).read_text(encoding="utf-8") == text, name


def test_importer_writes_where_it_is_told(tmp_path: Path) -> None:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is not present")
    assert _tool().main([str(REFERENCE), str(tmp_path)]) == 0
    for p in REGISTRIES:
        assert (tmp_path / p.name).read_bytes() == p.read_bytes()


def test_every_entry_names_its_source_and_strength() -> None:
    for p in REGISTRIES:
        reg = load_model(p, NationalRegistry)
        assert reg.entries and all(e.source.startswith(f"rules/{p.name} {e.key}: ") for e in reg.entries)
    assert all(e.documents and e.documents >= 2 for e in _entries("consensus"))


def test_citations_are_keyed_as_the_data_keys_them() -> None:
    """Every entry whose number the parser recognises gets, from its number, date and province, the data's key."""
    checked = 0
    for p in REGISTRIES:
        for e in load_model(p, NationalRegistry).entries:
            key = registry_key(e.number)
            if key is None:
                continue
            checked += 1
            assert data_key(key, e.date.year, e.province) == e.key, e.number
    assert checked > 900


# --------------------------------------------------------------------------- graded by strength


def test_verified_decree_right_and_wrong_date(general: LoadedGeneral) -> None:
    assert general.references is not None
    doc = next(d for d in general.references.docs if d.verified is True and "/NĐ-CP" in d.number
               and d.number.count("/") == 2)
    right = f"- Nghị định số {doc.number} ngày {_vn(doc.date)} của Chính phủ."
    assert _cite(general, right) == []
    wrong = f"- Nghị định số {doc.number} ngày {_vn(doc.date.replace(year=doc.date.year + 1))} của Chính phủ."
    (f,) = _cite(general, wrong)
    assert (f.id, f.severity, f.expected) == ("GEN-REFS", "error", official_date(doc.date))
    assert f.source and f.source.startswith(doc.number)


def test_consensus_decree_wrong_date_says_how_many_documents_agree(general: LoadedGeneral) -> None:
    shared = _shared_keys()
    e = next(e for e in _entries("consensus") if e.type == "Nghị định" and "/NĐ-CP" in e.number
             and shared[e.key] == 1 and registry_key(e.number))
    assert _cite(general, f"- Nghị định số {e.number} ngày {_vn(e.date)} của Chính phủ.") == []
    other = e.date + dt.timedelta(days=3)
    (f,) = _cite(general, f"- Nghị định số {e.number} ngày {_vn(other)} của Chính phủ.")
    assert (f.severity, f.kind, f.expected) == ("warning", "outdated", official_date(e.date))
    assert f"{e.documents} văn bản" in f.message and "chưa đối chiếu" in f.message
    assert f.source == e.source


def test_year_less_number_in_the_wrong_year_is_a_hint(general: LoadedGeneral) -> None:
    shared = _shared_keys()
    e = next(e for e in _entries("consensus") if "/QĐ-TTg" in e.number and e.number.count("/") == 1
             and shared[e.key] == 1 and e.date.month != 2)
    assert _cite(general, f"- Quyết định số {e.number} ngày {_vn(e.date)} của Thủ tướng Chính phủ.") == []
    moved = e.date.replace(year=e.date.year + 1)
    (f,) = _cite(general, f"- Quyết định số {e.number} ngày {_vn(moved)} của Thủ tướng Chính phủ.")
    assert (f.severity, f.source) == ("info", e.source)
    assert official_date(e.date) in f.expected
    # another day of that other year: another decision with the same number, nothing to say
    assert _cite(general, f"- Quyết định số {e.number} ngày {_vn(moved + dt.timedelta(days=40))}.") == []


def test_local_number_of_another_province_is_not_compared(general: LoadedGeneral) -> None:
    e = next(e for e in _entries("header") if e.province == "BAC_NINH" and e.number.endswith("/QĐ-UBND")
             and e.number.count("/") == 1)
    wrong = _vn(e.date + dt.timedelta(days=2))
    (f,) = _cite(general, f"- Quyết định số {e.number} ngày {wrong} của UBND tỉnh Bắc Ninh.")
    assert (f.severity, f.expected, f.source) == ("warning", official_date(e.date), e.source)
    assert "phần đầu của chính văn bản" in f.message
    assert _cite(general, f"- Quyết định số {e.number} ngày {wrong} của UBND tỉnh Hà Tĩnh.") == []
    assert _cite(general, f"- Quyết định số {e.number} ngày {wrong} của UBND huyện Yên Phong.") == []
    assert _cite(general, f"- Quyết định số {e.number} ngày {wrong}.") == []  # whose? a commune's own, maybe
    # a document of the province itself: a number without an issuer is the province's
    head = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 9/QĐ-UBND\nBắc Ninh, ngày 15 tháng 12 năm 2025\n"
    (g,) = _cite(general, f"- Quyết định số {e.number} ngày {wrong}.", head=head)
    assert g.source == e.source


def test_unknown_document_is_silent_unless_strict(general: LoadedGeneral) -> None:
    text = "- Quyết định số 9876/QĐ-BXD ngày 03/3/2025 của Bộ Xây dựng."
    assert _cite(general, text) == []
    (f,) = _cite(general, text, strict=True)
    assert f.severity == "info"


# --------------------------------------------------------------------------- documents of several kinds

QD_TINH = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC NINH                   Độc lập - Tự do - Hạnh phúc

Số: 512/QĐ-UBND                 Bắc Ninh, ngày 15 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Quy chế quản lý hệ thống thông tin báo cáo của tỉnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;
Căn cứ Nghị định số {decree} ngày {decree_date} của Chính phủ;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hệ thống thông tin báo cáo của tỉnh.
Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                   KT. CHỦ TỊCH
- Như Điều 2;                               PHÓ CHỦ TỊCH
- Lưu: VT, KGVX.
                                            Nguyễn Văn An
"""

CV_BO = """BỘ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                Độc lập - Tự do - Hạnh phúc
Số: 1234/BKHCN-CĐSQG            Hà Nội, ngày 05 tháng 12 năm 2025
V/v hướng dẫn triển khai ứng dụng định danh điện tử

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Thực hiện Nghị định số {decree} ngày {decree_date} của Chính phủ, Bộ Khoa học và Công nghệ đề nghị
Ủy ban nhân dân các tỉnh, thành phố chỉ đạo triển khai các nội dung sau:
1. Rà soát hệ thống thông tin dùng chung của địa phương.

Nơi nhận:                                   KT. BỘ TRƯỞNG
- Như trên;                                 THỨ TRƯỞNG
- Lưu: VT, CĐSQG.
                                            Trần Văn Bình
"""

KH_XA = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ NAM ĐÀN                      Độc lập - Tự do - Hạnh phúc

Số: 45/KH-UBND                  Nam Đàn, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc trên địa bàn xã năm 2025

Căn cứ Nghị định số {decree} ngày {decree_date} của Chính phủ, Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Giữ gìn, phát huy bản sắc văn hóa các dân tộc trên địa bàn xã.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội: chủ trì, phối hợp với {partner} tổ chức Ngày hội.
2. Văn phòng HĐND và UBND xã: bảo đảm kinh phí, hậu cần.
{recipients}                                   TM. ỦY BAN NHÂN DÂN
- Các ban, ngành xã;                        CHỦ TỊCH
- Lưu: VT, VHXH.
                                            Lê Thị Hoa
"""

# a Party committee's resolution (Hướng dẫn 36-HD/VPTW, not NĐ 30/2020): "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-NQ/ĐU"
NQ_DANG_UY = """ĐẢNG BỘ TỈNH QUẢNG NINH                 ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ QUẢNG LA
            *                           Quảng La, ngày 10 tháng 10 năm 2025
Số 12-NQ/ĐU

NGHỊ QUYẾT
về lãnh đạo công tác cải cách hành chính, xây dựng chính quyền số trên địa bàn xã giai đoạn 2025 - 2030

Căn cứ Điều lệ Đảng;
Căn cứ Nghị định số {decree} ngày {decree_date} của Chính phủ;
Căn cứ kết quả thảo luận tại hội nghị Ban Chấp hành Đảng bộ xã ngày 08/10/2025,

ĐẢNG ỦY XÃ QUYẾT NGHỊ

I. TÌNH HÌNH
Công tác cải cách hành chính những năm qua được phối hợp với UBND huyện Hoành Bồ cũ thực hiện nghiêm túc.

II. NHIỆM VỤ, GIẢI PHÁP
1. Đảng ủy xã lãnh đạo Ủy ban nhân dân xã phối hợp với {partner} tổ chức tuyên truyền.
2. Các chi bộ quán triệt, triển khai thực hiện Nghị quyết.

Nơi nhận:                                   T/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy (để b/c);           BÍ THƯ
- Các chi bộ trực thuộc;
- Lưu Văn phòng Đảng ủy.
                                            Phạm Văn Cường
"""


@pytest.fixture(scope="module")
def decree() -> NationalEntry:
    shared = _shared_keys()
    return next(e for e in _entries("consensus") if e.type == "Nghị định" and "/NĐ-CP" in e.number
                and shared[e.key] == 1 and registry_key(e.number) and e.date.year >= 2020)


def _write(tmp_path: Path, name: str, template: str, decree: NationalEntry, right: bool, **more: str) -> Path:
    when = decree.date if right else decree.date.replace(year=decree.date.year + 1)
    path = tmp_path / name
    path.write_text(template.format(decree=decree.number, decree_date=_vn(when), **more), encoding="utf-8")
    return path


KINDS = [("qd-tinh.txt", QD_TINH, {}),
         ("cv-bo.txt", CV_BO, {}),
         ("kh-xa.txt", KH_XA, {"partner": "Công an xã", "recipients": "Nơi nhận:"}),
         ("nq-dang-uy.txt", NQ_DANG_UY, {"partner": "Công an xã"})]


@pytest.mark.parametrize("right", [True, False])
@pytest.mark.parametrize(("name", "template", "more"), KINDS)
def test_documents_of_several_kinds_right_and_wrong_date(
        tmp_path: Path, general: LoadedGeneral, decree: NationalEntry, name: str, template: str,
        more: dict[str, str], right: bool) -> None:
    """Not applicable to the directive whatever they implement; a wrong date is a general finding, apart."""
    path = _write(tmp_path, name, template, decree, right, **more)
    result = check_file(path, load_packs(), general=general)
    assert result.status == "not-applicable" and result.findings == []
    expected = [] if right else [("GEN-REFS", "warning", official_date(decree.date))]
    assert [(f.id, f.severity, f.expected) for f in result.general] == expected


def test_commune_plan_with_defunct_body_and_no_recipients(tmp_path: Path, general: LoadedGeneral,
                                                          decree: NationalEntry) -> None:
    path = _write(tmp_path, "kh-xa.txt", KH_XA, decree, True, partner="UBND huyện Nam Đàn", recipients="")
    result = check_file(path, load_packs(), general=general)
    assert sorted((f.id, f.kind) for f in result.general) == [("GEN-BODIES", "outdated"), ("GEN-FORM", "incomplete")]


def test_ministry_letter_form_number_and_recipients(tmp_path: Path, general: LoadedGeneral,
                                                   decree: NationalEntry) -> None:
    """A ministry's letter is read in its own form ("Số: 1234/BKHCN-CĐSQG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"): complete,
    it is silent (above); without its number and its Nơi nhận, the form of NĐ 30/2020 names both."""
    text = CV_BO.format(decree=decree.number, decree_date=_vn(decree.date))
    text = text.replace("Số: 1234/BKHCN-CĐSQG", "").split("Nơi nhận:")[0] + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn Bình\n"
    path = tmp_path / "cv-bo.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, load_packs(), general=general)
    assert result.status == "not-applicable" and result.findings == []
    form = [f for f in result.general if f.id == "GEN-FORM"]
    assert len(form) == 2 and all(f.kind == "incomplete" for f in form)
    assert "số, ký hiệu" in form[0].message and "nơi nhận" in form[1].message
    assert [f.id for f in result.general if f.id != "GEN-FORM"] == []


def test_party_resolution_its_own_number_history_and_a_defunct_body(tmp_path: Path, general: LoadedGeneral,
                                                                    decree: NationalEntry) -> None:
    """Its own "Số 12-NQ/ĐU" is no citation (silent even with --strict); "UBND huyện Hoành Bồ cũ" is history; a task
    for the district level is a finding; the form of NĐ 30/2020 is not asked of a Party document."""
    path = _write(tmp_path, "nq-dang-uy.txt", NQ_DANG_UY, decree, True, partner="Phòng Văn hóa và Thông tin huyện")
    result = check_file(path, load_packs(), general=general, strict=True)
    assert result.status == "not-applicable" and result.findings == []
    (f,) = result.general
    assert (f.id, f.kind, f.expected) == ("GEN-BODIES", "outdated", "Phòng Văn hóa - Xã hội")


# --------------------------------------------------------------------------- kept apart in every format


@pytest.fixture
def wrong_cv(tmp_path: Path, decree: NationalEntry) -> Path:
    return _write(tmp_path, "cv-bo.txt", CV_BO, decree, False)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(check_command, list(args))
    return result.exit_code, result.output


@pytest.fixture(params=KINDS, ids=[k[0] for k in KINDS])
def wrong_doc(request: pytest.FixtureRequest, tmp_path: Path, decree: NationalEntry) -> Path:
    """Each kind of document of the tests above, citing the decree with a wrong date."""
    name, template, more = request.param
    return _write(tmp_path, name, template, decree, False, **more)


def test_json_keeps_general_findings_apart_and_exit_code_ignores_them(wrong_doc: Path, tmp_path: Path) -> None:
    code, out = _run(str(wrong_doc), "--format", "json", "-o", str(tmp_path / "out"))
    data = json.loads(out)
    (plan,) = data["plans"]
    assert code == 0 and plan["findings"] == [] and plan["general"][0]["id"] == "GEN-REFS"
    assert data["summary"]["findings"]["warning"] == 0 and data["summary"]["general"]["warning"] == 1
    code, _ = _run(str(wrong_doc), "--format", "json", "-o", str(tmp_path / "out"), "--fail-on-general", "warning")
    assert code == 1
    code, out = _run(str(wrong_doc), "--format", "json", "-o", str(tmp_path / "out"), "--no-general")
    assert code == 0 and json.loads(out)["plans"][0]["general"] == []


def test_other_formats_mark_general_findings(wrong_doc: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    for fmt in ("sarif", "junit", "github", "text", "html"):
        _run(str(wrong_doc), "--format", fmt, "--format", "json", "-o", str(out_dir))
    sarif = json.loads((out_dir / "report.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "GEN-REFS" and result["properties"]["general"] is True
    rule = next(r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "GEN-REFS")
    assert rule["properties"]["general"] is True
    junit = (out_dir / "junit.xml").read_text(encoding="utf-8")
    assert f'testsuite name="general: {wrong_doc}"' in junit and "GEN-REFS" in junit
    assert "GEN-REFS (kiểm tra chung)" in (out_dir / "github-annotations.txt").read_text(encoding="utf-8")
    text = (out_dir / "report.txt").read_text(encoding="utf-8")
    assert "Kiểm tra chung" in text and "GEN-REFS" in text.split("Kiểm tra chung", 1)[1]
    page = next(p for p in out_dir.glob("0*.html"))
    html = page.read_text(encoding="utf-8")
    assert html.index('class="general"') < html.index("GEN-REFS")


def test_a_pack_that_applies_runs_its_own_checks_not_the_general_ones_again(general: LoadedGeneral) -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    seed = next(seeds.glob("003_*.txt"))
    result = check_file(seed, load_packs(), general=general)
    assert result.status == "checked" and result.general == []
    assert any(f.id == "HP215-REFS" for f in result.findings)


def test_word_draft_gets_general_findings_as_comments(tmp_path: Path, decree: NationalEntry) -> None:
    """A drafter's Công văn in Word, no directive: the wrong date is a comment marked as a general check."""
    import docx
    from helpers_docs import make_docx

    when = decree.date.replace(year=decree.date.year + 1)
    text = CV_BO.format(decree=decree.number, decree_date=_vn(when))
    path = make_docx(tmp_path / "cong-van.docx", [ln for ln in text.splitlines() if ln.strip()])
    before = path.read_bytes()
    code, _ = _run(str(path), "--annotate", "--format", "json", "-o", str(tmp_path / "out"), "-j", "1")
    assert code == 0 and path.read_bytes() == before
    (comment,) = [c.text for c in docx.Document(str(tmp_path / "cong-van.checked.docx")).comments]
    assert comment.startswith("[kiểm tra chung]") and official_date(decree.date) in comment


def test_a_general_finding_can_be_waived(wrong_cv: Path, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - rule: GEN-REFS\n    plan: \"*cv-bo.txt\"\n"
                       "    reason: \"đã hỏi cơ quan ban hành\"\n    accepted_by: \"Nguyễn Văn A\"\n"
                       "    until: 2099-12-31\n", encoding="utf-8")
    args = [str(wrong_cv), "--format", "json", "-o", str(tmp_path / "out"), "--fail-on-general", "warning"]
    code, out = _run(*args, "--waivers", str(waivers))
    (f,) = json.loads(out)["plans"][0]["general"]
    assert (code, f["suppressed"]) == (0, "waiver")


def test_a_letter_cited_with_a_wrong_date(general: LoadedGeneral) -> None:
    """"Công văn số 10988/BNV-CQĐP": the issuer's code first, no type code; keyed with the year of its date."""
    shared = _shared_keys()
    e = next(e for e in _entries("consensus") if e.type == "Công văn" and e.province is None
             and shared[e.key] == 1 and registry_key(e.number))
    assert _cite(general, f"- Công văn số {e.number} ngày {_vn(e.date)} của {e.issuer}.") == []
    (f,) = _cite(general, f"- Công văn số {e.number} ngày {_vn(e.date + dt.timedelta(days=1))} của {e.issuer}.")
    assert (f.severity, f.source) == ("warning", e.source)
