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
#: What a person can already do (the answers file's `skills`), from the seeds' five pillars,
#: the roadmap's must-learn list and the roles guide's role cards. Labels and sources:
#: SKILL_TEXT below; docs/answers.md lists them.
Skill = Literal[
    "python",
    "async-python",
    "data-validation",
    "classical-ml",
    "data-pipelines",
    "statistics",
    "deep-learning",
    "mlops",
    "production",
    "cloud-ai",
    "distributed-systems",
    "llm-apis",
    "prompt-design",
    "llm-engineering",
    "fine-tuning",
    "rag",
    "context-engineering",
    "agents",
    "agent-frameworks",
    "mcp",
    "evals",
    "tracing",
    "guardrails",
    "ai-security",
    "software-architecture",
    "static-analysis",
    "ai-coding-tools",
    "product-management",
]

BACKGROUNDS: tuple[str, ...] = get_args(Background)
INTERESTS: tuple[str, ...] = get_args(Interest)
COMPANIES: tuple[str, ...] = get_args(Company)
CODING_LEVELS: tuple[str, ...] = get_args(Coding)
REGIONS: tuple[str, ...] = get_args(Region)
LEVELS: tuple[str, ...] = get_args(Level)
SKILLS: tuple[str, ...] = get_args(Skill)

#: Skill id -> (label, where the seeds name it: source id and section). The answers-file
#: contract, like the interests: a data folder cannot change what a saved file means.
SKILL_TEXT: dict[str, tuple[str, str]] = {
    "python": ("Python", "roadmap-2026 §Intro (from Python fundamentals); roles-guide role cards"),
    "async-python": ("Async Python (asyncio)", "roadmap-2026 §3 Must learn"),
    "data-validation": ("Data validation and schemas (Pydantic)", "roadmap-2026 §3 Must learn"),
    "classical-ml": (
        "Classical ML and data: cleaning, features, XGBoost-style models",
        "five-pillars §ML Engineering Foundation",
    ),
    "data-pipelines": ("Data pipelines (Spark, Airflow, dbt, SQL)", "roles-guide §ML Engineer"),
    "statistics": (
        "Statistics and experimental design",
        "roles-guide §LLM Engineer, §AI Safety & Eval Engineer",
    ),
    "deep-learning": (
        "Deep learning: PyTorch, TensorFlow or JAX; training models",
        "roles-guide §LLM Engineer, §ML Engineer; builders §MLE",
    ),
    "mlops": ("MLOps: serving, monitoring, drift, versioning", "roles-guide §AI Engineer"),
    "production": (
        "Production engineering: deploy, version, CI/CD, cost and latency",
        "five-pillars §Production Engineering",
    ),
    "cloud-ai": (
        "Cloud AI services (AWS Bedrock, Azure OpenAI, Vertex AI)",
        "roles-guide §AI Architect",
    ),
    "distributed-systems": ("Distributed systems at scale", "roles-guide §AI Architect"),
    "llm-apis": ("LLM APIs (Anthropic, OpenAI, Gemini)", "roles-guide §AI Engineer"),
    "prompt-design": (
        "Prompt design, templates and prompt A/B tests",
        "roles-guide §Prompt Engineer",
    ),
    "llm-engineering": (
        "LLM engineering: embeddings, function calling, handling hallucination",
        "five-pillars §LLM Engineering",
    ),
    "fine-tuning": ("Fine-tuning (LoRA, QLoRA)", "roadmap-2026 §3 Nice to learn"),
    "rag": ("Retrieval (RAG): chunking, vector databases, re-ranking", "five-pillars §RAG"),
    "context-engineering": (
        "Context engineering: context windows, memory, what an agent keeps",
        "roles-guide §Context Engineer",
    ),
    "agents": ("Agents and multi-agent systems", "five-pillars §Agentic AI"),
    "agent-frameworks": (
        "Agent frameworks (LangGraph, CrewAI, AutoGen)",
        "roadmap-2026 §3 Must learn",
    ),
    "mcp": ("Tool integration and MCP servers", "roadmap-2026 §3 Must learn"),
    "evals": ("Evaluation: eval sets and automated evals", "roadmap-2026 §3 Must learn"),
    "tracing": (
        "Observability and tracing (LangSmith, Langfuse)",
        "roles-guide §AI Agent Engineer",
    ),
    "guardrails": (
        "Guardrails, red-teaming, human-in-the-loop checks",
        "roles-guide §AI Agent Engineer, §AI Safety & Eval Engineer",
    ),
    "ai-security": (
        "Security for AI: prompt injection, PII, compliance",
        "roles-guide §Platform Engineer, §AI Architect",
    ),
    "software-architecture": ("Software architecture", "roles-guide §Harness Engineer"),
    "static-analysis": (
        "Linters, static analysis, structural tests",
        "roles-guide §Harness Engineer",
    ),
    "ai-coding-tools": (
        "AI coding tools (Claude Code, Cursor, Copilot)",
        "roles-guide §Founding AI Engineer",
    ),
    "product-management": (
        "Product management: roadmaps, priorities, user research",
        "roles-guide §AI Product Manager",
    ),
}

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

#: How a background reads inside a sentence ("as a backend engineer").
BACKGROUND_NOUN: dict[str, str] = {
    "software-engineer": "a software engineer",
    "backend-engineer": "a backend engineer",
    "frontend-engineer": "a frontend engineer",
    "data-engineer": "a data engineer",
    "data-scientist": "a data scientist",
    "ml-engineer": "an ML engineer",
    "researcher": "a researcher",
    "devops-engineer": "a DevOps or platform engineer",
    "architect": "an architect",
    "product-manager": "a product manager",
    "technical-writer": "a technical writer",
    "qa-engineer": "a QA engineer",
    "domain-expert": "a domain expert",
    "content-strategist": "a content strategist",
    "student": "a student",
    "other-non-technical": "someone from a non-technical field",
}

#: How an interest reads inside a sentence ("it matches agents and reliability").
INTEREST_NOUN: dict[str, str] = {
    "building-products": "building products",
    "agents": "agents",
    "infrastructure": "infrastructure",
    "systems-design": "systems design",
    "reliability": "reliability",
    "research": "research",
    "model-training": "training models",
    "evaluation-safety": "evaluation and safety",
    "data-retrieval": "data and retrieval",
    "product-management": "product management",
    "ownership": "owning a product end to end",
    "prompting": "prompting",
}
