"""What the quiz script needs from Python: a quiz's identity and each question's answer key."""

from __future__ import annotations

import hashlib
import json

from ..model import Quiz


def quiz_hash(quiz: Quiz) -> str:
    """A short hash of the quiz content: stored results are keyed by it, so an edited quiz starts afresh."""
    return hashlib.sha256(quiz.model_dump_json().encode("utf-8")).hexdigest()[:12]


def answer_key(question) -> str:
    """What the quiz script needs to score a question (order and match keep theirs in the DOM)."""
    if question.type in ("single", "multiple"):
        key = {"correct": [i for i, c in enumerate(question.choices) if c.correct]}
    elif question.type == "true-false":
        key = {"answer": question.answer}
    elif question.type == "short":
        key = {"answers": list(question.answers)}
    elif question.type == "numeric":
        key = {"answer": question.answer, "tolerance": question.tolerance}
    else:
        key = {}
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))
