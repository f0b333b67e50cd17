"""Shared test set-up: run from the project root so relative paths in config files resolve."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
os.chdir(PROJECT_ROOT)
