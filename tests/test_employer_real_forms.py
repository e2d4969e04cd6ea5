"""Employer names as EU job boards write them: legal forms before and after the name, spelled out,
Hungarian activity-word lists, registration labels after the name; and the benchmark's name matching
(validator.evaluation.real_ads.same_name)."""

from __future__ import annotations

import pytest
from test_employer_names import run

from validator.evaluation.real_ads import same_name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # Hungarian (no pack: read language-independently): activity words joined by "és" and commas
        ("xx", "A(z) TARCHA WORLD Kereskedelmi és Szolgáltató Kft. technikus munkatársat keres.",
         "TARCHA WORLD Kereskedelmi és Szolgáltató Kft."),
        ("xx", "A(z) BIOLLA Termelő, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság munkatársat keres.",
         "BIOLLA Termelő, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság"),
        ("xx", "A(z) Nara és Mira Pékség Kft. pék munkatársat keres.", "Nara és Mira Pékség Kft."),
        ("xx", "A(z) Buci & Luci Kft. szakácsot keres.", "Buci & Luci Kft."),
        # Latvian: a quoted name after the form, registration labels, lower-case words before the form
        ("lv", 'RP SIA "Rīgas satiksme" aicina darbā atslēdznieku.', 'SIA "Rīgas satiksme"'),
        ("lv", "SIA Stafline Reg Nr 40103355141 meklē kravas automobiļa vadītāju.", "SIA Stafline"),
        ("lv", 'Ar šo SIA "GI Constructs", reģ.Nr. 41203065049, piesaka brīvo darba vietu.', 'SIA "GI Constructs"'),
        ("lv", 'Valsts akciju sabiedrība "Latvijas Pasts" aicina darbā pastnieku.',
         'Valsts akciju sabiedrība "Latvijas Pasts"'),
        # Russian, Ukrainian: the short form of the trade between the legal form and the quoted name
        ("ru", 'ООО ПКФ "Ромашка" приглашает на работу водителя.', 'ООО ПКФ "Ромашка"'),
        ("uk", "ТОВ ТД «Світанок» шукає продавця.", "ТОВ ТД «Світанок»"),
    ],
)
def test_names_with_legal_forms(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "not_name"),
    [
        ("xx", "Budapest, Acme Kft. munkatársat keres.", "Budapest, Acme Kft."),  # no list without "és"
        ("lv", "Darbs šo SIA komandā.", "šo SIA"),
        ("ru", 'Работа в ООО ЮГ. "Удобный график" и соцпакет.', 'ООО ЮГ. "Удобный график"'),
        ("ru", 'ООО Ромашка Плюс "Север" ищет водителя.', 'ООО Ромашка Плюс "Север"'),  # two words: no short form
    ],
)
def test_names_with_legal_forms_negative(lang, text, not_name):
    assert run(text, lang).name != not_name


