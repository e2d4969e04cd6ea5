"""Language packs (data/lang/<lang>/) for bg, ro, lt, lv, pl, uk, ru, de, fr, es, it.

Each pack must raise, on a risky ad written in its language, the warning signs that the English pack
raises on the English original (tests/fixtures/ads/risky_farm_en.txt); keep an ordinary ad low; read
the cues, negations, wage formats, legal forms, phone numbers and destinations of its language; and
cover every cue label an indicator needs. Cases that need code outside the packs are marked xfail with
the change they need.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

import validator
from validator.facts import wages
from validator.facts.context import Context
from validator.facts.job import REQUIREMENT_CUES
from validator.indicators import catalogue
from validator.indicators.i18n import localise, localise_all, ui_languages, wording
from validator.language import detect
from validator.nlp import build_nlp, get_nlp
from validator.resources import data_path, language_packs, load_jsonl, load_toml
from validator.scoring import rule_score

LANGS = ("bg", "ro", "lt", "lv", "pl", "uk", "ru", "de", "fr", "es", "it")
ADS = Path(__file__).parent / "fixtures" / "ads"
PACK_FILES = ("cues.jsonl", "lexicon.toml", "wages.toml", "contacts.toml", "employer.toml", "places.toml",
              "place_stoplist.txt", "pack.toml")  # fmt: skip
# cue labels read by code rather than by a "cue" indicator
CODE_LABELS = {"HOURS", "DUTIES", "WORKPLACE", "CONTRACT", "MESSENGER", "CONTACT_ONLY", "VAGUE_DESTINATION"}


def ad(name: str) -> str:
    return (ADS / f"{name}.txt").read_text("utf-8")


@cache
def english_risky_ids() -> frozenset[str]:
    return frozenset(h.id for h in validator.assess(ad("risky_farm_en"), language="en").indicators)


def cues(lang: str, text: str, key: str = "cues") -> set[str]:
    doc = get_nlp(lang)(text)  # the spans live only as long as their doc
    return {span.label_ for span in doc.spans[key]}


# ---------------------------------------------------------------- the packs exist and are complete


def test_every_pack_is_registered_with_all_its_files() -> None:
    packs = set(language_packs())
    for lang in LANGS:
        assert lang in packs
        for name in PACK_FILES:
            assert data_path("lang", lang, name).exists(), f"{lang}/{name} missing"


def required_labels() -> set[str]:
    labels = set(CODE_LABELS) | set(REQUIREMENT_CUES)
    for ind in catalogue():
        params = dict(ind.params)
        if ind.detector == "cue":
            labels.update(params["cues"])
    return labels


@pytest.mark.parametrize("lang", LANGS)
def test_every_cue_label_an_indicator_uses_has_patterns(lang: str) -> None:
    have = {row["label"] for row in load_jsonl("lang", lang, "cues.jsonl")}
    documented = load_toml("lang", lang, "pack.toml").get("missing_cues", {})
    for label, reason in documented.items():
        assert isinstance(reason, str) and reason.strip(), f"{lang}: missing cue {label} needs a reason"
    missing = required_labels() - have - set(documented)
    assert not missing, f"{lang}: no patterns for {sorted(missing)}"


@pytest.mark.parametrize("lang", LANGS)
def test_phrase_patterns_match_inside_a_sentence(lang: str) -> None:
    """The blank tokenizer of the language splits each phrase the same way inside running text, in lower
    case and Capitalised at the start of a sentence (elisions, hyphens, abbreviations with dots such as
    "Пон." tokenize differently by case: the pack lists such spellings as rows of their own). A sample
    of every 15th phrase is checked against all the pack's phrases."""
    nlp = build_nlp(lang)
    rows = [row for row in load_jsonl("lang", lang, "cues.jsonl") if "pattern" in row]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for row in rows:
        matcher.add(row["label"], [nlp.make_doc(row["pattern"])])
    unmatched = []
    for row in rows[::15]:
        phrase = row["pattern"]
        for form in (phrase, phrase[:1].upper() + phrase[1:]):
            doc = nlp.make_doc(f"Xx {form}, xx.")
            if row["label"] not in {nlp.vocab.strings[m] for m, _, _ in matcher(doc)}:
                unmatched.append(form)
    assert not unmatched


