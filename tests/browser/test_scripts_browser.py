"""Scripts as a reader on a phone uses them: fill in once, see it everywhere, copy, come back, forget.

And with JavaScript off, the same scripts still read correctly, with no control that does nothing.
Expected texts come from data/scripts.yml, not from the page, so a wrong rendering fails.
"""

import json
import re

import pytest
import yaml

from conftest import LANGS, ROOT
from kb import checks as kbcheck

SCRIPTS = yaml.safe_load((ROOT / "data" / "scripts.yml").read_text(encoding="utf-8"))
BY_ID = {s["id"]: s for s in SCRIPTS["scripts"]}
LABELS = SCRIPTS["placeholders"]

# What a reader types, per placeholder key, and how the page must show a date in its language.
TYPED = {"contract": "PL-2024-88817", "store": "Muebles Lupita", "email": "ana.reyes@example.org"}
DATE_TYPED = "2026-03-05"
DATE_SHOWN = {"es": "5 de marzo de 2026", "en": "March 5, 2026"}

# Pages with the fill-in form (two guides, the phrases page) and the keys a reader fills on each:
# contract number, store, email where the page asks for them, and one date.
FILL_PAGES = {
    "escalar": ("contract", "store", "email", "today"),
    "frases": ("contract", "store", "email", "call-date"),
    "compra-anticipada": ("contract", "email", "call-date"),
}
SENTINEL = "clipboard not written by the page"


def _url(name: str, lang: str) -> str:
    return kbcheck.url_of(name, lang)


def _expected_text(sid: str, lang: str, values: dict[str, str]) -> str:
    """A script's text as a reader should see and copy it: values filled in, other keys as [label]."""
    text = BY_ID[sid][lang]["text"].strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]

    def fill(match):
        key = match.group(1)
        return values.get(key) or f"[{LABELS[key][lang]}]"

    return "\n\n".join(re.sub(r"\[([a-z0-9-]+)\]", fill, p) for p in paragraphs)


