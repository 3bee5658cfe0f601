from __future__ import annotations

import ctypes.util

import pytest
from click.testing import CliRunner

from toolkit import doctor
from toolkit.cli import cli


def test_missing_library_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.util.find_library
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "harfbuzz-subset" else real(name)
    )
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1
    assert "[MISS] HarfBuzz subsetting" in result.output
    assert "fix: sudo apt-get install -y libharfbuzz-subset0" in result.output


def test_missing_fonts_name_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "_font_families", lambda: {"Noto Serif", "Noto Sans"})
    checks = {c.name: c for c in doctor.run_checks()}
    serif = checks["Japanese serif font (Noto Serif CJK JP)"]
    assert not serif.ok
    assert serif.fix.endswith("fonts-noto-cjk")


def test_no_models_is_a_warning_with_the_commands() -> None:
    checks = {c.name: c for c in doctor.run_checks()}
    models = checks["Argos models for de↔ja"]
    assert not models.ok
    assert not models.required
    assert "dejakit models install" in models.fix
