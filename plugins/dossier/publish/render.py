"""Render an article's kept blocks to HTML with markdown-it-py, mentions linked to entity pages.

Seed text is pasted from anywhere, so it is rendered literally: the `zero` preset (paragraphs and
text only) with raw HTML off, so `*stars*`, `<script>` and `&amp;` show as the author wrote them.
Entity links are tokens added by a core rule, the way markdown-it's own linkify rule adds them.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import Article, Link


def entity_link(state: StateCore) -> None:
    """Core rule: split text tokens at the mentions listed in env["links"] into link tokens."""
    links: list[Link] = state.env.get("links") or []
    if not links:
        return
    for block in (t for t in state.tokens if t.type == "inline" and t.children):
        new, offset, depth = [], state.env.get("offset", 0), 0
        for token in block.children:
            if token.type in ("link_open", "link_close"):
                depth += token.nesting  # never link inside a link
            if token.type == "text" and not depth:
                new += _split(token, offset, links)
            else:
                new.append(token)
            offset += len(token.content)
        block.children = new


def _split(token: Token, offset: int, links: list[Link]) -> list[Token]:
    text, out, cursor = token.content, [], 0
    for link in links:
        start, end = link.start - offset, link.end - offset
        if start < cursor or end > len(text):
            continue
        if start > cursor:
            out.append(_text(text[cursor:start]))
        link_open = Token("link_open", "a", 1, attrs={"href": link.href, "class": "entity"})
        if link.title:
            link_open.attrSet("title", link.title)
        out += [link_open, _text(text[start:end]), Token("link_close", "a", -1)]
        cursor = end
    if cursor < len(text):
        out.append(_text(text[cursor:]))
    return out


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def entity_link_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "entity_link", entity_link)


def make_renderer() -> MarkdownIt:
    return MarkdownIt("zero", {"html": False}).use(entity_link_plugin)


MARKDOWN = make_renderer()


def render_block(text: str, kind: str = "paragraph", links: list[Link] = ()) -> str:
    """One block as HTML: a paragraph, or a subheading (<h2>)."""
    leading = len(text) - len(text.lstrip())  # markdown-it trims the paragraph; keep offsets true
    env = {"links": sorted(links), "offset": leading}
    tokens = MARKDOWN.parse(text, env)
    if kind == "heading":
        for token in tokens:
            if token.type in ("paragraph_open", "paragraph_close"):
                token.tag = "h2"
    return MARKDOWN.renderer.render(tokens, MARKDOWN.options, env)


def render_article(article: Article, links_by_block: dict[int, list[Link]] | None = None) -> str:
    """The article's kept blocks as HTML; `links_by_block` maps body index to its entity links."""
    links_by_block = links_by_block or {}
    return "".join(
        render_block(b.text, b.kind, links_by_block.get(i, ())) for i, b in enumerate(article.body)
    )
