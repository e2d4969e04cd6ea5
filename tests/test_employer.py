"""Employer extractor: names with legal forms and labels, addresses, postcodes, registration numbers,
website; every evidence span quotes the text."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from validator.assessment import Employer
from validator.facts import Context, employer
from validator.nlp import get_nlp


def run(text: str, structured: dict[str, Any] | None = None, lang: str = "en") -> Employer:
    ctx = Context(language=lang, structured=structured or {})
    found = employer.extract(get_nlp(lang)(text), ctx)
    for ev in found.evidence:
        assert text[ev.start : ev.end] == ev.text
    return found


@pytest.mark.parametrize(
    ("text", "name", "form"),
    [
        ("We are Acme Recruitment Ltd, a leading agency.", "Acme Recruitment Ltd", "Ltd"),
        ("Join Smith & Jones Limited today!", "Smith & Jones Limited", "Ltd"),
        ("Müller Bau GmbH sucht Helfer.", "Müller Bau GmbH", "GmbH"),
        ("Work for Transport Nowak Sp. z o.o. in Poland", "Transport Nowak Sp. z o.o.", "Sp. z o.o."),
        ("Agro Fields S.R.L. angajează muncitori", "Agro Fields S.R.L.", "SRL"),
        ("Агро Стар ЕООД търси работници", "Агро Стар ЕООД", "EOOD"),
        ("Agro Star EOOD hires pickers", "Agro Star EOOD", "EOOD"),
        ("UAB Baltic Foods ieško darbuotojų", "UAB Baltic Foods", "UAB"),
        ("Acme, Inc. is hiring drivers", "Acme, Inc.", "Inc"),
        ("Van Dijk Logistics B.V. zoekt orderpickers", "Van Dijk Logistics B.V.", "BV"),
        ("Nordic Staffing ApS søger", "Nordic Staffing ApS", "ApS"),
        ("Stavby Novák s.r.o. přijme", "Stavby Novák s.r.o.", "s.r.o."),
        ('ООО "Ромашка" набирает сотрудников', 'ООО "Ромашка"', "ООО"),
        ("Allies In Caring, Inc. is a charity", "Allies In Caring, Inc.", "Inc"),
        ("At Hayes-Corp we build games. Hayes Corp, Boston", "Hayes Corp", "Corp"),
    ],
)
def test_legal_forms(text, name, form):
    found = run(text)
    assert (found.name, found.legal_form) == (name, form)
    assert any(ev.cue == "employer_name" and ev.text == name for ev in found.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Limited places available! Apply now.",
        "HURRY, LIMITED PLACES AVAILABLE SUCH AS PACKING",
        "Experience with Allen Bradley PLC programming is a plus",
        "We are hiring pickers for a farm in Denmark.",
        "In 2013, Inc. magazine named us",
        "Company: Confidential\nGood pay.",
        "Employer: our client",
    ],
)
def test_no_employer_name(text):
    found = run(text)
    assert found.name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Employer: Nordic Farms\nWork in Odense.", "Nordic Farms"),
        ("• Company: Baltic Foods UAB\nAddress: Gedimino pr. 9", "Baltic Foods UAB"),
        ("Hiring company - Green Valley Growers. Pay 12 GBP/h", "Green Valley Growers"),
        ("Agency: Work Abroad Solutions\n", "Work Abroad Solutions"),
        ("Employer: Nordic Farms ApS, Address: Vesterbrogade 12, 1620 København V", "Nordic Farms ApS"),
        ("Company: Lamark Media, Phone: 0906 123 4567", "Lamark Media"),
    ],
)
def test_labels(text, name):
    assert run(text).name == name


def test_structured_hiring_organization():
    found = run(
        "Employer: Old Name Ltd\nPickers wanted.",
        {"hiringOrganization": {"name": "Nordic Farms A/S", "url": "https://www.nordicfarms.dk"}},
    )
    assert (found.name, found.legal_form, found.website) == ("Nordic Farms A/S", "A/S", "nordicfarms.dk")
    assert run("Pickers wanted.", {"hiringOrganization": "Acme Ltd"}).name == "Acme Ltd"


@pytest.mark.parametrize(
    ("text", "address", "postcode"),
    [
        ("Our office: 221B Baker Street, London NW1 6XE. Call us.", "221B Baker Street, London NW1 6XE", "NW1 6XE"),
        ("Hauptstraße 5, 10115 Berlin. Wir freuen uns.", "Hauptstraße 5, 10115 Berlin", "10115"),
        ("Biuro: ul. Marszałkowska 10, 00-590 Warszawa", "ul. Marszałkowska 10, 00-590 Warszawa", "00-590"),
        ("Keizersgracht 123, 1015 CJ Amsterdam", "Keizersgracht 123, 1015 CJ Amsterdam", "1015 CJ"),
        ("1600 Pennsylvania Avenue NW, Washington, DC 20500.",
         "1600 Pennsylvania Avenue NW, Washington, DC 20500", "DC 20500"),
        ("Address: Gedimino pr. 9, LT-01103 Vilnius\nPay weekly", "Gedimino pr. 9, LT-01103 Vilnius", "LT-01103"),
        ("Office: bul. Vitosha 15, 1000 Sofia", "bul. Vitosha 15, 1000 Sofia", "1000"),
        ("Str. Victoriei nr. 5, 010061 Bucuresti", "Str. Victoriei nr. 5, 010061 Bucuresti", "010061"),
        ("Employer: Nordic Farms ApS, Address: Vesterbrogade 12, 1620 København V",
         "Vesterbrogade 12, 1620 København V", "1620"),
        ("Registered address: Unit 4, Riverside Park, Leeds LS1 4AP\n",
         "Unit 4, Riverside Park, Leeds LS1 4AP", "LS1 4AP"),
    ],
)  # fmt: skip
def test_addresses_and_postcodes(text, address, postcode):
    found = run(text)
    assert (found.address, found.postcode) == (address, postcode)


@pytest.mark.parametrize(
    "text",
    [
        "Earn 2000 Euro per month, 5 years experience needed.",
        "We have 10000 Employees in 20 Countries.",
        "Since 2019 Berlin has been our home.",
        "Work 6 Days a week, 10 Hours a day.",
        "Contact via WhatsApp 24/7.",
        "Top 3 Best Place to work",
    ],
)
def test_no_address(text):
    found = run(text)
    assert (found.address, found.postcode) == (None, None)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("VAT No: GB123456789", ["GB123456789"]),
        ("Registered in England and Wales, Company No. 01234567.", ["01234567"]),
        ("Amtsgericht Berlin HRB 12345 B", ["HRB 12345 B"]),
        ("Агро Стар ЕООД, ЕИК 123456789", ["123456789"]),
        ("EIK: 204567890, Sofia", ["204567890"]),
        ("J40/1234/2015, CUI RO12345678", ["J40/1234/2015", "RO12345678"]),
        ("KRS 0000012345, NIP 526-000-12-46", ["0000012345", "526-000-12-46"]),
        ("USt-IdNr. DE123456789", ["DE123456789"]),
        ("KvK 12345678", ["12345678"]),
        ("GLA licence number: 12345", ["12345"]),
    ],
)
def test_registration_numbers(text, numbers):
    found = run(text)
    assert found.registration_numbers == numbers
    assert all(ev.cue == "registration_number" for ev in found.evidence if ev.cue != "employer_name")


@pytest.mark.parametrize(
    "text",
    [
        "Pay to IBAN DE89 3704 0044 0532 0130 00",
        "Call 0888 123 456 or 2000-3000 EUR",
        "VAT included in the price of 20%",
        "Job ref 12345678",
    ],
)
def test_no_registration_numbers(text):
    assert run(text).registration_numbers == []


@pytest.mark.parametrize(
    ("text", "website"),
    [
        ("Visit https://www.acme.co.uk/careers for more", "acme.co.uk"),
        ("Apply on indeed.com/job/1 or see www.mueller-bau.de", "mueller-bau.de"),
        ("Apply at indeed.com/job/1, facebook.com/acme, bit.ly/x or acme.wixsite.com/jobs", None),
        ("Message wa.me/359888123456 or t.me/jobs", None),
        ("Send CV to hr@acme.com", None),
    ],
)
def test_website(text, website):
    assert run(text).website == website


def test_evidence_spans():
    text = "Employer: Acme Ltd\nAddress: 12 High Street, Leeds LS1 4AP\nVAT No: GB123456789\nwww.acme.co.uk"
    found = run(text)
    cues = {ev.cue for ev in found.evidence}
    assert {"employer_name", "address", "postcode", "registration_number", "website"} <= cues
    assert (found.name, found.legal_form, found.postcode, found.website) == ("Acme Ltd", "Ltd", "LS1 4AP", "acme.co.uk")


# ---------------------------------------------------------------- forms and addresses of the language packs


@pytest.mark.parametrize(
    ("lang", "text", "name", "form"),
    [
        ("lt", "UAB Šiaurės logistika ieško sandėlio darbuotojų.", "UAB Šiaurės logistika", "UAB"),
        ("lt", "UAB Baltic Foods ieško darbuotojų.", "UAB Baltic Foods", "UAB"),
        ("lt", 'MB "Ūkio darbai" ieško.', 'MB "Ūkio darbai"', "MB"),
        ("lt", "VšĮ Vilniaus ligoninė kviečia.", "VšĮ Vilniaus ligoninė", "VšĮ"),
        ("lv", "SIA Baltic Workforce meklē strādniekus.", "SIA Baltic Workforce", "SIA"),
        ("lv", 'AS "Latvijas Gāze" meklē.', 'AS "Latvijas Gāze"', "AS"),
        ("lv", "IK Jānis meklē palīgu.", "IK Jānis", "IK"),
        ("ru", "ИП Иванов И. И. ищет водителей.", "ИП Иванов И. И.", "ИП"),
        ("ru", "ПАО «Северсталь» приглашает.", "ПАО «Северсталь»", "АО"),
        ("ru", "ООО Ромашка ищет сотрудников.", "ООО Ромашка", "ООО"),
        ("uk", 'ПрАТ "Оболонь" шукає.', 'ПрАТ "Оболонь"', "ПрАТ"),
        ("uk", "ПП Сонце шукає працівників.", "ПП Сонце", "ПП"),
        ("bg", 'ЕТ "Иван Петров" търси.', 'ЕТ "Иван Петров"', "ЕТ"),
        ("ro", "Popescu Ion PFA angajează.", "Popescu Ion PFA", "PFA"),
        ("ro", "Angajator: II Popescu Ion, Cluj.", "II Popescu Ion", "II"),
        ("pl", "Nowak Sp. z o.o. sp.k. zatrudni.", "Nowak Sp. z o.o. sp.k.", "sp.k."),
        ("it", "Bianchi S.r.l.s. cerca.", "Bianchi S.r.l.s.", "S.r.l.s."),
        ("it", "Rossi & Figli S.a.s. cerca.", "Rossi & Figli S.a.s.", "S.a.s."),
        ("de", "Müller und Söhne OHG sucht.", "Müller und Söhne OHG", "OHG"),
        ("de", "Bäckerei Müller eG sucht.", "Bäckerei Müller eG", "eG"),
    ],
)
def test_pack_legal_forms(lang, text, name, form):
    found = run(text, lang=lang)
    assert (found.name, found.legal_form) == (name, form)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "SIA Door Supervisor licence required."),  # UK Security Industry Authority licence
        ("en", "Experience with AB Testing is a plus."),
        ("en", "Level II technician. World War II museum. Send 5 MB files."),
        ("en", "Mr II and Ms IK met at the AO office."),
        ("ro", "Etapa II a proiectului. Faza II Pitești."),
        ("lt", "Failas 5 MB dydžio. Mes ieškome darbuotojų."),
        ("lv", "Darbs IK ietvaros, 2 AS akcijas."),
        ("ru", "Ставка АО Москва, ИП-телефония."),
        ("uk", "Пункт 3 ПП України."),
        ("bg", "Агро Труд ЕТ търси"),  # ЕТ stands before the name only
    ],
)
def test_short_forms_are_no_company_in_ordinary_words(lang, text):
    assert run(text, lang=lang).legal_form is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("bg", "Работодател: Агро Труд ООД, гр. Пловдив", "Агро Труд ООД"),
        ("ru", 'Работодатель: ООО "Ромашка", г. Москва', 'ООО "Ромашка"'),
        ("lv", "Darba devējs: SIA Baltic Workforce meklē strādniekus.", "SIA Baltic Workforce"),
        ("en", "Employer: Acme, Inc., Boston", "Acme, Inc."),
    ],
)
def test_labelled_name_ends_with_its_legal_form(lang, text, name):
    assert run(text, lang=lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "address"),
    [
        ("fr", "Plateforme située 12 rue de l'Industrie, 59000 Lille, France.", "12 rue de l'Industrie, 59000 Lille, France"),
        ("fr", "Bureau : 3 bis avenue Jean Jaurès, 75019 Paris.", "3 bis avenue Jean Jaurès, 75019 Paris"),
        ("fr", "Rendez-vous au 5, chemin des Vignes à Lyon.", "5, chemin des Vignes"),
        ("fr", "Atelier rue de l'Église 5 à Lyon.", "rue de l'Église 5"),
        ("it", "Centro in Via dell'Industria 12, 20141 Milano, Italia.", "Via dell'Industria 12, 20141 Milano, Italia"),
        ("it", "Ufficio in Via della Spiga 5, Milano.", "Via della Spiga 5, Milano"),
        ("es", "Oficina en Calle de los Reyes 3, Madrid.", "Calle de los Reyes 3, Madrid"),
        ("en", "Office: 350 Avenue of the Americas, New York, NY 10018", "350 Avenue of the Americas, New York, NY 10018"),
    ],
)  # fmt: skip
def test_pack_street_addresses(lang, text, address):
    assert run(text, lang=lang).address == address


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Nous avons 12 places disponibles, 5 chemin faisant."),
        ("fr", "Il y a 3 route vers le site."),
        ("en", "We offer 3 Place Best here."),
        ("it", "Lavoro 5 giorni via email."),
    ],
)
def test_no_number_first_street(lang, text):
    assert run(text, lang=lang).address is None


def test_emscad_sample_runs(emscad_csv):
    nlp = get_nlp("en")
    named = 0
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = "\n\n".join(
                row[c] for c in ("title", "company_profile", "description", "requirements", "benefits") if row[c]
            )
            found = employer.extract(nlp(text), Context(language="en"))
            for ev in found.evidence:
                assert text[ev.start : ev.end] == ev.text
            named += found.name is not None
    assert named > 20  # many sample ads name a company with its legal form ("... LLC", "... Inc.")
