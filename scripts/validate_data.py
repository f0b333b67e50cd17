"""`rasa data validate --fail-on-warnings`, knowing which responses the bot sends outside stories.

Rasa's validator warns that a response is "not used in any story or rule" when only a form (its
`utter_ask_*` questions) or a custom action sends it, and `--fail-on-warnings` turns that into a
failure, so no bot with a form or a custom action that answers could pass. This runs the same
checks as the Rasa command, treats every warning as a failure, and counts a response as used when
a form asks with it, an action or add-on module names it, or Rasa's default fallback sends it. A response nobody sends still fails.
"""

from __future__ import annotations

import ast
import re
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Responses that Rasa's own default actions send (action_default_fallback sends utter_default).
RASA_DEFAULT_ACTION_RESPONSES = frozenset({"utter_default"})
UNUSED_RESPONSE = re.compile(r"The utterance '(utter_[^']+)' is not used in any story or rule\.")


def responses_named_in(source_files: Iterable[Path]) -> set[str]:
    """Every string literal starting with `utter_` in the given Python files."""
    names: set[str] = set()
    for path in source_files:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.startswith("utter_"):
                    names.add(node.value)
    return names


def form_questions(domain) -> set[str]:
    """The `utter_ask_*` responses forms use to ask for their slots."""
    names: set[str] = set()
    for form in domain.form_names:
        for slot in domain.required_slots_for_form(form):
            names.update({f"utter_ask_{slot}", f"utter_ask_{form}_{slot}"})
    return names


def validate(project: Path = PROJECT_ROOT) -> list[str]:
    """Runs the checks; returns the problems found (empty when everything is fine)."""
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.utils.common import EXPECTED_WARNINGS
    from rasa.validator import Validator

    problems: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for category, message in EXPECTED_WARNINGS:  # what the rasa command silences too
            warnings.filterwarnings("ignore", message=f".*{message}", category=category)
        importer = TrainingDataImporter.load_from_config(
            config_path=str(project / "config.yml"),
            domain_path=str(project / "domain.yml"),
            training_data_paths=[str(project / "data")],
        )
        validator = Validator.from_importer(importer)
        checks = {
            "domain": validator.verify_domain_validity(),
            "actions in stories and rules": validator.verify_actions_in_stories_rules(),
            "forms in stories and rules": validator.verify_forms_in_stories_rules(),
            "form slots": validator.verify_form_slots(),
            "slot mappings": validator.verify_slot_mappings(),
            "intents and responses": validator.verify_nlu(ignore_warnings=True),
            "story structure": validator.verify_story_structure(ignore_warnings=True),
        }
        validator.warn_if_config_mandatory_keys_are_not_set()
        sent_elsewhere = (
            RASA_DEFAULT_ACTION_RESPONSES
            | form_questions(validator.domain)
            | responses_named_in(
                sorted((project / "actions").glob("*.py"))
                + sorted((project / "addons").glob("*.py"))
                + sorted((project / "refund_assistant").rglob("*.py"))
            )
        )
    problems += [f"check failed: {name}" for name, ok in checks.items() if not ok]
    for warning in caught:
        message = str(warning.message)
        unused = UNUSED_RESPONSE.search(message)
        if unused and unused.group(1) in sent_elsewhere:
            continue
        if issubclass(warning.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        problems.append(f"warning: {message}")
    return problems


def main() -> int:
    problems = validate()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"Validation failed: {len(problems)} problem(s).", file=sys.stderr)
        return 1
    print("Training data and domain are valid (warnings treated as failures).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
