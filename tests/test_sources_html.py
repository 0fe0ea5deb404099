"""HTML pages saved from news sites: the article's text without the site around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.sources import Block, load_source
from briefing_studio.sources.legacy_vn import encode_cp1258, encode_vni

NEWS_PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Ngoại giao kinh tế | Báo Điện tử Chính phủ</title>
<meta property="og:title" content="Thủ tướng chủ trì hội nghị ngoại giao kinh tế">
<meta name="author" content="Minh Anh">
<style>p { color: red }</style>
<script>var tracking = "<p>không phải bài</p>";</script>
</head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
<form><input name="q"><button>Tìm kiếm trong trang</button></form></header>
<div class="layout">
 <aside><p>Tin đọc nhiều: Giá vàng hôm nay tăng mạnh trở lại trên thị trường.</p></aside>
 <article>
  <h1>Thủ tướng chủ trì hội nghị ngoại giao kinh tế</h1>
  <p>Chiều 20/12, Thủ tướng Phạm Minh Chính chủ trì hội nghị
     về tổng kết công tác <b>ngoại giao kinh tế</b> năm 2024.</p>
  <h2>Nâng cấp quan hệ 4 đối tác lớn</h2>
  <p>Việt Nam đã nâng cấp quan hệ Đối tác chiến lược toàn diện với bốn đối tác lớn.</p>
  <div class="share-buttons"><a>Chia sẻ Facebook</a> <a>Chia sẻ Zalo</a></div>
  <h3>Thu hút đầu tư</h3>
  <ul><li>Thu hút hơn 12,4 tỷ USD vốn đầu tư nước ngoài.</li></ul>
  <div>Hà Nội, ngày 20/12<br>Văn phòng Chính phủ</div>
  <!-- <p>bình luận ẩn</p> -->
 </article>
 <div class="related-news"><p>Tin liên quan: Hội nghị xúc tiến đầu tư tại Bắc Giang.</p></div>
</div>
<footer><p>© Cổng Thông tin điện tử Chính phủ. Giấy phép số 123.</p></footer>
</body></html>
"""

ARTICLE_BLOCKS = (
    Block("Thủ tướng chủ trì hội nghị ngoại giao kinh tế", "heading", 1),
    Block(
        "Chiều 20/12, Thủ tướng Phạm Minh Chính chủ trì hội nghị về tổng kết công tác ngoại "
        "giao kinh tế năm 2024."
    ),
    Block("Nâng cấp quan hệ 4 đối tác lớn", "heading", 2),
    Block("Việt Nam đã nâng cấp quan hệ Đối tác chiến lược toàn diện với bốn đối tác lớn."),
    Block("Thu hút đầu tư", "heading", 3),
    Block("Thu hút hơn 12,4 tỷ USD vốn đầu tư nước ngoài."),
    Block("Hà Nội, ngày 20/12"),
    Block("Văn phòng Chính phủ"),
)


def test_secretary_loads_news_page_without_menus_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "tin-tuc.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")

    source = load_source(path)

    assert source.blocks == ARTICLE_BLOCKS
    assert source.title == "Thủ tướng chủ trì hội nghị ngoại giao kinh tế"
    assert source.author == "Minh Anh"
    assert (source.format, source.name, source.encoding) == ("html", "tin-tuc.html", "utf-8")


def test_page_without_article_uses_the_element_with_most_paragraph_text(
    tmp_path: Path,
) -> None:
    page = """<html><head><title>Bản tin tỉnh</title></head><body>
    <div id="menu"><p>Giới thiệu</p><p>Liên hệ</p></div>
    <div id="sidebar"><p>Thời tiết hôm nay: trời nắng, nhiệt độ cao nhất 33 độ C.</p></div>
    <div id="content"><div class="body">
      <p>Năm 2024, tỉnh đã thu hút 4.814 tỷ đồng vốn đầu tư vào các khu công nghiệp.</p>
      <p>Kim ngạch xuất khẩu của tỉnh tăng hơn 20% so với cùng kỳ năm trước đó.</p>
    </div></div></body></html>"""
    path = tmp_path / "ban-tin.htm"
    path.write_text(page, encoding="utf-8")

    source = load_source(path)

    assert [block.text for block in source.blocks] == [
        "Năm 2024, tỉnh đã thu hút 4.814 tỷ đồng vốn đầu tư vào các khu công nghiệp.",
        "Kim ngạch xuất khẩu của tỉnh tăng hơn 20% so với cùng kỳ năm trước đó.",
    ]
    assert source.title == "Bản tin tỉnh"


