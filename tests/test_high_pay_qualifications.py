"""The high-pay sign is Fine Tune's "excessive pay for unskilled work": a stated qualification silences it.

QUALIFICATION cues (data/lang/<lang>/cues.source.toml, en: cues.jsonl; lang/CUES.md) per pack language,
with unskilled look-alikes that must not raise them; then the detector on whole ads. Snippets written
for these tests.
"""

from __future__ import annotations

import pytest

import validator
from validator.nlp import get_nlp

HIGH_PAY = "finetune.high_pay_unskilled"

# lang, snippet, the cue id it must raise
QUALIFIED = [
    ("en", "A bachelor's degree in mechanical engineering is required.", "degree"),
    ("en", "You have 5+ years of experience with Python.", "experience_years"),
    ("en", "We are hiring a registered nurse for our clinic.", "profession"),
    ("en", "Candidates must be licensed to drive forklifts and hold a CDL.", "licence"),
    ("bg", "Изискваме висше образование и добър английски.", "degree"),
    ("bg", "Минимум 3 години опит в областта.", "experience_years"),
    ("bg", "Търсим инженер по поддръжка.", "profession"),
    ("de", "Sie haben ein abgeschlossenes Studium der Informatik.", "degree"),
    ("de", "Mindestens 3 Jahre Berufserfahrung im Vertrieb.", "experience_years"),
    ("de", "Wir suchen eine Pflegefachkraft in Vollzeit.", "profession"),
    ("de", "Eine abgeschlossene Berufsausbildung als Elektroniker.", "licence"),
    ("es", "Grado en Ingeniería Informática o similar.", "degree"),
    ("es", "Al menos 3 años de experiencia en puestos similares.", "experience_years"),
    ("es", "Buscamos enfermera para residencia.", "profession"),
    ("fr", "Titulaire d'un Bac+5 en informatique.", "degree"),
    ("fr", "Vous justifiez de 3 ans d'expérience sur un poste similaire.", "experience_years"),
    ("fr", "Nous recrutons un infirmier de nuit.", "profession"),
    ("fr", "Le CACES 3 est exigé.", "licence"),
    ("it", "Laurea in economia o ingegneria.", "degree"),
    ("it", "Almeno 2 anni di esperienza nel ruolo.", "experience_years"),
    ("it", "Cerchiamo un ingegnere meccanico.", "profession"),
    ("lt", "Reikalingas aukštasis išsilavinimas.", "degree"),
    ("lt", "Ne mažesnė nei 2 metų darbo patirtis.", "experience_years"),
    ("lt", "Ieškome programuotojo, kuris mėgsta iššūkius.", "profession"),
    ("lv", "Augstākā izglītība inženierzinātnēs.", "degree"),
    ("lv", "Vismaz 3 gadu darba pieredze.", "experience_years"),
    ("lv", "Meklējam programmētāju ar pieredzi.", "profession"),
    ("pl", "Wymagamy wykształcenia wyższego technicznego.", "degree"),
    ("pl", "Minimum 3 lata doświadczenia na podobnym stanowisku.", "experience_years"),
    ("pl", "Zatrudnimy pielęgniarkę na oddział.", "profession"),
    ("pl", "Uprawnienia SEP do 1 kV.", "licence"),
    ("ro", "Studii superioare tehnice finalizate.", "degree"),
    ("ro", "Minim 2 ani de experiență pe un post similar.", "experience_years"),
    ("ro", "Angajăm asistent medical generalist.", "profession"),
    ("ru", "Высшее техническое образование.", "degree"),
    ("ru", "Опыт работы от 3 лет в разработке.", "experience_years"),
    ("ru", "Ищем разработчика Python в команду.", "profession"),
    ("uk", "Вища освіта (технічна або економічна).", "degree"),
    ("uk", "Досвід роботи від 2 років.", "experience_years"),
    ("uk", "Шукаємо розробника у команду.", "profession"),
]

