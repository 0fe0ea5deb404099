"""Word lists the figure finder matches after a number: counted nouns, money, measures, time.

Kept as data, apart from the matching logic in ``figures.py``, so a secretary's complaint
("it missed *450 gian hàng*") is fixed by adding a word here. All entries are lower-case NFC;
lookups go through ``tone_key`` so ``thỏa thuận`` and ``thoả thuận`` (the two accepted ways
of placing the tone mark) hit the same entry.
"""

from __future__ import annotations

import re

from briefing_studio.memo import keep


def _words(block: str) -> frozenset[str]:
    """Entries separated by commas or newlines; blank ones ignored."""
    return frozenset(w.strip() for w in re.split(r"[,\n]", block) if w.strip())


# Old-style tone placement on a final "oa/oe/uy" ("hoá") and the new style ("hóa") are both
# correct Vietnamese, so keys use one of them. Only syllable-final pairs move: "hoàn" is fixed.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_PLAIN = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW = {
    f"{first}{toned}": f"{_PLAIN[first][i]}{second}"
    for first, seconds in (("o", "ae"), ("u", "y"))
    for second in seconds
    for i, toned in enumerate(_TONED[second])
}
_OLD_STYLE = re.compile(f"(?:{'|'.join(_OLD_TO_NEW)})(?![^\\W\\d_])")


# tone_key of short strings (a word or a phrase of a few): the figure rules ask it for the
# words after every number, and words repeat in any text, so a lookup replaces the lower-casing
# and the regular expression (1.6 µs) about nine times in ten.
_KEYS: dict[str, str] = {}
_KEYS_LIMIT = 20_000
_SHORT = 40  # longer strings are not kept: they seldom repeat, and a dictionary is one string


def tone_key(text: str) -> str:
    """Lower-case ``text`` with tone marks on final oa/oe/uy in one place (``hoá`` → ``hóa``)."""
    key = _KEYS.get(text)
    if key is None:
        key = _OLD_STYLE.sub(_new_style, text.lower())
        if len(text) <= _SHORT:
            keep(_KEYS, text, key, _KEYS_LIMIT)
    return key


def _new_style(m: re.Match[str]) -> str:
    return _OLD_TO_NEW[m.group()]


