"""HTML pages saved from news sites: title, author and the article's main text.

The main text is the ``<article>`` when the page has one that holds most of the paragraph
text, otherwise the element whose paragraphs carry the most text (the core of the readability
heuristic). Navigation, headers, footers, asides, scripts, styles and forms are dropped first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from briefing_studio.errors import BriefingError
from briefing_studio.sources.encodings import decode_text
from briefing_studio.sources.guards import empty_error, read_bytes
from briefing_studio.sources.html_charset import decode_html
from briefing_studio.sources.limits import MAX_TEXT_BYTES
from briefing_studio.sources.model import Block, BlockKind, SourceDocument, Table
from briefing_studio.sources.tables import RawCell, attach_captions, build_table
from briefing_studio.textutil import clean_line, clean_text

_NOISE_TAGS = (
    "nav header footer aside script style noscript template form button input select "
    "textarea iframe svg canvas object embed"
).split()
_NOISE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:comments?|share|social|breadcrumbs?|related|sidebar|advert\w*|ads?|"
    r"banner|menu|popup|cookies?|newsletter|subscribe|tags?)(?:$|[-_\s])",
    re.IGNORECASE,
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}
# A picture and its caption: their text is metadata about the picture, not the article's.
_CAPTION_TAGS = frozenset(("figure", "figcaption"))
_LEAF_BLOCKS = frozenset("p li dt dd blockquote pre td th caption figcaption address".split())
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub "
    "sup time u var wbr".split()
)
_LINE_BREAK = "\u2028"  # stands for <br>: a raw newline in HTML source is only a space
_MIN_PARAGRAPH = 25  # characters; shorter <p>s (captions, bylines) do not vote for the main text
_MAX_SPAN = 100  # rowspan/colspan beyond this is a broken page, not a table
_ARTICLE_SHARE = 0.5  # an <article> is the main text if it has this share of the best text


def load_html(path: Path, encoding: str | None = None) -> SourceDocument:
    """Load a saved web page; ``encoding`` overrides its charset. Parser failures become a
    ``BriefingError`` naming the file."""
    data = read_bytes(path, MAX_TEXT_BYTES)
    if encoding in (None, "", "auto"):
        text, encoding = decode_html(data, path)
    else:
        text, encoding = decode_text(data, encoding, path)
    soup = _parse(text, path)
    title, author = _title(soup), _author(soup)
    for tag in _outermost(soup, lambda tag: tag.name in _NOISE_TAGS):
        tag.decompose()
    main = _main_element(soup)
    blocks = tuple(attach_captions(list(_blocks(main, _block_holders(main)))))
    if not blocks:
        raise empty_error(path)
    return SourceDocument(
        path=str(path),
        name=path.name,
        format="html",
        encoding=encoding,
        blocks=blocks,
        title=title,
        author=author,
    )


def _parse(text: str, path: Path) -> BeautifulSoup:
    for parser in ("lxml", "html.parser"):
        try:
            soup = BeautifulSoup(text, parser)
        except Exception:  # a parser choking on a page: try the next one
            continue
        for br in soup.find_all("br"):
            br.replace_with(_LINE_BREAK)
        return soup
    raise BriefingError(
        "Không đọc được trang HTML (tệp bị hỏng).",
        "The HTML page cannot be read (the file is damaged).",
        path=path,
    )


def _meta(soup: BeautifulSoup, **attrs: str) -> str:
    tag = soup.find("meta", attrs=attrs)
    content = tag.get("content") if isinstance(tag, Tag) else None
    return clean_line(content) if isinstance(content, str) else ""


def _title(soup: BeautifulSoup) -> str:
    """og:title, else the first ``<h1>``, else ``<title>``."""
    title = _meta(soup, property="og:title")
    for tag_name in ("h1", "title"):
        if title:
            break
        tag = soup.find(tag_name)
        title = clean_line(tag.get_text()) if isinstance(tag, Tag) else ""
    return title


def _author(soup: BeautifulSoup) -> str:
    author = _meta(soup, name="author")
    if not author:
        author = _meta(soup, property="article:author")
    return "" if author.startswith(("http://", "https://")) else author


def _paragraph_chars(element: Tag) -> int:
    return sum(len(text) for p in element.find_all("p") if len(text := p.get_text(strip=True)) >= 5)


def _main_element(soup: BeautifulSoup) -> Tag:
    """The ``<article>`` with most text if it holds enough of it, else the best-scored element."""
    best = _best_scored(soup)
    best_chars = _paragraph_chars(best) if best is not None else 0
    articles = [tag for tag in soup.find_all("article") if isinstance(tag, Tag)]
    if articles:
        article = max(articles, key=_paragraph_chars)
        if _paragraph_chars(article) >= _ARTICLE_SHARE * best_chars:
            best = article
    if best is None:
        best = soup.body if isinstance(soup.body, Tag) else soup
    _drop_noise_blocks(best)
    return best


def _best_scored(soup: BeautifulSoup) -> Tag | None:
    """Readability's core: each paragraph votes its length for its parent, half for the
    grandparent; the element with most votes holds the article."""
    scores: dict[int, float] = {}
    elements: dict[int, Tag] = {}
    for p in soup.find_all("p"):
        length = len(p.get_text(strip=True))
        if length < _MIN_PARAGRAPH:
            continue
        parent = p.parent
        for weight in (1.0, 0.5):
            if not isinstance(parent, Tag) or parent.name in ("html", "[document]"):
                break
            scores[id(parent)] = scores.get(id(parent), 0.0) + weight * length
            elements[id(parent)] = parent
            parent = parent.parent
    if not scores:
        return None
    return elements[max(scores, key=scores.__getitem__)]


def _outermost(root: Tag, wanted: Callable[[Tag], bool]) -> list[Tag]:
    """Tags under ``root`` for which ``wanted`` holds, not looking inside those found.

    Iterative and linear: a page with thousands of nested elements must not hang the app
    (bs4's own ``find_all`` per element would be quadratic).
    """
    found: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if wanted(tag):
            found.append(tag)
        else:
            stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _drop_noise_blocks(main: Tag) -> None:
    """Share buttons, related links, tag lists inside the main element (by class or id),
    unless they hold a real share of its text."""
    total = _paragraph_chars(main)

    def is_small_noise(tag: Tag) -> bool:
        names = " ".join([*tag.get("class", []), tag.get("id", "") or ""])
        return bool(_NOISE_NAMES.search(names)) and _paragraph_chars(tag) < 0.25 * total

    for tag in _outermost(main, is_small_noise):
        tag.decompose()


def _block_holders(main: Tag) -> set[int]:
    """Ids of the tags that hold a block-level element somewhere inside (one linear pass)."""
    holders: set[int] = set()
    for tag in main.find_all(True):
        if tag.name in _INLINE:
            continue
        parent = tag.parent
        while parent is not None and id(parent) not in holders:
            holders.add(id(parent))
            parent = parent.parent
    return holders


def _blocks(main: Tag, holders: set[int]) -> Iterator[Block]:
    """Headings and paragraphs in document order (an explicit stack: pages nest deeply).

    The text of a ``<figure>`` (an image's caption and credit) and of a ``<figcaption>`` comes
    as ``caption`` blocks, not paragraphs; a data table inside a figure stays a table.
    """
    buffer: list[str] = []
    # Each open container with the kind its loose text and paragraphs take.
    stack: list[tuple[Iterator[PageElement], BlockKind]] = [(iter(main.children), "paragraph")]
    while stack:
        children, kind = stack[-1]
        child = next(children, None)
        if child is None:  # end of a container
            stack.pop()
            yield from _flush(buffer, kind)
        elif type(child) is NavigableString:
            buffer.append(str(child))
        elif not isinstance(child, Tag):
            continue  # comments, doctype, CDATA
        elif child.name in _HEADINGS:
            yield from _flush(buffer, kind)
            yield from _single(child, "heading", _HEADINGS[child.name])
        elif child.name == "table" and (table := _data_table(child)) is not None:
            yield from _flush(buffer, kind)
            yield Block.of_table(table)
        elif id(child) not in holders and child.name in _INLINE:
            buffer.append(child.get_text())
        elif id(child) not in holders and child.name in _LEAF_BLOCKS:
            yield from _flush(buffer, kind)
            leaf_kind: BlockKind = "caption" if child.name in _CAPTION_TAGS else kind
            yield from _single(child, leaf_kind, 0)
        else:
            yield from _flush(buffer, kind)
            inner: BlockKind = "caption" if child.name in _CAPTION_TAGS else kind
            stack.append((iter(child.children), inner))


def _data_table(tag: Tag) -> Table | None:
    """A ``<table>`` of data as a ``Table`` (``th``/``thead`` headers, ``rowspan``/``colspan``
    kept); None for a layout table (one row or column, or tables inside it), read as text."""
    if tag.find("table") is not None:
        return None
    rows: list[list[RawCell]] = []
    for tr in tag.find_all("tr"):
        in_head = tr.find_parent("thead") is not None
        rows.append(
            [
                (
                    clean_line(cell.get_text(" ")),
                    _span(cell.get("rowspan")),
                    _span(cell.get("colspan")),
                    in_head or cell.name == "th",
                )
                for cell in tr.find_all(("td", "th"), recursive=False)
            ]
        )
    rows = [row for row in rows if row]
    if len(rows) < 2 or max(sum(colspan for _, _, colspan, _ in row) for row in rows) < 2:
        return None
    caption = tag.find("caption")
    return build_table(rows, clean_line(caption.get_text(" ")) if caption else "")


def _span(raw: object) -> int:
    """A ``rowspan``/``colspan`` value, kept within what a real table uses."""
    try:
        return max(1, min(int(str(raw).strip()), _MAX_SPAN))
    except ValueError:
        return 1


def _single(tag: Tag, kind: BlockKind, level: int) -> Iterator[Block]:
    text = clean_line(tag.get_text())
    if text:
        yield Block(text, kind, level)


def _flush(buffer: list[str], kind: BlockKind = "paragraph") -> Iterator[Block]:
    """Loose text between blocks: one block of ``kind`` per line (``<br>`` became a newline)."""
    raw = re.sub(r"\s", " ", "".join(buffer).replace(_LINE_BREAK, "\0"))
    text = clean_text(raw.replace("\0", "\n"))
    buffer.clear()
    for line in text.split("\n"):
        if line:
            yield Block(line, kind)
