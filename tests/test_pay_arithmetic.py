"""Pay arithmetic and band picking, pinned where a mutant slipped past the screen tests
(bench/mutate.py): every figure and label here is one a person reads in `salary`/`show`."""

from __future__ import annotations

import pytest

from aicareer.errors import AicareerError
from aicareer.planner.salary import (
    basis_label,
    convert,
    format_range,
    pick_band,
    regional_bands,
    resolve_level,
    skipped_sources,
)
from aicareer.records.dataset import Dataset
from aicareer.records.models import SalaryBand
from aicareer.records.rulemodels import RegionRule


def test_a_range_without_flags_reads_plain() -> None:
    assert format_range(100_000, 150_000) == "$100K-$150K"
    assert format_range(142_000, 142_000) == "$142K"
    assert format_range(200_000, 200_000, plus=True) == "$200K+"
    assert format_range(142_000, 142_000, approx=True) == "~$142K"
    assert format_range(220_000, None) == "$220K and up"


def test_a_converted_figure_is_whole_dollars_rounded_down() -> None:
    assert convert(100_001, 15) == 85_000
    assert isinstance(convert(100_001, 15), int)
    assert format_range(convert(100_001, 15), None) == "$85K and up"


def test_us_figures_are_the_sources_own_and_labelled_us_base(dataset: Dataset) -> None:
    rule = dataset.matrix.regions["us"]
    roles = list(dataset.roles.values())
    ml = dataset.roles["ml-engineer"]
    bands = regional_bands(ml, "us", rule)
    # every band, from every source, unconverted
    assert [(b.low, b.high) for b in bands] == [(b.low, b.high) for b in ml.salary.bands]
    assert {b.source for b in bands} == {b.source for b in ml.salary.bands}
    assert skipped_sources(roles, "us", rule) == []
    labels = {b.basis: basis_label(b) for b in bands}
    assert labels.get("us-base", "US base") == "US base"
    eu = regional_bands(ml, "europe", dataset.matrix.regions["europe"])
    assert all(basis_label(b).endswith(" (US-derived)") for b in eu)


def _band(basis: str, region: str) -> object:
    from aicareer.planner.salary import RegionalBand

    return RegionalBand(
        "r", "R", "mid", None, 1, 2, False, False, basis, "s", "2026", region, None, 1, 2
    )


@pytest.mark.parametrize(
    ("basis", "region", "label"),
    [
        ("us-base", "us", "US base"),
        ("total-comp", "us", "total comp"),
        ("unstated", "us", "basis not stated"),
        ("us-base", "europe", "base (US-derived)"),
        ("total-comp", "other", "total comp (US-derived)"),
        ("unstated", "europe", "basis not stated (US-derived)"),
    ],
)
def test_every_figure_says_what_it_is(basis: str, region: str, label: str) -> None:
    assert basis_label(_band(basis, region)) == label  # type: ignore[arg-type]


def test_a_summary_shows_the_mid_level_figure_by_default() -> None:
    bands = [
        SalaryBand("junior", 90_000, "us-base", "s", "2026", 120_000),
        SalaryBand("mid", 130_000, "us-base", "s", "2026", 160_000),
        SalaryBand("senior", 170_000, "us-base", "s", "2026", 210_000),
    ]
    assert pick_band(bands) == bands[1]
    assert pick_band(bands, "senior") == bands[2]


def test_all_means_every_level_in_any_case() -> None:
    assert resolve_level("all") is None
    assert resolve_level(" All ") is None
    assert resolve_level("Senior") == "senior"
    with pytest.raises(AicareerError) as bad:
        resolve_level("guru")
    assert "or all for every level)" in str(bad.value)
    assert "all," not in str(bad.value)


def test_a_rule_never_converts_figures_it_does_not_apply_to() -> None:
    rule = RegionRule("Mars", "s", 10, 20, applies_to=["roles-guide"])
    assert convert(200_000, rule.lower_max) == 160_000