# unskilled work, and waivers: no QUALIFICATION cue
UNSKILLED = [
    ("en", "Warehouse packers wanted, no experience needed, free accommodation."),
    ("bg", "Работа в склад, без опит, безплатна квартира."),
    ("de", "Erntehelfer gesucht, keine Erfahrung nötig, Unterkunft gestellt."),
    ("es", "Se buscan recolectores de fruta, sin experiencia, alojamiento gratis."),
    ("fr", "Cueilleurs de fruits recherchés, débutants acceptés, logement gratuit."),
    ("it", "Cerchiamo braccianti agricoli, anche senza esperienza, alloggio gratuito."),
    ("lt", "Ieškome sandėlio darbuotojų, patirtis nebūtina, nemokamas apgyvendinimas."),
    ("lv", "Meklējam noliktavas darbiniekus, pieredze nav nepieciešama, bezmaksas dzīvesvieta."),
    ("pl", "Szukamy pracowników magazynu, bez doświadczenia, darmowe zakwaterowanie."),
    ("ro", "Căutăm muncitori necalificați în depozit, fără experiență, cazare gratuită."),
    ("ru", "Требуются разнорабочие на склад, без опыта, бесплатное жильё."),
    ("uk", "Потрібні різноробочі на склад, без досвіду, безкоштовне житло."),
]


def _qualification_ids(lang: str, text: str) -> set[str]:
    doc = get_nlp(lang)(text)
    return {span.id_ for span in doc.spans.get("cues", []) if span.label_ == "QUALIFICATION"}


@pytest.mark.parametrize(("lang", "text", "kind"), QUALIFIED, ids=[f"{c[0]}:{c[2]}:{c[1][:30]}" for c in QUALIFIED])
def test_qualification_cue(lang: str, text: str, kind: str) -> None:
    assert kind in _qualification_ids(lang, text)


@pytest.mark.parametrize(("lang", "text"), UNSKILLED, ids=[c[0] for c in UNSKILLED])
def test_no_qualification_in_unskilled_ad(lang: str, text: str) -> None:
    assert _qualification_ids(lang, text) == set()


# the same high wage (far above the destination's minimum wage) in an unskilled and in a qualified ad
HIGH_WAGE_ADS = [
    (
        "en",
        "Warehouse work in Berlin, Germany. No experience needed. Pay 6000 EUR per month.",
        "Senior software engineer in Berlin, Germany. 5+ years of experience. Pay 6000 EUR per month.",
    ),
    (
        "bg",
        "Работа в склад в София, без опит. Заплата 4000 евро месечно. Безплатна квартира.",
        "Търсим инженер за работа в София. Изисква се висше образование. Заплата 4000 евро месечно.",
    ),
    (
        "fr",
        "Travail en entrepôt à Lyon, France, sans expérience. Salaire 6000 euros par mois.",
        "Ingénieur logiciel à Lyon, France, 5 ans d'expérience. Salaire 6000 euros par mois.",
    ),
    (
        "pl",
        "Praca w magazynie w Warszawie, bez doświadczenia. Wynagrodzenie 15 000 zł miesięcznie.",
        "Programista w Warszawie, 5 lat doświadczenia. Wynagrodzenie 15 000 zł miesięcznie.",
    ),
]


@pytest.mark.parametrize(("lang", "unskilled", "qualified"), HIGH_WAGE_ADS, ids=[c[0] for c in HIGH_WAGE_ADS])
def test_high_pay_only_for_unskilled_work(lang: str, unskilled: str, qualified: str) -> None:
    fired = {hit.id for hit in validator.assess(unskilled, language=lang).indicators}
    assert HIGH_PAY in fired
    assert HIGH_PAY not in {hit.id for hit in validator.assess(qualified, language=lang).indicators}


# a qualification named only to waive it is no qualification
WAIVED_QUALIFICATION_ADS = [
    ("uk", "Робота на складі у Варшаві, Польща. Вища освіта не потрібна. Зарплата 15 000 злотих на місяць."),
    ("lv", "Darbs noliktavā Rīgā. Augstākā izglītība nav nepieciešama. Alga 3000 EUR mēnesī."),
    ("lt", "Darbas sandėlyje Vilniuje. Aukštasis išsilavinimas nebūtinas. Atlyginimas 4000 EUR per mėnesį."),
]


@pytest.mark.parametrize(("lang", "text"), WAIVED_QUALIFICATION_ADS, ids=[c[0] for c in WAIVED_QUALIFICATION_ADS])
def test_waived_qualification_does_not_silence_high_pay(lang: str, text: str) -> None:
    assert HIGH_PAY in {hit.id for hit in validator.assess(text, language=lang).indicators}
