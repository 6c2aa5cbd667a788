"""Indonesian cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"sebelum", r"sesudah", r"setelah", r"sejak"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:artikel|berita|tulisan|konten|teks|naskah) ini"
    ],
    "notice_verb": [
        r"(?:ditulis|dibuat|dihasilkan|disusun|diterjemahkan|diproduksi|dibantu)"
    ],
    "notice_link": [
        r"(?:dengan bantuan|dengan|oleh|menggunakan|memakai)"
    ],
    "notice_ai": [
        r"(?:AI|kecerdasan buatan|ChatGPT)"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:membantu|menulis|membuat|menerjemahkan|menyusun)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"nama pena", r"nama samaran", r"byline"],
    # The demonstrative follows the noun ("artikel ini").
    "self": [r"(?:[\w-]+ ){0,2}?(?:file|kode|data|gambar|ilustrasi|jawaban|hasil|deskripsi|pertanyaan|kuis) ini",
             r"(?:[\w-]+ ){0,2}?(?:artikel|berita|tulisan|konten|teks|naskah|ringkasan|terjemahan|buku|proyek|"
             r"analisis|dokumen|laporan|panduan|gambar|video) ini",
             r"(?:sebagian|bagian) (?:dari )?(?:artikel|konten|tulisan|berita) ini"],
    "made": [r"(?:ditulis|dibuat|dihasilkan|disusun|diterjemahkan|diproduksi|dibantu|disunting|diedit|dirangkum|"
             r"dikembangkan)", r"dengan bantuan", r"dengan dukungan", r"menggunakan", r"memakai", r"memanfaatkan"],
    "opening": [r"(?:gambar|ilustrasi|jawaban|hasil|pertanyaan|deskripsi|data|kode|file|analisis|ringkasan|laporan|konten)(?: (?:otomatis|ini))?(?: yang)? (?:ditulis|dibuat|dihasilkan|disusun)",
             r"(?:(?:artikel|teks|konten|gambar|ringkasan) )?(?:ditulis|dibuat|dihasilkan|disusun|diterjemahkan)"],
    "user": [r"(?:penulis|redaksi|kami|saya) (?:telah )?(?:menggunakan|memakai|memanfaatkan)"],
    "label": [r"catatan", r"catatan redaksi", r"keterangan", r"pemberitahuan", r"disclaimer", r"info", r"konten"],
    "modal": [r"bisa", r"dapat", r"mampu", r"harus", r"akan", r"boleh", r"jika", r"apabila", r"kalau", r"sebaiknya"],
    "reported": [r"seperti", r"misalnya", r"contoh", r"contohnya", r"templat", r"disarankan"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [r"(?:ditulis|dibuat|disusun) (?:oleh|dengan bantuan|dengan) (?:[\w-]+ )?(?:AI|kecerdasan buatan|ChatGPT)"],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"kumpulan berita", r"berita terkini", r"pilihan editor", r"komentar ditutup", r"memuat\.{0,3}", r"lihat (?:semua|selengkapnya)", r"ikuti kami", r"baca juga", r"berita terkait", r"artikel terkait", r"terpopuler", r"berita terkini", r"daftar isi", r"artikel selanjutnya", r"tinggalkan komentar", r"unduh pdf", r"semua berita (?:tag(?:ing)?|dengan tag)(?: [\w -]{1,40})?"],
    "furniture_opening": [r"baca juga\s?:", r"lihat juga\s?:", r"simak juga\s?:", r"halaman \d+ ?dari ?\d+", r"diposting oleh\s"],
    "ad_label": [r"iklan", r"advertisement", r"konten bersponsor", r"scroll to continue with content",
                 r"gulir untuk melanjutkan"],
    "paywall": [r"berlangganan untuk (?:lanjutkan|melanjutkan) membaca", r"baca berita tanpa iklan",
                r"artikel ini khusus (?:untuk )?(?:pelanggan|member)", r"sudah berlangganan\??",
                r"untuk membaca (?:selengkapnya|artikel ini),? (?:silakan )?(?:berlangganan|masuk|login)"],
    "toolbar": [r"bagikan", r"cetak", r"dengarkan", r"komentar", r"simpan", r"kembali", r"kembali ke atas",
                r"salin tautan", r"ukuran (?:huruf|teks)", r"tutup", r"back to top(?: button)?"],
    "reading_time": [r"(?:waktu )?baca:? ?\d+ ?menit", r"\d+ ?menit (?:membaca|baca)",
                     r"read time:? ?\d+ ?minutes?(?:,? \d+ ?seconds?)?"],
    "feedback": [r"apakah artikel ini (?:membantu|bermanfaat)\??", r"bagaimana reaksi anda tentang artikel ini\??"],
    "location": [r"anda (?:berada )?di sini:?", r"langsung ke konten"],
    "tag_label": [r"tags?:", r"topik:", r"kata kunci:", r"label:"],
    "staff_role": [r"editor", r"reporter", r"penulis", r"redaktur", r"pewarta", r"fotografer"],
    "contact": [r"hubungi redaksi"],
    "promo": [r"anda bisa menjadi kolumnis", r"gabung kompas\.com\+", r"dapatkan update berita"],
    "media_player": [],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [r"(?:baca )?selengkapnya", r"klik di sini", r"lihat selengkapnya"],
    "related_label": [r"baca juga", r"lihat juga", r"berita terkait", r"artikel terkait"],
    "call_to_action": [
        r"berlangganan (?:newsletter|buletin)", r"ikuti (?:kami|berita .{0,30}) di", r"bagikan artikel ini",
        r"langganan (?:newsletter|sekarang)", r"dapatkan update berita"
    ],
    "section": [
        r"teknologi", r"ekonomi", r"politik", r"olahraga", r"hiburan", r"nasional", r"internasional", r"kesehatan",
        r"gaya hidup", r"bisnis", r"otomotif", r"berita", r"regional", r"megapolitan"
    ],
    "section_ad_label": [r"iklan", r"advertorial", r"konten bersponsor"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"kantor berita", r"berita", r"pers"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"adalah (?:media|organisasi berita|situs berita)[ ,]+(?:[\w-]+[ ,]+){0,2}?(?:nirlaba|independen)"],
    "republished": [r"artikel ini (?:telah )?(?:tayang|terbit|dimuat|diterbitkan) (?:di|pada|oleh)",
                    r"(?:pertama kali )?diterbitkan (?:di|oleh)",
                    r"artikel ini (?:telah )?(?:tayang|terbit|dimuat|diterbitkan) (?:pertama kali )?(?:di|pada|oleh)",
                    r"(?:pertama kali )?diterbitkan (?:di|oleh)", r"diterbitkan ulang dari"],
    "read_on": [r"baca (?:selengkapnya|artikel aslinya|berita selengkapnya) di"],
    "licence": [r"(?:di bawah|dengan) lisensi (?:creative commons|cc[- ]by[\w. -]*)"],
    "name_stop": [r", (?:sebuah|media|situs)", r"dan (?:telah|sudah)", r"dengan judul", r"pada \d{1,2}", r"di bawah"],
    "rights": [r"hak cipta dilindungi(?: undang-undang)?"],
    "with_agency": [r"dengan", r"dan"],
    "byline": [r"oleh"],
    "photo_copyright": [r"hak cipta"],
    "via": [r"via", r"melalui"],
    "newspaper_filler": [r"(?:harian|koran|situs|majalah|portal)"],
    "from": [r"dari"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"dimuat ulang (?:dengan|atas) izin"],
    "agency_with": [r"dengan laporan dari"],
    "reporting_by": [r"laporan tambahan (?:oleh|dari)"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"foto (?:dari|oleh)"],
    "photo_by": [r"foto oleh", r"foto dari"],
    "via_lead": [r"via"],
    "source_heading": [r"sumber(?: berita| artikel| referensi)?", r"referensi"],
    "label_photo": [r"foto", r"gambar", r"sumber foto", r"sumber gambar", r"kredit foto"],
    "label_video": [r"video", r"sumber video"],
    "label_text": [r"sumber"],
    "video_by": [],  # no cue in this language
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"cookies? adalah (?:file|berkas)", r"pengaturan (?:browser|peramban)"],
    "policy_heading": [r"apa itu cookies?\??", r"kebijakan cookies?"],
    "request": [r"(?:silakan|mohon) (?:terima|setujui) (?:semua )?cookies?", r"terima (?:cookies? )?untuk melanjutkan"],
    "choice": [r"tolak semua", r"atur (?:preferensi|cookies?)", r"dengan (?:izin|persetujuan) anda"],
    "web": [r"peramban", r"browser", r"perangkat", r"sesi"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"(?:situs|website|laman)(?: web)? (?:ini|kami) menggunakan (?:[\w'’-]+ ){0,3}?cookies?",
        r"kami menggunakan (?:[\w'’-]+ ){0,3}?cookies?"
    ],
    "visitor_consents": [
        r"dengan (?:melanjutkan|menggunakan (?:situs|website|laman)|mengklik)",
        r"anda (?:menyetujui|setuju dengan) (?:penggunaan|kebijakan)", r"terima (?:semua )?cookies?"
    ],
    "web_context": [r"situs", r"website", r"pengalaman", r"layanan", r"iklan", r"privasi", r"kebijakan"],
}

STRUCTURE = {
    "summary_label": [r"poin (?:penting|utama)", r"ringkasan", r"sorotan", r"intisari", r"hal penting"],
}
