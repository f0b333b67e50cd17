"""Overrides of Rasa internals refuse to start on another Rasa version."""

import pytest

from refund_assistant.compat import IncompatibleVersion, require_version


def test_the_version_written_for_passes():
    require_version("rasa", "3.6.21", "3.6.21", "MaskingSQLTrackerStore.save")


@pytest.mark.parametrize("installed", ["3.6.20", "3.7.0", "3.6.21.post1"])
def test_any_other_version_is_refused_naming_both(installed):
    with pytest.raises(IncompatibleVersion, match=rf"rasa 3\.6\.21.*rasa {installed}"):
        require_version("rasa", installed, "3.6.21", "MaskingSQLTrackerStore.save")
