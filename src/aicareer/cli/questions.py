"""The quiz's questions, as data: one record per answers-file field, in the order asked.

Nothing here imports questionary; `aicareer.cli.quiz` has the adapters that turn a `Question`
into a prompt (questionary's, or plain numbered prompts for TERM=dumb). Each question
knows how to check an answer, what to pre-select and how to show it, so the quiz flow,
the review screen, resuming and the answers file all work from these records alone.

Adding a question: append a `Question` to `QUESTIONS` (its `id` is the answers-file key),
add the field to `models.Profile`, and document it in docs/answers.md. Nothing else in
the quiz needs to change: the flow, the review screen, `--resume`, `--edit`, the plain
prompts and the keystroke-test helpers (tests/quizkeys.py) all read these records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from aicareer.records.vocab import (
    BACKGROUNDS,
    CODING_LEVELS,
    COMPANIES,
    DEFAULT_CODING,
    INTERESTS,
    REGIONS,
    SKILLS,
)

Kind = Literal["select", "checkbox", "number"]


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    title: str
    #: A short explanation, shown under the list when the option is highlighted.
    help: str
    #: A long list is shown a group at a time (one screen each); "" for a short list.
    group: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    #: A short name for the review screen.
    label: str
    prompt: str
    kind: Kind
    options: tuple[Option, ...] = ()
    #: The range of a number question.
    low: int = 0
    high: int = 60
    #: Shown after the prompt; empty: derived from the kind (how to answer, how to go back).
    instruction: str = ""
    #: The answer pre-selected when the person has not answered yet.
    default: Any = None
    #: A default that depends on an earlier answer: (that question's id, its value -> default).
    default_by: tuple[str, Mapping[str, Any]] | None = None
    #: How a number question's answer reads: (one, many), e.g. ("year", "years").
    unit: tuple[str, str] = ("", "")
    #: False: the person may skip it (no tick, or an empty number); the key is then left out.
    required: bool = True

    def check(self, value: Any) -> str | None:
        """None when `value` is a valid answer, else what is wrong with it."""
        ids = [o.value for o in self.options]
        if value is None and not self.required:
            return None
        if self.kind == "number":
            if isinstance(value, bool) or not isinstance(value, int):
                return "enter a whole number"
            if not self.low <= value <= self.high:
                return f"enter a whole number from {self.low} to {self.high}"
        elif self.kind == "checkbox":
            if not isinstance(value, list) or (not value and self.required):
                return "pick at least one (space to tick, enter to confirm)"
            if any(v not in ids for v in value) or len(set(value)) != len(value):
                return "pick from the list"
        elif value not in ids:
            return "pick from the list"
        return None

    def parse(self, text: str) -> int | str | None:
        """A number question's typed text -> the number (None: skipped), or an error message."""
        text = text.strip()
        if not text and not self.required:
            return None
        if not text.isdigit():
            return f"enter a whole number from {self.low} to {self.high} (or < to go back)"
        number = int(text)
        problem = self.check(number)
        return number if problem is None else problem

    def pages(self) -> list[tuple[str, tuple[Option, ...]]]:
        """The options a screen at a time: one page per group, in order ([("", all)] when
        the options have no groups)."""
        pages: list[tuple[str, tuple[Option, ...]]] = []
        for o in self.options:
            if pages and pages[-1][0] == o.group:
                pages[-1] = (o.group, (*pages[-1][1], o))
            else:
                pages.append((o.group, (o,)))
        return pages

    def how_to_answer(self, back: bool) -> str:
        """The instruction shown after the prompt (`back`: going back is possible here)."""
        if self.instruction:
            return self.instruction
        skip = "" if self.required else "; enter alone to skip"
        if self.kind == "number":
            return f"(a whole number, {self.low}-{self.high}{skip}" + (
                "; type < to go back)" if back else ")"
            )
        if self.kind == "checkbox":
            none = "" if self.required else "; none to skip"
            return f"(space to tick, enter to go on{none}" + (
                "; ← Back keeps your ticks)" if back else ")"
            )
        return "(arrow keys, enter to choose)"

    def title_of(self, value: str) -> str:
        return next((o.title for o in self.options if o.value == value), value)

    def show(self, value: Any) -> str:
        """An answer as the review screen shows it."""
        if value is None or value == []:
            return "skipped"
        if self.kind == "number":
            one, many = self.unit
            word = one if value == 1 else many
            return f"{value} {word}" if word else str(value)
        if self.kind == "checkbox":
            return ", ".join(self.title_of(v) for v in value) or "none"
        return self.title_of(str(value))


def _options(ids: tuple[str, ...], table: Mapping[str, tuple[str, str]]) -> tuple[Option, ...]:
    # Built from the models' vocabularies, so a new id without a title fails at import.
    return tuple(Option(i, *table[i]) for i in ids)