# Nouns a number can count, the way government reports and news count things. The head noun
# is the unit: "thỏa thuận hợp tác" counts "thỏa thuận", so compounds whose head is itself a
# counted noun are NOT listed (that would make the unit "thỏa thuận hợp tác").
COUNTED_NOUNS: frozenset[str] = frozenset(
    tone_key(w)
    for w in _words("""
    dự án, doanh nghiệp, công ty, tập đoàn, hợp tác xã, cơ sở, cơ quan, đơn vị, tổ chức, hiệp hội,
    hội, bộ, ngành, sở, ban, địa phương, tỉnh, thành phố, tỉnh thành, huyện, quận, thị xã, xã,
    phường, thị trấn, thôn, bản, làng, xóm, ấp, khu phố, tổ dân phố, khu công nghiệp,
    cụm công nghiệp, khu kinh tế, khu chế xuất, khu đô thị, khu, cụm, vùng, vùng lãnh thổ,
    lãnh thổ, quốc gia, nước, nền kinh tế, thị trường, đối tác, đại sứ quán, cơ quan đại diện,
    lãnh sự quán, tổng lãnh sự quán, văn phòng, chi nhánh, nhà máy, xí nghiệp, trang trại,
    cửa hàng, siêu thị, chợ, trung tâm, trường, trường học, bệnh viện, trạm y tế, phòng khám,
    ngân hàng, quỹ, cảng, cảng biển, sân bay, cảng hàng không, cửa khẩu, ga, bến, tuyến,
    tuyến đường, cây cầu, cầu, công trình, hạng mục, căn hộ, căn nhà, ngôi nhà, hộ,
    hộ gia đình, hộ dân, gia đình, khu vực, lĩnh vực, ngành nghề, làng nghề, hợp đồng,
    thỏa thuận, hiệp định, biên bản ghi nhớ, bản ghi nhớ, văn bản, văn kiện, cam kết, giấy phép,
    giấy chứng nhận, chứng chỉ, chứng nhận, quyết định, nghị định, nghị quyết, thông tư, luật,
    đạo luật, bộ luật, chỉ thị, công văn, kế hoạch, chương trình, đề án, chiến lược, chính sách,
    cơ chế, tiêu chí, tiêu chuẩn, chỉ tiêu, mục tiêu, nhiệm vụ, giải pháp, trọng tâm, nội dung,
    vấn đề, kiến nghị, đề xuất, ý kiến, sáng kiến, khuyến nghị, báo cáo, hồ sơ, thủ tục,
    dịch vụ, điều khoản, điều, khoản, chương, mục, phụ lục, trụ cột, định hướng, nguyên tắc,
    quan điểm, bài học, ưu tiên, đột phá, khâu đột phá, trang, bài, bài viết, bài báo, tin,
    tin bài, tác phẩm, cuốn sách, cuốn, ấn phẩm, đầu sách, bản tin, phóng sự, tài liệu,
    hoạt động, sự kiện, hội nghị, hội thảo, tọa đàm, diễn đàn, cuộc họp, cuộc gặp,
    cuộc tiếp xúc, cuộc điện đàm, cuộc hội đàm, cuộc, chuyến, chuyến thăm, chuyến công tác,
    chuyến bay, chuyến tàu, đường bay, đoàn, lượt, lượt khách, lượt người, lượt truy cập,
    lượt xem, lần, đợt, phiên, phiên họp, kỳ họp, vòng, vòng đàm phán, buổi, khóa, khóa học,
    lớp, lớp học, cuộc thi, giải, giải thưởng, huy chương, huân chương, bằng khen, danh hiệu,
    giấy khen, kỷ lục, triển lãm, hội chợ, lễ hội, gian hàng, vụ, vụ việc, vụ án, ca, ca bệnh,
    ca mắc, trường hợp, đơn, đơn thư, tin báo, cuộc gọi, cuộc khảo sát, cuộc thanh tra,
    cuộc kiểm tra, người, người dân, người lao động, lao động, công nhân, cán bộ, công chức,
    viên chức, đảng viên,
    đại biểu, đại sứ, thành viên, học sinh, sinh viên, nghiên cứu sinh, học viên, giáo viên,
    giảng viên, bác sĩ, y bác sĩ, y tá, điều dưỡng, nhân viên, nhân sự, chuyên gia,
    nhà khoa học, nhà đầu tư, nhà tài trợ, nhà báo, nhà nghiên cứu, nhà thầu, nhà cung cấp,
    nhà sản xuất, nhà xuất khẩu, nhà nhập khẩu, phóng viên, doanh nhân, du khách, khách,
    khách hàng, khách du lịch, hành khách, cử tri, bệnh nhân, người bệnh, nạn nhân, đối tượng,
    thí sinh, trẻ em, cháu, em, thanh niên, phụ nữ, kiều bào, đồng bào, tình nguyện viên,
    hội viên, nông dân, ngư dân, chiến sĩ, cựu chiến binh, thương binh, liệt sĩ, đồng chí,
    nhà lãnh đạo, nguyên thủ, bộ trưởng, thứ trưởng, sĩ quan, quân nhân, nghệ sĩ,
    vận động viên, tác giả, tập thể, cá nhân, suất, học bổng, suất học bổng, phần quà, suất quà,
    món quà, sản phẩm, mặt hàng, container, xe, ô tô, xe máy, chiếc, con, cái, máy, thiết bị,
    tàu, tàu thuyền, tàu cá, máy bay, căn, phòng, giường bệnh, giường, liều, liều vắc xin,
    liều vaccine, mẫu, cây, cây xanh, con giống, gia súc, ngôi, di tích, di sản, bảo vật,
    hiện vật, sáng chế, bằng sáng chế, phát minh, công nghệ, ứng dụng, nền tảng, website,
    trang web, tài khoản, thuê bao, điểm, điểm đến, điểm cầu, điểm du lịch, điểm bán, địa điểm,
    địa bàn, dòng, dòng sản phẩm, nhãn hiệu, thương hiệu, chỉ dẫn địa lý, giống, loài, loại,
    loại hình, chủng loại, nhóm, nhóm hàng, nhóm ngành, mô hình, đề tài, tiết mục, bộ phim,
    phim, bài hát, tấm, bức, bức ảnh, bức tranh, ảnh, gói, gói thầu, gói tín dụng, dây chuyền,
    lô, lô hàng, kiện, bao, bộ hồ sơ, cổ phần, cổ phiếu, mã, mã cổ phiếu, thẻ, giao dịch,
    khoản vay, nguồn, nguồn vốn, mỏ, giếng, lò, tổ máy, trạm, trạm biến áp, cột, đại lý, quầy,
    bậc, hạng, bước, cấp, mức, nấc, sao, chỉ số, yếu tố, nhân tố, động lực, cơ hội, thách thức,
    rủi ro, khó khăn, vướng mắc, tồn tại, hạn chế, bất cập, kết quả, thành tựu, mặt,
    phương diện, khía cạnh, phương án, kịch bản, biện pháp, hình thức, phương thức, kênh,
    lực lượng, đội, tổ, tổ công tác, ban chỉ đạo, tiểu ban, hội đồng, ủy ban, đại học,
    trường đại học, viện, học viện, viện nghiên cứu, phòng thí nghiệm, thư viện, bảo tàng,
    nhà văn hóa, sân vận động, công viên, khách sạn, nhà hàng, khu nghỉ dưỡng, sân golf, tour,
    hãng, hãng hàng không, hãng tàu, thương vụ, câu lạc bộ, hiệp hội doanh nghiệp, liên minh,
    diễn giả, báo cáo viên, tham luận, bài tham luận, câu hỏi, lượt ý kiến, chữ ký, lá thư, thư,
    điện, thông điệp, tuyên bố, tuyên bố chung, công hàm, hiệp ước, công ước, nghị định thư,
    thỏa ước, bản cam kết, dự thảo, văn bản quy phạm pháp luật, thủ tục hành chính,
    dịch vụ công, hồ sơ trực tuyến, ngôi trường, phòng học, ký túc xá, cơ sở giáo dục,
    cơ sở y tế, trạm xá, phòng khám, nhà ở, căn hộ chung cư, tòa nhà, tòa, dãy nhà, nhà xưởng,
    kho, kho bãi, bến cảng, cầu cảng, tuyến cáp, trạm phát sóng, vệ tinh, tàu ngầm, tên lửa
""")
)

