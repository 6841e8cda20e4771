"""The rule pack schema: closed (unknown keys are errors), one model per rule type, discriminated on ``type``.

Every field carries a description and an example, shown by ``check rules schema`` (and by an editor that reads the
JSON Schema). ``match`` has one shape everywhere: a list of groups, ``[[a, b], [c]]`` meaning "(a or b) and c";
a flat list ``[a, b]`` is the same as one group ``[[a, b]]`` ("a or b"). Phrases are compared on folded text (no
case, no diacritics, OCR damage tolerated), so a reviewer writes them the way plans write them; a phrase with a
figure ("24 tiếng") matches only that figure, and ``"exact: hóa đơn điện tử"`` matches only those words.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from checker.models import Comparator, Severity, UnitType


def _as_groups(v: object) -> object:
    """A flat list of phrases is one group of alternatives: ``[a, b]`` → ``[[a, b]]``."""
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return [v]
    if isinstance(v, list) and any(isinstance(x, str) for x in v):
        alone = [x for x in v if isinstance(x, str)]
        raise ValueError(f"mixes groups and bare phrases: write every phrase inside a group, e.g. "
                         f"[[a, b], [c]] for '(a or b) and c'; here {alone[0]!r} becomes [{alone[0]!r}]")
    return v


Groups = Annotated[list[list[str]], BeforeValidator(_as_groups, json_schema_input_type=list[list[str]] | list[str])]


def F(description: str, example: object, default: Any = ..., **kw: Any) -> Any:  # noqa: N802
    """A field with its description and an example, for ``check rules schema``."""
    if isinstance(default, list | dict):
        value = default
        return Field(default_factory=lambda: type(value)(value), description=description, examples=[example], **kw)
    return Field(default, description=description, examples=[example], **kw)


class _Strict(BaseModel):
    # defer_build: the shipped files are built without validation (checker.rules.construct); the validator is
    # built only when a file is validated (a YAML file read, --rules)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class RuleBase(_Strict):
    id: str = F("Mã quy tắc, duy nhất trong bộ; hiện trong mọi phát hiện, miễn trừ và ca kiểm thử",
                "HP215-TGT-HOSO", pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    severity: Severity = F("Mức của phát hiện: error (làm lệnh thất bại), warning, info", "error", "error")
    message: str = F("Văn bản chỉ đạo yêu cầu gì, bằng tiếng Việt: là 'expected' của mọi phát hiện",
                     "Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình")
    label: str | None = F("Tên ngắn cho bảng (cột của ma trận bao phủ)", "Hồ sơ trực tuyến", None)
    message_en: str | None = F("Như message, bằng tiếng Anh (--lang en)", "At least 80% of dossiers fully online",
                               None)
    source: str | None = F("Yêu cầu lấy từ đâu (văn bản, mục, dòng), để người duyệt kiểm lại",
                           "KH 215/KH-UBND, mục II.2", None)
    enabled: bool = F("false: tạm tắt quy tắc mà không xoá", True, True)
    verified: bool = F("false: quy tắc do máy soạn (check rules draft) hoặc tái dựng, chưa đối chiếu văn bản gốc",
                       False, True)


class RequiredCitation(RuleBase):
    """The plan must cite the directive (number and date) as the document it implements."""

    type: Literal["required-citation"] = F("Kế hoạch phải viện dẫn văn bản chỉ đạo (số, ngày, cơ quan ban hành)",
                                          "required-citation")


TargetUnit = Literal["%", "giờ", "ngày", "VND", "count"]
UNIT_ALIASES = {"tiếng": "giờ", "gio": "giờ", "tieng": "giờ", "ngay": "ngày", "đồng": "VND", "VNĐ": "VND",
                "vnd": "VND", "số lượng": "count"}


class Target(RuleBase):
    """A quantified target the plan must carry at least as strongly as the directive."""

    type: Literal["target"] = F("Một chỉ tiêu định lượng (hoặc định tính khi value: null)", "target")
    match: Groups = F("Điều được đo: mỗi nhóm phải có mặt trong câu chỉ tiêu (một cụm trong nhóm là đủ)",
                      [["hồ sơ"], ["thủ tục hành chính", "TTHC"], ["trực tuyến"]])
    exclude: Groups = F("Câu có đủ một nhóm này là chỉ tiêu khác, không phải chỉ tiêu này", [["hồ sơ công việc"]],
                        [])
    scope: Groups = F("Phạm vi: thiếu một nhóm này thì chỉ tiêu hẹp hơn (cảnh báo)", [["toàn trình"]], [])
    allowed_exclusions: list[str] = F("Các loại trừ '(trừ …)' mà chính văn bản chỉ đạo cho phép; loại trừ khác bị "
                                      "báo là thu hẹp phạm vi", ["bí mật nhà nước"], [])
    comparator: Comparator = F("So sánh: >= (tối thiểu), > (trên), = (đạt), <= (tối đa), < (dưới), ~ (khoảng). "
                               "<= và < là mức tối đa: kế hoạch được đặt thấp hơn, không được cao hơn", ">=", ">=")
    value: float | None = F("Con số của văn bản chỉ đạo; null: chỉ tiêu định tính, chỉ cần có mặt", 80, None)
    unit: TargetUnit = F("Đơn vị: % | giờ (cả 'tiếng') | ngày | VND (cả 'đồng') | count (số lớp, cuộc, ...)",
                         "%", "%")
    severity_missing: Severity | None = F("Mức khi kế hoạch thiếu hẳn chỉ tiêu (mặc định: severity)", "warning",
                                          None)

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_alias(cls, v: object) -> object:
        return UNIT_ALIASES.get(v, v) if isinstance(v, str) else v


class RequiredSection(RuleBase):
    """A content part that must be a heading of the plan, or clearly present in its text."""

    type: Literal["required-section"] = F("Một phần nội dung phải có", "required-section")
    match: Groups = F("Tên đề mục: mỗi nhóm phải có trong tiêu đề (một cụm trong nhóm là đủ)",
                      [["hạ tầng số", "hạ tầng kỹ thuật"]])
    body_match: Groups = F("Hoặc: các nhóm này cùng có trong một đoạn của nội dung",
                           [["hội nghị truyền hình", "mạng truyền số liệu"]], [])
    kinds: Groups = F("Hoặc: các điểm của một phần (đề mục con, ý đầu dòng) nêu ít nhất `kinds_min` loại trong các "
                      "nhóm này, dù phần mang tên khác", [["về tài chính"], ["về tổ chức", "về triển khai"]], [])
    kinds_min: int = F("Số loại tối thiểu của `kinds`", 2, 2, ge=1)


class RequiredUnit(RuleBase):
    """A unit that must be assigned work under Tổ chức thực hiện, with its role."""

    type: Literal["required-unit"] = F("Một đơn vị phải được phân công ở phần Tổ chức thực hiện", "required-unit")
    match: Groups = F("Tên đơn vị: mỗi nhóm phải có trong tên (một cụm trong nhóm là đủ)", [["công an"]])
    roles: list[str] = F("Vai trò: một trong các cụm này phải có trong nhiệm vụ được giao", ["an ninh mạng"], [])
    role_severity: Severity = F("Mức khi đơn vị có tên nhưng thiếu vai trò", "warning", "warning")


class SectionNumbering(RuleBase):
    """Headings of one level numbered without gaps or repeats."""

    type: Literal["section-numbering"] = F("Đề mục đánh số liên tục", "section-numbering")
    ocr_severity: Severity | None = F("Mức thay thế khi văn bản qua nhận dạng ký tự (OCR): số La Mã, chữ số có thể bị "
                                      "đọc sai (III thành II)", "info", None)


class PlanDate(RuleBase):
    """The plan is not dated before the directive it implements."""

    type: Literal["plan-date"] = F("Kế hoạch không ghi ngày trước văn bản chỉ đạo", "plan-date")


class UnitNames(RuleBase):
    """The issuing unit exists in the units registry; no other current unit is named as the plan's own."""

    type: Literal["unit-names"] = F("Tên đơn vị trong nội dung thống nhất với đơn vị ban hành", "unit-names")
    own_context: list[str] = F("Từ đứng trước tên đơn vị khiến nó là 'của mình' (dạng bỏ dấu)", ["tren dia ban"],
                               ["tren dia ban", "cua", "uy ban nhan dan", "ubnd"])
    neighbour_context: list[str] = F("Từ khiến tên đơn vị khác là láng giềng, không phải lỗi (dạng bỏ dấu)",
                                     ["giap ranh"],
                                     ["phoi hop", "giap ranh", "lien ket", "cac phuong", "cac xa", "voi"])
    neighbour_not: list[str] = F("Cụm có chứa từ láng giềng nhưng không nói đơn vị kia là láng giềng: tên đơn vị "
                                 "sau nó vẫn phải là đơn vị của kế hoạch (dạng bỏ dấu)", ["phu hop voi"], [])
    compared_context: list[str] = F("Từ đứng trước tên đơn vị khác trong câu khiến nó là đơn vị được so sánh với "
                                    "(dạng bỏ dấu)", [], ["so voi", "so sanh"])
    addressee_context: list[str] = F("Lời mở đầu ngoặc đơn ngay sau tên đơn vị khác nói gửi để làm gì, khiến nó là "
                                     "nơi nhận, không phải đơn vị của kế hoạch (dạng bỏ dấu)", ["de phoi hop"],
                                     ["de phoi hop", "phoi hop", "p h", "de p h", "de biet"])


