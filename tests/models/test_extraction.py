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
    # "On July 9, Trump said he was considering ...": the day of a statement about a bill, which is no date of the
    # measure (the labelled sets leave proposed and threatened sanctions undated).
    assert sanc["date"]["source"] == "published"


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


def where(text: str, event_type: str) -> tuple[str | None, str | None, str | None]:
    loc_ = extract(text, event_type)["location"] or {}
    return loc_.get("name"), loc_.get("admin1"), loc_.get("country")


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # A capital inside a larger division keeps it; accents do not matter; "department" names a division.
        ("Ethiopian and Eritrean delegations met in Pretoria on Monday for talks.", "negotiation", ("Pretoria", "Gauteng", "ZAF")),
        ("The government and the rebels will resume talks in Bogotá next month.", "negotiation", ("Bogotá", "Bogota", "COL")),
        ("A drone dropped explosives near the village of La Elvira, in Cauca department.", "drone_strike", ("Cauca", "Cauca", "COL")),
        # Where the parties travel is where they meet; an incident the talks are about is not.
        ("Both sides will send delegations to Geneva next week for talks.", "negotiation", ("Geneva", "Geneva", "CHE")),
        ("Kyiv rejected an invitation for its president to come to Moscow for talks.", "negotiation", ("Moscow", "Moscow City", "RUS")),
        ("Pakistan offered talks with India after the killing of 12 soldiers in Kashmir.", "negotiation", (None, None, None)),
        ("Armenia and Azerbaijan signed a peace deal at the White House on Friday.", "negotiation",
         ("White House", "District of Columbia", "USA")),
        # A part of a city lies in that city, whatever its homonyms elsewhere.
        ("Drones hit a block of flats in the Shevchenkivskyi district of Kyiv overnight.", "drone_strike",
         ("Shevchenkivskyi", "Kyiv City", "UKR")),
        ("The envoy met the president at the Miraflores palace in Caracas on Monday.", "negotiation",
         ("Caracas", "Capital District", "VEN")),
        # A town's variant spelling used as a first name; a condition; a list of countries.
        ("Moscow said it was open to more exchanges after the release of teacher Marc Fogel.", "prisoner_swap", (None, None, None)),
        ("Drones hit the Kharkov Tractor Plant overnight.", "drone_strike", ("Kharkiv", "Kharkiv", "UKR")),
        ("The Houthis threatened drone attacks on Saudi oil fields if Riyadh joined strikes on Yemen.", "drone_strike",
         (None, None, None)),
        ("The militia threatened drone attacks on U.S. bases in Iraq and Syria.", "drone_strike", (None, None, None)),
        # A swap happens neither where it is reported from, nor where the people were held, nor at a border crossing.
        ("Hamas handed over four hostages on Saturday, medical officials in Gaza said.", "prisoner_swap", (None, None, None)),
        ("Russia freed 30 soldiers captured in the Kursk region, Kyiv said.", "prisoner_swap", (None, None, None)),
        ("Israel returned 10 detainees at the Rafah crossing on Monday.", "prisoner_swap", (None, None, None)),
        ("The militants freed a wounded soldier, the last hostage in Gaza, on Monday.", "prisoner_swap", (None, None, None)),
        ("Hamas freed two hostages in Deir al-Balah on Monday.", "prisoner_swap", ("Deir al-Balah", "Gaza Strip", "PSE")),
        ("The group offered to free all captives in return for an end to the war in Gaza.", "prisoner_swap", (None, None, None)),
        # A compass word or a hyphen before the place, an attack "against" a country.
        ("Drones struck a fuel depot in north-western Tigray on Friday.", "drone_strike", ("Tigray", "Tigray", "ETH")),
        ("A drone hit a checkpoint in northeastern Jordan on Sunday.", "drone_strike", ("Jordan", None, "JOR")),
        ("Russia launched 80 drones against Ukraine overnight.", "drone_strike", ("Ukraine", None, "UKR")),
        # A homonym's reading in the country named next to it; a numbered site; a town that shares a historical name.
        ("A drone hit a bus on the outskirts of Jermuk, in Armenia.", "drone_strike", ("Jermuk", "Vayots Dzor", "ARM")),
        ("Two soldiers were hurt in a drone attack on Tower 22 overnight.", "drone_strike", ("Tower 22", "Mafraq", "JOR")),
        ("A drone exploded near a villa in Caesarea on Saturday.", "drone_strike", ("Caesarea", "Haifa", "ISR")),
        # A place called by its own name in the story's country beats a foreign one that has the name as a variant;
        # a division is a candidate against a town abroad, and a country named as a place anchors it.
        ("An Israeli drone strike on a house in Qana killed three people, Lebanon's health ministry said.", "drone_strike",
         ("Qâna", "South Lebanon", "LBN")),
        ("A drone struck a military post in al-Jawf province in northern Yemen.", "drone_strike", ("Al Jawf", "Al Jawf", "YEM")),
        ("Drones struck a car in Al Jawf, Yemen, killing two.", "drone_strike", ("Al Jawf", "Al Jawf", "YEM")),
        ("Drones struck a warehouse in Tripoli in northern Lebanon.", "drone_strike", ("Tripoli", "North Lebanon", "LBN")),
        # U.S. states, counties and voivodeships, a possessive country before a division, regions across divisions.
        ("The two presidents will meet in Alaska on Friday.", "negotiation", ("Alaska", "Alaska", "USA")),
        ("Drone fragments were found in Galati county on Tuesday.", "drone_strike", ("Galati", "Galati", "ROU")),
        ("A drone attack set fire to a refinery in Russia's Krasnodar Krai.", "drone_strike", ("Krasnodar", "Krasnodar", "RUS")),
        ("Drones struck a market in Darfur on Monday.", "drone_strike", ("Darfur", None, "SDN")),
        ("A drone was shot down over the Negev desert.", "drone_strike", ("Negev", "Southern District", "ISR")),
        # The event answered, and a meeting agreed in a call, are not where the event happens.
        ("The Houthis threatened drone attacks on U.S. warships in retaliation for strikes on Hodeidah.", "drone_strike",
         (None, None, None)),
        ("Putin and Erdogan agreed in a phone call on Monday to meet in Ankara.", "negotiation", (None, None, None)),
    ],
)
def test_event_place(text, event_type, place):
    assert where(text, event_type) == place


def when(text: str, event_type: str, published: str) -> str | None:
    d = extract(text, event_type, published)["date"]
    return None if d["source"] == "published" else d["value"]


@pytest.mark.parametrize(
    ("text", "event_type", "published", "value"),
    [
        # A plan reads forward, one already past does not.
        ("The two sides agreed to exchange 200 detainees in March, a mediator said.", "prisoner_swap", "2025-12-19", "2026-03"),
        ("Kyiv has not agreed to attend talks in Istanbul on Monday, an official said.", "negotiation", "2025-05-31", "2025-06-02"),
        ("Ministers are set to extend the sanctions on Iran for another year at their meeting in Brussels on Thursday.",
         "sanctions", "2025-06-25", "2025-06-26"),
        ("The release of 100 prisoners that had been due on Saturday was delayed.", "prisoner_swap", "2025-02-23", "2025-02-22"),
        ("The two sides expect to exchange 200 prisoners before the end of the year.", "prisoner_swap", "2025-10-06", "2025"),
        # A reported clause keeps its date; an event's own possessive date is no statement date.
        ("The drone strike, which the governor said killed four soldiers on Tuesday, hit a base.", "drone_strike", "2025-06-26",
         "2025-06-24"),
        ("The mayor said yesterday's drone attack on Sumy killed five people.", "drone_strike", "2025-06-03", "2025-06-02"),
        # Sanctions date from when they bite.
        ("The president signed an order on Monday imposing a 30% tariff, with the duty to take effect on March 3.",
         "sanctions", "2025-02-12", "2025-03-03"),
        # Background: a reduced relative clause, the act of stopping talks, a deal for a later swap, a date naming
        # another event, a condition, a speech.
        ("Thailand delayed the return of 10 soldiers captured in May.", "prisoner_swap", "2025-11-11", None),
        ("Drones hit a depot on Sunday, despite a truce agreed in April.", "drone_strike", "2025-10-20", "2025-10-19"),
        ("The government suspended peace talks with the rebel faction on Wednesday after an ambush.", "negotiation",
         "2025-04-17", None),
        ("The two sides agreed in Doha yesterday to release 500 detainees.", "prisoner_swap", "2025-12-24", None),
        # a town ending in "-ing" or "-ed" is no verb that starts a new clause
        ("The two sides agreed in Nanning on Friday to swap 40 detainees.", "prisoner_swap", "2025-12-24", None),
        ("The U.S. warned it would freeze the assets of anyone who rigged the March 3 election.", "sanctions", "2025-02-20", None),
        ("Trump said Russia would face sanctions if Putin did not agree to a truce after their meeting on Friday.",
         "sanctions", "2025-08-14", None),
        ("The rebel leader threatened drone strikes on the capital in a speech broadcast on Sunday.", "drone_strike",
         "2025-03-03", None),
        # A statement however long its issuer's name, a past perfect, a meeting beside a swap date no event.
        ("The rebels said they were ready to resume talks, in a statement issued by the group's political wing on Friday.",
         "negotiation", "2025-03-04", None),
        ("Trump gave Moscow ten days to agree a truce or face sanctions, shortening the deadline he had set earlier this month.",
         "sanctions", "2025-07-29", None),
        ("Moscow is ready to return 500 bodies, its negotiator said after Tuesday's talks in Istanbul.", "prisoner_swap",
         "2025-06-05", None),
        ("The archbishop offered help with a new exchange of prisoners during a meeting with the president on Sunday.",
         "prisoner_swap", "2025-05-19", None),
        # Talks and sanctions are decided at meetings; a lifting bites once signed into law.
        ("The negotiators said after Tuesday's talks in Istanbul that more rounds would follow.", "negotiation", "2025-06-05",
         "2025-06-03"),
        ("Parliament passed a bill on Tuesday lifting sanctions on Syria, and the president is expected to sign it into law next "
         "month.", "sanctions", "2025-12-18", "2026-01"),
    ],
)
def test_event_date(text, event_type, published, value):
    assert when(text, event_type, published) == value


