"""The quiz's choices in words: a title and a one-line description for every background,
interest, kind of company, coding level, skill and pay region, keyed by the answers-file
value. The skills also name the group whose page they are asked on (28 skills do not fit
one screen). `records.questions` builds the question records from these tables; the
answers file's labels and where the sources name each skill stay in `vocab.SKILL_TEXT`.
"""

from __future__ import annotations

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
REGION_TEXT = {
    "us": ("United States", "Pay as the sources publish it, in US dollars."),
    "europe": ("Europe", "US pay figures scaled to European levels, as the sources advise."),
    "other": ("Elsewhere", "US pay figures scaled for other countries, as the sources advise."),
}
