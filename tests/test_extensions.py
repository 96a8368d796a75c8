"""The page transforms are Python-Markdown extensions: they work on a string, with no site built."""

import markdown
import pytest
from bs4 import BeautifulSoup

from kb import ROOT
from kb.errors import ContentError


def render(text: str, *extensions: str, **options) -> BeautifulSoup:
    configs = {name: options for name in extensions if name.startswith("kb.")}
    html = markdown.markdown(
        text, extensions=["attr_list", "abbr", "md_in_html", *extensions], extension_configs=configs
    )
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("lang, title", [("es", "Antes de colgar"), ("en", "Before you hang up")])
def test_a_script_marker_renders_the_script_in_the_language_asked(lang, title):
    page = render("Al final:\n\n<!-- script: numero-de-caso -->\n", "kb.scripts", lang=lang)
    heading = page.find(id="numero-de-caso")
    assert heading is not None and heading.get_text().strip() == title, f"{lang}: {heading}"
    assert page.select_one('div.kb-script[data-script="numero-de-caso"] button.kb-copy[hidden]')


def test_an_unknown_script_names_the_line_and_the_fix():
    with pytest.raises(
        ContentError, match=r"guia\.md:3: unknown script ID 'nope': add it to data/scripts\.yml"
    ):
        render("Texto.\n\n<!-- script: nope -->\n", "kb.scripts", lang="es", src="guia.md")


def test_glossary_terms_become_tooltips_in_the_page_language():
    page = render("Pida el desglose de cada cargo por mora.\n", "kb.glossary", lang="es")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.select("abbr[title]")}
    assert "cargo por mora" in titles and "pagar tarde" in titles["cargo por mora"], titles


def test_a_guide_without_its_sections_is_refused():
    with pytest.raises(ContentError, match=r"missing section `## … \{ #respuesta \}`"):
        render("# Guía\n\n## Algo { #algo }\n\nTexto.\n", "kb.shape", type="guide")


def test_checklist_rows_are_labelled_by_their_words():
    html = markdown.markdown(
        "- [ ] Su número de contrato.\n",
        extensions=["pymdownx.tasklist", "kb.tasklabels"],
        extension_configs={"pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True}},
    )
    page = BeautifulSoup(html, "html.parser")
    label = page.select_one("label.task-list-control")
    assert label is not None and "Su número de contrato." in label.get_text(), page


def test_under_zensical_the_page_comes_from_its_rendering_context():
    """Zensical keeps the page being rendered on a preprocessor named "rendering_context"."""
    from markdown.preprocessors import Preprocessor

    from kb.page import page_of

    class Context(Preprocessor):  # the shape of zensical.extensions.context.ContextPreprocessor
        def __init__(self, md, path):
            super().__init__(md)
            self.page = type("Page", (), {"path": path})()
            self.config = {"root_dir": str(ROOT), "docs_dir": "docs"}

        def run(self, lines):
            return lines

    md = markdown.Markdown()
    md.preprocessors.register(Context(md, "en/frases.md"), "rendering_context", 100)
    page = page_of(md)
    assert (page.lang, page.src) == ("en", "docs/en/frases.md"), page
    assert page.meta.get("type") == "page" and page.meta.get("title"), page.meta