def test_accuracy_floor_on_the_independent_test_set():
    """Never tuned on: extraction_test.jsonl was written after the rules, by someone who did not see them."""
    from models.extraction import evaluate as xe

    report = xe.evaluate(xe.load(xe.TEST_FILE))
    fields = report["fields"]
    mean = sum(v["accuracy"] for v in fields.values()) / len(fields)
    assert mean >= 0.94, fields  # 0.954 on 2026-12-04 (0.900 on 2026-12-02)
    assert min(v["accuracy"] for v in fields.values()) >= 0.88, fields  # actors 0.899 (participants 0.691 on 2026-12-02)
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
        # a heliport is an air base; armoured columns and missile stores are military; a leadership site is government
        ("Drones struck the Ka-52 helicopter base at Berdiansk overnight.", "air_base"),
        ("Army drones destroyed a column of armoured vehicles near Bakhmut.", "military"),
        ("A drone attack set fire to a depot of artillery shells near Kursk.", "military"),
        ("The militia threatened drone strikes on decision-making centres in the capital.", "government"),
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
    ("text", "participants", "mediator"),
    [
        # a host named as such, not a side
        ("Sudan's army and the RSF will resume talks in Jeddah next week, with Saudi Arabia acting as host.", {"SDN"}, "SAU"),
        # "mediators have handed X a draft": X receives it, it does not mediate
        ("Egyptian mediators have handed Israel and Hamas a new truce proposal.", {"ISR", "PSE"}, "EGY"),
        # the passive's agent mediates, not the party before it
        ("Russia will join talks with Ukraine hosted by Turkish officials in Istanbul.", {"RUS", "UKR"}, "TUR"),
        ("Norway may soon walk away from its mediation between Colombia and the ELN, the minister said.", {"COL"}, "NOR"),
        ("Talks between Ethiopia and Somalia resumed, with Turkish diplomats carrying proposals between the delegations.",
         {"ETH", "SOM"}, "TUR"),
        ("The talks between Kinshasa and Kigali were postponed, said Kenya, which was due to host them.", {"COD", "RWA"}, "KEN"),
        ("India and Pakistan agreed to a truce reached with Saudi Arabia's good offices.", {"IND", "PAK"}, "SAU"),
        ("Beijing offered to host talks between Thailand and Cambodia, China's foreign ministry said.", {"THA", "KHM"}, "CHN"),
        # thanks name a mediator only for mediating
        ("Zelenskiy thanked Erdogan for hosting the talks between Ukraine and Russia.", {"UKR", "RUS"}, "TUR"),
        ("Putin thanked Trump for the phone call and said Russia was ready for talks.", {"RUS", "USA"}, None),
        # who sponsors, convenes or chairs talks between others
        ("Armenia and Azerbaijan resumed talks in Almaty under Kazakh sponsorship.", {"ARM", "AZE"}, "KAZ"),
        ("Ethiopia and Somalia signed a declaration after talks convened by Turkey.", {"ETH", "SOM"}, "TUR"),
        ("Sudanese and South Sudanese officials met in Juba, with Kenyan President William Ruto chairing the talks.",
         {"SDN", "SSD"}, "KEN"),
        # a verb after "mediators" ends the cue; an offer after "by phone and" is the subject's
        ("Egyptian and Qatari mediators met Israeli and Hamas negotiators in Doha.", {"ISR", "PSE"}, "EGY"),
        ("Erdogan discussed a ceasefire with Putin by phone and offered to host talks.", {"TUR", "RUS"}, None),
        # who works for a deal between others, who offers a venue
        ("Kenya's president said Nairobi was working with Uganda to secure a ceasefire between Ethiopia and Eritrea.",
         {"ETH", "ERI"}, "KEN"),
        ("Pope Leo offered the Vatican as a venue for talks between Armenia and Azerbaijan.", {"ARM", "AZE"}, "VAT"),
        ("Sudan's army and the RSF were invited to talks by Egypt and Turkey, co-hosts of the process.", {"SDN"}, "EGY"),
        ("Colombia's government and the ELN met in Havana, with Norway, a guarantor of the talks, present.", {"COL"}, "NOR"),
        ("Kosovo and Serbia agreed on a roadmap at talks overseen by France.", {"XKX", "SRB"}, "FRA"),
        ("Armenia and Azerbaijan agreed to a truce after weeks of U.S.-led diplomacy.", {"ARM", "AZE"}, "USA"),
        ("Congo and Rwanda signed a deal in Washington negotiated with help from Qatar.", {"COD", "RWA"}, "QAT"),
        # who puts a plan to two other sides mediates; with one other side the proposer is a side
        ("Egypt presented a plan under which Hamas would free hostages and Israel would pull back its troops.",
         {"PSE", "ISR"}, "EGY"),
        ("Sudan's army rejected a truce plan that Washington had proposed.", {"SDN", "USA"}, None),
        ("The Houthis and Saudi Arabia have held back-channel talks with Omani help, sources said.", {"YEM", "SAU"}, "OMN"),
        # a host with one guest is the other side
        ("Erdogan hosted Aliyev in Ankara on Tuesday.", {"TUR", "AZE"}, None),
        # a fronted phrase ends at its comma: what follows is no list of mediators
        ("After weeks of shuttle diplomacy by Oman, Iran and the United States agreed to meet.", {"IRN", "USA"}, "OMN"),
        # a head of government the gazetteer does not know hosts in his own country
        ("Belize and Guatemala agreed to a border commission after talks in Barbados hosted by Prime Minister Jon Doe.",
         {"BLZ", "GTM"}, "BRB"),
        # the nearest name before a subjectless verb of mediating controls it; who takes up or turns down an offer does not
        ("Norway said on Tuesday it was ready to mediate between Colombia and the ELN.", {"COL"}, "NOR"),
        ("Brazil's Lula offered last week to help broker a truce between Russia and Ukraine.", {"RUS", "UKR"}, "BRA"),
        ("Kenya welcomed the prospect of hosting talks between Ethiopia and Eritrea.", {"ETH", "ERI"}, "KEN"),
        ("Pakistan accepted an offer from Saudi Arabia to host talks with India.", {"PAK", "IND"}, "SAU"),
        ("India rejected an offer to mediate its dispute with Pakistan.", {"IND", "PAK"}, None),
        ("Ethiopia and Eritrea agreed to facilitate the return of displaced people after talks.", {"ETH", "ERI"}, None),
        # more ways to mediate: good offices offered, serving as facilitators, pushing two sides toward a deal, chairing
        ("Indonesia offered its good offices to Thailand and Cambodia on Friday after days of border clashes.",
         {"THA", "KHM"}, "IDN"),
        ("Sudan's army and the RSF signed a pledge in Jeddah, with Saudi and U.S. officials serving as facilitators.",
         {"SDN"}, "SAU"),
        ("Egypt is working with the United States and Qatar to push Israel and Hamas toward a deal, sources said.",
         {"ISR", "PSE"}, "EGY"),
        ("Zelensky and Putin could meet in Turkey, Turkish officials said, adding that Erdogan would chair any summit.",
         {"UKR", "RUS"}, "TUR"),
        # the subject of a finite verb of hosting, past a relative clause; who brings two sides together; a phrase
        # inserted after the subject names no side
        ("Kenya's President William Ruto, who chairs the regional bloc, will host talks between Ethiopia and Eritrea.",
         {"ETH", "ERI"}, "KEN"),
        ("The Arab League's panel, led by former Egyptian minister Amr Moussa, brought Sudan and Chad together in Cairo.",
         {"SDN", "TCD"}, None),
        # "host" before a name is a noun only when no verb form comes before it
        ("Turkey is ready to host Russia and Ukraine for talks, Erdogan said.", {"RUS", "UKR"}, "TUR"),
        # who meets two delegations separately, an intermediary named with "as", an invitation
        ("Omani Foreign Minister Badr Albusaidi met the Iranian and U.S. delegations separately in Muscat.",
         {"IRN", "USA"}, "OMN"),
        ("Morocco and Algeria agreed to reopen the border, with Saudi Arabia as intermediary.", {"MAR", "DZA"}, "SAU"),
        ("Armenia and Azerbaijan met in Astana at Kazakhstan's invitation.", {"ARM", "AZE"}, "KAZ"),
        # a mediator described, not named, is the one name in its sentence that is no side
        ("Israel's raid has put the ceasefire talks with Hamas on hold, Qatar's emir said, condemning an attack on a state "
         "that has been mediating between the two sides.", {"ISR", "PSE"}, "QAT"),
        # who hosts talks with another is a side
        ("Ukraine hosted talks with a U.S. delegation in Kyiv.", {"UKR", "USA"}, None),
        # a plan several drafted for two others; a plan put to one other side is the proposers' talks with it
        ("Serbia and Kosovo agreed in Brussels on a plan drafted by France and Germany.", {"SRB", "XKX"}, "FRA"),
        ("Egypt and Qatar have proposed a new truce plan to Israel.", {"EGY", "QAT", "ISR"}, None),
        # a speaker that goes on about talks it mediated
        ("Israel and Hamas agreed to a truce, Egypt said, adding that it had mediated for months.", {"ISR", "PSE"}, "EGY"),
    ],
)
def test_negotiation_mediator_cues(text, participants, mediator):
    e = extract(text, "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == participants
    assert (e["arguments"]["mediator"] or {}).get("country") == mediator


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # an attacker named by an adjective, a linked group, a measure's author, a route's end
        ("Armenian and Azerbaijani envoys met in Abu Dhabi as Russian strikes on Ukraine intensified.", {"ARM", "AZE"}),
        ("Burkina Faso's junta held talks with the al-Qaeda-affiliated JNIM over a truce.", {"BFA", "MLI"}),
        ("The rebels and the government of Myanmar held talks, citing new EU sanctions on the junta.", {"MMR"}),
        ("Sudan and South Sudan agreed to reopen flights from Khartoum to Cairo after talks.", {"SDN", "SSD"}),
        # a party only in a clause about another, earlier event
        ("Zelenskiy will speak with Macron today, two days after the French leader's call with Vladimir Putin.", {"UKR", "FRA"}),
        # the occasion, the whole object of "discuss", whom a plan is for, a reaction
        ("Kazakh and Kyrgyz leaders met on the sidelines of the SCO summit in Astana.", {"KAZ", "KGZ"}),
        ("Trump met Erdogan at the White House to discuss Gaza and Syria's new government.", {"USA", "TUR"}),
        ("Witkoff met Putin to present a peace plan for Ukraine.", {"USA", "RUS"}),
        ("Orban met Putin in Moscow, drawing criticism from Poland.", {"HUN", "RUS"}),
        # a body's building is where they meet; who looks on is no side
        ("Israeli and Syrian officials met at the UN compound in Damascus, with U.S. and French diplomats present.",
         {"ISR", "SYR"}),
        ("Thai and Cambodian commanders met at the border under the watch of ASEAN observers.", {"THA", "KHM"}),
        # a source is no side once two others are; with one other it is the second side
        ("Russia and Ukraine held talks in Istanbul, the Polish government said, urging both sides to keep their word.",
         {"RUS", "UKR"}),
        ("Talks with Moscow will resume next week, Zelenskiy said.", {"UKR", "RUS"}),
        ("Russian and Ukrainian delegations met in Istanbul. Germany's chancellor said the talks were a first step.",
         {"RUS", "UKR"}),
        ("Pakistan and India agreed to a ceasefire on Saturday. China praised the decision.", {"PAK", "IND"}),
        ("Iran and the United States held talks in Rome. Israel has threatened to strike Iran if the talks fail.",
         {"IRN", "USA"}),
        # ... but a speaker who goes on about itself is a side
        ("Azerbaijan said it had agreed with Armenia and Georgia to hold talks on transit routes.", {"AZE", "ARM", "GEO"}),
        ("Moscow said the Minsk agreements were dead and that it would talk to Ukraine only on new terms.", {"RUS", "UKR"}),
        # a border commission is a party, not a border
        ("Kyrgyz and Tajik border commissions met on Tuesday to continue delimiting their frontier.", {"KGZ", "TJK"}),
        # what talks are on, over a coordination
        ("Trump and Xi held talks on Ukraine and Taiwan in Busan.", {"USA", "CHN"}),
        ("Russia and China pledged to coordinate on Iran at a meeting in Moscow.", {"RUS", "CHN"}),
        # a meeting of a body's ministers is the occasion; another state's threat is a topic
        ("Laos and Vietnam traded views at a meeting of the ASEAN foreign ministers in Manila.", {"LAO", "VNM"}),
        ("Japan and South Korea agreed at a summit to deepen ties in the face of North Korea's missile threat.",
         {"JPN", "KOR"}),
        # a city naming talks held there; a capital standing for its government
        ("The Doha talks between Israel and Hamas resumed on Monday.", {"ISR", "PSE"}),
        ("Juba and Khartoum agreed to reopen the border after talks.", {"SSD", "SDN"}),
        # a post's brief names no side
        ("Trump's envoy for Ukraine met Belarusian leader Alexander Lukashenko in Minsk.", {"USA", "BLR"}),
        # names the chunk scan cannot see whole
        ("North and South Korea held military talks at Panmunjom.", {"PRK", "KOR"}),
        ("The two Koreas agreed to restore their hotline.", {"PRK", "KOR"}),
    ],
)
def test_negotiation_parties_exclude_topics_and_earlier_events(text, participants):
    assert {p["country"] for p in extract(text, "negotiation")["arguments"]["participants"]} == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # once the talk predicate binds two sides, a name in a background clause is none
        ("Kenyan and Ugandan negotiators met in Arusha on Monday, as Tanzania warned against any deal.", {"KEN", "UGA"}),
        ("Japanese and South Korean diplomats held talks in Seoul, Japanese media reported, citing a Chinese official.",
         {"JPN", "KOR"}),
        ("Algeria and Morocco will hold talks in Rabat if France agrees to attend.", {"DZA", "MAR"}),
        ("Peru's president met Bolivia's foreign minister in Lima, the first such meeting since Chile recalled its envoy.",
         {"PER", "BOL"}),
        # ... and so is one the predicate does not bind: what the sides said at the talks
        ("Macron told Zelenskiy at talks in Paris that France would keep arming Ukraine against Russia.", {"FRA", "UKR"}),
        # with one side bound, the other may be anywhere
        ("Hamas accepted the plan, an official said, while Israel said it was still studying it.", {"PSE", "ISR"}),
        # who floated a plan another dismissed is the other side; a plan put to two others is mediation
        ("Ukraine rejected a peace plan floated by Brazil, saying it favoured Russia.", {"UKR", "BRA"}),
        ("Israel and Hamas are studying a truce proposal presented by Egypt.", {"ISR", "PSE"}),
        # the noun "meeting" binds nobody; the first object of a verb of giving is a side
        ("Pakistan's army chief met U.S. President Donald Trump at the White House, in a meeting India criticised.",
         {"PAK", "USA"}),
        ("Britain, France and Germany handed Iran a new proposal in Geneva, as Russia objected.", {"GBR", "FRA", "DEU", "IRN"}),
        # a verb after a side is not a modifier of its delegates
        ("Serbia and Kosovo agreed in Brussels to new talks. Albania sent senior officials to observe.", {"SRB", "XKX"}),
        # a side the gazetteer does not know, joined to one it does, is the second side
        ("Bolivia's government and the opposition Civic Committee met in La Paz, with Chile and Peru observing.", {"BOL"}),
        # telling another side is talking to it, and what one tells the other names no side; a person's nationality
        ("Lebanese President Joseph Aoun told visiting U.S. envoy Tom Barrack that Israel must withdraw from the south.",
         {"LBN", "USA"}),
        ("UN envoy Geir Pedersen, a Norwegian diplomat, met Syrian Foreign Minister Asaad al-Shaibani in Damascus.", {"SYR"}),
        # more ways a predicate binds: an absolute clause's subject, a fronted phrase, a quote before the attribution,
        # a noun of a group, a coordination of prepositional phrases
        ("U.S.-brokered talks in Riyadh ended with Russia and Ukraine agreeing to a truce at sea, as Poland warned of "
         "Russian tricks.", {"RUS", "UKR"}),
        ("Hours after a call with Trump, the Kremlin said Putin had agreed to a truce, while Kyiv warned of a trick.",
         {"USA", "RUS"}),
        ("No progress was made, Kremlin aide Yuri Ushakov said after Putin met Witkoff in Moscow, as Ukraine's allies met "
         "in London.", {"RUS", "USA"}),
        ("Rival Palestinian factions Hamas and Fatah met in Cairo, with Jordan and Qatar watching closely.", {"PSE"}),
        ("Ministers from ECOWAS and from Mali and Niger met in Lome, as Nigeria's president called for calm.",
         {"ECOWAS", "MLI", "NER"}),
        # talks with no owner of their own in a speaker's report are the speaker's
        ("Iran's foreign minister said on Sunday that talks with Britain, France and Germany would continue.",
         {"IRN", "GBR", "FRA", "DEU"}),
        # the agent of a passive ("agreed by")
        ("A ceasefire brokered by Malaysia was agreed by Thailand and Cambodia on Monday, as China called for restraint.",
         {"THA", "KHM"}),
        # an envoy visits the government whose capital it goes to
        ("U.S. envoy Tom Barrack arrived in Beirut on Monday.", {"USA", "LBN"}),
    ],
)
def test_negotiation_sides_are_what_the_talk_predicate_binds(text, participants):
    assert {p["country"] or p["name"] for p in extract(text, "negotiation")["arguments"]["participants"]} == participants


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        ("Sudan's army and the RSF resumed African Union-led talks in Addis Ababa.", "African Union"),
        ("Libya's rival governments joined United Nations-backed talks in Geneva.", "United Nations"),
    ],
)
def test_a_body_of_several_words_leading_talks_mediates(text, mediator):
    assert (extract(text, "negotiation")["arguments"]["mediator"] or {}).get("name") == mediator


def test_a_side_of_a_call_that_offers_to_host_later_talks_stays_a_side():
    e = extract("Qatar's emir told Donald Trump in a phone call that Doha was ready to host talks on Gaza.", "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == {"QAT", "USA"}
    assert e["arguments"]["mediator"] is None


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        # who adopts another's package imposes it
        ("Norway adopted the EU's latest sanctions package against Belarus on Friday.", "NOR", "BLR"),
        # the author of the measure retaliated against is the target
        ("China could ban exports of rare earths to Japan in retaliation for Tokyo's restrictions, Beijing said.", "CHN", "JPN"),
        # who is asked to act imposes; who asks for relief is the target
        ("Belarus demanded that the European Union lift sanctions on its potash exports.", "European Union", "BLR"),
        ("Ukraine urged the EU to impose sanctions on Iranian drone makers.", "European Union", "IRN"),
        # the evader is the target, not the buyer its cargo goes to
        ("Iranian oil keeps flowing to India on tankers that switch off transponders, helping Tehran skirt U.S. sanctions.",
         "USA", "IRN"),
        ("Eritrea continues to import arms far beyond the limits set by a UN embargo, monitors said.", "United Nations", "ERI"),
        ("The United States threatened Cuba with new sanctions if it kept hosting Russian warships.", "USA", "CUB"),
        # a party named after the measure does not keep the one before it from being the imposer
        ("The U.S. Treasury denied reports that it would ease sanctions on Myanmar in exchange for the release of two Americans.",
         "USA", "MMR"),
        ("A bill before the U.S. Congress would repeal the sanctions law targeting Nicaragua.", "USA", "NIC"),
        # the subject of a halt or ban; a union that only classifies the subject is not it
        ("Georgia halted all imports of wine from Moldova on Tuesday.", "GEO", "MDA"),
        ("Latvia became the first NATO member to ban all trade with Belarus.", "LVA", "BLR"),
        # who breaks a measure is its target; the goods' origin comes before their buyer
        ("Iran has sold oil to China in violation of U.S. sanctions, officials said.", "USA", "IRN"),
        ("Indian Oil Corp denied buying Venezuelan crude in breach of U.S. sanctions.", "USA", "VEN"),
        # who is told to act or face a measure; who is asked to include a company of a state
        ("Trump gave Iran two weeks to return to talks or face new sanctions.", "USA", "IRN"),
        ("Kyiv urged Japan to include Russia's biggest shipping company in its sanctions list.", "JPN", "RUS"),
        # the U.S. legislature named without "U.S."
        ("A Senate bill that would sanction Nicaragua's leaders has stalled.", "USA", "NIC"),
        ("Congress passed a bill that lifts the sanctions on Syria.", "USA", "SYR"),
        ("A bill introduced in the House of Representatives would impose sanctions on Cuba.", "USA", "CUB"),
        ("The Treasury lifted sanctions on Belarus's state potash company on Thursday.", "USA", "BLR"),
        # the subject's own ban on its exports
        ("Mali's junta banned exports of gold to Switzerland.", "MLI", "CHE"),
        # who joins others in a measure imposes it, and so do its conjuncts
        ("Japan joined the EU and the U.S. in lowering the price cap on Russian oil, Japan's finance ministry said.",
         "JPN", "RUS"),
        ("Canada and Australia joined Britain in sanctioning Iranian officials.", "CAN", "IRN"),
        # who is urged to tighten a measure imposes it; a body's resolution is its measure, not the vetoer's
        ("Lithuania's foreign minister urged the G7 to cut its price cap on Russian crude, saying Moscow still earned too "
         "much.", "G7", "RUS"),
        ("Russia vetoed a UN Security Council resolution on Tuesday that would have extended sanctions on South Sudan.",
         "United Nations", "SSD"),
        # warned that it would face sanctions; a neighbour whose border is closed
        ("The G7 warned Iran that it would face new sanctions if talks failed.", "G7", "IRN"),
        ("Nigeria and Niger agreed to close borders with Chad and impose trade sanctions.", "NGA", "TCD"),
        # banned goods on their way to the target; an arms embargo's owner
        ("Armenia denied that it was helping to re-export Western electronics to Russia in violation of EU sanctions.",
         "European Union", "RUS"),
        ("Iranian weapons components keep reaching the Houthis in violation of the UN arms embargo, experts said.",
         "United Nations", "YEM"),
        # a price before the measure still makes its owner the imposer
        ("Tankers kept carrying crude above the G7's $60 price cap, a Finnish think tank said.", "G7", None),
    ],
)
def test_sanctions_imposer_and_target(text, imposer, target):
    args = extract(text, "sanctions")["arguments"]
    assert ((args["imposer"] or {}).get("country") or (args["imposer"] or {}).get("name")) == imposer
    assert (args["target"] or {}).get("country") == target


def test_a_swap_that_mediators_announced_has_no_mediator_among_its_sides():
    e = extract("A swap of prisoners between Armenia and Azerbaijan that mediators had proposed was delayed.", "prisoner_swap")
    assert e["arguments"]["mediator"] is None
    assert {(a["role"], a["country"]) for a in e["actors"]} == {("participant", "ARM"), ("participant", "AZE")}


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        ("The United States and Iran completed a prisoner swap in Doha, with Qatar acting as intermediary.", "QAT"),
        ("Oman said Iran and France had agreed to free two detainees each under its mediation, which took months.", "OMN"),
        ("Belarus freed a Polish journalist in a swap with Poland that Lithuania's security service helped arrange.", "LTU"),
        # who carries out the exchange before who sponsored the talks; the author of a swap plan between two others
        ("Armenia and Azerbaijan agreed to swap detainees after UN-sponsored talks, and the ICRC will carry out the exchange.",
         "International Committee of the Red Cross"),
        ("Under a plan put forward by Qatar, Russia would free 50 Ukrainian soldiers in exchange for 50 Russian soldiers.",
         "QAT"),
        # who oversees the handover
        ("The United States and Venezuela swapped prisoners at an airport, with Qatari officials overseeing the handover.",
         "QAT"),
        # a party before a phrase about the mediators is none
        ("Russia said the lists had been passed to Kyiv through Turkish mediators.", "TUR"),
        # the broker of the truce the swap falls under is behind the Red Cross that takes the captives
        ("The Houthis freed 40 soldiers to the Red Cross on Sunday under the Saudi-brokered truce, and the government freed "
         "60 fighters.", "International Committee of the Red Cross"),
    ],
)
def test_swap_mediator_cues(text, mediator):
    e = extract(text, "prisoner_swap")
    assert (e["arguments"]["mediator"]["country"] or e["arguments"]["mediator"]["name"]) == mediator
    assert mediator not in {a["country"] for a in e["actors"] if a["role"] == "participant"}


def test_a_swap_arranged_with_a_third_state_s_help_is_mediated():
    e = extract("Armenia and Azerbaijan swapped six detainees on Friday in an exchange arranged with Georgia's help.",
                "prisoner_swap")
    assert e["arguments"]["mediator"]["country"] == "GEO"


