"""Script snippets: one source (data/scripts.yml), rendered in each language by kb/scripts.py."""

import pytest
import yaml

from conftest import LANGS, PAGES, ROOT
from kb import checks as kbcheck

DATA = yaml.safe_load((ROOT / "data/scripts.yml").read_text(encoding="utf-8"))
SCRIPTS = {s["id"]: s for s in DATA["scripts"]}
REQUIRED = {
    "abrir-llamada",  # C29
    "historial-pagos",  # C30
    "devolucion",  # C31
    "cargo-no-reconocido",  # C32
    "monto-compra-anticipada",  # C37
    "confirmar-acuerdo",  # C27
    "escalar-devolucion",  # C25
    "numero-de-caso",
    "cambiar-pago-automatico",  # C41
    "carta-disputa",  # C36
}


def test_every_script_the_issue_asks_for_exists():
    assert REQUIRED <= set(SCRIPTS), f"missing scripts: {sorted(REQUIRED - set(SCRIPTS))}"
    assert SCRIPTS["carta-disputa"]["kind"] == "letter"
    assert "ssn" not in {k.lower() for k in DATA["placeholders"]}, "no SSN field, ever"


@pytest.mark.parametrize("lang", LANGS)
def test_phrases_page_lists_every_script_under_its_anchor_grouped(site, lang):
    article = kbcheck.article(site.html("frases", lang))
    for sid, script in SCRIPTS.items():
        heading = article.find(id=sid)
        assert heading is not None and heading.name == "h3", f"{lang}/frases: no h3#{sid}"
        assert heading.get_text().rstrip("¶").strip() == script[lang]["title"]
        group = heading.find_previous("h2")
        assert group["id"] == f"grupo-{script['group']}", f"{lang}/frases: #{sid} is under #{group['id']}"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_scripts_render_in_the_page_language(site, name, lang):
    page = site.html(name, lang)
    source = (ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8")
    placed = [line.split()[2] for line in source.splitlines() if line.startswith("<!-- script: ")]
    blocks = kbcheck.article(page).select("div.kb-script")
    assert [b["data-script"] for b in blocks] == placed, f"{lang}/{name}: rendered vs placed"
    for block in blocks:
        script = SCRIPTS[block["data-script"]]
        labels = {ph["data-label"] for ph in block.select(".kb-ph")}
        keys = {ph["data-ph"] for ph in block.select(".kb-ph")}
        expected = {f"[{DATA['placeholders'][k][lang]}]" for k in keys}
        assert labels == expected, f"{lang}/{name}#{script['id']}: labels {labels} vs {expected}"
        first_words = script[lang]["text"].split("[")[0].split()[:3]
        assert " ".join(first_words) in block.get_text(" "), f"{lang}/{name}#{script['id']}: wrong text"
        assert block.select_one("button.kb-copy[hidden]"), f"{lang}/{name}: copy button not hidden without JS"
    if blocks:
        form = kbcheck.article(page).select_one("details.kb-fill[hidden]")
        assert form, f"{lang}/{name}: scripts without the fill-in form"
        fields = {i["name"] for i in form.select("input")}
        used = {ph["data-ph"] for b in blocks for ph in b.select(".kb-ph")}
        assert fields == used, f"{lang}/{name}: form fields {sorted(fields)} vs placeholders {sorted(used)}"
    assert "<!-- script" not in str(page), f"{lang}/{name}: a marker was left unrendered"


@pytest.mark.parametrize("lang", LANGS)
def test_certified_letter_holds_what_a_regulator_will_ask_for(site, lang):
    letter = kbcheck.article(site.html("escalar", lang)).select_one(
        'div.kb-script[data-script="carta-disputa"]'
    )
    keys = {ph["data-ph"] for ph in letter.select(".kb-ph")}
    needed = {
        "item",
        "serial",
        "lease-date",
        "delivery-date",
        "contacts",
        "case-number",
        "reply-by",
        "tracking",
    }
    assert needed <= keys, f"{lang}: the certified letter lacks {sorted(needed - keys)}"
    closing = {"es": "presentaré una queja", "en": "I will file a complaint"}[lang]
    assert closing in letter.get_text(" "), f"{lang}: the letter does not say where the writer will complain"


@pytest.mark.parametrize("lang", LANGS)
def test_confirmation_email_has_a_recipient_from_the_lease(site, lang):
    email = kbcheck.article(site.html("frases", lang)).select_one(
        'div.kb-script[data-script="confirmar-acuerdo"]'
    )
    to = email.select_one('.kb-ph[data-ph="company-email"]')
    assert to is not None, f"{lang}: the confirmation email has no recipient"
    label = DATA["placeholders"]["company-email"][lang]
    assert {"es": "contrato", "en": "lease"}[lang] in label, (
        f"{lang}: the label {label!r} does not say where to find it"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_opening_call_asks_for_spanish_in_both_languages(site, lang):
    block = (
        kbcheck.article(site.html("antes-de-contactar", lang))
        .find(id="en-espanol")
        .find_next("div", class_="kb-script")
    )
    said = block.get_text(" ").casefold()
    assert ("español" if lang == "es" else "spanish") in said, (
        f"{lang}: the opening script does not ask for Spanish"
    )