@pytest.mark.parametrize("lang", LANGS)
def test_wage_lexicon_parses_as_the_english_one(lang: str) -> None:
    en = load_toml("lang", "en", "wages.toml")
    pack = load_toml("lang", lang, "wages.toml")
    assert set(pack) == set(en)
    assert set(pack["periods"]["after"]) == {"hour", "day", "week", "month", "year"}
    assert wages.lexicon(lang).context.pattern  # compiles


# ---------------------------------------------------------------- example ads


@pytest.mark.parametrize("lang", LANGS)
def test_example_ads_are_detected_in_their_language(lang: str) -> None:
    assert detect(ad(f"risky_{lang}"))[0] == lang
    assert detect(ad(f"ordinary_{lang}"))[0] == lang


@pytest.mark.parametrize("automatic", [False, True], ids=["given", "detected"])
@pytest.mark.parametrize("lang", LANGS)
def test_risky_ad_raises_the_warning_signs_of_its_english_counterpart(lang: str, automatic: bool) -> None:
    result = validator.assess(ad(f"risky_{lang}"), language=None if automatic else lang)
    assert result.language == lang
    found = {h.id for h in result.indicators}
    missing = english_risky_ids() - found
    assert not missing, f"{lang}: the English ad raises {sorted(missing)}, this one does not"
    assert rule_score(result.indicators).band == "high"
    for hit in result.indicators:  # evidence quotes come from the ad itself
        text = result.text
        assert all(text[e.start : e.end] == e.text for e in hit.evidence)


@pytest.mark.parametrize("lang", LANGS)
def test_ordinary_ad_stays_low(lang: str) -> None:
    result = validator.assess(ad(f"ordinary_{lang}"), language=lang)
    assert rule_score(result.indicators).band == "low"
    assert not [h.id for h in result.indicators if h.evidence], "no warning sign is quoted from an ordinary ad"
    facts = result.facts
    assert facts.job.duties_stated and facts.job.hours_stated
    assert facts.employer.name and facts.employer.legal_form
    assert facts.wages and facts.wages[0].period == "month" and facts.wages[0].gross_net == "gross"


# ---------------------------------------------------------------- cues, per language

