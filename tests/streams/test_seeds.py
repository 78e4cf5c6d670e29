"""Seed corpus parsing: pages into articles, with titles, sources and dates resolved."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from streams.seeds import infer_published_from_text, load_corpus, parse_page

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REF = date(2025, 9, 24)


def page(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def test_the_corpus_yields_twelve_articles_oldest_first():
    arts = load_corpus(SEEDS)
    assert len(arts) == 12
    assert [a.published for a in arts] == sorted(a.published for a in arts)
    assert len({a.id for a in arts}) == 12
    assert all(a.language == "en" and a.text and a.title for a in arts)


def test_single_article_page_with_date_line():
    (a,) = parse_page(page("000_ebf018aed67f490c.txt"), name="000", reference=REF)
    assert a.title == "Kremlin complains: Trump’s rapprochement is “close to zero”"
    assert a.published == "2025-09-24" and a.published_from == "page"
    assert "This article has been automatically translated" not in a.text
    assert "Salavat complex in the Bashkortostan region" in a.text


def test_aggregator_page_splits_into_five_articles_with_their_own_dates():
    arts = parse_page(page("001_60433850ea3942f0.txt"), name="001", reference=REF)
    assert [a.title for a in arts] == [
        "Moscow hopes ‘reasonable' Trump will influence EU",
        "Moscow hopes Trump's ‘reasonable' position will influence EU",
        "Putin and Erdogan discuss Ukraine and Syria",
        "Ukrainian terror plot targeting railway bridge foiled – FSB (VIDEO)",
        "As attacks on Iran show, Russia can now do very little for its allies",
    ]
    assert [a.published for a in arts] == ["2025-09-23", "2025-09-22", "2025-09-18", "2025-07-09", "2025-06-30"]
    assert [a.source for a in arts] == ["Russia Today"] * 4 + ["South China Morning Post"]
    assert all(not a.text.startswith(("- Politics", "Russia Today")) for a in arts)


def test_yahoo_page_splits_main_and_related_articles_and_drops_widgets():
    arts = parse_page(page("002_96617febb30a210b.txt"), name="002", reference=REF)
    assert len(arts) == 4
    assert arts[0].title == "Kremlin says Trump–Putin meeting may not happen this year" and arts[0].source == "Yahoo"
    assert arts[2].title == "Ukraine, Russia peace talks: POW deal, but no ceasefire" and arts[2].source == "The Hill"
    joined = "\n".join(a.text for a in arts)
    for widget in ("Try Our AI Features", "No comments yet", "DOWNLOAD THE APP", "Orange background", "Related Articles"):
        assert widget not in joined


def test_french_page_date_and_agency_credit():
    (a,) = parse_page(page("003_961a57a59766d677.txt"), name="003", reference=REF)
    assert a.published == "2025-04-20"  # "avril 20, 2025"
    assert a.source == "CTK"
    assert "The article continues under video advertising" not in a.text
    assert a.title.startswith("Ukraine Russia online: Russian drone attack on Kharkov")


def test_undated_page_takes_its_date_from_the_text():
    (a,) = parse_page(page("004_331d3bec79441b5e.txt"), name="004", reference=REF)
    # "On July 9, Trump said ..." and "The Kremlin on Thursday said ...": Thursday 10 July 2025.
    assert a.published == "2025-07-10" and a.published_from == "text"
    assert "info_icon" not in a.text and "Published At" not in a.text


def test_inferred_publication_date_rules():
    assert infer_published_from_text("On July 9 he spoke. On Thursday they met.", REF) == date(2025, 7, 10)
    assert infer_published_from_text("Nothing dated here.", REF) is None


def test_exact_duplicates_are_dropped(tmp_path):
    for p in SEEDS.iterdir():
        shutil.copy(p, tmp_path / p.name)
    shutil.copy(SEEDS / "003_961a57a59766d677.txt", tmp_path / "999_copy.txt")
    assert len(load_corpus(tmp_path)) == 12


def test_reference_date_moves_relative_dates(tmp_path):
    arts = load_corpus(SEEDS, reference=date(2025, 8, 1))
    moscow = [a for a in arts if a.title.startswith("Moscow hopes ‘reasonable' Trump")]
    assert moscow[0].published == "2025-07-31"
