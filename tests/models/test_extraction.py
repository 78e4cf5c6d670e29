"""Argument extraction: golden cases on the seed corpus (checked by hand against the text),
rule unit tests, and the accuracy floor on the independent extraction test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.clustering import assign
from models.extraction.extract import ArticleMeta, Detection, extract_events
from models.extraction.gazetteer import default_gazetteer
from models.pipeline import ArticleProcessor, prepare
from models.text import split_sentences
from streams.seeds import load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_events(transformer):  # type: ignore[no-untyped-def]
    """url -> events, through the same code path as the worker."""
    proc = ArticleProcessor(transformer)
    out = {}
    for a in load_corpus(SEEDS):
        p = prepare(ArticleMeta(a.id, a.text, a.title, a.url, a.source, a.published, "2025-01-01T00:00:00.000Z"))
        out[a.url] = proc.build(p, proc.detect([p])[0])
    return out


def one(events, **want):  # type: ignore[no-untyped-def]
    hits = [e for e in events if all(e.get(k) == v for k, v in want.items())]
    assert hits, f"no event with {want}: {[(e['event_type'], e['modality']) for e in events]}"
    return hits[0]


def loc(e):  # type: ignore[no-untyped-def]
    return (e["location"] or {}).get("admin1"), (e["location"] or {}).get("country")


def test_salavat_strike_in_bashkortostan_with_70_drones_intercepted(seed_events):
    events = seed_events["seed:000_ebf018aed67f490c.txt#0"]
    salavat = next(e for e in events if e["event_type"] == "drone_strike" and loc(e) == ("Bashkortostan", "RUS"))
    assert salavat["published"] == "2025-09-24"
    assert salavat["arguments"]["drones_intercepted"]["value"] == 70
    assert salavat["arguments"]["target_type"]["value"] == "energy"
    assert {("initiator", "UKR"), ("target", "RUS")} <= {(a["role"], a["country"]) for a in salavat["actors"]}
    assert any("Salavat" in ev["sentence"] for ev in salavat["evidence"])


def test_volgograd_attack_that_was_repelled_is_its_own_event(seed_events):
    events = seed_events["seed:000_ebf018aed67f490c.txt#0"]
    volgograd = next(e for e in events if e["event_type"] == "drone_strike" and loc(e) == ("Volgograd", "RUS"))
    assert volgograd["modality"] == "occurred"
    assert any("repelled" in ev["sentence"] for ev in volgograd["evidence"])
    assert volgograd["arguments"]["drones_intercepted"] is None  # the 70 belong to the whole night, filed with Salavat


def test_body_exchange_of_6000_per_side(seed_events):
    events = seed_events["seed:002_96617febb30a210b.txt#2"]
    bodies = one(events, event_type="prisoner_swap")
    bodies = next(e for e in events if e["event_type"] == "prisoner_swap" and (e["arguments"]["category"] or {}).get("value") == "bodies")
    assert bodies["arguments"]["released_by_each_side"]["value"] == 6000
    assert bodies["arguments"]["total"]["value"] == 12000
    assert {"RUS", "UKR"} <= {a["country"] for a in bodies["actors"]}


def test_senate_bill_500_percent_tariffs_are_proposed_not_imposed(seed_events):
    sanc = one(seed_events["seed:004_331d3bec79441b5e.txt#0"], event_type="sanctions")
    assert sanc["modality"] in {"proposed", "threatened"}
    assert sanc["arguments"]["action"]["value"] in {"propose", "threaten"}
    assert sanc["arguments"]["rate"]["value"] == 500
    assert sanc["date"]["value"] == "2025-07-09"  # "On July 9, Trump said he was considering ..."


def test_istanbul_talks_denied_to_be_stalled(seed_events):
    nego = one(seed_events["seed:004_331d3bec79441b5e.txt#0"], event_type="negotiation")
    assert nego["location"]["name"] == "Istanbul" and nego["location"]["country"] == "TUR"
    assert {"RUS", "UKR"} <= {p["country"] for p in nego["arguments"]["participants"]}
    assert nego["date"]["value"] == "2025-05"  # "which first kicked off in May in Istanbul"


def test_putin_erdogan_call_and_the_third_round_in_istanbul(seed_events):
    nego = one(seed_events["seed:001_60433850ea3942f0.txt#2"], event_type="negotiation")
    assert nego["arguments"]["format"]["value"] == "phone_call"
    assert {"RUS", "TUR"} <= {p["country"] for p in nego["arguments"]["participants"]}
    assert nego["location"]["name"] == "Istanbul"


def test_trump_putin_meeting_is_planned_but_uncertain(seed_events):
    nego = one(seed_events["seed:002_96617febb30a210b.txt#0"], event_type="negotiation")
    assert nego["modality"] == "stalled"  # "may not happen this year"
    assert nego["arguments"]["format"]["value"] == "summit"
    assert {p["country"] for p in nego["arguments"]["participants"]} == {"RUS", "USA"}


def test_the_two_moscow_hopes_items_are_one_real_world_event(seed_events):
    a = seed_events["seed:001_60433850ea3942f0.txt#0"]
    b = seed_events["seed:001_60433850ea3942f0.txt#1"]
    for t in ("negotiation", "sanctions"):
        ea, eb = one(a, event_type=t), one(b, event_type=t)
        assert ea["event_id"] != eb["event_id"]
        assert assign(ea) == assign(eb), t
    threat = one(a, event_type="sanctions")
    assert threat["modality"] == "threatened" and threat["arguments"]["action"]["value"] == "threaten"


def extract(text: str, event_type: str, published: str = "2025-07-16") -> dict:
    sents = split_sentences(text)
    (e,) = extract_events(ArticleMeta("t", text, published=published), sents,
                          [Detection(i, event_type, 0.9) for i in range(len(sents))], model_version="t",
                          gazetteer=default_gazetteer())
    return e


def test_drone_counts_casualties_and_transliterations():
    e = extract("Russian forces launched 90 Shahed drones at Kharkov overnight; air defences shot down 61 of them. "
                "Three people were killed and 12 injured, the governor said.", "drone_strike")
    args = e["arguments"]
    assert (args["drones_launched"]["value"], args["drones_intercepted"]["value"]) == (90, 61)
    assert (args["killed"]["value"], args["injured"]["value"]) == (3, 12)
    assert e["location"]["name"] == "Kharkiv" and e["location"]["country"] == "UKR"
    assert e["date"] == {"value": "2025-07-15", "precision": "day", "source": "relative", "text": "overnight",
                         "span": e["date"]["span"]}


def test_kiev_resolves_to_kyiv_and_numbers_that_are_not_counts_stay_out():
    e = extract("A drone hit a building in Kiev in 2025, some 500 kilometres from the front.", "drone_strike")
    assert e["location"]["name"] == "Kyiv"
    assert all(e["arguments"][k] is None for k in ("drones_launched", "killed", "injured"))


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Trump threatened to impose sanctions on Russia's trading partners.", "threatened"),
        ("The European Union imposed sanctions on 30 tankers.", "occurred"),
        ("Senators introduced a bill that would impose sanctions on buyers of Russian oil.", "proposed"),
        ("The Kremlin denied that it had evaded the price cap.", "denied"),
        ("The new sanctions will take effect on Monday.", "planned"),
    ],
)
def test_sanctions_modality(text, modality):
    assert extract(text, "sanctions")["modality"] == modality


def test_a_date_is_never_invented():
    e = extract("Hamas released three hostages in exchange for 90 Palestinian prisoners.", "prisoner_swap", "2025-01-20")
    assert e["date"]["source"] == "published" and e["date"]["value"] == "2025-01-20"
    assert e["arguments"]["total"]["value"] == 93


def test_accuracy_floor_on_the_independent_test_set():
    """Never tuned on: extraction_test.jsonl was written after the rules, by someone who did not see them."""
    from models.extraction import evaluate as xe

    report = xe.evaluate(xe.load(xe.TEST_FILE))
    fields = report["fields"]
    mean = sum(v["accuracy"] for v in fields.values()) / len(fields)
    assert mean >= 0.88, fields  # 0.900 on 2026-12-02
    assert min(v["accuracy"] for v in fields.values()) >= 0.65, fields  # participants, 0.691
    assert report["invented"]["date"]["rate"] <= 0.15


def test_an_international_official_acts_for_the_body_and_a_plan_handed_to_a_party_is_no_mediation():
    e = extract("UN envoy Hans Grundberg met Houthi leaders in Sanaa for talks on a truce.", "negotiation")
    assert e["arguments"]["mediator"]["name"] == "United Nations"
    assert [p["country"] for p in e["arguments"]["participants"]] == ["YEM"]
    e = extract("A U.S. draft peace plan handed to Kyiv on Monday asks Ukraine to cap its army.", "negotiation")
    assert e["arguments"]["mediator"] is None
    assert {p["country"] for p in e["arguments"]["participants"]} == {"USA", "UKR"}


def test_a_place_modifier_and_an_attacker_are_not_parties_to_talks():
    e = extract("Ukrainian and U.S. negotiators held talks in the Saudi port city of Jeddah, days after Israel's strikes on Iran.",
                "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == {"UKR", "USA"}
    assert e["location"]["name"] == "Jeddah"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The two leaders ended their summit in Anchorage without a ceasefire deal.", "no_agreement"),
        ("The call ended with no common ground on a truce, the Elysee said.", "no_agreement"),
        ("Armenia and Azerbaijan initialled a peace agreement at talks in Washington.", "agreement"),
    ],
)
def test_negotiation_outcome(text, outcome):
    assert extract(text, "negotiation")["arguments"]["outcome"]["value"] == outcome


def test_single_casualties_death_toll_updates_and_all_drones_downed():
    e = extract("A drone struck a car near Kherson on Friday, killing the driver and wounding two passengers.", "drone_strike")
    assert (e["arguments"]["killed"]["value"], e["arguments"]["injured"]["value"]) == (1, 2)
    e = extract("The death toll from Tuesday's Russian drone strike on a bus in the Nikopol district has risen to five.",
                "drone_strike")
    assert e["arguments"]["killed"]["value"] == 5
    e = extract("Iran launched 40 drones at Israel overnight; all of the drones were shot down, the army said.", "drone_strike")
    assert e["arguments"]["drones_intercepted"]["value"] == 40


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        ("Ukrainian drones attacked the Millerovo military airfield overnight.", "air_base"),
        ("A drone strike by Sudan's army on a market in El Fasher killed 12 people.", "civilian"),
        ("A drone hit a fuel-smuggling boat off Zuwara on Thursday.", "transport"),
    ],
)
def test_target_type_is_the_head_noun_hit_not_the_attacker(text, target_type):
    assert extract(text, "drone_strike")["arguments"]["target_type"]["value"] == target_type


def test_an_end_date_does_not_date_the_event_but_a_dated_decision_does():
    e = extract("The EU extended its sanctions on Belarus until February 28, 2026, officials said.", "sanctions", "2025-02-20")
    assert e["date"]["source"] == "published"
    e = extract("In a decision dated 14/03/2025, the Council extended its sanctions on Russia until 15 September 2025.",
                "sanctions", "2025-03-20")
    assert e["date"]["value"] == "2025-03-14"


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A held call or meeting happened, whatever was offered or failed in it.
        ("Macron pressed Xi for a truce in a phone call on Monday, but the two leaders failed to agree on a pause.",
         "negotiation", "occurred"),
        ("Erdogan told Putin in a phone call on Friday that Turkey was ready to host new talks.", "negotiation", "occurred"),
        ("The government and the rebels signed a deal in Nairobi on Friday on how the truce will be monitored.",
         "negotiation", "occurred"),
        ("The two leaders could meet next month in Geneva, an aide said.", "negotiation", "proposed"),
        ("Talks between the two sides resumed in Doha today, with Qatari officials carrying proposals between them.",
         "negotiation", "ongoing"),
        ("The envoy will travel to Cairo to meet both delegations as he tries to revive the frozen talks.", "negotiation", "planned"),
        ("Peace talks between the army and the rebels have been adjourned indefinitely.", "negotiation", "stalled"),
        ("The rebels and the government missed a Friday deadline to sign the peace accord.", "negotiation", "stalled"),
        ("The swap agreed in Geneva, covering sick and elderly detainees, will take place on Sunday.", "prisoner_swap", "planned"),
        ("The prisoner exchange agreed by both sides has yet to begin, the Red Cross said.", "prisoner_swap", "stalled"),
        # Suspending the measure is its action; a stall named in a condition is no stall.
        ("The EU will suspend its sanctions on Syria for six months, diplomats said.", "sanctions", "planned"),
        ("The president threatened to impose tariffs on Venezuelan oil if Caracas blocked the deal.", "sanctions", "threatened"),
        ("Russia could ban fertiliser exports to Europe in retaliation, the minister said.", "sanctions", "threatened"),
        ("Two member states are holding up a proposal to lower the price cap on Russian oil.", "sanctions", "stalled"),
    ],
)
def test_modality_of_held_offered_and_stalled_events(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("The army chiefs of the two countries will speak again by hotline on Friday.", "phone_call"),
        ("Norwegian mediators handed both sides a draft peace accord on Monday.", "proposal"),
        ("The rebels rejected a government offer, passed on by church mediators, to pause the fighting.", "proposal"),
        ("Norway offered on Tuesday to use its good offices to ease tensions between the two neighbours.", "talks"),
        ("Ministers of the five states agreed in Abuja on Thursday to keep their borders open.", "talks"),
        ("A Ukrainian delegation will travel to Doha on Sunday to join indirect negotiations hosted by Qatari mediators.", "talks"),
        ("Steve Witkoff is due in Moscow on Tuesday to present the revised plan to Vladimir Putin.", "envoy_visit"),
        ("Nicolas Maduro sent a letter to Donald Trump proposing direct talks on migration.", "talks"),
        ("A new round of talks is due in Istanbul on Monday.", "talks"),
    ],
)
def test_negotiation_format(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The two delegations agreed in Geneva to swap wounded prisoners, though the meeting brought no breakthrough on a truce.",
         "agreement"),
        ("The two presidents ended their summit without agreeing on a ceasefire.", "no_agreement"),
        ("The two sides finalised the text of a peace treaty after months of talks.", "agreement"),
        ("Qatar brokered a ceasefire between the two sides after talks in Doha.", "agreement"),
        ("Two days of talks in Geneva produced no results, the envoy said.", "no_agreement"),
    ],
)
def test_negotiation_outcome_first_named_result(text, outcome):
    assert extract(text, "negotiation")["arguments"]["outcome"]["value"] == outcome


@pytest.mark.parametrize(
    ("text", "action", "instrument"),
    [
        ("Iran is shipping fuel to the junta in violation of UN sanctions, a panel of experts said.", "evade", "sanctions"),
        ("The tanker fleet keeps selling crude far above the G7's $60 price cap, analysts said.", "evade", "price_cap"),
        ("Canada froze the assets of 20 tankers in Russia's shadow fleet on Monday.", "impose", "asset_freeze"),
        ("The Security Council voted to remove two ministers from its sanctions list on Friday.", "lift", "sanctions"),
        ("The United States will suspend its sanctions on Syria for 180 days.", "lift", "sanctions"),
        ("G7 leaders agreed that Russia's central bank assets will stay immobilised until Moscow pays.", "extend", "asset_freeze"),
        ("Tehran demanded that Washington lift sanctions on its oil exports before any talks.", "lift", "sanctions"),
        ("Colombia halted all exports and imports to and from Israel on Thursday.", "impose", "embargo"),
    ],
)
def test_sanctions_action_and_instrument(text, action, instrument):
    args = extract(text, "sanctions")["arguments"]
    assert (args["action"]["value"], args["instrument"]["value"]) == (action, instrument)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The rebels freed 40 detainees, among them soldiers of the government army, on Sunday.", "detainees"),
        ("The prisoner exchange agreed by the army and the rebels has yet to start, with lists of detainees disputed.", "detainees"),
        ("The militia freed three police officers it had held for a week.", "pows"),
        ("The Taliban freed American tourist John Smith on Thursday.", "detainees"),
        ("Khalifa Haftar's Libyan National Army proposed exchanging 20 prisoners each with rival forces.", "pows"),
        ("Baku rejected requests to free the Armenians it holds.", "detainees"),
        ("Soldiers escorted the 30 civilians freed by the rebels to the border.", "civilians"),
    ],
)
def test_swap_category_is_the_people_named_first(text, category):
    assert extract(text, "prisoner_swap")["arguments"]["category"]["value"] == category


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("The two sides agreed to swap 12 living hostages for 600 prisoners, officials said.", 612),
        ("Israel will return the bodies of 10 Palestinians for the remains of every hostage handed back.", None),
        ("Russia accused Kyiv of refusing to take back 300 of its captured soldiers.", 300),
        ("The rebels freed American aid worker John Smith on Friday.", 1),
        ("The group handed the remains of another deceased hostage to the Red Cross overnight.", 1),
        ("A Dutch tourist who strayed across the border was flown home on Monday in exchange for three Iranian fishermen.", 4),
        ("Kyiv said 120 of its soldiers had come home, while Moscow said 130 Russian servicemen were returned.", 250),
        ("The group will free 20 hostages in exchange for hundreds of prisoners held by the army.", None),
        ("Tehran denied negotiating a swap with Paris involving three detained French citizens.", None),
        ("The next stage of the swap, covering the wounded and those under 25, will take place on Monday.", None),
        ("The two sides completed a three-day exchange of 500 detainees on Sunday.", 500),
        ("The two sides exchanged the bodies of fallen soldiers, with 300 returned to Ukraine and 20 to Russia.", 320),
    ],
)
def test_swap_totals(text, total):
    got = extract(text, "prisoner_swap")["arguments"]["total"]
    assert (got or {}).get("value") == total


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Two drones laden with explosives detonated near the president during a parade in the capital.",
         {"drones_launched": 2, "target_type": "government"}),
        ("Three explosive-laden drones heading for Erbil airport, which hosts U.S.-led troops, were shot down overnight.",
         {"drones_intercepted": 3, "drones_launched": None}),
        ("Air defences shot down seven drones launched from Idlib at the Hmeimim air base.",
         {"drones_intercepted": 7, "drones_launched": None}),
        ("Russia launched 120 drones overnight, of which 80 were shot down and 30 were 'lost' to electronic warfare.",
         {"drones_launched": 120, "drones_intercepted": 110}),
        ("A Sudanese army drone strike near the village killed 15 civilians on Monday.", {"killed": 15, "target_type": "civilian"}),
        ("Israeli drones destroyed three missile launchers near Tabriz.", {"target_type": "military"}),
        ("A U.S. drone strike killed a senior commander of the group as he drove near Raqqa.", {"killed": 1, "target_type": "transport"}),
        ("An Israeli drone struck a motorcycle in the town, killing its rider.", {"killed": 1}),
        ("A drone strike on a house killed a man and his three sons.", {"killed": 4}),
        ("Drones hit a fuel depot overnight; no casualties were reported.", {"killed": None, "injured": None}),
    ],
)
def test_drone_counts_and_targets(text, want):
    args = extract(text, "drone_strike")["arguments"]
    assert {k: (args[k] or {}).get("value") for k in want} == want


def test_ages_video_calls_unfreezing_weighing_and_refusals():
    args = extract("A drone strike killed a 12-year-old boy in Kherson.", "drone_strike")["arguments"]
    assert args["killed"]["value"] == 1
    args = extract("The air force said it destroyed 60 of 90 drones launched overnight.", "drone_strike")["arguments"]
    assert (args["drones_launched"]["value"], args["drones_intercepted"]["value"]) == (90, 60)
    assert extract("A drone strike killed Hezbollah commander Ali Hassan on Monday.", "drone_strike")["arguments"]["killed"]["value"] == 1
    assert extract("Putin and Xi discussed the war in a video call on Monday.", "negotiation")["arguments"]["format"]["value"] == "phone_call"
    args = extract("The EU unfroze the assets of two businessmen on Friday.", "sanctions")["arguments"]
    assert (args["action"]["value"], args["instrument"]["value"]) == ("lift", "asset_freeze")
    assert extract("China restricted exports of drone parts to Ukraine.", "sanctions")["arguments"]["instrument"]["value"] == "export_ban"
    for text in ("Senators introduced legislation that would sanction buyers of Russian oil.",
                 "Washington is weighing new sanctions on Russian banks."):
        e = extract(text, "sanctions")
        assert (e["modality"], e["arguments"]["action"]["value"]) == ("proposed", "propose")
    assert extract("Negotiations on a truce have broken down, mediators said.", "negotiation")["modality"] == "stalled"
    assert extract("Hamas said it would not release the hostages due on Saturday.", "prisoner_swap")["modality"] == "stalled"
    e = extract("Venezuela released 10 Americans in exchange for a Maduro ally.", "prisoner_swap")
    assert e["arguments"]["total"]["value"] == 11


def test_new_talks_in_a_deal_are_planned_and_leaders_in_talks_hold_a_summit():
    assert extract("The two sides agreed that talks will resume in Doha next week.", "negotiation")["modality"] == "planned"
    assert extract("Efforts to end the fighting have stalled, diplomats said.", "negotiation")["modality"] == "stalled"
    e = extract("Donald Trump held talks with Vladimir Putin in Anchorage on Friday.", "negotiation")
    assert e["arguments"]["format"]["value"] == "summit"
    e = extract("Ukrainian and U.S. officials discussed the peace plan at talks in Geneva.", "negotiation")
    assert e["arguments"]["format"]["value"] == "talks"


def test_measure_words_with_amounts_and_bars():
    assert extract("Britain froze $3 billion of Russian central bank assets.", "sanctions")["arguments"]["instrument"]["value"] == "asset_freeze"
    assert extract("The EU barred exports of aircraft parts to Russia.", "sanctions")["arguments"]["instrument"]["value"] == "export_ban"
    e = extract("A drone attack on the city council building damaged offices.", "drone_strike")
    assert e["arguments"]["target_type"]["value"] == "government"


def test_possible_summits_are_proposed_and_continued_talks_ongoing():
    e = extract("The Kremlin said a Putin-Trump summit was possible in the coming weeks.", "negotiation")
    assert e["modality"] == "proposed"
    e = extract("Indirect talks between Iran and the United States continued in Muscat on Sunday.", "negotiation")
    assert e["modality"] == "ongoing"


def test_lives_lost_and_a_relative_count():
    assert extract("Eleven people lost their lives in the drone strike on the camp.", "drone_strike")["arguments"]["killed"]["value"] == 11
    e = extract("A drone hit an apartment block, wounding a woman and her daughter.", "drone_strike")
    assert e["arguments"]["injured"]["value"] == 2


@pytest.mark.parametrize(
    ("text", "modality", "action"),
    [
        ("Britain said it would sanction Russian intelligence officers over the poisoning.", "planned", "impose"),
        ("The EU has not yet agreed on its 19th sanctions package because of Slovak objections.", "stalled", "impose"),
        ("Iranian oil exports hit a record despite U.S. sanctions.", "occurred", "evade"),
        ("Trump has signed an executive order ending the Syria sanctions programme.", "occurred", "lift"),
    ],
)
def test_sanctions_announced_unagreed_defied_and_ended(text, modality, action):
    e = extract(text, "sanctions")
    assert (e["modality"], e["arguments"]["action"]["value"]) == (modality, action)


def test_a_bare_second_count_and_a_claim_denied_after_it():
    e = extract("The Houthis released 318 detainees and the government released 569.", "prisoner_swap")
    assert e["arguments"]["total"]["value"] == 887
    e = extract("Israel freed 1,968 Palestinian prisoners on Monday.", "prisoner_swap")
    assert e["arguments"]["total"]["value"] == 1968
    e = extract("Moscow accused Kyiv of a drone attack on Putin's residence, which Ukraine denied.", "drone_strike")
    assert e["modality"] == "denied"
