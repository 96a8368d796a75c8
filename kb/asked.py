"""How readers ask for what each section answers, in their own words: data/asked/<page>.yml.

A reader types a whole sentence about their situation ("se me descompuso la lavadora y la tienda
no me contesta"); the section that answers it says "artículo", "devolución", "tienda". Keywords and
data/synonyms.yml map single words; these files hold whole phrasings, per page, language and
section, the way people describe the problem in public (complaint narratives, help-page questions):

    es:
      respuesta:
        - "se me descompuso la lavadora y la tienda no me la quiere recibir"
    en:
      respuesta:
        - "my washer broke after two weeks can i give it back"

kb/search.py adds each section's phrasings to its index terms as a field of their own (a word counts
more the more phrasings use it, up to a ceiling, like running text), never to the page: they are
not shown. They are written from the page and from public complaint wording, never from
tests/problems/ (decisions/0005-search-queries.md). A file for a page that does not exist, a key that
is no section of that page, a language the site does not have, or a phrasing with no searchable word
fails the build with the file, the line and the fix; so does a list for a guide's what-to-have-ready,
what-to-say, if-not-resolved or related-guides section (NOT_ASKED): a reader's words there are the
page's problem, which its short answer (`respuesta`) or a specific section answers, and phrasings
there drew queries away from it (decisions/0005-search-queries.md).
"""

from pathlib import Path

import yaml

from kb.data import by_language
from kb.errors import ContentError
from kb.langs import LANGS
from kb.text import terms

FOLDER = "asked"
NOT_ASKED = ("preparar", "que-decir", "si-no-se-resuelve", "relacionadas")  # a guide's sections that
# readers do not ask for by name: their phrasings go on the short answer or the specific section


def load(data: Path, lang: str) -> dict[str, dict[str, tuple[int, list[str]]]]:
    """{page name: {section ID: (its line, [phrasing, …])}} for one language; {} without the folder."""
    folder = data / FOLDER
    out: dict[str, dict[str, tuple[int, list[str]]]] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        sections = _sections(path, lang)
        if sections:
            out[path.stem] = sections
    return out


def where(page: str, line: int) -> str:
    """'data/asked/<page>.yml:<line>', for messages about a phrasing."""
    return f"data/{FOLDER}/{page}.yml:{line}"


# Helpers


def _sections(path: Path, lang: str) -> dict[str, tuple[int, list[str]]]:
    at = f"data/{FOLDER}/{path.name}"  # as the project names it, wherever the project is
    found: dict[str, tuple[int, list[str]]] = {}
    for key, value in by_language(path, at, "sections"):
        line = key.start_mark.line + 1
        if key.value not in LANGS:
            raise ContentError(
                f"{at}:{line}: '{key.value}' is not a language of the site: use {', '.join(LANGS)}"
            )
        if key.value == lang:
            found = _phrasings(at, lang, value)
    return found


def _phrasings(at: str, lang: str, node) -> dict[str, tuple[int, list[str]]]:
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(f"{at}:{node.start_mark.line + 1}: `{lang}:` must map section IDs to lists")
    out: dict[str, tuple[int, list[str]]] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        sid = key.value if isinstance(key, yaml.ScalarNode) else ""
        if sid in out:
            raise ContentError(f"{at}:{line}: {lang} section '{sid}' is listed twice: keep one list")
        if sid in NOT_ASKED:
            raise ContentError(
                f"{at}:{line}: {lang} '{sid}': readers do not ask for this section; put these phrasings "
                "on the section that answers their problem (`respuesta`, or a specific one)"
            )
        if not isinstance(value, yaml.SequenceNode) or not all(
            isinstance(v, yaml.ScalarNode) for v in value.value
        ):
            raise ContentError(f"{at}:{line}: {lang} '{sid}': give a list of phrasings, one a line")
        seen: dict[str, int] = {}
        for item in value.value:
            text, row = item.value, item.start_mark.line + 1
            if not terms(text, lang):
                raise ContentError(
                    f"{at}:{row}: {lang} '{text}': no searchable word (only stop words or none): "
                    "write the phrasing as a reader types it"
                )
            if text in seen:
                raise ContentError(f"{at}:{row}: {lang} '{text}' is written twice (also line {seen[text]})")
            seen[text] = row
        out[sid] = (line, [item.value for item in value.value])
    return out
