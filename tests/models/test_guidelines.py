"""The labeling guidelines' edge cases (models/LABELING.md), checked on the shipped transformer.

One test per "does not count" rule, each next to a sentence that does count,
so the model has to learn the rule rather than the topic.
"""

from __future__ import annotations

import pytest

from models.passages import classify_passages

CASES = [
    # drone_strike
    ("drone_strike", True, "Russian Shahed drones hit an apartment block in Odesa overnight, killing two people, the regional governor said."),
    ("drone_strike", True, "Air defences downed 61 of the 90 attack drones launched at Kyiv overnight, the Ukrainian air force said."),
    ("drone_strike", False, "The factory in Yelabuga has ramped up production of Geran-2 drones to thousands a month, satellite imagery suggests."),
    ("drone_strike", False, "Iran has supplied Russia with hundreds of Shahed drones under a deal signed in 2022, Western officials say."),
    ("drone_strike", False, "Ukraine has increasingly relied on its drone programme over the past year as it struggles with shortages of artillery shells."),
    ("drone_strike", False, "Russian missiles struck the centre of Dnipro on Tuesday, killing four people, the regional governor said."),
    ("drone_strike", False, "Israeli warplanes bombed targets in southern Lebanon on Sunday, the military said."),
    # negotiation
    ("negotiation", True, "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of direct peace talks."),
    ("negotiation", True, "Qatar and Egypt presented a new ceasefire proposal to Hamas and Israel on Thursday, officials said."),
    ("negotiation", False, "Real Madrid are in talks with the midfielder's club over a transfer fee of around 80 million euros."),
    ("negotiation", False, "Washington and Brussels resumed negotiations on a trade deal to avert higher tariffs on cars and steel."),
    ("negotiation", False, "Union leaders and the railway operator failed to reach a wage agreement after a third day of bargaining."),
    # sanctions
    ("sanctions", True, "The European Union adopted its 17th package of sanctions against Russia, targeting nearly 200 shadow fleet tankers."),
    ("sanctions", True, "Trump threatened secondary tariffs of up to 100% on countries that keep buying Russian oil."),
    ("sanctions", False, "The United States raised tariffs on imported steel and aluminium to 50% to protect domestic producers."),
    ("sanctions", False, "UEFA fined the club 2 million euros and imposed a partial stadium closure as a disciplinary sanction."),
    ("sanctions", False, "Heavily sanctioned Iran reported a rise in non-oil exports to its neighbours last year."),
    # prisoner_swap
    ("prisoner_swap", True, "Russia and Ukraine exchanged 150 prisoners of war each on Friday in a swap mediated by the United Arab Emirates."),
    ("prisoner_swap", True, "Ukraine received the bodies of 909 fallen soldiers from Russia under a repatriation agreed in Istanbul."),
    ("prisoner_swap", False, "The president pardoned 300 prisoners to mark the national holiday, the presidential office said."),
    ("prisoner_swap", False, "Police freed two hostages held by an armed robber at a bank in the city centre after a six-hour standoff."),
    ("prisoner_swap", False, "The former minister was released on parole after serving two-thirds of his sentence for corruption."),
]


@pytest.mark.parametrize(("event_type", "counts", "text"), CASES, ids=[f"{t}-{'yes' if c else 'no'}-{i}" for i, (t, c, _x) in enumerate(CASES)])
def test_guideline_case(transformer, event_type, counts, text):
    (labels, scores), = classify_passages(transformer, [text])
    assert (event_type in labels) is counts, f"{event_type} score {scores[event_type]:.3f}: {text}"
