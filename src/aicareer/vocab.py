"""The closed vocabularies of profiles and data, with no pydantic import.

Command modules annotate options with these (typer turns a Literal into a choice), so
`aicareer --help` does not have to build the pydantic models.
"""

from __future__ import annotations

from typing import Literal, get_args

Background = Literal[
    "software-engineer",
    "backend-engineer",
    "frontend-engineer",
    "data-engineer",
    "data-scientist",
    "ml-engineer",
    "researcher",
    "devops-engineer",
    "architect",
    "product-manager",
    "technical-writer",
    "qa-engineer",
    "domain-expert",
    "content-strategist",
    "student",
    "other-non-technical",
]
Interest = Literal[
    "building-products",
    "agents",
    "infrastructure",
    "systems-design",
    "reliability",
    "research",
    "model-training",
    "evaluation-safety",
    "data-retrieval",
    "product-management",
    "ownership",
    "prompting",
]
Company = Literal["early-startup", "scale-up", "enterprise", "ai-lab", "regulated-industry", "any"]
Coding = Literal["none", "basic", "professional"]
#: The regions an answers file may name. Regions themselves are data (`[regions.*]` in
#: matrix.toml; the browse commands take any region the data defines, see salary.py).
#: This closed list remains only for the answers-file contract (models.Profile, the quiz's
#: --region and its question), whose modules do not read the dataset yet; data.py checks
#: that the data defines each of them.
Region = Literal["us", "europe", "other"]
Level = Literal["entry", "mid", "senior", "median", "architect", "all"]
Basis = Literal["us-base", "total-comp", "unstated"]
RoleKind = Literal["core", "adjacent"]

BACKGROUNDS: tuple[str, ...] = get_args(Background)
INTERESTS: tuple[str, ...] = get_args(Interest)
COMPANIES: tuple[str, ...] = get_args(Company)
CODING_LEVELS: tuple[str, ...] = get_args(Coding)
REGIONS: tuple[str, ...] = get_args(Region)
LEVELS: tuple[str, ...] = get_args(Level)

#: How much a person codes when the answers file does not say (documented in README).
DEFAULT_CODING: dict[str, Coding] = {
    "software-engineer": "professional",
    "backend-engineer": "professional",
    "frontend-engineer": "professional",
    "data-engineer": "professional",
    "data-scientist": "professional",
    "ml-engineer": "professional",
    "researcher": "professional",
    "devops-engineer": "professional",
    "architect": "professional",
    "product-manager": "basic",
    "technical-writer": "basic",
    "qa-engineer": "basic",
    "student": "basic",
    "domain-expert": "none",
    "content-strategist": "none",
    "other-non-technical": "none",
}
