"""The browser's stemmers (kb/js/stem/<lang>.js) stem every word as the index's (snowballstemmer) does.

The index is stemmed at build time in Python, a query in the browser with tools/snowball_js.py's
translation of the same stemmer: one word stemmed differently is a query that misses its page. This
runs the JavaScript in Node on every word of the docs and of the real problem phrasings, on made-up
forms of them that take the endings the rules are about, and on snowball-data's vocabulary when
SNOWBALL_DATA names a checkout of it (https://github.com/snowballstem/snowball-data, not shipped).
It also checks the files checked in are what tools/snowball_js.py writes now, so a hand edit or a
new snowballstemmer without regenerating them fails here.
"""

import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import snowballstemmer
import yaml

from kb import ROOT

NODE = shutil.which("node")
STEM = ROOT / "kb" / "js" / "stem"
TOOL = ROOT / "tools" / "snowball_js.py"
REGENERATE = "run .venv/bin/python tools/snowball_js.py"
ALGORITHMS = {"es": "spanish", "en": "english"}


def test_the_stemmers_checked_in_are_what_tools_snowball_js_writes():
    tool = _tool()
    outputs = tool.outputs()
    assert sorted(outputs) == [STEM / f"{lang}.js" for lang in sorted(ALGORITHMS)]
    for path, text in outputs.items():
        shown = path.relative_to(ROOT).as_posix()
        assert path.is_file(), f"{shown} is missing: {REGENERATE}"
        on_disk = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert on_disk == text, (
            f"{shown} is not what tools/snowball_js.py writes from snowballstemmer "
            f"{importlib.metadata.version('snowballstemmer')} and kb/js/stem/base.js (edited by hand, "
            f"or either changed since): {REGENERATE}"
        )


def test_the_translator_stops_on_a_line_it_does_not_know():
    tool = _tool()
    path = _python_source("spanish")
    source = path.read_text(encoding="utf-8")
    base = (STEM / "base.js").read_text(encoding="utf-8")
    tool.translate(path, source, "SpanishStemmer", base)  # the real file translates
    line = "        self.I_pV = self.limit\n"
    number = source.splitlines(keepends=True).index(line) + 1
    for changed, why in [
        ("        self.I_pV = self.limit * 2\n", "not a construct"),
        ("        self.I_pV = len(self.current)\n", "not a construct"),
        ("        raise lab3()\n", "raises lab3 outside a try"),
        ("        self.I_pV = self.frobnicate()\n", "calls frobnicate"),
    ]:
        with pytest.raises(tool.ConvertError) as error:
            tool.translate(path, source.replace(line, changed, 1), "SpanishStemmer", base)
        message = str(error.value)
        assert f"{path}:{number}: " in message and why in message, message
        assert message.endswith(changed.strip()), f"the message quotes the line: {message}"


@pytest.mark.parametrize("lang", sorted(ALGORITHMS))
def test_javascript_stems_every_word_as_snowballstemmer(lang):
    if NODE is None:
        pytest.skip("node is not on PATH, so the browser's stemmer cannot run: install Node 20")
    words = sorted(_words(lang))
    assert len(words) > 5000, f"{lang}: only {len(words)} words to compare: is the word list broken?"
    python = snowballstemmer.stemmer(ALGORITHMS[lang])
    expected = [python.stemWord(w) for w in words]
    request = json.dumps({"file": str(STEM / f"{lang}.js"), "words": words})
    done = subprocess.run(
        [NODE, "-e", _STEM_ALL], input=request, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == 0, f"node failed on kb/js/stem/{lang}.js:\n{done.stderr}"
    got = json.loads(done.stdout)
    assert len(got) == len(words)
    wrong = [f"{w}: python {p} vs js {j}" for w, p, j in zip(words, expected, got, strict=True) if p != j]
    assert not wrong, (
        f"kb/js/stem/{lang}.js stems {len(wrong)} of {len(words)} words unlike snowballstemmer "
        f"(fix tools/snowball_js.py or kb/js/stem/base.js, then {REGENERATE}):\n  " + "\n  ".join(wrong[:10])
    )


# Helpers


@cache
def _tool():
    spec = importlib.util.spec_from_file_location("snowball_js", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _python_source(algorithm: str) -> Path:
    return Path(importlib.util.find_spec("snowballstemmer").origin).parent / f"{algorithm}_stemmer.py"


def _fold(text: str) -> str:
    """As the search folds: NFD, no combining accents (U+0300-U+036F), lowercase."""
    return re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).lower()


def _words(lang: str) -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / lang).rglob("*.md"))]
    texts += _phrasings(lang)
    found = {w for text in texts for w in _WORD.findall(_fold(text))}
    # Beyond the search's own (folded) words: the docs' accented ones, which take the stemmers'
    # accented rules (á é í ó ú ü, the Spanish postlude), and every suffix the stemmer's tables hold.
    accented = {w for text in texts for w in _ACCENTED.findall(unicodedata.normalize("NFC", text).lower())}
    words = found | accented | set(_SPECIAL[lang]) | _vocabulary(lang)
    words |= _made_up(lang, found)
    words |= _suffixed(lang, found)
    return {w for w in words if w}