@pytest.mark.parametrize(
    ("found", "truth"),
    [
        ('SIA "Smarttec"', 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ('AS "Ķekava Foods"', 'Akciju sabiedrība "Ķekava Foods"'),
        ("Acme Kft.", "Acme Korlátolt Felelősségű Társaság"),
        ("Acme Sp. z o.o.", "ACME SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ"),
        ('SIA "Vides enerģija"', 'Sabiedrība ar ierobežotu atbildību "Vides enerģija'),  # cut at 50 characters
        ('Sabiedrība ar ierobežotu atbildību "LIEPĀJAS REĢIONĀLĀ SLIMNĪCA"',
         'Sabiedrība ar ierobežotu atbildību "LIEPĀJAS REĢIO'),
    ],
)
def test_same_name_legal_forms_and_cut_values(found, truth):
    assert same_name(found, truth)


@pytest.mark.parametrize(
    ("found", "truth"),
    [
        ("RP SIA", "Rīgas pašvaldības sabiedrība ar ierobežotu atbildī"),
        ("SIA", 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ('SIA "Smart"', 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ("Kft.", "Acme Kft."),
    ],
)
def test_same_name_negative(found, truth):
    assert not same_name(found, truth)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # Croatian: the head first, capitalised or in capitals; the name ends at punctuation or a verb
        ("xx", "Prijave na adresu Klinički bolnički centar Split, Vjekoslava Spinčića 1, Split.",
         "Klinički bolnički centar Split"),
        ("xx", "Temeljem Statuta Opće bolnice Varaždin, OPĆA BOLNICA VARAŽDIN raspisuje natječaj", "OPĆA BOLNICA VARAŽDIN"),
        ("xx", "Filozofski fakultet u Rijeci raspisuje NATJEČAJ za zapošljavanje", "Filozofski fakultet u Rijeci"),
        ("xx", "Muzej grada Zagreba raspisuje NATJEČAJ", "Muzej grada Zagreba"),
        ("xx", "Opća bolnica Nova Gradiška pridržava pravo poništenja natječaja, odnosno", "Opća bolnica Nova Gradiška"),
        ("xx", "Prijave na adresu Dječji vrtić Ivica i Marica, Savska 33, Štitar.", "Dječji vrtić Ivica i Marica"),
        # Hungarian: the head last
        ("xx", "A(z) Kanizsai Dorottya Kórház osztályvezető munkatársat keres", "Kanizsai Dorottya Kórház"),
        ("xx", "A(z) Air China Magyarországi Fióktelepe mérnök munkatársat keres", "Air China Magyarországi Fióktelepe"),
        # Latvian: the head last, in lower case
        ("lv", "Rīgas Juglas vidusskola aicina darbā PEDAGOGA PALĪGU", "Rīgas Juglas vidusskola"),
        ("lv", "Darba vieta: Olaines novada pašvaldība Darba vietas adrese: Zemgales iela 33", "Olaines novada pašvaldība"),
        ("lv", "Latvijas Biozinātņu un tehnoloģiju universitāte izsludina konkursu",
         "Latvijas Biozinātņu un tehnoloģiju universitāte"),
        ("lv", "VALSTS DIGITĀLĀS ATTĪSTĪBAS AĢENTŪRA (reģ. Nr. 90001733697) aicina darbā",
         "VALSTS DIGITĀLĀS ATTĪSTĪBAS AĢENTŪRA"),
        # Polish and French: the head first
        ("pl", "Oferty prosimy przesyłać na adres: OKRĘGOWA SPÓŁDZIELNIA MLECZARSKA ul. Warszawska 41",
         "OKRĘGOWA SPÓŁDZIELNIA MLECZARSKA"),
        ("fr", "Au cœur de la Mairie de Sillingy, nous recherchons un agent.", "Mairie de Sillingy"),
    ],
)
def test_institutions_by_their_heads(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("xx", "Uvjeti:\n- Srednja škola tehničkog usmjerenja\n- vozačka dozvola"),  # a requirement, no employer
        ("xx", "Temeljem članka 24. Statuta Opće bolnice Varaždin donosi se odluka."),  # genitive: not the name
        ("xx", "Klinički bolnički centar je velik."),  # a head alone is no name
        ("lv", "Mēs esam liela skola un meklējam skolotāju."),
        ("lv", "Tā ir vadošā valsts pārvaldes iestāde."),
        ("en", "Our office is near Grad Novi Marof."),  # Croatian heads are not read in English ads
    ],
)
def test_institutions_negative(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("found", "truth"),
    [
        ("Oesía", "Grupo Oesía"),
        ("NS", "GRUPO NS"),
        ("M&GT Consulting", "M & GT Consulting"),
        ("Ad4 Octogono", "Ad4Octogono S.L."),
        ("Alvea Soluciones Tecnológicas", "ALVEA SOLUCIONES TECNOLOGICAS, S.L."),
    ],
)
def test_same_name_group_words_spacing_and_accents(found, truth):
    assert same_name(found, truth)


@pytest.mark.parametrize(("found", "truth"), [("Grupo", "Grupo Oesía"), ("NS", "GRUPO NSX"), ("Alvea", "Alvear")])
def test_same_name_group_words_negative(found, truth):
    assert not same_name(found, truth)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "The CINTELLIC Consulting Group is one of the leading management consultancies.",
         "CINTELLIC Consulting Group"),
        ("en", "About UsInfosys is a global leader in next-generation digital services.", "Infosys"),  # glued heading
        ("en", "Apply now.\n\nDrees & Sommer SE\nAm Mittelhafen 10\n48155 Münster", "Drees & Sommer SE"),  # signature
        ("es", "Descripción\nEn Zelenza somos líderes en servicios gestionados.", "Zelenza"),
        ("es", "Modalidad remota.\nWorld Software Services es una empresa multinacional.", "World Software Services"),
        ("fr", "Infotel Conseil accompagne les directions informatiques. Les consultants Infotel Conseil interviennent.",
         "Infotel Conseil"),  # a name opening the ad, with a verb, repeated
    ],
)
def test_names_read_from_openings_headings_and_signatures(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Requisitos: experiencia en Oracle y conocimientos en Scala."),  # "en" mid-sentence: technologies
        ("fr", "Développeur accompagne les équipes produit."),  # a job title opening the ad, said once
        ("en", "Then we are the right contact for you!"),
    ],
)
def test_names_read_from_openings_negative(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "amoCRM - крупнейшая CRM система в России. Мы помогаем компаниям.", "amoCRM"),
        ("ru", "«Аксиом Групп» является аналитическим агентством.", "Аксиом Групп"),
        ("ru", "ГК «Ависта Модуль Инжиниринг» - производственная компания. Работа в Ленинском районе.",
         "Ависта Модуль Инжиниринг"),
        ("ru", "3Logic Group - российская многопрофильная IT компания.", "3Logic Group"),
        ("fr", "Si ce profil vous correspond, rejoignez la team FIDERIM, votre agence d'emploi locale !", "FIDERIM"),
        ("fr", "Votre agence d'intérim PROMAN Rumilly (74) recrute un technicien.", "PROMAN Rumilly"),
        ("fr", "L'agence Adecco recrute pour son client un opérateur.", "Adecco"),
    ],
)
def test_names_in_russian_and_french_openings(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Работа в Ленинском районе, рядом с метро."),  # a district, not a company
        ("ru", "Работа в CRM-Битрикс и 1С."),  # a tool
        ("fr", "Rejoignez la team, nous recrutons."),
    ],
)
def test_names_in_russian_and_french_openings_negative(lang, text):
    assert run(text, lang).name is None


