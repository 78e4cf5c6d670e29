from __future__ import annotations

from datetime import date, datetime

import pytest

from models.extraction.dates import best_date, find_dates, parse_absolute, parse_relative_age

PUB = date(2025, 9, 24)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("the attack on Wednesday", "2025-09-24", "day"),  # the publication day itself
        ("talks on Tuesday", "2025-09-23", "day"),
        ("last Wednesday", "2025-09-17", "day"),
        ("Trump said on July 8", "2025-07-08", "day"),
        ("on 8 July", "2025-07-08", "day"),
        ("on 09-07-2025", "2025-07-09", "day"),  # day first
        ("on 2025-07-09", "2025-07-09", "day"),
        ("overnight", "2025-09-23", "day"),
        ("yesterday", "2025-09-23", "day"),
        ("this morning", "2025-09-24", "day"),
        ("last week", "week:2025-09-15", "week"),
        ("last month", "2025-08", "month"),
        ("in June", "2025-06", "month"),
        ("in December", "2024-12", "month"),  # a past December
        ("this year", "2025", "year"),
        ("in 2022", "2022", "year"),
        ("before the end of the year", "2025", "year"),  # a deadline
        ("by the end of August", "2025-08", "month"),
    ],
)
def test_event_dates_resolve_against_publication(text, value, precision):
    m = best_date(find_dates(text, PUB))
    assert m is not None and (m.value, m.precision) == (value, precision)


def test_future_reading_for_planned_events():
    assert find_dates("talks on Friday", PUB, future=True)[0].value == "2025-09-26"
    assert find_dates("next Monday", PUB)[0].value == "2025-09-29"


def test_month_names_that_are_words_need_a_day():
    assert find_dates("the talks may resume", PUB) == []
    assert find_dates("on May 15", PUB)[0].value == "2025-05-15"


def test_page_dates():
    assert parse_absolute("avril 20, 2025") == date(2025, 4, 20)
    assert parse_absolute(' date 2025-09-24 "Very sluggish"') == date(2025, 9, 24)
    assert parse_absolute("30-06-2025") == date(2025, 6, 30)
    assert parse_absolute("20. März 2025") == date(2025, 3, 20)
    assert parse_absolute("no date") is None


def test_relative_ages():
    ref = datetime(2025, 9, 24, 12, 0)
    assert parse_relative_age("a day ago", ref) == datetime(2025, 9, 23, 12, 0)
    assert parse_relative_age("Yahooa day ago", ref) == datetime(2025, 9, 23, 12, 0)
    assert parse_relative_age("time21 minutes ago", ref) == datetime(2025, 9, 24, 11, 39)
    assert parse_relative_age("6 days ago", ref).date() == date(2025, 9, 18)
    assert parse_relative_age("sometime", ref) is None


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("the strike two days ago", "2025-09-22", "day"),
        ("talks held a week ago", "week:2025-09-15", "week"),
        ("in mid-June", "2025-06", "month"),
        ("in mid-March 2024", "2024-03", "month"),
        # The calendar date says which Thursday.
        ("swapped on Thursday, July 3", "2025-07-03", "day"),
        ("on Friday 12 September", "2025-09-12", "day"),
        ("drones attacked overnight on Saturday", "2025-09-20", "day"),
        # The night that ends on the named day.
        ("shelling went on overnight into Saturday", "2025-09-20", "day"),
    ],
)
def test_days_ago_mid_month_and_a_weekday_with_its_date(text, value, precision):
    found = find_dates(text, PUB)
    assert len(found) == 1 and (found[0].value, found[0].precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on \u017funday", "2025-10-05"),  # long s: re.IGNORECASE matches it to "s", lower() keeps it
        ("on TUE\u017fDAY", "2025-10-07"),
        ("on 3 \u017feptember", "2025-09-03"),
        ("in \u017feptember 2025", "2025-09"),
        ("\u017feptember 3, 2025", "2025-09-03"),
        ("two day\u017f ago", "2025-10-08"),
    ],
)
def test_letters_that_ignorecase_folds_to_ascii_resolve_like_their_ascii_twins(text, value):
    found = find_dates(text, date(2025, 10, 10))
    assert [d.value for d in found] == [value]
