"""Contacts extractor: phones, e-mails, messengers, links, masked tokens; offsets index the text."""

from __future__ import annotations

import csv

import pytest

from validator.assessment import Contacts
from validator.facts import Context, contacts
from validator.nlp import get_nlp

MASKED_PHONE = "#PHONE_" + "4dbd33c1" * 8 + "#"
MASKED_EMAIL = "#EMAIL_" + "a75d7a52" * 8 + "#"
MASKED_URL = "#URL_" + "ec64af2b" * 8 + "#"


def run(text: str, *, destination: str | None = None, default_region: str | None = None) -> Contacts:
    ctx = Context(language="en", destination_country=destination, default_region=default_region)
    return contacts.extract(get_nlp("en")(text), ctx)


def assert_offsets(text: str, found: Contacts) -> None:
    for phone in found.phones:
        assert text[phone.start : phone.end] == phone.raw
    for email in found.emails:
        assert email.end > email.start
        if email.masked or "@" in text[email.start : email.end]:
            assert text[email.start : email.end] == email.address
    for url in found.urls:
        assert text[url.start : url.end] == url.url
    for ev in found.evidence:
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "destination", "e164", "region", "kind"),
    [
        ("Call +44 7400 123456 today", None, "+447400123456", "GB", "mobile"),
        ("Tel: 0906 123 4567 (calls cost 3.60/min)", None, "+449061234567", "GB", "premium_rate"),
        ("Hotline 0900 1234567 for your job", "DE", "+499001234567", "DE", "premium_rate"),
        ("Infoline 09001 234567", "DE", "+499001234567", "DE", "premium_rate"),
        ("Call (609) 895-9888 now", "US", "+16098959888", "US", "fixed_line_or_mobile"),
        ("Viber: +359 888 123 456", None, "+359888123456", "BG", "mobile"),
        ("Sunati la 0721 234 567", "RO", "+40721234567", "RO", "mobile"),
        ("Kontakt +48 512 345 678", None, "+48512345678", "PL", "mobile"),
        ("Phone 0049 30 1234567", None, "+49301234567", "DE", "fixed_line"),
        ("Freephone 0800 123 4567", "GB", "+448001234567", "GB", "toll_free"),
        ("Ring 020 7946 0018 after 9", "GB", "+442079460018", "GB", "fixed_line"),
        ("Mobile: 07400123456", "GB", "+447400123456", "GB", "mobile"),
    ],
)
def test_phone_formats(text, destination, e164, region, kind):
    found = run(text, destination=destination)
    assert [(p.e164, p.region, p.type) for p in found.phones] == [(e164, region, kind)]
    assert_offsets(text, found)


def test_international_number_outside_metadata_is_kept_leniently():
    # +44 7700 900xxx is reserved for drama: not valid, but a possible length after a "+"
    text = "WhatsApp me on +44 7700 900123"
    found = run(text)
    assert [(p.e164, p.region, p.type) for p in found.phones] == [("+447700900123", "GB", "unknown")]
    assert_offsets(text, found)


def test_default_region_is_used_when_no_destination():
    found = run("Call 0888 123 456", default_region="BG")
    assert [(p.e164, p.type) for p in found.phones] == [("+359888123456", "mobile")]


@pytest.mark.parametrize(
    "text",
    [
        "Founded in 2019, growing since 2020-2021.",
        "Salary 2000-3000 EUR per month",
        "Pay: €1,500.00 net, bonus 1 500 000 points",
        "Earn 25.000.000 RON a year",
        "Office at Hauptstrasse 5, 10115 Berlin",
        "Pay to IBAN DE89 3704 0044 0532 0130 00 please",
        "Start 12.03.2024 or 2024-03-12 or 12/03/2024",
        "Shifts 09:00-17:00, 7 days",
        "Reference 4567891234 on the form",
        "Apply at " + MASKED_URL + " now",
        "Order number ABC1234567 for shoes",
    ],
)
def test_not_phones(text):
    assert [p for p in run(text, destination="DE").phones if p.type != "masked"] == []
    assert [p for p in run(text).phones if p.type != "masked"] == []