def roles(e: dict) -> set[tuple[str, str | None]]:
    return {(a["role"], a["country"]) for a in e["actors"]}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the accused in a denial attacked; whoever made the claim was attacked
        ("Iran's army denied carrying out a drone strike on a village in Iraq's Erbil province.", {("initiator", "IRN")},
         {("target", "IRN")}),
        ("Israel denied claims by Lebanese officials that its drone had hit an ambulance.", {("initiator", "ISR"), ("target", "LBN")},
         set()),
        ("Ukraine's military denied Belarusian claims that Ukrainian drones had hit a fuel depot.", {("target", "BLR")}, set()),
        ("Hezbollah dropped explosives from drones onto an army post near Metula.", {("initiator", "LBN")}, set()),
        ("Harakat al-Nujaba threatened to step up drone attacks on U.S. bases.", {("initiator", "IRQ")}, set()),
        ("Hezbollah threatened to strike Israeli gas platforms with drones.", {("initiator", "LBN"), ("target", "ISR")}, set()),
        # who holds the place that was hit is the target
        ("A Ukrainian drone struck a fuel depot near Horlivka, which Russia captured in 2014.", {("target", "RUS")}, set()),
        # who reports an attack is not its author; a passive's subject is its target
        ("Ukraine's military said drones launched by Russia hit Kharkiv overnight.", {("initiator", "RUS")}, {("initiator", "UKR")}),
        ("Any ship bound for Israeli ports will be targeted with drones, the Houthis warned.", set(), {("initiator", "ISR")}),
        ("Saudi air defences intercepted a drone launched from Iraq by Kataib Hezbollah.", {("initiator", "IRQ")}, set()),
        # a time phrase inside a threat; who blames another was attacked
        ("The Houthis threatened on Monday to strike Saudi oil facilities with drones.", {("initiator", "YEM")}, set()),
        ("Drones struck an army convoy near Gao on Friday, with Mali's junta blaming JNIM fighters.", {("target", "MLI")}, set()),
        # a state that downed drones, whose sites were struck, who accuses another or reports another's attack
        ("Russia said it destroyed 40 Ukrainian drones over the Belgorod region.", {("target", "RUS"), ("initiator", "UKR")},
         {("initiator", "RUS")}),
        ("Israeli drones struck Hezbollah targets near Tyre.", {("initiator", "ISR"), ("target", "LBN")}, {("initiator", "LBN")}),
        ("Armenia accused Azerbaijan of a drone attack on its border posts.", {("target", "ARM"), ("initiator", "AZE")}, set()),
        ("Ukraine said Russia launched 120 drones overnight.", {("target", "UKR"), ("initiator", "RUS")}, set()),
        ("Moscow accused Kyiv of attacking a power plant in Kursk with drones.", {("target", "RUS"), ("initiator", "UKR")},
         {("initiator", "RUS")}),
        ("Kyiv was attacked by Russian drones overnight, the mayor said.", {("target", "UKR"), ("initiator", "RUS")}, set()),
        ("Russian air defences destroyed 80 Ukrainian drones over the Kursk region, Moscow said.",
         {("target", "RUS"), ("initiator", "UKR")}, {("initiator", "RUS")}),
        ("The Malian army accused JNIM of drone strikes on its base near Gao.", {("target", "MLI"), ("initiator", "MLI")}, set()),
    ],
)
def test_drone_strike_sides(text, present, absent):
    got = roles(extract(text, "drone_strike"))
    assert present <= got and not absent & got, got


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a patron in a modifier is no party; whose military speaks of drones it launched is no target
        ("Drone attacks claimed by Yemen's Iran-aligned Houthi movement hit a tanker. A Houthi military spokesman said five "
         "drones had been launched.", {("initiator", "Yemen")}),
        # an accuser after a relative clause or a verb of saying was attacked
        ("The M23 rebels who hold the town blamed Congo's army for a drone strike on Bunagana.",
         {("initiator", "Democratic Republic of the Congo"), ("target", "M23")}),
        ("A drone hit a convoy in northern Iraq on Friday, the SDF said, blaming Turkey.",
         {("initiator", "Turkey"), ("target", "Syrian Democratic Forces"), ("target", "IRQ")}),
        # its drones under a longer name; a claim after an apposition
        ("Ukraine's SBU security service said its Sea Baby naval drones struck a tanker.", {("initiator", "Ukraine")}),
        ("Drones struck a U.S. base, and the Islamic Resistance in Iraq, a coalition of militias, claimed the attack.",
         {("initiator", "Islamic Resistance in Iraq"), ("target", "United States")}),
        # who holds the ground that was hit; what was set ablaze
        ("Sudan's army said its drones struck an airport in RSF-held territory.",
         {("initiator", "Sudan"), ("target", "Rapid Support Forces")}),
        ("Drones set ablaze Saudi Aramco's refinery.", {("target", "Saudi Arabia")}),
        # a military that says it struck is the attacker, not a defender
        ("Russia's defence ministry said it had struck a Ukrainian drone depot with Geran drones overnight.",
         {("initiator", "Russia"), ("target", "Ukraine")}),
        ("The Kyiv-based general staff said it had hit a refinery in Saratov with long-range drones.",
         {("initiator", "Ukraine"), ("target", "RUS")}),
        # unnamed government forces blamed: the state whose ground was hit
        ("A drone struck a market in Kidal, killing nine people, residents said, accusing government forces of carrying out "
         "the attack.", {("initiator", "MLI")}),
        # a time phrase after the verb of saying; its forces used named drones; who says it was shot at was attacked
        ("The Sudanese army said on Monday it had launched drones at RSF positions near El Fasher.",
         {("initiator", "Sudan"), ("target", "Rapid Support Forces")}),
        ("Israel's army said its forces used loitering munitions to destroy a launcher in southern Lebanon.",
         {("initiator", "Israel"), ("target", "LBN")}),
        ("The RSF said they were shot at by Sudanese army drones near Nyala.",
         {("initiator", "Sudan"), ("target", "Rapid Support Forces")}),
        # a junta post hit by rebels of the same country: the state is the target
        ("The Kachin Independence Army used drones to bomb a junta outpost near Bhamo.",
         {("initiator", "Kachin Independence Army"), ("target", "MMR")}),
        # a subject with its allies killed; whose fighters were killed was attacked
        ("Nigeria's army and its regional partners killed 20 Boko Haram fighters in a drone strike.",
         {("initiator", "Nigeria"), ("target", "Boko Haram")}),
        # a claim after an apposition or a time phrase; who says it killed fighters claims the strike
        ("The Islamic Resistance in Iraq, a coalition of militias, said it had launched drones at a U.S. base.",
         {("initiator", "Islamic Resistance in Iraq"), ("target", "United States")}),
        ("The Kachin Independence Army said on Monday that its drones had hit a junta outpost near Bhamo.",
         {("initiator", "Kachin Independence Army"), ("target", "MMR")}),
        ("Niger's army said it had killed 30 Boko Haram fighters in drone strikes near Diffa.",
         {("initiator", "Niger"), ("target", "Boko Haram")}),
        # who acts in the condition of a threat is its target; a threat to retaliate is a threat to strike
        ("Iran warned that it could strike Israeli air bases with drones if Israel kept up its raids on Tehran.",
         {("initiator", "Iran"), ("target", "Israel")}),
        ("Azerbaijan threatened to retaliate with drone strikes on Yerevan if Armenian drones kept hitting Baku.",
         {("initiator", "Azerbaijan"), ("target", "Armenia")}),
        # the accused in a denial of someone's claim, after a time phrase
        ("Hezbollah denied on Friday an Israeli report that it had sent drones over Haifa.",
         {("initiator", "Hezbollah"), ("target", "Israel")}),
    ],
)
def test_drone_parties_in_longer_phrases(text, actors):
    assert {(a["role"], a["name"]) for a in extract(text, "drone_strike")["actors"]} == actors


def test_a_country_named_with_its_forces_after_an_attack_verb_is_a_party():
    from models.extraction.arguments import Sent, actor_mentions

    text = "Rebels said their drones struck the Myanmar military's main airbase."
    assert [a.country for _m, a, _s in actor_mentions(default_gazetteer(), [Sent(text, 0)])] == ["MMR"]


def test_a_name_with_lowercase_words_is_one_party():
    from models.extraction.arguments import Sent, actor_mentions

    text = "Envoys of the Islamic Resistance in Iraq and al-Qaeda in the Arabian Peninsula met in secret."
    got = [(a.name, a.country) for _m, a, _s in actor_mentions(default_gazetteer(), [Sent(text, 0)])]
    assert got == [("Islamic Resistance in Iraq", "IRQ"), ("Al-Qaeda in the Arabian Peninsula", "YEM")]


def test_a_qualified_legislature_is_not_the_us_one():
    from models.extraction.arguments import Sent, actor_mentions

    text = "Pakistan's Senate and Japan's House of Representatives backed the Indian National Congress motion."
    got = {a.country for _m, a, _s in actor_mentions(default_gazetteer(), [Sent(text, 0)])}
    assert "USA" not in got


def test_swap_sides_include_the_country_holding_captives_and_exclude_a_border():
    e = extract("Ukraine offered to swap two captured North Korean soldiers for Ukrainians held in Russia.", "prisoner_swap")
    assert {"UKR", "PRK", "RUS"} <= {a["country"] for a in e["actors"]}
    e = extract("Russia and Ukraine swapped 150 prisoners each on the Belarusian-Ukrainian border on Friday.", "prisoner_swap")
    assert "BLR" not in {a["country"] for a in e["actors"]}


def test_a_swap_s_named_intermediary_comes_before_a_body_that_only_reports_it():
    e = extract("Sudan's army and the RSF agreed to free 200 detainees, the UN mission said, with the handover to be "
                "carried out by the International Committee of the Red Cross.", "prisoner_swap")
    assert e["arguments"]["mediator"]["name"] == "International Committee of the Red Cross"


def test_a_second_coordinated_place_is_not_an_attacker():
    e = extract("Harakat al-Nujaba threatened to step up drone attacks on U.S. bases in Iraq and Syria if Washington struck Iran.",
                "drone_strike")
    assert ("initiator", "SYR") not in roles(e)


def test_state_companies_name_their_country_as_a_sanctions_target():
    e = extract("The U.S. Treasury imposed sanctions on Sovcomflot and dozens of its tankers.", "sanctions")
    assert (e["arguments"]["target"]["name"], e["arguments"]["target"]["country"]) == ("Sovcomflot", "RUS")
    e = extract("PDVSA continues to ship crude to Asia despite U.S. sanctions, tanker data show.", "sanctions")
    assert e["arguments"]["target"]["country"] == "VEN" and e["arguments"]["imposer"]["country"] == "USA"


@pytest.mark.parametrize(
    ("text", "participants", "mediators"),
    [
        # a cue before a coordination covers the names after it, one after it the names before it
        ("The deal between Armenia and Azerbaijan was brokered by the United States and Qatar.", {"ARM", "AZE"}, {"USA", "QAT"}),
        ("Saudi Arabia and Turkey, the hosts, said talks between Sudan and Chad would resume.", {"SDN", "TCD"}, {"SAU", "TUR"}),
        ("Serbia and Kosovo agreed to resume talks under French and German mediation.", {"SRB", "XKX"}, {"FRA", "DEU"}),
        # ... but not across a clause: "mediated by the UAE, Ukraine's ombudsman said"
        ("Russia and Ukraine held talks mediated by the UAE, Ukraine's foreign ministry said.", {"RUS", "UKR"}, {"ARE"}),
        # who rejects another's offer to mediate is a party; a source "the mediators said" after a party is none
        ("Pakistan rejected Trump's offer to mediate, saying its dispute with India is bilateral.", {"PAK", "IND"}, {"USA"}),
        ("Ethiopia will not resume talks with Eritrea, the mediators said.", {"ETH", "ERI"}, set()),
    ],
)
def test_negotiation_coordinated_mediators(text, participants, mediators):
    e = extract(text, "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == participants
    assert {a["country"] for a in e["actors"] if a["role"] == "mediator"} == mediators


def test_what_talks_discuss_is_no_side():
    e = extract("Trump and Erdogan discussed Syria and Iran's nuclear programme in a phone call.", "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == {"USA", "TUR"}


def test_a_plan_s_sponsor_mediates_and_observers_are_no_sides():
    e = extract("Sudan's army rejected a Saudi-backed ceasefire plan, vowing to keep fighting the RSF.", "negotiation")
    assert e["arguments"]["mediator"]["country"] == "SAU"
    e = extract("Thai and Cambodian officials held talks in Kuala Lumpur, with U.S. and Chinese envoys attending as observers.",
                "negotiation")
    assert {p["country"] for p in e["arguments"]["participants"]} == {"THA", "KHM"}


def test_who_is_called_on_is_not_hit_and_who_condemns_sanctions_is():
    args = extract("Cuba called on the UN to condemn U.S. sanctions, which it says are illegal.", "sanctions")["arguments"]
    assert (args["imposer"]["country"], args["target"]["country"]) == ("USA", "CUB")


def test_sanctions_coordinated_subjects_and_a_named_target_first():
    args = extract("Canada and Australia joined Britain in sanctioning two Israeli ministers.", "sanctions")["arguments"]
    assert args["imposer"]["country"] == "CAN"
    args = extract("India's oil imports from Russia fell after U.S. sanctions on Rosneft took effect.", "sanctions")["arguments"]
    assert (args["imposer"]["country"], args["target"]["country"]) == ("USA", "RUS")


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
        # a lifted veto is no lifted measure; a step only weighed ("whether to extend") is not taken
        ("The bloc's new sanctions package, agreed after Hungary lifted its veto, bans Iranian steel.", "impose", "sanctions"),
        ("Ottawa banned Belarusian potash imports on Monday, while London is debating whether to extend its embargo to steel.",
         "impose", "embargo"),
        # a relative clause describes the target's friends; the measure's own verb decides
        ("Minsk prolonged its embargo on dairy from states that have sanctioned Belarus.", "extend", "embargo"),
        # trade carrying on "despite the sanctions imposed" evades them
        ("Tankers of the blacklisted firm kept calling at Turkish ports despite the EU sanctions imposed in May.", "evade", "sanctions"),
        ("Ministers agreed to ban almost half of all steel imports from Russia.", "impose", "embargo"),
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


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Militia drones were again pounding the airport this morning, residents said.", "drone_strike", "ongoing"),
        ("A body exchange planned for Friday did not take place, officials said.", "prisoner_swap", "stalled"),
        ("A release of detainees between the two factions that the mediators had promised in March has been postponed.",
         "prisoner_swap", "stalled"),
        ("The envoys held a second round of talks in Geneva but made no progress on a truce.", "negotiation", "occurred"),
        ("The two governments signed a deal on Monday on releasing all detainees, with the ICRC to oversee the handovers.",
         "prisoner_swap", "planned"),
        ("The president said he would like to meet his rival at the border next month.", "negotiation", "proposed"),
        ("The rebels said they were reviewing a new ceasefire proposal from the mediators.", "negotiation", "proposed"),
        ("The cardinal offered the Church's help with a new release of captives between the two sides.", "prisoner_swap",
         "proposed"),
        ("The two leaders agreed during a phone call to meet in Vienna next week.", "negotiation", "occurred"),
        ("The rivals agreed on Monday to a truce, saying that it would take effect at midnight.", "negotiation", "occurred"),
        ("The bloc imposed sanctions on the junta on Friday and threatened to suspend its membership.", "sanctions",
         "occurred"),
        ("He gave the regime two weeks to free the opposition leader or face sanctions.", "sanctions", "threatened"),
        ("Parliament passed a bill that lifts the sanctions, and the president is expected to sign it next week.",
         "sanctions", "planned"),
        ("The minister urged allies to add the bank to their next sanctions package, saying its lenders were funding the war.",
         "sanctions", "proposed"),
    ],
)
def test_modality_aspect_negation_and_clause_scope(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


def test_occasions_envoys_received_and_failed_results():
    e = extract("Sudanese and Chadian officials met in Nairobi on the sidelines of the president's visit to Kenya.", "negotiation")
    assert e["arguments"]["format"]["value"] == "talks"
    e = extract("Putin said he hoped to meet Zelenskiy during his trip to Turkey next week.", "negotiation")
    assert e["arguments"]["format"]["value"] == "summit"
    e = extract("Vladimir Putin met U.S. envoys in the Kremlin on Friday.", "negotiation")
    assert e["arguments"]["format"]["value"] == "envoy_visit"
    e = extract("The two delegations ended their talks in Cairo without signing any agreement.", "negotiation")
    assert e["arguments"]["outcome"]["value"] == "no_agreement"
    e = extract("No solution has yet been found on the border, an aide said after the envoys met in Geneva.", "negotiation")
    assert e["arguments"]["outcome"]["value"] == "no_agreement"


def test_reimposed_measures_halted_imports_and_a_penalty_tariff():
    e = extract("Washington will not renew a waiver easing oil sanctions on Iraq when it expires on Friday.", "sanctions")
    assert e["arguments"]["action"]["value"] == "impose"
    e = extract("Ukraine halted all imports of grain from Hungary on Monday.", "sanctions")
    assert e["arguments"]["instrument"]["value"] == "embargo"
    e = extract("A 30% tariff on Brazilian steel, imposed as a penalty for the trial, took effect on Monday.", "sanctions")
    assert e["arguments"]["instrument"]["value"] == "tariff"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Army quadcopters were firing on crowds near a food distribution point this morning.", {"target_type": "civilian"}),
        ("The militia threatened to strike navy warships in the Gulf with drones.", {"target_type": "military"}),
        ("A drone hit a border outpost overnight, the army said.", {"target_type": "military"}),
        ("A drone attacked a police helicopter on a patrol flight, officials said.", {"target_type": "transport"}),
        ("Drones destroyed two Mi-8 helicopters and a radar overnight, the army said.", {"target_type": "military"}),
        ("Drones struck a thermal power plant in the east overnight.", {"target_type": "energy"}),
        ("Drones hit a radar station near the coast, the army said.", {"target_type": "military"}),
        ("A drone fired a missile at a group of people in the town, killing three.", {"target_type": "civilian", "killed": 3}),
        ("Kyiv denied that it had attacked the governor's office in the city with 40 long-range drones.",
         {"drones_launched": 40}),
        ("The air force said 30 of the 45 drones launched at the region overnight had been shot down.",
         {"drones_intercepted": 30, "drones_launched": 45}),
        ("Two U.S. service members were killed and 12 wounded in a one-way drone attack on the base.",
         {"killed": 2, "injured": 12}),
    ],
)
def test_drone_targets_long_objects_and_compound_numbers(text, want):
    args = extract(text, "drone_strike")["arguments"]
    assert {k: args[k]["value"] for k in want} == want


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("The rebels released 12 detainees in exchange for fuel and medicine.", 12),
        ("The group handed Israel the bodies of three hostages on Thursday.", 3),
        ("The militants freed John Smith, a kidnapped American engineer, on Monday.", 1),
        ("Kyiv got back 90 soldiers plus 10 wounded fighters, while Moscow received 100 servicemen.", 200),
        ("Israel will free 40 prisoners in exchange for the first two hostages to be released.", 42),
    ],
)
def test_swap_totals_goods_receivers_appositions_and_several_groups(text, total):
    assert extract(text, "prisoner_swap")["arguments"]["total"]["value"] == total


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("The minister said Cairo would welcome talks with the rebels at a neutral venue.", "negotiation", "proposed"),
        ("Qatar has circulated a draft under which the militia would hand over its weapons.", "negotiation", "proposed"),
        ("The envoy agreed during Monday's call with the president to send a team to the capital.", "negotiation", "occurred"),
        ("Oman said it had brokered a truce under which neither side would target the other's ships.", "negotiation",
         "occurred"),
        ("Under the deal reached in Cairo, the first hostages will be freed on Sunday.", "negotiation", "occurred"),
        ("The delegations exchanged drafts in Geneva and agreed to keep communicating through the mediators.",
         "negotiation", "occurred"),
        ("The rebels said they would not return to talks unless the army withdrew.", "negotiation", "stalled"),
        ("He said he would not meet the opposition leader before the vote.", "negotiation", "stalled"),
        ("Rebel delegates did not show up for the planned round of talks in Doha.", "negotiation", "stalled"),
        ("The ministry has declined to set a date for the next round of talks.", "negotiation", "stalled"),
        ("The ministry said it had proposed to the rebels that the next round of talks be held in Nairobi.",
         "negotiation", "proposed"),
        ("Diplomats again failed to sign off on the new sanctions package.", "sanctions", "stalled"),
        ("The Commission wants to impose tariffs on fertiliser from Belarus.", "sanctions", "proposed"),
        ("Norway said it would align with the EU's latest sanctions package.", "sanctions", "planned"),
        ("The chancellor said Austria would halt arms exports to the region.", "sanctions", "planned"),
        ("The Kremlin dismissed the new sanctions package as illegal.", "sanctions", "occurred"),
        ("The bloc adopted new sanctions, days after the president refused to attend peace talks.", "sanctions",
         "occurred"),
        ("The central bank told lenders to suspend transfers to firms on the sanctions list.", "sanctions", "occurred"),
        ("An official said 30 wounded prisoners would be handed over within days.", "prisoner_swap", "planned"),
        ("The prisoner swap was made possible by the release of frozen funds.", "prisoner_swap", "occurred"),
        ("Officials said a swap promised last month had still not taken place.", "prisoner_swap", "stalled"),
        ("A swap of wounded soldiers planned for Friday has been pushed back to next week.", "prisoner_swap", "stalled"),
        ("The two sides agreed in talks hosted by the foreign ministers of both neighbouring states to release detainees.",
         "prisoner_swap", "planned"),
        ("Families welcomed the return of 20 soldiers but said hundreds more were still held.", "prisoner_swap",
         "occurred"),
        ("Drones hit the airport on Monday, officials said, blaming the rebels, which denied involvement.",
         "drone_strike", "denied"),
        ("A drone hit a market in the town, killing nine people. The militia denied responsibility.", "drone_strike",
         "denied"),
    ],
)
def test_modality_wishes_deal_terms_refusals_and_denials(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Kyiv and Moscow exchanged 50 prisoners each on Friday.", "pows"),
        ("Russia released a Ukrainian journalist in exchange for a Russian citizen held in Kyiv.", "detainees"),
        ("Buses carried freed Palestinian prisoners into Ramallah after Hamas released two captives.", "hostages"),
    ],
)
def test_swap_category_from_the_sides(text, category):
    assert extract(text, "prisoner_swap")["arguments"]["category"]["value"] == category


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A drone hit a house near the river overnight. No one was injured, the governor said.", {"injured": None}),
        ("A drone struck a shop in the town; no one was killed.", {"killed": None}),
        ("The army said a soldier was killed and three wounded in the drone strike.", {"killed": 1, "injured": 3}),
        ("Drones dropped explosives on a pagoda, killing a monk, the group said.", {"killed": 1}),
        ("A drone struck a house in the village, killing a family of six.", {"killed": 6}),
        ("A drone crashed into a house, injuring an elderly couple.", {"injured": 2}),
        ("A drone hit a car, killing a father and his three children.", {"killed": 4}),
        ("An FPV drone hit a bus, wounding the driver and six passengers.", {"injured": 7}),
        ("Four of his guards were wounded when drones targeted the convoy.", {"injured": 4}),
        ("Two police officers were seriously wounded when a drone hit the station.", {"injured": 2}),
        ("A drone hit a clinic, killing a nurse and several patients.", {"killed": None}),
        ("Drone strike kills 4 in car near the border", {"killed": 4}),
    ],
)
def test_casualty_counts_negation_single_people_and_groups(text, want):
    args = extract(text, "drone_strike")["arguments"]
    assert {k: (args[k] or {}).get("value") for k in want} == want


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The prime minister's office said it was recalling its negotiating team from Cairo.", "stalled"),
        ("The president will not travel to Geneva for the talks, his office said.", "stalled"),
        ("The general declined an invitation to the peace talks in Jeddah.", "stalled"),
        ("The envoy's planned trip to Khartoum was postponed at short notice.", "stalled"),
        ("The ministers spoke by phone on Friday, agreeing to continue working on a truce.", "occurred"),
        ("The rebel leader said he could sit down with the president if the army withdrew.", "proposed"),
        ("The cleric said talks with Washington were pointless, ruling out direct negotiations.", "stalled"),
        ("He said he had spoken with the president about a summit, which his aides have been seeking for months.",
         "occurred"),
    ],
)
def test_negotiation_recalls_declines_trips_and_relative_clauses(text, modality):
    assert extract(text, "negotiation")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Washington sanctioned a shipping network run by a militia leader's son. The son denied the accusations.",
         "occurred"),
        ("Refiners have paused purchases of Iranian crude after the new sanctions on the oil ministry.", "occurred"),
        ("The council renewed the arms embargo and the sanctions regime targeting those who threaten the peace.",
         "occurred"),
        ("The bourse suspended dollar trading after fresh sanctions hit its clearing house.", "occurred"),
    ],
)
def test_sanctions_grounds_denied_and_effects_are_no_stall(text, modality):
    assert extract(text, "sanctions")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("The reporter, held for a year on spying charges he denied, was among those freed on Friday.", "prisoner_swap",
         "occurred"),
        ("The army handed over the captured pilot at the border, after the release was delayed for hours by paperwork.",
         "prisoner_swap", "occurred"),
        ("Mediators are pushing both sides to accept a new release of detainees.", "prisoner_swap",
         "proposed"),
        ("The ombudsman said a swap of civilians was also being prepared.", "prisoner_swap", "planned"),
        ("She said she had handed over a list of 300 soldiers for the next exchange, which was being discussed.",
         "prisoner_swap", "proposed"),
        ("Talks between the government and the rebels that were due to open in Nairobi today were called off.",
         "negotiation", "stalled"),
        ("Talks that were postponed in March resumed in Doha today.", "negotiation", "ongoing"),
    ],
)
def test_modality_charges_background_stalls_and_main_predicates(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


def test_saying_clauses_keep_effect_dates_and_after_clauses_end_at_a_complement():
    e = extract("Trump announced a 30% tariff on steel from the bloc, saying the measure would take effect on May 1.",
                "sanctions")
    assert e["modality"] == "planned"
    e = extract("The negotiator told reporters after the session in Cairo that the group would not accept a partial deal.",
                "negotiation")
    assert e["modality"] == "stalled"
    e = extract("Kyiv said it was prepared to accept the proposal for a truce.", "negotiation")
    assert e["modality"] == "proposed"


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Among the 60 civilians returned were 40 women and 20 children, the ombudsman said.", 60),
        ("The militia freed four hostages and Israel released 30 prisoners. The four hostages were handed to medics.", 34),
        ("Graduate student John Smith was released in exchange for Iranian scientist Ali Karimi.", 2),
    ],
)
def test_swap_totals_breakdowns_repeats_and_named_subjects(text, total):
    assert extract(text, "prisoner_swap")["arguments"]["total"]["value"] == total


