"""Metadata from browser-faithful text copies (session 8): a page's inline meta items (author, date, comment link,
categories; kicker and headline) rendered on one line."""

from __future__ import annotations

import pytest

from kabar.clean import dates, meta
from kabar.clean.lines import clean_lines
from kabar.clean.meta import parse_dated_names

MENU = "\n".join(["Início", "Sobre", "Receitas", "Contato", "Busca"])
BODY = "\n\n".join(
    [
        "Neste fim de semana a horta comunitária do bairro abriu as portas para as famílias da vizinhança.",
        "As crianças plantaram mudas de alface e couve, e cada família levou para casa um vaso com temperos.",
        "A próxima oficina será no mês que vem, com uma aula sobre compostagem para quem mora em apartamento.",
    ]
)


def _post(meta_line: str) -> str:
    return "\n\n".join([MENU, "Uma tarde de plantio na horta do bairro", meta_line, BODY])


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Maria Souza 14/03/2021 Comente! Jardinagem, Família e Crianças", "2021-03-14"),
        ("Maria Souza 14/03/2021 3 comentários Jardinagem, Família e Crianças", "2021-03-14"),
        ("March 14, 2021 Leave a comment", "2021-03-14"),
        ("Budi Santoso 14/03/2021 0 Komentar", "2021-03-14"),
    ],
)
def test_meta_line_with_a_comment_link_is_read(line: str, day: str) -> None:
    found = parse_dated_names(line)
    assert found is not None
    assert found[0][0].iso == day


def test_meta_line_with_a_comment_link_dates_the_post(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Maria Souza 14/03/2021 3 comentários Jardinagem Doméstica, Alimentação Saudável, Sustentabilidade"
    result = clean_lines(_post(line))
    assert result.published == "2021-03-14"
    assert result.title == "Uma tarde de plantio na horta do bairro"
    assert result.line_is_body.count(True) == 3
    monkeypatch.setattr(meta, "COMMENT_LINKS_IN_META", False)
    assert clean_lines(_post(line)).published is None


def test_long_meta_line_with_categories_is_still_a_meta_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # 97 characters: the categories make a one-line meta item longer than the former 90-character cap.
    line = "Maria Souza 14/03/2021 3 comentários Jardinagem Doméstica, Alimentação Saudável, Sustentabilidade"
    assert len(line) > 90
    assert parse_dated_names(line) is not None
    monkeypatch.setattr(dates, "META_LINE_MAX_CHARS", 90)
    assert parse_dated_names(line) is None
