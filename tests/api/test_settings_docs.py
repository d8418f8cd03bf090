"""README's settings table and error-code table must match the code (datasette habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.config import Settings
from qa import errors as qe

pytestmark = pytest.mark.unit

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_and_described() -> None:
    documented = set(re.findall(r"^\| `(RAPPORT_[A-Z_]+)` \|", README, flags=re.M))
    fields = {f"RAPPORT_{name.upper()}" for name in Settings.model_fields}
    assert documented == fields
    for name, field in Settings.model_fields.items():
        assert field.description, f"setting {name} has no description"


def _error_classes(cls: type[qe.QAError]) -> list[type[qe.QAError]]:
    out = [cls]
    for sub in cls.__subclasses__():
        out += _error_classes(sub)
    return out


def test_every_error_code_is_documented() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+)` \| \d{3} \|", README, flags=re.M))
    codes = {c.code for c in _error_classes(qe.QAError)}
    missing = codes - documented
    assert not missing, f"error codes missing from README: {sorted(missing)}"