def test_freed_then_a_source_is_no_apposition_and_political_prisoners_stay_detainees():
    e = extract("Moscow released the teacher as part of the deal that freed Tom Brown, a U.S. official said.", "prisoner_swap")
    assert e["arguments"]["total"] is None
    e = extract("Russia freed two Ukrainian activists in a swap with Kyiv, describing them as political prisoners.",
                "prisoner_swap")
    assert e["arguments"]["category"]["value"] == "detainees"


def test_calls_with_a_modifier_or_told_in_a_call_are_phone_calls():
    e = extract("The president said after a lengthy call with his counterpart that they would meet soon.", "negotiation")
    assert e["arguments"]["format"]["value"] == "phone_call"
    e = extract("The minister told his rival in a call on Monday that the peace terms had not changed.", "negotiation")
    assert e["arguments"]["format"]["value"] == "phone_call"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The ship was removed from the national registry after the US sanctioned it for carrying Iranian oil.", "impose"),
        ("The council voted to remove the general and two aides from its sanctions list.", "lift"),
        ("Firms could return quickly once a settlement was reached and sanctions removed, the envoy said.", "lift"),
        ("The Treasury sanctioned traders who it said helped the militia evade sanctions.", "impose"),
        ("Crude exports kept rising in June despite several rounds of US sanctions.", "evade"),
    ],
)
def test_sanctions_action_removals_targets_described_and_defiance(text, action):
    assert extract(text, "sanctions")["arguments"]["action"]["value"] == action


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Drone strikes shut the oil terminal overnight and Washington threatened new sanctions on its buyers.", "occurred"),
        ("The militia said it was suspending attacks on the base, days after a drone strike killed three soldiers.",
         "occurred"),
        ("A drone struck a group in the town that was planting a roadside bomb, the army said.", "occurred"),
        ("The rebels threatened to strike the airport with drones if the offensive continued.", "threatened"),
    ],
)
def test_drone_modality_threats_of_other_measures_and_what_targets_were_doing(text, modality):
    assert extract(text, "drone_strike")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # A curated site named by a word and a lowercase noun; a facility verb; a part of a city after its possessive.
        ("Drones struck the Shayrat air base overnight, a monitor said.", "drone_strike", ("Shayrat air base", "Homs", "SYR")),
        ("Drones set ablaze Ukrnafta's Kremenchuk refinery on Sunday.", "drone_strike", ("Kremenchuk", "Poltava", "UKR")),
        ("The Kremenchuk refinery was hit by drones on Sunday.", "drone_strike", ("Kremenchuk", "Poltava", "UKR")),
        ("A drone hit a market in Khartoum's Bahri neighbourhood on Friday.", "drone_strike", ("Khartoum", "Khartoum", "SDN")),
        # Capitals' own divisions under their current names.
        ("The two ministers met in Manila on Monday.", "negotiation", ("Manila", "Metro Manila", "PHL")),
        ("Envoys of both sides held talks in Manama.", "negotiation", ("Manama", "Capital", "BHR")),
        # A strait is water; where the freed are flown afterwards is no place of the swap; a prison's town is.
        ("The navy seized two boats near the Kerch Strait, and the crews were later swapped for 20 soldiers.", "prisoner_swap",
         (None, None, None)),
        ("Both sides freed 50 prisoners on Monday, and those released were flown to Odesa.", "prisoner_swap",
         (None, None, None)),
        ("The authorities released two aid workers from Tehran's Evin prison on Friday.", "prisoner_swap",
         ("Tehran", "Tehran", "IRN")),
        # A country is a swap's place where a site in it is named, not as a side.
        ("The two men were exchanged at an airport in Turkey on Thursday.", "prisoner_swap", ("Turkey", None, "TUR")),
        ("Russia freed a U.S. teacher in exchange for a Russian hacker held in the United States.", "prisoner_swap",
         (None, None, None)),
    ],
)
def test_sites_named_with_a_noun_water_and_where_the_freed_go(text, event_type, place):
    assert where(text, event_type) == place


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # A signing names its place even when a truce was signed; what border talks are about is no venue; nor is
        # the place of a ceasefire named before it, nor either of two places.
        ("The two armies signed a truce in Nairobi on Monday after a week of talks.", "negotiation",
         ("Nairobi", "Nairobi", "KEN")),
        ("The generals held talks on pulling troops back from friction points in northern Kashmir.", "negotiation",
         (None, None, None)),
        ("The group said it could quit the Gaza ceasefire negotiations.", "negotiation", (None, None, None)),
        ("The president offered to host a meeting of the two leaders in Istanbul or Ankara.", "negotiation",
         (None, None, None)),
        # "the kingdom" after the one kingdom named; a vehicle's destination; a place that qualifies a person.
        ("Jordan said the next round of talks between the two sides would be held in the kingdom.", "negotiation",
         ("Jordan", None, "JOR")),
        ("The rebels threatened drone attacks on any ship heading to Eilat.", "drone_strike", (None, None, None)),
        ("The militia freed the brother of Barcelona striker Juan Perez on Friday.", "prisoner_swap", (None, None, None)),
        # The subject of a passive attack; a capital in apposition.
        ("Odesa was hit by a wave of drones overnight, the governor said.", "drone_strike", ("Odesa", "Odesa", "UKR")),
        ("Kharkiv came under drone attack for the third night in a row.", "drone_strike", ("Kharkiv", "Kharkiv", "UKR")),
        ("The next round will take place in the Omani capital Muscat on Saturday.", "negotiation", ("Muscat", "Muscat", "OMN")),
    ],
)
def test_signed_in_border_topics_alternatives_the_kingdom_and_destinations(text, event_type, place):
    assert where(text, event_type) == place


@pytest.mark.parametrize(
    ("text", "event_type", "published", "value"),
    [
        # An -ed adjective after the future word keeps the plan ahead; "was due" is past only with a past main clause.
        ("The two states will sign an expanded truce in Hanoi on Sunday, officials said.", "negotiation", "2025-10-23",
         "2025-10-26"),
        ("The army will send envoys to resume Saudi-hosted talks with the militia on Thursday.", "negotiation", "2025-10-22",
         "2025-10-23"),
        ("Talks that were due to begin in Nairobi on Saturday have been postponed, sources said.", "negotiation", "2025-10-09",
         "2025-10-11"),
        ("A summit that was due to take place in Luanda on Sunday was called off.", "negotiation", "2025-12-16", "2025-12-14"),
        # When an agreed truce starts is what was agreed; a source after the clause leaves its date to the clause.
        ("The two sides agreed to a truce starting on August 4 after their ministers met in Doha on Tuesday, said Qatar.",
         "negotiation", "2025-07-31", "2025-07-29"),
        # Undecided measures are undated unless they say when they bite; attacks named beside talks date the attacks.
        ("The Commission proposed a new package of sanctions against the regime on Friday.", "sanctions", "2025-09-20", None),
        ("The Commission proposed sanctions on Friday that would take effect on October 1.", "sanctions", "2025-09-20",
         "2025-10-01"),
        ("The strike on the group's leaders in Cairo on Tuesday has put the truce talks on hold, mediators said.",
         "negotiation", "2025-09-10", None),
        ("The two sides held talks on ending the invasion on Monday.", "negotiation", "2025-07-16", "2025-07-14"),
        ("The rebels said the talks would go on despite Saturday's strike on the camp.", "negotiation",
         "2025-07-14", None),
        ("The government welcomed on Thursday the prospect of talks between the two rivals.", "negotiation", "2025-02-13",
         None),
    ],
)
def test_plans_with_adjectives_truce_starts_undecided_measures_and_attacks_beside_talks(text, event_type, published, value):
    assert when(text, event_type, published) == value


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Divisions of countries without curated ones, from their towns: bare where the name is distinctive, with its
        # qualifier where it is also a town; never inside a longer name.
        ("A drone strike killed four people in Cabo Delgado province on Monday.", ("Cabo Delgado", "Cabo Delgado", "MOZ")),
        ("Cartel drones attacked a police post in Michoacan.", ("Michoacan", "Michoacan", "MEX")),
        ("A drone dropped a bomb in Thailand's Sisaket province.", ("Sisaket", "Sisaket", "THA")),
        ("Drones were launched at army posts in Oddar Meanchey province.", ("Oddar Meanchey", "Oddar Meanchey", "KHM")),
        ("Drones struck a base of the National Unity Government's forces, the junta said.", (None, None, None)),
        # Conflict-zone sites and neighbourhoods.
        ("An Israeli drone struck a car in Haret Hreik on Friday.", ("Haret Hreik", "Mount Lebanon", "LBN")),
        ("A drone strike in Shujaiyeh killed five people.", ("Shejaiya", "Gaza Strip", "PSE")),
        ("A drone hit the Ta Muen Thom temple on the border.", ("Ta Muen Thom temple", "Surin", "THA")),
    ],
)
def test_derived_divisions_and_conflict_sites(text, place):
    assert where(text, "drone_strike") == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Venues of summits that share a word with a town abroad; a two-letter acronym is no town ("UN" is not Un, India).
        ("The two leaders met at Camp David on Sunday.", ("Camp David", "Maryland", "USA")),
        ("The president hosted the prime minister at Mar-a-Lago for talks.", ("Mar-a-Lago", "Florida", "USA")),
        ("The envoys held talks at Lancaster House in London.", ("Lancaster House", "England", "GBR")),
        ("The meeting took place at the UN headquarters in New York.", ("New York", "New York", "USA")),
    ],
)
def test_summit_venues_and_acronyms(text, place):
    assert where(text, "negotiation") == place


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A warning threatens only what will or could come; one about what is or was threatens nothing.
        ("The army warned that it could halt the talks unless the attacks stopped.", "negotiation", "threatened"),
        ("The two presidents spoke by phone on Friday, while the opposition warned that the call was a mistake.",
         "negotiation", "occurred"),
        # Whatever was urged or told in a call or at talks, the call or the talks were held.
        ("The chancellor urged the president to pull his troops back and open negotiations during a long phone call on Monday.",
         "negotiation", "occurred"),
        ("The president told his guest at talks in the capital that his country would rejoin the deal only on its terms.",
         "negotiation", "occurred"),
    ],
)
def test_modality_warnings_of_what_is_and_what_was_said_at_held_talks(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A cue in an "after" clause tells another event, unless that clause names the event itself.
        ("The two leaders met in Geneva on Monday, hours after planned talks between the army and the rebels were called off.",
         "negotiation", "occurred"),
        ("Regional leaders agreed on Friday to impose sanctions on the country after its junta proposed a five-year transition.",
         "sanctions", "occurred"),
        ("The minister said he would wait for his rival in Vienna for a meeting, after the rival proposed direct talks there.",
         "negotiation", "proposed"),
        # A statement made after a call, and what was proposed at talks, tell of talks that were held.
        ("The president said after a long phone call with his counterpart that his country was ready to work on a memorandum.",
         "negotiation", "occurred"),
        ("The army pulled back from the city after talks with the rebels in Nairobi on Monday, at which the rebels proposed a truce.",
         "negotiation", "occurred"),
    ],
)
def test_modality_after_clauses_and_what_was_said_at_talks(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # Rejecting a plan or the talks themselves stalls them.
        ("The foreign minister dismissed a peace plan floated by a neighbouring state as unworkable.", "stalled"),
        ("The government said it had rejected direct negotiations with the rebels but left the door open to mediation.", "stalled"),
        # A collapse that a trip is to discuss is its topic; a truce approved and due to take effect was agreed at talks.
        ("The envoy will fly to Cairo on Monday to discuss the collapse of the truce talks with officials there.", "planned"),
        ("The cabinet approved a ceasefire with the militia on Tuesday, with the truce due to take effect at dawn.", "occurred"),
    ],
)
def test_negotiation_rejected_plans_discussed_collapses_and_truces_due_to_take_effect(text, modality):
    assert extract(text, "negotiation")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "modality", "action"),
    [
        # A reported decision about a measure, whatever the verb, is planned.
        ("The president said he would unveil new tariffs on the country next week.", "planned", "impose"),
        # What another is ordered to do is still to come; a suspension ordered is taken.
        ("A court ordered the ministry to stop all arms exports to the country within ten days.", "planned", "impose"),
        ("The president ordered a suspension of coal exports to the country, saying shipments would resume once it complied.",
         "occurred", "impose"),
        # Bills propose, however many; a reason clause's event word is its topic.
        ("Two senators introduced bills that would block arms sales to the kingdom.", "proposed", "propose"),
        ("The minister urged the bloc to impose an embargo on the country's gas, saying the imports were funding the war.",
         "proposed", "propose"),
    ],
)
def test_sanctions_decisions_orders_bills_and_reason_clauses(text, modality, action):
    e = extract(text, "sanctions")
    assert (e["modality"], e["arguments"]["action"]["value"]) == (modality, action)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Peace talks between the government and the rebels in Nairobi have been extended beyond their planned end.", "ongoing"),
        ("The rebels are ready for a long truce with the army and would free all their captives, a commander said.", "proposed"),
        # A guest received was met, whatever was said about a proposal; a letter received is no meeting.
        ("The president received the U.S. envoy in his residence on Friday and sent signals about Washington's truce proposal.",
         "occurred"),
        ("The government received a letter from the rebels proposing new talks.", "proposed"),
        ("The kingdom welcomed the prospect of hosting a summit between the two presidents.", "proposed"),
    ],
)
def test_negotiation_extended_talks_readiness_guests_and_prospects(text, modality):
    assert extract(text, "negotiation")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A cue across a semicolon or in a concessive clause belongs to another clause.
        ("Five aid workers were killed when a drone hit their car near the border; the army said it was conducting a review.",
         "drone_strike", "occurred"),
        ("The two presidents are due in Paris on Friday to sign accords ending the war, although the rebels, who reject the deal, "
         "continued to advance.", "negotiation", "planned"),
    ],
)
def test_modality_cues_across_semicolons_and_in_concessive_clauses(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A step hung on a condition and told as a warning is a threat; the same step told plainly is planned.
        ("The rebels will stay away from next week's talks in Geneva if the army resumes its offensive, a commander warned.",
         "negotiation", "threatened"),
        ("The army will return 20 captured fighters if the truce holds for a week, the minister said.", "prisoner_swap", "planned"),
        # A schedule told in the past perfect was not kept.
        ("The army said it would keep the crossing shut until the group freed a nurse, whose release had been due on Friday.",
         "prisoner_swap", "stalled"),
        ("The two sides had been due to meet in Oslo this month for a new round of talks.", "negotiation", "stalled"),
    ],
)
def test_modality_warned_conditions_and_schedules_not_kept(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


def test_a_visit_named_by_its_predicate_and_cues_in_a_time_measured_from_another_event():
    e = extract("The envoy is expected in Kabul on Monday, three days before the deadline for the group to free the captives "
                "or face new strikes, officials said.", "negotiation")
    assert e["modality"] == "planned"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # One side meeting the other in the other's own country visits it; in a third country, or with mediators, talks.
        ("U.S. envoy Amos Hochstein met Parliament Speaker Nabih Berri in Beirut on Monday to discuss the truce.", "envoy_visit"),
        ("U.S. envoy Amos Hochstein met Parliament Speaker Nabih Berri in Paris on Monday to discuss the truce.", "talks"),
        ("A Hamas delegation held talks with Egyptian mediators in Cairo on the truce.", "talks"),
        ("Chinese Foreign Minister Wang Yi will arrive in New Delhi on Monday for talks on the border.", "envoy_visit"),
    ],
)
def test_negotiation_format_meetings_in_the_other_side_s_country_are_visits(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A leader in talks with another leader holds a summit; talks with a state or a letter proposing talks do not.
        ("Donald Trump crossed the border on Sunday before holding an hour of talks with Kim Jong Un at the village.", "summit"),
        ("Nicolas Maduro said he was willing to talk 'face to face' with Donald Trump.", "summit"),
        ("Kim Jong Un said he would be open to talks with the United States if Washington dropped its demands.", "talks"),
        # Two leaders due at a hosted signing ceremony meet at a summit.
        ("Felix Tshisekedi and Paul Kagame are due in Washington on Thursday to sign accords at a ceremony hosted by Donald Trump.",
         "summit"),
    ],
)
def test_negotiation_format_leaders_in_talks_with_each_other_hold_a_summit(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A host receiving an envoy is visited; a text drafted during talks was drafted at talks; a proposed clause
        # whose verb resumes talks proposes talks.
        ("The president received the U.S. special envoy at his palace on Friday.", "envoy_visit"),
        ("Officials denied that the two negotiators had drafted a peace plan during talks in Geneva last month.", "talks"),
        ("The president proposed that the two countries reopen their border and resume dialogue.", "talks"),
        ("The president proposed a ten-point peace plan to end the war.", "proposal"),
    ],
)
def test_negotiation_format_received_envoys_texts_drafted_at_talks_and_proposed_dialogue(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


def test_talks_that_dash_hopes_end_without_agreement():
    e = extract("The president told his guest at talks on Monday that he would not rejoin the deal, dashing hopes of a revival.",
                "negotiation")
    assert e["arguments"]["outcome"]["value"] == "no_agreement"


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        # People hit are the target, before the place they were in.
        ("A drone strike on civilians gathered at the dam killed four people.", "civilian"),
        ("Drones struck a group of soldiers in a farming village on Tuesday.", "military"),
        ("Drones struck a gang stronghold in the capital's harbour district.", "military"),
        ("A drone struck a health centre in the town, killing six.", "civilian"),
        # A reactor is energy; the Kremlin is government.
        ("Officials said a drone had struck the dome of a reactor at the plant.", "energy"),
        ("Two drones were disabled over the Kremlin overnight.", "government"),
        # The speaker's words for the attack are no target.
        ("A drone hit a passenger train near the station, the president said, calling it an attack on civilians.", "transport"),
        # A ship at sea carries goods; in a port it is the port's.
        ("Naval drones struck two tankers in the Black Sea on Friday.", "transport"),
        ("Drones attacked the port overnight, setting two tankers on fire.", "port"),
    ],
)
def test_drone_target_people_reactors_comments_and_ships_at_sea(text, target_type):
    assert extract(text, "drone_strike")["arguments"]["target_type"]["value"] == target_type


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # People named and joined by "and" each count one, with a title, a nationality or a plural noun before them.
        ("The junta freed Dutch aid worker Anna Visser and Pieter Bakker on Monday.", 2),
        ("The court released German nationals Lena Vogel and Jonas Weber from prison on Tuesday.", 2),
        ("The militia freed dual nationals Omar Haddad and Sami Khoury and a Canadian citizen on Friday.", 3),
        # A source joined by "and" is no one released.
        ("The rebels freed Canadian teacher Mark Lewis on Sunday and President Maria Santos said talks would go on.", 1),
        # More titles name one person.
        ("The army freed rap star Kofi Mensah on Sunday in exchange for arms dealer Ivan Petrov.", 2),
        ("The guerrillas released Jose Luis Ramirez, the father of a football player, on Thursday.", 1),
    ],
)
def test_swap_totals_named_people_joined_by_and(text, total):
    got = extract(text, "prisoner_swap")["arguments"]["total"]
    assert (got or {}).get("value") == total


