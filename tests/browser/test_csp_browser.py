"""The Content-Security-Policy every page carries (kb/csp.py): the site's own features run under it,
and a script that reached a page any other way does not (issue #15).

Every other browser test (search, fill-in, copy, share, the offline switch, glossary tooltips) runs
on the same built pages, so under the same policy; here, each page loads without one violation."""

import pytest

from conftest import LANGS, PAGES

HOME = {"es": "", "en": "en/"}


def _url(name: str, lang: str) -> str:
    return HOME[lang] + ("" if name == "index" else f"{name}/")


@pytest.mark.parametrize("name", [*PAGES, "404.html"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_page_runs_without_a_policy_violation(phone, lang, name):
    violations, errors = [], []
    phone.on("console", lambda m: m.type == "error" and violations.append(m.text))
    phone.on("pageerror", lambda e: errors.append(str(e)))
    phone.goto(HOME[lang] + "404.html" if name == "404.html" else _url(name, lang))
    phone.wait_for_load_state("networkidle")
    policy = phone.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert phone.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer"
    blocked = [v for v in violations if "Content Security Policy" in v]
    assert not blocked, f"{lang}/{name}: {blocked}"
    assert not errors, f"{lang}/{name}: script errors {errors}"


def test_an_injected_inline_script_does_not_run(phone):
    phone.goto(_url("frases", "es"))
    ran = phone.evaluate(
        """() => new Promise(done => {
             const s = document.createElement('script');
             s.textContent = 'window.__injected = true';
             document.head.appendChild(s);
             const img = document.createElement('img');
             img.setAttribute('src', 'data:,');
             img.setAttribute('onerror', 'window.__handler = true');
             img.setAttribute('onload', 'window.__handler = true');
             document.body.appendChild(img);
             setTimeout(() => done([window.__injected === true, window.__handler === true]), 300);
           })"""
    )
    assert ran == [False, False], f"inline script ran: {ran[0]}, inline handler ran: {ran[1]}"


def test_the_stemmer_and_search_run_under_the_policy(phone):
    violations = []
    phone.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    phone.goto("")
    phone.locator('label.md-header__button[for="__search"]').click()
    phone.locator(".md-search__input").fill("me cobraron dos veces")
    phone.wait_for_selector(".md-search-result__item a", timeout=5000)
    assert not violations, violations
