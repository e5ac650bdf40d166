"""Read project files into plain data, remembering the line and column of every key."""

from __future__ import annotations

import os
import posixpath
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import yaml_errors
from .problems import Problem
from .structure import ContentFile, Document, Pos, Sources, key_path

try:  # libyaml's parser is ~10x faster; the pure-Python one gives the same marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

STR_TAG = "tag:yaml.org,2002:str"
MAX_NODES = 200_000  # values beyond the file's own size: only aliases make them ("billion laughs")
MAX_DEPTH = 50  # nesting of YAML mappings and lists; real files stay under 10
MAX_FILE_BYTES = 5_000_000  # per Markdown file: a long module is ~50 KB
MAX_YAML_BYTES = 1_000_000  # per YAML file: the largest real course file is ~100 KB; 1 MB checks in seconds


class _Walker:
    def __init__(self, doc: Document, loader: Any, line_offset: int, problems: list[Problem], size: int = 0):
        self.doc, self.loader, self.offset, self.problems = doc, loader, line_offset, problems
        self.count = 0
        self.limit = MAX_NODES + size  # a flat file may hold a value per two characters; aliases more
        self.active: set[int] = set()

    def pos(self, node: yaml.Node) -> Pos:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def walk(self, node: yaml.Node, loc: tuple) -> Any:
        self.count += 1
        if self.count > self.limit or id(node) in self.active:
            raise _TooDeep(self.pos(node), "yaml-aliases", {"limit": self.limit})
        if len(loc) > MAX_DEPTH:
            raise _TooDeep(self.pos(node), "yaml-too-deep", {"limit": MAX_DEPTH})
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
    def __init__(self, pos: Pos, code: str, params: dict):
        self.pos, self.code, self.params = pos, code, params


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
            doc.data = _Walker(doc, loader, line_offset, problems, len(text)).walk(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        context_line = exc.context_mark.line + 1 + line_offset if exc.context and exc.context_mark else None
        source = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        problems.append(Problem(path, line, col, "", *yaml_errors.describe(exc.problem, exc.context, context_line,
                                                                           source)))
        return None, problems
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        line, col = _reader_position(text, getattr(exc, "position", 0))
        detail = getattr(exc, "reason", None) or str(exc)
        problems.append(Problem(path, line + line_offset, col, "", "yaml-syntax", {"detail": detail},
                                "hint-yaml-syntax"))
        return None, problems
    except _TooDeep as exc:
        problems.append(Problem(path, *exc.pos, "", exc.code, exc.params, f"hint-{exc.code}"))
        return None, problems
    except RecursionError:  # the parser itself, on brackets nested thousands deep
        problems.append(Problem(path, 1 + line_offset, 1, "", "yaml-too-deep", {"limit": MAX_DEPTH},
                                "hint-yaml-too-deep"))
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


def too_large(size: int, path: str) -> list[Problem]:
    """A problem when a file is over its limit: parsing it could take minutes and gigabytes."""
    limit = MAX_FILE_BYTES if path.endswith(".md") else MAX_YAML_BYTES
    if size <= limit:
        return []
    return [Problem(path, 1, 1, "", "file-too-large", {"size": f"{size / 1e6:.1f}", "limit": f"{limit / 1e6:g}"},
                    "hint-file-too-large")]


def read_file(full: Path, path: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or a problem when it is too large to read."""
    found = too_large(full.stat().st_size, path)
    return (None, found) if found else (full.read_bytes(), [])


def load_mapping(raw: bytes | None, path: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Decode and parse a YAML file that must hold a mapping (None: not read, e.g. too large)."""
    if raw is None:
        return None, []
    doc, problems = _mapping(raw, path, line_offset)
    return doc, list(problems)


def forget() -> None:
    """Drop the parsed files kept for `lms serve` (a one-off build needs them no more)."""
    _mapping.cache_clear()


@lru_cache(maxsize=8192)  # `lms serve` reads every file at each rebuild: unchanged ones are not parsed again
def _mapping(raw: bytes, path: str, line_offset: int) -> tuple[Document | None, tuple[Problem, ...]]:
    doc, problems = _parse_mapping(raw, path, line_offset)
    return doc, tuple(problems)


def _parse_mapping(raw: bytes, path: str, line_offset: int) -> tuple[Document | None, list[Problem]]:
    found = too_large(len(raw), path)
    if found:
        return None, found
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


def read_content(root: Path, content_dir: str = "content") -> tuple[dict[str, ContentFile], frozenset[str],
                                                                   list[Problem]]:
    """Read every Markdown file in the content folder and list the other files there.

    Symlinks leading out of the folder are flagged (Markdown) or left out (other files), never read.
    """
    base = root / content_dir
    files: dict[str, ContentFile] = {}
    assets: set[str] = set()
    problems: list[Problem] = []
    if not base.is_dir():
        return files, frozenset(), problems
    real_base = base.resolve()
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not (content_dir == "." and d.startswith(".")))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            if not name.endswith(".md"):
                if full.resolve().is_relative_to(real_base):
                    assets.add(full.relative_to(base).as_posix())
                continue
            rel = full.relative_to(base).as_posix()
            item = files[rel] = ContentFile(posixpath.normpath(f"{content_dir}/{rel}"), rel)
            if not full.resolve().is_relative_to(real_base):
                item.outside = True
                continue
            problems += _read_markdown(item, full)
    return files, frozenset(assets), problems


def _read_markdown(item: ContentFile, full: Path) -> list[Problem]:
    raw, problems = read_file(full, item.path)
    if raw is None:
        return problems
    text, problems = decode(raw, item.path)
    if text is not None:
        item.front, item.body, item.body_line, found = split_front_matter(text, item.path)
        problems += found
    return problems


def content_dir(raw: Any) -> str:
    """The content folder named by site_config.yml's content_dir, when it is a plain relative path."""
    value = raw.get("content_dir", "content") if isinstance(raw, dict) else "content"
    if not isinstance(value, str) or not value.strip():
        return "content"
    norm = posixpath.normpath(value.replace("\\", "/"))
    return "content" if norm.startswith(("/", "..")) or ":" in norm else norm


def read_project(root: Path, collections: dict[str, str] | None = None) -> Sources:
    """Read site_config.yml, courses/*.yml and the content folder; apply no rules yet.

    collections maps a folder in the content folder to the YAML kind read from it (default: the registry's).
    """
    if collections is None:
        from .kinds import yaml_folders

        collections = yaml_folders()
    problems: list[Problem] = []
    config, found = _load_yaml(root / "site_config.yml", "site_config.yml")
    problems += found
    courses = []
    course_dir = root / "courses"
    paths = sorted(course_dir.glob("*.yml")) + sorted(course_dir.glob("*.yaml")) if course_dir.is_dir() else []
    for path in paths:
        doc, found = _load_yaml(path, f"courses/{path.name}")
        problems += found
        if doc is not None:
            courses.append(doc)
    folder = content_dir(config.data if config else None)
    content, assets, found = read_content(root, folder)
    problems += found
    found_yaml: dict[str, list[Document]] = {name: [] for name in collections.values()}
    for rel in sorted(assets):
        top = rel.split("/", 1)[0]
        if top in collections and "/" in rel and rel.endswith((".yml", ".yaml")):
            doc, found = _load_yaml(root / folder / rel, posixpath.normpath(f"{folder}/{rel}"))
            problems += found
            if doc is not None:
                found_yaml[collections[top]].append(doc)
    count = 1 + len(paths) + len(content) + sum(map(len, found_yaml.values()))
    return Sources(root, config, courses, content, problems, count, assets, found_yaml, folder)


def _load_yaml(full: Path, path: str) -> tuple[Document | None, list[Problem]]:
    raw, found = read_file(full, path)
    return (None, found) if raw is None else load_mapping(raw, path)
