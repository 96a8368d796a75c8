"""The call log on a phone (issue #16): note a call in a few taps, the list newest first, edit and
delete, copy / share / print the whole log as plain text, kept only in this browser and gone with
"forget my details"; what a reader types is text, never markup."""

import json

import pytest

from conftest import LANGS
from kb import checks as kbcheck

WORDS = {
    "es": {
        "add": "Anotar una llamada",
        "case": "Número de caso",
        "agent": "Nombre del agente",
        "empty": "Todavía no",
    },
    "en": {"add": "Log a call", "case": "Case number", "agent": "Agent's name", "empty": "You have not"},
}
SHEET = """window.kbShared = []; Object.defineProperty(Navigator.prototype, 'share', {configurable: true,
    value: function (data) { window.kbShared.push(data); return Promise.resolve(); }});"""


def _log(phone, lang: str):
    phone.goto(kbcheck.url_of("registro", lang))
    box = phone.locator(".kb-calllog")
    assert box.is_visible(), f"{lang}: the call log is not shown"
    return box


def _add(box, **fields):
    summary = box.locator(".kb-calllog-add summary")
    if box.locator(".kb-calllog-add[open]").count() == 0:
        summary.tap()
    for name, value in fields.items():
        box.locator(f"[name='{name}']").fill(value)
    box.locator(".kb-calllog-save").tap()


def _items(box) -> list[str]:
    return [text.strip() for text in box.locator(".kb-calllog-list > li").all_inner_texts()]


@pytest.mark.parametrize("lang", LANGS)
def test_log_calls_newest_first_edit_and_delete(phone, lang):
    box = _log(phone, lang)
    assert WORDS[lang]["empty"] in box.locator(".kb-calllog-empty").inner_text()
    box.locator(".kb-calllog-add summary").tap()
    assert box.locator("[name=date]").input_value(), f"{lang}: the date is not filled in with today"
    assert box.locator("[name=time]").input_value(), f"{lang}: the time is not filled in with now"
    _add(box, date="2026-11-20", time="09:30", agent="Ana", case="111", promised="Reembolso de $50")
    _add(box, date="2026-12-01", time="16:05", agent="Luis", case="222", notes="Dijo que llamaría")
    items = _items(box)
    assert len(items) == 2 and "Luis" in items[0] and "Ana" in items[1], f"{lang}: {items} (newest first?)"
    assert box.locator(".kb-calllog-empty").is_hidden(), f"{lang}: 'no calls yet' shown with calls"

    box.locator(".kb-calllog-list > li").nth(1).locator(".kb-calllog-edit").tap()
    assert box.locator("[name=agent]").input_value() == "Ana", f"{lang}: editing did not load the call"
    box.locator("[name=agent]").fill("Ana María")
    box.locator(".kb-calllog-save").tap()
    items = _items(box)
    assert len(items) == 2 and "Ana María" in items[1], f"{lang}: after editing {items}"

    phone.once("dialog", lambda dialog: dialog.accept())
    box.locator(".kb-calllog-list > li").nth(0).locator(".kb-calllog-delete").tap()
    items = _items(box)
    assert len(items) == 1 and "Ana María" in items[0], f"{lang}: after deleting {items}"

    phone.reload()
    assert len(_items(phone.locator(".kb-calllog"))) == 1, f"{lang}: the log was not kept in this browser"
    stored = json.loads(json.loads(phone.evaluate("localStorage.getItem('kb-details')"))["details"]["calls"])
    assert [c["agent"] for c in stored] == ["Ana María"], f"{lang}: stored {stored}"


@pytest.mark.parametrize("lang", LANGS)
def test_copy_share_and_print_the_log_as_plain_text(phone, lang):
    phone.add_init_script(SHEET)
    phone.add_init_script(
        "window.print = () => { window.kbPrinted = "
        "document.querySelector('.kb-calllog-paper').textContent; };"
    )
    box = _log(phone, lang)
    _add(box, date="2026-12-01", time="16:05", agent="Luis", case="222", promised="Cancelar el cargo")
    box.locator(".kb-calllog-copy").tap()
    phone.wait_for_function("() => document.querySelector('.kb-calllog .kb-status').textContent !== ''")
    copied = phone.evaluate("navigator.clipboard.readText()")
    for want in (f"{WORDS[lang]['case']}: 222", f"{WORDS[lang]['agent']}: Luis", "16:05"):
        assert want in copied, f"{lang}: copied text lacks {want!r}:\n{copied}"
    assert "<" not in copied, f"{lang}: the copied log is not plain text:\n{copied}"
    day = "1 de diciembre de 2026" if lang == "es" else "December 1, 2026"
    assert day in copied, f"{lang}: the date is not written out ({day!r}):\n{copied}"
    box.locator(".kb-calllog-share").tap()
    shared = phone.evaluate("window.kbShared")
    assert len(shared) == 1 and shared[0]["text"] == copied, f"{lang}: shared {shared} vs the copied text"
    box.locator(".kb-calllog-print").tap()
    assert phone.evaluate("window.kbPrinted") == copied, f"{lang}: printed text differs from the copied one"


def test_forget_my_details_deletes_the_log(phone):
    box = _log(phone, "es")
    _add(box, agent="Ana", case="111")
    phone.goto(kbcheck.url_of("acerca", "es"))
    phone.locator(".kb-forget-all .kb-forget").tap()
    box = _log(phone, "es")
    assert _items(box) == [], f"the log survived 'forget my details': {_items(box)}"
    assert phone.evaluate("localStorage.getItem('kb-details')") is None


def test_what_a_reader_types_is_text(phone):
    box = _log(phone, "es")
    _add(box, agent='<img src=x onerror="window.kbRan=1">', notes="<b>negrita</b>")
    assert box.locator(".kb-calllog-list img, .kb-calllog-list b").count() == 0, "typed markup became HTML"
    assert "<b>negrita</b>" in _items(box)[0]
    assert phone.evaluate("window.kbRan") is None


def test_the_paper_template_stays(phone):
    phone.goto(kbcheck.url_of("registro", "es"))
    rows = phone.locator("#plantilla ~ * table tbody tr, #plantilla ~ table tbody tr").count()
    assert rows >= 8, f"the printable blank template has {rows} rows vs at least 8"
