"""Authored text is text: quotes, ampersands and angle brackets an author types reach the page,
the link preview and the glossary as the characters they are, never as markup (issue #15)."""

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import replace_in

DESCRIPTION = 'Qué decir: "no acepto" & pida todo por escrito'


def _page(built, path: str = "guia/index.html") -> BeautifulSoup:
    return BeautifulSoup((built.site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_description_with_quotes_and_an_ampersand_reaches_the_preview_whole(fixture_site):
    quoted = DESCRIPTION.replace("'", "''")
    built = fixture_site(replace_in("docs/es/guia.md", "description: Guía.", f"description: '{quoted}'"))
    assert built.ok, built.log
    page = _page(built)
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        got = page.select_one(selector)["content"]
        assert got == DESCRIPTION, f"{selector}: {got!r} vs {DESCRIPTION!r}"


def test_a_title_with_quotes_and_an_ampersand_is_the_tab_and_preview_title(fixture_site):
    title = 'Cargos "extra" & otros'
    built = fixture_site(replace_in("docs/es/guia.md", "title: Guía", f"title: '{title}'"))
    assert built.ok, built.log
    page = _page(built)
    assert page.title.string.startswith(title + " - "), page.title
    assert page.select_one('meta[property="og:title"]')["content"] == title


def test_a_glossary_definition_with_markup_shows_it_as_text(fixture_site):
    def edit(root: Path):
        glossary = root / "data" / "glossary.yml"
        text = glossary.read_text(encoding="utf-8")
        glossary.write_text(
            text.replace(
                "Un cargo por pagar tarde.", '"Un <b>cargo</b> & <img src=x onerror=alert(1)> tarde."'
            ),
            encoding="utf-8",
        )
        for lang in ("es", "en"):  # a glossary page in each language
            (root / "docs" / lang / "glosario.md").write_text(
                "---\ntitle: G\ndescription: G.\nreviewed: 2026-11-26\ntype: page\n---\n\n"
                "# G\n\n<!-- glossary -->\n",
                encoding="utf-8",
            )
        with (root / "data" / "published-urls.txt").open("a", encoding="utf-8") as urls:
            urls.write("glosario/\nglosario/#cargo-por-mora\nen/glosario/\nen/glosario/#cargo-por-mora\n")

    built = fixture_site(edit)
    assert built.ok, built.log
    entry = _page(built, "glosario/index.html").select_one("article")
    assert entry.select("img") == [] and entry.select("b") == [], "the definition's markup became elements"
    assert "Un <b>cargo</b> & <img src=x onerror=alert(1)> tarde." in entry.get_text(), entry.get_text()
