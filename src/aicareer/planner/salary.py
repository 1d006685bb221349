"""Salary figures for a region: pure arithmetic over the validated bands, no I/O.

The figures in roles.toml are US figures (`BASE_REGION`). Every other region is data: a
`[regions.ID]` table in matrix.toml with a label and a rule "lower_min-lower_max percent
lower than the US" (the roles guide's: Europe 30-50%, other markets 40-60%). A regional
range is the widest honest one: the low end takes the larger cut, the high end the
smaller, so US $120K-$160K becomes $60K-$112K with a 30-50% rule (low x 0.5, high x 0.7).
The rule is applied only to the sources it was stated for (`applies_to`); other sources'
figures are never converted or blended. No region id, label or percentage is written in
the code: adding a region is a data-only change.

This module is also the one home for picking a band (`pick_band`), for reading a
`--region` or `--level` a person typed (`resolve_region`, `resolve_level`), for
naming a figure's basis (`basis_label`), and for a role's pay at one level as every
screen shows it (`Pay`, `pay_for`: the result document and the decision sheet).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from aicareer.errors import AicareerError, ExitCode
from aicareer.records.models import Role, SalaryBand
from aicareer.records.rulemodels import RegionRule
from aicareer.records.vocab import LEVELS

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset

#: The region the data's figures are in (their basis is "us-base" or US total comp).
BASE_REGION = "us"
#: What `--level all` means: every level (the same as leaving --level out).
EVERY_LEVEL = "all"


class RegionalBand(NamedTuple):
    role: str
    name: str
    level: str
    segment: str | None
    low: int
    high: int | None
    plus: bool
    approx: bool
    basis: str
    source: str
    as_of: str
    region: str
    note: str | None
    us_low: int
    us_high: int | None

    def as_json(self) -> dict[str, Any]:
        return self._asdict()

    @property
    def text(self) -> str:
        return format_range(self.low, self.high, plus=self.plus, approx=self.approx)


def money(value: int) -> str:
    """142000 -> '$142K', 1000000 -> '$1M', 62500 -> '$62.5K'."""
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"${value / 1_000_000:g}M"
    return f"${value / 1000:g}K"


def format_range(low: int, high: int | None, *, plus: bool = False, approx: bool = False) -> str:
    tilde = "~" if approx else ""
    if high is None:
        return f"{tilde}{money(low)} and up"
    if high == low:
        return f"{tilde}{money(low)}{'+' if plus else ''}"
    return f"{tilde}{money(low)}-{money(high)}{'+' if plus else ''}"


def convert(value: int, lower_pct: int) -> int:
    """`value` made `lower_pct` percent lower, in whole dollars (exact for the guide's figures)."""
    return value * (100 - lower_pct) // 100


def level_matches(band: SalaryBand, level: str | None) -> bool:
    """No filter takes every band. A level takes its own bands, plus unsplit ranges
    (level "all" with no segment, e.g. Founding AI Engineer's single range)."""
    if level is None:
        return True
    return band.level == level or (band.level == "all" and band.segment is None)


def regional_bands(
    role: Role, region: str, rule: RegionRule, level: str | None = None
) -> list[RegionalBand]:
    """The role's bands that hold for `region`, converted where the rule allows."""
    rows: list[RegionalBand] = []
    for band in role.salary.bands:
        if not level_matches(band, level):
            continue
        if region == BASE_REGION:
            low, high = band.low, band.high
        elif band.source in rule.applies_to:
            low = convert(band.low, rule.lower_max)
            high = None if band.high is None else convert(band.high, rule.lower_min)
        else:
            continue
        rows.append(
            RegionalBand(
                role=role.id,
                name=role.name,
                level=band.level,
                segment=band.segment,
                low=low,
                high=high,
                plus=band.plus,
                approx=band.approx,
                basis=band.basis,
                source=band.source,
                as_of=band.as_of,
                region=region,
                note=band.note,
                us_low=band.low,
                us_high=band.high,
            )
        )
    return rows


def skipped_sources(roles: list[Role], region: str, rule: RegionRule) -> list[str]:
    """Sources with figures that have no rule for `region` (so they are left out there)."""
    if region == BASE_REGION:
        return []
    found = {b.source for r in roles for b in r.salary.bands if b.source not in rule.applies_to}
    return sorted(found)


class _BandLike(Protocol):
    @property
    def level(self) -> str: ...
    @property
    def segment(self) -> str | None: ...
    @property
    def basis(self) -> str: ...


B = TypeVar("B", bound=_BandLike)


def pick_band(bands: Sequence[B], level: str = "mid", basis: str | None = None) -> B | None:
    """The one figure a summary shows for `level`: the first band of that level with no
    segment (data order), else the role's unsplit range (level "all", no segment), else
    None. With `basis`, only bands on that basis count (a column headed "base" never shows
    a total-compensation figure)."""
    usable = [b for b in bands if b.segment is None and (basis is None or b.basis == basis)]
    for wanted in (level, "all"):
        for band in usable:
            if band.level == wanted:
                return band
    return None


def headline_band(role: Role, level: str = "mid") -> SalaryBand | None:
    """The US base figure a one-line summary shows (see pick_band)."""
    return pick_band(role.salary.bands, level, basis="us-base")


def resolve_region(regions: Mapping[str, RegionRule], value: str, option: str = "--region") -> str:
    """The region id a person meant: an id or a label, any case ("Europe", "europe",
    "United States"). Unknown: a usage error (exit 2) listing the regions, with a guess."""
    key = value.strip().lower()
    for rid, rule in regions.items():
        if key in (rid.lower(), rule.label.lower()):
            return rid
    from aicareer.suggest import did_you_mean

    ids = list(regions)
    hint = did_you_mean(key, ids + [r.label.lower() for r in regions.values()])
    raise AicareerError(
        f"{option}: unknown region {value!r}{hint} (the regions are: {', '.join(ids)})",
        ExitCode.USAGE,
    )


def resolve_level(value: str | None, option: str = "--level") -> str | None:
    """A level a person typed, any case; None (every level) for no value or "all"."""
    if value is None:
        return None
    key = value.strip().lower()
    if key == EVERY_LEVEL:
        return None
    if key in LEVELS:
        return key
    from aicareer.suggest import did_you_mean

    choices = [lv for lv in LEVELS if lv != EVERY_LEVEL]
    raise AicareerError(
        f"{option}: unknown level {value!r}{did_you_mean(key, choices)} "
        f"(the levels are: {', '.join(choices)}, or all for every level)",
        ExitCode.USAGE,
    )


BASIS_WORDS = {"us-base": "base", "total-comp": "total comp", "unstated": "basis not stated"}


def basis_label(band: RegionalBand) -> str:
    """What a figure is, stated on every figure: "US base", "total comp", or for a figure
    converted to another region "base (US-derived)": derived from the US figures with the
    region's rule (the screens say which rule next to the figures)."""
    if band.region == BASE_REGION:
        return "US base" if band.basis == "us-base" else BASIS_WORDS[band.basis]
    return f"{BASIS_WORDS[band.basis]} (US-derived)"


def region_rule_text(label: str, rule: RegionRule, source: str) -> str:
    """The sentence that says how a region's figures were made."""
    return (
        f"{label}: the US figures made {rule.lower_min}-{rule.lower_max}% lower, as the "
        f"widest range (low end -{rule.lower_max}%, high end -{rule.lower_min}%); rule from "
        f"{source}."
    )


class Pay(NamedTuple):
    level: str
    #: "$60K-$112K"
    text: str
    #: "US base salary", "base salary, derived from US figures", "total compensation"
    basis: str
    source: str
    note: str | None


def pay_for(ds: Dataset, role_id: str, region: str, level: str) -> tuple[Pay, ...]:
    """The role's pay at one level in one region, every source apart, basis on each."""
    rule = ds.matrix.regions[region]
    out = []
    for band in regional_bands(ds.roles[role_id], region, rule, level):
        if band.segment is not None:
            continue
        basis = basis_label(band)
        if region != BASE_REGION:
            basis = f"{basis}, {rule.label}"
        out.append(Pay(band.level, band.text, basis, ds.source_label(band.source), band.note))
    return tuple(out)


def salary_rows(ds: Dataset, role_ids: Sequence[str], region: str) -> tuple[dict[str, Any], ...]:
    rule = ds.matrix.regions[region]
    return tuple(
        b.as_json() for rid in role_ids for b in regional_bands(ds.roles[rid], region, rule)
    )
