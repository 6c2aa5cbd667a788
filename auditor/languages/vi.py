"""Vietnamese cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"trước khi", r"sau khi", r"từ khi", r"kể từ"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:bài viết|bài báo|nội dung|bản tin|bài) (?:này|trên)"
    ],
    "notice_verb": [
        r"(?:được )?(?:thực hiện|viết|tạo|soạn|biên soạn|sản xuất|dịch|tổng hợp)"
    ],
    "notice_link": [
        r"(?:với sự hỗ trợ của|với sự trợ giúp của|nhờ|bởi|bằng|qua)"
    ],
    "notice_ai": [
        r"(?:các |công cụ )?(?:AI|trí tuệ nhân tạo|ChatGPT)"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:hỗ trợ|giúp|viết|tạo|dịch|biên soạn)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"bút danh", r"tên gọi", r"ký tên"],
    # The demonstrative follows the noun ("bài viết này"); a bare content noun opens a passive ("Bản thảo được viết").
    "self": [r"(?:tệp|mã nguồn|dữ liệu|hình ảnh|minh họa|câu trả lời|kết quả|mô tả|câu hỏi)(?: [\w]+)? này",
             r"(?:bài viết|bài báo|nội dung|bản tin|bài|bản dịch|phân tích|bản thảo|tài liệu|cuốn sách|sách|dự án|"
             r"báo cáo|hình ảnh|video|tóm tắt|chương) (?:này|trên)",
             r"(?:bài viết|bài báo|nội dung|bản tin|bản dịch|phân tích|bản thảo|tài liệu|cuốn sách|báo cáo|tóm tắt)"
             r"(?= (?:(?:này|đã) )?(?:được|có|do|nhờ|với|sử dụng))"],
    "made": [r"(?:được )?(?:thực hiện|viết|tạo|soạn|biên soạn|sản xuất|dịch|tổng hợp|biên tập|hiệu đính|tóm tắt)",
             r"với sự hỗ trợ của", r"với sự trợ giúp của", r"nhờ", r"có sự hỗ trợ của", r"sử dụng"],
    "opening": [r"(?:hình ảnh|ảnh|minh họa|câu trả lời|kết quả|câu hỏi|mô tả|dữ liệu|mã nguồn|tệp|phân tích|tóm tắt|báo cáo|nội dung)(?: (?:này|node này))? (?:được |do )?(?:tạo|viết|soạn|thực hiện|tổng hợp)(?: ra)?(?: (?:với|bởi|bằng|nhờ))?",
             r"(?:được )?(?:thực hiện|viết|tạo|soạn|biên soạn|dịch|tổng hợp) (?:với|bởi|bằng|nhờ)"],
    "user": [r"(?:tác giả|tòa soạn|chúng tôi|tôi) (?:đã )?(?:sử dụng|dùng|nhờ)"],
    "label": [r"ghi chú", r"lưu ý", r"thông báo", r"minh bạch", r"tuyên bố", r"nội dung"],
    "modal": [r"có thể", r"nên", r"phải", r"sẽ", r"nếu", r"khi", r"cần"],
    "reported": [r"ví dụ", r"chẳng hạn", r"như", r"mẫu"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:được )?(?:thực hiện|viết|tạo|soạn|biên soạn|sản xuất|dịch|tổng hợp) (?:với sự hỗ trợ của|với sự trợ giúp của|nhờ|bởi|bằng|qua) (?:các |công cụ )?(?:AI|trí tuệ nhân tạo|ChatGPT)"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"đang tải\.{0,3}", r"xem (?:tất cả|thêm)", r"theo dõi chúng tôi", r"tin liên quan", r"bài viết liên quan", r"đọc nhiều nhất", r"tin mới nhất", r"mục lục", r"bài tiếp theo", r"bài trước", r"để lại bình luận", r"tải pdf"],
    "furniture_opening": [r"xem thêm\s?:", r"đọc thêm\s?:", r"tin liên quan\s?:", r"trang \d+ ?(?:/|trên) ?\d+", r"đăng bởi\s", r"từ khóa\s?:"],
    "ad_label": [r"quảng cáo", r"nội dung tài trợ", r"tài trợ", r"header ads", r"advertisement"],
    "paywall": [r"tài liệu hạn chế xem trước", r"để (?:xem|đọc) (?:đầy đủ|tiếp),? (?:mời bạn|vui lòng)",
                r"nội dung (?:này )?(?:chỉ )?dành cho (?:thành viên|người đăng ký|hội viên)",
                r"đăng ký để (?:đọc|xem) tiếp"],
    "toolbar": [r"chia sẻ", r"in", r"nghe", r"bình luận", r"lưu", r"gửi", r"quay lại", r"lên đầu trang",
                r"sao chép liên kết", r"cỡ chữ", r"đóng", r"xs", r"sm", r"md", r"lg", r"đang tải\.{0,3}(?: \(xem toàn văn\))?"],
    "reading_time": [r"(?:thời gian đọc:? ?)?\d+ ?phút đọc", r"đọc (?:trong )?\d+ ?phút"],
    "feedback": [r"bài viết (?:này )?có hữu ích (?:với bạn )?không\??"],
    "location": [r"bạn đang ở đây:?", r"đường dẫn truy cập", r"chuyển đến nội dung(?: chính)?"],
    "tag_label": [r"từ khóa:", r"từ khoá:", r"tags?:", r"chủ đề:"],
    "staff_role": [r"biên tập", r"phóng viên", r"tác giả", r"nhiếp ảnh"],
    "contact": [r"liên hệ (?:với )?tòa soạn"],
    "promo": [],
    "media_player": [],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [r"xem thêm", r"đọc thêm", r"xem tiếp", r"đọc tiếp", r"xem chi tiết", r"xem nguồn"],
    "related_label": [r"xem thêm", r"đọc thêm", r"tin liên quan", r"bài liên quan", r"có thể bạn quan tâm"],
    "call_to_action": [
        r"đăng ký nhận (?:bản tin|tin)", r"theo dõi (?:chúng tôi|.{0,20}) trên (?:facebook|zalo|youtube)",
        r"chia sẻ bài viết", r"like và share", r"nhấn theo dõi"
    ],
    "section": [
        r"thế giới", r"thời sự", r"kinh doanh", r"kinh tế", r"xã hội", r"pháp luật", r"giải trí", r"thể thao",
        r"công nghệ", r"sức khỏe", r"sức khoẻ", r"giáo dục", r"văn hóa", r"văn hoá", r"du lịch", r"đời sống",
        r"khoa học", r"số hóa", r"xe", r"bất động sản", r"tin tức", r"tin nóng", r"chính trị"
    ],
    "section_ad_label": [r"quảng cáo", r"nội dung tài trợ"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"thông tấn", r"báo", r"hãng tin"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"là (?:một )?(?:tòa soạn|cơ quan báo chí|tổ chức báo chí|trang tin)[ ,]+(?:[\w-]+[ ,]+){0,2}?(?:độc lập|phi lợi nhuận)"],
    "republished": [r"bài (?:viết )?(?:được )?đăng (?:lần đầu )?(?:trên|tại)", r"(?:được )?đăng lại từ",
                    r"bài (?:viết )?(?:được )?đăng (?:lần đầu )?(?:trên|tại)", r"(?:được )?đăng lại từ"],
    "read_on": [r"(?:xem|đọc) (?:thêm|bài gốc|nguyên văn) (?:tại|trên)"],
    "licence": [r"theo giấy phép (?:creative commons|cc[- ]by[\w. -]*)"],
    "name_stop": [r", (?:một|cơ quan|tờ|trang)", r"và (?:đã|được)", r"ngày \d", r"theo giấy phép"],
    "rights": [r"bản quyền (?:thuộc về|đã được bảo hộ)"],
    "with_agency": [r"và"],
    "byline": [],
    "photo_copyright": [r"bản quyền ảnh"],
    "via": [r"qua", r"via"],
    "newspaper_filler": [r"(?:báo|tờ|trang|tạp chí|đài|hãng)"],
    "from": [r"từ"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"đăng lại với sự cho phép"],
    "agency_with": [r"tổng hợp từ"],
    "reporting_by": [r"(?:bài viết )?có sử dụng tư liệu của"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"ảnh (?:của|từ)"],
    "photo_by": [r"ảnh của", r"ảnh do"],
    "video_by": [r"video của", r"clip của"],
    "via_lead": [r"via"],
    "source_heading": [r"nguồn(?: tham khảo| tin| bài)?", r"tài liệu tham khảo"],
    "label_photo": [r"ảnh", r"hình", r"hình ảnh", r"ảnh minh họa", r"ảnh minh hoạ"],
    "label_video": [r"video", r"clip", r"nguồn video"],
    "label_text": [r"nguồn", r"nguồn tin"],
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"cookies? là (?:tệp|tập tin)", r"cài đặt (?:của )?trình duyệt"],
    "policy_heading": [r"cookies? là gì\??", r"chính sách cookies?"],
    "request": [r"vui lòng (?:chấp nhận|đồng ý) (?:các )?cookies?", r"chấp nhận (?:cookies? )?để tiếp tục"],
    "choice": [r"cho phép lưu", r"từ chối tất cả", r"quản lý (?:tùy|tuỳ) chọn", r"tùy chỉnh cookies?"],
    "web": [r"trình duyệt", r"thiết bị", r"lưu trữ cục bộ", r"phiên"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"(?:trang web|website|trang|web) (?:này|của chúng tôi) (?:có )?sử dụng (?:các )?cookies?",
        r"chúng tôi sử dụng (?:các )?cookies?"
    ],
    "visitor_consents": [
        r"nếu bạn tiếp tục (?:truy cập|sử dụng)", r"bằng cách (?:sử dụng|tiếp tục|nhấp)",
        r"bạn (?:đã )?đồng ý (?:với )?(?:việc )?(?:sử dụng|đặt|chính sách)", r"cho phép tất cả (?:các )?cookies?",
        r"chấp nhận (?:tất cả )?(?:các )?cookies?"
    ],
    "web_context": [r"trang web", r"website", r"trải nghiệm", r"truy cập", r"dịch vụ", r"quảng cáo", r"quyền riêng tư"],
}

STRUCTURE = {
    "summary_label": [r"(?:những )?điểm (?:chính|nhấn|nổi bật)", r"tóm tắt", r"nội dung chính", r"tin vắn tắt"],
}
