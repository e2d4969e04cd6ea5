"""Words read as an employer name that name a trade, a field, a department or a job title instead
(data/lang/<lang>/employer_names.toml `generic_words`, `title_words`), pronouns, brackets and handles
around a name, headings written with an ellipsis, and cue words that count only opening a sentence."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a job title as the subject
        ("en", "PURPOSE AND SCOPE:\nThe Outpatient Services Charge Nurse is an extra duty of the ward nurse. "
               "The Outpatient Services Charge Nurse reports to the ward manager."),
        ("en", "Summary:\nThe CRNA has the responsibility for anaesthesia care. The CRNA works in a team. "
               "The CRNA is on call."),
        ("ru", "Архитектор - это творческая профессия. Архитектор работает с заказчиком.\nОпыт от 3 лет."),
        # a field, a task or a department as the subject
        ("en", "Data Science is a strategic priority for our studio. We build models every day."),
        ("de", "Zu deinen Aufgaben zählt die Auswahl und Anwendung moderner Verfahren."),
        ("ru", "Мы растём, поэтому ищем кладовщика.\nОтдел занимается оптовой торговлей. Отдел работает с 9 до 18."),
        ("es", "Desde Business Consulting, en concreto desde el área de Talento, buscamos un analista."),
        # a trade written before the place and the verb
        ("fr", "Boulangerie Pâtisserie à Morzine recherche un vendeur (H/F) pour la saison."),
        ("fr", "Notre agence 1234 IMMOBILIER recrute son commercial expérimenté."),
        ("fr", "Contexte La DSI Digital développe le système d'information des ventes."),
        # a pronoun opening a sentence (Latvian "you")
        ("lv", "Tev ir pieredze klientu apkalpošanā; Tev ir vēlme mācīties."),
        # an aside in brackets before the verb
        ("es", "Importante cliente con sede en Sevilla (Zona Los Remedios) precisa incorporar un analista."),
        # "sobre" and "desde" in the middle of a sentence name a topic or a technology
        ("es", "Conocimientos sobre Kubernetes y experiencia en migraciones desde Kubernetes a la nube."),
    ],
)
def test_generic_words_titles_and_pronouns_are_no_names(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a distinctive word keeps the name, even with generic words in it
        ("en", "Brightwave Data Science is hiring a machine-learning engineer in Leeds.", "Brightwave Data Science"),
        ("fr", "Boulangerie Martinet recrute un vendeur (H/F) à Thonon.", "Boulangerie Martinet"),
        ("de", "Die Kornfeld Beratung sucht ab sofort eine Assistenz der Geschäftsführung.", "Kornfeld Beratung"),
        # a handle: "En @Acme crecemos juntos"
        ("es", "Descripción\nEn @Lumentia crecemos juntos y buscamos un desarrollador Java.", "Lumentia"),
        # "Somos Acme, una empresa ..."
        ("es", "¡Hola!\nSomos Brevalia, una empresa joven de servicios IT.", "Brevalia"),
        # English passages in Spanish ads
        ("es", "Descripción\nGrupo Tarven is seeking a senior backend engineer for its Madrid office.", "Tarven"),
        # a heading with an ellipsis before the name
        ("en", "Who We Are...\nKestrel Outfitters is the outdoor group behind three brands.", "Kestrel Outfitters"),
        # the name before "qui sommes-nous ?"
        ("fr", "Dunevo, qui sommes-nous ? Un éditeur de logiciels pour la santé.", "Dunevo"),
        # the name before an aside in brackets
        ("en", "Halvern Robotics (Germany) is hiring a firmware engineer.", "Halvern Robotics"),
    ],
)
def test_names_with_generic_words_handles_and_headings(lang, text, name):
    assert run(text, lang).name == name


def test_best_weight_of_a_cue_counts():
    """A name first met with a weak cue keeps the stronger weight of the same kind met later."""
    text = ("Requisitos\nExperiencia con Java.\nDescripción\nSomos Quorvix IT, una empresa joven.\n"
            "En Quorvix, apostamos por el talento.")
    assert run(text, "es").name == "Quorvix"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # the works council of the employer: "CSE Acme", "Comité d'Entreprise Acme"
        ("fr", "Profil recherché : rigueur et autonomie.\nVos avantages :\n+10% de fin de mission,\nCSE Travalis,\n"
               "prime de participation.", "Travalis"),
        ("fr", "Accès aux offres du Comité d'Entreprise Ombrelle Intérim et à une mutuelle.", "Ombrelle"),
        # a number ends a name: "L'Atelier 963 souhaite ..."
        ("fr", "Studio 417 souhaite étoffer son équipe de graphistes. Le poste est basé chez Studio 417.", "Studio 417"),
        # English "and" joins a name in a French ad
        ("fr", "Bonjour,\n\nL'agence Stone and Pixel est à la recherche d'un profil pour une mission.",
         "Stone and Pixel"),
        # a heading of several words, the last one also a heading of its own
        ("fr", "À propos de l'entreprise Vornak encourage la diversité sur le lieu de travail. Vornak recrute.",
         "Vornak"),
        ("en", "Job Description Summary\nQuillon Rowa stands for reliable products. Quillon Rowa is part of a group.",
         "Quillon Rowa"),
    ],
)
def test_works_councils_numbers_connectors_and_headings(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a heading word in the middle of a sentence heads nothing
        ("fr", "Développer le chiffre d'affaires de l'entreprise\n\nGérer un portefeuille clients\n\nGérer les relances."),
        # a short form in brackets after the cue is no name
        ("fr", "Vos avantages :\n- Comité Social et Économique (CSE) : cartes cadeaux, chèques vacances.\n"
               "- Mutuelle d'entreprise."),
    ],
)
def test_works_councils_and_headings_negative(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a university's name right before its faculty's: the faculty employs
        ("SVEUČILIŠTE U SPLITU \nFAKULTET ELEKTROTEHNIKE I RAČUNARSTVA \nSplit, Rudera Boškovića 32 \n"
         "raspisuje natječaj za izbor asistenta.", "FAKULTET ELEKTROTEHNIKE I RAČUNARSTVA"),
        ("Pristupnici su suglasni da Sveučilište u Rijeci Fakultet zdravstvenih studija može obrađivati podatke.",
         "Fakultet zdravstvenih studija"),
    ],
)
def test_the_unit_after_its_parent_body(text, name):
    assert run(text, "xx").name == name


def test_a_body_named_twice_is_no_parent():
    text = "Kontakt: Dom zdravlja Dom zdravlja Korenica, Ulica 5, Korenica."
    assert run(text, "xx").name == "Dom zdravlja Korenica"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a phrase in quotes after a cue is no name; the quoted name after another cue is
        ("График работы «с утра до вечера» в будни.\nДобро пожаловать в «Весёлый Пекарь»!\n"
         "Ждём вас в «Весёлый Пекарь» на собеседование.", "Весёлый Пекарь"),
    ],
)
def test_quoted_phrases_are_no_names(text, name):
    assert run(text, "ru").name == name


def test_quoted_phrase_alone_is_no_name():
    assert run("Работа в «дружной команде» и оплата труда для «настоящих профи».", "ru").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # "bei der Acme GmbH": the company preposition with its article
        ("de", "Die Sendra AG hat Standorte in Stuttgart und Berlin.\n\nVerstärken Sie unser Team bei der "
               "Halvor Finanz GmbH als Data Analyst.", "Halvor Finanz GmbH"),
        # an acronym stop word may end a name before its verb: "ACCESS IT est ..."
        ("fr", "KORVEN IT est une société de services informatiques de 50 personnes.", "KORVEN IT"),
    ],
)
def test_company_prepositions_with_articles_and_acronyms_ending_names(lang, text, name):
    assert run(text, lang).name == name


def test_acronym_stop_word_alone_is_no_name():
    assert run("Une expérience en IT est un plus. Le poste en IT est basé à Lyon.", "fr").name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("¿Qué te ofrecemos?\n* Te unirás a Brisamar Hoteles, empresa española con presencia internacional.",
         "Brisamar Hoteles"),
        ("¡Únete al equipo!\nComo parte de Tecnova Sistemas te integrarás en un equipo de desarrollo Java.",
         "Tecnova Sistemas"),
    ],
)
def test_spanish_join_phrases(text, name):
    assert run(text, "es").name == name


def test_spanish_join_phrase_before_lower_case_words_is_no_name():
    assert run("Formarás parte de un equipo joven y como parte de tu formación harás cursos.", "es").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a prefix form in its own language heads a name written in capitals
        ("lv", "SIA KORVALDS GROUP, Reģ. Nr. 40203600001 aicina pieteikties uz vakanci Grāmatvedis.",
         "SIA KORVALDS GROUP"),
        # ... which ends before a capitalised verb or a registration number run into it
        ("lv", "SIA VELDARI TRANS Meklējam -KRAVAS AUTOMOBIĻA VADĪTĀJU maršrutā Rīga - Oslo", "SIA VELDARI TRANS"),
        ("lv", "SIA Rudenvika40203600002 Aicina darbā PROJEKTU KOORDINATORU", "SIA Rudenvika"),
        # the Hungarian board template "A(z) <employer> <job> munkatársat keres" (no pack: read by "xx")
        ("xx", "A(z) Tervola Vendéglátó Zrt.(Hotel Aranyhíd) Konyhai kisegítő munkatársat keres hévízi munkára",
         "Tervola Vendéglátó Zrt."),
        ("xx", "A(z) Brenner Optika AG Kereskedelmi tervező, szervező munkatársat keres budapesti munkára",
         "Brenner Optika AG"),
        ("xx", 'A(z) "KOVIRA" Autó és alkatrész Kereskedelmi és Szolgáltató KFT Autószerelő munkatársat keres',
         "KOVIRA"),
    ],
)
def test_prefix_forms_in_capitals_and_the_hungarian_template(lang, text, name):
    assert run(text, lang).name == name


def test_hungarian_template_without_a_name():
    assert run("A(z) munkáltató takarító munkatársat keres budapesti munkavégzésre.", "xx").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a name in capitals spelled like the web domain, after a lower-case word, with a case ending
        ("xx", "Obrazac za prijavu dostupan je na mrežnoj stranici VELMAR-TRADE-a ( https://velmartrade.hr/posao/ ).",
         "VELMAR-TRADE"),
        ("en", "Applications go through the careers page of QUORVANT (https://www.quorvant.com/careers).", "QUORVANT"),
    ],
)
def test_names_in_capitals_spelled_like_the_domain(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a capitalised word after a lower-case word may be a town or a surname, even spelled like the domain
        ("en", "You will like Harlowe. Send your CV to jobs@harlowe.com."),
        # an abbreviation longer than the domain label is no match of it
        ("xx", "Obavijesti se objavljuju na stranici KBCO Rijeka ( www.kbco.hr ) i oglasnoj ploči."),
    ],
)
def test_names_spelled_like_the_domain_negative(lang, text):
    assert run(text, lang).name is None


def test_a_name_of_generic_words_ending_in_group_is_a_company():
    assert run("Healthcare Services Group is hiring a dietary manager for a facility in Ohio.", "en").name == (
        "Healthcare Services Group"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Technology for people. As part of Kelvora, we support you in a career that pays off.", "Kelvora"),
        ("Full job description\nBrindlex Direkt belongs to a large insurance group. You analyse data for "
         "Brindlex Direkt as a direct insurer.",
         "Brindlex Direkt"),
    ],
)
def test_english_part_of_and_belongs_to(text, name):
    assert run(text, "en").name == name


def test_english_part_of_a_lower_case_phrase_is_no_name():
    assert run("As part of the onboarding, we pair you with a mentor. As part of the team, you grow.", "en").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a company noun after the name and a comma: "Acme, cabinet de recrutement, recrute ..."
        ("fr", "Envie d'un environnement international ? KORVANE, cabinet de recrutement international, recrute "
               "pour l'un de ses clients.", "KORVANE"),
        ("ru", "Мы поможем расти.\nСТРОЙ ВЕКТОР - группа компаний, основанная в 2010 году.", "СТРОЙ ВЕКТОР"),
    ],
)
def test_apposition_after_a_name(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    "text",
    [
        "Envie de bouger ? L’agence de Lille recrute un développeur Java confirmé.",
        "La société du Mans recherche un technicien de maintenance.",
    ],
)
def test_a_company_noun_with_a_lower_case_complement_is_no_name(text):
    assert run(text, "fr").name is None


def test_a_company_noun_before_a_name_is_dropped():
    assert run("L'agence Norvelle recrute un développeur Java confirmé.", "fr").name == "Norvelle"


@pytest.mark.parametrize(
    "segment",
    ["", "   ", "Acme", "  join the Acme Group team  ", "a b c d e f g h i j k", "x\u00a0Y\tZ  w", "« Ромашка » ищет"],
)
def test_last_tokens_are_the_tail_of_all_tokens(segment):
    from validator.facts.employer_name import TOKEN, _last_tokens

    full = [(m.start() + 3, m.group(0)) for m in TOKEN.finditer(segment)]
    assert _last_tokens(segment, 3, 8) == full[-8:]


def test_cue_patterns_by_first_token_match_as_the_whole_pattern():
    from validator.facts.employer_name import cues

    c = cues("fr")
    for kind, trigger in c.by_first:
        assert trigger in c.kinds[kind][1]
    text = "Rejoignez Norvelle, qui sommes-nous ? Norvelle recrute."
    assert run(text, "fr").name == "Norvelle"


@pytest.mark.parametrize(("word", "core"), [("HAMAG-BICRO-a", "HAMAG-BICRO"), ("HZZO-u", "HZZO"), ("E-on", "E-on"),
                                            ("X-ray", "X-ray"), ("COVID-19", "COVID-19")])
def test_case_endings_after_names_in_capitals(word, core):
    from validator.facts.employer_name import _strip

    assert _strip(word)[1] == core
