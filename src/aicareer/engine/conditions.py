"""Conditions in the rules (matrix.toml `when`): compiled once into plain closures.

A condition is a tree of `all` / `any` / `not` over leaves that test one answer with a
closed set of operators; a string value "@name" stands for a [groups] list. Nothing is
evaluated from text: the data only picks operators and values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from aicareer.records.models import Profile
from aicareer.records.rulemodels import AllOf, AnyOf, Condition, Leaf, NotOf


class Facts(NamedTuple):
    """A profile reduced to what the model looks at (the rules' tests read it by index)."""

    background: str
    years: int
    interests: frozenset[str]
    company: str
    coding: str
    skills: frozenset[str] = frozenset()


Test = Callable[[Facts], bool]
_KEY_INDEX = {"background": 0, "years": 1, "interests": 2, "company": 3, "coding": 4}


def facts(profile: Profile) -> Facts:
    return Facts(
        profile.background,
        profile.years,
        frozenset(profile.interests),
        profile.company,
        profile.coding_level,
        frozenset(profile.skills),
    )


def expand(value: int | str | list[str], groups: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """An id, a list of ids, or "@group" as a set of ids."""
    if isinstance(value, str):
        if value.startswith("@"):
            return frozenset(groups[value[1:]])
        return frozenset((value,))
    if isinstance(value, list):
        return frozenset(value)
    raise ValueError(f"expected an id, a list of ids or @group, got {value!r}")


def _leaf(leaf: Leaf, groups: Mapping[str, Sequence[str]]) -> Test:
    field, op, value = leaf.field, leaf.op, leaf.value
    if field == "years":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"years needs a whole number, got {value!r}")
        n = value
        tests: dict[str, Test] = {
            "equals": lambda f: f[1] == n,
            "at-least": lambda f: f[1] >= n,
            "at-most": lambda f: f[1] <= n,
        }
        if op in tests:
            return tests[op]
    elif field == "interests":
        wanted = expand(value, groups)
        if op == "has-any":
            return lambda f: not wanted.isdisjoint(f[2])
        if op == "has-all":
            return lambda f: wanted <= f[2]
    elif op in ("equals", "in"):
        i = _KEY_INDEX[field]
        allowed = expand(value, groups)
        return lambda f: f[i] in allowed
    raise ValueError(f"operator {op!r} with value {value!r} does not apply to {field!r}")


def leaves(cond: Condition) -> Iterable[Leaf]:
    if isinstance(cond, Leaf):
        yield cond
    elif isinstance(cond, AllOf):
        for c in cond.all:
            yield from leaves(c)
    elif isinstance(cond, AnyOf):
        for c in cond.any:
            yield from leaves(c)
    elif isinstance(cond, NotOf):
        yield from leaves(cond.not_)


def compile_condition(cond: Condition, groups: Mapping[str, Sequence[str]]) -> Test:
    if isinstance(cond, Leaf):
        return _leaf(cond, groups)
    if isinstance(cond, AllOf | AnyOf):
        every = isinstance(cond, AllOf)
        children = cond.all if isinstance(cond, AllOf) else cond.any
        parts = tuple(compile_condition(c, groups) for c in children)
        # One and two parts (almost every rule) without a generator: ranking runs these
        # for every distinct profile in a cohort.
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            a, b = parts
            return (lambda f: a(f) and b(f)) if every else (lambda f: a(f) or b(f))
        if every:
            return lambda f: all(t(f) for t in parts)
        return lambda f: any(t(f) for t in parts)
    if isinstance(cond, NotOf):
        inner = compile_condition(cond.not_, groups)
        return lambda f: not inner(f)
    raise TypeError(f"not a condition: {cond!r}")
