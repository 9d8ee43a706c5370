"""The built wheel carries the rule files, the JSON schema and the examples (not only the source tree)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_rules_schema_and_examples(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("okrlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert {f"okrlint/rules/{name}" for name in rule_files} <= names
    assert "okrlint/schema/report.schema.json" in names
    assert "okrlint/examples/marketing-ru.md" in names
    # the score weights (not a rule file, but data the wheel needs), the grade schema and the grade examples
    assert "okrlint/rules/_score.yaml" in names
    assert "okrlint/schema/grade.schema.json" in names
    assert {"okrlint/examples/quarter-end-ru.md", "okrlint/examples/quarter-end-en.yaml"} <= names
