import pytest

from newsweave.clean import meta


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("(Tidewater, Coastwire)", ["Tidewater", "Coastwire"]),
        ("kq/lm (AFP, Reuters)", ["AFP", "Reuters"]),
        ("xy/zz (dpa, Agence France-Presse)", ["dpa", "AFP"]),
        ("This post appeared first on harbourherald.example", ["harbourherald.example"]),
        ("This article was originally published on westmere.example.", ["westmere.example"]),
        ("The council (which met on Tuesday) voted to close the pier.", None),
        ("Council chair Mara Quellen spoke.", None),
    ],
)
def test_credit_lines(line, credits):
    assert meta.credit_of(line) == credits


def test_agency_line():
    assert meta.agency_line("Yonhap News") == "Yonhap"
    assert meta.agency_line("The Associated Press") == "AP"
    assert meta.agency_line("Harbour Herald") is None


def test_byline_and_contact():
    assert meta.byline_of("By Ilse Marrow and Tomas Vey") == ["Ilse Marrow", "Tomas Vey"]
    assert meta.byline_of("By the time the ferry arrived, the pier was closed.") is None
    assert meta.contact_of("desk@harbourherald.example") == "desk@harbourherald.example"
    assert meta.contact_of("Write to desk@harbourherald.example with your tips on the pier") is None


def test_outlets():
    assert meta.outlet_from_url("https://www.harbourherald.example/a/b") == "harbourherald.example"
    assert meta.outlet_from_url(None) is None
    assert meta.outlet_from_text(["Home", "Copyright © 2024 Harbour Herald. All rights"]) == (
        "Harbour Herald"
    )
    assert meta.outlet_from_text(["tidewire Views", "Comments", "tidewire"]) == "tidewire"
    assert meta.outlet_from_text(["Editor's Pick", "Editor's Pick", "Share"]) is None
