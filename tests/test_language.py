"""Language identification: job-ad sentences per language, defaults, noise removal."""

from __future__ import annotations

import pytest
import spacy

from validator import language
from validator.nlp.pipeline import SPACY_LANG

# Job-ad style sentences written for these tests (three per language, 32 languages).
SENTENCES: dict[str, list[str]] = {
    "en": [
        "We are looking for warehouse workers for our site near Leeds, full training is provided.",
        "Free accommodation and transport to work, no experience needed, start immediately.",
        "The successful candidate will manage a small team and report to the operations director.",
    ],
    "fr": [
        "Nous recherchons des ouvriers agricoles pour la récolte des fraises dans le sud de la France.",
        "Logement gratuit et transport assuré, aucune expérience n'est demandée.",
        "Le candidat retenu travaillera en équipe et sera encadré par le chef de chantier.",
    ],
    "de": [
        "Wir suchen ab sofort Lagerhelfer in Vollzeit für unser Logistikzentrum in Hamburg.",
        "Kostenlose Unterkunft und Fahrt zur Arbeit, keine Erfahrung erforderlich.",
        "Sie arbeiten im Schichtdienst und erhalten einen unbefristeten Arbeitsvertrag.",
    ],
    "ro": [
        "Căutăm muncitori pentru o fermă din Danemarca, cazarea este gratuită.",
        "Nu este necesară experiența, plecare imediată, transport asigurat de firmă.",
        "Salariul se plătește lunar, iar programul de lucru este de opt ore pe zi.",
    ],
    "bg": [
        "Търсим работници за склад в Германия, осигурена е безплатна квартира.",
        "Не се изисква опит, заминаване веднага, транспортът е за сметка на фирмата.",
        "Заплатата се изплаща всеки месец, работното време е осем часа на ден.",
    ],
    "pl": [
        "Poszukujemy pracowników magazynowych do pracy w Holandii od zaraz.",
        "Zapewniamy darmowe zakwaterowanie i dojazd do pracy, doświadczenie nie jest wymagane.",
        "Wynagrodzenie wypłacane co tydzień, umowa o pracę na pełen etat.",
    ],
    "lt": [
        "Ieškome darbuotojų darbui sandėlyje Norvegijoje, suteikiamas nemokamas apgyvendinimas.",
        "Patirtis nebūtina, išvykimas iš karto, kelionės išlaidas apmoka darbdavys.",
        "Atlyginimas mokamas kas savaitę, darbo laikas aštuonios valandos per dieną.",
    ],
    "lv": [
        "Meklējam darbiniekus darbam noliktavā Vācijā, tiek nodrošināta bezmaksas dzīvesvieta.",
        "Pieredze nav nepieciešama, izbraukšana nekavējoties, ceļa izdevumus sedz darba devējs.",
        "Alga tiek izmaksāta katru mēnesi, darba laiks ir astoņas stundas dienā.",
    ],
    "uk": [
        "Шукаємо працівників на склад у Польщі, житло надається безкоштовно.",
        "Досвід роботи не потрібен, виїзд негайно, проїзд оплачує роботодавець.",
        "Заробітна плата виплачується щотижня, робочий день вісім годин.",
    ],
    "ru": [
        "Ищем рабочих на склад в Германии, бесплатное жильё предоставляется.",
        "Опыт работы не требуется, выезд сразу, дорогу оплачивает работодатель.",
        "Зарплата выплачивается каждую неделю, рабочий день восемь часов.",
    ],
    "es": [
        "Buscamos trabajadores para la recogida de fruta en una finca cerca de Huelva.",
        "Alojamiento gratuito y transporte al trabajo, no se requiere experiencia.",
        "El salario se paga cada mes y la jornada laboral es de ocho horas diarias.",
    ],
    "it": [
        "Cerchiamo operai per la raccolta della frutta in un'azienda agricola vicino a Verona.",
        "Alloggio gratuito e trasporto al lavoro, non è richiesta esperienza.",
        "Lo stipendio viene pagato ogni mese e l'orario di lavoro è di otto ore al giorno.",
    ],
    "nl": [
        "Wij zoeken magazijnmedewerkers voor ons distributiecentrum in Venlo.",
        "Gratis huisvesting en vervoer naar het werk, geen ervaring nodig.",
        "Het salaris wordt elke week uitbetaald en je werkt in vaste diensten.",
    ],
    "pt": [
        "Procuramos trabalhadores para a apanha de fruta numa quinta perto de Lisboa.",
        "Alojamento gratuito e transporte para o trabalho, não é necessária experiência.",
        "O salário é pago todos os meses e o horário de trabalho é de oito horas por dia.",
    ],
    "cs": [
        "Hledáme pracovníky do skladu v Německu, ubytování zdarma zajistíme.",
        "Praxe není nutná, odjezd ihned, dopravu hradí zaměstnavatel.",
        "Mzda se vyplácí každý měsíc a pracovní doba je osm hodin denně.",
    ],
    "hu": [
        "Raktári dolgozókat keresünk németországi munkára, ingyenes szállással.",
        "Tapasztalat nem szükséges, azonnali kezdés, az utazást a munkáltató fizeti.",
        "A fizetést havonta utaljuk, a munkaidő napi nyolc óra.",
    ],
    "el": [
        "Ζητούνται εργάτες για συγκομιδή φρούτων σε αγρόκτημα κοντά στη Λάρισα.",
        "Δωρεάν διαμονή και μεταφορά στη δουλειά, δεν απαιτείται εμπειρία.",
        "Ο μισθός καταβάλλεται κάθε μήνα και το ωράριο είναι οκτώ ώρες την ημέρα.",
    ],
    "sv": [
        "Vi söker lagerarbetare till vårt distributionscenter utanför Göteborg.",
        "Gratis boende och resor till arbetet, ingen erfarenhet krävs.",
        "Lönen betalas ut varje månad och arbetstiden är åtta timmar per dag.",
    ],
    "nb": [
        "Vi søker lagermedarbeidere til vårt lager i Drammen, gratis bolig tilbys.",
        "Ingen erfaring er nødvendig, og reisen betales av arbeidsgiveren.",
        "Lønnen utbetales hver måned, og arbeidstiden er åtte timer om dagen.",
    ],
    "tr": [
        "Almanya'daki depomuz için işçi arıyoruz, ücretsiz konaklama sağlanır.",
        "Deneyim gerekmez, hemen başlangıç, yol masraflarını işveren karşılar.",
        "Maaş her ay ödenir ve çalışma süresi günde sekiz saattir.",
    ],
    "hr": [
        "Tražimo radnike za rad u skladištu u Njemačkoj, smještaj je besplatan.",
        "Iskustvo nije potrebno, odlazak odmah, putne troškove plaća poslodavac.",
        "Plaća se isplaćuje svaki mjesec, a radno vrijeme je osam sati dnevno.",
    ],
    "sr": [
        "Тражимо раднике за рад у магацину у Немачкој, смештај је бесплатан.",
        "Искуство није потребно, полазак одмах, путне трошкове плаћа послодавац.",
        "Plata se isplaćuje svakog meseca, a radno vreme je osam sati dnevno.",
    ],
    "sl": [
        "Iščemo delavce za delo v skladišču v Avstriji, nastanitev je brezplačna.",
        "Izkušnje niso potrebne, odhod takoj, potne stroške plača delodajalec.",
        "Plača se izplača vsak mesec, delovni čas je osem ur na dan.",
    ],
    "sk": [
        "Hľadáme pracovníkov do skladu v Nemecku, ubytovanie je zadarmo.",
        "Prax nie je potrebná, odchod ihneď, dopravu hradí zamestnávateľ.",
        "Mzda sa vypláca každý mesiac a pracovný čas je osem hodín denne.",
    ],
    "da": [
        "Vi søger lagermedarbejdere til vores lager i Aarhus, gratis bolig.",
        "Ingen erfaring er nødvendig, og rejsen betales af arbejdsgiveren.",
        "Lønnen udbetales hver måned, og arbejdstiden er otte timer om dagen.",
    ],
    "fi": [
        "Etsimme varastotyöntekijöitä Saksaan, majoitus on ilmainen.",
        "Kokemusta ei tarvita, lähtö heti, matkakulut maksaa työnantaja.",
        "Palkka maksetaan joka kuukausi ja työaika on kahdeksan tuntia päivässä.",
    ],
    "et": [
        "Otsime laotöötajaid Saksamaale, majutus on tasuta.",
        "Kogemus ei ole vajalik, väljasõit kohe, sõidukulud maksab tööandja.",
        "Palk makstakse iga kuu ja tööaeg on kaheksa tundi päevas.",
    ],
    "mt": [
        "Qed infittxu ħaddiema għall-maħżen tagħna f'Malta, l-akkomodazzjoni hija b'xejn.",
        "M'hemmx bżonn esperjenza, tibda minnufih, il-vjaġġ jitħallas mill-kumpanija.",
        "Il-paga titħallas kull xahar u l-ħinijiet tax-xogħol huma tmien sigħat kuljum.",
    ],
    "ga": [
        "Táimid ag lorg oibrithe stórais i mBaile Átha Cliath, tá lóistín saor in aisce.",
        "Níl taithí ag teastáil, tosú láithreach, íocann an fostóir as an taisteal.",
        "Íoctar an pá gach mí agus is é ocht n-uaire an chloig in aghaidh an lae an t-am oibre.",
    ],
    "is": [
        "Við leitum að starfsfólki á lager í Reykjavík, frítt húsnæði í boði.",
        "Engin reynsla nauðsynleg, byrjað strax, vinnuveitandi greiðir ferðina.",
        "Launin eru greidd mánaðarlega og vinnutíminn er átta tímar á dag.",
    ],
    "sq": [
        "Kërkojmë punëtorë për magazinë në Gjermani, akomodimi është falas.",
        "Nuk kërkohet përvojë, nisja menjëherë, udhëtimin e paguan punëdhënësi.",
        "Paga paguhet çdo muaj dhe orari i punës është tetë orë në ditë.",
    ],
    "mk": [
        "Бараме работници за магацин во Германија, сместувањето е бесплатно.",
        "Не е потребно искуство, заминување веднаш, патните трошоци ги плаќа работодавачот.",
        "Платата се исплаќа секој месец, а работното време е осум часа дневно.",
    ],
}


