"""Bad input fails the build with a message that names the file and what to fix.

Each test copies the small fixture site, breaks one thing, builds it and reads the error.
"""

from pathlib import Path

import pytest


def _edit(path: str, old: str, new: str):
    def edit(root: Path):
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


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
        _edit("docs/en/guia.md", "## B { #preparar }", "### Extra { #extra }\n\n## B { #preparar }"),
        ["docs/es/guia.md and docs/en/guia.md: section IDs differ", "only in en ['extra']"],
    ),
    "section ID that is not plain lowercase": (
        lambda root: [
            _edit(f"docs/{lang}/guia.md", "## B { #preparar }", "### X { #Otra_Cosa }\n\n## B { #preparar }")(
                root
            )
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
    "glossary term missing a language": (
        _edit("data/glossary.yml", "    en: {term: late fee, definition: A charge for paying late.}\n", ""),
        ["data/glossary.yml", "'cargo-por-mora'", "'en' entry"],
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_bad_input_fails_naming_the_file(fixture_site, case):
    edit, expected = BROKEN[case]
    built = fixture_site(edit)
    assert not built.ok, f"{case}: the build passed but should have failed"
    missing = [text for text in expected if text not in built.log]
    assert not missing, f"{case}: message lacks {missing}:\n{built.log}"