def _wanted(name: str, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(what is typed per key, what the page must show per key)."""
    dates = {k for k in FILL_PAGES[name] if LABELS[k].get("type") == "date"}
    typed = {k: DATE_TYPED if k in dates else TYPED[k] for k in FILL_PAGES[name]}
    shown = {k: DATE_SHOWN[lang] if k in dates else TYPED[k] for k in FILL_PAGES[name]}
    return typed, shown


def _placeholders(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".kb-ph", "els => els.map(e => ({key: e.dataset.ph, label: e.dataset.label, text: e.textContent}))"
    )


def _storage(page) -> dict:
    return page.evaluate(
        """() => ({local: Object.fromEntries(Object.entries(localStorage)),
                   session: Object.fromEntries(Object.entries(sessionStorage)),
                   cookie: document.cookie})"""
    )


def _open_form(page):
    form = page.locator("details.kb-fill")
    assert form.count() == 1, f"{page.url}: {form.count()} fill-in forms vs 1"
    assert form.is_visible(), f"{page.url}: the fill-in form is hidden with JavaScript on"
    if form.get_attribute("open") is None:
        form.locator("summary").tap()
    assert form.get_attribute("open") is not None, f"{page.url}: tapping the summary did not open the form"
    return form


def _assert_shown(page, shown: dict[str, str], where: str):
    """Every placeholder of a filled key shows the value; every other one still shows its label."""
    phs = _placeholders(page)
    for key in shown:
        assert any(ph["key"] == key for ph in phs), f"{where}: no placeholder [{key}] on the page to check"
    wrong = [
        (ph["key"], ph["text"], shown.get(ph["key"], ph["label"]))
        for ph in phs
        if ph["text"] != shown.get(ph["key"], ph["label"])
    ]
    assert not wrong, f"{where}: placeholders showing the wrong text (key, shown, expected): {wrong}"


def _copy_and_read(page, block) -> tuple[str, str]:
    """Tap the block's copy button; return (clipboard text, confirmation shown)."""
    page.evaluate("text => navigator.clipboard.writeText(text)", SENTINEL)
    button = block.locator(".kb-copy")
    assert button.is_visible(), f"{page.url}: copy button hidden in {block.get_attribute('data-script')}"
    button.tap()
    status = block.locator(".kb-status")
    status.filter(has_text=re.compile(r"\S")).wait_for(timeout=3000)
    return page.evaluate("navigator.clipboard.readText()"), status.inner_text().strip()


@pytest.mark.parametrize("name", sorted(FILL_PAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_fill_copy_persist_and_forget(phone, name, lang):
    where = f"/{_url(name, lang)}"
    typed, shown = _wanted(name, lang)
    phone.goto(_url(name, lang))
    form = _open_form(phone)
    inputs = form.locator("input").evaluate_all("els => els.map(e => e.name)")
    missing = sorted(set(typed) - set(inputs))
    assert not missing, f"{where}: the form has no field for {missing} (fields: {inputs})"
    types = {key: form.locator(f'input[name="{key}"]').get_attribute("type") for key in typed}
    assert "date" in types.values(), f"{where}: no date among the fields filled: {types}"

    for key, value in typed.items():
        form.locator(f'input[name="{key}"]').fill(value)
    _assert_shown(phone, shown, f"{where} after typing")

    # Copy every script that carries a filled-in value; the clipboard holds the filled text.
    copied = 0
    done = "Copiado" if lang == "es" else "Copied"
    for block in phone.locator(".kb-script").all():
        sid = block.get_attribute("data-script")
        if not set(shown) & set(re.findall(r"\[([a-z0-9-]+)\]", BY_ID[sid][lang]["text"])):
            continue
        text, status = _copy_and_read(phone, block)
        assert text == _expected_text(sid, lang, shown), f"{where} #{sid}: clipboard vs expected"
        assert status == done, f"{where} #{sid}: confirmation {status!r} vs {done!r}"
        copied += 1
    assert copied, f"{where}: no script with a filled-in placeholder to copy"

    # Kept in this browser, under kb-details only: nowhere else, not in cookies.
    store = _storage(phone)
    kept = json.loads(store["local"].get("kb-details") or "{}")
    assert kept.get("details") == typed, f"{where}: kb-details holds {kept} vs {typed}"
    today = phone.evaluate("Math.floor(Date.now() / 86400000)")
    assert kept.get("used") == today, f"{where}: last use {kept.get('used')} vs today {today}"
    elsewhere = [
        (area, k)
        for area in ("local", "session")
        for k, v in store[area].items()
        if not (area == "local" and k == "kb-details") and any(t in v for t in typed.values())
    ]
    assert not elsewhere, f"{where}: details also stored under {elsewhere}"
    assert not any(t in store["cookie"] for t in typed.values()), f"{where}: details in a cookie"

    phone.reload()
    _assert_shown(phone, shown, f"{where} after reload")
    form = _open_form(phone)
    values = {key: form.locator(f'input[name="{key}"]').input_value() for key in typed}
    assert values == typed, f"{where}: form after reload {values} vs {typed}"

    form.locator(".kb-forget").tap()
    store = _storage(phone)
    assert "kb-details" not in store["local"], f"{where}: kb-details still stored after forget"
    leftover = [
        (a, k)
        for a in ("local", "session")
        for k, v in store[a].items()
        if any(t in v for t in typed.values())
    ]
    assert not leftover, f"{where}: details still stored under {leftover} after forget"
    _assert_shown(phone, {}, f"{where} after forget")
    values = {key: form.locator(f'input[name="{key}"]').input_value() for key in typed}
    assert not any(values.values()), f"{where}: form still filled after forget: {values}"
    assert form.locator(".kb-status").inner_text().strip(), f"{where}: no confirmation after forget"

    phone.reload()
    _assert_shown(phone, {}, f"{where} after forget and reload")


@pytest.mark.parametrize("name", sorted(FILL_PAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_scripts_read_without_javascript(browser, server, name, lang):
    where = f"/{_url(name, lang)}"
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, base_url=server
    )
    try:
        page = context.new_page()
        page.goto(_url(name, lang))
        blocks = page.locator(".kb-script").all()
        assert blocks, f"{where}: no script on the page"
        for block in blocks:
            sid = block.get_attribute("data-script")
            shown = block.locator(".kb-script-text").inner_text().strip()
            assert shown == _expected_text(sid, lang, {}), f"{where} #{sid}: text without JavaScript"
            assert page.locator(f"h3#{sid}").is_visible(), f"{where}: heading #{sid} not visible"
        _assert_shown(page, {}, f"{where} without JavaScript")

        # Controls that need JavaScript must not show: they would do nothing when tapped.
        content = page.locator(".md-content")
        dead = [
            el.evaluate("e => e.outerHTML.slice(0, 120)")
            for sel in ("details.kb-fill", "button", "input:not([type=checkbox])", ".kb-link")
            for el in content.locator(sel).all()
            if el.is_visible()
        ]
        assert not dead, f"{where}: controls visible without JavaScript: {dead}"
    finally:
        context.close()