BACKGROUND_TEXT = {
    "software-engineer": ("Software engineer", "You build and ship software for a living."),
    "backend-engineer": ("Backend engineer", "APIs, services, databases."),
    "frontend-engineer": ("Frontend engineer", "Web or mobile interfaces."),
    "data-engineer": ("Data engineer", "Pipelines, warehouses, data platforms."),
    "data-scientist": ("Data scientist", "Analysis, statistics, classic ML models."),
    "ml-engineer": ("ML engineer", "You train, deploy or serve machine learning models."),
    "researcher": ("Researcher", "Academic or industrial research (ML or another field)."),
    "devops-engineer": ("DevOps / SRE / platform", "Infrastructure, CI/CD, reliability."),
    "architect": ("Architect", "Solution, enterprise or software architecture."),
    "product-manager": ("Product manager", "You own what gets built and why."),
    "technical-writer": ("Technical writer", "Documentation, developer content."),
    "qa-engineer": ("QA / test engineer", "Testing, quality, test automation."),
    "domain-expert": ("Domain expert", "Deep knowledge of a field: law, health, finance..."),
    "content-strategist": ("Content strategist", "Writing, editing, content and marketing."),
    "student": ("Student", "Studying, or just graduated."),
    "other-non-technical": ("Other, non-technical", "Any other job that does not involve code."),
}
INTEREST_TEXT = {
    "building-products": ("Building products", "Ship AI features people use."),
    "agents": ("AI agents", "Systems that plan, call tools and act on their own."),
    "infrastructure": ("Infrastructure", "Serving, scaling and running models and AI apps."),
    "systems-design": ("Systems design", "How the pieces fit: architecture and trade-offs."),
    "reliability": ("Reliability", "Making AI systems dependable, tested and observable."),
    "research": ("Research", "New methods, papers, experiments."),
    "model-training": ("Model training", "Training and fine-tuning models."),
    "evaluation-safety": ("Evaluation & safety", "Measuring models, red-teaming, guardrails."),
    "data-retrieval": ("Data & retrieval", "RAG, search, context and knowledge pipelines."),
    "product-management": ("Product management", "Deciding what AI products should do."),
    "ownership": ("Ownership", "Owning a whole product end to end, startup style."),
    "prompting": ("Prompting", "Writing and testing prompts and instructions."),
}
COMPANY_TEXT = {
    "any": ("No preference", "Rank the roles without a company type in mind."),
    "early-startup": ("Early startup", "Small team, you wear many hats."),
    "scale-up": ("Scale-up", "Growing company with product-market fit."),
    "enterprise": ("Enterprise", "Large organisation, established processes."),
    "ai-lab": ("AI lab", "A company that builds frontier models."),
    "regulated-industry": ("Regulated industry", "Finance, health, government and the like."),
}
CODING_TEXT = {
    "none": ("I don't code", "No programming in my work."),
    "basic": ("Some scripting", "Spreadsheets, SQL, small scripts, notebooks."),
    "professional": ("Professionally", "Writing production code is (or was) my job."),
}
#: The skills question: a short title that fits a 40-column screen, a description in plain
#: words, and the group its page belongs to (28 skills do not fit one screen). The answers
#: file's labels and where the sources name each skill stay in `vocab.SKILL_TEXT`.
SKILL_QUIZ: dict[str, tuple[str, str, str]] = {
    "python": ("Python", "You write Python comfortably.", "Code and data"),
    "async-python": ("Async Python", "asyncio: many calls in flight at once.", "Code and data"),
    "data-validation": (
        "Data validation (Pydantic)",
        "Checking data against schemas, e.g. with Pydantic.",
        "Code and data",
    ),
    "classical-ml": (
        "Classical ML",
        "Cleaning data, building features, models like XGBoost.",
        "Code and data",
    ),
    "data-pipelines": (
        "Data pipelines",
        "Moving and shaping data: Spark, Airflow, dbt, SQL.",
        "Code and data",
    ),
    "statistics": (
        "Statistics",
        "Statistics and designing experiments that can be trusted.",
        "Code and data",
    ),
    "deep-learning": (
        "Deep learning",
        "Training neural networks with PyTorch, TensorFlow or JAX.",
        "Code and data",
    ),
    "llm-apis": (
        "LLM APIs",
        "Calling models from code: Anthropic, OpenAI, Gemini.",
        "Working with language models",
    ),
    "prompt-design": (
        "Prompt design",
        "Writing prompts and templates, and A/B testing them.",
        "Working with language models",
    ),
    "llm-engineering": (
        "LLM engineering",
        "Embeddings, function calling, handling made-up answers.",
        "Working with language models",
    ),
    "fine-tuning": (
        "Fine-tuning",
        "Adapting a model to your data, e.g. with LoRA.",
        "Working with language models",
    ),
    "rag": (
        "Retrieval (RAG)",
        "Finding the right documents for a model: chunking, vector search, re-ranking.",
        "Working with language models",
    ),
    "context-engineering": (
        "Context engineering",
        "Deciding what goes in a model's context and what an agent remembers.",
        "Working with language models",
    ),
    "agents": (
        "Agents",
        "Systems where one or more models plan and act.",
        "Agents, quality and safety",
    ),
    "agent-frameworks": (
        "Agent frameworks",
        "LangGraph, CrewAI, AutoGen and the like.",
        "Agents, quality and safety",
    ),
    "mcp": (
        "Tools and MCP",
        "Connecting models to tools, e.g. writing MCP servers.",
        "Agents, quality and safety",
    ),
    "evals": (
        "Evaluation",
        "Building test sets and automated checks of model output.",
        "Agents, quality and safety",
    ),
    "tracing": (
        "Tracing",
        "Seeing what an AI system did and why: LangSmith, Langfuse.",
        "Agents, quality and safety",
    ),
    "guardrails": (
        "Guardrails",
        "Red-teaming, limits on what a model may do, human review.",
        "Agents, quality and safety",
    ),
    "ai-security": (
        "AI security",
        "Prompt injection, personal data, compliance.",
        "Agents, quality and safety",
    ),
    "mlops": (
        "MLOps",
        "Serving and monitoring models, spotting drift, versioning.",
        "Shipping and running systems",
    ),
    "production": (
        "Production engineering",
        "Deploying and versioning, CI/CD, keeping cost and latency down.",
        "Shipping and running systems",
    ),
    "cloud-ai": (
        "Cloud AI services",
        "AWS Bedrock, Azure OpenAI, Google Vertex AI.",
        "Shipping and running systems",
    ),
    "distributed-systems": (
        "Distributed systems",
        "Systems that run across many machines at scale.",
        "Shipping and running systems",
    ),
    "software-architecture": (
        "Software architecture",
        "How the parts of a system fit together, and the trade-offs.",
        "Shipping and running systems",
    ),
    "static-analysis": (
        "Linters and static analysis",
        "Checks that catch mistakes before code runs, structural tests.",
        "Shipping and running systems",
    ),
    "ai-coding-tools": (
        "AI coding tools",
        "Coding with Claude Code, Cursor, Copilot and the like.",
        "Shipping and running systems",
    ),
    "product-management": (
        "Product management",
        "Roadmaps, priorities, talking to users.",
        "Shipping and running systems",
    ),
}
#: Grouped: the skills in the order of their groups (each group one screen).
SKILL_OPTIONS = tuple(
    Option(s, *SKILL_QUIZ[s])
    for group in dict.fromkeys(g for _, _, g in SKILL_QUIZ.values())
    for s in SKILLS
    if SKILL_QUIZ[s][2] == group
)
REGION_TEXT = {
    "us": ("United States", "Pay as the sources publish it, in US dollars."),
    "europe": ("Europe", "US pay figures scaled to European levels, as the sources advise."),
    "other": ("Elsewhere", "US pay figures scaled for other countries, as the sources advise."),
}