CUE_CASES = {
    "bg": [
        ("Не се изисква опит, ще ви обучим.", "EXPERIENCE_WAIVED"),
        ("Не е необходим английски език.", "LANGUAGE_WAIVED"),
        ("Осигурена квартира и безплатен транспорт до работното място.", "EMPLOYER_HOUSING"),
        ("Настаняване в стаи по 4 души.", "SHARED_ACCOMMODATION"),
        ("Пътните разходи са за сметка на работодателя.", "TRAVEL_ARRANGED"),
        ("Квартирата се удържа от заплатата.", "DEDUCTION"),
        ("Туристическа виза е достатъчна.", "VISA_CLAIM"),
        ("Търсим млади момичета за работа в бар.", "GENDER_TARGETING"),
        ("Работа 7 дни в седмицата, 12 часа на ден.", "EXCESSIVE_HOURS"),
        ("Пишете само по вайбър.", "CONTACT_ONLY"),
        ("Сезонна работа в оранжерия.", "CONTRACT"),
        ("Пътят се поема от работодателя.", "TRAVEL_ARRANGED"),
        ("Не се изисква знание на езика.", "LANGUAGE_WAIVED"),
    ],
    "ro": [
        ("Nu este necesară experiența, vă instruim.", "EXPERIENCE_WAIVED"),
        ("Cazare asigurată de angajator.", "EMPLOYER_HOUSING"),
        ("Camere de 4 persoane.", "SHARED_ACCOMMODATION"),
        ("Transport asigurat la locul de muncă.", "TRANSPORT_TO_WORK"),
        ("Ne ocupăm de toate actele.", "SETTLING_HELP"),
        ("Cazarea se reține din salariu.", "DEDUCTION"),
        ("Angajare garantată, plecare imediată!", "NO_INTERVIEW"),
        ("Cazare gratuita, fara experienta.", "FREE_ACCOMMODATION"),  # written without diacritics
        ("Viza turistică este suficientă.", "VISA_CLAIM"),
        ("Trimiteți poză cu buletinul.", "PASSPORT_REQUEST"),
        ("Nu trebuie să cunoașteți limba.", "LANGUAGE_WAIVED"),
    ],
    "lt": [
        ("Darbo patirtis nebūtina.", "EXPERIENCE_WAIVED"),
        ("Darbdavys suteikia būstą.", "EMPLOYER_HOUSING"),
        ("Suteikiamas apgyvendinimas.", "EMPLOYER_HOUSING"),
        ("Gyvenimas bendrabutyje su kitais darbuotojais.", "SHARED_ACCOMMODATION"),
        ("Kelionės išlaidos kompensuojamos.", "TRAVEL_ARRANGED"),
        ("Nuoma išskaičiuojama iš atlyginimo.", "DEDUCTION"),
        ("Skubiai ieškome darbuotojų!", "URGENCY"),
        ("Pasai saugomi pas darbdavį.", "PASSPORT_REQUEST"),
        ("Darbas 7 dienas per savaitę.", "EXCESSIVE_HOURS"),
    ],
    "lv": [
        ("Darba pieredze nav nepieciešama.", "EXPERIENCE_WAIVED"),
        ("Tiek nodrošināta dzīvesvieta.", "EMPLOYER_HOUSING"),
        ("Dzīvošana kopmītnē ar citiem strādniekiem.", "SHARED_ACCOMMODATION"),
        ("Ceļa izdevumi kompensēti.", "TRAVEL_ARRANGED"),
        ("Īre tiek ieturēta no algas.", "DEDUCTION"),
        ("Bez intervijas, garantēts darbs.", "NO_INTERVIEW"),
        ("Atsūtiet pases kopiju.", "PASSPORT_REQUEST"),
        ("Darbs bez brīvdienām.", "EXCESSIVE_HOURS"),
    ],
    "pl": [
        ("Doświadczenie nie jest wymagane.", "EXPERIENCE_WAIVED"),
        ("Znajomość języka niemieckiego nie jest wymagana.", "LANGUAGE_WAIVED"),
        ("Zapewniamy zakwaterowanie w pokojach 3-osobowych.", "EMPLOYER_HOUSING"),
        ("Zapewniamy zakwaterowanie w pokojach 3-osobowych.", "SHARED_ACCOMMODATION"),
        ("Zakwaterowanie jest potrącane z wypłaty.", "DEDUCTION"),
        ("Opieka polskiego koordynatora na miejscu.", "SETTLING_HELP"),
        ("Praca od zaraz!", "URGENCY"),
        ("Praca na wizie turystycznej.", "VISA_CLAIM"),
        ("Darmowe zakwaterowanie, bez doswiadczenia.", "FREE_ACCOMMODATION"),  # without diacritics
        ("Kontakt tylko przez Viber.", "CONTACT_ONLY"),
        ("Zakwaterowanie zapewnia pracodawca.", "EMPLOYER_HOUSING"),
    ],
    "uk": [
        ("Досвід роботи не обов'язковий.", "EXPERIENCE_WAIVED"),
        ("Досвід роботи не обов’язковий.", "EXPERIENCE_WAIVED"),  # typographic apostrophe
        ("Надаємо житло, проживання в гуртожитку.", "EMPLOYER_HOUSING"),
        ("Проживання в гуртожитку.", "SHARED_ACCOMMODATION"),
        ("Проживання вираховується з зарплати.", "DEDUCTION"),
        ("Робота по безвізу.", "VISA_CLAIM"),
        ("Виїзд одразу, кількість місць обмежена.", "URGENCY"),
        ("Пишіть тільки у вайбер.", "CONTACT_ONLY"),
    ],
    "ru": [
        ("Опыт работы не требуется.", "EXPERIENCE_WAIVED"),
        ("Жилье предоставляется.", "EMPLOYER_HOUSING"),  # е for ё
        ("Проживание по 4 человека в комнате.", "SHARED_ACCOMMODATION"),
        ("Дорога оплачивается работодателем.", "TRAVEL_ARRANGED"),
        ("Проживание вычитается из зарплаты.", "DEDUCTION"),
        ("Работа по туристической визе.", "VISA_CLAIM"),
        ("Требуются девушки для работы хостес.", "GENDER_TARGETING"),
        ("Пишите только в телеграм.", "CONTACT_ONLY"),
        ("График 7 дней в неделю по 12 часов в день.", "EXCESSIVE_HOURS"),
    ],
    "de": [
        ("Keine Vorkenntnisse nötig.", "EXPERIENCE_WAIVED"),
        ("Keine Deutschkenntnisse erforderlich.", "LANGUAGE_WAIVED"),
        ("Unterkunft wird gestellt.", "EMPLOYER_HOUSING"),
        ("Unterkunft kostenlos.", "FREE_ACCOMMODATION"),
        ("Wohnen in Mehrbettzimmern.", "SHARED_ACCOMMODATION"),
        ("Die Miete wird vom Lohn abgezogen.", "DEDUCTION"),
        ("Vermittlungsgebühr 200 Euro.", "FEE"),
        ("Touristenvisum reicht.", "VISA_CLAIM"),
        ("Nur per WhatsApp erreichbar.", "CONTACT_ONLY"),
    ],
    "fr": [
        ("Aucune expérience requise.", "EXPERIENCE_WAIVED"),
        ("Logement fourni par l'employeur.", "EMPLOYER_HOUSING"),
        ("Logement gratuit sur place.", "FREE_ACCOMMODATION"),
        ("Chambres partagées.", "SHARED_ACCOMMODATION"),
        ("Le loyer est déduit du salaire.", "DEDUCTION"),
        ("Frais d'inscription : 100 €.", "FEE"),
        ("Un visa touristique suffit.", "VISA_CLAIM"),
        ("Travail à l'étranger.", "VAGUE_DESTINATION"),
        ("Contact uniquement par Telegram.", "CONTACT_ONLY"),
    ],
    "es": [
        ("No se requiere experiencia.", "EXPERIENCE_WAIVED"),
        ("Alojamiento incluido.", "EMPLOYER_HOUSING"),
        ("Habitación compartida con otros trabajadores.", "SHARED_ACCOMMODATION"),
        ("El alojamiento se descuenta del sueldo.", "DEDUCTION"),
        ("Incorporación inmediata.", "URGENCY"),
        ("Sin papeles, no hace falta permiso de trabajo.", "VISA_CLAIM"),
        ("Trabajo en el extranjero.", "VAGUE_DESTINATION"),
        ("Contacto solo por WhatsApp.", "CONTACT_ONLY"),
        ("Alojamiento y transporte incluidos.", "TRANSPORT_TO_WORK"),
    ],
    "it": [
        ("Non è richiesta esperienza.", "EXPERIENCE_WAIVED"),
        ("Offriamo vitto e alloggio.", "EMPLOYER_HOUSING"),
        ("Camere condivise con altri lavoratori.", "SHARED_ACCOMMODATION"),
        ("L'affitto viene trattenuto dallo stipendio.", "DEDUCTION"),
        ("Lavoro all'estero.", "VAGUE_DESTINATION"),
        ("Lavoro all’estero.", "VAGUE_DESTINATION"),  # typographic apostrophe
        ("Partenza immediata, posti limitati.", "URGENCY"),
        ("Contattare solo su WhatsApp.", "CONTACT_ONLY"),
        ("Non serve parlare italiano.", "LANGUAGE_WAIVED"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "label"), [(lang, text, label) for lang, rows in CUE_CASES.items() for text, label in rows]
)
def test_cue_fires(lang: str, text: str, label: str) -> None:
    assert label in cues(lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [("pl", "Dojazd we własnym zakresie.", "TRANSPORT_TO_WORK"), ("ro", "Transport asigurat de firmă.", "TRAVEL_ARRANGED"),
     ("de", "Ab sofort gesucht.", "URGENCY"), ("ro", "Depozit de 5000 mp.", "FEE"), ("es", "Mozo de almacén.", "FEE"),
     ("lv", "Es strādāju Rīgā.", "VAGUE_DESTINATION"), ("lt", "Užsienio kalbos žinios.", "VAGUE_DESTINATION"),
     ("fr", "Produits frais.", "FEE"), ("pl", "Możliwość zaliczek.", "FEE"), ("ru", "ИНН 7701234567.", "PERSONAL_DATA_REQUEST")],
)  # fmt: skip
def test_ordinary_words_are_no_cue(lang: str, text: str, label: str) -> None:
    """Words that look like a cue but are ordinary in the language (Romanian "depozit" is a warehouse,
    Latvian "es" is "I", German "ab sofort" opens most ordinary ads, a company's tax number is no
    personal data)."""
    assert label not in cues(lang, text)


NEGATION_CASES = {
    "bg": [("Не вземаме никакви такси от кандидатите.", "FEE"), ("Не искаме копие на паспорта.", "PASSPORT_REQUEST"),
           ("Не осигуряваме квартира.", "EMPLOYER_HOUSING")],
    "ro": [("Nu percepem nicio taxă.", "FEE"), ("Fără taxă de înscriere.", "FEE"),
           ("Nu cerem copie după pașaport.", "PASSPORT_REQUEST")],
    "lt": [("Jokio registracijos mokesčio.", "FEE"), ("Mes neprašome paso kopijos.", "PASSPORT_REQUEST")],
    "lv": [("Nav jāmaksā nekāda reģistrācijas maksa.", "FEE"), ("Mēs neprasām pases kopiju.", "PASSPORT_REQUEST")],
    "pl": [("Nie pobieramy żadnych opłat rekrutacyjnych.", "FEE"), ("Bez opłaty rejestracyjnej.", "FEE"),
           ("Nie wymagamy kopii paszportu.", "PASSPORT_REQUEST")],
    "uk": [("Ми не беремо жодних внесків.", "FEE"), ("Не надсилайте скан паспорта.", "PASSPORT_REQUEST")],
    "ru": [("Мы не берём никаких взносов.", "FEE"), ("Без предоплаты.", "FEE"),
           ("Не отправляйте копию паспорта.", "PASSPORT_REQUEST")],
    "de": [("Wir verlangen keine Vermittlungsgebühr.", "FEE"), ("Keine Kaution.", "FEE"),
           ("Keine Unterkunft vorhanden.", "EMPLOYER_HOUSING")],
    "fr": [("Nous ne demandons aucun frais d'inscription.", "FEE"), ("Sans caution.", "FEE"),
           ("Pas de logement fourni.", "EMPLOYER_HOUSING")],
    "es": [("No cobramos ninguna cuota de inscripción.", "FEE"), ("Sin fianza.", "FEE"),
           ("Nunca pedimos copia del pasaporte.", "PASSPORT_REQUEST")],
    "it": [("Non chiediamo nessuna quota di iscrizione.", "FEE"), ("Senza cauzione.", "FEE"),
           ("Non inviate copia del passaporto.", "PASSPORT_REQUEST")],
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "label"), [(lang, text, label) for lang, rows in NEGATION_CASES.items() for text, label in rows]
)
def test_negated_cue_does_not_fire(lang: str, text: str, label: str) -> None:
    assert label in cues(lang, text, "negated_cues")
    assert label not in cues(lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [("bg", "Квартира не се осигурява.", "EMPLOYER_HOUSING"), ("de", "Unterkunft wird nicht gestellt.", "EMPLOYER_HOUSING"),
     ("fr", "Logement non fourni.", "EMPLOYER_HOUSING"), ("pl", "Zakwaterowanie nie jest zapewnione.", "EMPLOYER_HOUSING"),
     ("ru", "Жильё не предоставляется.", "EMPLOYER_HOUSING"), ("es", "Alojamiento no incluido.", "EMPLOYER_HOUSING")],
)  # fmt: skip
def test_a_negation_inside_the_phrase_leaves_no_cue(lang: str, text: str, label: str) -> None:
    """ "Unterkunft wird nicht gestellt": the negation splits the phrase, so the cue is not raised at all."""
    assert label not in cues(lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("bg", "Без опит, безплатна квартира."),
        ("ro", "Fără experiență, cazare gratuită."),
        ("pl", "Bez doświadczenia, darmowe zakwaterowanie."),
        ("ru", "Без опыта, бесплатное жильё."),
        ("de", "Ohne Erfahrung, kostenlose Unterkunft."),
        ("fr", "Sans expérience, logement gratuit."),
    ],
)
def test_a_waiver_does_not_negate_the_next_cue(lang: str, text: str) -> None:
    """The "without" of "without experience" belongs to that waiver cue, not to the next one."""
    assert {"EXPERIENCE_WAIVED", "FREE_ACCOMMODATION"} <= cues(lang, text)


