// The admin page's half of the App Bridge stand-in. It runs in the simulator's admin
// page (the parent frame) and serves the app iframe's requests (see app-bridge.js):
// session tokens (fetched from the simulator server, which holds the app secret),
// toasts, the app's nav menu and title bar, URL reflection and redirects.
// Plain ES2020, no build step. Page settings come from <script id="sim-admin-config">.
(function () {
  "use strict";
  var TAG = "shopify-simulator-app-bridge";
  var cfg = JSON.parse(document.getElementById("sim-admin-config").textContent);
  var frame = document.getElementById("sim-app-frame");
  // Parameters the admin adds to the iframe URL; they are not part of the app's path.
  var EMBED_PARAMS = ["embedded", "hmac", "host", "id_token", "locale", "session", "shop", "timestamp"];

  function send(message) {
    frame.contentWindow.postMessage(Object.assign({ tag: TAG }, message), cfg.appOrigin);
  }

  // --- session tokens ------------------------------------------------------------------
  async function serveIdToken(id) {
    try {
      var response = await fetch(cfg.sessionTokenUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: cfg.userId }),
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error("session token request failed: HTTP " + response.status);
      var body = await response.json();
      send({ type: "reply", id: id, token: body.token });
    } catch (error) {
      send({ type: "reply", id: id, error: String((error && error.message) || error) });
    }
  }

  // --- toasts --------------------------------------------------------------------------
  var toasts = document.getElementById("sim-toasts");
  function hideToast(toastId, notify) {
    var el = toasts.querySelector('[data-toast-id="' + CSS.escape(toastId) + '"]');
    if (el) el.remove();
    if (notify) send({ type: "toast:dismiss", toastId: toastId });
  }
  function showToast(message) {
    var el = document.createElement("div");
    el.className = "sim-toast" + (message.isError ? " sim-toast-error" : "");
    el.setAttribute("role", "status");
    el.setAttribute("data-toast-id", message.toastId);
    var text = document.createElement("span");
    text.className = "sim-toast-message";
    text.textContent = message.message;
    el.appendChild(text);
    if (message.action) {
      var action = document.createElement("button");
      action.type = "button";
      action.className = "sim-toast-action";
      action.textContent = message.action;
      action.addEventListener("click", function () {
        send({ type: "toast:action", toastId: message.toastId });
      });
      el.appendChild(action);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "sim-toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      hideToast(message.toastId, true);
    });
    el.appendChild(close);
    toasts.appendChild(el);
    setTimeout(function () {
      hideToast(message.toastId, false);
    }, message.duration || 5000);
  }

  // --- nav menu and title bar ----------------------------------------------------------------
  var navList = document.getElementById("sim-app-nav");
  var currentItems = [];
  function appRelative(path) {
    var base = cfg.appBasePath;
    if (base && base !== "/" && path.indexOf(base) === 0) path = path.slice(base.length) || "/";
    return path;
  }
  function markActive() {
    var here = appRelative(frameLocation.path);
    Array.prototype.forEach.call(navList.querySelectorAll("a[data-sim-nav]"), function (a) {
      var href = a.getAttribute("data-app-href");
      a.classList.toggle("active", here === href || (href !== "/" && here.indexOf(href + "/") === 0));
    });
  }
  function renderNav(items) {
    currentItems = items || [];
    navList.textContent = "";
    currentItems.forEach(function (item) {
      if (item.home) return; // the home link is the app's own entry, as in Shopify's admin
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.textContent = item.label;
      a.setAttribute("data-sim-nav", "");
      a.setAttribute("data-app-href", item.href);
      a.href = cfg.adminAppPath + (item.href.charAt(0) === "/" ? item.href : "/" + item.href);
      a.addEventListener("click", function (event) {
        event.preventDefault();
        send({ type: "navigate", href: item.href });
      });
      li.appendChild(a);
      navList.appendChild(li);
    });
    markActive();
  }
  var appHome = document.getElementById("sim-app-home");
  appHome.addEventListener("click", function (event) {
    var home = currentItems.filter(function (i) {
      return i.home;
    })[0];
    event.preventDefault();
    send({ type: "navigate", href: home ? home.href : "/" });
  });

  var titleEl = document.getElementById("sim-title-bar-title");
  var actionsEl = document.getElementById("sim-title-bar-actions");
  function setTitle(title, buttons) {
    titleEl.textContent = title || "";
    document.title = (title ? title + " · " : "") + cfg.appName + " · " + cfg.shopName;
    actionsEl.textContent = "";
    (buttons || []).forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sim-button" + (b.variant === "primary" ? "" : " secondary");
      button.textContent = b.label;
      button.disabled = Boolean(b.disabled);
      button.setAttribute("data-sim-title-action", String(b.index));
      button.addEventListener("click", function () {
        send({ type: "titleBar:click", index: b.index });
      });
      actionsEl.appendChild(button);
    });
  }

  // --- location ------------------------------------------------------------------------------
  var frameLocation = { path: "/", search: "", hash: "" };
  function reflectLocation(message) {
    frameLocation = { path: message.path || "/", search: message.search || "", hash: message.hash || "" };
    var search = new URLSearchParams(frameLocation.search);
    EMBED_PARAMS.forEach(function (p) {
      search.delete(p);
    });
    var query = search.toString();
    var adminUrl = cfg.adminAppPath + appRelative(frameLocation.path) + (query ? "?" + query : "") + frameLocation.hash;
    if (cfg.userId !== cfg.ownerUserId) {
      var withUser = new URL(adminUrl, window.location.href);
      withUser.searchParams.set("user", String(cfg.userId));
      adminUrl = withUser.pathname + withUser.search + withUser.hash;
    }
    history.replaceState(null, "", adminUrl);
    markActive();
  }
  function reloadApp(path) {
    var target = new URL(cfg.adminAppPath + appRelative(path || "/"), window.location.href);
    if (cfg.userId !== cfg.ownerUserId) target.searchParams.set("user", String(cfg.userId));
    window.location.assign(target.href);
  }
  // The app asked to leave its iframe (window.open(url, "_top"), exit-iframe, reauthorize).
  function redirect(message) {
    if (message.adminPath !== undefined) {
      window.location.assign(cfg.adminStorePath + message.adminPath);
      return;
    }
    var url = new URL(message.url);
    var admin = /^\/store\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (url.hostname === "admin.shopify.com" && admin) {
      window.location.assign("/store/" + admin[1] + (admin[2] || "") + url.search + url.hash);
      return;
    }
    window.location.assign(url.href);
  }

  // The app's contextual save bar replaces the admin's top bar while shown.
  var saveBarEl = document.getElementById("sim-save-bar");
  var saveBarActions = document.getElementById("sim-save-bar-actions");
  function setSaveBar(open, buttons) {
    saveBarEl.hidden = !open;
    saveBarActions.textContent = "";
    (buttons || []).forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sim-button" + (b.variant === "primary" ? " inverse" : " secondary");
      button.textContent = b.label;
      button.disabled = Boolean(b.disabled);
      button.setAttribute("data-sim-save-bar-action", String(b.index));
      button.addEventListener("click", function () {
        send({ type: "saveBar:click", index: b.index });
      });
      saveBarActions.appendChild(button);
    });
  }

  var progress = document.getElementById("sim-loading");
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== cfg.appOrigin) return;
    var data = event.data;
    if (!data || data.tag !== TAG) return;
    switch (data.type) {
      case "hello":
        send({ type: "config", shop: cfg.shop, host: cfg.host, apiKey: cfg.apiKey, locale: cfg.locale });
        break;
      case "idToken":
        serveIdToken(data.id);
        break;
      case "toast:show":
        showToast(data);
        break;
      case "toast:hide":
        hideToast(data.toastId, false);
        break;
      case "navMenu":
        renderNav(data.items);
        break;
      case "titleBar":
        setTitle(data.title, data.buttons);
        break;
      case "location":
        reflectLocation(data);
        break;
      case "saveBar":
        setSaveBar(Boolean(data.open), data.buttons);
        break;
      case "loading":
        progress.classList.toggle("on", Boolean(data.on));
        break;
      case "redirect":
        redirect(data);
        break;
      case "reload":
        reloadApp(data.path);
        break;
    }
  });
})();
