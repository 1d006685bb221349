"""Salary figures for a region: pure arithmetic over the validated bands, no I/O.

The roles guide gives US base salaries and one regional rule: Europe runs 30-50% lower,
other markets 40-60% lower. A regional range is the widest honest one: the low end takes
the larger cut, the high end the smaller, so US $120K-$160K becomes $60K-$112K in Europe
(low x 0.5, high x 0.7). The rule is applied only to the sources it was stated for
(`applies_to` in matrix.toml); other sources' figures are never converted or blended.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from aicareer.models import RegionRule, Role, SalaryBand


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
        if region == "us":
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
    if region == "us":
        return []
    found = {b.source for r in roles for b in r.salary.bands if b.source not in rule.applies_to}
    return sorted(found)


def headline_band(role: Role, level: str = "mid") -> SalaryBand | None:
    """The figure a one-line summary shows: the first band of `level` (data order), else
    the role's unsplit range, else None."""
    for band in role.salary.bands:
        if band.level == level and band.segment is None:
            return band
    for band in role.salary.bands:
        if band.level == "all" and band.segment is None:
            return band
    return None