@pytest.mark.parametrize(
    ("text", "total", "each"),
    [
        # A second group each side freed adds to each side's count.
        ("Russia and Ukraine each freed 90 soldiers and 10 civilians on Monday.", 200, 100),
        # What one side brought home in a stage of a larger exchange counts one side only, and so does one person
        # in an exchange not yet agreed.
        ("The army brought home 150 defenders today in the second stage of the 500-for-500 exchange agreed in Geneva.",
         None, None),
        ("Officials said no deal had been reached on an exchange involving detained reporter John Doyle.", None, None),
    ],
)
def test_swap_counts_each_side_groups_stages_and_one_side(text, total, each):
    args = extract(text, "prisoner_swap")["arguments"]
    assert ((args["total"] or {}).get("value"), (args["released_by_each_side"] or {}).get("value")) == (total, each)


@pytest.mark.parametrize(
    ("text", "total", "category"),
    [
        # Living people named first make the swap theirs, and a counted group joined to a named person adds to it.
        ("The group said it was ready to release hostage Tom Carver and the bodies of three other captives.", 4, "hostages"),
        ("The militia would free 12 living hostages and hand over 20 bodies under the plan.", None, "hostages"),
        ("The two armies exchanged the bodies of 40 soldiers on Sunday.", 40, "bodies"),
    ],
)
def test_swap_living_people_named_first_and_groups_joined_to_a_name(text, total, category):
    args = extract(text, "prisoner_swap")["arguments"]
    assert args["category"]["value"] == category
    if total is not None:
        assert args["total"]["value"] == total


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Civilians named among generic prisoners keep them detainees, even between two armies at war.
        ("Russia and Ukraine swapped 40 prisoners each, with a Ukrainian journalist among those flown to Kyiv.", "detainees"),
        ("Russia and Ukraine swapped 40 prisoners each on Sunday.", "pows"),
        # A former serviceman is a civilian held.
        ("Moscow freed former U.S. Marine John Carter in exchange for a Russian businessman.", "detainees"),
    ],
)
def test_swap_category_civilians_among_prisoners_and_former_servicemen(text, category):
    assert extract(text, "prisoner_swap")["arguments"]["category"]["value"] == category


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Another attack's toll named as a reason is not this one's.
        ("A drone strike on a car killed a militia commander whom the army blamed for the attack that killed four soldiers.", 1),
        # An inserted phrase may sit between the victims and their verb.
        ("Five aid workers, including citizens of Chile, Peru and Spain, were killed when a drone hit their convoy.", 5),
    ],
)
def test_drone_killed_other_attacks_tolls_and_inserted_phrases(text, killed):
    assert extract(text, "drone_strike")["arguments"]["killed"]["value"] == killed


def test_drones_an_attack_was_made_with_and_that_were_disabled():
    args = extract("Officials accused the rebels of trying to assassinate the governor with three drones that they said had been "
                   "disabled over his residence.", "drone_strike")["arguments"]
    assert (args["drones_launched"]["value"], args["drones_intercepted"]["value"]) == (3, 3)
    args = extract("Air defences shot down five drones launched from the coast.", "drone_strike")["arguments"]
    assert (args["drones_launched"], args["drones_intercepted"]["value"]) == (None, 5)


@pytest.mark.parametrize(
    ("text", "action", "instrument"),
    [
        # A measure's own noun is no action on it; revoking it lifts it.
        ("The administration revoked the designation of the militia as a terrorist group on Monday.", "lift", "sanctions"),
        # Trade in what a measure covers evades it.
        ("A tanker carrying crude from the country's EU-sanctioned oil terminal unloaded its cargo in Asia on Friday.",
         "evade", "sanctions"),
        # Suspended exports, blocked arms sales and access to accounts cut off.
        ("The president ordered a suspension of coal exports to the country on Saturday.", "impose", "export_ban"),
        ("The government blocked all arms sales to the kingdom on Monday.", "impose", "export_ban"),
        ("The Treasury cut off the central bank's access to its accounts in New York on Monday.", "impose", "asset_freeze"),
    ],
)
def test_sanctions_revoked_designations_trade_in_sanctioned_goods_and_named_measures(text, action, instrument):
    args = extract(text, "sanctions")["arguments"]
    assert (args["action"]["value"], args["instrument"]["value"]) == (action, instrument)


def test_a_duty_raised_to_a_rate_far_from_its_noun():
    args = extract("The government raised the customs duty on all goods imported from its neighbour to 150% on Saturday.",
                   "sanctions")["arguments"]
    assert args["rate"]["value"] == 150


def test_swap_total_adds_the_groups_listed_for_the_other_side():
    args = extract("The group would free 8 hostages in exchange for 100 prisoners serving long sentences, 400 detainees "
                   "from the south and the remains of 50 fighters.", "prisoner_swap")["arguments"]
    assert args["total"]["value"] == 558


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A call a time is measured from is another event; diplomacy named as efforts is talks; a truce offered a proposal.
        ("The kingdom offered to host a summit between the two presidents, a day after they spoke by phone.", "summit"),
        ("UN-led efforts to finalise a peace roadmap have been put on hold, the envoy said.", "talks"),
        ("The rebels are ready for a two-year truce with the army, a commander said.", "proposal"),
    ],
)
def test_negotiation_format_earlier_events_efforts_and_offered_truces(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # An inserted relative clause describes the event; the main verb tells what became of it.
        ("The summit, which aims to seal a peace deal, will take place in Geneva on Monday.", "negotiation", "planned"),
        # No plans for talks stall them; a warning of what "they would" do threatens.
        ("The government said there were no plans for a meeting between the two leaders.", "negotiation", "stalled"),
        ("The rebels warned they would target the airport with drones if the offensive went on.", "drone_strike", "threatened"),
    ],
)
def test_modality_inserted_relatives_no_plans_and_warnings_without_that(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A stall someone threatens is a threat; "propose" proposes.
        ("The group threatened to halt the release of the captives, accusing the army of breaking the truce.",
         "prisoner_swap", "threatened"),
        ("The Commission plans to propose a ban on imports of the country's gas.", "sanctions", "proposed"),
        # What a war will do next is not the talks' fate.
        ("The prime minister warned that the army would resume fighting, hours after talks in Cairo ended without a deal.",
         "negotiation", "occurred"),
        ("The president has offered his country as a venue for peace talks.", "negotiation", "proposed"),
        ("The Kremlin said a meeting between the two presidents was not on the agenda.", "negotiation", "stalled"),
    ],
)
def test_modality_threatened_stalls_wars_next_steps_venues_offered_and_agendas(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # to reject or dismiss a claim is to deny it; rejecting sanctions is not
        ("The ministry dismissed reports that the two leaders would meet in Vienna next week.", "negotiation", "denied"),
        ("The army said it had not freed anyone, rejecting a report that a prisoner exchange had taken place.",
         "prisoner_swap", "denied"),
        ("Officials blamed the rebels for the drone attack on the depot, which rejected the accusation.", "drone_strike",
         "denied"),
        ("Drones hit the refinery overnight. The neighbouring state denied direct involvement.", "drone_strike", "denied"),
        ("The company rejected accusations that its tankers had shipped oil in breach of the sanctions.", "sanctions",
         "denied"),
        ("Moscow rejected the new sanctions as illegal.", "sanctions", "occurred"),
    ],
)
def test_modality_rejected_claims_are_denials(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The militia said it would strike the port with drones as its offensive went on.", "threatened"),
        ("The rebels warned shippers that any tanker in the strait would be treated as a legitimate target for their "
         "drones.", "threatened"),
        ("The army will hit the camps across the border with drones if the raids continue, the minister warned.",
         "threatened"),
        ("Two senators urged the government to use armed drones to strike the smugglers' bases.", "proposed"),
        ("The opposition leader called on the army to carry out drone strikes on the militants.", "proposed"),
        ("Drones hit the airfield overnight and the governor urged residents to stay in shelters.", "occurred"),
        ("The firm unveiled a drone that would strike targets 1,000 km away.", "occurred"),
    ],
)
def test_drone_modality_attacks_to_come_are_threats_and_calls_for_them_proposals(text, modality):
    assert extract(text, "drone_strike")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # readiness to punish on a condition threatens; readiness to talk on one offers
        ("The bloc stands ready to impose sanctions on the junta if it delays the elections again.", "sanctions",
         "threatened"),
        ("The rebels are ready to meet the government if the army withdraws, their spokesman said.", "negotiation",
         "proposed"),
        # a stall to come on a condition is a threat, not a stall
        ("The government warned that it would suspend the talks if the rebels kept shelling the city.", "negotiation",
         "threatened"),
        ("The government said it would suspend the talks after the rebels shelled the city.", "negotiation", "stalled"),
        ("The treasury signed an order allowing sanctions on the generals, and officials warned the two factions that "
         "they would be targeted unless the fighting stopped.", "sanctions", "threatened"),
    ],
)
def test_modality_conditional_steps_and_readiness(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # the main clause's own cue decides over one in a clause of circumstance or an apposition after it
        ("Rebels were handing ten soldiers over to the Red Cross this morning, as the army prepared to free 50 fighters "
         "in return.", "ongoing"),
        ("The exchange of detainees was under way on Monday, officials said, while the other side was preparing to "
         "release more.", "ongoing"),
        ("The militia was releasing five captives today, the last ones due to be freed under the truce.", "ongoing"),
        ("The army freed 40 prisoners on Sunday, the first of several groups due to be released under the deal.",
         "occurred"),
    ],
)
def test_swap_modality_main_clause_before_circumstance(text, modality):
    assert extract(text, "prisoner_swap")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("A swap of 50 detainees between the army and the rebels, brokered by local elders and planned for Friday, "
         "was postponed after a row over the lists.", "prisoner_swap"),
        ("The next round of talks in Geneva, which both delegations had been expected to attend, has been called off, "
         "diplomats said.", "negotiation"),
    ],
)
def test_modality_passive_stall_after_inserted_phrase(text, event_type):
    assert extract(text, event_type)["modality"] == "stalled"


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("The prime minister floated a New Year truce between the two armies.", "negotiation", "proposed"),
        ("The president said he might meet the rebel leader in Nairobi next month.", "negotiation", "proposed"),
        ("The president said he would work with both governments to find a settlement.", "negotiation", "proposed"),
        ("Mediators have presented the militia with a government offer of a truce during which it would free its "
         "captives.", "prisoner_swap", "proposed"),
        ("The two countries agreed to restore ties after talks, ending a feud that began with a 2019 boycott of "
         "their ports.", "negotiation", "occurred"),
        ("The opposition will boycott the talks in the capital.", "negotiation", "stalled"),
        ("The president said he was holding off on new sanctions for now.", "sanctions", "stalled"),
    ],
)
def test_modality_floated_possible_offered_and_held_off(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Both governments confirmed the swap on Friday, easing fears that the truce would collapse.", "prisoner_swap",
         "occurred"),
        ("The army and the rebels remain locked in negotiations in Nairobi over a ceasefire.", "negotiation", "ongoing"),
        ("The two governments have agreed to hold their first direct talks in Geneva next week.", "negotiation",
         "planned"),
        ("The two governments agreed to resume flights between their capitals after talks in Oman.", "negotiation",
         "occurred"),
        ("The council called on the army and the rebel movement to agree to a truce and to hold talks under its "
         "auspices.", "negotiation", "proposed"),
        ("The government froze trade with its neighbour and suspended a border treaty.", "sanctions", "occurred"),
        ("Two members vetoed a resolution on Friday that would have imposed an arms embargo on the junta.",
         "sanctions", "stalled"),
        ("The government rejected any third-party role in its border dispute.", "negotiation", "stalled"),
        ("The minister said the talks had failed and declared the negotiations over.", "negotiation", "stalled"),
    ],
)
def test_modality_feared_stalls_locked_talks_agreements_calls_and_counterfactuals(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Peace talks between the two sides fell through on Monday.", "negotiation", "stalled"),
        ("The rebels withdrew from the negotiations in Doha.", "negotiation", "stalled"),
        ("The government broke off talks with the rebels.", "negotiation", "stalled"),
        ("Talks on a truce have ground to a halt, diplomats said.", "negotiation", "stalled"),
        ("The planned prisoner exchange was scrapped at the last minute.", "prisoner_swap", "stalled"),
        ("The army abandoned plans for a prisoner swap.", "prisoner_swap", "stalled"),
        ("Russia and Ukraine exchanged 90 prisoners, after an earlier swap fell through.", "prisoner_swap", "occurred"),
    ],
)
def test_modality_more_ways_talks_come_to_nothing(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # A lowercase "es" inside a name; capitals that are divisions of their own.
        ("Peace talks between the two sides opened in Dar es Salaam on Monday.", "negotiation",
         ("Dar es Salaam", "Dar es Salaam", "TZA")),
        ("The two presidents signed the accord in Bishkek on Friday.", "negotiation", ("Bishkek", "Bishkek", "KGZ")),
        ("Drones hit a checkpoint in N'Djamena overnight.", "drone_strike", ("N'Djamena", "N'Djamena", "TCD")),
        # Conflict-zone sites.
        ("Two drones targeting the base at Rumeilan were shot down.", "drone_strike", ("Rmelan", "Hasakah", "SYR")),
    ],
)
def test_gazetteer_names_with_es_capital_divisions_and_sites(text, event_type, place):
    assert where(text, event_type) == place