def test_same_name_board_description_after_a_comma():
    assert same_name("Медтехника Ортосалон", "Медтехника Ортосалон, мережа ортопедичних магазинів")
    assert not same_name("Ортосалон", "Медтехника Ортосалон, мережа ортопедичних магазинів")
    assert not same_name("мережа магазинів", "Біле-Сухе, мережа магазинів")


@pytest.mark.parametrize(
    ("found", "truth", "same"),
    [
        ("ELS", "Equity LifeStyle Properties", True),
        ("GDIT", "General Dynamics Information Technology", True),
        ("Retail Odyssey", "The Retail Odyssey Company", True),
        ("L'Atelier 963", "ATELIER 963", True),  # a leading article, elided or not, is no part of the name
        ("El Corte Inglés", "Corte Inglés", True),
        ("Le", "Le Monde", False),
        ("EL", "Equity LifeStyle Properties", False),
        ("ELSA", "Equity LifeStyle Properties", False),
        ("IBM", "IBM", True),
    ],
)
def test_same_name_acronyms_and_articles(found, truth, same):
    assert same_name(found, truth) is same


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Innovation: We develop groundbreaking products. Our people: We care.", None),  # headings, not subjects
        ("We shape attitudes about Nature and the outdoors.", None),  # "about" mid-sentence is weak
        ("About Tarrow Foods\nTarrow Foods bakes bread for the region.", "Tarrow Foods"),
    ],
)
def test_english_headings_and_about(text, name):
    assert run(text, "en").name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Die zooplus SE wurde 1999 in München gegründet.", "zooplus SE"),  # a lower-case brand after "Die"
        ("de", "Die parsionate GmbH bietet Beratung.", "parsionate GmbH"),
        ("fr", "LHH accompagne entreprises et talents pour atteindre leurs objectifs.", "LHH"),
        ("fr", "Company Description Inetum est un leader européen des services numériques.", "Inetum"),
        ("fr", "Le poste est basé chez Magnolia. Chez Magnolia, on aime le travail. Rejoindre Magnolia, c'est simple.",
         "Magnolia"),
    ],
)
def test_names_after_articles_openings_and_workplaces(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die GmbH ist gut."),
        ("ru", "Архитектор - это творческая специальность."),  # one title word opening the ad: a job
        ("pl", "Praca w Dziale Logistyki, w systemie zmianowym."),  # a department, not the employer
        ("ru", "Опыт работы в Revit. Знание Revit обязательно. Работа в Revit каждый день."),
    ],
)
def test_names_after_articles_openings_and_workplaces_negative(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("found", "truth", "same"),
    [
        ("IK ČORNIKS", 'Individuālais komersants "ČORNIKS"', True),
        ("Filozofski fakultet u Osijeku", "Sveučilište u Osijeku,  Filozofski fakultet", True),
        ("Sveučilište u Osijeku", "Sveučilište u Osijeku,  Filozofski fakultet", True),
        ("Osijeku", "Sveučilište u Osijeku,  Filozofski fakultet", False),
    ],
)
def test_same_name_spelled_forms_and_board_parts(found, truth, same):
    assert same_name(found, truth) is same


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("xx", "A(z) doTERRA Europe Services Kft. munkatársat keres", "doTERRA Europe Services Kft."),
        ("xx", "ΤΑ ΕΥΡΩΠΑΙΚΑ ΕΡΓΑ ΤΗΣ NOVATEX SOLUTIONS LTD. ΣΥΝΤΟΝΙΖΕΙ", "NOVATEX SOLUTIONS LTD."),  # one script
    ],
)
def test_legal_form_names_camel_case_and_one_script(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Manpower RUMILLY GRANDS COMPTES recherche pour son client un technicien.", "Manpower"),
        ("fr", "Le \"Grenier Al'Pain\" Boulangerie Pâtisserie à CHATEL recherche un boulanger.", "Grenier Al'Pain"),
        ("en", "Harlow SNC is hiring nurses. Harlow SNC offers good pay.", "Harlow SNC"),  # one word in capitals stays
    ],
)
def test_brands_before_capitals_and_quoted_names(lang, text, name):
    assert run(text, lang).name == name