@pytest.mark.parametrize(
    ("text", "address", "domain", "free"),
    [
        ("Send CV to jobs.dk@gmail.com today", "jobs.dk@gmail.com", "gmail.com", True),
        ("Write to anna_k@yahoo.co.uk.", "anna_k@yahoo.co.uk", "yahoo.co.uk", True),
        ("E-mail: rabota@abv.bg", "rabota@abv.bg", "abv.bg", True),
        ("E-mail: praca@wp.pl", "praca@wp.pl", "wp.pl", True),
        ("Contact hr@acme-recruit.co.uk for details", "hr@acme-recruit.co.uk", "acme-recruit.co.uk", False),
        ("Bewerbung an karriere@mueller-bau.de", "karriere@mueller-bau.de", "mueller-bau.de", False),
        ("Mail mary@hotmail.fr", "mary@hotmail.fr", "hotmail.fr", True),
        ("Mail JOBS@ACME.COM now", "JOBS@ACME.COM", "acme.com", False),
    ],
)
def test_emails(text, address, domain, free):
    found = run(text)
    assert [(e.address, e.domain, e.free_provider) for e in found.emails] == [(address, domain, free)]
    assert found.phones == []
    assert_offsets(text, found)


def test_obfuscated_email():
    text = "Write to ivan.petrov [at] gmail [dot] com or maria(at)firma.bg"
    found = run(text)
    assert [(e.address, e.free_provider) for e in found.emails] == [
        ("ivan.petrov@gmail.com", True),
        ("maria@firma.bg", False),
    ]
    assert text[found.emails[0].start : found.emails[0].end] == "ivan.petrov [at] gmail [dot] com"


@pytest.mark.parametrize("text", ["no e-mail here @ all", "price is 5@10", "user@localhost", "a@b"])
def test_not_emails(text):
    assert run(text).emails == []


@pytest.mark.parametrize(
    ("text", "messengers", "only"),
    [
        ("Contact only on WhatsApp: +359 888 123 456", ["whatsapp"], ["whatsapp"]),
        ("Write to us on Viber or Telegram", ["viber", "telegram"], []),
        ("Message wa.me/359888123456 for details", ["whatsapp"], []),
        ("Join https://t.me/jobs_abroad_now", ["telegram"], []),
        ("Tap viber://chat?number=%2B359888123456", ["viber"], []),
        ("SMS only, no calls: 07400 123456", [], ["sms"]),
        ("Send your CV by e-mail", [], []),
    ],
)
def test_messengers(text, messengers, only):
    found = run(text)
    assert found.messengers == messengers
    assert found.contact_only_via == only
    assert all(u.domain not in {"wa.me", "t.me"} for u in found.urls)  # messenger links are no websites
    assert_offsets(text, found)


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Apply at https://www.acme.co.uk/careers.", [("https://www.acme.co.uk/careers", "acme.co.uk")]),
        ("See www.example.com or acme-jobs.eu/apply", [("www.example.com", "example.com"),
                                                       ("acme-jobs.eu/apply", "acme-jobs.eu")]),
        ("Details (http://jobs.example.org/a?b=1)", [("http://jobs.example.org/a?b=1", "example.org")]),
        ("Send resume.pdf and use Node.js, e.g. at work", []),
        ("A great place.We offer team.It rocks", []),
        ("Mail hr@acme.com", []),
    ],
)  # fmt: skip
def test_urls(text, urls):
    found = run(text)
    assert [(u.url, u.domain) for u in found.urls] == urls
    assert_offsets(text, found)


def test_masked_tokens():
    text = f"Call {MASKED_PHONE} or mail {MASKED_EMAIL}, site {MASKED_URL}. Tel glued #EMAIL_{'ab12' * 13}#PHONE_{'cd34' * 16}#"
    found = run(text)
    assert [p.type for p in found.phones] == ["masked", "masked"]
    assert all(p.e164 is None and p.region is None for p in found.phones)
    assert [(e.masked, e.free_provider, e.domain) for e in found.emails] == [(True, False, None)] * 2
    assert [(u.masked, u.domain) for u in found.urls] == [(True, None)]
    assert_offsets(text, found)
    assert text[found.phones[0].start : found.phones[0].end] == MASKED_PHONE


