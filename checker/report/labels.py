"""Words the reports use for severities, kinds and statuses, in Vietnamese and English."""

from __future__ import annotations

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
        "whole_plan": "toàn văn bản",
        "verdict": "Kết luận", "complies": "đạt", "revise": "cần sửa",
        "general": "kiểm tra chung",
        "general_head": "Kiểm tra chung mọi văn bản hành chính (không tính vào kết luận theo văn bản chỉ đạo)",
        "general_summary": "kiểm tra chung: {error} lỗi, {warning} cảnh báo, {info} thông tin",
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
        "whole_plan": "whole plan",
        "verdict": "Verdict", "complies": "complies", "revise": "revise",
        "general": "general check",
        "general_head": "General checks of any administrative document (not part of the verdict on the directive)",
        "general_summary": "general checks: {error} errors, {warning} warnings, {info} info",
    },
}


def label(key: str, lang: str = "vi") -> str:
    return LABELS.get(lang, LABELS["vi"]).get(key, key)


def summary_line(summary: dict[str, object], lang: str = "vi") -> str:
    counts = summary["findings"]
    assert isinstance(counts, dict)
    line = label("summary", lang).format(plans=summary["plans"], checked=summary["checked"], **counts)
    general = summary.get("general")
    if isinstance(general, dict) and any(general.values()):
        line += "; " + label("general_summary", lang).format(**general)
    return line
