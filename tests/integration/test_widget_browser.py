"""The website widget in a real browser (headless Debian Chromium), against the servers that
`make run` starts: the demo page, a conversation with buttons, a reload, HTML shown as text,
a phone-sized screen, keyboard-only use, what happens while the server is unreachable, and the
widget's language (its labels, the EN / 中文 switch, and the language sent to the bot).

Screenshots go to tests/artifacts/ (not committed)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio
from aiohttp import web
from playwright.sync_api import Browser, Page, expect, sync_playwright

from refund_assistant.launcher.local_bot import free_port, port_is_open
from refund_assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.servers

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
REPLY_TIMEOUT_MS = 30_000
UNREACHABLE = "Can't reach the assistant right now — trying to reconnect…"
LAUNCHER = "Chat with the Refund Assistant"
INPUT = "Your message to the Refund Assistant"
XSS = "<img src=x onerror=alert(1)>"


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Watched:
    """A page in a fresh browser context (empty localStorage), with its script errors and
    dialogs recorded so a test can prove that nothing ran that should not have."""

    def __init__(
        self, browser: Browser, width: int = 1280, height: int = 800, locale: str = "en-US"
    ):
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, device_scale_factor=1, locale=locale
        )
        self.context.set_default_timeout(15_000)
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    running = Watched(browser)
    yield running
    running.close()
    assert running.errors == [], f"script errors on the page: {running.errors}"
    assert running.dialogs == [], f"dialogs opened: {running.dialogs}"


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def open_widget(page: Page) -> None:
    page.get_by_role("button", name=LAUNCHER).click()
    expect(page.get_by_role("heading", name="Refund Assistant")).to_be_visible()
    expect(page.get_by_label(INPUT)).to_be_focused()


def send(page: Page, text: str, label: str = INPUT) -> None:
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")


def bot_bubbles(page: Page):
    return page.locator(".rw-msg--bot .rw-bubble")


def user_bubbles(page: Page):
    return page.locator(".rw-msg--user .rw-bubble")


def wait_for_new_bot_message(page: Page, before: int) -> None:
    expect(bot_bubbles(page)).not_to_have_count(before, timeout=REPLY_TIMEOUT_MS)


def watch_typing_indicator(page: Page) -> None:
    """Records whether the typing indicator is ever shown (replies can come within ms)."""
    page.evaluate("""() => {
        window.__typingShown = false;
        const typing = document.querySelector('.rw-typing');
        new MutationObserver(() => { if (!typing.hidden) window.__typingShown = true; })
            .observe(typing, {attributes: true, attributeFilter: ['hidden']});
    }""")


def focused(page: Page) -> str:
    """A short name for the focused element: its aria-label, label, or text."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        return el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent)
            || el.textContent.trim();
    }""")


def has_visible_focus_outline(page: Page) -> bool:
    return page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    }""")


