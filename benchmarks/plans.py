"""Plans of real length for the benchmark: 400-950 lines each, generated, never copied.

Each plan is composed from the registries (its unit from the units registry, its legal bases from the references
registry, now and then a body that no longer exists from the bodies registry) and from phrase banks combined at
random (verb x object x purpose x time x who), so no two plans share their wording. Like real extracted text, a
plan comes in one of three forms: clean Unicode wrapped at 65-90 characters, the same with a blank line between
lines (Word "space after" flattened), or OCR that lost its diacritics with the usual confusions (so → s6).
Some plans carry defects a reviewer would find (a lower target, a defunct office named as an actor, no citation
of the directive), in the proportion a real batch has them.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

VERBS = ["Triển khai", "Tiếp tục triển khai", "Đẩy mạnh", "Tăng cường", "Nâng cao hiệu quả", "Rà soát, hoàn thiện",
         "Duy trì, vận hành", "Tổ chức thực hiện", "Chủ động", "Thường xuyên", "Kiện toàn", "Đôn đốc, kiểm tra",
         "Nghiên cứu, đề xuất", "Hướng dẫn", "Phối hợp thực hiện", "Củng cố", "Quán triệt", "Khai thác, sử dụng",
         "Xây dựng, cập nhật", "Chuẩn hóa"]
OBJECTS = [
    "hệ thống quản lý văn bản và điều hành", "cổng dịch vụ công trực tuyến của thành phố",
    "hệ thống thông tin giải quyết thủ tục hành chính", "chữ ký số chuyên dùng cho cán bộ, công chức",
    "kho dữ liệu dùng chung của phường", "cơ sở dữ liệu dân cư và căn cước", "mạng truyền số liệu chuyên dùng",
    "hệ thống hội nghị truyền hình trực tuyến", "trang thông tin điện tử của đơn vị", "ứng dụng VNeID mức độ 2",
    "nền tảng số dùng chung", "thanh toán không dùng tiền mặt trong dịch vụ công",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "tổ công nghệ số cộng đồng ở tổ dân phố, thôn",
    "hạ tầng mạng băng rộng cố định và di động", "camera giám sát an ninh trật tự",
    "phương án bảo đảm an toàn thông tin theo cấp độ", "sao lưu dữ liệu định kỳ", "phần mềm phòng chống mã độc",
    "dịch vụ công trực tuyến toàn trình", "hồ sơ công việc trên môi trường mạng", "chế độ báo cáo điện tử",
    "kỹ năng số cho cán bộ, công chức, viên chức", "bình dân học vụ số cho người dân",
    "sàn thương mại điện tử cho sản phẩm địa phương", "dữ liệu đất đai, hộ tịch, y tế, giáo dục",
    "bộ phận tiếp nhận và trả kết quả", "thiết bị đầu cuối cho bộ phận một cửa", "tài khoản định danh điện tử",
    "tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh",
]
PURPOSES = [
    "bảo đảm thông suốt, an toàn, hiệu quả", "đáp ứng yêu cầu chỉ đạo, điều hành",
    "phục vụ người dân và doanh nghiệp tốt hơn", "giảm thời gian, chi phí thực hiện thủ tục hành chính",
    "theo đúng hướng dẫn của cơ quan chuyên môn", "tránh tình trạng nhập liệu nhiều lần",
    "bảo đảm dữ liệu đúng, đủ, sạch, sống", "nâng cao chỉ số chuyển đổi số của đơn vị",
    "góp phần hoàn thành các mục tiêu của thành phố", "phù hợp với điều kiện thực tế của địa phương",
    "gắn với cải cách hành chính", "kịp thời phát hiện, xử lý sự cố",
]
TIMES = ["trong quý IV năm 2025", "trước ngày 15/12/2025", "thường xuyên trong năm", "hằng tháng",
         "định kỳ hằng quý", "trước ngày 30/11/2025", "trong tháng 10/2025", "đến hết năm 2025"]
SECTIONS = ["Phát triển hạ tầng số", "Phát triển chính quyền số", "Phát triển dữ liệu số",
            "Bảo đảm an toàn, an ninh thông tin mạng", "Phát triển kinh tế số", "Phát triển xã hội số",
            "Phát triển nguồn nhân lực số", "Công tác thông tin, tuyên truyền", "Cải cách thủ tục hành chính",
            "Ứng dụng công nghệ thông tin trong chỉ đạo, điều hành"]
OFFICES = {  # office → what it is charged with (besides generic tasks)
    "Phòng Văn hóa - Xã hội": ["Là cơ quan đầu mối, chủ trì, tham mưu {unit} triển khai Kế hoạch",
                               "Theo dõi, kiểm tra, tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân"],
    "Phòng Kinh tế": ["Tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách được giao"],
    "Công an": ["Bảo đảm an ninh mạng, an toàn thông tin trên địa bàn, phối hợp xử lý sự cố",
                "Đẩy mạnh cấp và kích hoạt tài khoản định danh điện tử cho người dân"],
    "Văn phòng HĐND và UBND": ["Quản lý, vận hành hệ thống quản lý văn bản và điều hành, hội nghị trực tuyến"],
    "Trung tâm Phục vụ hành chính công": ["Hướng dẫn người dân nộp hồ sơ thủ tục hành chính qua dịch vụ công "
                                          "trực tuyến"],
    "Ban Chỉ huy Quân sự": [], "Các trường học trên địa bàn": [], "Trạm Y tế": [],
    "Mặt trận Tổ quốc và các đoàn thể": ["Tuyên truyền, vận động đoàn viên, hội viên tham gia chuyển đổi số"],
}
CORE = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an"]
TARGETS = [  # (wording, the directive's figure, how low a defective plan writes it)
    ("{v}% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình", 100, 90),
    ("{q} {v}% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", 80, 70),
    ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt {v}% (trừ hồ sơ thuộc phạm vi bí mật nhà nước)",
     75, 60),
    ("{v}% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên hệ thống thông tin báo cáo "
     "của thành phố", 100, 90),
    ("{v}% kết quả giải quyết thủ tục hành chính được số hóa", 100, 85),
    ("Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt {q2} {v}%", 90, 80),
    ("{q} {v}% cán bộ, công chức được bồi dưỡng, tập huấn kỹ năng số", 50, 40),
    ("Trên {v}% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)", 90, 80),
]
OCR = str.maketrans({"đ": "d", "Đ": "P"})


def _fold(text: str) -> str:
    """Diacritics dropped as OCR of a scan drops them, with its usual confusions."""
    out = "".join(c for c in unicodedata.normalize("NFD", text.translate(OCR)) if unicodedata.category(c) != "Mn")
    return out.replace(" số ", " s6 ").replace("của", "ctia")


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping at spaces (what a PDF or Word extraction leaves)."""
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return out + [line] if line else out