def test_windows_1258_page_declared_in_meta(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    page = page.replace("©", "(c)")
    path = tmp_path / "cp1258.html"
    path.write_bytes(encode_cp1258(page))

    source = load_source(path)

    assert source.blocks == ARTICLE_BLOCKS
    assert source.encoding == "cp1258"


def test_page_whose_meta_charset_lies_is_detected(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace("©", "(c)")  # says utf-8, is VNI
    path = tmp_path / "vni.html"
    path.write_bytes(encode_vni(page))

    source = load_source(path)

    assert source.blocks == ARTICLE_BLOCKS
    assert source.encoding == "vni"


def test_legacy_page_declaring_latin1_is_scored_as_vietnamese(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("©", "(c)")
    path = tmp_path / "latin1.html"
    path.write_bytes(encode_vni(page))

    assert load_source(path).blocks == ARTICLE_BLOCKS


def test_page_with_only_menus_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><p>Trang chủ</p></nav><script>x()</script></body></html>")
    with pytest.raises(BriefingError, match="empty") as caught:
        load_source(path)
    assert "menu.html" in caught.value.message("vi")


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "rac.html"
    path.write_text("<<<</p></div><html><body><p>Chỉ một đoạn văn ngắn</p" * 50)
    source = load_source(path)
    assert "Chỉ một đoạn văn ngắn" in source.text


def test_deeply_nested_page_is_read_without_recursion_errors(tmp_path: Path) -> None:
    paragraph = "<div><p>Đoạn văn ở tầng này đủ dài để được tính là nội dung chính.</p>"
    path = tmp_path / "long-nhau.html"
    path.write_text(f"<html><body>{paragraph * 3000}{'</div>' * 3000}</body></html>")

    source = load_source(path)

    assert len(source.blocks) == 3000


def test_secretary_chooses_the_encoding_of_an_old_page_by_hand(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('<meta charset="utf-8">', "").replace("©", "(c)")
    path = tmp_path / "cu.html"
    path.write_bytes(encode_vni(page))

    source = load_source(path, encoding="vni")

    assert source.blocks == ARTICLE_BLOCKS
    assert source.encoding == "vni"


FIGURE_PAGE = """<html><head><meta charset="utf-8"><title>Hội nghị</title></head><body><article>
<h1>Hội nghị xúc tiến đầu tư với Hàn Quốc</h1>
<p>Sáng 12/3, tỉnh Bắc Giang tổ chức hội nghị xúc tiến đầu tư với sự tham gia của 150 doanh
   nghiệp Hàn Quốc, thu hút thêm 1,2 tỷ USD vốn đăng ký.</p>
<figure class="image"><img src="anh1.jpg" alt="">
  <figcaption>Lãnh đạo tỉnh trao 12 giấy chứng nhận đầu tư cho doanh nghiệp.</figcaption>
</figure>
<figure><img src="anh2.jpg" alt=""><figcaption><p>Quang cảnh hội nghị với 300 đại biểu.</p>
  <p>Ảnh: Minh Anh</p></figcaption></figure>
<figure><img src="anh3.jpg" alt=""><p class="caption">Khu công nghiệp Quang Châu rộng 426 ha.</p>
  <em>Ảnh tư liệu</em></figure>
<figure><table><tr><th>Năm</th><th>Vốn (tỷ USD)</th></tr><tr><td>2024</td><td>1,2</td></tr></table>
  <figcaption>Bảng: Vốn đăng ký mới của các dự án Hàn Quốc</figcaption></figure>
<p>Các doanh nghiệp Hàn Quốc đề nghị tỉnh tiếp tục cải thiện môi trường đầu tư.</p>
</article></body></html>
"""


def test_figure_captions_of_a_web_page_are_metadata_not_content(tmp_path: Path) -> None:
    from briefing_studio.analysis import analyze

    path = tmp_path / "hoi-nghi.html"
    path.write_text(FIGURE_PAGE, encoding="utf-8")
    source = load_source(path)
    assert [(b.kind, b.text) for b in source.blocks if b.kind != "paragraph"] == [
        ("heading", "Hội nghị xúc tiến đầu tư với Hàn Quốc"),
        ("caption", "Lãnh đạo tỉnh trao 12 giấy chứng nhận đầu tư cho doanh nghiệp."),
        ("caption", "Quang cảnh hội nghị với 300 đại biểu."),
        ("caption", "Ảnh: Minh Anh"),
        ("caption", "Khu công nghiệp Quang Châu rộng 426 ha."),
        ("caption", "Ảnh tư liệu"),
        ("table", "Năm | Vốn (tỷ USD) ¦ 2024 | 1,2"),
        ("caption", "Bảng: Vốn đăng ký mới của các dự án Hàn Quốc"),
    ]
    analysis = analyze(source)
    kinds = {s.text: s.kind for s in analysis.sections}
    assert kinds["Khu công nghiệp Quang Châu rộng 426 ha."] == "caption"
    assert all(s.is_meta for s in analysis.sections if s.text.startswith(("Lãnh đạo", "Ảnh")))
    # Figures come from the article's text and its table, none from a caption.
    surfaces = [f.surface for f in analysis.figures]
    assert "150 doanh nghiệp Hàn Quốc" in surfaces
    assert not {"12 giấy chứng nhận", "300 đại biểu", "426 ha"} & set(surfaces)
    assert any(f.context for f in analysis.figures)  # the table's cell figure
