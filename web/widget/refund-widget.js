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
 * Structure: config -> storage (localStorage) -> view (DOM) -> connection (socket.io) -> the
 * controller at the bottom that ties them together.
 *
 * Every text, the bot's and the seller's, is inserted with textContent: HTML in a message is
 * shown as text and never run. Messages typed while the server is unreachable are kept (also
 * across a reload) and sent, in order, as soon as the session is confirmed again.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript ||
    document.querySelector("script[src*='refund-widget.js']");

  var TEXT = {
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
    welcome: "Hi! I can help you get your AliExpress store deposit refunded. Ask me a question, " +
      "for example \"how do I get my deposit back?\"",
  };

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
  // Storage: the session id, the rendered history (per session id) and whether the panel is
  // open. Falls back to memory when localStorage is unavailable (privacy modes, quotas).
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

  function createView(handlers) {
    var root = el("div", "rw-root");
    root.id = "refund-widget";

    var launcher = el("button", "rw-launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-controls", "rw-panel");
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-label", TEXT.launcher);
    launcher.appendChild(icon("rw-icon-chat", "M4 4h16v11H8l-4 4z"));
    launcher.appendChild(icon("rw-icon-close", "M6 6l12 12M18 6L6 18"));

    var panel = el("section", "rw-panel");
    panel.id = "rw-panel";
    panel.setAttribute("aria-labelledby", "rw-title");
    panel.hidden = true;

    var header = el("div", "rw-header");
    var title = el("h2", "rw-title", TEXT.title);
    title.id = "rw-title";
    var close = el("button", "rw-close");
    close.type = "button";
    close.setAttribute("aria-label", TEXT.closeChat);
    close.appendChild(el("span", "", "×")).setAttribute("aria-hidden", "true");
    header.appendChild(title);
    header.appendChild(close);

    // Connection problems: a polite live region, empty (and invisible) while all is well.
    var status = el("p", "rw-status");
    status.setAttribute("role", "status");

    var list = el("ol", "rw-messages");
    list.setAttribute("aria-label", TEXT.conversation);
    list.tabIndex = 0;  // scrollable with the keyboard

    var typing = el("div", "rw-typing");
    typing.hidden = true;
    typing.appendChild(el("span", "rw-sr-only", TEXT.typing));
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
    var label = el("label", "rw-sr-only", TEXT.inputLabel);
    label.htmlFor = "rw-input";
    var input = el("input", "rw-input");
    input.id = "rw-input";
    input.type = "text";
    input.autocomplete = "off";
    input.maxLength = MAX_MESSAGE_LENGTH;
    input.placeholder = TEXT.placeholder;
    input.setAttribute("enterkeyhint", "send");
    var send = el("button", "rw-send", TEXT.send);
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(status);
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
      var text = input.value.trim();
      if (!text) return;
      input.value = "";
      handlers.onSend(text);
    });

    function scrollToEnd() {
      list.scrollTop = list.scrollHeight;
    }

    function messageNode(entry) {
      var item = el("li", "rw-msg rw-msg--" + entry.from);
      item.dataset.entryId = entry.id;
      var bubble = el("p", "rw-bubble");
      bubble.appendChild(el("span", "rw-sr-only", entry.from === "user" ? TEXT.you : TEXT.bot));
      bubble.appendChild(document.createTextNode(entry.text));
      item.appendChild(bubble);
      if (entry.pending) item.appendChild(el("p", "rw-queued", TEXT.queued));
      return item;
    }

    function quickRepliesNode(entry) {
      var group = el("div", "rw-quick-replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.suggestions);
      entry.buttons.forEach(function (button) {
        var node = el("button", "rw-quick-reply", button.title);
        node.type = "button";
        node.addEventListener("click", function () { handlers.onQuickReply(button); });
        group.appendChild(node);
      });
      return group;
    }

    function renderQuickReplies(entries) {
      var old = list.querySelectorAll(".rw-quick-replies");
      for (var j = 0; j < old.length; j += 1) old[j].remove();
      entriesWithLiveButtons(entries).forEach(function (entry) {
        var item = list.querySelector("[data-entry-id='" + entry.id + "']");
        if (item) item.appendChild(quickRepliesNode(entry));
      });
    }

    return {
      renderAll: function (entries) {
        list.textContent = "";
        list.appendChild(messageNode({ id: "welcome", from: "bot", text: TEXT.welcome }));
        entries.forEach(function (entry) { list.appendChild(messageNode(entry)); });
        renderQuickReplies(entries);
        scrollToEnd();
      },
      append: function (entry, entries) {
        list.appendChild(messageNode(entry));
        renderQuickReplies(entries);
        scrollToEnd();
        if (entry.from === "bot") {
          live.appendChild(el("p", "", TEXT.bot + entry.text));
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
      setStatus: function (text) {
        status.textContent = text || "";
        root.classList.toggle("rw-is-offline", !!text);
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
      /** Sends now if the session is confirmed; returns false when the message must wait. */
      send: function (message, sessionId) {
        if (!ready || !socket.connected) return false;
        socket.emit("user_uttered", { message: message, session_id: sessionId });
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
    };
    state.entries = storage.history(state.sessionId);
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
        if (!connection || !connection.send(entry.send || entry.text, state.sessionId)) break;
        delete entry.pending;
        view.markSent(entry);
        sentAny = true;
      }
      if (sentAny) {
        save();
        showTyping(true);
      }
    }

    function say(text, payload) {
      var entry = userEntry(text, payload);
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
    });

    view.renderAll(state.entries);
    view.setOpen(state.open, false);

    if (typeof window.io !== "function") {
      view.setStatus(TEXT.unavailable);
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
        view.setStatus(TEXT.unreachable);
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
        view.setStatus(TEXT.rejected + detail);
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