QUESTIONS: tuple[Question, ...] = (
    Question(
        "background",
        "Background",
        "What is your current (or most recent) role?",
        "select",
        _options(BACKGROUNDS, BACKGROUND_TEXT),
    ),
    Question(
        "years",
        "Experience",
        "How many years of professional experience do you have?",
        "number",
        unit=("year", "years"),
    ),
    Question(
        "coding",
        "Coding",
        "How much do you code?",
        "select",
        _options(CODING_LEVELS, CODING_TEXT),
        default_by=("background", DEFAULT_CODING),
    ),
    Question(
        "interests",
        "Interests",
        "What draws you? Pick one or more.",
        "checkbox",
        _options(INTERESTS, INTEREST_TEXT),
    ),
    Question(
        "company",
        "Kind of company",
        "What kind of company would you like to work for?",
        "select",
        _options(("any", *[c for c in COMPANIES if c != "any"]), COMPANY_TEXT),
        default="any",
    ),
    Question(
        "region",
        "Pay region",
        "Which country or region should pay figures be for?",
        "select",
        _options(REGIONS, REGION_TEXT),
        default="us",
    ),
    Question(
        "skills",
        "Skills",
        "What can you already do? Tick any that apply, or none.",
        "checkbox",
        SKILL_OPTIONS,
        required=False,
    ),
    Question(
        "hours_per_week",
        "Hours a week",
        "How many hours a week can you give to learning?",
        "number",
        low=1,
        high=80,
        unit=("hour", "hours"),
        required=False,
    ),
)
BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


def default_answer(question: Question, answers: Mapping[str, Any]) -> Any:
    """What to pre-select: the current answer, else a default that may depend on others."""
    if question.id in answers:
        return answers[question.id]
    if question.default_by is not None:
        other, table = question.default_by
        if answers.get(other) in table:
            return table[answers[other]]
    return question.default


def first_unanswered(answers: Mapping[str, Any]) -> int:
    """Index of the first question without an answer (len(QUESTIONS) when all are answered)."""
    return next((i for i, q in enumerate(QUESTIONS) if q.id not in answers), len(QUESTIONS))