# After a digit number these mean money; ``unit`` is reported as written.
MONEY_UNITS: frozenset[str] = _words("""
    đô la Mỹ, đô-la Mỹ, đôla Mỹ, đô la Singapore, đô la Úc, đô la Canada, đô la Hồng Kông,
    đô la, đô-la, đôla, USD, US$, EUR, euro, Euro, JPY, yên Nhật, yên, KRW, won, CNY, NDT,
    nhân dân tệ, bảng Anh, GBP, rúp, RUB, baht, bạt, SGD, AUD, CAD, CHF, franc Thụy Sĩ, rupee,
    INR, kip, riel, VNĐ, VND, đồng, đ, $
""")

MEASURE_UNITS: frozenset[str] = _words("""
    héc-ta, hécta, hecta, ha, km2, km², km, cây số, ki-lô-mét, mét vuông, mét khối, mét, m2, m²,
    m3, m³, cm, mm, m, hải lý, dặm, tấn, tạ, kg, ki-lô-gam, gam, g, lít, ml, MWp, MWh, MW, kWp,
    kWh, kW, GWh, GW, TWh, Wp, TEU, DWT, thùng, °C, độ C, Mbps, Gbps, GB, TB, MB
""")

# Durations and ages: measures, but never glued to the digits.
TIME_UNITS: frozenset[str] = _words("""
    thập kỷ, thập niên, thế kỷ, năm, tháng, tuần, ngày đêm, ngày, giờ, tiếng, phút, giây, tuổi,
    quý
""")

PERCENT_WORDS: frozenset[str] = _words("điểm phần trăm, phần trăm")

# The only units that may be glued to the digits ("100ha", "15%", "50.000đ"); any other letter
# glued to a number ("1A", "G20", "5G") makes it part of a name or code instead.
GLUED_UNITS: frozenset[str] = _words("""
    %, đ, USD, ha, km, km2, km², m, m2, m², m3, m³, cm, mm, kg, g, tấn, MW, MWp, MWh, kW, kWp,
    kWh, GW, GWh, TWh, TEU, °C
""")

# "hai nước", "hai bên" in diplomatic prose mean "the two (countries, sides)", not a count.
PAIR_NOUNS: frozenset[str] = frozenset(
    tone_key(w)
    for w in _words("""
    nước, bên, phía, quốc gia, đất nước, dân tộc, nhân dân, chính phủ, nhà nước, đảng, lãnh đạo,
    nhà lãnh đạo, đoàn, bộ trưởng, thủ tướng, chủ tịch, tổng thống, ngoại trưởng, bộ, ngành,
    địa phương, thủ đô
""")
)

