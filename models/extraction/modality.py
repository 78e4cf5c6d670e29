"""Modality: did the event happen, or was it planned, threatened, proposed, denied, stalled?

"threatened to impose sanctions" is not "imposed sanctions", and a meeting
that "may not happen this year" is not a meeting that happened. Cues are
looked for near the word that names the event (its trigger), nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MODALITIES = ("occurred", "ongoing", "planned", "threatened", "proposed", "denied", "stalled")

TRIGGERS: dict[str, re.Pattern[str]] = {
    "drone_strike": re.compile(
        r"\b(?:drones?|uavs?|shaheds?|gerans?|lancets?|fpvs?|quadcopters?|loitering|unmanned|attack\w*|strik\w*|struck|"
        r"hit|shot down|downed|intercept\w*)\b",
        re.I,
    ),
    "negotiation": re.compile(
        r"\b(?:talks|negotiat\w*|summit|meeting|meet|met|call|spoke|conversation|dialogue|round|proposal|"
        r"memorandum|mediat\w*|ceasefire|truce|peace (?:deal|plan|process)|consultations|visit\w*|spoken|speak|phone|plan|"
        r"roadmap|framework|initiative|agreements?|accords?|deals?|face-to-face|offer\w*|good\s+offices|overtures?|trip|"
        # "Witkoff is expected in Moscow on Wednesday": a visit named by its predicate
        r"(?:is|are)\s+(?:due|expected)\s+(?:back\s+)?in\s+(?=(?-i:[A-Z])))\b",
        re.I,
    ),
    "sanctions": re.compile(
        r"\b(?:sanction\w*|tariffs?|embargo\w*|price cap|asset freeze|freez\w*|frozen|export ban|ban\w*|blacklist\w*|"
        r"designat\w*|restrictions|measures|package|dut(?:y|ies)|levy|levies|cap|exports?|imports?)\b",
        re.I,
    ),
    "prisoner_swap": re.compile(
        r"\b(?:swap\w*|exchang\w*|releas\w*|freed|prisoners?|pows?|captives?|detainees?|hostages?|bodies|repatriat\w*|"
        r"returned|handed over)\b",
        re.I,
    ),
}

# Words that name the event to the modality rules only (dates keep TRIGGERS).
_MORE_TRIGGERS: dict[str, re.Pattern[str]] = {
    # "warned the two sides that they would be targeted": who a measure is to hit names it
    "sanctions": re.compile(r"\b(?:be|been)\s+targeted\b", re.I),
    # "fighters were handing four soldiers over to the Red Cross"
    "prisoner_swap": re.compile(r"\b(?:handing|handovers?)\b", re.I),
}

_CHARGES_DENIED = re.compile(r"\b(?:charges?|accusations?|allegations?|crimes?|wrongdoing)\s+(?:that\s+|which\s+)?"
                             r"(?:he|she|they|it|[\w'’-]+)\s+(?:had\s+|has\s+|have\s+|always\s+)?$", re.I)
_CLAIM_NOUN = r"(?:accusations?|allegations?|claims?|reports?|charges?)\b"
# "dismissed reports that Putin would travel to Istanbul", "rejecting a report that a swap was on the table": to
# reject a claim is to deny it (rejecting a proposal is a refusal, which _REFUSAL tells).
_DENIAL = re.compile(r"\b(?:denie[sd]|deny(?:ing)?|refuted|(?:dismiss(?:ed|es|ing)|reject(?:ed|s|ing))"
                     rf"(?=\s+(?:[\w.'’-]+\s+){{0,3}}?{_CLAIM_NOUN}))\b", re.I)
_REJECTED = re.compile(r"dismiss|reject", re.I)
# "accused Kyiv of a drone attack on the residence, which Ukraine denied": the claim before is denied.
# Not a passive ("a special licence, which is generally denied"): refused, not denied as untrue.
_DENIED_AFTER = re.compile(r",\s+(?:which|a\s+claim(?:\s+that)?|an\s+accusation(?:\s+that)?)\s+"
                           # "blaming the M23, which denied involvement"; "a claim the de facto Karabakh authorities denied"
                           r"(?:(?!(?:is|are|was|were|be|been|being)\b)[\w'’.-]+\s+){0,6}?"
                           # "..., which rejected the accusation as baseless"
                           rf"(?:denied|denies|refuted|(?:rejected|dismissed)\s+(?:(?:the|this|that|these|those|such)\s+)?{_CLAIM_NOUN})\b",
                           re.I)
_DENIAL_OBJECT = re.compile(r"\b(?:denie[sd]|deny(?:ing)?|dismiss(?:ed|es|ing)|reject(?:ed|s|ing)|refuted)\s+(?:[\w.'’-]+\s+){0,3}?"
                            rf"(?:the\s+)?{_CLAIM_NOUN}", re.I)
# "The RSF denied responsibility", "Kyiv denied direct involvement": the accused denies an attack.
_DENIAL_ACT = re.compile(r"\b(?:denie[sd]|deny(?:ing)?)\s+(?:any\s+)?(?:direct\s+|its\s+|their\s+)?(?:responsibility|involvement|role|carrying\s+out|launching|"
                         r"conducting)\b", re.I)
_REFUSAL = re.compile(
    r"\b(?:reject\w*|refus\w*|turn\w*\s+down|dismiss\w*|block\w*|veto\w*|declin(?:ed|es|ing))\s+(?:[\w.'’-]+\s+){0,4}?"
    r"(?:calls?|offers?|proposals?|invitations?|requests?|ideas?|adoption|package|overtures?|approach(?:es)?|outreach|"
    # "dismissed a peace plan floated by ...", "rejected direct negotiations with Washington"
    r"plans?|initiatives?|frameworks?|roadmaps?|talks|negotiations|dialogue|"
    # "rejected any third-party role in its dispute": a mediator refused
    r"mediation|(?:third[- ]party\s+|outside\s+|foreign\s+)(?:role|mediation|involvement))\b|"
    r"\bno\s+interest\s+in\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiat\w*|dialogue|meeting|contacts)\b|"
    r"\b(?:will|would|shall|did|does|do)\s+not\s+(?:take\s+part|attend|join|participate|accept|release|free|hand\s+over|exchange|swap|"
    r"negotiate|sign|sit\s+down|(?:show|turn)\s+up|travel\s+to|come\s+to|go\s+to|return\s+to\s+(?:the\s+)?(?:negotiations|talks|(?:negotiating\s+)?table))\b|"
    # a refusal to meet, not a meeting that did not happen ("did not meet in person but spoke by phone")
    r"\b(?:(?:will|would|shall)\s+not|won['’]t)\s+meet\b|"
    r"\bdeclined\s+to\s+(?:set|fix|agree\s+on|name)\s+(?:a\s+)?(?:date|time|venue)\b|"
    r"\b(?:(?<!\bthe\s)(?<!\ba\s)(?<!\d\s)boycott(?:s|ed|ing)?\b(?!\s+of\b)|declined\s+to\s+(?:attend|join|take\s+part)|on\s+pause|paused|will\s+never\s+accept)\b",
    re.I,
)
_NEGATED_STALL = re.compile(r"\b(?:denie[sd]|deny|did not believe|not)\b[^.]{0,60}\bstall\w*", re.I)

_HOLD_UP = (r"(?:holding|holds?|held)\s+up\s+(?:by|over|(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
            r"(?:proposals?|package|adoption|deal|talks|sanctions|agreement|approval|release|exchange|swap|plan|decision|measures))")
_STALLED = re.compile(
    r"\b(?:stall\w*|may\s+not\s+(?:happen|take\s+place)|might\s+not\s+(?:happen|take\s+place)|not\s+guaranteed|"
    r"postpon\w*|suspend\w*|broke\s+down|break\s+down|broken\s+down|collaps\w*|deadlock\w*|impasse|"
    # "the talks in Vienna were stuck", "an Israeli delegation stayed away from the talks"
    r"(?:were|was|are|is|remains?|remained|got|get)\s+stuck|(?:stayed|stays|stay|kept|keeps)\s+away\s+from|"
    # "Russia failed to show up for the planned exchange", "would not receive a delegation"
    r"fail(?:ed|s)?\s+to\s+(?:show|turn)\s+up|(?:would|will)\s+not\s+receive|"
    # "declared the negotiations over"
    r"declar\w*\s+(?:the\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|dialogue|process)\s+"
    r"(?:over|dead|finished)|"
    r"refus\w*\s+to\s+(?:meet|negotiate|attend|join|hold|take\s+part|talk)|called\s+off|cancel\w*|"
    # "failed to agree" after a call or a round that was held is its outcome, not a stall.
    r"no\s+agreements?\s+on|failed\s+to\s+materiali[sz]e|on\s+hold|"
    r"delayed|put\s+off|(?<!could\sbe\s)(?<!might\sbe\s)(?<!may\sbe\s)pushed\s+back|walked\s+out|pulled\s+out|recall(?:ed|ing|s)|"
    r"not\s+happen|unlikely|rul(?:ed|es|ing)\s+out|derailed|shelved|blocked|blocking|vetoed|"
    r"halt\w*\s+(?:all\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|mediation|contacts|outreach|"
    r"dialogue|diplomacy|exchanges?|swaps?|releases?|handovers?)|"
    r"missed\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?deadline|adjourned\s+(?:indefinitely|without)|"
    # more ways talks or a swap come to nothing, or are left
    r"(?:fell|fallen|falls?|falling)\s+through|ground\s+to\s+a\s+halt|(?:at|to)\s+a\s+standstill|put\s+on\s+ice|"
    r"(?:broke|broken|break(?:s|ing)?)\s+off|"
    r"(?:withdr(?:ew|awn|aws?|awing)\s+from|quit(?:s|ting)?)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|dialogue|mediation)|"
    r"(?:scrap(?:ped|s|ping)?|abandon(?:ed|s|ing)?|scuttl(?:ed|es|ing)|torpedo(?:ed|es|ing))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:talks|negotiations|summit|meeting|visit|trip|exchange|swap|deal|plans?|release)|"
    r"(?:yet|failed)\s+to\s+(?:begin|start|take\s+place|happen|be\s+(?:held|implemented|carried\s+out))|"
    rf"{_HOLD_UP}|"
    r"(?:would|will)\s+not\s+(?:take\s+place|go\s+ahead|happen)|"
    # "an exchange that had been expected on Saturday did not take place"
    r"(?:did|does|has|have|had)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:take[ns]?\s+place|go(?:ne)?\s+ahead|happen(?:ed)?|materiali[sz]ed?)|"
    r"never\s+(?:took\s+place|happened|materiali[sz]ed)|"
    # "there were no plans for a meeting between Putin and Zelensky"
    r"no\s+(?:immediate\s+|current\s+|concrete\s+)?plans?\s+(?:to|for)|not\s+on\s+the\s+agenda|"
    # "whose release had been due on Saturday": a schedule told in the past perfect was not kept
    r"had\s+been\s+(?:due|expected|scheduled|slated|planned)\s+(?:to|on|for|in|at)\b)\b",
    re.I,
)
_APPOSITIVE_STALL = re.compile(r"\w,\s*$")
_PARTICIPLE_SINCE = re.compile(r"(?<=ed)\s+(?:since|in|for|last|earlier)\b", re.I)
# "vetoed a resolution that would have imposed new sanctions": what would have been did not come about.
_WOULD_HAVE = r"(?:that|which)\s+would\s+have\s+(?!been\b)\w+"
# "sanctioned a group for blocking aid convoys": blocking given as the reason for a measure is not the measure stalling.
_STALLED_ANY_TYPE = re.compile(r"\b(?:postpon\w*|suspend\w*|hold(?:s|ing)?\s+off|held\s+off|delayed|called\s+off|shelved|put\s+off|on\s+hold|blocked|(?<!\bfor\s)blocking|vetoed|"
                               rf"stalled|{_HOLD_UP}|{_WOULD_HAVE}|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:agreed|adopted|approved)|"
                               r"failed\s+to\s+(?:agree|adopt|approve|sign\s+off|pass|endorse)|"
                               r"(?:may|might|will|would)\s+not\s+(?:happen|take\s+place|go\s+ahead)|not\s+guaranteed)\b", re.I)
# After a round that was held these say how it ended ("held talks ... but made no progress"), not that it stalled.
# "frozen Iranian oil revenue" is money, not frozen talks.
# "back at square one", "left with no new round of talks scheduled": talks that have stopped moving.
_STALLED_TALKS_ONLY = re.compile(r"\b(?:back\s+(?:at|to)\s+['‘’]?square\s+one|no\s+(?:new\s+|further\s+|next\s+|other\s+)?(?:round|date|meeting|session)s?\s+(?:of\s+(?:talks|negotiations)\s+)?(?:yet\s+|been\s+)?(?:scheduled|set|fixed|planned)|frozen(?!\s+(?:[\w-]+\s+){0,2}?(?:assets|funds|revenues?|accounts|money|reserves|cash|oil))|far\s+apart|no\s+progress|(?:has|have|had)\s+failed\b(?!\s+to\b)|zero\s+results|near\s+zero|close\s+to\s+zero)\b", re.I)
# A stall named as what someone works against ("to revive the frozen roadmap") or as a condition
# ("if Moscow blocked his efforts") is background, not the state of this event.
# So is one that a visit or a call is to discuss ("will travel to Israel to discuss the collapse of the talks").
_STALL_BACKGROUND = re.compile(r"(?:revive|reviving|revitali[sz]\w*|break|breaking|end|ending|overcome|unblock\w*|unfreez\w*|resolv\w*|"
                               r"restart\w*|jump-?start\w*|salvag\w*|rescu\w*|unlock\w*|discuss\w*|address\w*)\s+"
                               r"(?:(?!(?:has|have|had|was|were|is|are|been)\b)[\w'’-]+\s+){0,2}$", re.I)
# A stall that only could happen ("could suspend the talks", "threatened to halt the release", "bills that would block
# arms sales") is a threat or a proposal, which the cues tell; "said it would postpone the release" announces the stall.
_MAY_STALL = re.compile(r"\b(?:could|might|may|(?:that|which)\s+would|threat\w*\s+to|vow\w*\s+to)\s+(?:\w+ly\s+)?$|"
                        # "easing fears that the ceasefire would collapse": a stall feared is not one
                        r"\b(?:fears?|feared|concerns?|worr(?:y|ies|ied))\s+(?:that\s+)?(?:[\w'’-]+\s+){0,4}?"
                        r"(?:would|will|could|might|may)\s+(?:\w+ly\s+)?$", re.I)
_WARNED = re.compile(r"\bwarn(?:ed|s|ing)\b", re.I)
# "warned that it would halt its talks if the powers triggered sanctions": a stall to come on a condition, or told
# as a warning, is a threat (the cues tell it); "said it would postpone the release" announces the stall.
_WILL_STALL = re.compile(r"\b(?:will|would|shall)\s+(?:\w+ly\s+)?$", re.I)
_IF_LATER = re.compile(r"[^.;]*?\b(?:if|unless)\b", re.I)
# Readiness to act, not an offer to talk: "stands ready to impose sanctions if the ceasefire fails" threatens.
_READY = re.compile(r"(?:ready|prepared|willing)\s+to\b|readiness\s+to\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|until|whether|should)\b[^,;]*$", re.I)
# Suspending or halting the measure itself is the sanctions action ("will suspend Caesar Act sanctions",
# "halted approvals of military exports"), not a stall of the sanctions event.
_MEASURE_OBJECT = re.compile(r"\s+(?:[\w.'’-]+\s+){0,6}?(?:sanctions|tariffs?|measures|restrictions|exports?|imports?|licen[cs]es|"
                             r"approvals|trade|deliveries|shipments|sales|transfers|payments|transactions|dealings|purchases|trading|buying)\b", re.I)
# A refusal told in a clause about another, earlier event ("days after Putin declined to attend talks") is not this
# event's; nor does a target that dismisses sanctions as illegal stall them.
# "and" joins a new clause, except inside "between Kinshasa and the rebels".
_AFTER_CLAUSE = re.compile(r"\bafter\b(?:(?!\b(?:that|said|says|saying|told|and)\b)[^,;.]|\bbetween\s+(?:[\w'’-]+\s+){1,4}?and\b)*$", re.I)
_DISMISSAL = re.compile(r"dismiss", re.I)
_ATTACK_VERB = r"(?:strike|hit|target|attack|launch|bomb|send\s+(?:[\w-]+\s+)?drones|use\s+(?:[\w-]+\s+)?drones|carry\s+out|conduct)"
_CUES: list[tuple[str, re.Pattern[str]]] = [
    # Drone strikes are announced neither as plans nor as offers: an attack someone says will come is a threat
    # ("said they would target any ship with drones", "will be treated as a legitimate target"), one that someone
    # calls on another to carry out is a proposal ("urged the government to use drones to strike the camps").
    # A capability ("drones that would hit targets deep inside Russia") is neither.
    ("threatened", re.compile(r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:will|would|shall)\s+(?:(?:\w+ly|again|also|now)\s+)?"
                              rf"(?:{_ATTACK_VERB}\b|be\s+(?:hit|struck|targeted|attacked|bombed)\b|"
                              r"be\s+(?:treated|considered|regarded|seen)\s+as\s+(?:a\s+)?legitimate\s+targets?\b)|"
                              r"\blegitimate\s+targets?\b", re.I)),
    ("proposed", re.compile(r"\b(?:urg(?:ed|es|ing|e)|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|push(?:ed|es|ing)?|"
                            r"demand(?:ed|s|ing)?|propos(?:ed|es|ing|e)|ask(?:ed|s|ing)?)\s+(?:[\w.'’-]+\s+){0,5}?to\s+"
                            rf"{_ATTACK_VERB}\b|\bcall(?:ed|s|ing)?\s+for\s+(?:[\w-]+\s+){{0,3}}?(?:drone\s+)?(?:strikes|attacks)\b",
                            re.I)),
    # A warning threatens only what it says will or could come ("warned that it could suspend the talks"); one about
    # what is or was ("warned that the call opened Pandora's box") tells no threat.
    ("threatened", re.compile(r"\b(?:(?:will|would)\s+be\s+(?:\w+ly\s+)?(?:targeted|struck|attacked|hit|subject\s+to)|threat\w*|warn\w*\s+(?:[\w.'’-]+\s+){0,6}?(?:of|that(?=(?:[^.;]|(?<=[A-Z])\.){0,80}?\b(?:would|will|could|might|may|risks?|faces?)\b)|(?:it|they|he|she|we)\s+(?:would|will|could|might))|vow\w*\s+to|ultimatum|or\s+(?:else\s+)?face|"
                              r"(?:could|would|will)\s+face|could\s+(?:impose|strike|hit|target|ban|halt|cut|freeze|block|suspend|stop|restrict|"
                              r"walk\s+away|pull\s+out|withdraw|quit|abandon))\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos(?:e|ed|es|ing)|suggest\w*|offer(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?to|"
                            r"offer(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?as\s+(?:a\s+)?(?:venue|host|mediator|guarantor)|call\w*\s+for|"
                            r"(?:could|may|might)\s+(?:meet|hold|host|sign|resume|start|begin|speak|talk|sit\s+down|negotiate)|"
                            r"demand(?:ed|s|ing)?\s+(?:on\s+(?-i:[A-Z])\w+day\s+)?that|"
                            # "Orban floated a Christmas truce"; "said he would work with India and Pakistan to see whether"
                            r"float(?:ed|s|ing)\b|would\s+work\s+with|"
                            r"call(?:ed|s|ing)?\s+on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)(?:[\w.'’-]+\s+){0,5}?to|urg\w*|"
                            r"draft(?:ed|s)?\s+(?:a|an|the)\b|bills?|legislation|"
                            r"(?<!\bit\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)(?<!\bwe\s)"
                            r"would\s+(?:impose|introduce|ban|freeze|punish|allow|require|sanction|target|penali[sz]e|restrict|slap|hit)|aims?\s+to|considering|consider\w*|"
                            r"weigh(?:s|ed|ing)?\b|mull(?:s|ed|ing)?\b|(?:is|was|are|were|be|seemed?|looks?)\s+(?!made\b)(?:\w+\s+)?possible|"
                            r"possibility\s+of|prospects?\s+(?:of|for)|push\w*\s+for|challeng\w+\s+(?:[\w'’-]+\s+){0,4}?to|advocat\w*|recommend\w*|invit\w*|open\s+to|readiness\s+to|"
                            r"ready\s+(?:to|for)|willing\s+to|preparing|"
                            # a wish ("would love to meet"), an offer of help, a text under study, are proposals
                            r"would\s+['‘’\"]?(?:love|like|be\s+(?:happy|glad))['‘’\"]?\s+to|would\s+welcome|(?:would|will)\s+seek\s+to|"
                            r"wants?\s+to\s+(?:impose|introduce|ban|freeze|sanction|target|restrict|meet|hold|host|resume|"
                            r"exchange|swap|release|free|lift|ease)|"
                            r"circulat\w+\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:draft|proposal|plan|text|paper)|"
                            r"push\w*\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:agree|accept|sign|reach)|"
                            r"(?:is|are|was|were)\s+(?:also\s+|still\s+)?being\s+(?:discussed|negotiated|considered|weighed|studied)|"
                            r"offer(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:help|assistance|services|support)\s+(?:with|in|for|to)|"
                            r"(?:studying|reviewing|examining|assessing|evaluating|looking\s+(?:at|into))\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(?:proposal|offer|plan|draft|text|response|idea|initiative)s?|prepar\w*\s+(?:to|for)|present\w*\s+(?:\w+\s+){0,3}?(?:with\s+)?"
                            r"(?:a|an|its)\s+(?:[\w-]+\s+){0,3}?(?:plan|proposal|framework|memorandum|offer))\b", re.I)),
    # "said it would impose": an announced decision; "a bill that would impose": a proposal (above).
    ("planned", re.compile(r"\b(?:(?:will|shall)\s+\w+|(?:it|he|she|they|we)\s+would\s+(?:impose|sanction|introduce|ban|freeze|slap|"
                           r"hit|target|restrict|align|adopt|join|halt|suspend|lower|raise|extend|expand|tighten|add|ease)|"
                           # "said he would announce new tariffs": whatever the verb, a decision about a measure
                           r"(?:it|he|she|they|we)\s+would\s+(?!not\b|never\b|face\b)\w+\s+(?:[\w.'’-]+\s+){0,3}?"
                           r"(?:sanctions|tariffs?|embargo|restrictions|measures|bans?|duties|levies|price\s+caps?|export\s+controls|"
                           r"licen[cs]es?|waivers?)|"
                           # "Merz said Germany would halt exports": a named subject's announced decision
                           # ... also after the day of the statement ("said on Wednesday that the United States would freeze")
                           r"said\s+(?:on\s+(?-i:[A-Z])\w+day\s+)?(?:that\s+)?(?:the\s+)?(?-i:[A-Z])[\w'’.-]+(?:\s+[\w'’.-]+){0,2}?\s+would\s+(?:impose|sanction|introduce|ban|"
                           r"freeze|slap|hit|target|restrict|align|adopt|join|halt|suspend|lower|raise|extend|expand|tighten|add|ease|lift)|would\s+(?:meet|hold|speak|talk|visit|travel|lift|order|exchange|"
                           r"swap|release|return|resume|begin|start|wait|attend|host|sign|open|send|take\s+place|be\s+held|go\s+ahead)|"
                           # "ordered the government to halt exports": what another is ordered to do is still to come
                           r"ordered\s+(?:[\w.'’-]+\s+){1,4}?to\s+(?!be\b)\w+|"
                           r"planned|plans\s+to|planning\s+to|schedul\w*|is\s+set\s+to|"
                           r"are\s+set\s+to|set\s+for|due\s+to|(?:is|are)\s+(?:due|expected)\s+(?:in|at|on|back)|expect\w*\s+(?:[\w.'’-]+\s+){0,3}?to|to\s+be\s+held|upcoming|"
                           r"takes?\s+effect|to\s+take\s+effect|next\s+(?:week|month|round)|to\s+meet|to\s+hold|intend\w*|is\s+to|are\s+to|"
                           r"agreed\s+(?:[\w'’-]+\s+){0,14}?to\s+(?:exchange|swap|release|hold|meet|resume|free|return|hand\s+over)|"
                           r"would\s+be\s+(?:handed\s+(?:over|back)|freed|released|exchanged|swapped|returned|repatriated)|"
                           r"taking\s+(?:full\s+)?effect\s+(?:on|from|in)|(?:comes?|coming)\s+into\s+force\s+(?:on|from|in)|"
                           r"before\s+the\s+end\s+of\s+the\s+(?:year|month|week)|"
                           r"(?:is|are|was|were)\s+(?:also\s+|still\s+)?being\s+(?:prepared|arranged|organi[sz]ed|finali[sz]ed))\b", re.I)),
    # "drones were again striking the power station": an adverb may sit between the auxiliary and the verb.
    ("ongoing", re.compile(r"\b(?:(?:was|were|is|are)\s+(?:(?:still|again|also|now|once\s+again|\w+ly)\s+)?(?!going\s+to|willing\b|suspending|halting|stopping|ending|pausing)\w+ing|(?:was|were|is|are)\s+still\b|(?:has|have)\s+been\s+\w+ing|"
                           r"continu(?:es|e|ed|ing)\s+to|ongoing|under\s?way|in\s+progress|still\s+\w+ing|keeps?\s+\w+ing|"
                           # "remain locked in negotiations in Doha"
                           r"remain(?:s|ed)?\s+(?:locked\s+|engaged\s+|deep\s+)?in\s+(?:[\w-]+\s+)?(?:talks|negotiations|discussions)|"
                           r"for\s+a\s+(?:second|third|fourth|fifth|\w+th)\s+(?:straight|consecutive)\s+day|"
                           r"resumed\s+(?:[\w-]+\s+){0,4}?for\s+a\s+(?:second|third)\s+day|"
                           # talks "extended beyond their scheduled end" go on
                           r"(?:talks|negotiations|consultations|discussions)\b[^,;.]{0,120}?\b(?:(?:has|have)\s+been|were|was)\s+extended)\b", re.I)),
    # Talks or a swap that "resumed" are under way again ("Indirect talks ... resumed in Cairo today").
    # A resumption dated to a past weekday ("resumed talks in Jeddah on Thursday") is a finished event of that day.
    ("ongoing", re.compile(r"\bresumed\b(?![^,;.]{0,60}?\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)",
                           re.I)),
    # A swap that is what an agreement is about is still to come ("signed an agreement on exchanging detainees"),
    # unless the sentence also tells the release itself.
    ("planned", re.compile(r"\b(?:agreement|deal|accord|memorandum|mechanism)\s+(?:[\w'’-]+\s+){0,6}?(?:on|to|for)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+and\s+)?(?:exchang|swap|releas|free|return|repatriat)\w*", re.I)),
    # Nouns name a proposal weakly: a verb cue, at the same distance, wins.
    ("proposed", re.compile(r"\b(?:proposals?|(?:a|an|the|its|their)\s+(?:new\s+|revised\s+|fresh\s+)?draft\b(?!\s+(?:of|on)\b)|"
                            r"draft\s+(?:[\w.'-]+\s+){0,3}?(?:plan|proposal|memorandum|resolution|agreement|text|law|bill|"
                            r"framework|roadmap)|memorandum|roadmap|(?:peace|\d+-point)\s+plan|idea)\b", re.I)),
]
_ONGOING = re.compile(r"\b(?:continu(?:es|e|ing)|continued(?=\s+(?:to|into|for|unabated|despite|overnight|through|in|on|at|with|between)\b|\s*[,.;]|$)|ongoing|under\s?way|in\s+progress|still\s+\w+ing|keeps?\s+\w+ing)\b", re.I)
_AGREED_TO_TALK = re.compile(r"\bto\s+(?:meet|hold|resume)$", re.I)
_TALKS_NEXT = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:talks|negotiations|meeting|summit|round|dialogue|consultations)\b", re.I)
_AGREED_OR_UNDER = re.compile(r"agreed|will\s+(?:stop|end|cease|withdraw|release|allow|halt|include|remain)", re.I)
_DRONE_CUES = (0, 1)
_NOUN_CUE = len(_CUES) - 1
_SWAP_DEAL_CUE = len(_CUES) - 2
_RESUMED_CUE = len(_CUES) - 3
# A future inside what was agreed or signed is the deal's content ("signed an agreement on how civil society
# will take part"; "agreed on Thursday that the assets will stay immobilised"), not a plan for this event.
_DEAL_CONTENT = re.compile(r"\b(?:agreed|signed|initial+ed|decided|reached|sealed|clinched|struck|brokered)\b(?!\s+(?:by|in|at|with|under)\b)"
                           r"[^.;]{0,80}?\b(?:that|how|under\s+which|whereby|in\s+which)\b[^.;]{0,60}?$", re.I)
# ... unless the future is new talks ("agreed that talks will resume next week" plans them).
_FUTURE = re.compile(r"(?:will|would|shall)\s+(?!(?:meet|hold|resume|begin|start|take\s+place|be\s+held|travel|visit|talk|speak|"
                     r"reconvene|return)\b)", re.I)
_CONTINUE_FUTURE = re.compile(r"(?:will|would)\s+(?:stay|remain|be\s+kept)\b", re.I)
# "Under the deal reached in Doha, the first three hostages will be released on Sunday": the deal's terms.
_UNDER_DEAL = re.compile(r"\bunder\s+(?:the|a|an|this|that|their|its)\s+(?:[\w'’-]+\s+){0,3}?(?:deal|agreement|accord|ceasefire|truce|"
                         r"arrangement)\b[^.;]{0,80}?$", re.I)
# "proposed to Moscow ... that the next round of talks be held during the week of July 21": the plan is what is proposed.
_PROPOSED_THAT = re.compile(r"\b(?:propos\w+|suggest\w+|demand\w+|insist\w+)\b[^.;]{0,60}?\bthat\b[^.;]{0,80}$", re.I)
# "said Britain would impose ...": a state's announced decision (planned), not a text that would impose (proposed).
_MEASURE_WOULD = re.compile(r"would\s+(?:impose|introduce|ban|freeze|punish|sanction|target|penali[sz]e|restrict|slap|hit)\b", re.I)
_SAID_NAMED = re.compile(r"\bsaid\s+(?:on\s+(?-i:[A-Z])\w+day\s+)?(?:that\s+)?(?:the\s+)?(?-i:[A-Z])[\w'’.-]+(?:\s+[\w'’.-]+){0,2}?\s+$", re.I)
# "agreed to keep communicating through the same channel": what was agreed, not the state of the talks.
_STILL_HELD = re.compile(r"\s*(?:held|detained|in\s+(?:captivity|custody|prison)|imprisoned|jailed|missing)\b", re.I)
_AGREED_TO = re.compile(r"\bagree(?:d|ing|s)?\s+(?:[\w-]+\s+){0,3}?to\s+$", re.I)
# "a leaders' meeting, which Kyiv has been pushing for since May": a relative clause tells of something else.
_WHO_BEFORE = re.compile(r"\b(?:those|anyone|any\s+\w+|people|groups?|individuals|entities)\s+(?:who|which|that)\s+$", re.I)
_RELATIVE_JUST_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whom)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# When a deal that was reached takes effect is its content, not a plan for the talks ("agreed on Wednesday to a
# ceasefire ..., announcing that the truce would take effect on Sunday").
_EFFECT_AFTER = re.compile(r"\s+(?:to\s+)?(?:take\s+(?:full\s+)?effect|come\s+into\s+force)\b", re.I)  # "due to take effect"
_TAKES_EFFECT = re.compile(r"(?:(?:will|would|to)\s+)?(?:takes?|taking)\s+(?:full\s+)?effect|(?:comes?|coming)\s+into\s+force", re.I)
# A bill that a legislature has passed is no longer only proposed; what is said of it next decides
# ("passed a defence bill that repeals ..., and Trump is expected to sign it").
_BILL = re.compile(r"bills?|legislation", re.I)
_PASSED_BEFORE = re.compile(r"\b(?:passed|approved|adopted|cleared)\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_PASSED_AFTER = re.compile(r"\s+(?:(?:was|has\s+been|had\s+been)\s+)?(?:passed|approved|adopted)\b", re.I)
_DEAL_REACHED = re.compile(r"\b(?:agreed|signed|reached|sealed|clinched|struck|accepted|approved)\b", re.I)
# A call, meeting or handover told in the past tense happened; a plan or an offer made in it is its content
# ("told Zelenskiy in a phone call that Ankara was ready to host ..."; "met Aoun and received ... a U.S. proposal").
_HELD: dict[str, re.Pattern[str]] = {
    "negotiation": re.compile(
        r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bsince\s)(?<!\bafter\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\blast\s)"
        r"\b(?:met|spoke|spoken|talked|signed|initial+ed|ended|concluded|travell?ed\s+to|visited|arrived\s+in|held\s+(?:[\w-]+\s+){0,4}?(?:talks|call|meeting|summit|round|negotiations)|"
        # "agreed during a phone call on Thursday to meet in Budapest": the call was held
        # "told Trump during Friday's White House meeting that ...", "told Erdogan at talks in Sochi that ..."
        r"(?:told|pressed|urged|asked|assured|discussed|agreed|raised)\b[^.;]{0,100}?\b(?:in|during|at)\s+(?:(?:a|an|the|their|his|her|its|"
        r"[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:phone\s+|telephone\s+|video\s+)?(?:call|conversation|meeting|talks|summit)|"
        # "Putin received U.S. envoy Witkoff at the Kremlin": a guest received or hosted was met; a letter received was not
        r"(?<!-)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?:received|hosted)\s+(?!(?:[\w.'’-]+\s+){0,2}?(?:letters?|messages?|proposals?|offers?|invitations?|responses?|"
        r"repl(?:y|ies)|requests?|notes?|calls?|assurances|guarantees|reports?|drafts?|plans?|texts?|documents?)\b)|"
        # "said after a two-hour phone call with Trump that ...": a statement made after the call
        r"(?:said|told|announced|stated|declared|added)\s+(?:\w+\s+){0,2}?(?:after|following)\s+(?:a|an|the|their|his|her|its|"
        r"[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:call|conversation|meeting|talks|summit|negotiations)|"
        # talks that ended without a deal were held
        r"without\s+(?:(?:an|any|a)\s+)?(?:[\w-]+\s+)?(?:agreement|deal|breakthrough)|ended\s+without)\b"
        r"(?!\s+by\b)",
        re.I),
    "prisoner_swap": re.compile(
        r"(?<!\bbe\s)(?<!\bbeing\s)(?<!\bto\s)(?<!\bwho\s)(?<!\bwhich\s)(?<!\bnot\s)"
        # not "handed over to her counterpart a list of 500 servicemen": a list is no release
        r"\b(?:freed|released|swapped|exchanged|handed\s+over|returned|repatriated)\b(?!\s+by\b)(?!(?:\s+[\w'’-]+){0,5}?\s+lists?\b)",
        re.I),
    # "imposed sweeping sanctions on Niger's junta ..., and threatened to use force": the measure was taken; a threat
    # or plan told after it is another step.
    "sanctions": re.compile(
        r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bto\s)(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)(?<!\bnot\s)(?<!\bhad\s)"
        r"\b(?:imposed|slapped|adopted|extended|renewed|prolonged|tightened|expanded)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:sanctions|tariffs?|embargo|restrictions|measures|package)\b|"
        # "Algeria froze trade with Spain and suspended a friendship treaty": a measure taken by its own verb
        r"\b(?:froze|banned|halted)\s+(?:[\w'’-]+\s+){0,2}?(?:trade|imports|exports|assets|accounts)\b",
        re.I),
}
_FAR_STALL = re.compile(r"\b(?:may|might|will|would)\s+not\s+(?:happen|take\s+place|go\s+ahead)\b", re.I)
# ... and so does a passive stall whose subject is talks or a swap ("An exchange of detainees between ... that mediators
# had announced has been put off indefinitely"); sanctions that "were suspended" are lifted, not stalled.
_FAR_PASSIVE_STALL = re.compile(r"\b(?:(?:has|have|had)\s+been|was|were|is|are)\s+(?:\w+ly\s+)?(?:postponed|put\s+off|delayed|"
                                r"suspended|called\s+off|cancell?ed|shelved|put\s+on\s+hold|scrapped|abandoned)\b", re.I)
# Far from its trigger, a predicate whose subject is the event still dates it ("The next stage of the
# prisoner exchange ..., covering ..., will take place on Monday").
_EVENT_PREDICATE = re.compile(r"\b(?:will|would|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to)\s+"
                              r"(?:take\s+place|begin|start|be\s+held|go\s+ahead|open)\b", re.I)
# "urged the EU to include Rosatom in its next sanctions package, saying Moscow's revenues were financing the war"
# ... and so does a concessive one ("are due in Washington to sign accords, although the rebels continued to advance").
_REASON_CLAUSE = re.compile(r",\s+(?:saying|adding|arguing|noting|explaining|insisting|stressing|citing|although|though|even\s+though|"
                            r"even\s+as|whereas)\b", re.I)
_TALKS_LIKE = ("negotiation", "prisoner_swap")
_STALL_IN_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:had\s+been|has\s+been|have\s+been|were|was)\s+$", re.I)
_MAIN_VERB_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:resumed|began|opened|took\s+place|went\s+ahead|got\s+under\s?way|restarted|"
                              r"were\s+held|was\s+held|(?:will|would)\s+(?:now\s+)?(?:resume|begin|open|take\s+place|be\s+held))\b", re.I)
_CLAUSE_MARK = re.compile(r"[,;:]")
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\b", re.I)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|had|has|have|would|will)\b", re.I)
# An infinitive governed by a call on someone else is what is asked of them.
_BARE_INFINITIVE = re.compile(r"to\s+(?:meet|hold)\b", re.I)
_URGED_BEFORE = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing|e)|press(?:ed|es|ing)|appeal(?:ed|s|ing)?\s+to|"
                           r"invit(?:ed|es|ing|e)|challeng(?:ed|es|ing|e))\b[^,;.]*$", re.I)
_PREPARING = re.compile(r"prepar(?:ing|ations?)\b|prepared\s+for", re.I)  # not "prepared to accept": willing
WINDOW = 90  # characters either side of the trigger
FAR_WINDOW = 200  # a cue before a distant trigger, when none is near


@dataclass(frozen=True, slots=True)
class ModalityResult:
    value: str
    text: str | None
    start: int | None
    end: int | None
    score: float


def _triggers(sentence: str, event_type: str) -> list[int]:
    found = [m.start() for m in TRIGGERS[event_type].finditer(sentence)]
    if more := _MORE_TRIGGERS.get(event_type):
        found = sorted(found + [m.start() for m in more.finditer(sentence)])
    return found


def _denied(sentence: str, event_type: str) -> re.Match[str] | None:
    """A denial whose scope holds this event ("denied launching drones", "denied the accusation").

    A sanctioned party that denies the accusations behind the measure ("Its commander denied the allegations")
    denies the grounds, not the sanctions: for sanctions the denial must itself name the measure or its evasion.
    """
    sanctions = event_type == "sanctions"
    after = None if sanctions else _DENIED_AFTER.search(sentence)
    if after:
        return after
    for m in _DENIAL.finditer(sentence):
        if _CHARGES_DENIED.search(sentence, 0, m.start()):
            continue  # "held on espionage charges he denied": a prisoner denies the charges, not the event
        if ((_DENIAL_OBJECT.match(sentence, m.start()) and not sanctions)
                or (event_type == "drone_strike" and _DENIAL_ACT.match(sentence, m.start()))):
            return m
        if any(0 < t - m.end() <= 120 and not (_REJECTED.match(m.group(0)) and _CLAUSE_MARK.search(sentence, m.end(), t))
               for t in _triggers(sentence, event_type)):
            return m  # a rejected accusation holds only the event its own clause names
    return None


_IN_RESPONSE = re.compile(r"[^,;.]{0,60}?\b(?:in\s+(?:response|retaliation|kind)|countermeasures|counter-measures|retaliat\w*|"
                          r"respond\w*|reciprocal)\b", re.I)
_AND_CLAUSE = re.compile(r",\s+and\s+[^,;.]*$", re.I)
_CONTRAST_BEFORE = re.compile(r",\s+(?:while|whereas|although|though|even\s+though)\s[^;.]*$", re.I)
_PURPOSE_PUSH = re.compile(r"push\w*\s+for\b", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
_PROPOSED_BY = re.compile(r"(?:proposed|suggested|put\s+forward|drafted)\s+by\b", re.I)
_AUX_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|has|have|had)\s+(?:\w+ly\s+)?$", re.I)


def _skip_cue(sentence: str, event_type: str, name: str, m: re.Match[str], held: int | None) -> bool:
    if (event_type == "negotiation" and name == "planned" and _AGREED_OR_UNDER.match(m.group(0))
            and not (_AGREED_TO_TALK.search(m.group(0)) and (m.group(0).endswith("meet") or _TALKS_NEXT.match(sentence, m.end())))):
        return True  # "agreed to a ceasefire under which ... will stop": the talks happened; "agreed to hold talks" plans them
    if name == "proposed" and _BILL.fullmatch(m.group(0)) and (
            _PASSED_BEFORE.search(sentence, 0, m.start()) or _PASSED_AFTER.match(sentence, m.end())):
        return True
    if (event_type == "negotiation" and name == "planned"
            and (_TAKES_EFFECT.search(m.group(0)) or _EFFECT_AFTER.match(sentence, m.end()))
            and _DEAL_REACHED.search(sentence, 0, m.start())):
        return True
    if (name == "planned" and _FUTURE.match(m.group(0)) and _DEAL_CONTENT.search(sentence, 0, m.start())
            and (event_type == "negotiation" or (event_type == "sanctions" and _CONTINUE_FUTURE.match(m.group(0))))):
        return True
    if (event_type == "negotiation" and name in ("planned", "proposed") and _FUTURE.match(m.group(0))
            and (_DEAL_CONTENT.search(sentence, 0, m.start()) or _UNDER_DEAL.search(sentence, 0, m.start()))):
        return True  # "brokered a ceasefire under which neither side would target the other"
    if event_type == "negotiation" and name == "ongoing" and _AGREED_TO.search(sentence, 0, m.start()):
        return True
    if name == "threatened" and _WHO_BEFORE.search(sentence, 0, m.start()):
        return True  # "the sanctions regime targeting those who threaten Yemen's peace"
    if name == "ongoing" and (_RELATIVE_JUST_BEFORE.search(sentence, 0, m.start())
                              or (held is not None and _RELATIVE_BEFORE.search(sentence, 0, m.start()))):
        return True  # "struck a cell in Rafah that was planting a bomb": what the target was doing
    if (event_type == "drone_strike" and name == "threatened"
            and not any(m.start() <= t <= m.end() + 100 for t in _triggers(sentence, event_type))):
        return True  # "drone strikes shut the terminal and the United States threatened new sanctions": another threat
    if event_type == "prisoner_swap" and name == "ongoing" and _STILL_HELD.match(sentence, m.end()):
        return True  # "hundreds more were still held in Russian prisons": people, not the swap
    if event_type == "negotiation" and (
            (name in ("planned", "proposed") and _COMBAT_OBJECT.match(sentence, m.end()))
            or (name == "threatened" and _THREAT_OF_WAR.match(sentence, m.end()))):
        return True  # "warned that Israel would resume fighting, hours after the talks ended": the war's next step
    if name == "proposed" and _PROPOSED_BY.match(sentence, m.start()) and not _AUX_BEFORE.search(sentence, 0, m.start()):
        return True  # "the ceasefire proposed by Washington": a participle naming whose plan it was, not a proposal now
    if (event_type == "sanctions" and name == "threatened" and _IN_RESPONSE.match(sentence, m.end())
            and (joint := _AND_CLAUSE.search(sentence, 0, m.start()))
            and any(t < joint.start() for t in _triggers(sentence, event_type))):
        return True  # "added firms to its sanctions list, and Beijing vowed to take measures in response": the reply
    if name == "proposed" and _PURPOSE_PUSH.match(m.group(0)) and _TO_BEFORE.search(sentence, 0, m.start()):
        return True  # "would speak with Putin ... to push for talks": the purpose of the call, not a proposal of it
    if name == "planned" and _PROPOSED_THAT.search(sentence, 0, m.start()):
        return True
    if name == "proposed" and _MEASURE_WOULD.match(m.group(0)) and _SAID_NAMED.search(sentence, 0, m.start()):
        return True
    return (held is not None and m.start() >= held
            and (name in ("proposed", "planned") or (event_type == "sanctions" and name == "threatened")))


# A time measured from another event, after the main clause, names that event ("hours after the call", "two days
# before the deadline"); fronted, it is the sentence's own.
_EARLIER_EVENT = re.compile(
    r"(?<=\w[\s,])\s*\b(?:(?:a|an|one|two|three|four|five|six|several|the|\d+)\s+(?:hours?|days?|weeks?|months?)|hours|days|weeks|months)"
    r"\s+(?:after|before)\b[^,;]*", re.I)
_INSERTED_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;.]*$", re.I)
_COMBAT_OBJECT = re.compile(r"\s+(?:the\s+|its\s+|their\s+|his\s+)?(?:[\w-]+\s+)?(?:fighting|war|strikes|attacks|hostilities|"
                            r"offensive|bombing|bombardment|shelling|assault|military\s+operations)\b", re.I)
_THREAT_OF_WAR = re.compile(r"[^,;.]{0,60}?\b(?:would|will|could|might)\s+(?:\w+\s+)?(?:resume|launch|expand|intensify|step\s+up|"
                            r"widen|escalate|continue|press\s+on\s+with)" + _COMBAT_OBJECT.pattern, re.I)
_AT_WHICH = re.compile(r",\s+(?:(?:at|during|in)\s+which|where)\b[^,;.]*$", re.I)


# What follows the main clause as circumstance (", as ...", ", while ...", ", with X expected to ...") or as an
# apposition to its last noun (", the last captives due to be freed").
_BACKGROUND_START = re.compile(r",\s+(?:as|while|whereas|with|the|a|an)\s", re.I)


def _main_clause(sentence: str, triggers: Sequence[int]) -> tuple[int, int] | None:
    """The span of the comma-bounded stretch holding the first event word, when it opens the sentence."""
    first = min(triggers)
    if first >= len(sentence) or _CLAUSE_MARK.search(sentence, 0, first):
        return None
    end = _CLAUSE_MARK.search(sentence, first)
    return (0, end.start() if end else len(sentence))


def _in_background(sentence: str, pos: int, main_end: int) -> bool:
    starts = [b.start() for b in _BACKGROUND_START.finditer(sentence, main_end, pos)]
    return bool(starts) and not _CLAUSE_MARK.search(sentence, starts[-1] + 1, pos)


def _names_event(sentence: str, event_type: str, start: int) -> bool:
    """The clause from `start` to its comma names the event itself ("after Putin proposed direct talks")."""
    end = _CLAUSE_MARK.search(sentence, start)
    return any(start <= t < (end.start() if end else len(sentence)) for t in _triggers(sentence, event_type))


def _main_passive_stall(sentence: str, triggers: Sequence[int]) -> re.Match[str] | None:
    """A passive stall whose subject is the event, however long ("Peace talks ... that were due to open in Luanda
    today were called off"; "An exchange of detainees ... that mediators had announced has been put off"): reached
    from the first trigger without a comma, and not the verb of a relative clause ("talks that were postponed ...")."""
    for m in _FAR_PASSIVE_STALL.finditer(sentence):
        first = min(triggers)
        # A finite verb straight after a comma has its subject before an inserted phrase ("A handover of 100
        # prisoners, to be carried out by the Red Cross, was cancelled"), when the sentence opens with it.
        inserted = sentence[: m.start()].rstrip().endswith(",") and not _CLAUSE_MARK.search(sentence, 0, first)
        if (first >= m.start() or (_CLAUSE_MARK.search(sentence, first, m.start()) and not inserted)
                or _AFTER_CLAUSE.search(sentence, 0, m.start())):
            continue
        rel = list(_RELATIVE_PRONOUN.finditer(sentence, first, m.start()))
        if rel and not _AUXILIARY.search(sentence, rel[-1].end(), m.start()):
            continue
        return m
    return None


def _nearest_cue(sentence: str, event_type: str, near: Callable[[re.Match[str], int], int | None], window: int,
                 held: int | None = None, within: tuple[int, int] | None = None) -> tuple[int, int, str, re.Match[str]] | None:
    best: tuple[int, int, str, re.Match[str]] | None = None
    earlier: list[tuple[int, int]] | None = None
    for priority, (name, rx) in enumerate(_CUES):
        if ((priority in _DRONE_CUES) != (event_type == "drone_strike")
                and (priority in _DRONE_CUES or name in ("proposed", "planned"))):
            continue
        if priority == _RESUMED_CUE and event_type not in ("negotiation", "prisoner_swap"):
            continue  # drones or trade that "resumed" are a new attack or a new breach
        if priority == _SWAP_DEAL_CUE and (event_type != "prisoner_swap" or held is not None):
            continue
        if priority == _NOUN_CUE and best is not None:
            continue  # a proposal named by a noun only when no verb says what became of it
        for m in rx.finditer(sentence, *(within or ())):
            if _skip_cue(sentence, event_type, name, m, held):
                continue
            dist = near(m, window)
            if dist is None:
                continue
            key = (dist // 30, priority)
            if best is None or key < (best[0], best[1]):
                if (after := _AFTER_CLAUSE.search(sentence, 0, m.start())) and not _names_event(sentence, event_type, after.start()):
                    continue  # "agreed to impose sanctions after its junta proposed staying in power": another event's cue
                if earlier is None:
                    earlier = [e.span() for e in _EARLIER_EVENT.finditer(sentence)]
                if any(a <= m.start() < b for a, b in earlier):
                    continue  # "..., two days before Trump's deadline for Russia to agree or face sanctions": another event
                if _AT_WHICH.search(sentence, 0, m.start()):
                    continue  # "after talks in Istanbul, at which Kyiv proposed neutral status": what was said there
                if _INSERTED_RELATIVE.search(sentence, 0, m.start()) and _CLAUSE_MARK.search(sentence, m.end()):
                    continue  # "The summit, which aims to seal a deal, will take place on Monday": the clause describes it
                # Talks or a swap being prepared are coming ("as Moscow and Kyiv prepared for the largest swap");
                # sanctions being prepared are still a proposal.
                label = "planned" if name == "proposed" and event_type in _TALKS_LIKE and _PREPARING.match(m.group(0)) else name
                if name == "planned" and _BARE_INFINITIVE.match(m.group(0)) and _URGED_BEFORE.search(sentence, 0, m.start()):
                    label = "proposed"  # "called on the army and the RSF to agree to a ceasefire and to hold talks"
                best = (key[0], key[1], label, m)
    return best


def modality(sentence: str, event_type: str, base: int = 0, others: Sequence[tuple[str, int]] = ()) -> ModalityResult:
    """Modality of the `event_type` event reported by `sentence` (plus its other evidence sentences)."""
    neg = _NEGATED_STALL.search(sentence)
    if neg:
        return ModalityResult("ongoing", neg.group(0), base + neg.start(), base + neg.end(), 0.7)
    refusal = _REFUSAL.search(sentence) if event_type != "drone_strike" else None
    if refusal and (_AFTER_CLAUSE.search(sentence, 0, refusal.start())
                    or (event_type == "sanctions" and (_DISMISSAL.match(refusal.group(0))
                                                       # "refiners have paused spot purchases": an effect of the measure
                                                       or _MEASURE_OBJECT.match(sentence, refusal.end())))):
        refusal = None
    if refusal and (contrast := _CONTRAST_BEFORE.search(sentence, 0, refusal.start())) and any(
            t < contrast.start() for t in _triggers(sentence, event_type)):
        # "held talks on Monday, while New Delhi again rejected any mediation": a contrast clause after the event's
        # own clause tells of another stance; the event's clause decides.
        refusal = None
    denial = _denied(sentence, event_type)
    if refusal and denial and denial.start() < refusal.start():
        # "denied that Kyiv had agreed to meet ..., saying it would not accept ...": the denial is the news
        return ModalityResult("denied", denial.group(0), base + denial.start(), base + denial.end(), 0.75)
    if refusal:
        return ModalityResult("stalled", refusal.group(0), base + refusal.start(), base + refusal.end(), 0.7)
    for text, off in [(sentence, base), *others]:
        d = _denied(text, event_type)
        if d and not _NEGATED_STALL.search(text):
            return ModalityResult("denied", d.group(0), off + d.start(), off + d.end(), 0.75)
    triggers = _triggers(sentence, event_type) or [len(sentence) // 2]

    reasons = [r.start() for r in _REASON_CLAUSE.finditer(sentence)]

    def near(m: re.Match[str], window: int) -> int | None:
        # A cue in a trailing ", saying ..." clause tells the speaker's reason, not what became of an event named before it.
        # ... but when the measure takes effect is still the measure's ("saying the tariff would take effect on April 2").
        # The event named before the reason, an event word inside it ("saying the imports were ...") is its topic.
        if not _TAKES_EFFECT.search(m.group(0)) and any(t < r <= m.start() for r in reasons for t in triggers):
            return None
        # A cue across a semicolon belongs to another clause ("...; the army said it was conducting a review").
        usable = [t for t in triggers if sentence.find(";", min(t, m.start()), max(t, m.start())) < 0]
        if not usable:
            return None
        dist = min(abs(m.start() - t) for t in usable)
        return dist if dist <= window else None

    talks_like = event_type in ("negotiation", "prisoner_swap")
    # A drone strike happens, is under way, is threatened or denied; flights "suspended" after it are a consequence.
    stall_rx = [_STALLED, _STALLED_TALKS_ONLY] if talks_like else ([_STALLED_ANY_TYPE] if event_type == "sanctions" else [])
    held_m = _HELD[event_type].search(sentence) if event_type in _HELD else None
    # From the verb on: "urged Putin ... during a phone call" urges in a call that was held.
    held = held_m.start() if held_m else None
    stalled = [m for rx in stall_rx for m in rx.finditer(sentence) if near(m, WINDOW) is not None
               and not _STALL_BACKGROUND.search(sentence, 0, m.start()) and not _CONDITION.search(sentence, 0, m.start())
               and not _MAY_STALL.search(sentence, 0, m.start())
               and not (_WILL_STALL.search(sentence, 0, m.start())
                        and (_IF_LATER.match(sentence, m.end()) or _WARNED.search(sentence, 0, m.start())))
               and not (event_type == "sanctions" and m.group(0).lower().startswith(("suspend", "halt"))
                        and _MEASURE_OBJECT.match(sentence, m.end()))
               # "far apart" or "frozen" after a held round or call is how it ended, not a stall
               and not (rx is _STALLED_TALKS_ONLY and held is not None)
               # "handed over the pilot, after the release was delayed for several hours": background to what happened
               and not _AFTER_CLAUSE.search(sentence, 0, m.start())
               # "proposed resuming the talks, suspended since 2019,": an appositive participle tells the earlier state
               and not (_APPOSITIVE_STALL.search(sentence, 0, m.start()) and _PARTICIPLE_SINCE.match(sentence, m.end()))
               # "Talks that were postponed in March resumed in Doha": a relative clause before the main verb
               and not (_STALL_IN_RELATIVE.search(sentence, 0, m.start()) and _MAIN_VERB_AFTER.match(sentence, m.end()))
               # a measure imposed before is taken ("imposed sanctions ... and threatened to suspend its membership")
               and not (event_type == "sanctions" and held is not None and m.start() >= held)]
    if stalled:
        m = min(stalled, key=lambda x: near(x, WINDOW) or 0)
        return ModalityResult("stalled", m.group(0), base + m.start(), base + m.end(), 0.75)
    main = _main_passive_stall(sentence, triggers) if talks_like and held is None else None
    if main is not None:
        return ModalityResult("stalled", main.group(0), base + main.start(), base + main.end(), 0.6)
    best = _nearest_cue(sentence, event_type, near, WINDOW, held)
    contrast = False
    if best is not None and (main := _main_clause(sentence, triggers)) and _in_background(sentence, best[3].start(), main[1]):
        # "Hamas was releasing six hostages today, with Israel expected to free 600 prisoners in return": a clause of
        # circumstance or an apposition after the main clause tells of another step; the main clause's own cue decides.
        # A contrast clause (", while the EU is debating whether ...") is another party's step even when the main
        # clause has no cue of its own.
        contrast = _CONTRAST_BEFORE.search(sentence, 0, best[3].start()) is not None
        best = _nearest_cue(sentence, event_type, near, WINDOW, held, main) or (None if contrast else best)
    if best is None and event_type != "drone_strike" and not contrast:
        # The trigger sits far from the verb ("Zelensky said he would wait for Putin ... for a summit"):
        # a cue that opens the sentence, before the trigger, still governs it.
        best = _nearest_cue(sentence, event_type, near, FAR_WINDOW, held, (0, max(triggers)))
    if best is None and event_type != "drone_strike" and (far := _FAR_STALL.search(sentence)):
        return ModalityResult("stalled", far.group(0), base + far.start(), base + far.end(), 0.5)
    if best is None and event_type != "drone_strike" and held is None:
        pred = _EVENT_PREDICATE.search(sentence)
        if pred:
            return ModalityResult("planned", pred.group(0), base + pred.start(), base + pred.end(), 0.5)
    if best is not None:
        m = best[3]
        score = 0.75 if best[0] == 0 else 0.6 if best[0] * 30 <= WINDOW else 0.5
        warned = _WARNED.search(sentence) is not None
        ready = best[2] == "proposed" and _READY.match(m.group(0)) is not None
        if ((best[2] == "planned" and warned) or (ready and (warned or event_type == "sanctions"))) and _IF_LATER.match(
                sentence, m.end()):
            # "Iran will stay away from Sunday's talks if the board passes a resolution, an official warned": a step made
            # to hang on a condition, told as a warning, is a threat; so is readiness to punish on a condition ("stands
            # ready to impose sanctions if the ceasefire fails"), where readiness to talk on one is an offer.
            return ModalityResult("threatened", m.group(0), base + m.start(), base + m.end(), score)
        return ModalityResult(best[2], m.group(0), base + m.start(), base + m.end(), score)
    ongoing = [m for m in _ONGOING.finditer(sentence) if near(m, WINDOW) is not None
               and not (event_type == "negotiation" and _AGREED_TO.search(sentence, 0, m.start()))]
    if ongoing:
        m = ongoing[0]
        return ModalityResult("ongoing", m.group(0), base + m.start(), base + m.end(), 0.6)
    return ModalityResult("occurred", None, None, None, 0.6)
