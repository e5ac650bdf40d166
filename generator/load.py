"""Read project files into plain data, remembering the line and column of every key."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

try:  # libyaml's parser is ~10x faster; the pure-Python one gives the same marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Pos = tuple[int, int]
STR_TAG = "tag:yaml.org,2002:str"
STANDARDS = "standar-pelayanan"  # the folder under content/ holding service standards
PATHS = "jalur-belajar"  # the folder under content/ holding learning paths
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")


@dataclass
class Document:
    """A parsed YAML mapping with the source position of each key and value."""

    path: str  # project-relative, with forward slashes
    data: Any
    keys: dict[tuple, Pos] = field(default_factory=dict)
    values: dict[tuple, Pos] = field(default_factory=dict)

    def where(self, loc: tuple, of_key: bool = False) -> Pos:
        """Position of the value (or key) at loc, falling back to its nearest parent."""
        table = self.keys if of_key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if of_key:
                table = self.values
                of_key = False
                continue
            loc = loc[:-1]
        return self.values.get((), (1, 1))


@dataclass
class ContentFile:
    """A Markdown file under content/, split into front matter and body."""

    path: str  # project-relative, e.g. content/modul/x.md
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    front: Document | None = None
    outside: bool = False  # a symlink leading out of content/


@dataclass
class Sources:
    """Everything read from a project, before any rule is applied."""

    root: Path
    config: Document | None
    courses: list[Document]
    content: dict[str, ContentFile]  # keyed by the path relative to content/
    problems: list[Problem]
    file_count: int = 0
    assets: frozenset[str] = frozenset()  # other files under content/ (images, PDFs), relative to it
    standards: list[Document] = field(default_factory=list)  # content/standar-pelayanan/*.yml
    paths: list[Document] = field(default_factory=list)  # content/jalur-belajar/*.yml


class _Walker:
    def __init__(self, doc: Document, loader: Any, line_offset: int, problems: list[Problem]):
        self.doc, self.loader, self.offset, self.problems = doc, loader, line_offset, problems
        self.count = 0
        self.active: set[int] = set()

    def pos(self, node: yaml.Node) -> Pos:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def walk(self, node: yaml.Node, loc: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES or id(node) in self.active:
            raise _TooDeep(self.pos(node))
        self.doc.values[loc] = self.pos(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.walk(item, loc + (i,)) for i, item in enumerate(node.value)]
            return self.mapping(node, loc)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        self.loader.flatten_mapping(node)  # resolves "<<: *anchor" merge keys
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            here = loc + (key,)
            if key in out:
                line = self.doc.keys[here][0]
                self.problems.append(
                    Problem(self.doc.path, *self.pos(key_node), key_path(here), "duplicate-key",
                            {"key": key, "line": line}, "hint-duplicate-key")
                )
            else:
                self.doc.keys[here] = self.pos(key_node)
            out[key] = self.walk(value_node, here)
        return out

    def key(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return str(node.value)[:40]  # a list or mapping used as a key: reported as unknown
        key = self.scalar(node)
        return key if isinstance(key, (str, int, float, bool)) else str(key)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == STR_TAG:  # most values: skip the constructor machinery
            return node.value
        try:
            return self.loader.yaml_constructors[node.tag](self.loader, node)
        except (KeyError, yaml.YAMLError, ValueError, TypeError, OverflowError):
            return node.value  # e.g. "2024-13-45" looks like a date but is not one


class _TooDeep(Exception):
    def __init__(self, pos: Pos):
        self.pos = pos


def key_path(loc: tuple) -> str:
    """A location as trainers read it: modules[0].quiz.questions[1]."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document; return it (None when unreadable) and the problems found."""
    problems: list[Problem] = []
    doc = Document(path, None)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.data = None
        else:
            doc.data = _Walker(doc, loader, line_offset, problems).walk(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        detail = exc.problem or "?"
        if exc.context and exc.context_mark:
            detail = f"{exc.context} (line {exc.context_mark.line + 1 + line_offset}): {detail}"
        problems.append(Problem(path, line, col, "", "yaml-syntax", {"detail": detail}, "hint-yaml-syntax"))
        return None, problems
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        line, col = _reader_position(text, getattr(exc, "position", 0))
        detail = getattr(exc, "reason", None) or str(exc)
        problems.append(Problem(path, line + line_offset, col, "", "yaml-syntax", {"detail": detail},
                                "hint-yaml-syntax"))
        return None, problems
    except (_TooDeep, RecursionError) as exc:
        line, col = getattr(exc, "pos", (1 + line_offset, 1))
        problems.append(Problem(path, line, col, "", "yaml-syntax",
                                {"detail": "alias/nesting too deep"}, "hint-yaml-syntax"))
        return None, problems
    finally:
        loader.dispose()
    return doc, problems


def _reader_position(text: str, index: int) -> Pos:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a leading BOM is allowed), or say where the first bad byte is."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _reader_position(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        bad = f"{raw[exc.start]:02X}"
        return None, [Problem(path, line, col, "", "not-utf8", {"byte": bad}, "hint-not-utf8")]
    return text.removeprefix("\ufeff").replace("\r\n", "\n"), []


