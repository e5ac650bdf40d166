"""What question-bank formats share: categories, losses, fractions and the neutral question dicts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pydantic import TypeAdapter, ValidationError

from ..model import Course, Quiz
from ..problems import Term, say

# Moodle accepts only these answer fractions (question/format.php, grade options); our weights come from here.
MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                    14.28571, 12.5, 11.11111, 10, 5, 0)
OBJECTIVE_TAG = "tujuan-"  # a question's objective travels as a tag, e.g. tujuan-t1
QUIZ_ADAPTER = TypeAdapter(Quiz)


@dataclass(frozen=True)
class Loss:
    """Something one format cannot carry for one question (index from 1) or, with index 0, for a whole quiz."""

    path: str
    course: str
    module: str
    index: int
    kind: str
    why: str
    dropped: bool = False  # the whole question was left out, not only a part of it

    def text(self, lang: str) -> str:
        code = "exchange-loss-dropped" if self.dropped else "exchange-loss"
        if self.index == 0:
            code = "exchange-loss-quiz"
        return say(code, lang, path=self.path, course=self.course, module=self.module, index=self.index,
                   kind=self.kind, why=Term(self.why))


@dataclass
class Category:
    """One module's questions under a path of category names, as read from a bank."""

    names: tuple[str, ...]
    questions: list[dict] = field(default_factory=list)
    line: int = 1
    module_id: str | None = None


def fraction(count: int) -> float:
    """The Moodle fraction nearest to an even share of 100 among count answers."""
    share = 100 / max(count, 1)
    return min(MOODLE_FRACTIONS, key=lambda f: abs(f - share))


def number(value: float) -> str:
    """A number as people write it: 3 rather than 3.0."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def question_dicts(course: Course, module_index: int) -> list[dict]:
    """The module's questions as plain dicts, in the shape of the course YAML."""
    quiz = course.modules[module_index].quiz
    return [q.model_dump(mode="json", exclude_none=True) for q in quiz.questions] if quiz else []


def quiz_losses(path: str, course: Course) -> list[Loss]:
    """Losses every bank format shares: quiz settings (pass mark, shuffle) that belong to a quiz, not a bank."""
    found = []
    for module in course.modules:
        quiz = module.quiz
        if quiz is None:
            continue
        if quiz.pass_mark != 70:
            found.append(Loss(path, course.id, module.id, 0, "pass_mark", "exchange-why-pass-mark"))
        if quiz.shuffle:
            found.append(Loss(path, course.id, module.id, 0, "shuffle", "exchange-why-shuffle"))
    return found


def slug(text: str, fallback: str = "modul") -> str:
    """An id made from a name: lower case ASCII, digits and single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    found = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return found[:60].strip("-") or fallback


def validate_quiz(questions: list[dict]) -> list[str]:
    """Why these questions would not make a valid quiz, one line per problem (empty when valid)."""
    try:
        QUIZ_ADAPTER.validate_python({"questions": questions})
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in err['loc'][1:])}: {err['msg']}" for err in exc.errors()]
    return []


def objective_of(tags: list[str]) -> str | None:
    """The objective id carried by a question's tags, if any."""
    for tag in tags:
        if tag.startswith(OBJECTIVE_TAG) and len(tag) > len(OBJECTIVE_TAG):
            return tag[len(OBJECTIVE_TAG):]
    return None