@pytest.mark.parametrize(
    ("expected", "sentence"),
    [(lang, sentence) for lang, sentences in SENTENCES.items() for sentence in sentences],
)
def test_detects_language_of_job_ad_sentences(expected: str, sentence: str) -> None:
    code, confidence = language.detect(sentence)
    assert code == expected
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize(
    "text", ["", "   ", "Hi!", "2000 EUR", "+44 7700 900123 jobs@example.com", "https://x.example/a"]
)
def test_too_little_text_gives_the_default_with_zero_confidence(text: str) -> None:
    assert language.detect(text) == ("en", 0.0)


def test_urls_emails_numbers_and_masks_do_not_decide() -> None:
    text = (
        "https://www.example.co.uk/jobs/apply?id=123 contact@example.co.uk #PHONE_abc# 0044 7700 900 123 "
        "Wir suchen Fahrer für unsere Filiale in München, Vollzeit, gute Bezahlung."
    )
    assert language.detect(text)[0] == "de"
    cleaned = language.clean(text)
    assert "example" not in cleaned and "7700" not in cleaned and "PHONE" not in cleaned


def test_english_ingest_labels_do_not_outweigh_the_description() -> None:
    text = (
        "Job title: Kierowca\nEmployer: Trans-Pol Sp. z o.o.\nLocation: Poznań, Poland\n"
        "Salary: 6000 PLN per month\nEmployment type: full time\n\n"
        "Szukamy kierowcy kategorii C+E do transportu międzynarodowego."
    )
    assert language.detect(text)[0] == "pl"


