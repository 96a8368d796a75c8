"""The date calculators on a phone (issue #16): the buyout option's last day and a certified letter's
reply-by date, written out in the page's language, the days left counted from the phone's today, the
reply-by date put into the letter, nothing kept but the fill-in details, and the rule still there in
words with JavaScript off."""

import json

import pytest

from conftest import LANGS, PHONE
from kb import checks as kbcheck

BUYOUT = {
    "es": ("1 de junio de 2026", "3 de junio de 2026", "Le quedan 3 días, contando hoy."),
    "en": ("June 1, 2026", "June 3, 2026", "You have 3 days left, counting today."),
}
REPLY = {"es": "2 de octubre de 2026", "en": "October 2, 2026"}


def _open(page, name: str, lang: str, deadline: str):
    page.goto(kbcheck.url_of(name, lang))
    box = page.locator(f".kb-deadline[data-deadline='{deadline}']")
    assert box.count() == 1, f"/{kbcheck.url_of(name, lang)}: {box.count()} '{deadline}' calculators vs 1"
    box.locator("summary").tap()
    return box


@pytest.mark.parametrize("lang", LANGS)
def test_buyout_last_day_and_days_left(phone, lang):
    phone.clock.set_fixed_time("2026-05-30T10:00:00")
    box = _open(phone, "compra-anticipada", lang, "buyout")
    ninety, california, left = BUYOUT[lang]
    box.locator("input[type=date]").fill("2026-03-03")
    out = box.locator(".kb-deadline-out")
    assert ninety in out.inner_text(), f"{lang}: {out.inner_text()!r} lacks {ninety!r}"
    assert left in out.inner_text(), f"{lang}: {out.inner_text()!r} lacks {left!r}"
    box.locator("input[name=california]").check()
    assert california in out.inner_text(), f"{lang}: California: {out.inner_text()!r} lacks {california!r}"
    assert box.locator(".kb-deadline-note").is_visible(), f"{lang}: no line saying to confirm the date"
    kept = json.loads(phone.evaluate("localStorage.getItem('kb-details')"))["details"]
    assert kept == {"delivery-date": "2026-03-03"}, f"{lang}: kept {kept} vs only the delivery date"


@pytest.mark.parametrize("lang", LANGS)
def test_a_past_last_day_says_so(phone, lang):
    phone.clock.set_fixed_time("2026-07-01T10:00:00")
    box = _open(phone, "compra-anticipada", lang, "buyout")
    box.locator("input[type=date]").fill("2026-03-03")
    said = box.locator(".kb-deadline-out").inner_text()
    assert ("ya pasó" if lang == "es" else "has passed") in said, f"{lang}: {said!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_reply_by_date_goes_into_the_letter(phone, lang):
    box = _open(phone, "escalar", lang, "reply-by")
    box.locator("input[type=date]").fill("2026-09-14")
    said = box.locator(".kb-deadline-out").inner_text()
    assert REPLY[lang] in said, f"{lang}: {said!r} lacks {REPLY[lang]!r}"
    placeholder = phone.locator(".kb-script .kb-ph[data-ph='reply-by']").first
    assert placeholder.inner_text() == REPLY[lang], f"{lang}: the letter says {placeholder.inner_text()!r}"
    form = phone.locator(".kb-fill input[name='reply-by']")
    assert form.input_value() == "2026-10-02", f"{lang}: the fill-in form shows {form.input_value()!r}"
    kept = json.loads(phone.evaluate("localStorage.getItem('kb-details')"))["details"]
    assert kept == {"reply-by": "2026-10-02"}, f"{lang}: kept {kept} vs only the reply-by date"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_rule_is_in_words(browser, server, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, base_url=server)
    try:
        page = context.new_page()
        for name, said in (("compra-anticipada", BUYOUT[lang][0]), ("escalar", REPLY[lang])):
            page.goto(kbcheck.url_of(name, lang))
            assert page.locator(".kb-deadline").is_hidden(), (
                f"{lang}/{name}: the calculator shows without scripts"
            )
            text = page.locator("article").inner_text()
            assert said in text, f"{lang}/{name}: the rule's example {said!r} is not in the page's words"
    finally:
        context.close()