# ---------------------------------------------------------------- wages

WAGE_CASES = [
    # lang, text, min, max, currency, period, gross_net, up_to
    ("bg", "Заплата: 1 800,50 лв. нето на месец", 1800.5, 1800.5, "BGN", "month", "net", False),
    ("bg", "Надница 80 лв. на ден", 80, 80, "BGN", "day", None, False),
    ("bg", "до 2.500 лева бруто", None, 2500, "BGN", None, "gross", True),
    ("ro", "Salariu 3.500 lei net pe lună", 3500, 3500, "RON", "month", "net", False),
    ("ro", "între 2500 și 3000 RON brut", 2500, 3000, "RON", None, "gross", False),
    ("ro", "12 euro/oră", 12, 12, "EUR", "hour", None, False),
    ("lt", "Atlyginimas 1 200 eurų į rankas per mėnesį", 1200, 1200, "EUR", "month", "net", False),
    ("lt", "12,50 EUR/val.", 12.5, 12.5, "EUR", "hour", None, False),
    ("lv", "Alga 1200 eiro mēnesī uz rokas", 1200, 1200, "EUR", "month", "net", False),
    ("lv", "līdz 2000 EUR", None, 2000, "EUR", None, None, True),
    ("pl", "4 300 zł netto miesięcznie", 4300, 4300, "PLN", "month", "net", False),
    ("pl", "25 zł/h brutto", 25, 25, "PLN", "hour", "gross", False),
    ("pl", "od 4000 do 5000 zł", 4000, 5000, "PLN", None, None, False),
    ("uk", "Зарплата 25 000 грн на місяць", 25000, 25000, "UAH", "month", None, False),
    ("uk", "15 злотих на годину", 15, 15, "PLN", "hour", None, False),
    ("ru", "Зарплата 80 000 руб. в месяц", 80000, 80000, "RUB", "month", None, False),
    ("ru", "от 1500 до 2000 евро на руки", 1500, 2000, "EUR", None, "net", False),
    ("ru", "300 долларов в неделю", 300, 300, "USD", "week", None, False),
    ("de", "Stundenlohn 13,50 € brutto", 13.5, 13.5, "EUR", "hour", "gross", False),
    ("de", "zwischen 2.500 und 3.000 € monatlich", 2500, 3000, "EUR", "month", None, False),
    ("fr", "1 800 € net par mois", 1800, 1800, "EUR", "month", "net", False),
    ("fr", "12,50 € brut de l'heure", 12.5, 12.5, "EUR", "hour", "gross", False),
    ("fr", "entre 2 000 et 2 500 euros", 2000, 2500, "EUR", None, None, False),
    ("es", "1.200 euros netos al mes", 1200, 1200, "EUR", "month", "net", False),
    ("es", "de 1.500 a 1.800 €", 1500, 1800, "EUR", None, None, False),
    ("it", "8 euro all'ora", 8, 8, "EUR", "hour", None, False),
    ("it", "da 1.200 a 1.500 euro", 1200, 1500, "EUR", None, None, False),
]


