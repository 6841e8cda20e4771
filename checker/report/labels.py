"""Words the reports use for severities, kinds and statuses, in Vietnamese and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.models import Finding

# formats whose lines the reader's editor shows and numbers: a table's cell is said at its line too
LINE_FORMATS = frozenset({"txt", "md"})

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "error": "lỗi", "warning": "cảnh báo", "info": "thông tin",
        "missing": "thiếu", "weaker": "yếu hơn", "inconsistent": "không thống nhất", "outdated": "lỗi thời",
        "incomplete": "chưa đầy đủ",
        "checked": "đã kiểm tra", "not-applicable": "không áp dụng", "unreadable": "không đọc được",
        "evidence": "trích", "expected": "yêu cầu", "actual": "thực tế", "line": "dòng", "source": "nguồn",
        "summary": "Tổng cộng: {plans} kế hoạch, {checked} đã kiểm tra; "
                   "{error} lỗi, {warning} cảnh báo, {info} thông tin",
        "no_findings": "không có phát hiện nào",
        "plan": "Kế hoạch", "unit": "Đơn vị", "status": "Trạng thái", "findings": "Phát hiện",
        "title": "Báo cáo kiểm tra kế hoạch",
        "directive": "Văn bản chỉ đạo", "reason": "Lý do", "notes": "Ghi chú", "back": "← Danh sách kế hoạch",
        "report_written": "Đã ghi báo cáo HTML: {path}",
        "whole_plan": "toàn văn bản", "footnote": "chú thích",
        "verdict": "Kết luận", "complies": "đạt", "revise": "cần sửa", "review": "cần xem lại",
        "general": "kiểm tra chung",
        "general_head": "Kiểm tra chung mọi văn bản hành chính (không tính vào kết luận theo văn bản chỉ đạo)",
        "general_summary": "kiểm tra chung: {error} lỗi, {warning} cảnh báo, {info} thông tin",
        "desk_overview": "Tổng quan", "expected_units": "đơn vị phải nộp", "submitted": "đã nộp kế hoạch",
        "not_submitted": "chưa nộp", "two_plans": "nộp hai bản", "matrix": "Ma trận đáp ứng",
        "matrix_help": "Mỗi hàng một đơn vị, mỗi cột một yêu cầu của văn bản chỉ đạo. Bấm tiêu đề cột để sắp xếp; "
                       "di chuột vào ô để xem yêu cầu và câu chữ của kế hoạch.",
        "meets": "đạt", "weaker_cell": "yếu hơn", "missing_cell": "thiếu", "not-judged": "chưa đánh giá",
        "filter_unit": "Lọc theo tên đơn vị", "filter_verdict": "Kết luận", "filter_item": "Thiếu/yếu ở mục",
        "all": "tất cả", "not_checked": "chưa kiểm tra được", "showing": "Đang hiện", "of": "trên",
        "sum_row": "Số đơn vị đạt", "chart": "Các yêu cầu hay bị thiếu hoặc yếu hơn nhất",
        "chart_none": "Không yêu cầu nào bị thiếu hay yếu hơn.", "units_word": "đơn vị",
        "chart_axis": "số đơn vị (trên {n} đơn vị đã nộp)",
        "missing_title": "Đơn vị chưa nộp kế hoạch", "missing_none": "Mọi đơn vị trong danh mục đã nộp kế hoạch.",
        "missing_note_na": "có tệp nhưng không phải kế hoạch thực hiện văn bản này",
        "unplaced_note": "Các tệp sau không xác định được đơn vị (có thể là của đơn vị chưa nộp):",
        "dups_title": "Đơn vị nộp hai bản",
        "dups_rule": "Bản có ngày ban hành muộn hơn được tính trong ma trận và bảng tổng hợp; bản kia vẫn có trang "
                     "riêng (trong danh sách tệp) và thư góp ý riêng.",
        "dups_kept": "được tính", "dups_other": "không tính", "dups_nodate": "không phân biệt được theo ngày: "
                                                                              "tính bản đọc sau cùng",
        "files_title": "Tệp đã nhận", "date": "Ngày", "code": "Mã", "round": "So với đợt trước",
        "fixed": "đã khắc phục", "new": "mới", "remaining": "còn lại", "round_none": "không có ở đợt trước",
        "legend_star": "* chỉ tiêu ghi \"phấn đấu\"", "not_in_registry": "không có trong danh mục đơn vị",
        "requirement": "Yêu cầu", "item": "Mục",
        "items_met": "Số yêu cầu đạt", "items_short": "Số yêu cầu thiếu/yếu",
        "dups_note": "nộp hai bản; không tính: {files}",
        "judged_row": "Số đơn vị được đánh giá", "where": "Vị trí", "kind": "Loại", "severity": "Mức độ",
        "rule": "Mã quy tắc", "message": "Nội dung", "unit_type": "Loại đơn vị",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "missing": "missing", "weaker": "weaker", "inconsistent": "inconsistent", "outdated": "outdated",
        "incomplete": "incomplete",
        "checked": "checked", "not-applicable": "not applicable", "unreadable": "unreadable",
        "evidence": "quote", "expected": "expected", "actual": "actual", "line": "line", "source": "source",
        "summary": "Total: {plans} plans, {checked} checked; {error} errors, {warning} warnings, {info} info",
        "no_findings": "no findings",
        "plan": "Plan", "unit": "Unit", "status": "Status", "findings": "Findings", "title": "Plan check report",
        "directive": "Directive", "reason": "Reason", "notes": "Notes", "back": "← All plans",
        "report_written": "HTML report written: {path}",
        "whole_plan": "whole plan", "footnote": "footnote",
        "verdict": "Verdict", "complies": "complies", "revise": "revise", "review": "review",
        "general": "general check",
        "general_head": "General checks of any administrative document (not part of the verdict on the directive)",
        "general_summary": "general checks: {error} errors, {warning} warnings, {info} info",
        "desk_overview": "Overview", "expected_units": "units expected", "submitted": "sent a plan",
        "not_submitted": "not sent", "two_plans": "sent two", "matrix": "Coverage matrix",
        "matrix_help": "One row per unit, one column per requirement of the directive. Click a column title to "
                       "sort; hover a cell for the requirement and the plan's words.",
        "meets": "meets", "weaker_cell": "weaker", "missing_cell": "missing", "not-judged": "not judged",
        "filter_unit": "Filter by unit name", "filter_verdict": "Verdict", "filter_item": "Missing/weaker in",
        "all": "all", "not_checked": "not checked", "showing": "Showing", "of": "of",
        "sum_row": "Units meeting", "chart": "Requirements most often missing or weaker",
        "chart_none": "No requirement is missing or weaker.", "units_word": "units",
        "chart_axis": "units (of the {n} that sent a plan)",
        "missing_title": "Units that sent no plan", "missing_none": "Every unit of the registry sent a plan.",
        "missing_note_na": "sent a file that does not implement this directive",
        "unplaced_note": "These files name no known unit (they may belong to units listed here):",
        "dups_title": "Units that sent two plans",
        "dups_rule": "The plan dated later counts in the matrix and the workbook; the others keep their page (in the "
                     "list of files) and their letter.",
        "dups_kept": "counts", "dups_other": "not counted",
        "dups_nodate": "dates do not tell: the file read last counts",
        "files_title": "Files received", "date": "Date", "code": "Code", "round": "Since the last round",
        "fixed": "fixed", "new": "new", "remaining": "remaining", "round_none": "not in the last round",
        "legend_star": "* target only aspired to", "not_in_registry": "not in the units registry",
        "requirement": "Requirement", "item": "Item",
        "items_met": "Requirements met", "items_short": "Requirements short",
        "dups_note": "sent two; not counted: {files}",
        "judged_row": "Units judged", "where": "Where", "kind": "Kind", "severity": "Severity",
        "rule": "Rule", "message": "Message", "unit_type": "Unit type",
    },
}


def label(key: str, lang: str = "vi") -> str:
    return LABELS.get(lang, LABELS["vi"]).get(key, key)


def where(f: Finding, fmt: str | None, lang: str = "vi") -> str:
    """Where a finding is, as the reader of the plan's file (of format ``fmt``) finds it: the one label every report
    shows (terminal, HTML, workbook, letter). A Word or OpenDocument file's paragraph, or table, row and cell; a
    text file's line, and a table cell's line before its table, row and cell ("dòng 42 (bảng 2, hàng 3, ô 2)"); a
    PDF's page; the whole plan when the finding has no line."""
    if f.location is not None:
        return f.location.describe(lang, lines=fmt in LINE_FORMATS)
    return f"{label('line', lang)} {f.line}" if f.line is not None else label("whole_plan", lang)


def summary_line(summary: dict[str, object], lang: str = "vi") -> str:
    counts = summary["findings"]
    assert isinstance(counts, dict)
    line = label("summary", lang).format(plans=summary["plans"], checked=summary["checked"], **counts)
    general = summary.get("general")
    if isinstance(general, dict) and any(general.values()):
        line += "; " + label("general_summary", lang).format(**general)
    return line
