from __future__ import annotations

from models.extraction.extract import ArticleMeta
from models.pipeline import mask_markup, prepare
from models.text import detect_language, is_boilerplate, split_sentences


def test_sentences_keep_offsets_into_the_text():
    text = "Title line\n\nDrones hit Kyiv on Monday. Mr. Smith said U.S. officials were told. Two died!\nAdvertisement\n"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Title line", "Drones hit Kyiv on Monday.", "Mr. Smith said U.S. officials were told.",
                                       "Two died!"]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_inline_widget_words_split_and_vanish():
    sents = split_sentences("Moscow kept quiet. Advertisement Driven by fantasies, Russia plunged in.")
    assert [s.text for s in sents] == ["Moscow kept quiet.", "Driven by fantasies, Russia plunged in."]


def test_long_sentences_are_windowed_not_truncated():
    long = "word, " * 400 + "end."
    sents = split_sentences(long, max_chars=300)
    assert len(sents) > 1 and all(len(s.text) <= 300 for s in sents)
    covered = "".join(long[s.start : s.end] for s in sents).replace(" ", "")
    assert covered == long.replace(" ", "")


def test_boilerplate_lines():
    for line in ("Advertisement", "Related Articles", "No comments yet...", "Support Ukrainska Pravda on Patreon!",
                 "The article continues under video advertising", "DOWNLOAD THE APP", "(CTK)", "- Politics"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("Drones struck a refinery in Ryazan overnight.")


def test_language_flag():
    assert detect_language("The Kremlin said on Thursday that the talks were not stalled and would continue.") == "en"
    assert detect_language("Le Kremlin a déclaré jeudi que les négociations avec l'Ukraine ne sont pas dans une impasse.") == "fr"
    assert detect_language("Der Kreml erklärte am Donnerstag, dass die Gespräche mit der Ukraine nicht ins Stocken geraten sind.") == "de"
    assert detect_language("Кремль заявил, что переговоры с Украиной не зашли в тупик.") == "ru"
    assert detect_language("ok") == "und"


def test_markup_is_blanked_without_moving_offsets():
    html = "<html><script>var x=1;</script><p>Drones hit <b>Kyiv</b>.</p></html>"
    masked = mask_markup(html)
    assert len(masked) == len(html)
    assert masked[html.index("Drones") : html.index("Drones") + 6] == "Drones"
    assert "script" not in masked and "<" not in masked


def test_prepare_handles_empty_markup_and_foreign_text():
    assert prepare(ArticleMeta("a", "<div><img src='x.png'/></div>")).reason == "no_text_content"
    assert prepare(ArticleMeta("a", "!!! ??? 123")).reason == "no_sentences"
    p = prepare(ArticleMeta("a", "Le Kremlin a déclaré jeudi que les négociations avec l'Ukraine ne sont pas dans une impasse."))
    assert (p.status, p.reason, p.language) == ("skipped", "non_english", "fr")
    many = " ".join(f"Sentence number {i} is here." for i in range(30))
    assert prepare(ArticleMeta("a", many), max_sentences=10).reason == "too_many_sentences"
    ok = prepare(ArticleMeta("a", "<p>Drones hit Kyiv.</p>"))
    assert ok.status == "ok" and ok.sentences[0].text == "Drones hit Kyiv."