class OutdatedBodies(RuleBase):
    """Bodies that no longer exist (registry ``bodies``), named as live actors."""

    type: Literal["outdated-bodies"] = F("Cơ quan không còn tồn tại (danh mục bodies)", "outdated-bodies")


class LegalReferences(RuleBase):
    """Citations compared with the legal reference registry: date, issuer, status."""

    type: Literal["legal-references"] = F("Văn bản viện dẫn so với danh mục: ngày, cơ quan, hiệu lực",
                                         "legal-references")
    unknown_severity: Severity | None = F("Mức cho văn bản không có trong danh mục nào; null: im lặng (info khi "
                                          "--strict)", "info", "info")
    other_year_severity: Severity = F("Mức khi số hiệu chỉ có trong danh mục ở năm khác (cùng ngày, tháng)", "info",
                                      "info")


# signature: the authority mark (TM./KT.), the signer's position and name; signer: the position and the name only
# (a head signing in their own right writes no mark: any document's form, where the issuer's kind is not known)
FormPart = Literal["motto", "issuer", "number", "date", "doc-type", "title", "signature", "signer", "recipients",
                   "archive"]
DEFAULT_FORM_PARTS: tuple[FormPart, ...] = ("motto", "issuer", "number", "date", "doc-type", "signature", "recipients")
ALL_UNIT_TYPES: tuple[UnitType, ...] = ("phuong", "xa", "dac_khu")


