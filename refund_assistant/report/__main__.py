"""`python -m refund_assistant.report`: the same as the `refund-assistant-report` command."""

import sys

from refund_assistant.report.cli import main

if __name__ == "__main__":
    sys.exit(main())