# Syllables whose 2-syllable compounds are nouns ("nhà hàng", "cửa hàng"), so a dictionary word
# starting with one is counted even when it is not in COUNTED_NOUNS. Counted nouns themselves
# ("khu", "đoàn") stay heads: "đoàn công tác" counts "đoàn".
NOUN_PREFIXES: frozenset[str] = _words("nhà, ngôi, gian, cửa")

# Words that end the short modifier after a counted noun: function words, and the verbs that
# usually start the predicate ("30 doanh nghiệp tham gia", "5 dự án đạt").
STOP_WORDS: frozenset[str] = frozenset(
    tone_key(w)
    for w in _words("""
    của, với, được, bị, là, ở, tại, trong, ngoài, cho, và, hoặc, hay, đã, đang, sẽ, vừa, từ,
    đến, tới, so, theo, về, vào, ra, lên, xuống, qua, trên, dưới, như, nhưng, mà, thì, nên,
    để, do, bởi, vì, nhờ, có, không, chưa, cũng, đều, vẫn, còn, này, đó, kia, ấy, nào, gì,
    khi, nếu, rằng, các, những, mỗi, mọi, từng, cả, nhiều, ít, hơn, nhất, rất, khá, cùng,
    đạt, tăng, giảm, gồm, bao gồm, nhằm, thuộc, tham gia, tham dự, nay, trước, sau, hiện,
    nữa, thêm, lại, luôn, đi, đây, kể, trở, thành, xong, chiếm, gấp, bằng, đối với, trong đó,
    hiện nay, hiện có, vừa qua, năm, tháng, ngày, quý, giai đoạn, thời gian, thời kỳ, nhau,
    tại đây, mới đây, gần đây, cần, phải, nhất là, đặc biệt, trong khi, với nhau, lần lượt,
    đạt được, ký kết, thực hiện, đang được, sẽ được, đã được, có thể, tương đương, tương ứng,
    khoảng, gần, chỉ, riêng, ngay, hết, đủ, ước, ước tính, dự kiến, tiếp tục, bắt đầu, đồng
    thời, chiếm tỷ lệ, mỗi năm, hằng năm, hàng năm, trị giá, với tổng, tổng, tổng cộng, chủ yếu
""")
)

# Qualifiers that may stand before a number, longest first so "lên tới" beats "tới".
QUALIFIERS: tuple[str, ...] = tuple(
    sorted(
        _words("""
        hơn, trên, gần, khoảng, ước, ước tính, ước khoảng, tới, lên tới, lên đến, xấp xỉ,
        gần như, ít nhất, tối thiểu, tối đa, dưới, chừng, khoảng chừng, vào khoảng, trên dưới,
        ngót, ngót nghét, non, chưa đến, chưa tới, không quá, không dưới, không ít hơn,
        nhiều hơn, ít hơn, gần bằng
    """),
        key=len,
        reverse=True,
    )
)

# Abstract nouns that prose enumerates: "hai nền kinh tế", "ba động lực", "bốn trụ cột". A small
# number written in words before one of them introduces a list, it is not a figure to highlight;
# in digits ("193 nền kinh tế") it stays a count.
GENERIC_NOUNS: frozenset[str] = frozenset(
    tone_key(w)
    for w in _words("""
    nền kinh tế, động lực, trụ cột, ưu tiên, đột phá, khâu đột phá, nhiệm vụ, giải pháp,
    định hướng, nguyên tắc, quan điểm, bài học, mục tiêu, trọng tâm, nội dung, vấn đề, lĩnh vực,
    yếu tố, nhân tố, cơ hội, thách thức, khía cạnh, phương diện, mặt, phương án, kịch bản,
    biện pháp, hình thức, phương thức, kênh, tầm nhìn, khâu, hướng, điểm nghẽn, trọng điểm
""")
)

# Multiplier words after "gấp": "gấp đôi" (twice), "gấp rưỡi" (one and a half times).
MULTIPLIER_WORDS: dict[str, float] = {"đôi": 2, "rưỡi": 1.5}
HALF_WORD = "rưỡi"  # "gấp hai lần rưỡi": adds a half

# Amounts written the English way: "US$2.3 billion", "EUR 640.5 million" (any case).
ENGLISH_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
# Currency signs and codes written before the amount.
CURRENCY_PREFIXES: frozenset[str] = _words("""
    US$, S$, A$, HK$, NT$, $, €, £, ¥, USD, EUR, JPY, GBP, CNY, KRW, SGD, AUD, CAD, CHF, VND, THB,
    INR, RUB
""")