def test_bosnian_is_read_as_croatian() -> None:
    assert language.detect("Tražimo radnike za rad u skladištu u Austriji, smještaj je obezbijeđen.")[0] == "hr"


def test_preload_then_detect() -> None:
    language.preload().join()
    assert language.detect("Wir suchen Fahrer für unsere Filiale in München.")[0] == "de"


def test_every_code_returned_has_a_spacy_language_class() -> None:
    for code in language.candidates():
        spacy.blank(SPACY_LANG.get(code, code))  # raises when spaCy has no such language


def test_candidates_cover_the_eu_languages_and_neighbours() -> None:
    eu = [
        "bg",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fi",
        "fr",
        "de",
        "el",
        "hu",
        "ga",
        "it",
        "lv",
        "lt",
        "mt",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "es",
        "sv",
    ]
    others = ["uk", "ru", "nb", "is", "sq", "mk", "sr", "tr"]
    assert set(eu + others) <= set(language.candidates())
    assert "no" not in language.candidates() and "bs" not in language.candidates()


def test_cached_model_ranks_as_the_packaged_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path))
    packaged = language._packaged_identifier()  # writes the cache
    assert list((tmp_path / "langid").glob("model-*.npz"))
    cached = language._cached_identifier()
    assert cached is not None
    compact = language._compact(language._cached_identifier())
    for sentences in SENTENCES.values():
        for sentence in sentences:
            assert cached.rank(sentence) == packaged.rank(sentence) == compact.rank(sentence)


def test_a_corrupt_cached_model_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path))
    path = language._model_cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a model")
    assert language._cached_identifier() is None
    language._packaged_identifier()
    assert language._cached_identifier() is not None
    path.write_bytes(path.read_bytes()[:1000])  # cut short (a full disk, a killed process)
    assert language._cached_identifier() is None


def test_model_cache_can_be_turned_off(monkeypatch) -> None:
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", "off")
    assert language._model_cache_path() is None
    assert language._cached_identifier() is None


@pytest.mark.parametrize("lang", ["bg", "de", "es", "fr", "it", "lt", "lv", "pl", "ro", "ru", "uk"])
def test_a_schema_org_page_is_read_in_its_language_past_a_long_labelled_header(lang: str) -> None:
    """The HTML ingest puts labelled lines (Job title:, Employer:, Location: ...) before the description;
    they are dropped before the first characters are classified, however long they are."""
    import json
    from pathlib import Path

    from validator import assess

    description = (Path(__file__).parent / "fixtures" / "ads" / f"ordinary_{lang}.txt").read_text("utf-8")
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": description.split("\n")[0][:80],
        "description": description,
        "hiringOrganization": {"@type": "Organization", "name": "Example International Holding GmbH & Co. KG " * 3},
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "streetAddress": "Industriestraße 12", "addressLocality": "Berlin",
                        "postalCode": "10115", "addressCountry": "DE"},
        },
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                       "value": {"@type": "QuantitativeValue", "value": 2500, "unitText": "MONTH"}},
        "datePosted": "2026-11-01",
        "employmentType": "FULL_TIME",
    }  # fmt: skip
    page = f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head><body></body></html>'
    ad = assess(html=page)
    body = ad.text.rindex(description.strip().split("\n")[0])  # where the description starts, after the header
    assert body > 300  # the labelled header alone is longer than what is classified
    assert ad.language == lang