def test_a_division_under_its_other_spellings():
    from models.extraction.evaluate import _admin_key

    gaz = default_gazetteer()
    assert _admin_key(gaz, "Duhok", "IRQ") == _admin_key(gaz, "Dahuk", "IRQ") == _admin_key(gaz, "Dohuk", "IRQ")


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # "hitting" governs a place; a part of a town or a square in it; what weapons are fired at a country's grid.
        ("Drones were hitting Odesa late on Sunday, the governor said.", "drone_strike", ("Odesa", "Odesa", "UKR")),
        ("Drones struck a tower block in Kharkiv's north on Friday.", "drone_strike", ("Kharkiv", "Kharkiv", "UKR")),
        ("The fighters handed two captives to the Red Cross in Rafah's main square.", "prisoner_swap", ("Rafah", "Gaza Strip", "PSE")),
        ("Russia launched 90 drones at Ukraine's power grid overnight.", "drone_strike", ("Ukraine", None, "UKR")),
        # What a quarrel is about, a vessel's destination and another event's place are no event place.
        ("The government ruled out mediation in its dispute with its neighbour over Kashmir.", "negotiation", (None, None, None)),
        ("A drone struck a Gaza-bound aid ship on Monday.", "drone_strike", (None, None, None)),
        ("Both sides freed 40 prisoners on Sunday, a day before their envoys were due to meet in Geneva.", "prisoner_swap",
         (None, None, None)),
        # A town that names the talks is their venue, unless the talks are about it.
        ("The delegation walked out of the Cairo talks with the rebels.", "negotiation", ("Cairo", "Cairo", "EGY")),
        ("The army may quit the Geneva ceasefire talks with the militia.", "negotiation", ("Geneva", "Geneva", "CHE")),
        ("The group may quit the Gaza talks.", "negotiation", (None, None, None)),
    ],
)
def test_places_parts_targets_topics_destinations_and_towns_naming_talks(text, event_type, place):
    assert where(text, event_type) == place


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a threat in the subject's own words, however far on in its clause; a vow to strike back is the victim's
        ("The Houthis warned shipping firms to avoid the Red Sea, saying they would attack any vessel bound for Eilat with "
         "drones.", {("initiator", "YEM")}, set()),
        ("Hezbollah told residents of northern Israel to leave, threatening more drone attacks on the Galilee.",
         {("initiator", "LBN"), ("target", "ISR")}, set()),
        ("Israel said it would strike back after drones hit Eilat.", {("target", "ISR")}, {("initiator", "ISR")}),
        # who is urged to strike, or whose own army is called on, would attack
        ("Two senators urged the Pentagon to use armed drones against Islamic State camps in Syria.", {("initiator", "USA")},
         set()),
        ("Russia's deputy defence minister called on the army to step up drone strikes on Kharkiv.",
         {("initiator", "RUS"), ("target", "UKR")}, set()),
        # a group's leader killed, a ship sunk, a part of a group blamed, an unnamed army hit on its own ground
        ("A senior Hezbollah commander was killed when a drone struck his car near Tyre.", {("target", "LBN")}, set()),
        ("Ukraine's navy said its sea drones had sunk a Russian landing ship near Crimea.",
         {("initiator", "UKR"), ("target", "RUS")}, set()),
        ("Drones hit a gas field in Sulaymaniyah, in an attack officials blamed on members of the Popular Mobilization "
         "Forces.", {("initiator", "IRQ")}, {("target", "IRQ")}),
        ("RSF drones struck the army's garrison in Kadugli overnight.", {("initiator", "SDN"), ("target", "SDN")}, set()),
    ],
)
def test_drone_sides_threats_calls_to_strike_victims_and_unnamed_armies(text, present, absent):
    got = roles(extract(text, "drone_strike"))
    assert present <= got and not absent & got, got


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        # the addressee of a warning: a longer noun phrase, two of them, another's measure in the that-clause
        ("Washington warned Sudan's army chief Abdel Fattah al-Burhan and RSF leader Mohamed Hamdan Dagalo that they could "
         "face sanctions.", "USA", "SDN"),
        ("Brussels warned both the junta and the Wagner group that they would be targeted if elections were delayed.",
         "European Union", "RUS"),
        ("Moscow warned Japan that Russia could halt fish imports if Tokyo joined the price cap.", "RUS", "JPN"),
        # whose failure a threat is hung on; who is redesignated; who is helped round a measure
        ("Washington is ready to impose sanctions if the army and the Rapid Support Forces fail to respect the truce.",
         "USA", "SDN"),
        ("Britain redesignated Iran's Revolutionary Guards as a terrorist group.", "GBR", "IRN"),
        ("Turkey denied that its banks were helping Iranian firms evade U.S. sanctions.", "USA", "IRN"),
        # the body a measure stalls in; a preposition's object is no subject; those responsible in a country
        ("A plan to sanction Georgian officials stalled in the EU, with Slovakia opposed.", "European Union", "GEO"),
        ("Ankara froze trade with Israel and cancelled a defence deal.", "TUR", "ISR"),
        ("Canada imposed sanctions on those responsible for the violence in eastern Congo.", "CAN", "COD"),
        # readiness to impose; raising a tariff; who is joined in a measure is not its target
        ("France backed the plan, and Keir Starmer said he was ready to impose new sanctions on Iran.", "GBR", "IRN"),
        ("After a call with Lula, Donald Trump said he would sharply raise tariffs on steel from Brazil.", "USA", "BRA"),
        ("Seoul plans to join Tokyo in blacklisting Chinese firms that supply Russia.", "KOR", "CHN"),
        # a measure named by the singular noun; another party's measure beside the reported one
        ("Tankers show Iran is evading the U.S. measure on its oil.", "USA", "IRN"),
        ("Canada and Norway agreed to ban Belarusian potash, alongside an EU embargo on its timber.", "CAN", "BLR"),
        # a deadline given to the target; the victim of a war is no target; entities listed by nationality
        ("Regional leaders gave Guinea's junta ten days to free the president, warning of sanctions.", None, "GIN"),
        ("Britain sanctioned 100 targets, including Iranian banks, over the occupation of Lebanon.", "GBR", "IRN"),
        # still trading despite a ban; a bloc meeting decides a measure no one else is said to impose
        ("Mali is still importing arms from abroad despite a UN embargo.", "United Nations", "MLI"),
        ("Leaders warned Sierra Leone of sanctions after an ECOWAS summit in Abuja.", "ECOWAS", "SLE"),
        # who holds off on the measure, not who cut aid
        ("Norway halted aid to Eritrea, but the EU has held off on sanctions against Asmara.", "European Union", "ERI"),
        # a measure evaded in a relative clause is background to the one imposed
        ("Canadian ministers agreed to blacklist 30 tankers in Iran's shadow fleet, which officials say Tehran uses to get "
         "around the U.S. embargo.", "CAN", "IRN"),
    ],
)
def test_sanctions_parties_warned_conditions_helped_and_decided_in(text, imposer, target):
    args = extract(text, "sanctions")["arguments"]
    assert ((args["imposer"] or {}).get("country") or (args["imposer"] or {}).get("name")) == imposer
    assert (args["target"] or {}).get("country") == target


@pytest.mark.parametrize(
    ("text", "participants", "mediator"),
    [
        # a place that offers to host; a country after a town says where; a title of several words after "hosted by"
        ("The M23 said it was ready to resume talks with Kinshasa in Qatar, which has offered to host them.", {"COD"}, "QAT"),
        ("Envoys of Armenia and Azerbaijan met in Almaty, Kazakhstan, on Monday in talks hosted by Kazakh Foreign Minister "
         "Murat Nurtleu.", {"ARM", "AZE"}, "KAZ"),
        ("Talks between Serbia and Kosovo will resume in Brussels, hosted by High Representative Kaja Kallas.",
         {"SRB", "XKX"}, "European Union"),
        # a body's organ is the body, and "the bloc's auspices" are its; a delegation that has been mediating
        ("The African Union's Peace and Security Council urged Ethiopia and Tigrayan leaders to hold talks under the bloc's "
         "auspices.", {"ETH"}, "African Union"),
        ("Israeli and Hamas negotiators met in Doha, joined by an Egyptian delegation that has been mediating between them.",
         {"ISR", "PSE"}, "EGY"),
        # who arranges a meeting between two others; a truce proposed between two others, sides of one country
        ("Emmanuel Macron said he was organising a meeting between Paul Kagame and Felix Tshisekedi.", {"RWA", "COD"}, "FRA"),
        ("A summit between Putin and Zelenskiy that Erdogan said he was arranging has not taken place.", {"RUS", "UKR"},
         "TUR"),
        ("Qatar's emir proposed a ceasefire between Congo and the M23 rebels.", {"COD"}, "QAT"),
        # a grievance is another event
        ("Caracas suspended talks with the opposition in protest at the extradition of an ally to the United States.",
         {"VEN"}, None),
        # the host country that announces two others' talks on its soil; the other side of talks urged in a purpose clause
        ("Kazakhstan said the next round of Armenia-Azerbaijan talks, planned in Almaty next week, had been postponed.",
         {"ARM", "AZE"}, "KAZ"),
        ("Japan and Australia met South Korea's foreign minister in Tokyo to press Seoul to resume talks with Pyongyang.",
         {"JPN", "AUS", "KOR"}, None),
        # who calls on two others to talk is no side (but who calls for bilateral talks would hold them)
        ("Hamas said it would not negotiate a truce with Israel while the bombing went on, rejecting an Egyptian call for "
         "talks.", {"PSE", "ISR"}, None),
        # a host counted among the sides is one of them
        ("Erdogan hosted Aliyev and Pashinyan in Ankara, and the three leaders held talks on a peace treaty.",
         {"TUR", "AZE", "ARM"}, None),
    ],
)
def test_negotiation_mediators_described_arranging_and_hosting(text, participants, mediator):
    e = extract(text, "negotiation")
    assert {p["country"] or p["name"] for p in e["arguments"]["participants"]} == participants
    m = e["arguments"]["mediator"] or {}
    assert (m.get("country") or m.get("name")) == mediator


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # heads named by title and country, or as "the presidents of A and B", meet at a summit
        ("The presidents of Chile and Peru signed a fisheries accord in Lima on Monday.", "summit"),
        ("Joe Biden will meet Chinese President Xi Jinping on the sidelines of the G20 gathering in Bali.", "summit"),
        ("Emmanuel Macron held talks with Olaf Scholz in Berlin, his first visit to Germany this year.", "summit"),
        ("Volodymyr Zelenskiy said he was ready to negotiate directly with Vladimir Putin to end the war.", "summit"),
        # a delegation due for talks with mediators; envoys of both sides; a trailing source's call
        ("A Taliban delegation is expected in Doha on Monday for talks with Qatari mediators.", "talks"),
        ("Special envoys from Serbia and Kosovo agreed in Brussels on Friday to open a new border crossing.", "talks"),
        ("Qatar is ready to host talks between Israel and Hamas in Doha, the French president said after a phone call "
         "with the emir.", "talks"),
        # a truce floated is a proposal; talks proposed "that they resume direct negotiations" are talks
        ("The Turkish leader floated a New Year truce between Armenia and Azerbaijan.", "proposal"),
        ("The minister proposed in a speech that Serbia and Kosovo resume direct negotiations in Brussels.", "talks"),
        # an offer of talks made during a meeting, referred back to as "the offer"
        ("Joe Biden offered to mediate between Egypt and Ethiopia during a meeting with Kenyan President William Ruto, "
         "who welcomed the offer.", "talks"),
    ],
)
def test_negotiation_format_titled_heads_envoys_of_both_sides_and_floated_truces(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        # a per-barrel cap on a fuel is a price cap; a supplier halting supplies bans exports; frozen trade is an embargo
        ("The new $50-a-barrel cap on Russian oil products takes effect next month, the G7 said.", "price_cap"),
        ("Moscow warned Berlin that it could halt all gas supplies to Germany.", "export_ban"),
        ("Morocco froze trade with Algeria on Monday in a row over the border.", "embargo"),
        # a terrorist listing is a sanction, even when it freezes assets; measures listed with sanctions are sanctions
        ("Australia listed the Wagner Group as a terrorist organisation on Friday, freezing any assets it holds.",
         "sanctions"),
        ("The president warned that China would face 'duties, tariffs and sanctions' over its support for Russia.",
         "sanctions"),
    ],
)
def test_sanctions_instrument_price_caps_supplies_frozen_trade_and_terrorist_listings(text, instrument):
    assert extract(text, "sanctions")["arguments"]["instrument"]["value"] == instrument


def test_sanctions_action_kept_measures_after_a_lifting_are_a_proviso():
    e = extract("The Security Council lifted the arms embargo on Liberia on Friday, while keeping a travel ban on "
                "former officials in place.", "sanctions")
    assert e["arguments"]["action"]["value"] == "lift"


@pytest.mark.parametrize(
    ("text", "instrument", "action"),
    [
        # every part of an "including" list is a part; the target's evasion in a relative clause is why it is hit;
        # restoring sanctions imposes them
        ("EU sanctions on Belarus, including a travel ban and an asset freeze, were extended on Monday.", "sanctions", "extend"),
        ("Britain moved to sanction 30 trading firms in Dubai, which Western officials say help Russia get around "
         "the oil price cap.", "sanctions", "impose"),
        ("The Treasury revoked the waiver on Friday, restoring sanctions on the country's mining sector.", "sanctions",
         "impose"),
        # a new measure "would stay in place until ...": its term, not a renewal
        ("Egypt has halted all exports to and imports from Sudan, the ministry said, adding that the measures would stay in "
         "place until the fighting ends.", "embargo", "impose"),
    ],
)
def test_sanctions_including_lists_targets_described_and_restored_sanctions(text, instrument, action):
    args = extract(text, "sanctions")["arguments"]
    assert args["instrument"]["value"] == instrument
    assert args["action"]["value"] == action


@pytest.mark.parametrize(
    ("text", "launched", "intercepted"),
    [
        # another weapon's count is not the drones'; an attack "by" drones counts them; "all of which ... were downed"
        ("Russia fired 40 missiles and 95 drones at Kharkiv overnight, and 30 of the drones were shot down.", 95, 30),
        ("The ministry blamed Kyiv for an attack by six drones, all of which it said were downed.", 6, 6),
        # an abbreviation's dot does not end the clause of the downed drones
        ("Three drones targeting U.S. and allied troops near the border were shot down on Monday.", None, 3),
    ],
)
def test_drone_counts_other_weapons_attacks_by_drones_and_abbreviations(text, launched, intercepted):
    args = extract(text, "drone_strike")["arguments"]
    assert (args["drones_launched"] or {}).get("value") == launched
    assert (args["drones_intercepted"] or {}).get("value") == intercepted


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one named and others; two named by nationality; a clause after a semicolon; a toll timed before this one
        ("A drone strike in Idlib killed rebel commander Abu Omar al-Halabi and four other fighters.", 5),
        ("A militia leader was killed along with three other people when a drone hit his car.", 4),
        ("The drone attack on the tanker killed a Filipino and an Indonesian sailor.", 2),
        ("Air defences downed 30 drones overnight; a man was killed when debris fell on a house.", 1),
        ("Drones struck army positions near the town, weeks after 12 soldiers were killed in the area.", None),
    ],
)
def test_drone_killed_one_and_others_two_nationals_and_earlier_tolls(text, killed):
    assert (extract(text, "drone_strike")["arguments"]["killed"] or {}).get("value") == killed


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # one person named, then a nationality; a couple; a named person swapped ", for" a named group
        ("Iran has released Johan Lindqvist, a Swede arrested in Tehran last year, the foreign ministry said.", 1),
        ("The junta freed Canadian couple Mark and Anna Dupont on Monday after six months in detention.", 2),
        ("Minsk agreed to swap Jan Novak, a Czech held in Belarus, for Belarusian citizens Ivan Petrov and Oleg Sokol.", 3),
        # "handing ... over": the particle after the people; the release "of" one person
        ("The group was handing three soldiers over to the Red Cross, as the army prepared to free 90 prisoners in return.",
         93),
        ("The rebels postponed the release of a kidnapped soldier, citing army operations nearby.", 1),
    ],
)
def test_swap_total_named_nationals_couples_split_handovers_and_single_releases(text, total):
    assert (extract(text, "prisoner_swap")["arguments"]["total"] or {}).get("value") == total


@pytest.mark.parametrize(
    ("text", "total", "each"),
    [
        # one person and a counted group; a former title before a second name; the remains of one person in exchange;
        # a named person closing the other side's list; a duration and "the two governments" count no people
        ("The rebels agreed to free a Kenyan pilot and 12 other captives under the deal.", 13, None),
        ("Iran freed French teacher Paul Martin and former U.S. Marine John Kessler in a swap for four Iranians.", 6, None),
        ("Hamas handed over the bodies of nine Palestinians in exchange for the remains of an Israeli soldier.", 10, None),
        ("Kyiv got back 120 soldiers in exchange for 40 Russians and pro-Moscow lawmaker Oleg Tarasov on Friday.", 161, None),
        ("Tehran freed Swiss cybercriminal Marco Keller, and Bern agreed to release Iranian engineer Ali Rezaei in return.",
         2, 1),
        ("Serbia handed three Kosovo police officers back to Pristina, and Kosovo returned three Serbian soldiers, in a "
         "swap the two governments said was a goodwill gesture over four days of talks.", 6, 3),
    ],
)
def test_swap_total_one_and_group_former_titles_remains_and_named_list_ends(text, total, each):
    args = extract(text, "prisoner_swap")["arguments"]
    assert (args["total"] or {}).get("value") == total
    assert (args["released_by_each_side"] or {}).get("value") == each


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # an abbreviated name and title; one nationality's POWs in a swap; the other side freed "in return", uncounted
        ("Belarus released Thomas St. James, a U.S. Army veteran held since March, officials said.", 1),
        ("Kyiv said the truck that overturned near the border was carrying 40 Russian POWs to be exchanged.", None),
        ("Ankara asked Athens to release 25 Turkish fishermen and offered to free Greek fishermen held in Izmir in return.",
         None),
    ],
)
def test_swap_total_abbreviated_names_one_side_pows_and_uncounted_returns(text, total):
    assert (extract(text, "prisoner_swap")["arguments"]["total"] or {}).get("value") == total


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        # a comment clause ends at the semicolon; a navy's ship prefix names a warship
        ("Air defences downed 12 drones overnight, calling it a cowardly attack; the rebels said they had targeted "
         "radars at the base.", "military"),
        ("The rebels fired three drones at the USS Mason in the Red Sea, and all were shot down.", "military"),
        # a ranking member of an armed group killed, with nothing else hit
        ("A drone strike on Monday killed a senior member of the militia, officials said.", "military"),
    ],
)
def test_drone_target_type_after_comment_clauses_and_named_warships(text, target_type):
    assert (extract(text, "drone_strike")["arguments"]["target_type"] or {}).get("value") == target_type


def test_swap_category_a_kidnapped_person_released_is_a_hostage():
    e = extract("The rebels postponed the release of a kidnapped police officer, citing army operations nearby.", "prisoner_swap")
    assert e["arguments"]["category"]["value"] == "hostages"


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        # what was not hit is no target; a warship referred back to as "the vessel"; labs, condensate and police posts
        ("A drone strike killed a rebel commander near the town on Monday, and the army said no civilians were hurt.",
         "military"),
        ("Naval drones sank the patrol ship Vasily Bykov overnight, and video showed blasts on the vessel.", "military"),
        ("Senators urged the government to use drones to strike drug laboratories run by the gangs.", "industrial"),
        ("Drones struck a gas condensate terminal near the coast early today, causing a fire.", "energy"),
        ("Gunmen dropped grenades from drones on a police checkpoint outside the town, wounding three officers.",
         "government"),
    ],
)
def test_drone_target_type_negated_warships_labs_condensate_and_police_posts(text, target_type):
    assert (extract(text, "drone_strike")["arguments"]["target_type"] or {}).get("value") == target_type


