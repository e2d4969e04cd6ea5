"""Spanish cue phrases that name the party to the work contract ("contrato indefinido con Acme") or head
the daily work ("Tu día a día en Acme"), in lang/es/employer_names.toml `before_strong`."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("¿Qué ofrecemos?\n- Puesto estable (contrato indefinido a través de Talvero)\n- Jornada completa",
         "Talvero"),
        ("¿Qué podemos ofrecerte?\n· Contrato indefinido con Norvalia para proyecto estable\n· Teletrabajo",
         "Norvalia"),
        ("Requisitos\nSQL avanzado.\nTu día a día en Brisana Logística\n- Diseñar informes de ventas",
         "Brisana Logística"),
    ],
)
def test_contract_and_daily_work_cues(text, name):
    assert run(text, "es").name == name


@pytest.mark.parametrize(
    "text",
    [
        "Ofrecemos contrato indefinido con salario competitivo y horario flexible.",
        "Contrato indefinido con posibilidad de teletrabajo.\nTu día a día en la oficina será variado.",
        "Contrato indefinido con Seguridad Social desde el primer día.",
    ],
)
def test_contract_cues_without_a_name(text):
    assert run(text, "es").name is None