def test_label_and_value_is_no_name():
    assert run("Salaire pour le poste d'Aux. de Puer : 2094 € à l'embauche.", "fr").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "Buscamos talento y en PSS queremos conocerte.", "PSS"),  # "en" mid-sentence with a verb of "we"
        ("es", "Requisitos: Cloudera. Experiencia con Cloudera y Cloudera.\nDesde Boycor, buscamos un Data Engineer.",
         "Boycor"),
        ("es", "Nivel avanzado de Scala, Apache Spark y Java SE 11.", None),  # SE before a number: a version
    ],
)
def test_spanish_openings_and_versions(lang, text, name):
    assert run(text, lang).name == name


def test_name_after_a_heading_and_blank_lines():
    text = "Full job description\r\n\r\nCompany Description\r\nStoryblok makes content easy.\r\nStoryblok is remote-first."
    assert run(text, "en").name == "Storyblok"


def test_capitals_before_a_word_are_no_glued_words():
    assert run("Привет!--Рекрутинговое агентство ITExpert ищет себе в команду рекрутера.", "ru").name == "ITExpert"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # the brand opening the line, not the shouted place after it
        ("fr", "Manpower CABINET DE RECRUTEMENT DE LA HAUTE-SAVOIE recherche pour son client un cariste.", "Manpower"),
        ("fr", "Boulangerie DE LA GARE recherche un vendeur.", None),  # a complement, not a branch
        ("fr", "Le poste est à LA HAUTE-SAVOIE recherche.", None),
    ],
)
def test_brand_opening_a_line_before_capitals(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Up to $20,000 Sign-on Bonus\nSaint Vincent Hospital offers a whole new experience in health care.",
         "Saint Vincent Hospital"),
        ("The University of Leeds is hiring a lecturer.", "University of Leeds"),
        ("Requirements: Completed university degree in physics.", None),  # a lower-case head: no body
        ("Four-year college degree preferred.", None),
        ("WE ARE A PROGRAMMING UNIVERSITY PARTNER.", None),  # capitals
    ],
)
def test_english_institutions(text, name):
    assert run(text, "en").name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Die Hochschule für Technik Stuttgart sucht eine Professorin.", "Hochschule für Technik Stuttgart"),
        ("de", "Abgeschlossenes Studium an einer Universität oder Hochschule.", None),
        ("es", "La Universidad de Sevilla busca un técnico.", "Universidad de Sevilla"),
        ("es", "Titulación universitaria en una Universidad pública.", None),
        ("it", "Il Comune di Roma seleziona istruttori.", "Comune di Roma"),
    ],
)
def test_german_spanish_italian_institutions(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize("text", ["Experiencia con CRM. Conocimientos de CRM y SQL.", "Buscamos perfil IT. Equipo IT en Madrid."])
def test_trades_and_technologies_are_no_names(text):
    assert run(text, "es").name is None


@pytest.mark.parametrize(
    ("found", "truth", "same"),
    [
        ("UpTrader", "АпТрейдер (UpTrader)", True),
        ("Б1", "Б1 (B1)", True),
        ("Витагор-строй", "Vitagor Stroy", True),
        ("Витагор", "Vitagor Stroy", True),
        ("Ромашка", "Vitagor Stroy", False),
    ],
)
def test_same_name_other_spellings(found, truth, same):
    assert same_name(found, truth) is same


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mit über 20 Jahren Erfahrung gilt die ZBI Zentral Boden Immobilien Gruppe als einer der führenden Anbieter.",
         "ZBI Zentral Boden Immobilien Gruppe"),
        ("Das Hotel Palace Berlin verfügt über 238 Zimmer. Das Hotel Palace Berlin liegt zentral.", "Hotel Palace Berlin"),
        ("Zuverlässigkeit zählt. Gilt die Regel auch für dich?", None),
    ],
)
def test_german_verb_second_subjects(text, name):
    assert run(text, "de").name == name


def test_apostrophes_quote_no_name():
    text = "Vous serez ambassadeur(trice) de l'amélioration continue de l' établissement est une priorité."
    assert run(text, "fr").name is None