@pytest.mark.parametrize(
    ("text", "launched", "intercepted"),
    [
        # "both" downed is all of two; a subject with a launch participle states the launch; an article states no count
        ("Rebels fired two drones at the frigate on Monday, and both were shot down by its guns.", 2, 2),
        ("Two drones launched from Syria were intercepted over the Golan Heights on Friday.", 2, 2),
        ("Two drones heading for the airport were intercepted over the city on Friday.", None, 2),
        ("A drone hit a fuel depot near the border on Friday, the governor said.", None, None),
    ],
)
def test_drone_counts_both_downed_and_subjects_launched_from(text, launched, intercepted):
    args = extract(text, "drone_strike")["arguments"]
    assert (args["drones_launched"] or {}).get("value") == launched
    assert (args["drones_intercepted"] or {}).get("value") == intercepted


@pytest.mark.parametrize(
    ("text", "killed", "target_type"),
    [
        # a long description of the first person before "and two other ..."; navy vessels, radars, a convoy of fighters
        ("A drone strike on a house killed the deputy head of the group's northern sector and two other men.", 3, "residential"),
        ("The rebels threatened to send drones against navy vessels anchored off the coast.", None, "military"),
        ("Officials said the drones had targeted air defence radars near the capital.", None, "military"),
        ("Army drones destroyed a convoy of insurgent fighters near the town on Monday.", None, "military"),
    ],
)
def test_drone_killed_long_first_person_and_military_targets(text, killed, target_type):
    args = extract(text, "drone_strike")["arguments"]
    assert (args["killed"] or {}).get("value") == killed
    assert (args["target_type"] or {}).get("value") == target_type


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # an ambassador's post names the host, not a guest; mediators who only accompany the visit come after the place
        ("France's ambassador to Mali, Jean Dupuis, met junta leader Assimi Goita in Bamako on Monday, joined by an "
         "Algerian delegation that has been mediating between the two.", "envoy_visit"),
        ("A Taliban delegation held talks with Qatari mediators in Doha on Monday.", "talks"),
        # a delegation sent to talks goes to talks, not on a visit; one sent to a capital visits it
        ("The government decided not to send a delegation to the next round of peace talks in Geneva.", "talks"),
        ("The government will send a delegation to Nairobi next week, officials said.", "envoy_visit"),
        # a line left unused is no call
        ("Belgrade rejected an offer of border talks, adding that Pristina had not answered calls on the military hotline "
         "for months.", "talks"),
    ],
)
def test_negotiation_format_an_ambassador_s_post_and_mediators_after_the_place(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt

@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # At sea off a coastal town; a part of a country; an oilfield of the Kurdistan region
        ("The rebels said they would send drones against warships off Kyaukphyu.", "drone_strike", ("Kyaukphyu", "Rakhine", "MMR")),
        ("Drones hit a radar post in the north of Israel on Monday.", "drone_strike", ("Israel", None, "ISR")),
        ("A drone set fire to a storage tank at the Khurmala oilfield overnight.", "drone_strike",
         ("Khurmala oilfield", "Erbil", "IRQ")),
        # Talks near a town, a town an envoy is due in, a town offered as the venue, the town a delegation left
        ("The envoys wrapped up three days of talks near Geneva.", "negotiation", ("Geneva", "Geneva", "CHE")),
        ("The U.S. envoy is expected in Riyadh on Sunday, after his talks with Ukrainian officials in Paris.", "negotiation",
         ("Riyadh", "Riyadh", "SAU")),
        ("Ghana's president urged both sides to resume talks, offering Accra as a venue.", "negotiation",
         ("Accra", "Accra", "GHA")),
        ("The rebel delegation left Doha with no date set for another round of talks.", "negotiation", ("Doha", "Doha", "QAT")),
        # Where the freed are brought, where an envoy went, where a plane crashed: none is where a swap took place
        ("Russia returned the bodies of 30 soldiers to Ukraine on Friday.", "prisoner_swap", (None, None, None)),
        ("Iran freed a French tourist after a visit to Tehran by the Omani foreign minister.", "prisoner_swap", (None, None, None)),
        ("A transport plane that crashed in Kursk was carrying prisoners due to be exchanged.", "prisoner_swap", (None, None, None)),
    ],
)
def test_places_off_coasts_near_towns_and_away_from_the_event(text, event_type, place):
    assert where(text, event_type) == place


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # Talks back where they started, or left with no next round set, are stalled.
        ("The rebels said the peace talks were back at square one after the latest offensive.", "negotiation", "stalled"),
        ("The two delegations left Muscat with no new round of talks scheduled.", "negotiation", "stalled"),
        # A title that begins like a verb of weighing is no proposal ("Mullah" is not "mulling").
        ("Mullah Omar's deputy and the U.S. envoy signed a peace deal in Doha on Saturday.", "negotiation", "occurred"),
    ],
)
def test_talks_back_at_square_one_and_titles_that_look_like_cues(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


def test_outcome_of_talks_endorsing_a_deal():
    # a participle of endorsement after held talks reports the deal they reached
    e = extract("The two foreign ministers held talks in Astana on Monday, endorsing a deal on border crossings.", "negotiation")
    assert e["arguments"]["outcome"]["value"] == "agreement"


def _party_keys(value) -> set[str] | str | None:  # type: ignore[no-untyped-def]
    if isinstance(value, list):
        return {p["country"] or p["name"] for p in value}
    return (value["country"] or value["name"]) if value else None


@pytest.mark.parametrize(
    ("text", "event_type", "field", "want"),
    [
        # A weekday closes a fronted phrase; the names after its comma are the subject of the talks.
        ("In Geneva on Tuesday, Vladimir Putin and Volodymyr Zelenskiy held talks with Emmanuel Macron and Angela Merkel.",
         "negotiation", "participants", {"RUS", "UKR", "FRA", "DEU"}),
        # A capital stands for its government.
        ("Canberra imposed sanctions on two Iranian officials on Friday, the foreign minister said.", "sanctions", "imposer",
         "AUS"),
    ],
)
def test_parties_named_by_leaders_capitals_and_after_fronted_phrases(text, event_type, field, want):  # type: ignore[no-untyped-def]
    assert _party_keys(extract(text, event_type)["arguments"][field]) == want


def test_a_conjunct_with_its_own_verb_after_a_mediator_is_a_party():
    e = extract("Serbia freed four Kosovo police officers on Monday in a handover facilitated by the European Union, and Kosovo "
                "released two Serbian soldiers.", "prisoner_swap")
    assert {a["name"] for a in e["actors"] if a["role"] == "mediator"} == {"European Union"}
    assert {a["country"] for a in e["actors"] if a["role"] == "participant"} == {"SRB", "XKX"}


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        # A third state that only reports a swap between two others brokered it.
        ("Armenia and Azerbaijan swapped ten detainees each on Sunday, the Georgian foreign ministry said.", "GEO"),
        # "in coordination with" names the go-between.
        ("Iran freed two French nationals on Friday in coordination with Oman, the French presidency said.", "OMN"),
    ],
)
def test_swap_mediator_reporting_state_and_coordination(text, mediator):  # type: ignore[no-untyped-def]
    assert _party_keys(extract(text, "prisoner_swap")["arguments"]["mediator"]) == mediator


def test_the_other_side_of_a_truce_the_meeting_is_about_is_no_party():
    e = extract("Egypt's foreign minister received a Hamas delegation in Cairo on Sunday to discuss a truce with Israel, the "
                "ministry said.", "negotiation")
    assert _party_keys(e["arguments"]["participants"]) == {"EGY", "PSE"}


def test_a_breakaway_region_is_a_side_of_its_own_so_the_host_mediates():
    e = extract("Somaliland's foreign minister and Somalia's interior minister held talks in Nairobi on Friday hosted by Kenyan "
                "President William Ruto, the Kenyan presidency said.", "negotiation")
    assert _party_keys(e["arguments"]["mediator"]) == "KEN"
    assert _party_keys(e["arguments"]["participants"]) == {"SOM"}


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # Brussels lies in the Brussels-Capital Region
        ("Envoys from both sides held talks in Brussels on Monday.", "negotiation", ("Brussels", "Brussels Capital", "BEL")),
        # A ship's name, then "off" a port: where the ship was hit
        ("A drone struck the tanker Marlin off Aden on Friday.", "drone_strike", ("Aden", "Aden", "YEM")),
        # Drones heading for a site: the site they were aimed at
        ("Air defences downed 10 drones heading for the Ryazan oil refinery on Sunday.", "drone_strike",
         ("Ryazan refinery", "Ryazan", "RUS")),
        # A sentence-initial "In <town>" is where the talks were held
        ("In Odesa on Friday, the two foreign ministers held talks on grain exports.", "negotiation", ("Odesa", "Odesa", "UKR")),
        # A capital that also names a government is a place before "airport"
        ("The two detainees were exchanged on the tarmac of Doha airport on Tuesday.", "prisoner_swap", ("Doha", "Doha", "QAT")),
        # Where a speaker talks to reporters is not where talks are held
        ("Speaking to reporters in Oslo, the minister said both sides were ready for talks.", "negotiation", (None, None, None)),
        # Where soldiers were killed, or whose defenders the freed were, is not where a swap took place
        ("Both sides handed over the bodies of 500 soldiers killed in Avdiivka.", "prisoner_swap", (None, None, None)),
        ("Russia freed 50 prisoners, among them defenders of Mariupol and of the Zaporizhzhia nuclear plant.", "prisoner_swap",
         (None, None, None)),
        # "the <adjective> capital" with no name after it is that state's capital
        ("Government and rebel envoys opened talks in the Kenyan capital on Monday.", "negotiation", ("Nairobi", "Nairobi", "KEN")),
        # Two towns in two countries joined by "and": the swap happened at both ends, at no one place
        ("Armenia and Azerbaijan swapped 20 prisoners each, with flights landing in Yerevan and Baku.", "prisoner_swap",
         (None, None, None)),
        # Where the dead fell, or where the freed spent their captivity, is not where they were handed over
        ("The bodies of 300 soldiers, most of them killed on the Zaporizhzhia front, were returned on Friday.", "prisoner_swap",
         (None, None, None)),
        ("Belarus freed a Polish activist on Monday after two years in a Minsk prison.", "prisoner_swap", (None, None, None)),
        # A town that "faced" an attack is where it happened
        ("Kharkiv faced one of the heaviest drone attacks of the war overnight, its mayor said.", "drone_strike",
         ("Kharkiv", "Kharkiv", "UKR")),
        # What border talks are about is no venue
        ("Army commanders of the two countries held talks on Monday on the disputed border in northern Sikkim.", "negotiation",
         (None, None, None)),
    ],
)
def test_places_round7_gazetteer_and_cues(text, event_type, place):
    assert where(text, event_type) == place


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # A cue inside an inserted "whose" clause describes the noun, not the talks
        ("Talks in Geneva on Friday ended without agreement, and the rebel commander, whose units are besieging the port, "
         "left early.", "negotiation", "occurred"),
        # "proposed by" after a noun names whose plan it was; the call itself was held
        ("The two presidents spoke by phone on Sunday about the truce proposed by Cairo.", "negotiation", "occurred"),
        # A refusal in a contrast clause after the talks' own clause is another stance
        ("The two army chiefs held talks by phone on Tuesday, while the government again rejected any foreign mediation.",
         "negotiation", "occurred"),
        # A cue in a contrast clause after the main clause is another party's step, even with no cue in the main clause
        ("Canada has banned imports of Russian steel, an official said, while Japan is weighing whether to follow.",
         "sanctions", "occurred"),
        # The target's vow to reply, in a later coordinated clause, is no threat of the measure already taken
        ("The EU put a dozen Iranian firms on its blacklist on Monday, and Tehran vowed to take firm measures in response.",
         "sanctions", "occurred"),
        # An announced decision about a measure, by pronoun or by name after the day of the statement, is planned
        ("The finance ministers said on Monday they would enforce a price cap on Iranian oil from March 1.", "sanctions",
         "planned"),
        ("The prime minister said on Tuesday that the United Kingdom would freeze the assets of five generals.", "sanctions",
         "planned"),
        # Revoking a licence or a waiver is a decision about a measure too
        ("The Treasury said on Monday it would revoke the company's export licence within 30 days.", "sanctions", "planned"),
        # A demand dated by its weekday is still a demand
        ("Tehran demanded on Monday that Washington lift its sanctions on the central bank.", "sanctions", "proposed"),
        # "to push for talks" is the purpose of the planned call
        ("The chancellor said he would call the Chinese president next week to push for talks on trade.", "negotiation",
         "planned"),
    ],
)
def test_modality_round7_inserted_clauses_and_participles(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "day"),
    [
        # Announcing a measure imposes it: the weekday before "announced sanctions" dates the sanctions
        ("Canberra on Tuesday announced sanctions on three militia leaders, the foreign minister said.", "sanctions",
         "2025-07-15"),
        # "during the Monday morning rush hour": a weekday with a part of the day is the time of the strike
        ("Drones hit central Odesa during the Monday morning rush hour, killing two people, the governor said.",
         "drone_strike", "2025-07-14"),
        # "agreed in principle to hold ... in March", said in July: the coming March
        ("The two foreign ministers have agreed in principle to hold talks in Seoul in March, officials said.", "negotiation",
         "2026-03"),
    ],
)
def test_dates_round7_announced_measures_and_parts_of_day(text, event_type, day):
    assert extract(text, event_type)["date"]["value"] == day


def test_dates_round7_attack_blamed_on_a_party_is_not_the_talks_date():
    # The date of the attack a party is accused of is not the date of the talks it broke off
    e = extract("The government has suspended peace talks with the rebels, whom it accused of an attack on a police "
                "station in Tumaco last week.", "negotiation")
    assert e["date"]["source"] == "published"


def test_dates_round7_month_people_were_captured_in():
    # The month the people were captured in, after a phrase saying how, dates the capture, not the swap
    e = extract("Georgia handed over five Russian servicemen captured during a border skirmish last month, officials said.",
                "prisoner_swap")
    assert e["date"]["source"] == "published"


def test_drone_counts_across_clauses_and_running_war_tolls():
    # a casualty count before "when a drone ..." is not a drone count
    e = extract("Three guards were killed and 14 wounded when a drone launched from Syria hit a border post.", "drone_strike")
    assert e["arguments"]["drones_launched"] is None and e["arguments"]["injured"]["value"] == 14
    # the downed count is not the launch count, but the attacker's own figure in another clause is
    e = extract("The army said it had shot down 9 drones aimed at the capital, while the rebels said they had sent 21 drones.",
                "drone_strike")
    assert (e["arguments"]["drones_launched"]["value"], e["arguments"]["drones_intercepted"]["value"]) == (21, 9)
    # drones that crossed into the defender's airspace were launched at it
    e = extract("The army said 12 drones crossed the frontier on Monday and most were shot down.", "drone_strike")
    assert e["arguments"]["drones_launched"]["value"] == 12
    # a toll "put at" by a source is this attack's; one "since the invasion" is the war's
    e = extract("Drones hit a market in Kadugli on Sunday, the local council said, putting the death toll at 9.", "drone_strike")
    assert e["arguments"]["killed"]["value"] == 9
    e = extract("Drones hit a depot near Izium on Friday, as officials said 4,000 troops had been killed since the war began.",
                "drone_strike")
    assert e["arguments"]["killed"] is None


def test_swap_totals_respectively_flown_between_and_uncounted_other_side():
    def counts(text: str) -> tuple:
        a = extract(text, "prisoner_swap")["arguments"]
        return tuple(None if a[k] is None else a[k]["value"] for k in ("total", "released_by_each_side"))

    # one count per side, in order: the sum is the total
    assert counts("Armenia and Azerbaijan freed 32 and 2 soldiers respectively on Wednesday.")[0] == 34
    # people flown between the two sides' cities are everyone exchanged
    assert counts("Some 400 prisoners were flown between Khartoum and Nyala on Monday, the Red Cross said.")[0] == 400
    # the other side's release is stated without a count: one side's count is no total
    assert counts("Georgia said it had received 12 of its citizens; Tbilisi did not say how many it had handed over.") == (None, None)
    assert counts("The rebels offered to free 60 soldiers if the army released rebel fighters.") == (None, None)


def test_swap_category_by_the_noun_after_a_held_participle():
    # "detained soldiers" are soldiers held by the other side: prisoners of war, not civilian detainees
    e = extract("Sudan and South Sudan agreed to exchange detained soldiers captured in the border clashes.", "prisoner_swap")
    assert e["arguments"]["category"]["value"] == "pows"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # a meeting carried by a third party's track is talks, even in one side's capital
        ("Taliban negotiators met Pakistani officials in Islamabad on Monday under a Qatari-brokered process to discuss border security.",
         "talks"),
        # one minister meeting several countries' ministers in one capital holds a group meeting, not a visit
        ("Antony Blinken met the foreign ministers of Egypt, Qatar, Jordan and Saudi Arabia in Cairo on Sunday to discuss Gaza.", "talks"),
        # a summit named as the later goal is not this meeting's form
        ("Qatari ministers said their talks in Doha were a step toward a leaders' summit later this year.", "talks"),
        # a head of government received by another on a visit: a summit
        ("Kenyan President William Ruto received Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday, his first visit to Kenya since 2022.",
         "summit"),
        # envoys named as one side of "talks between": the leader received them
        ("The talks between Ali Khamenei and Omani envoys in Tehran on Sunday were useful, Iranian state media said.", "envoy_visit"),
        # a leader in a later relative clause did not meet the envoy
        ("The U.S. envoy said after a fifth round of talks with Hamas in Cairo that the sides had agreed a framework, which he would "
         "present to Israeli Prime Minister Benjamin Netanyahu.", "talks"),
    ],
)
def test_negotiation_format_tracks_groups_goals_and_receptions(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Colombian negotiators and the ELN endorsed a joint roadmap towards disarmament in Havana on Friday.", "agreement"),
        ("The Omani foreign minister spoke by phone with the Houthi leader, securing the group's acceptance of a truce.", "agreement"),
        ("Arab ministers urged Washington to back a ceasefire at a meeting in Amman, a demand the U.S. envoy rejected.", "no_agreement"),
    ],
)
def test_negotiation_outcome_endorsed_plans_accepted_and_declined_demands(text, outcome):
    assert extract(text, "negotiation")["arguments"]["outcome"]["value"] == outcome


