/*!
 * Refund Assistant chat widget.
 *
 * A launcher button and a chat panel that talk to the Rasa server's socket.io channel
 * (credentials.yml: user_uttered / bot_uttered, session_persistence: true). A site owner pastes:
 *
 *   <link rel="stylesheet" href="widget/refund-widget.css">
 *   <script src="vendor/socket.io.min.js"></script>
 *   <script src="widget/refund-widget.js" data-server="https://bot.example.com" defer></script>
 *
 * Structure: labels (every fixed text, per language) -> config -> language -> storage
 * (localStorage) -> view (DOM) -> connection (socket.io) -> the controller at the bottom that
 * ties them together.
 *
 * The widget speaks English or Chinese (Simplified; Traditional for zh-TW/zh-HK browsers): the
 * page's language, else the browser's, and the seller can switch (EN / 中文). The bot is told
 * the language only with the first message of a session and the first after a switch.
 *
 * Every text, the bot's and the seller's, is inserted with textContent: HTML in a message is
 * shown as text and never run. Messages typed while the server is unreachable are kept (also
 * across a reload) and sent, in order, as soon as the session is confirmed again.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript ||
    document.querySelector("script[src*='refund-widget.js']");

  // Every fixed text the widget shows, per language: written here and nowhere else. "zh-TW" is
  // Traditional characters, for browsers and pages in zh-TW, zh-HK, zh-MO or zh-Hant.
  var LABELS = {
    en: {
      title: "Refund Assistant",
      launcher: "Chat with the Refund Assistant",
      closeChat: "Close the chat",
      conversation: "Conversation with the Refund Assistant",
      suggestions: "Suggested replies",
      inputLabel: "Your message to the Refund Assistant",
      placeholder: "Ask about your deposit refund…",
      send: "Send",
      you: "You: ",
      bot: "Refund Assistant: ",
      typing: "Refund Assistant is typing…",
      unreachable: "Can't reach the assistant right now — trying to reconnect…",
      unavailable: "The chat can't start on this page (its connection library is missing).",
      queued: "Not sent yet — it will be sent when the assistant is back.",
      rejected: "That message wasn't accepted: ",
      language: "Language",
      welcome: "Hi! I can help you get your AliExpress store deposit refunded. Ask me a " +
        "question, for example \"how do I get my deposit back?\"",
    },
    "zh-CN": {
      title: "退款助手",
      launcher: "与退款助手聊天",
      closeChat: "关闭聊天",
      conversation: "与退款助手的对话",
      suggestions: "建议回复",
      inputLabel: "发给退款助手的消息",
      placeholder: "请输入保证金退款的问题…",
      send: "发送",
      you: "您：",
      bot: "退款助手：",
      typing: "退款助手正在输入…",
      unreachable: "暂时连接不上助手，正在重新连接…",
      unavailable: "此页面无法启动聊天（缺少连接库）。",
      queued: "尚未发送，助手恢复后会自动发送。",
      rejected: "这条消息未被接受：",
      language: "语言",
      welcome: "您好！我可以帮您退还速卖通店铺保证金。请直接提问，例如“保证金怎么退？”",
    },
    "zh-TW": {
      title: "退款助手",
      launcher: "與退款助手聊天",
      closeChat: "關閉聊天",
      conversation: "與退款助手的對話",
      suggestions: "建議回覆",
      inputLabel: "傳給退款助手的訊息",
      placeholder: "請輸入保證金退款的問題…",
      send: "傳送",
      you: "您：",
      bot: "退款助手：",
      typing: "退款助手正在輸入…",
      unreachable: "暫時無法連線到助手，正在重新連線…",
      unavailable: "此頁面無法啟動聊天（缺少連線程式庫）。",
      queued: "尚未傳送，助手恢復後會自動傳送。",
      rejected: "這則訊息未被接受：",
      language: "語言",
      welcome: "您好！我可以幫您退還速賣通店鋪保證金。請直接提問，例如「保證金怎麼退？」",
    },
  };
  var DEFAULT_LANGUAGE = "en";
  // The EN / 中文 switch: each language named in itself, the same whatever the labels' language.
  var SWITCH = [
    { family: "en", text: "EN", name: "English", lang: "en" },
    { family: "zh", text: "中文", name: "", lang: "zh" },
  ];

  var TYPING_TIMEOUT_MS = 20000;   // hide the typing dots if no reply comes within this time
  var MAX_ENTRIES = 200;           // history kept per session (oldest dropped first)
  var MAX_MESSAGE_LENGTH = 1000;

  // ---------------------------------------------------------------------------------------
  // Configuration: read from the <script> tag's data- attributes.
  // ---------------------------------------------------------------------------------------

  function readConfig(script) {
    var data = (script && script.dataset) || {};
    var server = (data.server || "").trim();
    if (!server || server.indexOf("__") === 0) {
      server = window.location.origin;  // placeholder not filled in: same origin as the page
    }
    return {
      server: server.replace(/\/+$/, ""),
      socketPath: data.socketPath || "/socket.io",
      storagePrefix: data.storagePrefix || "refundAssistant.",
      // "websocket" alone behind a load balancer with several Rasa servers: long-polling needs
      // sticky sessions, websockets do not.
      transports: (data.transports || "websocket,polling").split(",").map(function (t) {
        return t.trim();
      }).filter(Boolean),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Language: the labels follow the page (<html lang>), else the browser (navigator.languages),
  // else English, until the seller picks one with the switch. The bot is told the language with
  // the first message of a session and the first after a switch only (as socket.io metadata
  // {"language": ...}): a later "ok" or button must not override the language the seller writes.
  // ---------------------------------------------------------------------------------------

  /** A language tag ("zh-Hant-TW", "en-GB", "zh") as a LABELS key; null for other languages. */
  function labelsLanguage(tag) {
    var parts = String(tag || "").trim().toLowerCase().replace(/_/g, "-").split("-");
    if (parts[0] === "en") return "en";
    if (parts[0] !== "zh") return null;
    if (parts.indexOf("hans") !== -1) return "zh-CN";
    var traditional = ["hant", "tw", "hk", "mo"].some(function (part) {
      return parts.indexOf(part) !== -1;
    });
    return traditional ? "zh-TW" : "zh-CN";
  }

  /** The page's language, then the browser's, as LABELS keys (unsupported ones left out). */
  function suggestedLanguages() {
    var browser = navigator.languages && navigator.languages.length ? navigator.languages
      : [navigator.language];
    return [document.documentElement.lang].concat(Array.prototype.slice.call(browser))
      .map(labelsLanguage)
      .filter(Boolean);
  }

  function initialLanguage(chosen) {
    if (Object.prototype.hasOwnProperty.call(LABELS, chosen)) return chosen;
    return suggestedLanguages()[0] || DEFAULT_LANGUAGE;
  }

  /** What the switch's button for `family` ("en" or "zh") selects: for Chinese, Traditional
   * when the page or browser suggests it, else Simplified. */
  function languageOfFamily(family) {
    var suggested = suggestedLanguages().filter(function (code) {
      return code.split("-")[0] === family;
    });
    return suggested[0] || (family === "zh" ? "zh-CN" : "en");
  }

  // ---------------------------------------------------------------------------------------
  // Storage: the session id, the rendered history (per session id), whether the panel is open,
  // the language the seller picked and whether the bot still has to be told it. Falls back to
  // memory when localStorage is unavailable (privacy modes, quotas).
  // ---------------------------------------------------------------------------------------

  function createStorage(prefix) {
    var memory = {};

    function read(key) {
      if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
      try {
        return window.localStorage.getItem(prefix + key);
      } catch (error) {
        return null;
      }
    }

    function write(key, value) {
      try {
        if (value === null) window.localStorage.removeItem(prefix + key);
        else window.localStorage.setItem(prefix + key, value);
      } catch (error) {
        if (value === null) delete memory[key];
        else memory[key] = value;
      }
    }

    function historyKey(sessionId) {
      return "history." + (sessionId || "new");
    }

    return {
      sessionId: function () {
        return read("sessionId");
      },
      saveSessionId: function (id) {
        write("sessionId", id);
      },
      history: function (sessionId) {
        try {
          var parsed = JSON.parse(read(historyKey(sessionId)) || "[]");
          return Array.isArray(parsed) ? parsed.filter(isValidEntry).map(cleanEntry) : [];
        } catch (error) {
          return [];
        }
      },
      saveHistory: function (sessionId, entries) {
        write(historyKey(sessionId), JSON.stringify(entries.slice(-MAX_ENTRIES)));
      },
      dropHistory: function (sessionId) {
        write(historyKey(sessionId), null);
      },
      isOpen: function () {
        return read("open") === "1";
      },
      saveOpen: function (open) {
        write("open", open ? "1" : "0");
      },
      language: function () {
        return read("language");
      },
      saveLanguage: function (code) {
        write("language", code);
      },
      /** null when never saved (a first visit, or a history from before the switch existed). */
      announce: function () {
        var value = read("announceLanguage");
        return value === null ? null : value === "1";
      },
      saveAnnounce: function (announce) {
        write("announceLanguage", announce ? "1" : "0");
      },
    };
  }

  function isValidEntry(entry) {
    return !!entry && typeof entry.id === "string" && /^[\w-]{1,40}$/.test(entry.id) &&
      typeof entry.text === "string" &&
      (entry.from === "user" || entry.from === "bot");
  }

  /** Only the known fields, with the right types, survive a round trip through storage. */
  function cleanEntry(entry) {
    var clean = { id: entry.id, from: entry.from, text: entry.text };
    if (entry.from === "user") {
      clean.send = typeof entry.send === "string" ? entry.send : entry.text;
      if (entry.pending === true) clean.pending = true;
      // the language this message tells the bot (the session's first, or the first after a switch)
      if (Object.prototype.hasOwnProperty.call(LABELS, entry.language)) {
        clean.language = entry.language;
      }
    } else {
      clean.buttons = (Array.isArray(entry.buttons) ? entry.buttons : []).filter(function (b) {
        return b && typeof b.title === "string" && typeof b.payload === "string";
      });
    }
    return clean;
  }

  // ---------------------------------------------------------------------------------------
  // Messages: what the bot sends (bot_uttered) turned into history entries.
  // ---------------------------------------------------------------------------------------

  var entryCounter = 0;

  function newEntryId() {
    entryCounter += 1;
    return Date.now().toString(36) + "-" + entryCounter;
  }

  /** Rasa sends {text, quick_replies: [{title, payload}]} (or `buttons`, or an attachment). */
  function botEntry(data) {
    if (typeof data === "string") data = { text: data };
    if (!data || typeof data !== "object") return null;
    var text = typeof data.text === "string" ? data.text : "";
    var rawButtons = Array.isArray(data.quick_replies) ? data.quick_replies
      : Array.isArray(data.buttons) ? data.buttons : [];
    var buttons = rawButtons
      .filter(function (button) { return button && typeof button.title === "string"; })
      .map(function (button) {
        var payload = typeof button.payload === "string" && button.payload ? button.payload
          : button.title;
        return { title: button.title, payload: payload };
      });
    if (!text && !buttons.length) return null;  // images, carousels: not used by this bot
    return { id: newEntryId(), from: "bot", text: text, buttons: buttons };
  }

  function userEntry(text, payload) {
    return { id: newEntryId(), from: "user", text: text, send: payload || text, pending: true };
  }

  /** Quick replies are offered only for the bot's messages since the seller's last message. */
  function entriesWithLiveButtons(entries) {
    var live = [];
    for (var i = entries.length - 1; i >= 0 && entries[i].from === "bot"; i -= 1) {
      if (entries[i].buttons && entries[i].buttons.length) live.unshift(entries[i]);
    }
    return live;
  }

  // ---------------------------------------------------------------------------------------
  // View: builds the launcher and the panel, renders entries. Only textContent is used for
  // anything that comes from the bot, the seller or storage.
  // ---------------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A decorative 24x24 line icon (fixed markup, no outside data). */
  function icon(className, path) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "rw-icon " + className);
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var line = document.createElementNS(ns, "path");
    line.setAttribute("d", path);
    svg.appendChild(line);
    return svg;
  }

  /** The panel in `language` (a LABELS key); setLanguage() puts every label in another. */
  function createView(handlers, language) {
    var text = LABELS[language];
    var status = { key: null, detail: "" };  // what the banner says, redrawn on a switch
    var entries = [];                         // the last entries drawn, redrawn on a switch

    var root = el("div", "rw-root");
    root.id = "refund-widget";

    var launcher = el("button", "rw-launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-controls", "rw-panel");
    launcher.setAttribute("aria-expanded", "false");
    launcher.appendChild(icon("rw-icon-chat", "M4 4h16v11H8l-4 4z"));
    launcher.appendChild(icon("rw-icon-close", "M6 6l12 12M18 6L6 18"));

    var panel = el("section", "rw-panel");
    panel.id = "rw-panel";
    panel.setAttribute("aria-labelledby", "rw-title");
    panel.hidden = true;

    var header = el("div", "rw-header");
    var title = el("h2", "rw-title");
    title.id = "rw-title";
    var actions = el("div", "rw-header-actions");
    // EN / 中文: two toggle buttons, the current language pressed.
    var switcher = el("div", "rw-lang");
    switcher.setAttribute("role", "group");
    var switchButtons = SWITCH.map(function (option) {
      var button = el("button", "rw-lang-option", option.text);
      button.type = "button";
      button.lang = option.lang;
      if (option.name) button.setAttribute("aria-label", option.name);
      button.dataset.family = option.family;
      button.addEventListener("click", function () { handlers.onLanguage(option.family); });
      switcher.appendChild(button);
      return button;
    });
    var close = el("button", "rw-close");
    close.type = "button";
    close.appendChild(el("span", "", "×")).setAttribute("aria-hidden", "true");
    actions.appendChild(switcher);
    actions.appendChild(close);
    header.appendChild(title);
    header.appendChild(actions);

    // Connection problems: a polite live region, empty (and invisible) while all is well.
    var statusLine = el("p", "rw-status");
    statusLine.setAttribute("role", "status");

    var list = el("ol", "rw-messages");
    list.tabIndex = 0;  // scrollable with the keyboard

    var typing = el("div", "rw-typing");
    typing.hidden = true;
    var typingLabel = el("span", "rw-sr-only");
    typing.appendChild(typingLabel);
    for (var i = 0; i < 3; i += 1) {
      typing.appendChild(el("span", "rw-typing-dot")).setAttribute("aria-hidden", "true");
    }

    // New bot messages are read out from here (not the list, so reloads and the seller's own
    // messages are not announced).
    var live = el("div", "rw-sr-only rw-live");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-relevant", "additions");

    var form = el("form", "rw-form");
    form.noValidate = true;
    var label = el("label", "rw-sr-only");
    label.htmlFor = "rw-input";
    var input = el("input", "rw-input");
    input.id = "rw-input";
    input.type = "text";
    input.autocomplete = "off";
    input.maxLength = MAX_MESSAGE_LENGTH;
    input.setAttribute("enterkeyhint", "send");
    var send = el("button", "rw-send");
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(statusLine);
    panel.appendChild(list);
    panel.appendChild(typing);
    panel.appendChild(live);
    panel.appendChild(form);
    root.appendChild(launcher);
    root.appendChild(panel);
    document.body.appendChild(root);

    launcher.addEventListener("click", function () { handlers.onToggle(); });
    close.addEventListener("click", function () { handlers.onToggle(false); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") handlers.onToggle(false);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      if (!typed) return;
      input.value = "";
      handlers.onSend(typed);
    });

    /** Every fixed text of the panel, in the current language. */
    function applyLabels() {
      root.lang = language;
      launcher.setAttribute("aria-label", text.launcher);
      title.textContent = text.title;
      switcher.setAttribute("aria-label", text.language);
      switchButtons.forEach(function (button) {
        var current = language.split("-")[0] === button.dataset.family;
        button.setAttribute("aria-pressed", current ? "true" : "false");
      });
      close.setAttribute("aria-label", text.closeChat);
      list.setAttribute("aria-label", text.conversation);
      typingLabel.textContent = text.typing;
      label.textContent = text.inputLabel;
      input.placeholder = text.placeholder;
      send.textContent = text.send;
      drawStatus();
    }

    function drawStatus() {
      statusLine.textContent = status.key ? text[status.key] + status.detail : "";
      root.classList.toggle("rw-is-offline", !!status.key);
    }

    function scrollToEnd() {
      list.scrollTop = list.scrollHeight;
    }

    function messageNode(entry) {
      var item = el("li", "rw-msg rw-msg--" + entry.from);
      item.dataset.entryId = entry.id;
      var bubble = el("p", "rw-bubble");
      bubble.appendChild(el("span", "rw-sr-only", entry.from === "user" ? text.you : text.bot));
      bubble.appendChild(document.createTextNode(entry.text));
      item.appendChild(bubble);
      if (entry.pending) item.appendChild(el("p", "rw-queued", text.queued));
      return item;
    }

    function quickRepliesNode(entry) {
      var group = el("div", "rw-quick-replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", text.suggestions);
      entry.buttons.forEach(function (button) {
        var node = el("button", "rw-quick-reply", button.title);
        node.type = "button";
        node.addEventListener("click", function () { handlers.onQuickReply(button); });
        group.appendChild(node);
      });
      return group;
    }

    function renderQuickReplies() {
      var old = list.querySelectorAll(".rw-quick-replies");
      for (var j = 0; j < old.length; j += 1) old[j].remove();
      entriesWithLiveButtons(entries).forEach(function (entry) {
        var item = list.querySelector("[data-entry-id='" + entry.id + "']");
        if (item) item.appendChild(quickRepliesNode(entry));
      });
    }

    function renderAll(all) {
      entries = all;
      list.textContent = "";
      list.appendChild(messageNode({ id: "welcome", from: "bot", text: text.welcome }));
      entries.forEach(function (entry) { list.appendChild(messageNode(entry)); });
      renderQuickReplies();
      scrollToEnd();
    }

    applyLabels();

    return {
      renderAll: renderAll,
      append: function (entry, all) {
        entries = all;
        list.appendChild(messageNode(entry));
        renderQuickReplies();
        scrollToEnd();
        if (entry.from === "bot") {
          live.appendChild(el("p", "", text.bot + entry.text));
          while (live.childNodes.length > 3) live.removeChild(live.firstChild);
        }
      },
      markSent: function (entry) {
        var item = list.querySelector("[data-entry-id='" + entry.id + "']");
        var note = item && item.querySelector(".rw-queued");
        if (note) note.remove();
      },
      showTyping: function (visible) {
        typing.hidden = !visible;
        if (visible) scrollToEnd();
      },
      /** The banner: a LABELS key (and text the server sent after it), or null for none. */
      setStatus: function (key, detail) {
        status = { key: key || null, detail: detail || "" };
        drawStatus();
      },
      /** Every label, the welcome and the conversation's fixed texts in another language. */
      setLanguage: function (code) {
        language = code;
        text = LABELS[code];
        live.textContent = "";  // announcements already made, in the other language's words
        applyLabels();
        renderAll(entries);
      },
      setOpen: function (open, moveFocus) {
        panel.hidden = !open;
        root.classList.toggle("rw-is-open", open);
        launcher.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
          scrollToEnd();
          if (moveFocus) input.focus();
        } else if (moveFocus) {
          launcher.focus();
        }
      },
      focusInput: function () {
        input.focus();
      },
    };
  }

  // ---------------------------------------------------------------------------------------
  // Connection: socket.io to Rasa, websocket first (HTTP long-polling as a fallback), with
  // automatic reconnection. On every (re)connect the stored session id is requested again, so
  // Rasa keeps the dialogue and this socket joins the session's room.
  // ---------------------------------------------------------------------------------------

  function createConnection(config, handlers) {
    var socket = window.io(config.server, {
      path: config.socketPath,
      transports: config.transports,
      tryAllTransports: true,       // fall back to polling when websockets are blocked
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 10000,
    });
    var ready = false;

    socket.on("connect", function () {
      handlers.onReachable();
      socket.emit("session_request", { session_id: handlers.sessionId() });
    });
    socket.on("session_confirm", function (data) {
      var id = typeof data === "string" ? data : data && data.session_id;
      if (!id) return;
      ready = true;
      handlers.onSession(String(id));
    });
    socket.on("bot_uttered", function (data) {
      handlers.onBotMessage(data);
    });
    // The server refused a message (empty, too long, not text): it says why.
    socket.on("message_rejected", function (data) {
      handlers.onRejected(data && typeof data.detail === "string" ? data.detail : "");
    });
    socket.on("connect_error", function () {
      ready = false;
      handlers.onUnreachable();
    });
    socket.on("disconnect", function (reason) {
      ready = false;
      handlers.onUnreachable();
      // The server closed this socket on purpose: socket.io will not retry by itself then.
      if (reason === "io server disconnect") socket.connect();
    });

    return {
      /** Sends now if the session is confirmed; returns false when the message must wait.
       * `metadata` (an object, or null for none) goes to Rasa with the message. */
      send: function (message, sessionId, metadata) {
        if (!ready || !socket.connected) return false;
        var data = { message: message, session_id: sessionId };
        if (metadata) data.metadata = metadata;
        socket.emit("user_uttered", data);
        return true;
      },
    };
  }

  // ---------------------------------------------------------------------------------------
  // Controller.
  // ---------------------------------------------------------------------------------------

  function start() {
    var config = readConfig(SCRIPT);
    var storage = createStorage(config.storagePrefix);
    var state = {
      sessionId: storage.sessionId(),
      entries: [],
      open: storage.isOpen(),
      typingTimer: null,
      language: initialLanguage(storage.language()),
      announce: storage.announce(),  // the next message the seller sends tells the bot the language
    };
    state.entries = storage.history(state.sessionId);
    if (state.announce === null) state.announce = !state.sessionId && !state.entries.length;
    var connection = null;

    function save() {
      storage.saveHistory(state.sessionId, state.entries);
    }

    function showTyping(visible) {
      clearTimeout(state.typingTimer);
      view.showTyping(visible);
      if (visible) {
        state.typingTimer = setTimeout(function () { view.showTyping(false); }, TYPING_TIMEOUT_MS);
      }
    }

    /** Sends every waiting message, oldest first, once the session is confirmed. */
    function flushPending() {
      var sentAny = false;
      for (var i = 0; i < state.entries.length; i += 1) {
        var entry = state.entries[i];
        if (!entry.pending) continue;
        var metadata = entry.language ? { language: entry.language } : null;
        if (!connection || !connection.send(entry.send || entry.text, state.sessionId, metadata)) {
          break;
        }
        delete entry.pending;
        view.markSent(entry);
        sentAny = true;
      }
      if (sentAny) {
        save();
        showTyping(true);
      }
    }

    function setAnnounce(announce) {
      state.announce = announce;
      storage.saveAnnounce(announce);
    }

    function say(text, payload) {
      var entry = userEntry(text, payload);
      if (state.announce) {
        entry.language = state.language;
        setAnnounce(false);
      }
      state.entries.push(entry);
      view.append(entry, state.entries);
      save();
      flushPending();
    }

    function setOpen(open, moveFocus) {
      state.open = open;
      storage.saveOpen(open);
      view.setOpen(open, moveFocus);
    }

    var view = createView({
      onLanguage: function (family) {
        var code = languageOfFamily(family);
        if (code === state.language) return;
        state.language = code;
        storage.saveLanguage(code);
        setAnnounce(true);
        view.setLanguage(code);
      },
      onToggle: function (open) {
        setOpen(typeof open === "boolean" ? open : !state.open, true);
      },
      onSend: function (text) {
        say(text);
      },
      onQuickReply: function (button) {
        say(button.title, button.payload);
        view.focusInput();
      },
    }, state.language);

    view.renderAll(state.entries);
    view.setOpen(state.open, false);

    if (typeof window.io !== "function") {
      view.setStatus("unavailable");
      return;
    }

    connection = createConnection(config, {
      sessionId: function () {
        return state.sessionId;
      },
      onReachable: function () {
        view.setStatus(null);
      },
      onUnreachable: function () {
        view.setStatus("unreachable");
        showTyping(false);
      },
      onSession: function (id) {
        if (id !== state.sessionId) {
          // First visit (history kept under "new"), or the server chose another id: the history
          // moves to the confirmed id.
          storage.dropHistory(state.sessionId);
          state.sessionId = id;
          storage.saveSessionId(id);
          save();
        }
        flushPending();
      },
      onRejected: function (detail) {
        showTyping(false);
        view.setStatus("rejected", detail);
      },
      onBotMessage: function (data) {
        view.setStatus(null);
        var entry = botEntry(data);
        if (!entry) return;
        showTyping(false);
        state.entries.push(entry);
        if (state.entries.length > MAX_ENTRIES) state.entries.splice(0, state.entries.length - MAX_ENTRIES);
        view.append(entry, state.entries);
        save();
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
