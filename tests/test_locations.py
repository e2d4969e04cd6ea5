"""Place gazetteer (doc.spans["places"]) and the locations extractor (places + destination country)."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.cache import cache_dir
from validator.facts import gazetteer, locations
from validator.facts.context import Context
from validator.nlp import get_nlp

KINDS = {"country", "city", "region", "vague"}


def run(text: str, structured: dict | None = None):
    doc = get_nlp("en")(text)
    found, destination = locations.extract(doc, Context(language="en", structured=structured or {}))
    for loc in found:
        assert loc.text == doc.text[loc.start : loc.end]
        assert loc.kind in KINDS
        assert loc.country is None or (len(loc.country) == 2 and loc.country.isupper())
    return found, destination


def named(found) -> dict[str, tuple[str | None, str]]:
    return {loc.text: (loc.country, loc.kind) for loc in found}


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Seasonal work in Germany.", "Germany", "DE", "country"),
        ("Greenhouse jobs in the Netherlands.", "the Netherlands", "NL", "country"),
        ("Flower farm in Holland, start now", "Holland", "NL", "country"),
        ("Warehouse staff for the UK", "UK", "GB", "country"),
        ("Drivers wanted in the USA", "USA", "US", "country"),
        ("Offices across the U.S. and Canada", "U.S.", "US", "country"),
        ("WORK IN GERMANY NOW", "GERMANY", "DE", "country"),
        ("we offer jobs in germany", "germany", "DE", "country"),
        ("Factory work in the Czech Republic", "Czech Republic", "CZ", "country"),
        ("Hotel staff in Dubai, UAE", "UAE", "AE", "country"),
        ("Farm work near Odense.", "Odense", "DK", "city"),
        ("Cleaning jobs in Kraków", "Kraków", "PL", "city"),
        ("Cleaning jobs in Krakow", "Krakow", "PL", "city"),
        ("Call centre in São Paulo", "São Paulo", "BR", "city"),
        ("Restaurant in St. Louis", "St. Louis", "US", "city"),
        ("Our office in Athens", "Athens", "GR", "city"),
        ("Picking strawberries in Huelva", "Huelva", "ES", "region"),
        ("Nurses for hospitals in Bavaria", "Bavaria", "DE", "region"),
        ("Our client in California", "California", "US", "region"),
        ("Jobs in Scandinavia", "Scandinavia", None, "vague"),
        ("Construction work in the Middle East", "the Middle East", None, "vague"),
    ],
)
def test_places_found(text, name, country, kind):
    found, _ = run(text)
    assert named(found).get(name) == (country, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Reading the manual is part of the job.",
        "Nice to meet you.",
        "We split the work between two shifts.",
        "Most of the time you work alone.",
        "Sale of goods and Deal making. March is busy.",
        "Contact Davis or Garner for details.",  # towns that are surnames need a place context
        "Manage the team and report to the director.",
        "CONTACT US TODAY",
        "We roast a turkey for the staff party and serve it on china plates.",
        "The laptop has 8 GB of memory.",
        "Oral communication skills. Contact Norman Jackson.",
    ],
)
def test_words_that_are_also_places_are_not_matched(text):
    found, destination = run(text)
    assert found == []
    assert destination is None


def test_small_town_in_place_context_is_matched():
    found, destination = run("Harvest work in Davis, CA")
    assert named(found)["Davis"] == ("US", "city")
    assert destination == "US"


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Farm work in Denmark for Bulgarian citizens.", "DK"),
        ("Candidates from Moldova wanted for work in Germany.", "DE"),
        ("Candidates from Bulgaria, Romania and Moldova. Work in Spain, accommodation provided.", "ES"),
        ("Bulgarian and Romanian workers needed. Jobs in Italy.", "IT"),
        ("Transport from Romania to the Netherlands is organised.", "NL"),
        ("Pickers needed for a farm in Odense.", "DK"),
        ("Hotel staff. Good pay. Portugal.", "PT"),
        ("Marketing Intern\nUS, NY, New York\nWe're located in Chelsea.", "US"),
        ("Engineer\nGB, LND, London\nOur team works with clients in Germany and France.", "GB"),
        ("Work in London and Manchester, interviews in Sofia.", "GB"),
        ("Atlanta, Georgia: warehouse work", "US"),
        ("Restaurant in Tbilisi, Georgia", "GE"),
        ("Jobs in Victoria, Australia", "AU"),
    ],
)
def test_destination(text, destination):
    assert run(text)[1] == destination


@pytest.mark.parametrize(
    "text",
    [
        "We recruit workers from Romania.",  # the origin only
        "For Polish citizens: good jobs, high pay.",
        "Jobs in Germany and jobs in Austria.",  # a tie
        "Work abroad, good pay, free accommodation.",
        "Well-paid work in Scandinavia or the Middle East.",
    ],
)
def test_no_destination_when_unclear(text):
    assert run(text)[1] is None


def test_location_line_city_takes_the_line_country():
    found, destination = run("Accountant\nUS, TX, Paris\nJoin our team.")
    assert destination == "US"
    assert named(found)["Paris"] == ("US", "city")
    assert named(found)["US"] == ("US", "country")


def test_location_line_keeps_stoplisted_city():
    found, destination = run("Barista\nGB, BRK, Reading\nCoffee shop.")
    assert destination == "GB"
    assert named(found)["Reading"] == ("GB", "city")


def test_origin_country_is_a_location_but_not_the_destination():
    found, destination = run("Drivers from Romania wanted.")
    assert named(found)["Romania"] == ("RO", "country")
    assert destination is None


def test_schema_org_job_location_sets_destination():
    structured = {"jobLocation": {"@type": "Place", "address": {"addressCountry": "DE", "addressLocality": "Kiel"}}}
    assert run("Warehouse work, good pay.", structured)[1] == "DE"
    named_country = {"jobLocation": [{"address": {"addressCountry": {"@type": "Country", "name": "Germany"}}}]}
    assert run("Jobs in Austria", named_country)[1] == "DE"
    two = {"jobLocation": [{"address": {"addressCountry": "DE"}}, {"address": {"addressCountry": "AT"}}]}
    assert run("Jobs in Austria", two)[1] == "AT"


def test_vague_cues_become_vague_locations_once():
    found, destination = run("Work abroad! Well-paid jobs in Europe.")
    vague = [loc for loc in found if loc.kind == "vague"]
    assert {loc.text for loc in vague} >= {"Work abroad"}
    assert any("Europe" in loc.text for loc in vague)
    assert len({(loc.start, loc.end) for loc in vague}) == len(vague)
    spans = [(loc.start, loc.end) for loc in vague]
    assert all(a[1] <= b[0] for a, b in zip(sorted(spans), sorted(spans)[1:], strict=False))  # no overlaps
    assert destination is None


def test_vague_destination_drives_the_indicator():
    import validator

    vague = validator.assess("Work abroad in Scandinavia. Good pay, free flat. Call now.", language="en")
    assert "dinicola.no_destination" in {hit.id for hit in vague.indicators}
    named_country = validator.assess("Work in Scandinavia: farm near Odense, Denmark. Call now.", language="en")
    assert named_country.facts.destination_country == "DK"
    assert "dinicola.no_destination" not in {hit.id for hit in named_country.indicators}


def test_places_spans_carry_label_and_country():
    doc = get_nlp("en")("Farm work near Odense for Bulgarian citizens, or in Scandinavia.")
    spans = {s.text: (s.label_, s.kb_id_) for s in doc.spans["places"]}
    assert spans["Odense"] == ("CITY", "DK")
    assert spans["Bulgarian"] == ("NATIONALITY", "BG")
    assert spans["Scandinavia"] == ("AREA", "")


def test_other_language_uses_localised_country_names():
    doc = get_nlp("de")("Erntehelfer für Deutschland gesucht, Arbeit in Dänemark.")
    found, _ = locations.extract(doc, Context(language="de"))
    assert named(found)["Deutschland"] == ("DE", "country")
    assert named(found)["Dänemark"] == ("DK", "country")


def test_ascii_spelling():
    assert gazetteer.ascii_spelling("Łódź") == "Lodz"
    assert gazetteer.ascii_spelling("Zürich") == "Zurich"
    assert gazetteer.ascii_spelling("București") == "Bucuresti"


def test_lexicon_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path))
    built = gazetteer._load_places("en")
    files = list((tmp_path / "places").glob("en-*.tsv"))
    assert len(files) == 1
    assert gazetteer._load_places("en") == built
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", "off")
    assert cache_dir("places") is None


def test_empty_and_odd_texts():
    assert run("") == ([], None)
    assert run("\n\n   \n")[1] is None
    run("US,\n, ,\nXX, YY, ZZ\n\u00a0New\nYork")


@pytest.mark.slow
def test_emscad_sample(emscad_csv):
    """Never raises on real ads; the destination agrees with the location field where it is given."""
    nlp = get_nlp("en")
    ctx = Context(language="en")
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = ("title", "location", "description", "requirements", "benefits")
    texts = ["\n".join(r[c] for c in fields if r.get(c)) for r in rows]
    agree = with_location = 0
    for row, doc in zip(rows, nlp.pipe(texts), strict=True):
        found, destination = locations.extract(doc, ctx)
        for loc in found:
            assert loc.text == doc.text[loc.start : loc.end]
            assert loc.kind in KINDS
        code = row["location"].split(",")[0].strip()
        if len(code) == 2:
            with_location += 1
            agree += destination == code
    assert with_location > 700
    assert agree / with_location >= 0.95


def test_places_survive_serialisation():
    from spacy.tokens import Doc

    doc = get_nlp("en")("Farm work near Odense, Denmark.")
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.label_, s.kb_id_) for s in again.spans["places"]] == [
        ("Odense", "CITY", "DK"),
        ("Denmark", "COUNTRY", "DK"),
    ]


WORDS = [
    "Germany",
    "germany",
    "US",
    "UK",
    "from",
    "in",
    "to",
    "Reading",
    "New",
    "York",
    "Georgia",
    "Atlanta",
    "Bulgarian",
    "citizens",
    "abroad",
    "Europe",
    ",",
    ".",
    "\n",
    "  ",
    "GB",
    "NY",
    "São",
    "Paulo",
    "the",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from([" ", "", "\n", ", "]), max_size=40))
def test_any_text_gives_valid_offsets(words, seps):
    text = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words))
    found, destination = run(text)
    assert destination is None or len(destination) == 2


def test_a_list_of_countries_keeps_each_country():
    found, _ = run("Offices in the U.S., UK, India, Singapore and the Philippines.")
    assert named(found)["U.S."] == ("US", "country")
    assert named(found)["UK"] == ("GB", "country")
    assert named(found)["India"] == ("IN", "country")


def test_tail_of_a_compound_is_not_a_place():
    assert run("Style: EN-US X-NONE; Anglo-American law firm")[0] == []
    assert named(run("A US-based company")[0])["US"] == ("US", "country")


def test_truncated_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path))
    built = gazetteer._load_places("en")
    (path,) = (tmp_path / "places").glob("en-*.tsv")
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(lines[: len(lines) // 2]) + "\n", "utf-8")
    assert gazetteer._load_places("en") == built
    assert path.read_text("utf-8").splitlines() == lines


def test_location_metadata_column_sets_destination():
    doc = get_nlp("en")("Warehouse work, good pay.")
    for value, code in [("GB, LND, London", "GB"), ("Germany", "DE"), ("", None), ("somewhere", None)]:
        ctx = Context(language="en", metadata={"location": value})
        assert locations.extract(doc, ctx)[1] == code


LOCAL_NAMES = [
    # local names of home cities that GeoNames lists under an English or other spelling
    ("de", "Wir suchen einen Koch für unser Restaurant in Nürnberg.", "Nürnberg", "DE"),
    ("de", "Für unser Büro in Genf suchen wir eine Assistenz.", "Genf", "CH"),
    ("fr", "Nous recrutons un vendeur pour notre magasin de Marseille.", "Marseille", "FR"),
    ("fr", "Poste basé à Gand, en Belgique.", "Gand", "BE"),
    ("it", "Cerchiamo un cameriere per il nostro ristorante a Genova.", "Genova", "IT"),
    ("it", "Sede di lavoro: Padova.", "Padova", "IT"),
    ("es", "Buscamos camarero para nuestro restaurante en Vitoria-Gasteiz.", "Vitoria-Gasteiz", "ES"),
]


@pytest.mark.parametrize(("lang", "text", "name", "country"), LOCAL_NAMES)
def test_local_names_of_home_cities(lang: str, text: str, name: str, country: str) -> None:
    doc = get_nlp(lang)(text)
    found, _ = locations.extract(doc, Context(language=lang))
    assert (name, country) in {(loc.text, loc.country) for loc in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "Nice to have : une première expérience en Python."), ("it", "Genovese di nascita, cerca lavoro.")],
)
def test_local_names_do_not_read_words(lang: str, text: str) -> None:
    doc = get_nlp(lang)(text)
    found, _ = locations.extract(doc, Context(language=lang))
    assert found == []


@pytest.mark.parametrize(
    ("lang", "text", "destination"),
    [
        ("de", "Beikoch gesucht! Wir servieren Frankfurter Würstchen. Arbeitsort: Leipzig.", "DE"),
        ("de", "Du arbeitest in unserem Düsseldorfer Büro. Vollzeit.", "DE"),
        ("ru", "Требуется менеджер в смоленский офис компании. Зарплата 50 000 руб.", None),
    ],
)
def test_places_read_inside_words_carry_a_country_code(lang: str, text: str, destination: str | None) -> None:
    doc = get_nlp(lang)(text)
    found, dest = locations.extract(doc, Context(language=lang))
    assert all(loc.country is None or (isinstance(loc.country, str) and len(loc.country) == 2) for loc in found)
    if destination:
        assert dest == destination