def tab_until(page: Page, name: str, limit: int = 20) -> list[str]:
    """Presses Tab until the element called `name` has focus; returns what was focused."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == name:
            return seen
    raise AssertionError(f"{name!r} never got the focus with Tab; focus went through {seen}")


# ---------------------------------------------------------------------------------------------
# Against the real bot
# ---------------------------------------------------------------------------------------------


def test_conversation_with_buttons_survives_a_reload(bot, watched):
    page = watched.page
    page.goto(bot.web_url)
    expect(page.get_by_role("heading", name="Deposit refund help")).to_be_visible()
    open_widget(page)
    messages = page.get_by_role("list", name="Conversation with the Refund Assistant")

    watch_typing_indicator(page)
    send(page, "how do I get my deposit back?")
    expect(user_bubbles(page).last).to_have_text("You: how do I get my deposit back?")
    expect(messages).to_contain_text("Capital management", timeout=REPLY_TIMEOUT_MS)
    assert page.evaluate("window.__typingShown"), "no typing indicator while waiting"
    expect(page.locator(".rw-typing")).to_be_hidden()
    # New bot messages are announced through the aria-live region.
    live = page.locator("[aria-live='polite'].rw-live")
    expect(live).to_contain_text("Capital management")

    # The answer's buttons send their payload; the title is shown as the seller's message.
    page.get_by_role("button", name="Walk me through the steps").click()
    expect(user_bubbles(page).last).to_have_text("You: Walk me through the steps")
    expect(messages).to_contain_text("Step 1 of 5", timeout=REPLY_TIMEOUT_MS)
    expect(page.get_by_role("button", name="Conditions for a refund")).to_have_count(0)
    expect(page.get_by_role("button", name="Next step")).to_be_visible()
    session_id = page.evaluate("localStorage.getItem('refundAssistant.sessionId')")
    assert session_id

    # Reload: same session id, the conversation and the last answer's button are still there.
    page.reload()
    expect(page.get_by_role("heading", name="Refund Assistant")).to_be_visible()
    expect(messages).to_contain_text("how do I get my deposit back?")
    expect(messages).to_contain_text("Capital management")
    expect(messages).to_contain_text("Step 1 of 5")
    expect(page.get_by_role("button", name="Next step")).to_be_visible()
    assert page.evaluate("localStorage.getItem('refundAssistant.sessionId')") == session_id

    # ... and Rasa still knows where the seller is in the walk-through.
    send(page, "next step")
    expect(messages).to_contain_text("Step 2 of 5", timeout=REPLY_TIMEOUT_MS)
    expect(page.get_by_role("button", name="Go back")).to_be_visible()
    screenshot(page, "widget-desktop.png")


def test_html_in_messages_is_shown_as_text_and_never_runs(bot, watched):
    page = watched.page
    page.goto(bot.web_url)
    open_widget(page)
    before = bot_bubbles(page).count()
    send(page, XSS)
    expect(user_bubbles(page).last).to_have_text(f"You: {XSS}")
    wait_for_new_bot_message(page, before)
    assert page.locator(".rw-messages img").count() == 0
    assert page.locator("img").count() == 0
    page.wait_for_timeout(500)
    assert watched.dialogs == []
    # Stored as text too: after a reload it is still literal text.
    page.reload()
    expect(user_bubbles(page).last).to_have_text(f"You: {XSS}")
    assert page.locator("img").count() == 0
    screenshot(page, "widget-html-as-text.png")


def test_stored_history_is_rendered_as_text_and_bad_entries_are_skipped(bot, watched):
    """localStorage is input too: whatever is in it is shown as text or dropped."""
    page = watched.page
    session_id = "stored-history-test"
    history = [
        {"id": "a1", "from": "user", "text": "<script>alert(3)</script>"},
        {
            "id": "a2",
            "from": "bot",
            "text": "<b>stored</b>",
            "buttons": [
                {"title": "<img src=x onerror=alert(4)>", "payload": "/greet"},
                {"title": 7},
            ],
        },
        {"id": "x'] , body", "from": "bot", "text": "bad id"},
        {"id": "a3", "from": "admin", "text": "bad sender"},
        "not an entry",
    ]
    page.add_init_script(f"""
        localStorage.setItem('refundAssistant.sessionId', {session_id!r});
        localStorage.setItem('refundAssistant.history.{session_id}', {json.dumps(json.dumps(history))});
        localStorage.setItem('refundAssistant.open', '1');
    """)
    page.goto(bot.web_url)
    expect(user_bubbles(page)).to_have_text(["You: <script>alert(3)</script>"])
    expect(bot_bubbles(page).last).to_have_text("Refund Assistant: <b>stored</b>")
    expect(page.get_by_role("button", name="<img src=x onerror=alert(4)>")).to_be_visible()
    expect(page.locator(".rw-quick-reply")).to_have_count(1)
    expect(page.locator(".rw-messages")).not_to_contain_text("bad id")
    expect(page.locator(".rw-messages")).not_to_contain_text("bad sender")
    assert page.locator(".rw-messages img, .rw-messages b, .rw-messages script").count() == 0


def test_phone_screen_360px(bot, browser):
    phone = Watched(browser, width=360, height=640)
    page = phone.page
    try:
        page.goto(bot.web_url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        open_widget(page)
        panel = page.locator("#rw-panel").bounding_box()
        assert panel == {"x": 0, "y": 0, "width": 360, "height": 640}
        expect(
            page.get_by_role("button", name=LAUNCHER)
        ).to_be_hidden()  # the panel's close button replaces it

        before = bot_bubbles(page).count()
        send(page, "how do I get my deposit back?")
        wait_for_new_bot_message(page, before)
        long_word = "https://seller.example.com/" + "x" * 120
        send(page, long_word)
        expect(user_bubbles(page).last).to_contain_text(long_word)
        # The bot's line breaks are kept, and long words wrap instead of widening the panel.
        style = bot_bubbles(page).last.evaluate(
            "el => [getComputedStyle(el).whiteSpace, getComputedStyle(el).overflowWrap]"
        )
        assert style == ["pre-wrap", "anywhere"]

        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "horizontal scroll"
        assert page.evaluate("""() => {
            const list = document.querySelector('.rw-messages');
            return list.scrollWidth <= list.clientWidth;
        }"""), "the message list scrolls sideways"
        for name in (INPUT,):
            box = page.get_by_label(name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360
            assert box["y"] >= 0 and box["y"] + box["height"] <= 640
            assert box["width"] >= 150
        send_box = page.get_by_role("button", name="Send").bounding_box()
        assert (
            send_box["x"] + send_box["width"] <= 360 and send_box["y"] + send_box["height"] <= 640
        )
        expect(page.get_by_label(INPUT)).to_be_in_viewport()
        screenshot(page, "widget-phone-360.png")

        page.get_by_role("button", name="Close the chat").click()
        expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible()
        assert phone.errors == []
    finally:
        phone.close()


def test_keyboard_only(bot, watched):
    page = watched.page
    page.goto(bot.web_url)

    tab_until(page, LAUNCHER)
    assert has_visible_focus_outline(page)
    page.keyboard.press("Enter")
    expect(page.get_by_label(INPUT)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#rw-panel")).to_be_hidden()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label(INPUT)).to_be_focused()

    # From the top of the page, Tab goes through the page, then the widget in a sensible order.
    page.get_by_role("heading", name="Deposit refund help").click()
    order = tab_until(page, INPUT)
    assert order[-6:] == [
        LAUNCHER,
        "English",
        "中文",
        "Close the chat",
        "Conversation with the Refund Assistant",
        INPUT,
    ]
    assert has_visible_focus_outline(page)

    page.keyboard.type("how do I get my deposit back?")
    page.keyboard.press("Enter")
    expect(user_bubbles(page).last).to_have_text("You: how do I get my deposit back?")
    expect(page.get_by_label(INPUT)).to_have_value("")
    expect(page.get_by_label(INPUT)).to_be_focused()
    expect(page.locator(".rw-messages")).to_contain_text(
        "Capital management", timeout=REPLY_TIMEOUT_MS
    )

    page.keyboard.press("Tab")
    assert focused(page) == "Send" and has_visible_focus_outline(page)

    # The answer's buttons are reachable too: Shift+Tab from the input lands on the last one.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    button = focused(page)
    assert page.evaluate("document.activeElement.classList.contains('rw-quick-reply')")
    assert has_visible_focus_outline(page)
    page.keyboard.press("Enter")
    expect(user_bubbles(page).last).to_have_text(f"You: {button}")
    expect(page.get_by_label(INPUT)).to_be_focused()
    screenshot(page, "widget-keyboard.png")


def test_polling_fallback_is_allowed_from_the_page_origin(bot, watched):
    """Websockets ignore CORS but the HTTP long-polling fallback is plain XHR from another
    origin (the page's port), so the Rasa server must allow the page's origin (serve.py --cors)."""
    page = watched.page
    page.goto(bot.web_url)
    result = page.evaluate(
        """(server) => new Promise((resolve) => {
        const socket = io(server, {transports: ['polling'], reconnection: false, timeout: 10000});
        socket.on('connect', () => { resolve('connected'); socket.close(); });
        socket.on('connect_error', (error) => resolve('error: ' + error.message));
    })""",
        bot.url,
    )
    assert result == "connected"


# ---------------------------------------------------------------------------------------------
# While the server is unreachable: a stand-in socket.io server that can be started and stopped
# (the shared bot cannot be), speaking the same events as Rasa's channel (with the room join).
# ---------------------------------------------------------------------------------------------


class StandInServer:
    """A socket.io server on `port`, run in a thread; echoes each message back with some HTML
    in the text and in a button title, to show the widget treats the bot's text as text too."""

    def __init__(self, port: int):
        self.port = port
        self.session_requests: list[object] = []
        self.messages: list[dict] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner = None

    def _run(self, coroutine, timeout: float = 15):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def start(self) -> None:
        self._run(self._start())

    def stop(self) -> None:
        self._run(self._stop())

    def close(self) -> None:
        if self.runner is not None:
            self.stop()
        self._run(self._cancel_background_tasks())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()

    async def _start(self) -> None:
        sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
        app = web.Application()
        sio.attach(app)

        @sio.on("session_request")
        async def session_request(sid, data):
            self.session_requests.append((data or {}).get("session_id"))
            session_id = (data or {}).get("session_id") or "stand-in-session"
            await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("user_uttered")
        async def user_uttered(sid, data):
            self.messages.append(data)
            await sio.emit(
                "bot_uttered",
                {
                    "text": f"Echo: {data['message']}\n<img src=x onerror=alert(2)><b>not bold</b>",
                    "quick_replies": [
                        {"content_type": "text", "title": "<i>Go on</i>", "payload": "/go_on"}
                    ],
                },
                room=data["session_id"],
            )

        self.runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def _stop(self) -> None:
        await self.runner.cleanup()
        self.runner = None

    @staticmethod
    async def _cancel_background_tasks() -> None:
        """python-socketio's ping and service tasks, left over from every start."""
        tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


@pytest.fixture
def stand_in_site() -> Iterator[tuple[str, StandInServer]]:
    """The address of the demo page served by its own web_server.py (as `make run` serves it)
    but pointed at a port nothing listens on yet, and the stand-in server that can be started
    there later.

    (A page made up with page.route or set_content would not do: Chromium treats such a page as
    public and its Local Network Access checks then block every request to 127.0.0.1.)"""
    bot_port, web_port = free_port(), free_port()
    web_server = subprocess.Popen(
        [
            sys.executable,
            str(PROJECT_ROOT / "scripts" / "web_server.py"),
            "--host",
            "127.0.0.1",
            "--port",
            str(web_port),
            "--rasa-url",
            f"http://127.0.0.1:{bot_port}",
        ]
    )
    server = StandInServer(bot_port)
    try:
        deadline = time.monotonic() + 15
        while not port_is_open(web_port):
            assert web_server.poll() is None and time.monotonic() < deadline, "web_server.py failed"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{web_port}/", server
    finally:
        server.close()
        web_server.terminate()
        web_server.wait(10)


@pytest.fixture
def unreachable_page(watched, stand_in_site) -> tuple:
    url, server = stand_in_site
    return watched.page, url, server


def test_server_unreachable_banner_queue_and_reconnect(unreachable_page, watched):
    page, url, server = unreachable_page
    page.goto(url)
    open_widget(page)
    expect(page.get_by_role("status")).to_have_text(UNREACHABLE, timeout=15_000)
    expect(page.get_by_role("status")).to_be_visible()

    # Typed while unreachable: kept, marked as waiting, not lost.
    send(page, "sent while offline")
    expect(page.locator(".rw-msg--user").last).to_contain_text("Not sent yet")
    screenshot(page, "widget-unreachable.png")

    # The server comes up: the banner goes, the session is requested, the message goes out.
    server.start()
    expect(page.get_by_role("status")).to_have_text("", timeout=15_000)
    expect(page.locator(".rw-messages")).to_contain_text("Echo: sent while offline", timeout=15_000)
    expect(page.locator(".rw-queued")).to_have_count(0)
    # First visit: no stored id, so the server chose one; the message went to that session.
    assert server.session_requests == [None]
    # ... the first message of the session tells the bot the widget's language.
    assert server.messages == [
        {
            "message": "sent while offline",
            "session_id": "stand-in-session",
            "metadata": {"language": "en"},
        }
    ]

    # The bot's text is text too: markup in it, and in a button title, is shown literally.
    expect(bot_bubbles(page).last).to_contain_text("<img src=x onerror=alert(2)><b>not bold</b>")
    expect(page.get_by_role("button", name="<i>Go on</i>")).to_be_visible()
    assert page.locator(".rw-messages img, .rw-messages b, .rw-messages i").count() == 0

    # A restart: the banner comes back, then goes, and the same session id is asked for again.
    server.stop()
    expect(page.get_by_role("status")).to_have_text(UNREACHABLE, timeout=15_000)
    server.start()
    expect(page.get_by_role("status")).to_have_text("", timeout=15_000)
    page.get_by_role("button", name="<i>Go on</i>").click()
    expect(page.locator(".rw-messages")).to_contain_text("Echo: /go_on", timeout=15_000)
    assert server.session_requests[-1] == "stand-in-session"
    assert server.messages[-1] == {"message": "/go_on", "session_id": "stand-in-session"}
    page.wait_for_timeout(300)
    assert watched.dialogs == []


# ---------------------------------------------------------------------------------------------
# Language: the widget's own labels follow the page, else the browser, and the seller's switch;
# the bot is told the language with the session's first message and the first after a switch.
# ---------------------------------------------------------------------------------------------

ZH = {
    "launcher": "与退款助手聊天",
    "title": "退款助手",
    "input": "发给退款助手的消息",
    "placeholder": "请输入保证金退款的问题…",
    "send": "发送",
    "unreachable": "暂时连接不上助手，正在重新连接…",
    "queued": "尚未发送，助手恢复后会自动发送。",
    "welcome": "您好！我可以帮您退还速卖通店铺保证金。",
}
ZH_TW = {
    "launcher": "與退款助手聊天",
    "title": "退款助手",
    "input": "傳給退款助手的訊息",
    "send": "傳送",
    "unreachable": "暫時無法連線到助手，正在重新連線…",
}


def set_page_language(page: Page, lang: str | None) -> None:
    """Gives the demo page another <html lang> (none for None) before the widget reads it: the
    widget's deferred script runs after the document turns "interactive"."""
    page.add_init_script(f"""
        document.addEventListener('readystatechange', () => {{
            if (document.readyState !== 'interactive') return;
            const lang = {json.dumps(lang)};
            if (lang === null) document.documentElement.removeAttribute('lang');
            else document.documentElement.lang = lang;
        }});
    """)


def expect_english_labels(page: Page) -> None:
    expect(page.get_by_role("heading", name="Refund Assistant")).to_be_visible()
    expect(page.get_by_label(INPUT)).to_have_attribute(
        "placeholder", "Ask about your deposit refund…"
    )
    expect(page.get_by_role("button", name="Send")).to_be_visible()
    expect(bot_bubbles(page).first).to_contain_text("Hi! I can help you")
    expect(page.locator("#refund-widget")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="中文")).to_have_attribute("aria-pressed", "false")