def _sentence(rng: random.Random, unit: str) -> str:
    parts = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"]
    if rng.random() < 0.7:
        parts.append(rng.choice(PURPOSES))
    if rng.random() < 0.4:
        parts.append(f"trên địa bàn {unit}")
    if rng.random() < 0.5:
        parts.append(rng.choice(TIMES))
    return ", ".join(parts) + "."


def _citation(rng: random.Random, doc: dict[str, str], lead: str = "") -> str:
    d, m, y = doc["date"].split("-")[2], doc["date"].split("-")[1], doc["date"].split("-")[0]
    date = rng.choice([f"ngày {int(d)}/{int(m)}/{y}", f"ngày {d}/{m}/{y}", f"ngày {int(d)} tháng {int(m)} năm {y}"])
    return f"{lead}{doc['type']} số {doc['number']} {date} của {doc['issuer']} {doc['title']}"


def make_plan(rng: random.Random, units: list[tuple[str, str]], docs: list[dict[str, str]],
              defunct: list[str], k: int) -> str:
    kind, name = rng.choice(units)
    unit = f"{kind.lower()} {name}"
    defective = rng.random() < 0.3
    lines = ["ỦY BAN NHÂN DÂN", f"{kind} {name}".upper(), f"Số: {k}/KH-UBND",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"{name}, ngày {rng.randint(26, 31)} tháng 8 năm 2025", "", "KẾ HOẠCH",
             rng.choice(["Ứng dụng công nghệ thông tin và chuyển đổi số", "Ứng dụng CNTT, chuyển đổi số"])
             + f" trong hoạt động của cơ quan nhà nước {unit} 6 tháng cuối năm 2025", ""]
    paras: list[tuple[str, bool]] = []  # (text, is a heading)
    directive = "Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng"
    if not (defective and rng.random() < 0.2):
        paras.append((f"Thực hiện {directive} về ứng dụng công nghệ thông tin và chuyển đổi số trong các cơ quan "
                      f"nhà nước thành phố 6 tháng cuối năm 2025, Ủy ban nhân dân {unit} ban hành Kế hoạch "
                      "thực hiện như sau:", False))
    paras.append(("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", True))
    for doc in rng.sample(docs, min(len(docs), rng.randint(8, 16))):
        paras.append((_citation(rng, doc, "- ") + ";", False))
    paras.append(("II. MỤC ĐÍCH, YÊU CẦU", True))
    for n in range(rng.randint(3, 6)):
        paras.append((f"{n + 1}. {_sentence(rng, unit)} {_sentence(rng, unit)}", False))
    paras.append(("III. MỤC TIÊU", True))
    paras.append(("1. Mục tiêu chung", True))
    paras.append((_sentence(rng, unit) + " " + _sentence(rng, unit), False))
    paras.append(("2. Mục tiêu cụ thể đến hết năm 2025", True))
    targets = rng.sample(TARGETS, len(TARGETS))
    low = rng.randrange(len(targets)) if defective else -1
    for j, (wording, value, weak) in enumerate(targets):
        words = wording.format(v=weak if j == low else value, q=rng.choice(["Tối thiểu", "Ít nhất", "Đạt"]),
                               q2=rng.choice(["trên", "tối thiểu", "từ"]))
        paras.append(("- " + words + ".", False))
    paras.append(("IV. NHIỆM VỤ VÀ GIẢI PHÁP", True))
    tail: list[tuple[str, bool]] = []
    tail.append(("V. KINH PHÍ THỰC HIỆN", True))
    tail.append(("Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước theo phân cấp và các nguồn "
                  "huy động hợp pháp khác theo quy định.", False))
    tail.append(("VI. TỔ CHỨC THỰC HIỆN", True))
    others = [o for o in OFFICES if o not in CORE]
    offices = CORE + rng.sample(others, rng.randint(2, len(others)))
    if defective and defunct and rng.random() < 0.6:
        offices[rng.randrange(len(offices))] = rng.choice(defunct)
    for n, office in enumerate(offices, 1):
        duties = [d.format(unit=unit) for d in OFFICES.get(office, [])]
        title = "Phòng Kinh tế, Hạ tầng và Đô thị" if office == "Phòng Kinh tế" and kind == "Phường" else office
        tail.append((f"{n}. {title}", True))
        for text in duties + [_sentence(rng, unit) for _ in range(rng.randint(1, 4))]:
            tail.append(("- " + text.rstrip(".") + ".", False))
    tail.append((f"Trên đây là Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số của {unit} 6 tháng cuối "
                  "năm 2025; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Ủy ban "
                  f"nhân dân {unit} (qua Phòng Văn hóa - Xã hội) để xem xét, giải quyết./.", False))
    width = rng.randint(65, 90)
    blank = rng.random() < 0.2  # a blank line after every line, as a flattened Word file gives
    fixed = len(lines) + 12 + sum(len(_wrap(t, width)) for t, _ in paras + tail)
    goal = rng.randint(400, 930) // (2 if blank else 1) - fixed  # lines left for the tasks
    sections: list[list[str]] = [[f"{s}. {title}"] for s, title in
                                 enumerate(rng.sample(SECTIONS, rng.randint(7, len(SECTIONS))), 1)]
    used = 0
    numbered = [rng.random() < 0.4 for _ in sections]  # a section numbers its tasks (4.1, 4.2) or bullets them
    bullet = rng.choice(["- ", "+ ", "• "])
    while used < goal:
        s = rng.randrange(len(sections))
        text = " ".join(_sentence(rng, unit) for _ in range(rng.randint(1, 3)))
        sections[s].append((f"{s + 1}.{len(sections[s])}. " if numbered[s] else bullet) + text)
        used += len(_wrap(text, width))
    for sec in sections:
        paras.append((sec[0], True))
        paras.extend((t, False) for t in sec[1:])
    paras += tail
    for text, heading in paras:
        lines.extend([text] if heading else _wrap(text, width))
    lines += ["", "Nơi nhận:", "- UBND thành phố;", "- Sở Khoa học và Công nghệ;", "- Đảng ủy, HĐND " + unit + ";",
              "- Lưu: VT, VHXH.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", rng.choice(["Nguyễn Văn An",
              "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"])]
    if blank:
        lines = [x for ln in lines for x in (ln, "")]
    elif rng.random() < 0.2:  # a scan read by OCR without diacritics
        lines = [_fold(ln) for ln in lines]
    return "\n".join(lines) + "\n"