# ---------------------------------------------------------------- language packs


def run_lang(lang: str, text: str) -> Contacts:
    found = contacts.extract(get_nlp(lang)(text), Context(language=lang))
    assert_offsets(text, found)
    return found


@pytest.mark.parametrize(
    ("lang", "text", "e164"),
    [
        ("pl", "Zadzwoń: 512 345 678", "+48512345678"),  # a phone cue before a 3-3-3 group
        ("pl", "Tel. 600.123.456", "+48600123456"),
        ("pl", "Kontakt 600 123 456 lub e-mail.", "+48600123456"),
        ("pl", "Pytania? 600 123 456", "+48600123456"),  # no cue: a valid Polish mobile
        ("es", "Interesados 612 345 678 por las tardes", "+34612345678"),
    ],
)
def test_mobile_grouped_like_an_amount(lang, text, e164):
    assert [(p.e164, p.type) for p in run_lang(lang, text).phones] == [(e164, "mobile")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Premia 512 345 678 złotych"),
        ("pl", "Obrót 600,123,456 rocznie"),  # commas group amounts, never phone numbers
        ("bg", "Цена 0888 123 456 лв."),
        ("lt", "Apyvarta 612 345 67 eurų"),
        ("lv", "Apgrozījums 2123 4567 eiro"),
        ("ru", "Выручка 912 345 67 89 руб"),
        ("uk", "Виручка 067 123 45 67 грн"),
        ("en", "We raised 600 123 456 dollars for 700 123 456 people"),
    ],
)
def test_amounts_with_pack_currency_words_are_no_phones(lang, text):
    assert run_lang(lang, text).phones == []


@pytest.mark.parametrize(
    "domain",
    ["telefonica.net", "tin.it", "neuf.fr", "arcor.de", "bluewin.ch", "bigmir.net", "lenta.ru", "vp.pl", "apollo.lv",
     "mail.md"],
)  # fmt: skip
def test_pack_free_mail_providers(domain):
    found = run(f"CV: rabota.bg@{domain}")
    assert [(e.domain, e.free_provider) for e in found.emails] == [(domain, True)]


def test_emscad_sample_runs(emscad_csv):
    nlp = get_nlp("en")
    masked = 0
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = "\n\n".join(
                row[c] for c in ("title", "company_profile", "description", "requirements", "benefits") if row[c]
            )
            found = contacts.extract(nlp(text), Context(language="en"))
            assert_offsets(text, found)
            masked += sum(p.type == "masked" for p in found.phones) + sum(u.masked for u in found.urls)
    assert masked > 100  # the sample masks hundreds of links and phone numbers


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("Telegram: @jobs_eu for details", [("telegram", "@jobs_eu")]),
        ("Write on Viber/Telegram @Work_Abroad1 now", [("telegram", "@Work_Abroad1")]),
        ("Join https://t.me/jobs_abroad_now today", [("telegram", "@jobs_abroad_now")]),
        ("Message wa.me/359888123456 for details", [("whatsapp", "+359888123456")]),
        ("Tap viber://chat?number=%2B359888123456", [("viber", "+359888123456")]),
        ("Group chat.whatsapp.com/AbCdEf123 here", [("whatsapp", "chat.whatsapp.com/AbCdEf123")]),
        ("Telegram @jobs_eu or t.me/Jobs_EU", [("telegram", "@jobs_eu")]),  # one account, written twice
        ("Mail joe@gmail.com, we use WhatsApp", []),
        ("Follow us @acme_jobs on our website", []),  # no messenger named before it
    ],
)
def test_messenger_handles(text, handles):
    found = run(text)
    assert [(h.messenger, h.handle) for h in found.handles] == handles
    for h in found.handles:
        assert h.end > h.start
    assert_offsets(text, found)
