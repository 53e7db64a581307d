"""The theme's stylesheets are well-formed CSS: tinycss2 (the CSS Syntax Level 3 parser WeasyPrint is
built on) parses every rule, every @media block and every declaration, and any parse error it reports
(a declaration without its colon, a stray brace, an unclosed string, an unmatched parenthesis) or a
declaration left without a value fails the test, with its line and column. The Nu Html Checker cannot
do it: its CSS grammar predates color-scheme and :has(), which the theme uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

from conftest import ROOT

STYLESHEETS = sorted((ROOT / "theme" / "static").rglob("*.css"))
RULE_LISTS = {"media", "supports", "container", "layer", "scope", "starting-style"}  # at-rules holding rules


def css_errors(css: str) -> list[str]:
    errors: list[str] = []

    def where(node) -> str:
        return f"{node.source_line}:{node.source_column}"

    def values(tokens) -> None:  # error tokens: bad strings and URLs, unmatched ) ] }
        for token in tokens or []:
            if token.type == "error":
                errors.append(f"{where(token)}: {token.message}")
            values(getattr(token, "content", None) or getattr(token, "arguments", None))

    def declarations(content) -> None:
        for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
            if item.type == "error":  # neither a declaration nor a nested rule
                errors.append(f"{where(item)}: not a declaration (no ':'?) nor a rule: {item.message}")
            elif item.type == "declaration":
                values(item.value)
                if not any(token.type not in ("whitespace", "comment") for token in item.value):
                    errors.append(f"{where(item)}: {item.name} has no value")
            else:
                rules([item])  # a nested rule

    def rules(nodes) -> None:
        for node in nodes:
            if node.type == "error":
                errors.append(f"{where(node)}: {node.message}")
            elif node.type == "qualified-rule":
                values(node.prelude)
                declarations(node.content)
            elif node.type == "at-rule":
                values(node.prelude)
                if node.content is not None and node.lower_at_keyword in RULE_LISTS:
                    rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
                elif node.content is not None:
                    declarations(node.content)  # @font-face, @page: declarations

    rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return errors


def test_the_theme_stylesheet_is_checked():
    assert ROOT / "theme" / "static" / "css" / "dossier.css" in STYLESHEETS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_stylesheet_parses_without_errors(path: Path):
    assert css_errors(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "broken, line",
    [
        ("a { color: red; }\nb { color blue; }", 2),  # no colon
        ("a { color: red; }\n}\n", 2),  # a stray brace
        ('a {\n  content: "unclosed\n}', 2),  # an unclosed string
        ("a { width: calc(1px + 2px)); }", 1),  # an unmatched parenthesis
        ("a { color: ; }", 1),  # no value
        ("@media (max-width: 40rem) {\n  b { color blue }\n}", 2),  # inside @media
        ("main {\n  & > p { margin 0 }\n}", 2),  # inside a nested rule
    ],
)
def test_a_broken_stylesheet_is_caught_with_its_line(broken: str, line: int):
    errors = css_errors(broken)
    assert errors and errors[0].startswith(f"{line}:"), errors


def test_modern_css_the_theme_uses_is_not_an_error():
    css = (
        ":root { color-scheme: light dark; --measure: 40rem; }\n"
        "main:has(> .side) { grid-template-columns: minmax(0, var(--measure)) 18rem; }\n"
        "@media (prefers-color-scheme: dark) { :root { --line: #4a4f57; } }\n"
        "@supports (display: grid) { main { display: grid; } }\n"
        "@font-face { font-family: x; src: url(x.woff2) format('woff2'); }\n"
    )
    assert css_errors(css) == []
