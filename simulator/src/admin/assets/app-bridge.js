/* eslint-disable @typescript-eslint/no-this-alias -- plain browser script: element callbacks keep a reference to the custom element they belong to. */
// Stand-in for Shopify's App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js),
// served by the Shopify simulator at /shopifycloud/app-bridge.js.
//
// It runs inside the embedded app's iframe and implements the parts of the App Bridge
// v4 API an app uses, by talking to the simulator's admin page (the parent frame)
// with postMessage:
//   shopify.idToken()          fresh session token; the admin page mints it server-side,
//                              so the app secret never reaches the browser
//   fetch                      adds `Authorization: Bearer <session token>` to requests
//                              to the app's own origin (and meta shopify-app-origins),
//                              retries once on X-Shopify-Retry-Invalid-Session-Request,
//                              follows X-Shopify-API-Request-Failure-Reauthorize-Url
//   shopify.toast.show/hide    rendered by the admin page
//   <ui-nav-menu>              its <a> children become links in the admin's left nav
//   <ui-title-bar title>       shown in the admin's title bar, with its <button>s
//   <ui-modal>, shopify.modal  a dialog inside the iframe (title, buttons, content, src)
//   <ui-save-bar>, shopify.saveBar  the admin's contextual save bar
//   shopify.config             apiKey, shop, host, locale
//   shopify.loading(), shopify.environment
//   navigation                 the admin URL follows the app's path; window.open(url,
//                              "_top"/"_parent") and shopify:admin/ URLs go to the admin;
//                              the session-token "bounce page" (?shopify-reload=) works.
// Plain ES2020, no build step: the file is sent to the browser as is.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__simulator) return;

  var MESSAGE_TAG = "shopify-simulator-app-bridge";
  var script = document.currentScript;
  // The admin page and this script are both served by the simulator: its origin is
  // the only origin we talk to (data-simulator-origin overrides it for a copy of the
  // script served from elsewhere).
  var adminOrigin =
    (script && script.getAttribute("data-simulator-origin")) ||
    (script && script.src ? new URL(script.src).origin : "*");
  var params = new URLSearchParams(window.location.search);
  var storageKey = "shopify-simulator-app-bridge:config";

  function readStored() {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey) || "{}");
    } catch {
      return {};
    }
  }
  function metaContent(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") || "" : "";
  }
  function listFrom(text) {
    return text
      .split(",")
      .map(function (s) {
        return s.trim();
      })
      .filter(Boolean);
  }

  var stored = readStored();
  var config = {
    apiKey: (script && script.getAttribute("data-api-key")) || metaContent("shopify-api-key") || stored.apiKey || "",
    shop: params.get("shop") || stored.shop || "",
    host: params.get("host") || stored.host || "",
    locale: params.get("locale") || stored.locale || "en",
    appOrigins: listFrom(metaContent("shopify-app-origins")),
    disabledFeatures: listFrom(metaContent("shopify-disabled-features")),
  };
  function persistConfig() {
    try {
      window.sessionStorage.setItem(
        storageKey,
        JSON.stringify({ apiKey: config.apiKey, shop: config.shop, host: config.host, locale: config.locale }),
      );
    } catch {
      /* storage may be blocked in third-party iframes; the URL still carries the config */
    }
  }
  persistConfig();

  var embedded = window.parent !== window;

  // --- messaging with the admin page -------------------------------------------------
  var nextId = 1;
  var pending = {};
  function post(type, payload) {
    if (!embedded) return;
    var message = Object.assign({ tag: MESSAGE_TAG, type: type }, payload || {});
    window.parent.postMessage(message, adminOrigin);
  }
  function request(type, payload, timeoutMs) {
    return new Promise(function (resolve, reject) {
      if (!embedded) {
        reject(new Error("App Bridge: the app is not embedded in the Shopify admin"));
        return;
      }
      var id = nextId++;
      var timer = setTimeout(function () {
        delete pending[id];
        reject(new Error("App Bridge: no answer from the admin to " + type));
      }, timeoutMs || 10000);
      pending[id] = function (reply) {
        clearTimeout(timer);
        delete pending[id];
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      };
      post(type, Object.assign({ id: id }, payload || {}));
    });
  }

  var toastCallbacks = {};
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    if (adminOrigin !== "*" && event.origin !== adminOrigin) return;
    var data = event.data;
    if (!data || data.tag !== MESSAGE_TAG) return;
    if (data.type === "reply" && pending[data.id]) {
      pending[data.id](data);
    } else if (data.type === "config") {
      ["shop", "host", "apiKey", "locale"].forEach(function (key) {
        if (!config[key] && data[key]) config[key] = data[key];
      });
      persistConfig();
    } else if (data.type === "toast:action" || data.type === "toast:dismiss") {
      var callbacks = toastCallbacks[data.toastId];
      var fn = callbacks && (data.type === "toast:action" ? callbacks.onAction : callbacks.onDismiss);
      if (typeof fn === "function") fn();
      if (data.type === "toast:dismiss") delete toastCallbacks[data.toastId];
    } else if (data.type === "navigate") {
      navigateFromAdmin(data.href);
    } else if (data.type === "saveBar:click") {
      var saveButton = openSaveBar && titleBarButtons(openSaveBar)[data.index];
      if (saveButton && !saveButton.disabled) saveButton.click();
    } else if (data.type === "titleBar:click") {
      // A title-bar button clicked in the admin: click the app's own <button>.
      var button = titleBarButtons(pageTitleBar())[data.index];
      if (button && !button.disabled) button.click();
    }
  });

  // --- ID tokens -----------------------------------------------------------------------
  var cachedToken = null;
  var cachedUntil = 0;
  function tokenExpiry(token) {
    try {
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part)).exp * 1000;
    } catch {
      return 0;
    }
  }
  function idToken() {
    // Reuse a token while it has comfortably more than 10 s to live, like App Bridge.
    if (cachedToken && Date.now() < cachedUntil) return Promise.resolve(cachedToken);
    return request("idToken").then(function (reply) {
      cachedToken = reply.token;
      cachedUntil = tokenExpiry(reply.token) - 10000;
      return reply.token;
    });
  }
  function forgetToken() {
    cachedToken = null;
    cachedUntil = 0;
  }

  // --- navigation ------------------------------------------------------------------------
  function adminPathFor(url) {
    // shopify:admin/products, shopify://admin/products -> /products in the admin
    var match = /^shopify:\/*admin(\/.*)?$/i.exec(url);
    return match ? match[1] || "/" : null;
  }
  function redirectAdmin(url) {
    var adminPath = adminPathFor(String(url));
    post(
      "redirect",
      adminPath !== null ? { adminPath: adminPath } : { url: new URL(String(url), window.location.href).href },
    );
  }

  var originalOpen = window.open;
  window.open = function (url, target, features) {
    var t = target || "_blank";
    if (embedded && url !== undefined && (t === "_top" || t === "_parent" || adminPathFor(String(url)) !== null)) {
      redirectAdmin(url);
      return null;
    }
    return originalOpen.call(window, url, target, features);
  };

  function reportLocation() {
    post("location", { path: window.location.pathname, search: window.location.search, hash: window.location.hash });
  }
  ["pushState", "replaceState"].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      reportLocation();
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);

  function navAnchors() {
    var menu = document.querySelector("ui-nav-menu");
    return menu ? Array.prototype.slice.call(menu.querySelectorAll("a")) : [];
  }
  // A click on an admin nav link: click the matching <a> of <ui-nav-menu> so a client
  // router (Remix, React Router) can handle it; if nothing handles it, ask the admin to
  // load that path in a fresh iframe (with shop, host, id_token… as on first load).
  function navigateFromAdmin(href) {
    var anchor = navAnchors().filter(function (a) {
      return a.getAttribute("href") === href;
    })[0];
    var target = new URL(href, window.location.href);
    if (!anchor) {
      post("reload", { path: target.pathname + target.search + target.hash });
      return;
    }
    function fallback(event) {
      window.removeEventListener("click", fallback);
      if (!event.defaultPrevented) {
        event.preventDefault();
        post("reload", { path: target.pathname + target.search + target.hash });
      }
    }
    window.addEventListener("click", fallback);
    anchor.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
    window.removeEventListener("click", fallback);
  }

  // --- web components ----------------------------------------------------------------------
  function defineOnce(name, ctor) {
    if (!window.customElements.get(name)) window.customElements.define(name, ctor);
  }

  function syncNavMenu() {
    var items = navAnchors().map(function (a) {
      return {
        label: (a.textContent || "").trim(),
        href: a.getAttribute("href") || "/",
        home: a.getAttribute("rel") === "home",
      };
    });
    post("navMenu", { items: items });
  }
  defineOnce(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        this.style.display = "none";
        var self = this;
        if (!this._observer) {
          this._observer = new MutationObserver(syncNavMenu);
          this._observer.observe(self, { childList: true, subtree: true, characterData: true, attributes: true });
        }
        syncNavMenu();
      }
      disconnectedCallback() {
        syncNavMenu();
      }
    },
  );

  function titleBarButtons(bar) {
    return bar ? Array.prototype.slice.call(bar.querySelectorAll("button")) : [];
  }
  // The page's title bar: the first <ui-title-bar> that is not part of a modal.
  function pageTitleBar() {
    var bars = document.querySelectorAll("ui-title-bar");
    for (var i = 0; i < bars.length; i++) if (!bars[i].closest("ui-modal")) return bars[i];
    return null;
  }
  function syncTitleBar() {
    var bar = pageTitleBar();
    var buttons = titleBarButtons(bar).map(function (b, index) {
      return {
        index: index,
        label: (b.textContent || "").trim(),
        variant: b.getAttribute("variant") || "secondary",
        disabled: b.disabled || b.hasAttribute("disabled"),
      };
    });
    post("titleBar", { title: bar ? bar.getAttribute("title") || "" : null, buttons: buttons });
  }
  defineOnce(
    "ui-title-bar",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["title"];
      }
      connectedCallback() {
        this.style.display = "none";
        if (!this._observer) {
          this._observer = new MutationObserver(syncTitleBar);
          this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
        }
        syncTitleBar();
      }
      attributeChangedCallback() {
        if (this.isConnected) syncTitleBar();
        var modal = this.closest("ui-modal");
        if (modal && modal._render) modal._render();
      }
      disconnectedCallback() {
        syncTitleBar();
      }
    },
  );

  // --- modals ------------------------------------------------------------------------------
  // <ui-modal> is drawn inside the app's iframe (Shopify draws it over the whole admin):
  // a dialog with the title and buttons of its <ui-title-bar>, and its content: the
  // `content` element (where @shopify/app-bridge-react portals its children), the
  // element's other children for plain HTML pages, or an iframe for `src`.
  var STYLE_ID = "shopify-simulator-app-bridge-style";
  function ensureStyles() {
    if (document.getElementById(STYLE_ID)) return;
    var style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent =
      ".sim-ab-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:flex-start;justify-content:center;z-index:2147483000;padding-top:8vh}" +
      ".sim-ab-dialog{background:#fff;border-radius:12px;width:min(620px,92vw);max-height:80vh;display:flex;flex-direction:column;box-shadow:0 8px 24px rgba(0,0,0,.3);font:14px/1.4 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;color:#303030}" +
      ".sim-ab-dialog.small{width:min(380px,92vw)}.sim-ab-dialog.large{width:min(980px,92vw)}.sim-ab-dialog.max{width:96vw;max-height:92vh}" +
      ".sim-ab-header{display:flex;align-items:center;padding:12px 16px;background:#f3f3f3;border-radius:12px 12px 0 0;font-weight:650}" +
      ".sim-ab-header button{margin-left:auto;border:0;background:none;font-size:18px;cursor:pointer}" +
      ".sim-ab-body{padding:16px;overflow:auto;flex:1}.sim-ab-body iframe{border:0;width:100%;min-height:50vh}" +
      ".sim-ab-footer{display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #e3e3e3}" +
      ".sim-ab-footer:empty{display:none}.sim-ab-footer button{border:0;border-radius:8px;padding:6px 12px;font:inherit;font-weight:600;cursor:pointer;background:#fff;box-shadow:inset 0 0 0 1px #c9c9c9}" +
      ".sim-ab-footer button.primary{background:#303030;color:#fff;box-shadow:none}.sim-ab-footer button.critical{background:#c70a24;color:#fff;box-shadow:none}";
    (document.head || document.documentElement).appendChild(style);
  }
  function isReactManaged(el) {
    return Object.keys(el).some(function (k) {
      return k.indexOf("__react") === 0;
    });
  }
  defineOnce(
    "ui-modal",
    class extends HTMLElement {
      constructor() {
        super();
        // Where React portals the modal's content (app-bridge-react reads `modal.content`).
        this.content = document.createElement("div");
        this._open = false;
        this._moved = [];
      }
      connectedCallback() {
        this.style.display = "none";
      }
      disconnectedCallback() {
        if (this._open) this.hide();
      }
      get open() {
        return this._open;
      }
      show() {
        if (!this._open) {
          this._open = true;
          ensureStyles();
          var self = this;
          var backdrop = document.createElement("div");
          backdrop.className = "sim-ab-backdrop";
          backdrop.innerHTML =
            '<div class="sim-ab-dialog" role="dialog" aria-modal="true"><div class="sim-ab-header"><span class="sim-ab-title"></span>' +
            '<button type="button" aria-label="Close">\u00d7</button></div><div class="sim-ab-body"></div><div class="sim-ab-footer"></div></div>';
          backdrop.querySelector(".sim-ab-header button").addEventListener("click", function () {
            self.hide();
          });
          var body = backdrop.querySelector(".sim-ab-body");
          var src = this.getAttribute("src");
          if (src) {
            var frame = document.createElement("iframe");
            frame.src = new URL(src, window.location.href).href;
            body.appendChild(frame);
          } else {
            body.appendChild(this.content);
            if (!isReactManaged(this)) {
              // A plain HTML modal: show its own children while open, put them back after.
              this._moved = Array.prototype.slice.call(this.childNodes).filter(function (n) {
                return !(n.nodeType === 1 && (n.localName === "ui-title-bar" || n.localName === "ui-save-bar"));
              });
              this._moved.forEach(function (n) {
                body.appendChild(n);
              });
            }
          }
          this._backdrop = backdrop;
          document.body.appendChild(backdrop);
          this._render();
          this.dispatchEvent(new CustomEvent("show"));
        }
        return Promise.resolve();
      }
      hide() {
        if (this._open) {
          this._open = false;
          var self = this;
          this._moved.forEach(function (n) {
            self.appendChild(n);
          });
          this._moved = [];
          if (this._backdrop) this._backdrop.remove();
          this._backdrop = null;
          this.dispatchEvent(new CustomEvent("hide"));
        }
        return Promise.resolve();
      }
      toggle() {
        return this._open ? this.hide() : this.show();
      }
      // Title, size and footer buttons from the modal's <ui-title-bar>.
      _render() {
        if (!this._backdrop) return;
        var bar = this.querySelector("ui-title-bar");
        var dialog = this._backdrop.querySelector(".sim-ab-dialog");
        dialog.className = "sim-ab-dialog " + (this.getAttribute("variant") || "base");
        this._backdrop.querySelector(".sim-ab-title").textContent = bar ? bar.getAttribute("title") || "" : "";
        var footer = this._backdrop.querySelector(".sim-ab-footer");
        footer.textContent = "";
        titleBarButtons(bar).forEach(function (original) {
          var proxy = document.createElement("button");
          proxy.type = "button";
          proxy.textContent = (original.textContent || "").trim();
          var variant = original.getAttribute("variant");
          var tone = original.getAttribute("tone");
          proxy.className = tone === "critical" ? "critical" : variant === "primary" ? "primary" : "";
          proxy.disabled = original.disabled;
          proxy.addEventListener("click", function () {
            original.click();
          });
          footer.appendChild(proxy);
        });
      }
    },
  );
  function byId(id, localName) {
    var el = document.getElementById(id);
    if (!el || el.localName !== localName) throw new Error("App Bridge: no <" + localName + '> with id "' + id + '"');
    return el;
  }
  var modal = {
    show: function (id) {
      return byId(id, "ui-modal").show();
    },
    hide: function (id) {
      return byId(id, "ui-modal").hide();
    },
    toggle: function (id) {
      return byId(id, "ui-modal").toggle();
    },
  };

  // --- save bar ------------------------------------------------------------------------------
  // <ui-save-bar> shows in the admin's top bar, as on Shopify; its <button>s become the
  // bar's Save/Discard buttons (a click clicks the app's own button).
  var openSaveBar = null;
  function syncSaveBar() {
    var buttons = openSaveBar
      ? titleBarButtons(openSaveBar).map(function (b, index) {
          return {
            index: index,
            label: (b.textContent || "").trim() || (b.getAttribute("variant") === "primary" ? "Save" : "Discard"),
            variant: b.getAttribute("variant") || "secondary",
            disabled: b.disabled || b.hasAttribute("disabled") || b.hasAttribute("loading"),
          };
        })
      : [];
    post("saveBar", { open: Boolean(openSaveBar), buttons: buttons });
  }
  defineOnce(
    "ui-save-bar",
    class extends HTMLElement {
      connectedCallback() {
        this.style.display = "none";
        if (!this._observer) {
          var self = this;
          this._observer = new MutationObserver(function () {
            if (openSaveBar === self) syncSaveBar();
          });
          this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
        }
      }
      disconnectedCallback() {
        if (openSaveBar === this) this.hide();
      }
      get showing() {
        return openSaveBar === this;
      }
      show() {
        if (openSaveBar !== this) {
          openSaveBar = this;
          syncSaveBar();
          this.dispatchEvent(new CustomEvent("show"));
        }
        return Promise.resolve();
      }
      hide() {
        if (openSaveBar === this) {
          openSaveBar = null;
          syncSaveBar();
          this.dispatchEvent(new CustomEvent("hide"));
        }
        return Promise.resolve();
      }
      toggle() {
        return openSaveBar === this ? this.hide() : this.show();
      }
    },
  );
  var saveBar = {
    show: function (id) {
      return byId(id, "ui-save-bar").show();
    },
    hide: function (id) {
      return byId(id, "ui-save-bar").hide();
    },
    toggle: function (id) {
      return byId(id, "ui-save-bar").toggle();
    },
    leaveConfirmation: function () {
      return Promise.resolve();
    },
  };

  // --- toasts ------------------------------------------------------------------------------
  var nextToast = 1;
  var toast = {
    show: function (message, opts) {
      var options = opts || {};
      var toastId = "toast-" + nextToast++;
      toastCallbacks[toastId] = { onAction: options.onAction, onDismiss: options.onDismiss };
      post("toast:show", {
        toastId: toastId,
        message: String(message),
        duration: typeof options.duration === "number" ? options.duration : 5000,
        isError: Boolean(options.isError),
        action: options.action || null,
      });
      return toastId;
    },
    hide: function (toastId) {
      post("toast:hide", { toastId: toastId });
      delete toastCallbacks[toastId];
    },
  };

  // --- fetch -------------------------------------------------------------------------------
  var originalFetch = window.fetch.bind(window);
  function authenticates(url) {
    if (config.disabledFeatures.indexOf("fetch") !== -1) return false;
    return url.origin === window.location.origin || config.appOrigins.indexOf(url.origin) !== -1;
  }
  async function withToken(req) {
    var headers = new Headers(req.headers);
    headers.set("Authorization", "Bearer " + (await idToken()));
    return new Request(req, { headers: headers });
  }
  window.fetch = async function (input, init) {
    var req = new Request(input, init);
    if (!embedded || !authenticates(new URL(req.url)) || req.headers.has("Authorization")) {
      return originalFetch(req);
    }
    var retry = req.clone();
    var response = await originalFetch(await withToken(req));
    if (response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
      forgetToken();
      response = await originalFetch(await withToken(retry));
    }
    var reauthorize = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
    if (reauthorize) redirectAdmin(new URL(reauthorize, window.location.href).href);
    return response;
  };

  // --- the global ---------------------------------------------------------------------------
  var shopify = {
    __simulator: true,
    config: config,
    environment: { embedded: embedded, mobile: false, pos: false },
    idToken: idToken,
    toast: toast,
    modal: modal,
    saveBar: saveBar,
    loading: function (isLoading) {
      post("loading", { on: isLoading !== false });
    },
  };
  Object.defineProperty(window, "shopify", { value: shopify, configurable: true, writable: true });

  // Session-token bounce page (e.g. @shopify/shopify-app-remix's /auth/session-token):
  // get a fresh token and go back to the page that asked for it.
  var reload = params.get("shopify-reload");
  if (reload) {
    var back = new URL(reload, window.location.href);
    if (back.origin === window.location.origin) {
      idToken().then(function (token) {
        back.searchParams.set("id_token", token);
        window.location.replace(back.href);
      });
    }
  }

  // Loaded outside the admin (top level) with a shop in the URL: like App Bridge, send
  // the browser to the app inside the admin, keeping the app path.
  if (!embedded && !reload && params.get("shop") && config.apiKey && adminOrigin !== "*") {
    var handle = config.shop.replace(/\.myshopify\.com$/i, "");
    var keep = new URLSearchParams(window.location.search);
    ["embedded", "hmac", "host", "id_token", "locale", "session", "shop", "timestamp"].forEach(function (p) {
      keep.delete(p);
    });
    var rest = keep.toString();
    window.location.replace(
      adminOrigin +
        "/store/" +
        encodeURIComponent(handle) +
        "/apps/" +
        encodeURIComponent(config.apiKey) +
        window.location.pathname +
        (rest ? "?" + rest : "") +
        window.location.hash,
    );
    return;
  }

  post("hello", { apiKey: config.apiKey });
  reportLocation();
})();
