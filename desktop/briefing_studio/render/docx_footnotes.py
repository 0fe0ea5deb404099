"""Real Word footnotes: the ``word/footnotes.xml`` part and the marks that refer to it.

A note is a ``w:footnote`` in that part (related from the main document with the footnotes
relationship, its content type in ``[Content_Types].xml``: ``docx_package.Part`` does both),
and its mark in the text is a run holding ``w:footnoteReference``. Word and LibreOffice number
the marks themselves, so they renumber when an editor adds or removes one.
"""

from __future__ import annotations

from briefing_studio.document import Footnote, StyleSpec
from briefing_studio.render import docx_xml, layout
from briefing_studio.render.docx_package import Part

# The two notes Word expects first: the line above a page's notes, and above notes that
# continue from the page before.
_SEPARATORS = "".join(
    f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr><w:spacing w:after="0" '
    f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
    for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
)
_MARK_RPR = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def reference(note: Footnote) -> str:
    """The superscript mark in the text; the note itself goes into ``part``."""
    return f'<w:r>{_MARK_RPR}<w:footnoteReference w:id="{note.number}"/></w:r>'


def part(notes: list[Footnote], look: StyleSpec) -> Part:
    """``word/footnotes.xml`` with every note, each in the footnote look (``look``)."""
    font = docx_xml.props_xml("w:rPr", docx_xml.font_props(look), docx_xml.RPR_ORDER)
    mark = font.replace("</w:rPr>", '<w:vertAlign w:val="superscript"/></w:rPr>')
    ppr = docx_xml.props_xml(
        "w:pPr",
        {
            "w:spacing": {"w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"},
            "w:jc": {"w:val": "left"},
        },
        docx_xml.PPR_ORDER,
    )
    body = "".join(
        f'<w:footnote w:id="{note.number}"><w:p>{ppr}<w:r>{mark}<w:footnoteRef/></w:r>'
        f"{docx_xml.run(' ' + layout.printable(note.note), font)}</w:p></w:footnote>"
        for note in notes
    )
    xml = (
        f"{docx_xml.XML_DECLARATION}<w:footnotes {docx_xml.NAMESPACES}>{_SEPARATORS}{body}"
        "</w:footnotes>"
    )
    return Part("footnotes.xml", "footnotes", xml.encode())
