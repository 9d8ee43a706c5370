"""Hypothesis profiles: CI replays a fixed set of examples; local runs explore new ones."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# The result cache is off for the suite (CLI tests must not leave .okrlint_cache folders in the
# checkout) unless OKRLINT_TEST_CACHE=1 runs the whole suite with it on (`make test-cache`);
# tests/test_cache.py turns it on in temporary folders.
if not os.environ.get("OKRLINT_TEST_CACHE"):
    os.environ.setdefault("OKRLINT_NO_CACHE", "1")