class DocumentForm(RuleBase):
    """The parts of a Kế hoạch's form (NĐ 30/2020, Điều 8): header, number, date, title, signature, Nơi nhận."""

    type: Literal["document-form"] = F("Thể thức văn bản (NĐ 30/2020, Điều 8)", "document-form")
    symbol: str = F("Ký hiệu văn bản mong đợi; \"\": ký hiệu nào cũng được", "KH-UBND", "KH-UBND")
    require: list[FormPart] = F("Các thành phần thể thức phải có", ["motto", "signature"], list(DEFAULT_FORM_PARTS))
    ocr_severity: Severity | None = F("Mức thay thế khi văn bản qua nhận dạng ký tự (OCR, mất dấu hay trang ảnh quét): "
                                      "thành phần có thể mất hay bị đọc sai khi nhận dạng",
                                      "info", None)
    issuers: list[str] = F("Chỉ văn bản có cơ quan ban hành (tiêu đề) nêu một trong các cụm này",
                           ["ủy ban nhân dân"], [])


Rule = Annotated[
    RequiredCitation | Target | RequiredSection | RequiredUnit | SectionNumbering | PlanDate | UnitNames
    | OutdatedBodies | LegalReferences | DocumentForm,
    Field(discriminator="type"),
]


class Directive(_Strict):
    """The directive the pack encodes: a plan is routed to the pack whose directive it cites."""

    number: str = F("Số, ký hiệu", "215/KH-UBND")
    date: dt.date = F("Ngày ban hành (YYYY-MM-DD)", "2025-08-25")
    issuer: str = F("Cơ quan ban hành: viện dẫn đúng số nhưng cơ quan khác là văn bản khác", "UBND thành phố Hải Phòng")
    title: str = F("Trích yếu", "Ứng dụng CNTT và chuyển đổi số 6 tháng cuối năm 2025")
    short: str | None = F("Tên ngắn, dùng được với --directive", "KH 215/KH-UBND", None)
    deadline: dt.date | None = F("Hạn các chỉ tiêu (YYYY-MM-DD): chỉ tiêu kế hoạch đặt cho mốc sau hạn này là yếu hơn",
                                 "2025-12-31", None)


