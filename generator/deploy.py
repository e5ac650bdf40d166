"""Publish a built site to a branch (gh-pages) with git plumbing.

The site is committed through a temporary index straight from its folder, so the user's
working tree, index and current branch are never touched. The branch keeps its history: each
deploy adds one commit on top of the local branch, or of the remote's when there is no local one.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .write import write_file


class DeployError(Exception):
    """A git step failed; the message says which and why."""


@dataclass
class Deployed:
    commit: str | None  # None when the site was already published as it is
    branch: str
    remote: str


def _git(root: Path, *args: str, env: dict | None = None, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env=env, timeout=300,
                          check=False)
    if check and done.returncode != 0:
        raise DeployError(f"git {' '.join(args[:2])}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip() if done.returncode == 0 else ""


def mark_for_pages(site: Path, custom_domain: str | None) -> None:
    """GitHub Pages extras: .nojekyll (serve assets/ and files starting with _) and CNAME."""
    write_file(site / ".nojekyll", "", overwrite=True)
    if custom_domain:
        write_file(site / "CNAME", custom_domain + "\n", overwrite=True)


def publish(root: Path, site: Path, remote: str, branch: str, message: str) -> Deployed:
    """Commit site/ as the whole content of branch and push it to remote."""
    if not _git(root, "rev-parse", "--git-dir", check=False):
        raise DeployError(f"{root} is not a git repository")
    ref = f"refs/heads/{branch}"
    refuse_checked_out(root, ref)
    parent = _git(root, "rev-parse", "--verify", "--quiet", ref, check=False)
    if not parent:  # no local branch yet: continue the remote's history if it has one
        if _git(root, "ls-remote", "--heads", remote, branch, check=False):
            _git(root, "fetch", "--quiet", remote, f"{ref}:{ref}")
            parent = _git(root, "rev-parse", "--verify", ref)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git_dir = _git(root, "rev-parse", "--absolute-git-dir")
        _git(root, f"--git-dir={git_dir}", f"--work-tree={site}", "add", "--all", "--force", ".", env=env)
        tree = _git(root, "write-tree", env=env)
    if parent and _git(root, "rev-parse", f"{parent}^{{tree}}") == tree:
        _git(root, "push", "--quiet", remote, f"{ref}:{ref}")
        return Deployed(None, branch, remote)
    author = {}
    if not _git(root, "config", "user.email", check=False):  # a fresh CI machine: sign as the tool
        author = {"GIT_AUTHOR_NAME": "lms deploy", "GIT_AUTHOR_EMAIL": "lms@localhost",
                  "GIT_COMMITTER_NAME": "lms deploy", "GIT_COMMITTER_EMAIL": "lms@localhost"}
    commit = _git(root, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message,
                  env={**os.environ, **author})
    _git(root, "update-ref", ref, commit, *([parent] if parent else []))
    _git(root, "push", "--quiet", remote, f"{ref}:{ref}")
    return Deployed(commit, branch, remote)


def refuse_checked_out(root: Path, ref: str) -> None:
    """Refuse a branch that is checked out here or in another worktree: publishing would replace its files."""
    listing = _git(root, "worktree", "list", "--porcelain", check=False)
    for block in listing.split("\n\n"):
        lines = block.splitlines()
        if f"branch {ref}" in lines:
            where = next((line[9:] for line in lines if line.startswith("worktree ")), str(root))
            raise DeployError(f"the branch {ref[11:]} is checked out in {where}; publishing would replace your "
                              "work with the site. Use a branch of its own, such as gh-pages (--branch gh-pages)")
    if _git(root, "symbolic-ref", "--quiet", "HEAD", check=False) == ref:  # git without worktree support
        raise DeployError(f"the branch {ref[11:]} is the current branch; use a branch of its own, such as gh-pages")


def default_message(root: Path, site_name: str) -> str:
    source = _git(root, "rev-parse", "--short", "HEAD", check=False)
    return f"Publish {site_name}" + (f" from {source}" if source else "")
