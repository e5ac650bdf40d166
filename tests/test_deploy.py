"""`lms deploy` against a local bare repository: the branch holds exactly the site, history grows by one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import COURSE, make_project

DRAFT = COURSE.replace("id: dasar", "id: rahasia").replace("Kursus Dasar", "Judul Draf Rahasia").replace(
    "level: 1", "level: 1\nstatus: draft").replace("modul/m1.md", "modul/draf.md")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(tmp_path):
    """A project under git with a bare 'origin', as an office would have it."""
    root = make_project(tmp_path / "proj", {
        ".gitignore": ".lms/\nsite/\n", "courses/rahasia.yml": DRAFT,
        "content/modul/draf.md": "# Draf\n\nKalimat draf rahasia.\n",
        "site_config.yml": "site_name: Situs Uji\nlanguage: id\ncustom_domain: belajar.contoh.go.id\n"})
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    git(root, "init", "--quiet", "-b", "main")
    git(root, "config", "user.email", "pelatih@contoh.go.id")
    git(root, "config", "user.name", "Pelatih")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "Isi awal")
    git(root, "remote", "add", "origin", str(remote))
    return root, remote


def published(remote: Path) -> dict[str, bytes]:
    names = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    return {n: subprocess.run(["git", "show", f"gh-pages:{n}"], cwd=remote, capture_output=True, check=True).stdout
            for n in names}


def commits(remote: Path) -> int:
    return int(git(remote, "rev-list", "--count", "gh-pages"))


def test_deploy_publishes_exactly_the_site_and_keeps_history(repo, lms):
    root, remote = repo
    head, status = git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain")
    result = lms("deploy", "--project", root)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Situs diterbitkan ke cabang gh-pages di origin (commit ")
    files = published(remote)
    site = root / ".lms/deploy-site"
    on_disk = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert files == on_disk
    assert files[".nojekyll"] == b"" and files["CNAME"] == b"belajar.contoh.go.id\n"
    assert "index.html" in files and "kursus/dasar/m1.html" in files
    assert not any(b"Judul Draf Rahasia" in body or b"Kalimat draf rahasia" in body for body in files.values())
    assert git(root, "rev-parse", "HEAD") == head and git(root, "branch", "--show-current") == "main"
    assert git(root, "status", "--porcelain") == status
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == f"Publish Situs Uji from {head[:7]}"

    course = root / "courses/dasar.yml"
    course.write_text(course.read_text().replace("Kursus Dasar", "Kursus Dasar Baru"))
    assert lms("deploy", "--project", root, "--message", "Judul baru").exit_code == 0
    assert commits(remote) == 2
    assert b"Kursus Dasar Baru" in published(remote)["kursus/dasar/index.html"]
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == "Judul baru"

    again = lms("deploy", "--project", root)
    assert again.exit_code == 0 and again.output.startswith("Tidak ada perubahan")
    assert commits(remote) == 2


def test_a_failed_check_leaves_the_branch_unchanged(repo, lms):
    root, remote = repo
    assert lms("deploy", "--project", root).exit_code == 0
    before = git(remote, "rev-parse", "gh-pages")
    course = root / "courses/dasar.yml"
    course.write_text(course.read_text().replace("level: 1", "level: 9"))
    result = lms("deploy", "--project", root)
    assert result.exit_code == 1
    assert "Tidak diterbitkan: perbaiki masalah di atas dulu; cabang gh-pages tidak diubah." in result.output
    assert git(remote, "rev-parse", "gh-pages") == before


def test_deploy_continues_the_remote_branch_from_a_fresh_clone(repo, lms, tmp_path):
    root, remote = repo
    assert lms("deploy", "--project", root).exit_code == 0
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(clone)], check=True)
    git(clone, "checkout", "--quiet", "-b", "main")  # no local gh-pages: only the remote knows that history
    for path in root.rglob("*"):
        if path.is_file() and ".git" not in path.parts and ".lms" not in path.parts:
            target = clone / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (clone / "courses/dasar.yml").write_text(COURSE.replace("Kursus Dasar", "Dari Komputer Lain"))
    assert git(clone, "branch", "--list", "gh-pages") == ""
    assert lms("deploy", "--project", clone).exit_code == 0
    assert commits(remote) == 2


def test_deploy_outside_git_says_so(project, lms):
    result = lms("deploy", "--project", project())
    assert result.exit_code == 1
    assert "bukan repositori git" in result.output or "not a git repository" in result.output


def test_deploy_refuses_the_current_branch(repo, lms):
    root, remote = repo
    head, status = git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain")
    result = lms("deploy", "--project", root, "--branch", "main")
    assert result.exit_code == 1
    assert f"Penerbitan gagal: the branch main is checked out in {root}" in result.output
    assert git(root, "rev-parse", "HEAD") == head and git(root, "status", "--porcelain") == status
    assert git(remote, "branch", "--list") == ""


def test_deploy_refuses_a_branch_checked_out_in_another_worktree(repo, lms, tmp_path):
    root, remote = repo
    git(root, "worktree", "add", "--quiet", "-b", "lain", str(tmp_path / "wt"))
    before = git(root, "rev-parse", "lain")
    result = lms("deploy", "--project", root, "--branch", "lain")
    assert result.exit_code == 1 and f"checked out in {tmp_path / 'wt'}" in result.output
    assert git(root, "rev-parse", "lain") == before and not (tmp_path / "wt/index.html").exists()