class AppliesTo(_Strict):
    """Scope: decides only for a plan that cites no directive of its own (city, and period and subject in its title
    or opening); such a plan is checked and flagged for not citing the directive."""

    city: str = F("Thành phố, tỉnh", "Hải Phòng")
    units: str | None = F("Danh mục đơn vị hành chính: cạnh bộ quy tắc, trong thư mục 'registries', hoặc của công cụ",
                          "units/haiphong.yaml", None)
    unit_types: list[UnitType] = F("Loại đơn vị áp dụng: phuong, xa, dac_khu", ["phuong", "xa"], list(ALL_UNIT_TYPES))
    period: list[str] = F("Cách viết kỳ kế hoạch (một cụm là đủ)", ["6 tháng cuối năm 2025"], [])
    subject: Groups = F("Chủ đề: mỗi nhóm phải có", [["chuyển đổi số", "công nghệ thông tin"]], [])


class RulePack(_Strict):
    """A rule pack: one directive and what a plan implementing it must contain."""

    pack: str = F("Mã bộ quy tắc (thư mục ca kiểm thử: tests/<mã>/)", "215-KH-UBND")
    version: int = F("Phiên bản của bộ", 1, 1)
    priority: int = F("Khi nhiều bộ cùng phù hợp với một kế hoạch không viện dẫn: bộ có priority cao hơn được chọn", 0,
                      0)
    directive: Directive = F("Văn bản chỉ đạo", {"number": "215/KH-UBND", "date": "2025-08-25",
                                               "issuer": "UBND thành phố Hải Phòng", "title": "…"})
    applies_to: AppliesTo = F("Phạm vi áp dụng", {"city": "Hải Phòng", "units": "units/haiphong.yaml"})
    registries: str | None = F("Thư mục danh mục dùng chung (tương đối với bộ), tìm sau thư mục của bộ",
                               "../registries", None)
    references: str | None = F("Danh mục văn bản pháp luật", "references.yaml", None)
    national: list[str] = F("Các danh mục văn bản quốc gia nhập từ nguồn khác", ["national/consensus.yaml"], [])
    bodies: str | None = F("Danh mục cơ quan không còn tồn tại", "bodies.yaml", None)
    source: str | None = F("Bộ quy tắc dựng từ đâu", "KH 215/KH-UBND (bản ký)", None)
    target_sections: list[str] = F("Tên các phần chứa chỉ tiêu (chỉ tiêu ở đó được ưu tiên)", ["mục tiêu"],
                                   ["muc tieu"])
    rules: list[Rule] = F("Các quy tắc", [{"id": "HP215-CITE", "type": "required-citation", "message": "…"}])

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"duplicate rule id {r.id!r}")
            seen.add(r.id)
        return rules


GeneralRule = Annotated[LegalReferences | OutdatedBodies | DocumentForm, Field(discriminator="type")]


class GeneralPack(_Strict):
    """Checks for any Vietnamese administrative document, whatever directive it implements (rules/general.yaml)."""

    general: str
    version: int = 1
    source: str | None = None
    references: str | None = None
    national: list[str] = Field(default_factory=list)
    bodies: str | None = None
    rules: list[GeneralRule]
