"""The reader's fill-in details beyond one page: forgetting them reaches every open tab, the About
page offers to forget them too, and they erase themselves after the days data/privacy.yml says
(issue #15)."""

import json

import yaml

from conftest import ROOT

DAYS = yaml.safe_load((ROOT / "data" / "privacy.yml").read_text(encoding="utf-8"))["details_days"]
FRASES = "frases/"  # a page with the fill-in form
ABOUT = "acerca/#privacidad"


def _fill(page, value: str = "Ana Ruiz"):
    form = page.locator("details.kb-fill")
    if form.get_attribute("open") is None:
        form.locator("summary").tap()
    form.locator('input[name="name"]').fill(value)


def _shown(page, key: str = "name") -> set[str]:
    return set(page.eval_on_selector_all(f'.kb-ph[data-ph="{key}"]', "els => els.map(e => e.textContent)"))


def test_forgetting_on_the_about_page_reaches_the_other_open_tab(phone):
    phone.goto(FRASES)
    _fill(phone)
    assert _shown(phone) == {"Ana Ruiz"}
    about = phone.context.new_page()
    about.goto(ABOUT)
    button = about.locator(".kb-forget-all button")
    assert button.is_visible(), "the About page offers no 'forget my details' button"
    button.tap()
    assert about.locator(".kb-forget-all .kb-status").inner_text().strip(), "no confirmation"
    phone.wait_for_function("() => !localStorage.getItem('kb-details')")
    phone.wait_for_function(
        "() => [...document.querySelectorAll('.kb-ph[data-ph=\"name\"]')]"
        ".every(e => e.textContent === e.dataset.label)",
        timeout=3000,
    )
    assert phone.locator('details.kb-fill input[name="name"]').input_value() == "", (
        "the other tab's form kept it"
    )


def test_details_typed_in_one_tab_show_in_the_other(phone):
    phone.goto(FRASES)
    other = phone.context.new_page()
    other.goto(FRASES)
    _fill(phone, "Luis Soto")
    other.wait_for_function(
        "() => [...document.querySelectorAll('.kb-ph[data-ph=\"name\"]')]"
        ".every(e => e.textContent === 'Luis Soto')",
        timeout=3000,
    )


def test_details_unused_for_longer_than_the_stated_days_erase_themselves(phone):
    phone.goto(FRASES)
    for age, kept in ((DAYS + 1, False), (DAYS - 1, True)):
        stored = phone.evaluate(
            "([age]) => { const used = Math.floor(Date.now() / 86400000) - age;"
            " localStorage.setItem('kb-details', JSON.stringify({details: {name: 'Ana Ruiz'}, used}));"
            " return used; }",
            [age],
        )
        phone.reload()
        left = phone.evaluate("localStorage.getItem('kb-details')")
        assert bool(left) == kept, f"{age} days unused: stored {left!r}"
        assert (_shown(phone) == {"Ana Ruiz"}) == kept, f"{age} days unused: shown {_shown(phone)}"
        if kept:
            assert json.loads(left)["used"] > stored, "reading the details did not count as a use"
