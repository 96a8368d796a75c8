"""Folding, words and stems: the one pipeline for the search index, the browser and the tests.

Readers type without accents, in any case and in whole sentences ("¿puedo cancelar la orden?",
"CANCELACIÓN"). The index is built with these functions; the page's search cuts a query the same
way: the same stop words (the index's manifest carries them) and the same Snowball stemmer
(snowballstemmer 3.0.1 here, its JavaScript translation kb/js/stem/<lang>.js in the browser,
written by tools/snowball_js.py). tests/test_js.py checks both cut every page alike and
tests/test_stem_parity.py checks the two stemmers agree word for word.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer


def fold(text: str) -> str:
    """Lowercase without accents: 'Devolución' → 'devolucion' (search-core.js does the same)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).lower()


@lru_cache(maxsize=65536)  # a site has a few thousand distinct words, each stemmed again and again
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded word: 'cancelaron' → 'cancel', 'charged' → 'charg'."""
    return _stemmer(lang).stemWord(word)


def words(text: str, lang: str) -> list[str]:
    """Folded words of 2+ characters that are not stop words."""
    stop = STOP[lang]
    return [w for w in _WORDS.findall(fold(text)) if len(w) > 1 and w not in stop]


def terms(text: str, lang: str) -> list[str]:
    """Index terms of a text: its words, stemmed."""
    return [stem(w, lang) for w in words(text, lang)]


# Helpers


@cache
def _stemmer(lang: str):
    return snowballstemmer.stemmer(SNOWBALL[lang])


# Data

_MARKS = re.compile("[\u0300-\u036f]")
_WORDS = re.compile(r"[a-z0-9]+")

SNOWBALL = {"es": "spanish", "en": "english"}
# Words that say nothing about the problem: articles, pronouns, prepositions, and the question and
# modal words of a question as people ask it ("¿cómo puedo…?", "can I…", "what should I do…").
# Negations stay ("no", "not", "never"): "no llegó" is not "llegó". Then the rest of Snowball's stop
# lists, the words of any text, not of these problems: a reader's sentence is full of them, and one
# that is rare in the guides would otherwise weigh like a decisive word.
STOP = {
    "es": set(
        # articles, pronouns, prepositions, conjunctions
        "a al algo alguien algun alguna algunas alguno algunos ante aqui asi aun cada como con contra "
        "cual cuales cualquier de del desde donde e el ella ellas ellos en entonces entre esa esas ese "
        "eso esos esta estas este esto estos la las le les lo los me mi mia mio mis mucha muchas mucho "
        "muchos muy nada nos nosotros o os otra otras otro otros para pero poco por porque pues que "
        "quien quienes se segun si sin sobre su sus tal tambien tan tanto te ti toda todas todo todos "
        "tu tus u un una unas uno unos usted ustedes y ya yo "
        # forms of ser, estar, haber, tener, poder, querer, hacer, deber and saber as people ask
        "creo deberia era eran eres es esta estaba estan estar estoy fue fueron ha habia "
        "han has hay haya he hemos hizo hacer hace hago pasa podria podrian podemos poder puede "
        "pueden puedo se sea ser sera seria soy son tengo tiene tienen tener "
        "sabe "
        # greetings, fillers and question words
        "ademas ahora alguno aca bien buenas buenos cuando hola gracias favor porfa oigan "
        "pregunta ok "
        # the forms of estar, haber, ser and tener in Snowball's Spanish stop list
        # (snowballstem.org/algorithms/spanish/stop.txt) that people type, with its "hasta", "nuestro"
        "estaba estaban estabamos estamos estuve estuvo fui fuimos hasta hubo nuestra nuestro "
        "nuestros sido siendo tenemos tenia tenian tenido tienes tuve tuvo tuvimos tuvieron".split()
    ),
    "en": set(
        "a again all an and any anyone anything are as at be been being but by can cant "
        "could did do does doing dont for from get got had has have having hello hey hi how i id "
        "if ill im in into is it its ive just know like me my of ok on or our please really should so "
        "some someone something than thanks that thats the their them then there these they this those "
        "to too very was we were what whats when where which who why will with would you your "
        # the rest of Snowball's English stop list (snowballstem.org/algorithms/english/stop.txt),
        # but negations and the words a problem turns on (before, after, out, off, own, more, only…)
        "about above because below between both each few further he her here heres hers herself "
        "hes him himself his hows itself lets myself ought ours ourselves she shes such theirs "
        "themselves theres theyd theyll theyre theyve through until whens wheres while whom "
        "whos whys youd youll youre yours yourself yourselves youve".split()
    ),
}