def test_a_single_drone_downed_counts_one():
    e = extract("Militants attacked an army post near Bannu with quadcopters on Friday; soldiers shot down a second drone.", "drone_strike")
    assert e["arguments"]["drones_intercepted"]["value"] == 1
    # a drone factory destroyed is no drone intercepted
    e = extract("Ukrainian drones destroyed a drone factory in Yelabuga overnight, officials said.", "drone_strike")
    assert e["arguments"]["drones_intercepted"] is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a treaty endorsed after talks is an agreement
        ("Foreign ministers of Armenia and Azerbaijan endorsed a treaty on their frontier at talks in Abu Dhabi on Monday.", "agreement"),
        # one side's position unchanged after the talks: no agreement
        ("Serbia and Kosovo negotiators met in Brussels on Thursday, but Belgrade said Pristina's position had not changed.",
         "no_agreement"),
        # sides that refuse even to sit together reach no agreement
        ("Sudan's army and the RSF sent delegations to Jeddah on Monday but refused to sit at the same table.", "no_agreement"),
    ],
)
def test_negotiation_outcome_round9_treaties_and_unchanged_positions(text, outcome):
    assert extract(text, "negotiation")["arguments"]["outcome"]["value"] == outcome


def test_negotiation_format_round9_proposed_talks_in_a_numbered_format():
    # "P5+1" / "5+2" are talks formats: proposing to resume them proposes talks, not a text
    e = extract("Iran proposed restarting the P5+1 talks on its nuclear programme, its foreign ministry said on Monday.", "negotiation")
    assert e["arguments"]["format"]["value"] == "talks"


@pytest.mark.parametrize(
    ("text", "instrument", "action"),
    [
        # a ban on imports with a dotted country abbreviation before them is an embargo
        ("The White House announced a ban on U.S. imports of Venezuelan crude on Monday.", "embargo", "impose"),
        # suspending a ban lifts it for a time
        ("Beijing said it would suspend for six months its ban on exports of rare earths to Japan.", "export_ban", "lift"),
    ],
)
def test_sanctions_round9_dotted_import_bans_and_suspended_bans(text, instrument, action):
    args = extract(text, "sanctions")["arguments"]
    assert args["instrument"]["value"] == instrument
    assert args["action"]["value"] == action


def test_drones_round9_all_downed_were_all_launched():
    # "all N drones" downed: as many were launched as were downed
    args = extract("Air defences destroyed all nine attack drones fired at Kharkiv overnight, the governor said.", "drone_strike")["arguments"]
    assert args["drones_intercepted"]["value"] == 9
    assert args["drones_launched"]["value"] == 9


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        # emergency services are the state's
        ("A drone hit a fire station in Sumy on Monday, wounding two firefighters, the regional governor said.", "government"),
        # a printing house is a workplace, not a home
        ("Russian drones struck a printing house in Kharkiv overnight, the mayor said.", "industrial"),
    ],
)
def test_drone_target_type_round9_fire_stations_and_printing_houses(text, target_type):
    assert extract(text, "drone_strike")["arguments"]["target_type"]["value"] == target_type


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # a delegation received comes on a visit, even when refused
        ("Mali's junta said it would not receive a delegation from the African Union this week.", "envoy_visit"),
        # a bloc's envoy meeting a side mediates talks; he does not visit the side
        ("Armenian Prime Minister Nikol Pashinyan met EU envoy Toivo Klaar in Yerevan on Monday to discuss the peace treaty.", "talks"),
        # a leader named in a time clause is not whom the envoy met
        ("Hamas officials and U.S. envoy Adam Boehler have not met since President Trump ended the contacts in March.", "talks"),
        # two leaders who each met the mediator separately held no summit
        ("Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki each met the AU mediator separately in Addis Ababa on "
         "Friday.", "talks"),
    ],
)
def test_negotiation_format_round9_received_delegations_bloc_envoys_and_apart(text, fmt):
    assert extract(text, "negotiation")["arguments"]["format"]["value"] == fmt


def test_swap_total_round9_release_under_a_separate_deal_is_not_counted():
    # people freed under another arrangement are no part of this swap's total
    args = extract("Azerbaijan freed 12 Armenian soldiers on Monday and Armenia released 8 Azerbaijani detainees; two Russian citizens "
                   "were also freed under a separate agreement.", "prisoner_swap")["arguments"]
    assert args["total"]["value"] == 20


def test_swap_category_round9_war_swap_with_soldiers_and_some_civilians_is_pows():
    # a swap between the warring states that names soldiers among mixed groups is one of prisoners of war
    e = extract("Russia and Ukraine swapped 150 prisoners each on Sunday, among them servicemen and several civilians, "
                "the defence ministry said.", "prisoner_swap")
    assert e["arguments"]["category"]["value"] == "pows"


def test_sanctions_action_round9_proposed_extension_is_an_extension():
    # a proposal to renew a measure in force: the action is the renewal
    args = extract("Britain proposed on Monday to extend its asset freeze on Syrian officials for another year.", "sanctions")["arguments"]
    assert args["action"]["value"] == "extend"


@pytest.mark.parametrize(
    ("text", "target_type"),
    [
        # what an earlier attack hit is not this strike's target
        ("Nigeria's air force said it had killed scores of ISWAP fighters in drone strikes near Lake Chad on Monday, two days after "
         "the militants attacked a bus on the Maiduguri road.", "military"),
        # armed people as the subject of an attack verb are the attackers
        ("Al-Shabaab fighters attacked a hotel in Kismayo with drones on Friday, the police said.", "civilian"),
    ],
)
def test_drone_target_type_round9_earlier_attacks_and_attacking_subjects(text, target_type):
    assert extract(text, "drone_strike")["arguments"]["target_type"]["value"] == target_type


def test_swap_category_round9_bodies_in_a_while_clause_are_another_matter():
    # the swap counts living prisoners; bodies named in a contrasting clause do not make it a repatriation of remains
    e = extract("Armenia and Azerbaijan agreed on Monday to exchange 40 prisoners, officials said, while both sides pledged "
                "to keep searching for the bodies of the missing.", "prisoner_swap")
    assert e["arguments"]["category"]["value"] != "bodies"


def test_a_single_drone_from_somewhere_reported_downed_counts_one():
    # the subject of a reported clause, with where it was launched from between, downed: one intercepted
    e = extract("The army said a drone launched from Lebanon had been shot down over the Galilee on Sunday.", "drone_strike")
    assert e["arguments"]["drones_intercepted"]["value"] == 1


def test_negotiation_format_round9_possessive_title_names_a_leader():
    # "Guyana's President Irfaan Ali": a head of state named by his country's possessive and title
    e = extract("Suriname's President Chan Santokhi and Guyana's President Irfaan Ali met at a meeting brokered by Barbados on "
                "Thursday, agreeing to settle their border dispute.", "negotiation")
    assert e["arguments"]["format"]["value"] == "summit"


def test_swap_total_round9_uneven_extra_exchange_after_each():
    # an extra, uneven exchange on top of an equal one adds to the total, and the sides no longer freed the same number
    args = extract("Armenia and Azerbaijan exchanged 10 prisoners each on Monday; Baku also released 4 wounded soldiers in return "
                   "for 2 Azerbaijani servicemen.", "prisoner_swap")["arguments"]
    assert args["total"]["value"] == 26
    assert args["released_by_each_side"] is None


def test_dates_round9_a_past_event_first_reported_on_a_weekday():
    # "said on Monday that ... had struck": with no date of its own, the event takes the report's day, not publication
    e = extract("The army said on Monday that rebel drones had struck a fuel depot near Goma, wounding two guards.",
                "drone_strike")
    assert e["date"]["value"] == "2025-07-14"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # attacks the talks are about do not make the talks' town an incident's place
        ("The two delegations failed to agree on steps to curb border attacks during talks in Ankara, officials said.", "Ankara"),
        # a town that hosts the talks is where they are held
        ("The Austrian city of Salzburg hosted a new round of talks between Armenia and Azerbaijan.", "Salzburg"),
    ],
)
def test_venue_round9_talks_about_attacks_and_a_hosting_town(text, name):
    assert extract(text, "negotiation")["location"]["name"] == name


def test_drone_place_round9_where_a_drone_was_downed_is_no_launch_site():
    # "launched from X had been intercepted near Y": Y is where it was brought down, not where it came from
    e = extract("The army said a drone launched from Lebanon had been intercepted near Nahariya on Sunday.", "drone_strike")
    assert e["location"]["name"] == "Nahariya"


def test_drone_place_round9_a_town_named_by_its_reactor():
    # "Chernobyl's reactor": the town is the place (a gazetteer entry of its own, not a variant of another town)
    e = extract("A drone struck the roof over Chernobyl's old reactor overnight, the agency said.", "drone_strike")
    assert (e["location"]["name"], e["location"]["admin1"]) == ("Chornobyl", "Kyiv")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a swap verb after "agreed" makes the place the swap's, not the agreement's
        ("The two sides agreed to swap 30 prisoners each in Taiz later this month, a negotiator said.", "Taiz"),
        # the seat of a government named by its institution is not where the swap happens
        ("The Presidential Council in Aden and the Houthis exchanged 15 detainees each in Marib on Monday.", "Marib"),
    ],
)
def test_swap_place_round9_agreed_swaps_and_seats_of_governments(text, name):
    assert extract(text, "prisoner_swap")["location"]["name"] == name


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a resumption dated to a past weekday is a finished event; one reported for today is under way
        ("Government and rebel envoys resumed talks in Nairobi on Wednesday, the mediators said.", "occurred"),
        ("Government and rebel envoys resumed talks in Nairobi today, the mediators said.", "ongoing"),
    ],
)
def test_modality_round9_a_dated_resumption(text, modality):
    assert extract(text, "negotiation")["modality"] == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        # talks that "were stuck" have stalled
        ("The envoy said on Friday that the talks in Geneva were stuck over the sequencing of the withdrawal.", "negotiation",
         "stalled"),
        # blocking given as the reason for a measure does not stall the measure
        ("Canada imposed sanctions on two settler groups for blocking medical supplies, the ministry said.", "sanctions",
         "occurred"),
    ],
)
def test_modality_round9_stuck_talks_and_blocking_as_a_reason(text, event_type, modality):
    assert extract(text, event_type)["modality"] == modality


def test_dates_round9_a_finished_swap_reported_later_stays_undated():
    # a swap or a round of talks is often disclosed days after it ended: the report's day does not date it
    e = extract("The ombudsman said on Monday that the two sides had exchanged 40 prisoners each.", "prisoner_swap")
    assert e["date"]["source"] == "published"


def test_dates_round9_announced_on_a_weekday_then_the_measure():
    # "announced on Tuesday new sanctions": the weekday dates the measure announced, the verb's object
    e = extract("The foreign minister announced on Tuesday new sanctions against four militia commanders.", "sanctions")
    assert e["date"]["value"] == "2025-07-15"


def test_dates_round9_the_end_an_extension_runs_to_is_not_its_date():
    # "extended ... to March 15": the new end date; the weekday dates the decision
    e = extract("The bloc extended its asset freezes on the generals by six months to March 15 on Monday, diplomats said.",
                "sanctions")
    assert e["date"]["value"] == "2025-07-14"


def test_venue_round9_an_earlier_round_elsewhere_is_not_the_venue():
    e = extract("Talks between the government and the rebels resumed in Nairobi on Monday, after a first round in Addis Ababa "
                "in May.", "negotiation")
    assert e["location"]["name"] == "Nairobi"


def test_drone_place_round9_a_capital_as_the_object_of_a_strike():
    # "could strike Minsk": the capital is where the drones would land, not the government that is threatened
    e = extract("The rebel commander warned his forces could strike Minsk with long-range drones next month.", "drone_strike")
    assert e["location"]["name"] == "Minsk"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The rebels failed to show up for a planned handover of 12 prisoners at the border on Sunday, officials said.",
         "prisoner_swap"),
        ("The military council said it would not receive a mediation delegation from the regional bloc.", "negotiation"),
    ],
)
def test_modality_round9_no_shows_and_refused_delegations_stall(text, event_type):
    assert extract(text, event_type)["modality"] == "stalled"


def test_modality_round9_an_appositive_stall_is_the_earlier_state():
    # "the talks, suspended since 2021,": what became of them before; the main verb proposes them again
    e = extract("Both governments have proposed reviving the border talks, suspended since 2021, the foreign ministry said.",
                "negotiation")
    assert e["modality"] == "proposed"


@pytest.mark.parametrize(
    ("text", "mediator", "sides"),
    [
        # A demonym's official, named by title and name, hosts the delegations of two others
        ("Maltese Foreign Minister Joseph Camilleri hosted his Greek and Turkish counterparts in Valletta on Sunday for "
         "talks on maritime borders.", "MLT", {"GRC", "TUR"}),
        # Who meets each side apart goes between them
        ("Egyptian intelligence chief Hassan Rashad met Israeli envoys and, separately, a Hamas team in Cairo on Monday "
         "to discuss a truce.", "EGY", {"ISR", "PSE"}),
        # The role after an appositive
        ("Envoys of Serbia and Kosovo met in Brussels on Monday with Croatia, the current bloc chair, acting as "
         "go-between.", "HRV", {"SRB", "XKX"}),
    ],
)
def test_negotiation_host_between_two_guests_mediates(text, mediator, sides):  # type: ignore[no-untyped-def]
    e = extract(text, "negotiation")
    assert _party_keys(e["arguments"]["mediator"]) == mediator
    assert _party_keys(e["arguments"]["participants"]) == sides


def test_a_side_that_stayed_away_from_talks_held_without_it_is_no_party():
    e = extract("Turkish mediators opened talks in Istanbul on Friday with a Russian delegation, while Ukraine, which "
                "declined to attend, said it would wait for the outcome.", "negotiation")
    assert _party_keys(e["arguments"]["participants"]) == {"RUS"}


def test_the_south_sudan_opposition_alliance_is_a_known_party():
    e = extract("Envoys of the South Sudan Opposition Movements Alliance and the government of South Sudan resumed talks "
                "in Nairobi on Monday.", "negotiation")
    assert "South Sudan Opposition Movements Alliance" in {a["name"] for a in e["actors"]}


def test_talks_brokered_by_the_host_nation_s_unknown_leader_are_mediated_by_the_host():
    e = extract("Ethiopia's and Eritrea's foreign ministers met in Port Louis on Saturday at talks brokered by the island "
                "nation's Prime Minister Arvind Doobur.", "negotiation")
    assert _party_keys(e["arguments"]["mediator"]) == "MUS"


def test_swap_mediator_is_the_subject_of_a_relative_clause_not_its_head():
    e = extract("Belarus freed two Lithuanians on Friday in a prisoner exchange with Vilnius that Poland had mediated.",
                "prisoner_swap")
    assert _party_keys(e["arguments"]["mediator"]) == "POL"


def test_a_bloc_named_in_the_mediator_s_appositive_is_no_side():
    e = extract("Envoys of Ethiopia and Somalia held talks in Nairobi on Monday with Djibouti, the IGAD chair, acting as "
                "mediator.", "negotiation")
    assert _party_keys(e["arguments"]["participants"]) == {"ETH", "SOM"}


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        # The object of a verb of listing is the target, though a verb of listing follows it ("as a ... designated")
        ("Australia listed the Houthis as a designated terrorist organisation on Tuesday.", "AUS", "YEM"),
        # Whose leaders act is no target
        ("Finance ministers of the Group of Seven, gathered in Rome, agreed on Monday to widen sanctions on Belarus.",
         "G7", "BLR"),
        # A count with a thousands separator between the measure and the target
        ("Britain imposed sanctions on more than 2,300 Iranian officials and firms on Thursday.", "GBR", "IRN"),
        # An entity named after the target's possessive, in a list of those hit
        ("Washington imposed sanctions on 40 targets on Friday, including Syria's General Intelligence Directorate.",
         "USA", "SYR"),
        # A name ending in s takes a bare apostrophe; who a report is according to is its source, no target
        ("According to Kyiv, Brussels' new package of sanctions bans more exports of machine tools to Russia.", "European Union",
         "RUS"),
    ],
)
def test_sanctions_imposer_and_target_round9(text, imposer, target):  # type: ignore[no-untyped-def]
    e = extract(text, "sanctions")
    assert _party_keys(e["arguments"]["imposer"]) == imposer
    assert _party_keys(e["arguments"]["target"]) == target


def test_swap_a_relative_clause_s_subject_after_under_which_is_a_side():
    e = extract("Two Britons landed in London on Monday after being freed in a deal brokered by Oman, under which "
                "Britain released three Iranians.", "prisoner_swap")
    assert _party_keys(e["arguments"]["mediator"]) == "OMN"
    assert {(a["role"], a["country"]) for a in e["actors"]} >= {("participant", "GBR")}


def test_swap_who_frees_someone_is_a_side_though_its_envoy_negotiated():
    e = extract("Iran freed a French teacher on Monday, and Paris would free an Iranian engineer in return, in a deal "
                "negotiated by France's foreign ministry.", "prisoner_swap")
    assert e["arguments"]["mediator"] is None
    assert ("mediator", "FRA") not in {(a["role"], a["country"]) for a in e["actors"]}


def test_a_source_after_a_clause_is_a_side_not_a_person_s_nationality():
    e = extract("Talks on a prisoner deal brokered by Oman resumed in Muscat on Sunday, a Houthi official said, while "
                "Saudi negotiators were due later in the week.", "negotiation")
    assert _party_keys(e["arguments"]["participants"]) == {"SAU", "YEM"}


def test_who_calls_on_others_to_hold_talks_is_no_side():
    e = extract("Serbia's president dismissed a call from Germany's chancellor for direct talks with Pristina, saying "
                "Belgrade would only negotiate once Kosovo withdrew its police.", "negotiation")
    assert _party_keys(e["arguments"]["participants"]) == {"SRB", "XKX"}


def test_sanctions_threat_target_is_who_must_concede_to_avert_it():
    e = extract("Washington warned on Friday it would impose tariffs of 50% on buyers of Venezuelan crude unless Caracas "
                "agreed to hold new elections.", "sanctions")
    assert _party_keys(e["arguments"]["target"]) == "VEN"


def test_sanctions_who_dismisses_a_threat_of_sanctions_is_its_target():
    e = extract("Minsk on Tuesday rejected a threat by Warsaw to impose sanctions over the detention of a Polish "
                "journalist.", "sanctions")
    assert _party_keys(e["arguments"]["imposer"]) == "POL"
    assert _party_keys(e["arguments"]["target"]) == "BLR"


def test_sanctions_evasion_target_is_the_origin_of_the_cargo_carried():
    e = extract("Vessels carrying Iranian oil are still unloading at Malaysian ports despite the U.S. embargo, tracking "
                "data show.", "sanctions")
    assert _party_keys(e["arguments"]["target"]) == "IRN"


def test_sanctions_evasion_whose_fleet_carries_the_cargo_is_the_target():
    e = extract("Ships managed by Iran's Sahand Marine are still loading crude at Kharg despite the U.S. "
                "sanctions imposed on the firm in 2019, tracking data show.", "sanctions")
    assert _party_keys(e["arguments"]["imposer"]) == "USA"
    assert _party_keys(e["arguments"]["target"]) == "IRN"


def test_sanctions_whose_failure_the_measure_punishes_is_its_target():
    e = extract("Washington said on Monday it would reimpose sanctions on the country's oil sector, after Tehran failed to free "
                "jailed opposition leaders.", "sanctions")
    assert _party_keys(e["arguments"]["target"]) == "IRN"