def expect_chinese_labels(page: Page) -> None:
    expect(page.get_by_role("heading", name=ZH["title"])).to_be_visible()
    expect(page.get_by_label(ZH["input"])).to_have_attribute("placeholder", ZH["placeholder"])
    expect(page.get_by_role("button", name=ZH["send"], exact=True)).to_be_visible()
    expect(bot_bubbles(page).first).to_contain_text(ZH["welcome"])
    expect(page.locator("#refund-widget")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("button", name="中文")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#refund-widget")).not_to_contain_text("Refund Assistant")


def test_labels_follow_the_page_language(stand_in_site, watched):
    """A Chinese page gets a Chinese widget, in an English browser; the connection banner too."""
    url, _ = stand_in_site
    page = watched.page
    set_page_language(page, "zh-CN")
    page.goto(url)
    page.get_by_role("button", name=ZH["launcher"]).click()
    expect_chinese_labels(page)
    expect(page.get_by_role("button", name="关闭聊天")).to_be_visible()
    expect(page.get_by_role("list", name="与退款助手的对话")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(ZH["unreachable"], timeout=15_000)
    send(page, "离线时发的消息", label=ZH["input"])
    expect(page.locator(".rw-msg--user").last).to_contain_text(ZH["queued"])
    expect(user_bubbles(page).last).to_have_text("您：离线时发的消息")
    screenshot(page, "widget-zh.png")


def test_without_a_page_language_labels_follow_the_browser(stand_in_site, browser):
    """A page without <html lang> in a Traditional Chinese browser: Traditional labels."""
    url, _ = stand_in_site
    taiwan = Watched(browser, width=360, height=640, locale="zh-TW")
    page = taiwan.page
    try:
        set_page_language(page, None)
        page.goto(url)
        page.get_by_role("button", name=ZH_TW["launcher"]).click()
        expect(page.get_by_role("heading", name=ZH_TW["title"])).to_be_visible()
        expect(page.get_by_label(ZH_TW["input"])).to_be_focused()
        expect(page.get_by_role("button", name=ZH_TW["send"], exact=True)).to_be_visible()
        expect(page.get_by_role("status")).to_have_text(ZH_TW["unreachable"], timeout=15_000)
        expect(page.locator("#refund-widget")).to_have_attribute("lang", "zh-TW")
        expect(page.get_by_role("button", name="中文")).to_have_attribute("aria-pressed", "true")
        # On a phone the header still fits: title, EN / 中文 and the close button.
        for name in ("English", "中文", "關閉聊天"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, name
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        screenshot(page, "widget-zh-tw-phone.png")
        assert taiwan.errors == []
    finally:
        taiwan.close()


def test_an_english_page_in_a_chinese_browser_stays_english(stand_in_site, browser):
    """The page's language comes first: the demo page says lang="en"."""
    url, _ = stand_in_site
    chinese = Watched(browser, locale="zh-CN")
    try:
        chinese.page.goto(url)
        open_widget(chinese.page)
        expect_english_labels(chinese.page)
        assert chinese.errors == []
    finally:
        chinese.close()


def test_the_switch_relabels_the_widget_and_tells_the_bot_once(stand_in_site, watched):
    """The language goes to the bot with the session's first message, then with the first
    message after each switch, and never with the others (a later "ok" or button keeps the
    language the seller writes in); the choice survives a reload."""
    url, server = stand_in_site
    server.start()
    page = watched.page
    page.goto(url)
    open_widget(page)
    expect_english_labels(page)

    def messages_sent_after(text: str) -> list[dict]:
        before = len(server.messages)
        page.locator(".rw-input").fill(text)
        page.locator(".rw-input").press("Enter")
        expect(bot_bubbles(page).last).to_contain_text(f"Echo: {text}", timeout=15_000)
        return server.messages[before:]

    first, second = messages_sent_after("hello"), messages_sent_after("ok")
    assert first[0]["metadata"] == {"language": "en"}
    assert "metadata" not in second[0]

    page.get_by_role("button", name="中文").click()
    expect_chinese_labels(page)
    # The conversation so far is kept; only the widget's own texts change.
    expect(user_bubbles(page)).to_have_text(["您：hello", "您：ok"])
    expect(page.get_by_role("group", name="建议回复")).to_be_visible()
    # Pressing the current language again is no switch.
    page.get_by_role("button", name="中文").click()
    assert messages_sent_after("好的")[0]["metadata"] == {"language": "zh-CN"}
    assert "metadata" not in messages_sent_after("ok")[0]
    before = len(server.messages)
    page.get_by_role("button", name="<i>Go on</i>").click()
    expect(bot_bubbles(page).last).to_contain_text("Echo: /go_on", timeout=15_000)
    assert "metadata" not in server.messages[before]

    # Switched, then reloaded before writing: still Chinese, and the next message says so.
    page.get_by_role("button", name="English").click()
    expect_english_labels(page)
    page.get_by_role("button", name="中文").click()
    page.reload()
    expect_chinese_labels(page)
    assert messages_sent_after("审核要多久")[0]["metadata"] == {"language": "zh-CN"}
    assert "metadata" not in messages_sent_after("ok")[0]
    assert {m["session_id"] for m in server.messages} == {"stand-in-session"}
    screenshot(page, "widget-switched-zh.png")


def test_a_seller_who_switches_to_chinese_is_answered_in_chinese(bot, watched):
    """The real bot behind the widget: after the switch, the first message carries the page
    language, and a Chinese question gets the domain's Chinese answer."""
    page = watched.page
    page.goto(bot.web_url)
    open_widget(page)
    page.get_by_role("button", name="中文").click()
    expect_chinese_labels(page)
    messages = page.get_by_role("list", name="与退款助手的对话")
    send(page, "保证金审核要多久？", label=ZH["input"])
    expect(messages).to_contain_text("7到15个工作日", timeout=REPLY_TIMEOUT_MS)
    expect(messages).to_contain_text("卖家后台")