@pytest.mark.parametrize(("lang", "text", "lo", "hi", "currency", "period", "gross_net", "up_to"), WAGE_CASES)
def test_wage_formats(lang, text, lo, hi, currency, period, gross_net, up_to) -> None:
    found = wages.extract_text(text, Context(language=lang))
    assert len(found) == 1
    w = found[0]
    assert (w.min, w.max, w.currency, w.period, w.gross_net, w.up_to) == (lo, hi, currency, period, gross_net, up_to)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("bg", "Регистрационна такса 150 лв."), ("pl", "Opłata rekrutacyjna 300 zł"), ("de", "Vermittlungsgebühr 200 €"),
     ("fr", "Frais d'inscription 150 €"), ("ro", "Taxa de înscriere 500 lei"), ("ru", "Взнос 5000 руб.")],
)  # fmt: skip
def test_a_fee_is_not_a_wage(lang: str, text: str) -> None:
    assert wages.extract_text(text, Context(language=lang)) == []


# ---------------------------------------------------------------- employer legal forms

LEGAL_FORM_CASES = [
    ("bg", "Работодател: Агро Труд ЕООД", "EOOD"),
    ("bg", "Метал Инвест АД търси", "AD"),
    ("ro", "Construct Invest S.R.L. angajează", "SRL"),
    ("lt", "UAB „Statybų grupė“ ieško", "UAB"),
    ("lt", 'AB "Klaipėdos nafta" ieško', "AB"),
    ("lv", 'SIA "Būvniecības grupa" meklē', "SIA"),
    ("pl", "Agro Serwis Sp. z o.o. zatrudni", "Sp. z o.o."),
    ("pl", "Budimex S.A. zatrudni", "SA"),
    ("uk", 'ТОВ "Агро Праця" шукає', "ТОВ"),
    ("ru", 'ООО "Агро Труд" ищет', "ООО"),
    ("de", "Bau Montage UG (haftungsbeschränkt) sucht", "UG"),
    ("de", "Bäckerei Schmidt e.K. sucht", "e.K."),
    ("fr", "Bâtiment Dupont EURL recrute", "EURL"),
    ("es", "Frutas Levante SLU busca", "S.L."),
    ("it", "Costruzioni Bianchi S.p.A. cerca", "S.p.A."),
    ("lt", 'MB "Ūkio darbai" ieško', "MB"),
    ("lv", 'AS "Latvijas Gāze" meklē', "AS"),
    ("lv", "SIA Baltic Workforce meklē", "SIA"),
    ("pl", "Kowalski i Wspólnicy sp.j. zatrudni", "sp.j."),
    ("uk", "ФОП Іваненко шукає", "ФОП"),
    ("ru", 'АО "Стройтрест" ищет', "АО"),
    ("it", "Trasporti Verdi S.n.c. cerca", "S.n.c."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "form"), LEGAL_FORM_CASES)
