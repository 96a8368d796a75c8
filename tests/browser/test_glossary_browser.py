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
    tooltip = phone.locator("#kb-tip[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == definition.strip(), f"{path}: tooltip vs title"
    assert term.get_attribute("aria-describedby") == "kb-tip", f"{path}: the term does not point to its box"
    box, under = tooltip.bounding_box(), term.bounding_box()
    width = phone.evaluate("document.documentElement.clientWidth")
    inside = box["x"] >= 0 and box["x"] + box["width"] <= width
    assert inside, f"{path}: the box {box} is off the {width}px screen"
    assert box["y"] >= under["y"] + under["height"], f"{path}: the box {box} covers the term {under}"
    phone.locator("article h1").tap()  # a tap elsewhere closes it
    tooltip.wait_for(state="hidden", timeout=3000)
    assert term.get_attribute("aria-describedby") is None, f"{path}: still described by a hidden box"


@pytest.mark.parametrize(("path", "lang"), PAGES)
def test_another_term_moves_the_box_and_escape_closes_it(phone, path, lang):
    phone.goto(path)
    terms = phone.locator("article abbr[title]:not(a abbr)")  # a term in a link opens the link
    assert terms.count() >= 2, f"{path}: {terms.count()} glossary terms vs at least 2"
    first, second = terms.nth(0), terms.nth(terms.count() - 1)
    first.tap()
    second.scroll_into_view_if_needed()
    second.tap()
    tooltip = phone.locator("#kb-tip")
    shown, wanted = tooltip.inner_text().strip(), second.get_attribute("title").strip()
    assert shown == wanted, f"{path}: the box shows {shown!r} vs {wanted!r}"
    assert phone.locator("#kb-tip").count() == 1, f"{path}: more than one box"
    assert first.get_attribute("aria-describedby") is None, f"{path}: the first term is still described"
    phone.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
