from __future__ import annotations

from models.extraction.numbers import N_FOR_N, find_numbers


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


def test_counts_in_many_spellings():
    assert values("shot down 1,200 drones") == [1200]
    assert values("seventy-five drones and a dozen missiles") == [75, 12]
    assert values("more than 100 000 residents") == [100000]
    assert values("1.5 million people") == [1_500_000]


def test_years_money_distances_and_percentages_are_not_counts():
    assert values("in 2022 the attack 1400 kilometers away cost $4.8 billion and 16 per cent") == []
    assert values("on July 8 at 10 am") == []


def test_n_for_n():
    m = N_FOR_N.search("an expected 1,000-for-1,000 format")
    assert m and m.group(1) == m.group(2) == "1,000"
    assert N_FOR_N.search("eighty-four for eighty-four swap")
