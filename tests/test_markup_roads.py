"""Markup has two readers: expat for well-formed markup (what the built-in templates write) and
``html.parser`` for the rest. Whatever the markup, both give the same blocks, run for run."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from briefing_studio import paths
from briefing_studio.analysis import analyze
from briefing_studio.errors import BriefingError
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.templating.charts import chart
from briefing_studio.templating.manifest import RESERVED_STYLES
from briefing_studio.templating.markup import _parse_html, _parse_well_formed, parse_markup
from briefing_studio.workspace import Workspace

STYLES = set(RESERVED_STYLES) | {"note", "title"}
NFD = unicodedata.normalize("NFD", "Việt")


def html_road(markup: str) -> str:
    return repr(_parse_html(markup, STYLES))


# Markup that is well-formed XML and must read the same both ways (repr: Run.figure counts too).
SAME = [
    "<p>a <b>đậm <i>nghiêng</i></b>   <u>gạch</u>\n\t<span class='note'>ghi</span></p>",
    "<P CLASS='note'>Chữ hoa</P><H1>Tiêu đề</H1>",
    "<p>một<br/>hai<br />ba<br></br>bốn</p>",  # <br/> one break, <br></br> two
    "<p>&lt;b&gt; &amp; &#34;x&#34; &#39;y&#39; &quot;z&quot; &apos;w&apos;</p>",
    "<p>&nbsp;&hellip;&#x1EC7;&#7879;&NewLine;&Tab;x&ThickSpace;</p>",
    "<p>Vie&#770;&#x0323;t a&#10;&#32; b</p>",  # a reference joins its text before NFC
    f"<p>{NFD}<!-- chú thích -->\u0301x</p>",  # a comment ends a text, as in HTML
    '<p>Câu<span class="footnote"> Nguồn:  <b>báo</b> Thế giới </span> tiếp.</p>',
    '<p><b data-figure="a/s1/f1">12,4 tỷ</b> và <b data-figure="a/s1/f2">3</b></p>',
    '<table data-widths="30,70"><tr><th colspan="2">A</th></tr>'
    '<tr><td rowspan="1">x<p>đoạn</p>sau</td><td/></tr></table>',
    "<ul><li>một<ul><li>hai</li></ul></li><li/></ul><ol><li>ba</li></ol>",
    '<div class="note"> chữ rời <p>đoạn</p> nữa </div><div class="page-break"></div>',
    "<p></p><p>   </p>\n\n<p>\u00a0</p>  \u2003  <h2>Cuối</h2>",
    "<p>\r\nxuống\rdòng\r\n</p>",
    str(chart({"kind": "bar", "labels": ["2023"], "values": [1], "texts": ["1"], "caption": "Cá"})),
]


@pytest.mark.parametrize("markup", SAME)
def test_well_formed_markup_reads_the_same_both_ways(markup: str) -> None:
    blocks = _parse_well_formed(markup, STYLES)
    assert blocks is not None, "expat should read this markup"
    assert repr(blocks) == html_road(markup)
    assert repr(parse_markup(markup, STYLES)) == html_road(markup)


# Markup expat would read differently from html.parser (or not at all): html.parser reads it.
DIFFERENT = [
    "<p>một<br>hai</p>",  # not well-formed: <br> unclosed
    "<ul><li>một<li>hai</ul>",  # implicit ends
    "<p>a &nbsp b &copy c</p>",  # references without ";"
    "<p>&#128;&#x9F;&#13;&#xFDD0;&#xFFFE;</p>",  # HTML replaces or drops these
    "<p>&notanentity; &amp</p>",
    "<p>a & b</p>",
    '<div class="chart" data-chart="{&#34;kind&#34;: &#34;bar&#34;,\n'
    '&#34;labels&#34;: [&#34;a\tb&#34;], &#34;values&#34;: [1]}"></div>',  # whitespace in a value
    "<p class='note\nx'>a</p>",
    "<p><![CDATA[x]]></p>",
    "<p>a</p><?php echo 1 ?>",
    "<!DOCTYPE html><p>a</p>",
    "<p>a</p></briefing-markup><briefing-markup><p>b</p>",
    "<p>x\ud800</p>",
]


@pytest.mark.parametrize("markup", DIFFERENT)
def test_other_markup_is_left_to_html_parser(markup: str) -> None:
    assert _parse_well_formed(markup, STYLES) is None
    try:
        expected = html_road(markup)
    except BriefingError as error:
        with pytest.raises(BriefingError) as caught:
            parse_markup(markup, STYLES)
        assert str(caught.value) == str(error)
    else:
        assert repr(parse_markup(markup, STYLES)) == expected


INVALID = [
    "<p>a</p>\n<p>b<script>x</script></p>",
    '<p>a</p>\n<p class="missing">b</p>',
    "<p>a</p>\n<table><p>b</p></table>",
    "<p>a</p>\n<b><p>b</p></b>",
    '<div class="chart" data-chart="{}"></div>',
    '<table data-widths="nan"><tr><td>a</td></tr></table>',
    "<p>a</p>\n" + "<div>" * 50 + "</div>" * 50,
]


@pytest.mark.parametrize("markup", INVALID)
def test_invalid_well_formed_markup_is_worded_by_html_parser_with_its_line(markup: str) -> None:
    with pytest.raises(BriefingError) as expected:
        _parse_html(markup, STYLES, "mau", "mau/briefing.html.j2")
    with pytest.raises(BriefingError) as caught:
        parse_markup(markup, STYLES, "mau", "mau/briefing.html.j2")
    assert caught.value.message_en == expected.value.message_en
    assert caught.value.message_vi == expected.value.message_vi
    assert str(caught.value.path) == str(expected.value.path)


@pytest.fixture(scope="module")
def seed_workspace() -> Workspace:
    return Workspace([analyze(load_source(path)) for path in paths.seed_files()])


@pytest.mark.parametrize("links", [False, True], ids=["export", "preview"])
@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting", "handout"])
def test_built_in_templates_write_markup_expat_reads_as_html_parser_does(
    seed_workspace: Workspace, template_id: str, links: bool
) -> None:
    """Every built-in template's markup of the seeds is well-formed, so it takes the fast road
    (a template that writes ``<br>`` or leaves a ``<p>`` open would fall back, 3× slower)."""
    template = TemplateLibrary(None).get(template_id)
    assert template.manifest is not None
    briefing = replace(new_briefing(seed_workspace, "all"), template=template_id)
    document = make_document(seed_workspace, briefing, template, figure_links=links)
    styles = set(template.manifest.style_names()) | RESERVED_STYLES
    blocks = _parse_well_formed(document.markup, styles)
    assert blocks is not None
    assert repr(blocks) == repr(_parse_html(document.markup, styles))
    assert repr(blocks) == repr(document.blocks)
