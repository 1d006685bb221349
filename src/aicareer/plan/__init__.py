"""The plan: what stands between a person and a role, and how long it takes at their pace.

One home for the path feature (docs/path.md). Pure: no I/O, no rich, no typer.

* `aicareer.pathmodels` - the data contract of `data/paths.toml` and its loader (kept under
  that name because the cache pickles its records).
* `timeline` - a role's phases fitted to a person: background and skills skip or shorten
  phases, effort in hours at the assumed pace, weeks and dated milestones at theirs.
* `gap` - the role's skills the person has and lacks; the role's cheap test.
* `decide` - the decision sheet: two to four roles side by side for one person.
* `show` - terminal renderables for the three (the only module here that imports rich).
"""