def load_mapping(raw: bytes, path: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Decode and parse a YAML file that must hold a mapping."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    doc, problems = parse_yaml(text, path, line_offset)
    if doc is not None and not isinstance(doc.data, dict):
        if doc.data is None:
            problems.append(Problem(path, 1 + line_offset, 1, "", "empty-file"))
        else:
            problems.append(Problem(path, *doc.where(()), "", "not-mapping",
                                    {"actual": type_name(doc.data)}, "hint-not-mapping"))
        return None, problems
    return doc, problems


def type_name(value: Any) -> str:
    """Name a YAML value's kind in the words a trainer uses (same in both languages' tables)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return type(value).__name__


def split_front_matter(text: str, path: str) -> tuple[Document | None, str, int, list[Problem]]:
    """Split `---` front matter from a Markdown text; return front, body, body line, problems."""
    if not (text.startswith("---\n") or text == "---"):
        return None, text, 1, []
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            front_text = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1 :])
            if not front_text.strip():
                return None, body, i + 2, []
            doc, problems = load_mapping(front_text.encode("utf-8"), path, line_offset=1)
            return doc, body, i + 2, problems
    return None, text, 1, [Problem(path, 1, 1, "", "front-matter-unclosed", {}, "hint-front-matter-unclosed")]


def read_content(root: Path) -> tuple[dict[str, ContentFile], frozenset[str], list[Problem]]:
    """Read every Markdown file under content/ and list the other files there.

    Symlinks leading out of content/ are flagged (Markdown) or left out (other files), never read.
    """
    base = root / "content"
    files: dict[str, ContentFile] = {}
    assets: set[str] = set()
    problems: list[Problem] = []
    if not base.is_dir():
        return files, frozenset(), problems
    real_base = base.resolve()
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath) / name
            if not name.endswith(".md"):
                if full.resolve().is_relative_to(real_base):
                    assets.add(full.relative_to(base).as_posix())
                continue
            rel = full.relative_to(base).as_posix()
            item = ContentFile("content/" + rel)
            files[rel] = item
            if not full.resolve().is_relative_to(real_base):
                item.outside = True
                continue
            text, found = decode(full.read_bytes(), item.path)
            problems += found
            if text is None:
                continue
            item.front, item.body, item.body_line, found = split_front_matter(text, item.path)
            problems += found
    return files, frozenset(assets), problems


def read_project(root: Path) -> Sources:
    """Read site_config.yml, courses/*.yml and content/**/*.md; apply no rules yet."""
    problems: list[Problem] = []
    config, found = load_mapping((root / "site_config.yml").read_bytes(), "site_config.yml")
    problems += found
    courses = []
    course_dir = root / "courses"
    paths = sorted(course_dir.glob("*.yml")) + sorted(course_dir.glob("*.yaml")) if course_dir.is_dir() else []
    for path in paths:
        doc, found = load_mapping(path.read_bytes(), f"courses/{path.name}")
        problems += found
        if doc is not None:
            courses.append(doc)
    content, assets, found = read_content(root)
    problems += found
    found_yaml: dict[str, list[Document]] = {STANDARDS: [], PATHS: []}
    for rel in sorted(assets):
        folder = rel.split("/", 1)[0]
        if folder in found_yaml and rel.endswith((".yml", ".yaml")):
            doc, found = load_mapping((root / "content" / rel).read_bytes(), f"content/{rel}")
            problems += found
            if doc is not None:
                found_yaml[folder].append(doc)
    count = 1 + len(paths) + len(content) + sum(map(len, found_yaml.values()))
    return Sources(root, config, courses, content, problems, count, assets, found_yaml[STANDARDS], found_yaml[PATHS])
