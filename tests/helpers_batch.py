"""A city's batch made at test (or benchmark) time: one plan per unit of the registry, some compliant, some with
defects a reviewer must send back, in several formats. Our own wording, not the seeds'."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = {"phuong": "Phường", "xa": "Xã", "dac_khu": "Đặc khu"}

FILLER = [
    "Rà soát, chuẩn hóa quy trình điện tử trong giải quyết thủ tục hành chính",
    "Kiểm tra, đôn đốc việc cập nhật dữ liệu vào các hệ thống thông tin dùng chung của thành phố",
    "Hướng dẫn người dân sử dụng ứng dụng định danh điện tử và các dịch vụ số thiết yếu",
    "Cử cán bộ phụ trách công nghệ thông tin tham gia lớp bồi dưỡng chuyên sâu",
    "Tổ chức sơ kết, đánh giá kết quả thực hiện và đề xuất nhiệm vụ tiếp theo",
]

# the defects a generated plan may carry: each one is something the checker must report
DEFECTS = ("low-hoso", "hedged-hoso", "no-kynangso", "low-hscv", "no-giaiphap", "no-congan", "sotttt", "hailong-90")


@dataclass(frozen=True)
class Generated:
    path: Path
    unit: str
    defects: tuple[str, ...]


def plan_text(unit_type: str, short_name: str, number: int, day: int, defects: tuple[str, ...] = ()) -> str:
    """A plan of ``unit_type`` ``short_name`` implementing 215, complete unless ``defects`` says otherwise."""
    kind = WORDS[unit_type]
    hoso = "Tối thiểu 70%" if "low-hoso" in defects else "Tối thiểu 85%"
    hoso = "Phấn đấu 80%" if "hedged-hoso" in defects else hoso
    targets = [
        "100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
        f"{hoso} hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt "
        f"{60 if 'low-hscv' in defects else 80}% (trừ hồ sơ thuộc phạm vi bí mật nhà nước).",
        "100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên hệ thống thông tin báo cáo của "
        "thành phố.",
        "100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.",
        "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt "
        f"{'90%' if 'hailong-90' in defects else 'trên 90%'}.",
        "Trên 90% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).",
        "100% hệ thống thông tin được thực hiện phương án bảo đảm an toàn thông tin theo cấp độ.",
    ]
    if "no-kynangso" not in defects:
        targets.append("Tối thiểu 60% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số.")
    rng = random.Random(number)
    rng.shuffle(targets)
    sections = ["Hạ tầng số", "Phát triển Chính quyền số", "Phát triển dữ liệu số",
                "Bảo đảm an toàn, an ninh thông tin mạng", "Đào tạo, tuyên truyền, phát triển nguồn nhân lực"]
    content: list[str] = []
    for n, title in enumerate(sections, 1):
        content.append(f"{n}. {title}")
        content += [f"- {rng.choice(FILLER)} (đợt {rng.randint(1, 9)})." for _ in range(2)]
    units = ["1. Phòng Văn hóa - Xã hội", "- Là cơ quan đầu mối, chủ trì tham mưu, tổng hợp, báo cáo kết quả.",
             "2. " + ("Phòng Kinh tế, Hạ tầng và Đô thị" if unit_type == "phuong" else "Phòng Kinh tế"),
             "- Tham mưu bố trí kinh phí thực hiện từ ngân sách.",
             "3. Văn phòng HĐND và UBND", "- Quản lý văn bản, điều hành tác nghiệp; cập nhật cổng thông tin điện tử.",
             "4. Trung tâm Phục vụ hành chính công",
             "- Tiếp nhận, giải quyết hồ sơ thủ tục hành chính qua dịch vụ công."]
    if "no-congan" not in defects:
        units += ["5. Công an " + kind.lower(), "- Bảo đảm an ninh mạng, an toàn thông tin trên địa bàn."]
    if "sotttt" in defects:
        units += ["6. Đề nghị Sở Thông tin và Truyền thông", "- Hướng dẫn chuyên môn về chuyển đổi số."]
    return "\n".join([
        "ỦY BAN NHÂN DÂN", f"{kind.upper()} {short_name.upper()}",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        f"Số: {number}/KH-UBND", f"{short_name}, ngày {day:02d} tháng 9 năm 2025",
        "KẾ HOẠCH",
        f"Ứng dụng công nghệ thông tin và chuyển đổi số {kind.lower()} {short_name} 6 tháng cuối năm 2025",
        "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng, "
        f"Ủy ban nhân dân {kind.lower()} {short_name} ban hành Kế hoạch như sau:",
        "I. MỤC TIÊU", "1. Mục tiêu chung", "- Đẩy mạnh chuyển đổi số trong hoạt động của cơ quan nhà nước.",
        "2. Mục tiêu cụ thể đến hết năm 2025", *[f"- {t}" for t in targets],
        "II. NHIỆM VỤ", *content,
        *([] if "no-giaiphap" in defects else ["III. GIẢI PHÁP", f"- {rng.choice(FILLER)}."]),
        "IV. KINH PHÍ THỰC HIỆN", "- Kinh phí từ ngân sách nhà nước và các nguồn hợp pháp khác.",
        "V. TỔ CHỨC THỰC HIỆN", *units,
        "Nơi nhận:", "- UBND thành phố;", "- Lưu: VT, VHXH.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình", "",
    ])


def write_plan(path: Path, text: str) -> Path:
    """``text`` as a .txt, .md, .docx or .pdf file (by the suffix of ``path``)."""
    if path.suffix in (".txt", ".md"):
        path.write_text(text, encoding="utf-8")
    elif path.suffix == ".docx":
        import docx

        d = docx.Document()
        for line in text.splitlines():
            d.add_paragraph(line)
        d.save(str(path))
    elif path.suffix == ".pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.add_font("DejaVu", "", FONT)
        pdf.set_font("DejaVu", size=10)
        for line in text.splitlines():
            pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))
    else:
        raise ValueError(path.suffix)
    return path


def city_batch(folder: Path, units: list[tuple[str, str, str]], seed: int = 12,
               formats: tuple[str, ...] = ("txt", "docx", "pdf", "md"),
               compliant_share: float = 0.4) -> list[Generated]:
    """One plan per unit ``(name, type, short_name)``: about ``compliant_share`` of them compliant, the others with
    one to three defects; formats in turn (pdf only where the DejaVu font is installed)."""
    rng = random.Random(seed)
    usable = [f for f in formats if f != "pdf" or Path(FONT).exists()]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k, (name, unit_type, short_name) in enumerate(units):
        defects: tuple[str, ...] = ()
        if rng.random() >= compliant_share:
            defects = tuple(sorted(rng.sample(DEFECTS, rng.randint(1, 3))))
        fmt = usable[k % len(usable)]
        day = 1 + k % 28
        text = plan_text(unit_type, short_name, k + 1, day, defects)
        path = write_plan(folder / f"{k + 1:03d}-{unit_type}-{k + 1}.{fmt}", text)
        out.append(Generated(path, name, defects))
    return out


def registry_units() -> list[tuple[str, str, str]]:
    from checker.rules.loader import load_packs

    reg = load_packs()[0].units
    assert reg is not None
    return [(u.name, u.type, u.short_name) for u in reg.units]


def day(d: int) -> dt.date:
    return dt.date(2025, 9, d)
