"""Search measured on real problem phrasings, as the page ranks them (kb/quality.py, kb/rank.js).

The tuning set's outcome is kept as a pass/fail table (tests/problems/tuning-table.txt): a change
that makes a tuning query pass or fail shows here, and the table is rewritten in the same commit.
The held-out set is never a test: it is only measured (`make bench`), so that nothing is tuned to
it (decisions/0005-search-queries.md).
"""

from kb import quality


def test_the_tuning_table_is_what_the_site_ranks(site):
    now = quality.table(quality.evaluate(site.site)).splitlines()
    kept = quality.TABLE.read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t", 1)[1]: line.split("\t", 1)[0] for line in kept if not line.startswith("#")}
    flips = [
        f"{line.split(chr(9), 1)[0]} now, {rows.get(line.split(chr(9), 1)[1], 'absent')} in the table: "
        f"{line.split(chr(9), 1)[1]}"
        for line in now
        if not line.startswith("#") and rows.get(line.split("\t", 1)[1]) != line.split("\t", 1)[0]
    ]
    gone = len(rows) - sum(1 for line in now if not line.startswith("#"))
    assert not flips and not gone, (
        f"{len(flips)} tuning queries changed ({gone} rows no longer in the set); if the change is "
        "wanted, run `.venv/bin/python -m kb.quality site --update` after `make build`:\n  "
        + "\n  ".join(flips[:20])
    )


def test_a_query_is_ranked_by_the_section_it_names():
    assert quality._name("pagos-atrasados/#pasos") == "pagos-atrasados#pasos"
    assert quality._name("#cobros") == "index#cobros" and quality._name("frases/") == "frases"
    assert quality._place("b#x", ["a#y", "b#x"]) == 2 and quality._place("c#z", ["a#y"]) is None


def test_a_keyword_query_that_misses_is_named(site, tmp_path):
    table = tmp_path / "queries.yml"
    table.write_text(
        "queries:\n"
        "  - {lang: es, query: buyout, expected: 'frases/#no-existe', top: 1}\n"
        "  - {lang: en, query: buyout, expected: 'compra-anticipada/#respuesta', top: 3}\n",
        encoding="utf-8",
    )
    misses = quality.keyword_misses(site.site, table)
    assert len(misses) == 1 and misses[0].startswith("es: 'buyout' expected frases/#no-existe in ["), misses