def registries() -> tuple[list[tuple[str, str]], list[dict[str, str]], list[str]]:
    from checker.rules.loader import DEFAULT_RULES, load_packs

    pack = next(lp for lp in load_packs(DEFAULT_RULES) if lp.units is not None)
    assert pack.units is not None and pack.references is not None
    words = {"phuong": "Phường", "xa": "Xã", "dac_khu": "Đặc khu"}
    units = [(words[u.type], u.short_name) for u in pack.units.units]
    docs = [{"number": d.number, "type": d.type, "issuer": d.issuer, "date": d.date.isoformat(), "title": d.title}
            for d in pack.references.docs if d.status != "superseded" and d.date.isoformat() < "2025-08-25"]
    defunct = [n for b in (pack.bodies.bodies if pack.bodies else []) if b.kind == "office" for n in b.names
               if n[:1].isupper()]
    return units, docs, defunct


def generate(folder: Path, n: int, seed: int = 215) -> list[Path]:
    """``n`` plans in ``folder`` (kept if already there: generation is deterministic for a seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    units, docs, defunct = registries()
    out = []
    for k in range(n):
        path = folder / f"ke-hoach-{k:04d}.txt"
        if not path.exists():  # each plan from its own seed: a folder can be grown, never changed
            path.write_text(make_plan(random.Random(f"{seed}-{k}"), units, docs, defunct, k + 1), encoding="utf-8")
        out.append(path)
    return out
