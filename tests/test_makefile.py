"""The README's commands are Makefile targets that do what it says (a lost target makes `make test`, and
so CI, run nothing at all)."""

import subprocess

import pytest

from conftest import ROOT


@pytest.mark.parametrize(
    "target, does",
    [
        ("html", "dossier build"),
        ("test", "pytest"),
        ("publish", "publishconf.py"),
        ("serve", "dossier_site.serve"),
        ("devserver", "dossier_site.devserver"),
        ("clean", "rm -rf output"),
    ],
)
def test_each_documented_target_runs_its_command(target, does):
    plan = subprocess.run(
        ["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, check=True
    ).stdout
    assert does in plan
    assert f"make {target}" in (ROOT / "README.md").read_text(encoding="utf-8")
