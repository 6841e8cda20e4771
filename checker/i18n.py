"""Messages in Vietnamese (default) and English. Each check formats its message from one of these templates."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # citation and date
    "cite.missing": {
        "vi": "Kế hoạch không viện dẫn {directive}{instead}",
        "en": "the plan does not cite {directive}{instead}",
    },
    "cite.instead": {"vi": "; lại thực hiện {other}", "en": "; it implements {other} instead"},
    "cite.wrong_date": {
        "vi": "Viện dẫn {directive} với ngày sai: {actual}, đúng là {expected}",
        "en": "{directive} cited with a wrong date: {actual}, should be {expected}",
    },
    "cite.wrong_issuer": {
        "vi": "Viện dẫn {directive} với cơ quan ban hành sai: {actual}, đúng là {expected}",
        "en": "{directive} cited with a wrong issuer: {actual}, should be {expected}",
    },
    "cite.wrong_number": {
        "vi": "Viện dẫn {directive} với số, ký hiệu sai: '{actual}', đúng là '{expected}' (ngày, cơ quan ban hành và "
              "trích yếu là của {directive})",
        "en": "{directive} cited with a wrong number: '{actual}', should be '{expected}' (its date, issuer and subject "
              "are the directive's)",
    },
    "cite.symbol": {
        "vi": "Số, ký hiệu văn bản viết không đúng chuẩn: '{actual}', đúng là '{expected}'",
        "en": "document number written non-standard: '{actual}', should be '{expected}'",
    },
    "date.before": {
        "vi": "Kế hoạch ghi ngày {actual}, trước ngày ban hành văn bản mà nó thực hiện ({expected})",
        "en": "the plan is dated {actual}, before the directive it implements ({expected})",
    },
    # targets
    "target.missing": {"vi": "Thiếu chỉ tiêu: {requirement}", "en": "target missing: {requirement}"},
    "target.unquantified": {
        "vi": "Chỉ tiêu được nêu nhưng không có số liệu ('{actual}'): {requirement}",
        "en": "target named without its figure ('{actual}'): {requirement}",
    },
    "target.blank": {
        "vi": "Chỉ tiêu chưa điền số liệu ('{actual}'): {requirement}",
        "en": "target's figure not filled in ('{actual}'): {requirement}",
    },
    "target.reference": {
        "vi": "Cột chỉ tiêu thành phố giao ghi sai văn bản chỉ đạo: {actual} so với {expected}",
        "en": "the city's column misstates the directive: {actual} instead of {expected}",
    },
    "target.restated": {
        "vi": "Chỉ tiêu thành phố giao được nhắc lại sai văn bản chỉ đạo: {actual} so với {expected}",
        "en": "the city's target restated unlike the directive: {actual} instead of {expected}",
    },
    "target.contradicted": {
        "vi": "Chỉ tiêu ghi hai mức khác nhau: {actual} ở đây, {other} ở dòng {other_line}; mức {actual} thấp hơn "
              "văn bản chỉ đạo ({expected})",
        "en": "target stated twice with different figures: {actual} here, {other} at line {other_line}; {actual} is "
              "below the directive's {expected}",
    },
    "target.contradicted_weaker": {
        "vi": "Chỉ tiêu ghi hai mức khác nhau: {actual} ở đây, {other} ở dòng {other_line}; mức {actual} yếu hơn "
              "văn bản chỉ đạo ({expected})",
        "en": "target stated twice with different comparators: {actual} here, {other} at line {other_line}; {actual} "
              "is weaker than the directive's {expected}",
    },
    "target.recited": {
        "vi": "; dòng {other_line} chỉ nhắc lại chỉ tiêu cấp trên giao ({other}), Kế hoạch chưa tự đặt chỉ tiêu này",
        "en": "; line {other_line} only recites the parent's target ({other}): the plan sets none of its own",
    },
    "target.elsewhere": {
        "vi": "; ở dòng {other_line}, Kế hoạch ghi {other}",
        "en": "; at line {other_line}, the plan states {other}",
    },
    "target.unread": {
        "vi": "Chưa đánh giá được chỉ tiêu: {requirement} — các số của bảng (dòng {first}–{last}) ra riêng từng cột, "
              "mỗi số một dòng (chữ lấy từ PDF không giữ bố cục); hãy kiểm tra tệp PDF hoặc lấy chữ bằng "
              "pdftotext -layout",
        "en": "target not judged: {requirement} — the table's figures (lines {first}–{last}) came out column by "
              "column, one a line (text taken from a PDF without its layout); check the PDF or use pdftotext -layout",
    },
    "target.lower": {
        "vi": "Chỉ tiêu thấp hơn văn bản chỉ đạo: {actual} so với {expected}",
        "en": "target lower than the directive's: {actual} vs {expected}",
    },
    "target.vague": {
        "vi": "Chỉ tiêu chỉ ghi '{actual}', không nêu con số: thấp hơn mức văn bản chỉ đạo yêu cầu ({expected})",
        "en": "the target gives no figure, only '{actual}': lower than the directive's {expected}",
    },
    "target.change": {
        "vi": "Chỉ tiêu chỉ ghi mức tăng ('{actual}'), không nêu mức phải đạt mà văn bản chỉ đạo yêu cầu "
              "({expected})",
        "en": "the target is stated as an increase ('{actual}'), not as the level the directive asks ({expected})",
    },
    "target.higher": {
        "vi": "Chỉ tiêu vượt mức tối đa của văn bản chỉ đạo: {actual} so với {expected}",
        "en": "target above the directive's maximum: {actual} vs {expected}",
    },
    "target.comparator": {
        "vi": "Chỉ tiêu đặt mức yếu hơn: '{actual}' trong khi văn bản chỉ đạo yêu cầu '{expected}'",
        "en": "weaker comparator: '{actual}' where the directive asks '{expected}'",
    },
    "form.letter": {
        "vi": "Văn bản là công văn ('{actual}'), không phải kế hoạch: văn bản chỉ đạo yêu cầu ban hành Kế hoạch "
              "(tên loại KẾ HOẠCH, trích yếu, ký hiệu {expected})",
        "en": "the document is a letter ('{actual}'), not a plan: the directive asks for a Kế hoạch (type KẾ HOẠCH, "
              "title, symbol {expected})",
    },
    "target.later": {
        "vi": "Chỉ tiêu đặt cho mốc muộn hơn văn bản chỉ đạo: {actual}, văn bản chỉ đạo yêu cầu {expected}",
        "en": "target set for a later deadline than the directive's: {actual}; the directive asks {expected}",
    },
    "target.hedged": {
        "vi": "Chỉ tiêu chỉ ở mức phấn đấu/ước lượng ('{actual}'), văn bản chỉ đạo yêu cầu '{expected}'",
        "en": "target is only aspirational ('{actual}'); the directive asks '{expected}'",
    },
    "target.conditional": {
        "vi": "Chỉ tiêu kèm điều kiện ('{actual}'), văn bản chỉ đạo yêu cầu '{expected}' không kèm điều kiện",
        "en": "target made conditional ('{actual}'); the directive asks '{expected}' without condition",
    },
    "target.scope": {
        "vi": "Chỉ tiêu có phạm vi hẹp hơn: thiếu '{expected}'",
        "en": "narrower scope: '{expected}' is missing",
    },
    "target.narrower": {
        "vi": "Chỉ tiêu có phạm vi hẹp hơn: chỉ cho '{actual}', văn bản chỉ đạo yêu cầu '{expected}'",
        "en": "narrower scope: only '{actual}'; the directive asks '{expected}'",
    },
    "target.exclusion": {
        "vi": "Chỉ tiêu có phạm vi hẹp hơn: loại trừ '{actual}' mà văn bản chỉ đạo không loại trừ",
        "en": "narrower scope: excludes '{actual}', which the directive does not",
    },
    # sections, units, numbering
    "section.missing": {"vi": "Thiếu nội dung: {requirement}", "en": "section missing: {requirement}"},
    "unit.missing": {
        "vi": "Tổ chức thực hiện không phân công: {requirement}",
        "en": "no assignment under Tổ chức thực hiện: {requirement}",
    },
    "unit.unread": {
        "vi": "Chưa đánh giá được phân công: {requirement} — đơn vị có tên trong bảng phân công, nhưng bảng ra riêng "
              "từng ô, mỗi ô một dòng (chữ lấy từ PDF không giữ bố cục), không rõ nhiệm vụ nào của đơn vị nào; hãy "
              "kiểm tra tệp PDF hoặc lấy chữ bằng pdftotext -layout",
        "en": "assignment not judged: {requirement} — the office is named in the table of assignments, but the table "
              "came out one cell a line (text taken from a PDF without its layout), which task is whose cannot be "
              "told; check the PDF or use pdftotext -layout",
    },
    "unit.lead_twice": {
        "vi": "Kế hoạch giao hai cơ quan làm đầu mối thực hiện Kế hoạch: {unit} (dòng {line}) và {other} ở đây",
        "en": "the plan makes two offices the đầu mối of the plan: {unit} (line {line}) and {other} here",
    },
    "unit.role": {
        "vi": "{unit} được phân công nhưng thiếu nhiệm vụ: {roles}",
        "en": "{unit} is assigned but without the role: {roles}",
    },
    "numbering.gap": {
        "vi": "Đánh số đề mục bị nhảy: sau '{prev}' là '{actual}' (thiếu '{expected}')",
        "en": "heading numbers skip: '{actual}' follows '{prev}' (expected '{expected}')",
    },
    "numbering.repeat": {
        "vi": "Đánh số đề mục bị trùng: '{actual}' đã dùng ở dòng {prev_line}",
        "en": "heading number repeated: '{actual}' already used on line {prev_line}",
    },
    "numbering.start": {
        "vi": "Đề mục đầu tiên của cấp này đánh số '{actual}', phải bắt đầu từ '{expected}'",
        "en": "first heading of this level is numbered '{actual}', expected '{expected}'",
    },
    # administrative units
    "unit.unknown": {
        "vi": "Đơn vị ban hành '{actual}' không có trong danh mục đơn vị hành chính hiện hành của {city}{hint}",
        "en": "issuing unit '{actual}' is not a current administrative unit of {city}{hint}",
    },
    "unit.hint": {"vi": " (có phải '{name}'?)", "en": " (did you mean '{name}'?)"},
    "unit.spelling": {
        "vi": "Tên đơn vị viết sai: '{actual}', tên chính thức là '{expected}'",
        "en": "unit name misspelt: '{actual}', official name is '{expected}'",
    },
    "unit.city_addressee": {
        "vi": "Giao nhiệm vụ cho '{actual}': câu của kế hoạch thành phố chép nguyên; kế hoạch của {expected} chỉ giao "
              "việc cho các cơ quan, đơn vị thuộc mình",
        "en": "work given to '{actual}': the city plan's sentence copied unchanged; the plan of {expected} gives "
              "work to the offices and units under its own Ủy ban nhân dân",
    },
    "unit.other": {
        "vi": "Nêu '{actual}' như đơn vị của kế hoạch, nhưng đơn vị ban hành là {expected}",
        "en": "names '{actual}' as the plan's own unit, but the issuing unit is {expected}",
    },
    "unit.place": {
        "vi": "Địa danh '{actual}' ở dòng địa danh, ngày tháng không phải tên đơn vị ban hành ({expected}; "
              "NĐ 30/2020/NĐ-CP)",
        "en": "the place '{actual}' of the place-and-date line is not the issuing unit ({expected}; NĐ 30/2020/NĐ-CP)",
    },
    "unit.place_former": {
        "vi": "Địa danh '{actual}' ở dòng địa danh, ngày tháng là đơn vị cũ, đã sắp xếp vào {expected} từ {since}",
        "en": "the place '{actual}' of the place-and-date line is a former unit, merged into {expected} on {since}",
    },
    "unit.former": {
        "vi": "'{actual}' là đơn vị cũ, đã sắp xếp vào {expected} từ {since}",
        "en": "'{actual}' is a former unit, merged into {expected} on {since}",
    },
    "unit.type": {
        "vi": "Loại đơn vị không khớp: '{actual}', danh mục ghi là {expected}",
        "en": "unit type does not match: '{actual}', the registry says {expected}",
    },
    # statuses
    "status.unreadable.garbled": {
        "vi": "Văn bản không đọc được như tiếng Việt (chỉ {score:.0%} từ là âm tiết tiếng Việt): có thể gõ bằng phông "
              "TCVN3/VNI cũ và bị lỗi khi trích xuất. Hãy chuyển mã tệp gốc sang Unicode (ví dụ Unikey → Công cụ "
              "chuyển mã) hoặc trích xuất lại rồi kiểm tra lại",
        "en": "text cannot be read as Vietnamese (only {score:.0%} of words are Vietnamese syllables): "
              "probably a legacy TCVN3/VNI font garbled by extraction. Convert the original to Unicode "
              "or extract it again",
    },
    "status.unreadable.no_words": {
        "vi": "Tệp không có chữ nào (chỉ có số, dấu, khoảng trắng): không phải văn bản kế hoạch, hoặc trích xuất "
              "không lấy được chữ; hãy mở tệp gốc kiểm tra",
        "en": "the file has no words (only figures, signs and spaces): not a plan, or extraction got no text; "
              "open the original",
    },
    "status.unreadable.too_slow": {
        "vi": "quá {seconds} giây mà chưa kiểm tra xong nên đã dừng tệp này (tệp quá lớn hoặc cấu trúc bất thường); "
              "các tệp khác vẫn được kiểm tra; có thể tăng --timeout",
        "en": "not finished within {seconds} s, so this file was stopped (too large or unusually built); the other "
              "files are still checked; --timeout can raise the limit",
    },
    "status.unreadable.crashed": {
        "vi": "tiến trình kiểm tra tệp này bị dừng đột ngột (hết bộ nhớ hoặc lỗi thư viện đọc tệp); các tệp khác "
              "vẫn được kiểm tra",
        "en": "the process checking this file died (out of memory or a crash in a reader library); the other files "
              "are still checked",
    },
    "status.not_applicable.other": {
        "vi": "Kế hoạch thực hiện {other}, không phải {directive}; chưa có bộ quy tắc cho văn bản này",
        "en": "the plan implements {other}, not {directive}; there is no rule pack for it",
    },
    "status.not_applicable.scope": {
        "vi": "Kế hoạch không viện dẫn {directive} và không cùng địa bàn, kỳ, chủ đề với văn bản này",
        "en": "the plan neither cites {directive} nor shares its city, period and subject",
    },
    "status.not_a_plan": {
        "vi": "Văn bản là {kind}{about}, không phải kế hoạch thực hiện {directive}; tệp này không có kế hoạch để "
              "kiểm tra",
        "en": "the document is a {kind}{about}, not a plan implementing {directive}; this file holds no plan to "
              "check",
    },
    "status.not_a_plan.party": {
        "vi": "Văn bản của Đảng ({issuer}, {number}{about}), không phải kế hoạch của Ủy ban nhân dân thực hiện "
              "{directive}; tệp này không có kế hoạch để kiểm tra",
        "en": "a Party document ({issuer}, {number}{about}), not the People's Committee's plan implementing "
              "{directive}; this file holds no plan to check",
    },
    "status.not_a_plan.subordinate": {
        "vi": "Văn bản của {body} (đơn vị trực thuộc {issuer}, {number}), không phải kế hoạch của Ủy ban nhân dân "
              "thực hiện {directive}; tệp này không có kế hoạch để kiểm tra",
        "en": "a document of {body} (a unit under {issuer}, {number}), not the People's Committee's plan implementing "
              "{directive}; this file holds no plan to check",
    },
    "status.not_applicable.period": {
        "vi": "Kế hoạch \"{title}\" là kế hoạch của năm {years}, không phải của kỳ {directive} đặt ra; văn bản này "
              "chỉ được viện dẫn, không kiểm tra theo nó",
        "en": "the plan \"{title}\" is a plan for {years}, not for the period {directive} sets; it only names that "
              "directive, so it is not checked against it",
    },
    "status.not_applicable.mentions": {
        "vi": "Kế hoạch \"{title}\" chỉ viện dẫn {directive} trong phần căn cứ, không phải kế hoạch thực hiện văn bản "
              "này (nội dung khác); không kiểm tra theo văn bản chỉ đạo",
        "en": "the plan \"{title}\" names {directive} only among its grounds; it is not a plan implementing it "
              "(another subject), so it is not checked against it",
    },
    "status.other_round": {
        "vi": "Kế hoạch thực hiện {other}, không phải {directive}; được kiểm tra theo {directive} vì đợt kiểm tra "
              "là của văn bản này (--directive)",
        "en": "the plan implements {other}, not {directive}; checked against {directive} because the round is "
              "that directive's (--directive)",
    },
    "status.round_hint": {
        "vi": ". Để kiểm tra theo một văn bản đã có bộ quy tắc: --directive {ids}",
        "en": ". To check it against a directive that has a rule pack: --directive {ids}",
    },
    "status.no_citation": {
        "vi": "cùng địa bàn, kỳ và chủ đề với {directive} nhưng không viện dẫn văn bản này",
        "en": "same city, period and subject as {directive}, but does not cite it",
    },
    # legal references (registry rules/references.yaml)
    "refs.date": {
        "vi": "{doc} ghi ngày {actual}, đúng là ngày {expected}",
        "en": "{doc} cited with the date {actual}; the right date is {expected}",
    },
    "refs.date_consensus": {
        "vi": "{doc} ghi ngày {actual}; {n} văn bản khác viện dẫn văn bản này với ngày {expected} "
              "(danh mục đồng thuận, chưa đối chiếu Công báo)",
        "en": "{doc} cited with the date {actual}; {n} other documents cite it as of {expected} "
              "(consensus registry, not checked against the Official Gazette)",
    },
    "refs.date_header": {
        "vi": "{doc} ghi ngày {actual}; phần đầu của chính văn bản ghi ngày {expected} "
              "(bản thu thập, chưa đối chiếu Công báo)",
        "en": "{doc} cited with the date {actual}; its own header reads {expected} "
              "(as crawled, not checked against the Official Gazette)",
    },
    "refs.other_year": {
        "vi": "{doc} ngày {actual}: danh mục chỉ biết số này ở năm khác ({expected}); kiểm tra lại năm",
        "en": "{doc} of {actual}: the registry knows this number only in another year ({expected}); check the year",
    },
    "refs.renumbered": {
        "vi": "{doc} ghi kèm ngày {actual} và trích yếu của {expected} (ban hành ngày {actual}), không phải của văn "
              "bản số này: kiểm tra lại số hiệu",
        "en": "{doc} is cited with the date ({actual}) and title of {expected}, not of the document of that number: "
              "check the number",
    },
    "refs.wrong_number": {
        "vi": "{doc} ngày {actual} không có trong danh mục; văn bản cùng loại ban hành ngày {actual} là {expected}: "
              "kiểm tra lại số hiệu",
        "en": "{doc} of {actual} is not in the registry; the document of that kind issued on {actual} is {expected}: "
              "check the number",
    },
    "refs.issuer": {
        "vi": "{doc} ghi cơ quan ban hành '{actual}', đúng là {expected}",
        "en": "{doc} attributed to '{actual}'; it was issued by {expected}",
    },
    "refs.superseded": {
        "vi": "{doc} đã được thay thế bởi {expected}; viện dẫn văn bản thay thế",
        "en": "{doc} has been superseded by {expected}; cite the replacement",
    },
    "refs.expired": {
        "vi": "{doc} chỉ áp dụng đến {expected}; kế hoạch ngày {actual} nên viện dẫn văn bản hiện hành",
        "en": "{doc} applied until {expected}; a plan dated {actual} should cite the current document",
    },
    "refs.amended": {
        "vi": "{doc} đã được sửa đổi, bổ sung bởi {expected}; nên viện dẫn cả văn bản sửa đổi",
        "en": "{doc} has been amended by {expected}; cite the amending document too",
    },
    "refs.unknown": {
        "vi": "{doc} chưa có trong danh mục văn bản; bổ sung vào rules/references.yaml nếu đúng",
        "en": "{doc} is not in the reference registry; add it to rules/references.yaml if it is right",
    },
    "refs.twice": {
        "vi": "{doc} được viện dẫn với hai ngày khác nhau: {actual} (dòng này) và {expected} (dòng {other_line})",
        "en": "{doc} is cited with two different dates: {actual} (this line) and {expected} (line {other_line})",
    },
    # bodies that no longer exist (registry rules/bodies.yaml)
    "bodies.outdated": {
        "vi": "'{actual}' không còn tồn tại từ {since}; nay là {expected}",
        "en": "'{actual}' no longer exists since {since}; now {expected}",
    },
    "bodies.unit_type": {
        "vi": "'{actual}' không phải tên cơ quan chuyên môn của {unit_type} (NĐ 150/2025/NĐ-CP); đúng là '{expected}'",
        "en": "'{actual}' is not the office name for a {unit_type} (NĐ 150/2025/NĐ-CP); it is '{expected}'",
    },
    # document form (NĐ 30/2020/NĐ-CP, Điều 8)
    "form.title_period": {
        "vi": "Trích yếu '{actual}' nêu kỳ kế hoạch khác với kỳ của văn bản chỉ đạo ({expected}): có thể chép từ kế "
              "hoạch năm trước",
        "en": "the title '{actual}' names another period than the directive's ({expected}): possibly last year's "
              "plan copied",
    },
    "form.missing": {
        "vi": "Thiếu thành phần thể thức: {parts}",
        "en": "missing parts of the document form: {parts}",
    },
    "form.draft_number": {
        "vi": "Dự thảo chưa ký: số văn bản để trống ('{actual}')",
        "en": "unsigned draft: the document number is blank ('{actual}')",
    },
    "form.draft_mark": {
        "vi": "Dự thảo chưa ký: văn bản còn ghi dấu dự thảo ('{actual}')",
        "en": "unsigned draft: the document is still marked a draft ('{actual}')",
    },
    "form.draft_date": {
        "vi": "Dự thảo chưa ký: ngày ban hành để trống ('{actual}')",
        "en": "unsigned draft: the day of issue is blank ('{actual}')",
    },
    "form.symbol": {
        "vi": "Ký hiệu văn bản '{actual}' không theo chuẩn '{expected}'",
        "en": "document symbol '{actual}' is not the standard '{expected}'",
    },
    "form.signature": {
        "vi": "Phần chữ ký thiếu: {parts}",
        "en": "signature block lacks: {parts}",
    },
    "form.delegated": {
        "vi": "Kế hoạch của {body} ký '{actual}' (thừa lệnh, thừa ủy quyền); văn bản của tập thể ký '{expected}' "
              "(Nghị định 30/2020/NĐ-CP, Phụ lục I)",
        "en": "the plan of the {body} is signed '{actual}' (by delegation); a collective body's document is signed "
              "'{expected}' (Decree 30/2020, Annex I)",
    },
    "form.head_alone": {
        "vi": "Kế hoạch của {body} ký '{actual}' nhưng không có dòng '{expected}' phía trên (văn bản của tập thể "
              "ký thay mặt tập thể; Nghị định 30/2020/NĐ-CP, Phụ lục I)",
        "en": "the plan of the {body} is signed '{actual}' with no '{expected}' line above it (a collective body's "
              "document is signed on its behalf; Decree 30/2020, Annex I)",
    },
    "form.deputy": {
        "vi": "Người ký là '{actual}' nhưng không ghi '{expected}' (cấp phó ký thay người đứng đầu; Nghị định "
              "30/2020/NĐ-CP, Phụ lục I)",
        "en": "the signer is '{actual}' but '{expected}' is not written (a deputy signs for the head; Decree "
              "30/2020, Annex I)",
    },
    "form.mark": {
        "vi": "Quyền hạn ký viết '{actual}'; thể thức (Nghị định 30/2020/NĐ-CP, Phụ lục I) viết '{expected}'",
        "en": "the signing authority is written '{actual}'; Decree 30/2020 (Annex I) writes '{expected}'",
    },
    "form.appendix_period": {
        "vi": "Tiêu đề phụ lục '{actual}' nêu kỳ khác với kỳ của kế hoạch ({expected})",
        "en": "the appendix's title '{actual}' names another period than the plan's ({expected})",
    },
    "form.appendix_of": {
        "vi": "Phụ lục ghi kèm theo Kế hoạch số {actual}, khác số của kế hoạch này ({expected})",
        "en": "the appendix says it goes with plan No. {actual}, not this plan's number ({expected})",
    },
    "form.archive": {
        "vi": "Nơi nhận không kết thúc bằng 'Lưu: VT, …'",
        "en": "the Nơi nhận list does not end with 'Lưu: VT, …'",
    },
}


def msg(key: str, lang: str = "vi", **kw: object) -> str:
    entry = MESSAGES[key]
    return entry.get(lang, entry["vi"]).format(**kw)