def _phrasings(lang: str) -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "problems").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [entry["q"] for entry in data.get(lang) or [] if isinstance(entry, dict) and entry.get("q")]
    return out


def _made_up(lang: str, words: set[str]) -> set[str]:
    """Each word with the endings the rules strip: verb forms of -ar/-er/-ir words, English suffixes."""
    if lang == "es":
        roots = {w[:-2] for w in words if w.endswith(("ar", "er", "ir")) and len(w) > 3}
        verbs = {w for w in words if w.endswith(("ar", "er", "ir")) and len(w) > 3}
        made = {root + ending for root in roots for ending in _ES_ENDINGS}
        return made | {verb + pronoun for verb in verbs for pronoun in _ES_PRONOUNS}
    return {w + ending for w in words for ending in _EN_ENDINGS}


def _suffixed(lang: str, words: set[str]) -> set[str]:
    """Every string of the stemmer's Among tables, alone and after a spread of the docs' words."""
    stemmer = type(snowballstemmer.stemmer(ALGORITHMS[lang]))
    suffixes = {
        among.s
        for name, table in vars(stemmer).items()
        if name.startswith("a_") and isinstance(table, list)
        for among in table
    }
    suffixes |= {_fold(s) for s in suffixes}
    long = sorted(w for w in words if len(w) >= 3 and not w.isdigit())
    roots = long[:: max(1, len(long) // 60)]
    return suffixes | {root + s for root in roots for s in suffixes}


def _vocabulary(lang: str) -> set[str]:
    """snowball-data's <algorithm>/voc.txt, when SNOWBALL_DATA names a checkout of it."""
    data = os.environ.get("SNOWBALL_DATA")
    voc = Path(data) / ALGORITHMS[lang] / "voc.txt" if data else None
    if voc is None or not voc.is_file():
        return set()
    return {line.strip() for line in voc.read_text(encoding="utf-8").splitlines() if line.strip()}


# Data

_WORD = re.compile(r"[a-z0-9]+")
_ACCENTED = re.compile(r"[a-z0-9áéíóúüñ]*[áéíóúüñ][a-z0-9áéíóúüñ]*")
_ES_ENDINGS = (
    "ando", "iendo", "aron", "ieron", "aste", "amos", "aba", "ado", "ada", "ados", "cion", "ciones",
    "mente", "idad", "ista",
)  # fmt: skip
_ES_PRONOUNS = ("lo", "la", "le", "nos", "selo", "selas")  # attached: cancelarlo, enviarselas
_EN_ENDINGS = ("s", "ed", "ing", "ly", "ness", "ation", "ational", "izer", "fulness")
# The words the stemmers treat as exceptions, and forms each rule is written for.
_SPECIAL = {
    "es": (
        "cayendo", "oyeron", "arguyo", "averigue", "seguir", "leyendo", "construyamos", "guia", "ue",
        "comiéndolo", "dándole", "comérselo", "decírselo", "construyendolo", "relativamente",
        "negativamente", "activamente", "notablemente", "posiblemente", "elegantemente", "ataque",
        "parque", "bosque", "siguen", "consiguiendolo", "logías", "ucion", "uciones", "comprándolo",
        "buscándole", "decisivamente", "comparativamente", "administrativamente", "ague",
    ),
    "en": (
        "skies", "sky", "dying", "lying", "tying", "news", "howe", "atlas", "cosmos", "bias", "andes",
        "early", "gently", "idly", "only", "singly", "ugly", "generate", "general", "generous",
        "communism", "community", "arsenal", "organization", "universal", "university", "emergency",
        "later", "past", "pasted", "succeed", "proceed", "exceed", "exceedingly", "canning", "inning",
        "earring", "herring", "outing", "evening", "yes", "yay", "syzygy", "sayings", "toy", "ties",
        "pies", "ied", "cries", "ss", "gas", "this", "kiwis", "lucky", "hoping", "hopping", "fizzed",
        "filing", "failing", "controlled", "rolling", "bowled", "luxuriated", "a", "i", "y", "yy",
        "unexceed", "reproceed", "flying", "crying", "trying", "spying", "sensationalism",
        "rationalism", "operationalism",
    ),
}  # fmt: skip
# For Node: reads {"file": <kb/js/stem/<lang>.js>, "words": [...]} on stdin, writes their stems as JSON.
_STEM_ALL = """
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { file, words } = JSON.parse(input);
  const stemmer = require(file);
  process.stdout.write(JSON.stringify(words.map((w) => stemmer.stem(w))));
});
"""