def test_legal_form(lang: str, text: str, form: str) -> None:
    result = validator.assess(text + ".", language=lang)
    assert result.facts.employer.legal_form == form


# ---------------------------------------------------------------- phones and places

PHONE_CASES = [
    ("bg", "Обадете се на тел. 0888 123 456", "BG"),
    ("ro", "Sunați la 0712 345 678", "RO"),
    ("lt", "Skambinkite tel. 8 612 34567", "LT"),
    ("lv", "Zvaniet tel. 2123 4567", "LV"),
    ("uk", "Телефонуйте: 067 123 4567", "UA"),
    ("ru", "Звоните: 8 912 345-67-89", "RU"),
    ("de", "Rufen Sie an: 0151 23456789", "DE"),
    ("fr", "Appelez le 06 12 34 56 78", "FR"),
    ("es", "Llama al 612 34 56 78", "ES"),
    ("it", "Chiama il 312 345 6789", "IT"),
    ("pl", "Zadzwoń: 512 345 678", "PL"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "region"), PHONE_CASES)
def test_national_phone_number_uses_the_pack_region(lang: str, text: str, region: str) -> None:
    phones = validator.assess(text, language=lang).facts.contacts.phones
    assert [p.region for p in phones] == [region]


DESTINATION_CASES = [
    ("bg", "Работа в Германия, град Мюнхен, склад.", "DE"),
    ("ru", "Работа в Германии на складе.", "DE"),
    ("ru", "Работа во Вроцлаве на заводе.", "PL"),
    ("uk", "Робота в Польщі на складі.", "PL"),
    ("uk", "Робота у Вроцлаві на заводі.", "PL"),
    ("pl", "Praca w Niemczech na magazynie.", "DE"),
    ("pl", "Praca we Wrocławiu.", "PL"),
    ("lt", "Darbas Norvegijoje žuvies fabrike.", "NO"),
    ("lv", "Darbs Vācijā noliktavā.", "DE"),
    ("ro", "Muncă în Germania la depozit.", "DE"),
    ("de", "Arbeit in den Niederlanden im Lager.", "NL"),
    ("fr", "Travail en Belgique dans un entrepôt.", "BE"),
    ("es", "Trabajo en Alemania en un almacén.", "DE"),
    ("it", "Lavoro in Germania in magazzino.", "DE"),
]


