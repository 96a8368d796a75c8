"""Bad input fails the build with a message that names the file and what to fix.

Each test copies the small fixture site, breaks one thing, builds it and reads the error.
"""

from pathlib import Path

import pytest

from conftest import replace_in as _edit


def _append(path: str, text: str):
    def edit(root: Path):
        file = root / path
        file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


ES, EN = "docs/es/guia.md", "docs/en/guia.md"


def _asked(root: Path, page: str, text: str) -> None:
    """data/asked/<page>.yml (kb/asked.py) with `text`."""
    (root / "data" / "asked").mkdir(exist_ok=True)
    (root / "data" / "asked" / f"{page}.yml").write_text(text, encoding="utf-8")


BEFORE = "Texto con cargo"  # the first line of the Spanish guide's first section (line 12)


def _insert(text: str, path: str = ES):
    """Put `text` (and a blank line) before the Spanish guide's first paragraph, line 12."""
    return _edit(path, BEFORE, f"{text}\n\n{BEFORE}")


def test_the_unbroken_fixture_builds(fixture_site):
    built = fixture_site()
    assert built.ok, built.log


BROKEN = {
    "broken link": (
        _edit("docs/es/index.md", "(guia.md#pasos)", "(guia-no.md)"),
        ["es/index.md", "guia-no.md"],
    ),
    "missing anchor": (
        _edit("docs/en/index.md", "(guia.md#pasos)", "(guia.md#nowhere)"),
        ["en/index.md", "#nowhere"],
    ),
    "page in one language only": (
        lambda root: (root / "docs/en/guia.md").unlink(),
        ["docs/es/guia.md: has no twin", "create docs/en/guia.md"],
    ),
    "guide without a required section": (
        _edit("docs/es/guia.md", "## C { #pasos }", "## C { #otros }"),
        ["docs/es/guia.md", "missing section", "#pasos"],
    ),
    "empty guide section": (
        _edit("docs/en/guia.md", "Texto.\n\n## C", "\n## C"),
        ["docs/en/guia.md", "section `#preparar` is empty"],
    ),
    "missing front matter field": (
        _edit("docs/es/index.md", "reviewed: 2026-11-26\n", ""),
        ["docs/es/index.md", "add `reviewed:`"],
    ),
    "unparsable front matter": (
        _edit("docs/en/index.md", "description: Home.", "description: Home: again."),
        ["docs/en/index.md", "not valid YAML"],
    ),
    "unknown script ID": (
        _edit("docs/es/guia.md", "<!-- script: saludo -->", "<!-- script: adios -->"),
        ["docs/es/guia.md:24", "unknown script ID 'adios'"],
    ),
    "malformed script marker": (
        _edit("docs/en/guia.md", "<!-- script: saludo -->", "<!-- script saludo -->"),
        ["docs/en/guia.md:24", "malformed script marker"],
    ),
    "script missing a language": (
        _edit("data/scripts.yml", '    en: {title: Greeting, text: "My contract is [contract]."}\n', ""),
        ["data/scripts.yml", "'saludo'", "'en' version needs a title and a text"],
    ),
    "placeholders differ between languages": (
        _edit("data/scripts.yml", "My contract is [contract].", "My contract is [store]."),
        ["data/scripts.yml", "'saludo'", "placeholders differ", "es ['contract'] vs en ['store']"],
    ),
    "script used by no page": (
        lambda root: [
            (root / f"docs/{lang}/guia.md").write_text(
                (root / f"docs/{lang}/guia.md").read_text().replace("<!-- script: saludo -->", "Hola.")
            )
            for lang in ("es", "en")
        ],
        ["data/scripts.yml", "script 'saludo' is used by no page"],
    ),
    "outside link not in the source registry": (
        _edit(
            "docs/en/index.md",
            "Ver la [guía](guia.md#pasos).",
            "See [a blog](https://blog.example.com/tips).",
        ),
        ["docs/en/index.md:10", "https://blog.example.com/tips is not in data/sources.yml"],
    ),
    "bare address not in the source registry": (
        _edit("docs/en/index.md", "Ver la [guía](guia.md#pasos).", "See https://blog.example.com/tips now."),
        ["docs/en/index.md:10", "https://blog.example.com/tips is not in data/sources.yml"],
    ),
    "raw HTML link not in the source registry": (
        _edit("docs/en/index.md", "Ver la [guía](guia.md#pasos).", '<a href="//cdn.example.net/x">x</a>'),
        ["docs/en/index.md:10", "//cdn.example.net/x is not in data/sources.yml"],
    ),
    "source in the registry used by no page": (
        _edit("docs/es/index.md", ", según la [agencia](https://example.gov/ayuda)", ""),
        ["data/sources.yml", "entry 'agencia'", "linked by no page"],
    ),
    "Spanish page links an English source without saying so": (
        _edit("data/sources.yml", "language: es", "language: en"),
        ["docs/es/index.md:10", "https://example.gov/ayuda is in English", "en inglés"],
    ),
    "phone number no source states": (
        _edit("docs/en/index.md", "Ver la [guía](guia.md#pasos).", "Call (800) 555-0199 now."),
        ["docs/en/index.md:10", "phone number (800) 555-0199 is not quoted in data/sources.yml"],
    ),
    "phone number in a script that no source states": (
        _edit(
            "data/scripts.yml",
            "Mi contrato es [contract].",
            "Mi contrato es [contract]. Llamé al 800.555.0199.",
        ),
        ["data/scripts.yml:9", "phone number 800.555.0199 is not quoted"],
    ),
    "tap-to-call link to a number no source states": (
        _edit("docs/es/index.md", "(tel:+18005550100)", "(tel:+18005550111)"),
        ["docs/es/index.md:10", "phone number tel:+18005550111 is not quoted"],
    ),
    "email address no source states": (
        _edit("docs/en/index.md", "Ver la [guía](guia.md#pasos).", "Write to help@example.com."),
        ["docs/en/index.md:10", "email address help@example.com is not quoted"],
    ),
    "source entry without quotes": (
        _edit("data/sources.yml", "    quotes:\n", "    notes:\n"),
        ["data/sources.yml", "entry 1 'agencia' lacks quotes"],
    ),
    "section ID in one language only": (
        _edit("docs/en/guia.md", "## B { #preparar }", "### Extra { #extra }\n\nMás.\n\n## B { #preparar }"),
        ["docs/es/guia.md and docs/en/guia.md: section IDs differ", "only in en ['extra']"],
    ),
    "section ID that is not plain lowercase": (
        lambda root: [
            _edit(
                f"docs/{lang}/guia.md",
                "## B { #preparar }",
                "### X { #Otra_Cosa }\n\nMás.\n\n## B { #preparar }",
            )(root)
            for lang in ("es", "en")
        ],
        ["docs/es/guia.md: section ID 'Otra_Cosa' must be short lowercase ASCII"],
    ),
    "published section removed": (
        lambda root: (root / "data/published-urls.txt").write_text(
            (root / "data/published-urls.txt").read_text() + "guia/#ya-no-existe\n"
        ),
        ["published-urls.txt: 'guia/#ya-no-existe' no longer exists", "add an ID alias"],
    ),
    "guide too hard to read": (
        _edit(
            "docs/es/guia.md",
            "Texto con cargo por mora y late fee.",
            "La administración contractual correspondiente determinará, conforme a disposiciones "
            "reglamentarias internacionalmente homologadas, responsabilidades extraordinariamente "
            "particularizadas, independientemente de circunstancias socioeconómicas desfavorables "
            "experimentadas simultáneamente por arrendatarios involucrados, cargo por mora, late fee.",
        ),
        ["docs/es/guia.md: readability", "< 60", "shorter sentences"],
    ),
    "keyword of stop words only": (
        _edit("docs/en/guia.md", "type: guide\n", "type: guide\nkeywords: [late fee, how can i]\n"),
        ["en/guia.md", "keyword 'how can i' is only stop words", "write the word that matters"],
    ),
    "lexicon word no section uses": (
        lambda root: (root / "data/synonyms.yml").write_text(
            "es:\n  multa: cargo por mora\n  recargo: penalidad\n"
        ),
        [
            "data/synonyms.yml:3",
            "es 'recargo'",
            "no es section uses 'penalidad'",
            "write words the guides use",
        ],
    ),
    "lexicon reader word of stop words only": (
        lambda root: (root / "data/synonyms.yml").write_text(
            "en:\n  late fee: late fee\n  how can i: late fee\n"
        ),
        ["data/synonyms.yml:3", "en 'how can i'", "no searchable word"],
    ),
    "lexicon word listed twice": (
        lambda root: (root / "data/synonyms.yml").write_text("es:\n  multa: cargo\n  multa: mora\n"),
        ["data/synonyms.yml:3", "'multa' is listed twice (also line 2)"],
    ),
    "lexicon entry not a word list": (
        lambda root: (root / "data/synonyms.yml").write_text("es:\n  multa: {cargo: mora}\n"),
        ["data/synonyms.yml:2", "es 'multa'", "a list of them"],
    ),
    "phrasings for a page that does not exist": (
        lambda root: _asked(root, "guiaa", 'es:\n  respuesta:\n    - "me cobraron doble"\n'),
        ["data/asked/guiaa.yml:2", "no page docs/es/guiaa.md", "name the file after the page"],
    ),
    "phrasings for a section that does not exist": (
        lambda root: _asked(
            root, "guia", 'es:\n  respuesta:\n    - "me cobraron doble"\n  respusta:\n    - "otra vez"\n'
        ),
        ["data/asked/guia.yml:4", "es 'respusta' is no section of docs/es/guia.md", "IDs: ", "respuesta"],
    ),
    "phrasing of stop words only": (
        lambda root: _asked(root, "guia", 'en:\n  pasos:\n    - "late fee twice"\n    - "how can i do it"\n'),
        ["data/asked/guia.yml:4", "en 'how can i do it'", "no searchable word"],
    ),
    "phrasings in a language the site does not have": (
        lambda root: _asked(root, "guia", 'pt:\n  pasos:\n    - "cobranca"\n'),
        ["data/asked/guia.yml:1", "'pt' is not a language of the site", "use es, en"],
    ),
    "phrasings not a list": (
        lambda root: _asked(root, "guia", "es:\n  pasos: me cobraron doble\n"),
        ["data/asked/guia.yml:2", "es 'pasos'", "a list of phrasings"],
    ),
    "phrasings for a section readers do not ask for": (
        lambda root: _asked(
            root, "guia", 'en:\n  respuesta:\n    - "late fee"\n  que-decir:\n    - "what do i say"\n'
        ),
        ["data/asked/guia.yml:4", "en 'que-decir'", "put these phrasings on the section that answers"],
    ),
    "phrasing written twice": (
        lambda root: _asked(
            root, "guia", 'es:\n  pasos:\n    - "me cobraron doble"\n    - "me cobraron doble"\n'
        ),
        ["data/asked/guia.yml:4", "'me cobraron doble' is written twice (also line 3)"],
    ),
    # Issue #16: the date calculators' markers.
    "unknown deadline ID": (
        _insert("<!-- deadline: noventa -->"),
        ["docs/es/guia.md:12", "unknown deadline 'noventa'", "<!-- deadline: buyout -->"],
    ),
    "malformed deadline marker": (
        _insert("<!-- deadline buyout -->"),
        ["docs/es/guia.md:12", "malformed deadline marker", "on a line of its own"],
    ),
    "deadline placed twice on a page": (
        _insert("<!-- deadline: buyout -->\n\n<!-- deadline: buyout -->"),
        ["docs/es/guia.md:14", "deadline 'buyout' is placed twice"],
    ),
    "comment that looks like a deadline marker": (
        _insert("<!-- deadlnie: buyout -->"),
        ["docs/es/guia.md", "line 12", "looks like a marker but is not one", "<!-- deadline: ID -->"],
    ),
    "malformed call log marker": (
        _insert("<!-- calllog: mine -->"),
        ["docs/es/guia.md:12", "malformed call log marker", "`<!-- calllog -->`"],
    ),
    "call log placed twice on a page": (
        _insert("<!-- calllog -->\n\n<!-- calllog -->"),
        ["docs/es/guia.md:14", "the call log is placed twice"],
    ),
    "comment that looks like a call log marker": (
        _insert("<!-- callog -->"),
        ["docs/es/guia.md", "line 12", "looks like a marker but is not one", "<!-- calllog -->"],
    ),
    # Issue #15: what an author types cannot slip through.
    "comment that looks like a script marker": (
        _edit(ES, "<!-- script: saludo -->", "<!-- scirpt: saludo -->"),
        ["docs/es/guia.md", "line 24", "looks like a marker but is not one", "<!-- script: ID -->"],
    ),
    "script marker in capitals": (
        _edit(ES, "<!-- script: saludo -->", "<!-- Script: saludo -->"),
        ["docs/es/guia.md", "line 24", "looks like a marker"],
    ),
    "glossary marker misspelt": (
        _insert("<!-- glosary -->"),
        ["docs/es/guia.md", "line 12", "<!-- glossary -->"],
    ),
    "raw script element": (
        _insert("<script>alert(1)</script>"),
        ["docs/es/guia.md", "line 12", "raw <script> is not allowed"],
    ),
    "event-handler attribute": (
        _insert('<img src="x.png" onerror="alert(1)">'),
        ["docs/es/guia.md", "line 12", "onerror", "event attributes run code"],
    ),
    "javascript: link in Markdown": (
        _insert("[clic](javascript:alert(1))"),
        ["docs/es/guia.md", "line 12", "a script address"],
    ),
    "javascript: link in raw HTML": (
        _insert('<a href=" JavaScript:alert(1)">x</a>'),
        ["docs/es/guia.md", "line 12", "<a href=", "a script address"],
    ),
    "iframe": (
        _insert('<iframe src="https://evil.example/"></iframe>'),
        ["docs/es/guia.md", "line 12", "raw <iframe> is not allowed"],
    ),
    "raw HTML link to no page": (
        _insert('<a href="nada.md">x</a>'),
        ["docs/es/guia.md", "link 'nada.md' goes to nothing on this site"],
    ),
    "raw HTML link to no section": (
        _insert('<a href="../#nowhere">x</a>'),
        ["docs/es/guia.md", "link '../#nowhere'", "no #nowhere on that page"],
    ),
    "two headings with one ID": (
        _edit(ES, "## B { #preparar }", "## B { #respuesta }"),
        ["docs/es/guia.md", "two headings with ID #respuesta (lines 10 and 14)"],
    ),
    "page type differs between languages": (
        _edit(EN, "type: guide", "type: page"),
        ["docs/es/guia.md", "`type: guide` here but `type: page` in docs/en/guia.md"],
    ),
    "required section holding only a comment": (
        _edit(EN, "## B { #preparar }\n\nTexto.", "## B { #preparar }\n\n<!-- to do -->"),
        ["docs/en/guia.md", "section `#preparar` is empty"],
    ),
    "other section holding only whitespace and a comment": (
        _append("docs/en/index.md", "\n\n## Extra { #extra }\n\n   \n<!-- later -->\n"),
        ["docs/en/index.md", "heading 'Extra' has nothing under it"],
    ),
    "reviewed date in the future": (
        _edit(ES, "reviewed: 2026-11-26", "reviewed: 2099-11-26"),
        ["docs/es/guia.md", "`reviewed: 2099-11-26` is in the future"],
    ),
    "reviewed date that does not exist": (
        _edit(ES, "reviewed: 2026-11-26", "reviewed: 2026-02-30"),
        ["docs/es/guia.md", "`reviewed: 2026-02-30` is not a real date"],
    ),
    "phone number in parentheses": (
        _insert("Llame al (800) 555-0199."),
        ["docs/es/guia.md:12", "phone number (800) 555-0199 is not quoted"],
    ),
    "phone number with dots": (
        _insert("Llame al 800.555.0199."),
        ["docs/es/guia.md:12", "phone number 800.555.0199 is not quoted"],
    ),
    "tel: link": (
        _insert("[llame](tel:+18005550199)"),
        ["docs/es/guia.md:12", "tel:+18005550199 is not quoted"],
    ),
    "protocol-relative link": (
        _insert("[sitio](//evil.example/x)"),
        ["docs/es/guia.md:12", "outside link //evil.example/x is not in data/sources.yml"],
    ),
    "email address": (
        _insert("Escriba a x@evil.example."),
        ["docs/es/guia.md:12", "email address x@evil.example is not quoted"],
    ),
    "page that is not UTF-8": (
        lambda root: (root / ES).write_bytes((root / ES).read_bytes() + b"\n\nTexto \xff malo.\n"),
        ["docs/es/guia.md:35", "not UTF-8 text (byte 0xff)", "save the file as UTF-8"],
    ),
    "scripts file that is a list": (
        lambda root: (root / "data/scripts.yml").write_text("- a\n- b\n"),
        ["data/scripts.yml", "must be a mapping", "not a list"],
    ),
    "script without an ID": (
        _edit("data/scripts.yml", "  - id: saludo\n    kind", "  - kind"),
        ["data/scripts.yml", "`scripts:` entry 1 has no `id:`"],
    ),
    "two scripts with one ID": (
        _append(
            "data/scripts.yml",
            "  - id: saludo\n    kind: phrase\n    group: contacto\n"
            '    es: {title: Otro, text: "Otro [contract]."}\n'
            '    en: {title: Other, text: "Other [contract]."}\n',
        ),
        ["data/scripts.yml", "ID 'saludo' is used twice"],
    ),
    "placeholder written twice": (
        _edit("data/scripts.yml", "groups:", "  contract: {es: otro, en: other, type: text}\ngroups:"),
        ["data/scripts.yml:3", "key 'contract' is written twice (also line 2)"],
    ),
    "placeholder of an unknown type": (
        _edit("data/scripts.yml", "type: text}", "type: colour}"),
        [
            "data/scripts.yml",
            "placeholder [contract]: `type: colour` must be one of text, date, email, tel, number",
        ],
    ),
    "glossary term without an ID": (
        _edit("data/glossary.yml", "  - id: cargo-por-mora\n", "  - \n"),
        ["data/glossary.yml", "entry 1 has no `id:`"],
    ),
    "two glossary terms with one ID": (
        _append(
            "data/glossary.yml",
            "  - id: cargo-por-mora\n    es: {term: mora, definition: Otra.}\n"
            "    en: {term: late charge, definition: Other.}\n",
        ),
        ["data/glossary.yml", "ID 'cargo-por-mora' is used twice"],
    ),
    "glossary term used on no page": (
        _append(
            "data/glossary.yml",
            "  - id: zanahoria\n    es: {term: zanahoria, definition: Una verdura.}\n"
            "    en: {term: carrot, definition: A vegetable.}\n",
        ),
        ["data/glossary.yml", "term 'zanahoria' (es: 'zanahoria') is used on no page", "(en: 'carrot')"],
    ),
    "sources file that is a list": (
        lambda root: (root / "data/sources.yml").write_text("- a\n- b\n"),
        ["data/sources.yml", "needs a `sources:` list"],
    ),
    "guide sections file that is a list": (
        lambda root: (root / "data/guide.yml").write_text("- a\n"),
        ["data/guide.yml", "`required_sections:` must be a list of entries, each with an `id:`"],
    ),
    "glossary file that is a list": (
        lambda root: (root / "data/glossary.yml").write_text("- a\n"),
        ["data/glossary.yml", "must be a mapping with `terms:`"],
    ),
    "script version that is not a mapping": (
        _edit(
            "data/scripts.yml",
            '    en: {title: Greeting, text: "My contract is [contract]."}',
            '    en: "My contract"',
        ),
        ["data/scripts.yml", "'saludo': the 'en' version needs a title and a text"],
    ),
    "title with markup": (
        _edit(ES, "title: Guía", "title: Guía <b>nueva</b>"),
        ["docs/es/guia.md", "`title:` has < or >"],
    ),
    "glossary term missing a language": (
        _edit("data/glossary.yml", "    en: {term: late fee, definition: A charge for paying late.}\n", ""),
        ["data/glossary.yml", "'cargo-por-mora'", "'en' entry"],
    ),
}


def test_a_marker_in_code_is_shown_as_code(fixture_site):
    code = "`<!-- script: nada -->` y\n\n```\n<!-- script: nada -->\n<script>alert(1)</script>\n```"
    built = fixture_site(_insert(code))
    assert built.ok, built.log
    page = (built.site / "guia" / "index.html").read_text(encoding="utf-8")
    assert page.count("&lt;!-- script: nada --&gt;") == 2, "the marker is not shown as code twice"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_bad_input_fails_naming_the_file(fixture_site, case):
    edit, expected = BROKEN[case]
    built = fixture_site(edit)
    assert not built.ok, f"{case}: the build passed but should have failed"
    missing = [text for text in expected if text not in built.log]
    assert not missing, f"{case}: message lacks {missing}:\n{built.log}"
