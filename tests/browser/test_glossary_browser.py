"""Glossary terms explain themselves where they appear: a tap shows the definition on a phone."""

import pytest

PAGES = [("pagos-atrasados/", "es"), ("en/pagos-atrasados/", "en")]


@pytest.mark.parametrize(("path", "lang"), PAGES)
def test_tapping_a_term_shows_its_definition(phone, path, lang):
    phone.goto(path)
    term = phone.locator("article abbr[title]").first
    definition = term.get_attribute("title")
    assert definition, f"{path}: no glossary term on the page"
    term.tap()
    tooltip = phone.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == definition.strip(), f"{path}: tooltip vs title"