@pytest.mark.parametrize(("lang", "text", "country"), DESTINATION_CASES)
def test_destination_from_inflected_place_names(lang: str, text: str, country: str) -> None:
    assert validator.assess(text, language=lang).facts.destination_country == country


@pytest.mark.parametrize(
    ("lang", "text"),
    [("bg", "Работа за работници от България в Германия."), ("pl", "Praca dla Polaków w Niemczech."),
     ("ro", "Muncă pentru cetățeni din România în Germania."), ("ru", "Работа для граждан Украины в Германии.")],
)  # fmt: skip
def test_origin_country_is_not_the_destination(lang: str, text: str) -> None:
    assert validator.assess(text, language=lang).facts.destination_country == "DE"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("bg", "Работа в чужбина, заплата 2000 евро."), ("ru", "Работа за границей, зарплата 2000 евро."),
     ("uk", "Робота за кордоном, зарплата 2000 євро."), ("pl", "Praca za granicą, wynagrodzenie 2000 euro."),
     ("ro", "Muncă în străinătate, salariu 2000 euro."), ("lt", "Darbas užsienyje, atlyginimas 2000 eurų."),
     ("lv", "Darbs ārzemēs, alga 2000 eiro."), ("de", "Arbeit im Ausland, Lohn 2000 Euro."),
     ("fr", "Travail à l'étranger, salaire 2000 euros."), ("es", "Trabajo en el extranjero, sueldo 2000 euros."),
     ("it", "Lavoro all'estero, stipendio 2000 euro.")],
)  # fmt: skip
def test_vague_destination_raises_the_indicator(lang: str, text: str) -> None:
    ids = {h.id for h in validator.assess(text, language=lang).indicators}
    assert "dinicola.no_destination" in ids


