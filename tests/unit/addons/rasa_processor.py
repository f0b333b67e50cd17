"""The real domain, and the parts of Rasa's MessageProcessor that a bot utterance sent outside
the prediction loop needs (the personal-data warning, the feedback question after a pause)."""

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain

from refund_assistant.settings import PROJECT_ROOT

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))


class Processor:
    """What sending a response outside the prediction loop needs of Rasa's MessageProcessor."""

    def __init__(self):
        self.domain = DOMAIN
        self.nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)

    _should_handle_message = staticmethod(MessageProcessor._should_handle_message)
    execute_side_effects = MessageProcessor.execute_side_effects
    _send_bot_messages = staticmethod(MessageProcessor._send_bot_messages)

    async def _schedule_reminders(self, *args):
        pass

    async def _cancel_reminders(self, *args):
        pass
