"""The entry points: :func:`render` (a decoded page) and :func:`render_tree` (a neutral tree), and
their result, :class:`Rendered`.

:func:`render_tree` runs stages 2–5 in order — chrome, body, rendering, signals — and assembles
the text, with the page's signals as its first lines and the ``attachment_tables`` warning.
"""

from __future__ import annotations

from typing import Optional

from attrs import field, frozen

from ..errors import InputError
from ..metadata import _PUBLISHED_RE
from ..model import Diagnostic
from .body import _choose_body, _chunks, _stats
from .chrome import _drop_chrome, _drop_duplicates
from .rendering import _Renderer
from .signals import (
    _ATTACH_SAY_RE,
    _DATE_RE,
    _DOC_LINK_RE,
    _SOURCE_RE,
    _date_in,
    _is_title,
    _is_title_like,
    _page_title,
    _simplified,
    _source_in,
)
from .tree import BUILDERS, Node, _within, check_builder


@frozen(kw_only=True)
class Rendered:
    """A rendered page.

    ``text``: one line per block and per table row (cells separated by tabs), ``\\n``-terminated.
    ``grid_lines``: the 1-based numbers of the lines that are table rows (their cells are split on
    tabs, strictly: see :func:`gkparse.normalize.normalize_text`). ``title``: the page ``<title>``
    without its site-name suffix. ``published``: the CMS publication date (ISO) emitted as the
    ``发布日期:`` line, when the body has no date line of its own.
    ``attachments``: document and image URLs of the body when it says its tables are in them.
    ``grids``: every data table as an expanded grid, one tuple per row: the cell's text at its own
    position, ``None`` at positions a span covers (tests and debugging; the text is what counts).
    """

    text: str
    grid_lines: frozenset[int] = frozenset()
    title: Optional[str] = None
    published: Optional[str] = None
    attachments: tuple[str, ...] = ()
    grids: tuple[tuple[tuple[Optional[str], ...], ...], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def render(html: str, *, source: str = "<html>", builder: str = "html5lib") -> Rendered:
    """Render a decoded HTML page (see :mod:`gkparse.html`).

    :param html: the page as a ``str`` (decode bytes with :func:`gkparse.decode.decode_bytes`).
    :param source: how diagnostics name the input.
    :param builder: ``"html5lib"`` (default) or ``"fast"`` (selectolax/Lexbor, the ``fast`` extra).
    """
    if not isinstance(html, str):
        raise InputError("render() takes the decoded page as str, never bytes", source=source)
    check_builder(builder, source=source)
    root, raw_title = BUILDERS[builder](html)
    return render_tree(root, raw_title, source=source)


def render_tree(root: Node, raw_title: Optional[str], *, source: str = "<html>") -> Rendered:
    """Stages 2–5 on a neutral tree (both builders end here). The tree is modified."""
    _drop_chrome(root)
    _drop_duplicates(root)
    chunks = _chunks(root)
    stats = _stats(root, chunks)
    body = _choose_body(root, stats)

    renderer = _Renderer(stats)
    renderer.walk(body)
    renderer.flush()
    lines, grid = renderer.lines, renderer.grid

    # Signals: title and publication date as the first lines, when the body lacks them.
    head: list[str] = []
    title = _page_title(raw_title)
    has_title = any(_is_title(line) for n, line in enumerate(lines) if n not in grid) or any(
        _is_title(f) for n in grid for f in lines[n].split("\t")
    )
    if title and not has_title and _is_title_like(title):
        head.append(title)
    published = None
    body_dated = any(_DATE_RE.search(line) and _PUBLISHED_RE.search(_simplified(line)) for line in lines[:200])
    if not body_dated:
        inside = [c for c in chunks if _within(c.owner, body)]
        before, after = [], []
        seen_body = False
        for c in chunks:
            if _within(c.owner, body):
                seen_body = True
            elif seen_body:
                after.append(c)
            else:
                before.append(c)
        published = _date_in(before) or _date_in(inside) or _date_in(after)
        if published:
            head.append(f"发布日期:{published}")
    origin = None
    if not any(_SOURCE_RE.search(line) for line in lines[:50]):
        origin = _source_in([c for c in chunks if not _within(c.owner, body)])
        if origin:
            head.append(f"来源:{origin}")

    # Attachments the body points to.
    diags: list[Diagnostic] = []
    links, images = renderer.resources()
    docs = [h for h in links if _DOC_LINK_RE.search(h)]
    attachments: tuple[str, ...] = ()
    says = any(_ATTACH_SAY_RE.search(line) for line in lines + renderer.link_lists)
    if says and not docs and not images:
        # the attachment list often sits just outside the text block: look one and two levels up
        up = body.parent
        for _ in range(2):
            if up is None:
                break
            docs = [n.attrs.get("href", "").strip() for n in up.iter() if n.tag == "a" and _DOC_LINK_RE.search(n.attrs.get("href", ""))]
            if docs:
                break
            up = up.parent
    if (docs or images) and says:
        attachments = tuple(dict.fromkeys(docs + images))
        diags.append(
            Diagnostic(
                code="attachment_tables",
                severity="warning",
                message=(
                    f"{source}: the page says its tables are in an attachment or an image; they are not in the text. "
                    f"Fetch: {', '.join(attachments)}"
                ),
                where="html body",
            )
        )

    all_lines = head + lines
    offset = len(head)
    text = "".join(line + "\n" for line in all_lines)
    grids = tuple(tuple(tuple(r) for r in g.rows) for g in renderer.grids)
    return Rendered(
        text=text,
        grid_lines=frozenset(n + offset + 1 for n in grid),
        title=title,
        published=published,
        attachments=attachments,
        grids=grids,
        diagnostics=tuple(diags),
    )
