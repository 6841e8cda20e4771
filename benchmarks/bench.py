"""Speed and memory of `check`, measured (never asserted): plans/s by format, peak memory as N grows, one plan
end to end with process start.

    python benchmarks/bench.py                 # default sizes
    python benchmarks/bench.py --sizes 50 200 800 --repeat 5

Plans are generated here from a template (random real unit names, figures, item order and filler text), so no
two are alike and the memo caches of the folding helpers are cleared before every plan ("cold").
Machines are shared and noisy: read medians and ratios, not single numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers_batch import FONT, write_plan  # noqa: E402  (the same .docx/.pdf writers as the tests)

FILLER = [
    "Tiếp tục rà soát, chuẩn hóa quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục hành chính",
    "Tăng cường kiểm tra, đôn đốc việc cập nhật dữ liệu vào các hệ thống thông tin dùng chung",
    "Hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử và các dịch vụ số thiết yếu",
    "Bố trí cán bộ phụ trách công nghệ thông tin tham gia các lớp bồi dưỡng chuyên sâu",
    "Tổ chức tuyên truyền trên hệ thống loa truyền thanh và trang thông tin điện tử",
    "Phối hợp với doanh nghiệp viễn thông nâng cấp đường truyền tại các tổ dân phố, thôn",
    "Sơ kết, đánh giá kết quả thực hiện và đề xuất giải pháp cho giai đoạn tiếp theo",
]


def make_plan(rng: random.Random, units: list[tuple[str, str]], k: int) -> str:
    """One plan in the usual form, with its own unit, figures, order and filler."""
    kind, name = rng.choice(units)
    upper = f"{kind} {name}".upper()
    targets = [
        f"{rng.choice([100, 100, 95])}% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
        f"{rng.choice(['Tối thiểu', 'Ít nhất', 'Phấn đấu'])} {rng.choice([70, 80, 85])}% hồ sơ thủ tục hành chính được "
        "xử lý trực tuyến toàn trình.",
        f"Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt {rng.choice([60, 75, 80])}% (trừ hồ sơ mật).",
        "100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên hệ thống thông tin báo cáo của thành phố.",
        "100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.",
        f"Mức độ hài lòng của người dân về giải quyết thủ tục hành chính đạt {rng.choice(['trên 90%', '90%', '95%'])}.",
        f"Tối thiểu {rng.choice([40, 50, 60])}% cán bộ, công chức, viên chức được tập huấn kỹ năng số.",
    ]
    rng.shuffle(targets)
    body = [f"- {t}" for t in targets]
    sections = ["Hạ tầng số", "Chính quyền số", "Dữ liệu số", "An toàn, an ninh thông tin mạng",
                "Đào tạo, tuyên truyền và phát triển nguồn nhân lực"]
    content: list[str] = []
    for n, title in enumerate(sections, 1):
        content.append(f"{n}. {title}")
        for _ in range(rng.randint(2, 6)):
            content.append(f"- {rng.choice(FILLER)} năm {rng.randint(2025, 2026)} (đợt {rng.randint(1, 99)}).")
    return "\n".join([
        f"ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"{upper}                              Độc lập - Tự do - Hạnh phúc",
        f"Số: {k}/KH-UBND                      {name}, ngày {rng.randint(26, 31)} tháng 8 năm 2025",
        "KẾ HOẠCH",
        f"Ứng dụng công nghệ thông tin và chuyển đổi số {kind.lower()} {name} 6 tháng cuối năm 2025",
        "",
        "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, "
        f"Ủy ban nhân dân {kind.lower()} {name} ban hành Kế hoạch như sau:",
        "I. MỤC TIÊU", "1. Mục tiêu cụ thể đến hết năm 2025", *body,
        "II. NỘI DUNG", *content,
        "III. GIẢI PHÁP", f"- {rng.choice(FILLER)}.",
        "IV. KINH PHÍ THỰC HIỆN", "- Từ ngân sách và các nguồn hợp pháp khác.",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa - Xã hội", "- Là đầu mối, chủ trì, tổng hợp, báo cáo.",
        "2. Phòng Kinh tế", "- Bố trí kinh phí.",
        "3. Công an", "- Bảo đảm an ninh mạng, an toàn thông tin.",
        "Nơi nhận:", "- UBND thành phố;", "- Lưu: VT, VHXH.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An", "",
    ])


def generate(folder: Path, n: int, fmt: str, seed: int = 7) -> list[Path]:
    from checker.rules.loader import load_packs

    reg = load_packs()[0].units
    assert reg is not None
    words = {"phuong": "Phường", "xa": "Xã", "dac_khu": "Đặc khu"}
    units = [(words[u.type], u.short_name) for u in reg.units]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        text = make_plan(rng, units, k + 1)
        out.append(write_plan(folder / f"plan{k:04d}.{fmt}", text))
    return out


def run_batch(folder: str) -> None:
    """Child process: check every plan in ``folder`` cold; print plans/s and peak RSS as JSON."""
    from checker import text as t
    from checker.pipeline import check_file, discover
    from checker.rules.loader import load_packs

    packs = load_packs()
    files = list(discover([Path(folder)]))
    start = time.perf_counter()
    findings = 0
    for f in files:
        for cached in (t.fold, t.squash, t._is_syllable):
            cached.cache_clear()
        findings += len(check_file(f, packs).findings)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"plans": len(files), "seconds": elapsed, "plans_per_s": len(files) / elapsed,
                      "peak_mb": peak_mb, "findings": findings}))


def child(folder: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    ap.add_argument("--formats", nargs="+", default=["txt", "docx", "pdf"])
    ap.add_argument("--format-size", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        run_batch(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print("## text plans: throughput and peak memory as N grows (median of runs)")
        for n in args.sizes:
            folder = root / f"txt{n}"
            generate(folder, n, "txt")
            runs = [child(folder) for _ in range(args.repeat)]
            print(f"N={n:5d}  {statistics.median(r['plans_per_s'] for r in runs):7.1f} plans/s  "
                  f"peak {statistics.median(r['peak_mb'] for r in runs):6.1f} MB")
        print("\n## by format (same generated plans)")
        base = None
        for fmt in args.formats:
            if fmt == "pdf" and not Path(FONT).exists():
                print("pdf: skipped (no DejaVu font; apt-get install fonts-dejavu-core)")
                continue
            folder = root / f"fmt-{fmt}"
            generate(folder, args.format_size, fmt)
            rate = statistics.median(child(folder)["plans_per_s"] for _ in range(args.repeat))
            base = base or rate
            print(f"{fmt:5s} {rate:7.1f} plans/s   ({base / rate:.2f}x the time of .txt)")
        print("\n## one plan end to end (`check plan.txt --format json`, process start included)")
        one = generate(root / "one", 1, "txt")[0]
        exe = [sys.executable, "-m", "checker", str(one), "--format", "json"]
        times = []
        for _ in range(max(5, args.repeat)):
            t0 = time.perf_counter()
            subprocess.run(exe, capture_output=True, cwd=root)
            times.append(time.perf_counter() - t0)
        print(f"median {statistics.median(times):.3f} s over {len(times)} runs (min {min(times):.3f} s)")


if __name__ == "__main__":
    main()
