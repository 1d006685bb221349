"""Checks that span records or files: ids, aliases, sources, groups, coverage of the rules.

Run once when the data is validated (`data.load`); each problem is one line naming the
file and the field path, so a coach who edits the data sees every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping, Sequence

from aicareer.console import invisible
from aicareer.records.models import RolesFile
from aicareer.records.rulemodels import AllOf, AnyOf, Condition, Leaf, MatrixFile, NotOf
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS, REGIONS

_VOCAB: dict[str, tuple[str, ...]] = {
    "background": BACKGROUNDS,
    "interests": INTERESTS,
    "company": COMPANIES,
    "coding": CODING_LEVELS,
}
_OPS_FOR: dict[str, tuple[str, ...]] = {
    "background": ("equals", "in"),
    "company": ("equals", "in"),
    "coding": ("equals", "in"),
    "interests": ("has-any", "has-all"),
    "years": ("equals", "at-least", "at-most"),
}


def _walk(cond: Condition, loc: str) -> Iterator[tuple[Leaf, str]]:
    if isinstance(cond, Leaf):
        yield cond, loc
    elif isinstance(cond, AllOf):
        for i, c in enumerate(cond.all):
            yield from _walk(c, f"{loc}.all[{i}]")
    elif isinstance(cond, AnyOf):
        for i, c in enumerate(cond.any):
            yield from _walk(c, f"{loc}.any[{i}]")
    elif isinstance(cond, NotOf):
        yield from _walk(cond.not_, f"{loc}.not")


def _leaf_problems(leaf: Leaf, groups: Mapping[str, Sequence[str]]) -> Iterator[str]:
    ops = _OPS_FOR[leaf.field]
    if leaf.op not in ops:
        yield f"operator {leaf.op!r} does not apply to {leaf.field!r}; expected one of: " + (
            ", ".join(ops)
        )
        return
    if leaf.field == "years":
        if not isinstance(leaf.value, int) or isinstance(leaf.value, bool):
            yield f"value for 'years' must be a whole number, got {leaf.value!r}"
        return
    vocab = _VOCAB[leaf.field]
    if isinstance(leaf.value, str) and leaf.value.startswith("@"):
        if leaf.op == "equals":
            yield f"operator 'equals' takes one id, not a group ({leaf.value!r}); use 'in'"
        elif leaf.value[1:] not in groups:
            yield f"unknown group {leaf.value!r}; expected one of: " + ", ".join(
                f"@{g}" for g in groups
            )
        elif leaf.field != "background":
            yield f"groups hold backgrounds; {leaf.field!r} cannot use {leaf.value!r}"
        return
    if leaf.op == "equals":
        if not isinstance(leaf.value, str):
            yield f"operator 'equals' on {leaf.field!r} takes one id, got {leaf.value!r}"
            return
        values = [leaf.value]
    else:
        if not isinstance(leaf.value, list) or not leaf.value:
            yield f"operator {leaf.op!r} takes a non-empty list of ids, got {leaf.value!r}"
            return
        values = leaf.value
    for v in values:
        if v not in vocab:
            yield f"unknown {leaf.field} {v!r}; expected one of: {', '.join(vocab)}"


def cross_check(roles: RolesFile, matrix: MatrixFile, rlabel: str, mlabel: str) -> list[str]:
    """Checks that span records or files; returns one line per problem."""
    problems: list[str] = []
    role_ids = [r.id for r in roles.roles]
    source_ids = {s.id for s in roles.sources}
    names: dict[str, str] = {}

    def claim(name: str, owner: str, where: str) -> None:
        if name in names:
            problems.append(f"{rlabel}: {where}: {name!r} is already used by {names[name]!r}")
        else:
            names[name] = owner

    def visible(text: str, where: str) -> None:
        """A name or id is what people type and compare: nothing in it may be invisible."""
        found = invisible(text)
        if found is not None:
            problems.append(
                f"{rlabel}: {where}: contains the invisible character U+{ord(found):04X} at "
                f"position {text.index(found)}; remove it (bidi controls and zero-width "
                "characters can make a name read differently from what it is)"
            )

    for i, role in enumerate(roles.roles):
        visible(role.id, f"roles[{i}].id")
        visible(role.name, f"roles[{i}].name")
        for j, alias in enumerate(role.aliases):
            visible(alias, f"roles[{i}].aliases[{j}]")
    for i, nr in enumerate(roles.not_roles):
        visible(nr.id, f"not_roles[{i}].id")
        visible(nr.name, f"not_roles[{i}].name")
    for i, src in enumerate(roles.sources):
        visible(src.id, f"sources[{i}].id")
        visible(src.title, f"sources[{i}].title")
    for i, role in enumerate(roles.roles):
        claim(role.id, role.id, f"roles[{i}].id")
    for i, nr in enumerate(roles.not_roles):
        claim(nr.id, nr.id, f"not_roles[{i}].id")
    for i, role in enumerate(roles.roles):
        for j, alias in enumerate(role.aliases):
            claim(alias, role.id, f"roles[{i}].aliases[{j}]")

    def need_role(rid: str, label: str, where: str) -> None:
        if rid not in role_ids:
            hint = difflib.get_close_matches(rid, role_ids, n=1)
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(f"{label}: {where}: unknown role id {rid!r}{extra}")

    def need_source(sid: str, label: str, where: str) -> None:
        if sid not in source_ids:
            problems.append(
                f"{label}: {where}: unknown source {sid!r}; expected one of: "
                + ", ".join(sorted(source_ids))
            )

    for i, role in enumerate(roles.roles):
        for j, rel in enumerate(role.related):
            need_role(rel, rlabel, f"roles[{i}].related[{j}]")
            if rel == role.id:
                problems.append(
                    f"{rlabel}: roles[{i}].related[{j}]: a role cannot be related to "
                    f"itself ({rel!r})"
                )
        for j, sid in enumerate(role.sources):
            need_source(sid, rlabel, f"roles[{i}].sources[{j}]")
        for j, band in enumerate(role.salary.bands):
            need_source(band.source, rlabel, f"roles[{i}].salary.bands[{j}].source")
    for i, nr in enumerate(roles.not_roles):
        need_source(nr.source, rlabel, f"not_roles[{i}].source")
        for j, see in enumerate(nr.see):
            need_role(see, rlabel, f"not_roles[{i}].see[{j}]")

    problems.extend(_matrix_problems(matrix, roles, mlabel, need_role, need_source))
    for name, region in matrix.regions.items():
        need_source(region.source, mlabel, f"regions.{name}.source")
        for j, sid in enumerate(region.applies_to):
            need_source(sid, mlabel, f"regions.{name}.applies_to[{j}]")
    missing = [r for r in REGIONS if r not in matrix.regions]
    if missing:
        problems.append(f"{mlabel}: regions: missing region(s): {', '.join(missing)}")
    return problems


def _matrix_problems(
    matrix: MatrixFile,
    roles: RolesFile,
    mlabel: str,
    need_role: Callable[[str, str, str], None],
    need_source: Callable[[str, str, str], None],
) -> list[str]:
    """Checks of matrix.toml against itself and roles.toml: ids, groups, sources, coverage."""
    problems: list[str] = []
    core = [r.id for r in roles.roles if r.kind == "core"]
    adjacent = {r.id for r in roles.roles if r.kind == "adjacent"}
    groups = matrix.groups

    def scored_role(rid: str, where: str) -> None:
        need_role(rid, mlabel, where)
        if rid in adjacent:
            problems.append(
                f"{mlabel}: {where}: {rid!r} is an adjacent role (shown for comparison only);"
                " only core roles are scored"
            )

    def need_group(name: str, where: str) -> None:
        if name not in groups:
            problems.append(
                f"{mlabel}: {where}: unknown group {name!r}; expected one of: "
                + ", ".join(f"@{g}" for g in groups)
            )

    def check_condition(cond: Condition, where: str) -> None:
        for leaf, loc in _walk(cond, where):
            problems.extend(f"{mlabel}: {loc}: {p}" for p in _leaf_problems(leaf, groups))

    for name in groups:
        if name not in matrix.group_names:
            problems.append(f"{mlabel}: group_names: group {name!r} has no name to show")
    for bg in BACKGROUNDS:
        if bg not in matrix.starts:
            problems.append(f"{mlabel}: starts: background {bg!r} has no starting point")
    start_ids = set(matrix.starts.values())
    seen: set[str] = set()
    for i, rs in enumerate(matrix.roles):
        where = f"roles[{i}]"
        scored_role(rs.id, f"{where}.id")
        if rs.id in seen:
            problems.append(f"{mlabel}: {where}.id: role {rs.id!r} is listed twice")
        seen.add(rs.id)
        need_source(rs.source, mlabel, f"{where}.source")
        if (rs.months is None) == (rs.experience is None):
            problems.append(
                f"{mlabel}: {where}: give either months (a time estimate per starting point)"
                " or experience (a role reached by years of work), not both or neither"
            )
        estimates = rs.months or {}
        if rs.months is not None:
            for start in sorted(start_ids - set(estimates)):
                problems.append(
                    f"{mlabel}: {where}.months: no estimate for starting point {start!r}"
                )
        for start in [*estimates, *rs.pay_from]:
            if start not in start_ids:
                problems.append(
                    f"{mlabel}: {where}: unknown starting point {start!r}; expected one"
                    " of: " + ", ".join(sorted(start_ids))
                )
        for lo, hi in estimates.values():
            if lo > hi:
                problems.append(f"{mlabel}: {where}.months: low ({lo}) is above high ({hi})")
    for start in sorted(start_ids - set(matrix.start_coding)):
        problems.append(f"{mlabel}: start_coding: no coding level for starting point {start!r}")
    for start, instead in matrix.coders.items():
        if start not in start_ids or instead not in start_ids:
            problems.append(f"{mlabel}: coders.{start}: unknown starting point")
    for rid in core:
        if rid not in seen:
            problems.append(f"{mlabel}: roles: core role {rid!r} has no scoring entry")
    ranks = [rs.demand_rank for rs in matrix.roles]
    if len(set(ranks)) != len(ranks):
        problems.append(f"{mlabel}: roles: demand_rank must differ for every role (it breaks ties)")
    for i, row in enumerate(matrix.matrix):
        need_source(row.source, mlabel, f"matrix[{i}].source")
    rows = {row.id for row in matrix.matrix}
    route_ids: set[str] = set()
    for i, route in enumerate(matrix.routes):
        where = f"routes[{i}]"
        if route.id in route_ids:
            problems.append(f"{mlabel}: {where}.id: route id {route.id!r} is used twice")
        route_ids.add(route.id)
        scored_role(route.role, f"{where}.role")
        need_source(route.source, mlabel, f"{where}.source")
        if route.matrix is not None and route.matrix not in rows:
            problems.append(f"{mlabel}: {where}.matrix: unknown matrix row {route.matrix!r}")
        check_condition(route.when, f"{where}.when")
    for i, req in enumerate(matrix.requirements):
        where = f"requirements[{i}]"
        scored_role(req.role, f"{where}.role")
        need_source(req.source, mlabel, f"{where}.source")
        if req.backgrounds is not None:
            need_group(req.backgrounds[1:], f"{where}.backgrounds")
        if req.backgrounds is None and req.min_years is None and req.coding is None:
            problems.append(
                f"{mlabel}: {where}: a requirement needs backgrounds, min_years or coding"
            )
    interests_seen: set[str] = set()
    for i, aff in enumerate(matrix.fit):
        where = f"fit[{i}]"
        if aff.interest in interests_seen:
            problems.append(f"{mlabel}: {where}.interest: {aff.interest!r} is listed twice")
        interests_seen.add(aff.interest)
        need_source(aff.source, mlabel, f"{where}.source")
        for rid in aff.weights:
            scored_role(rid, f"{where}.weights.{rid}")
        for rid in aff.why or {}:
            if rid not in aff.weights:
                problems.append(f"{mlabel}: {where}.why.{rid}: {rid!r} has no weight here")
    for interest in INTERESTS:
        if interest not in interests_seen:
            problems.append(f"{mlabel}: fit: interest {interest!r} has no [[fit]] entry")
    for i, comp in enumerate(matrix.company):
        need_source(comp.source, mlabel, f"company[{i}].source")
        for rid in comp.weights:
            scored_role(rid, f"company[{i}].weights.{rid}")
    for i, suits in enumerate(matrix.suits):
        need_source(suits.source, mlabel, f"suits[{i}].source")
        for rid in suits.weights:
            scored_role(rid, f"suits[{i}].weights.{rid}")
        check_condition(suits.when, f"suits[{i}].when")
    return problems