# ---------------------------------------------------------------- French interface wording


def test_french_wording_covers_every_indicator() -> None:
    fr = wording("fr")
    assert "fr" in ui_languages()
    for ind in catalogue():
        entry = fr.get(ind.id)
        assert entry, f"no French wording for {ind.id}"
        for field in ("title", "explanation", "advice"):
            assert entry.get(field, "").strip() and entry[field] != getattr(ind, field), (ind.id, field)
        assert bool(entry.get("looked_for")) == bool(ind.looked_for), (ind.id, "looked_for")
    ids = {ind.id for ind in catalogue()}
    assert set(fr) <= ids, f"French wording for unknown ids: {sorted(set(fr) - ids)}"


def test_french_file_is_valid_toml_with_only_known_fields() -> None:
    with data_path("i18n", "indicators.fr.toml").open("rb") as fh:
        data = tomllib.load(fh)
    for entry in data.values():
        assert set(entry) <= {"title", "explanation", "advice", "looked_for"}


def test_localise_translates_wording_and_keeps_the_evidence() -> None:
    result = validator.assess(ad("risky_bg"), language="bg")
    hit = next(h for h in result.indicators if h.id == "ilo.recruitment_fee")
    fr = localise(hit, "fr")
    assert fr.title == wording("fr")["ilo.recruitment_fee"]["title"] != hit.title
    assert fr.evidence == hit.evidence and "такса" in fr.evidence[0].text.lower()
    assert fr.sources == hit.sources and fr.id == hit.id
    assert hit.title == "You are asked to pay a fee"  # the input is not changed
    dicts = localise_all(result.to_dict()["indicators"], "fr")
    absent = next(d for d in dicts if d["id"] == "finetune.no_hours")
    assert absent["looked_for"] == wording("fr")["finetune.no_hours"]["looked_for"]
    assert localise(hit, "en") == hit and localise(hit, "xx") == hit
    assert localise(hit, "fr-BE").title == fr.title


# ---------------------------------------------------------------- pack settings and known gaps


@pytest.mark.parametrize("lang", LANGS)
def test_pack_settings_are_valid(lang: str) -> None:
    pack = load_toml("lang", lang, "pack.toml")
    assert pack["spacy_lang"] == lang and pack["countries"]
    assert "fallback_regions" not in load_toml("lang", lang, "contacts.toml")  # one source: pack.toml
    assert pack["decimal"] in {"comma", "point"} and pack["lemmatizer"] in {"lookup", "none"}


def test_french_number_first_street_address() -> None:
    assert validator.assess(ad("ordinary_fr"), language="fr").facts.employer.address


def test_italian_street_with_elided_article() -> None:
    assert validator.assess(ad("ordinary_it"), language="it").facts.employer.address


def test_mixed_language_ad_reads_the_cues_of_both_languages() -> None:
    text = (
        "Angajăm urgent muncitori pentru fermă în Germania, salariu 2000 euro pe lună, program 8 ore pe zi. "
        "Cazare asigurată, transport la fermă, contract de muncă și toate actele în regulă pentru toți.\n"
        "Для граждан Молдовы: отправьте копию паспорта в вайбер."
    )
    ids = {h.id for h in validator.assess(text).indicators}
    assert "ilo.passport_request" in ids
