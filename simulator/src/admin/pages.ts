// HTML of the simulated Shopify admin: an admin-like shell (top bar, left nav, title
// bar) around the store's pages and the embedded app's iframe. Server-rendered strings;
// the only script is the App Bridge host (assets/admin-host.js) on the app page.
import type { ShopInfo } from "../contracts.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe to embed inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

const STYLES = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14px/1.4 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #303030; background: #f1f1f1; }
a { color: inherit; }
.sim-topbar { height: 56px; background: #1a1a1a; color: #e3e3e3; display: flex; align-items: center; padding: 0 16px; gap: 16px; }
.sim-logo { font-weight: 700; color: #fff; text-decoration: none; display: flex; align-items: center; gap: 8px; }
.sim-logo-mark { width: 24px; height: 24px; border-radius: 6px; background: #95bf47; display: inline-block; }
.sim-search { flex: 1; max-width: 560px; margin: 0 auto; background: #303030; border-radius: 8px; padding: 7px 12px; color: #8a8a8a; }
.sim-store { display: flex; align-items: center; gap: 8px; }
.sim-avatar { width: 28px; height: 28px; border-radius: 8px; background: #36a269; color: #fff; display: inline-flex; align-items: center; justify-content: center; font-weight: 600; }
.sim-body { display: flex; height: calc(100% - 56px); }
.sim-nav { width: 240px; padding: 12px 8px; background: #ebebeb; overflow-y: auto; flex-shrink: 0; }
.sim-nav ul { list-style: none; margin: 0; padding: 0; }
.sim-nav a { display: block; padding: 6px 10px; border-radius: 8px; text-decoration: none; color: #303030; font-weight: 500; }
.sim-nav a:hover { background: #f7f7f7; }
.sim-nav a.active, .sim-nav a.current { background: #fff; font-weight: 650; }
.sim-nav .sim-nav-heading { margin: 16px 10px 4px; font-size: 12px; color: #616161; font-weight: 600; }
.sim-nav .sim-app-subnav a { padding-left: 28px; font-weight: 450; }
.sim-nav .sim-disabled { color: #8a8a8a; cursor: default; }
.sim-main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.sim-titlebar { height: 52px; display: flex; align-items: center; gap: 10px; padding: 0 20px; background: #f1f1f1; border-bottom: 1px solid #e3e3e3; }
.sim-app-icon { width: 24px; height: 24px; border-radius: 6px; background: #2c6ecb; }
.sim-titlebar .sim-app-name { font-weight: 650; }
.sim-titlebar .sim-sep { color: #8a8a8a; }
#sim-loading { height: 3px; background: transparent; }
#sim-loading.on { background: linear-gradient(90deg, #2c6ecb 30%, transparent 30%); background-size: 200% 100%; animation: sim-load 1s linear infinite; }
@keyframes sim-load { from { background-position: 100% 0; } to { background-position: -100% 0; } }
.sim-frame { flex: 1; border: 0; width: 100%; background: #f1f1f1; }
.sim-page { padding: 24px; max-width: 960px; }
.sim-card { background: #fff; border-radius: 12px; padding: 16px 20px; box-shadow: 0 1px 0 rgba(0,0,0,.07), 0 0 0 1px rgba(0,0,0,.05); margin-bottom: 16px; }
.sim-card h2 { margin: 0 0 8px; font-size: 15px; }
.sim-button { display: inline-block; border: 0; border-radius: 8px; padding: 7px 14px; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; background: #303030; color: #fff; }
.sim-button.secondary { background: #fff; color: #303030; box-shadow: inset 0 0 0 1px #c9c9c9; }
.sim-button.critical { background: #c70a24; }
.sim-button.inverse { background: #fff; color: #303030; }
.sim-save-bar { position: fixed; top: 0; left: 0; right: 0; z-index: 5; background: #303030; color: #fff; }
.sim-save-bar[hidden] { display: none; }
.sim-badge { display: inline-block; border-radius: 8px; padding: 2px 8px; font-size: 12px; background: #e3e3e3; }
.sim-badge.ok { background: #cdfee1; color: #0c5132; }
#sim-toasts { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); display: flex; flex-direction: column; gap: 8px; align-items: center; z-index: 10; }
.sim-toast { background: #1a1a1a; color: #fff; border-radius: 10px; padding: 10px 14px; display: flex; gap: 12px; align-items: center; box-shadow: 0 4px 12px rgba(0,0,0,.25); }
.sim-toast-error { background: #c70a24; }
.sim-toast button { background: none; border: 0; color: #fff; font: inherit; cursor: pointer; }
.sim-toast-action { text-decoration: underline; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: #616161; }
`;

export interface ShellOptions {
  title: string;
  shop: ShopInfo;
  appName: string;
  adminAppPath: string;
  /** Which admin nav entry is current: "home" or "app". */
  current: "home" | "app" | "other";
  main: string;
  /** Extra markup after the main area (scripts, config). */
  tail?: string;
}

/** The admin chrome shared by every store page. */
export function adminShell(o: ShellOptions): string {
  const handle = o.shop.domain.replace(/\.myshopify\.com$/, "");
  const storeBase = `/store/${encodeURIComponent(handle)}`;
  const unsimulated = ["Orders", "Products", "Customers", "Marketing", "Discounts", "Content", "Analytics"]
    .map((label) => `<li><a class="sim-disabled" href="${storeBase}/${label.toLowerCase()}">${label}</a></li>`)
    .join("");
  const appEntry = o.shop.installed
    ? `<li><a id="sim-app-home" class="${o.current === "app" ? "current" : ""}" href="${escapeHtml(o.adminAppPath)}">${escapeHtml(o.appName)}</a>
         <ul id="sim-app-nav" class="sim-app-subnav"></ul></li>`
    : `<li><span class="sim-nav-heading" style="margin:4px 10px">No apps installed</span></li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(o.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<div id="sim-save-bar" class="sim-topbar sim-save-bar" hidden><span>Unsaved changes</span><span id="sim-save-bar-actions" style="margin-left:auto;display:flex;gap:8px"></span></div>
<header class="sim-topbar">
  <a class="sim-logo" href="/store"><span class="sim-logo-mark"></span>shopify <small style="font-weight:400;color:#b5b5b5">simulator</small></a>
  <div class="sim-search">Search</div>
  <div class="sim-store"><span class="sim-avatar">${escapeHtml(o.shop.name.slice(0, 2).toUpperCase())}</span><span>${escapeHtml(o.shop.name)}</span></div>
</header>
<div class="sim-body">
  <nav class="sim-nav" aria-label="Admin">
    <ul>
      <li><a class="${o.current === "home" ? "current" : ""}" href="${storeBase}">Home</a></li>
      ${unsimulated}
    </ul>
    <div class="sim-nav-heading">Apps</div>
    <ul>${appEntry}</ul>
  </nav>
  <div class="sim-main">${o.main}</div>
</div>
<div id="sim-toasts" aria-live="polite"></div>
${o.tail ?? ""}
</body>
</html>`;
}

export interface StoreHomeOptions {
  shop: ShopInfo;
  appName: string;
  adminAppPath: string;
  uninstallPath: string;
}

/** /store/{handle}: the shop's home with the app's entry point and an Uninstall button. */
export function storeHomePage(o: StoreHomeOptions): string {
  const s = o.shop;
  const appCard = s.installed
    ? `<p><span class="sim-badge ok">Installed</span> Scopes: <code>${escapeHtml(s.grantedScopes.join(", ") || "(none)")}</code></p>
       <div style="display:flex;gap:8px;align-items:center">
         <a class="sim-button" id="sim-open-app" href="${escapeHtml(o.adminAppPath)}">Open ${escapeHtml(o.appName)}</a>
         <form method="post" action="${escapeHtml(o.uninstallPath)}" style="margin:0">
           <button class="sim-button critical" id="sim-uninstall" type="submit">Uninstall</button>
         </form>
       </div>`
    : `<p><span class="sim-badge">Not installed</span></p>
       <p><a class="sim-button" id="sim-open-app" href="${escapeHtml(o.adminAppPath)}">Open ${escapeHtml(o.appName)}</a>
       <small>(opening the app installs it, as a Shopify-managed installation does)</small></p>`;
  const main = `<div class="sim-titlebar"><span class="sim-app-name">Home</span></div>
<div class="sim-page">
  <div class="sim-card"><h2>${escapeHtml(s.name)}</h2>
    <dl><dt>Domain</dt><dd>${escapeHtml(s.domain)}</dd><dt>Plan</dt><dd>${escapeHtml(s.plan)}</dd>
    <dt>Currency</dt><dd>${escapeHtml(s.currencyCode)}</dd><dt>Time zone</dt><dd>${escapeHtml(s.ianaTimezone)}</dd></dl>
  </div>
  <div class="sim-card"><h2>${escapeHtml(o.appName)}</h2>${appCard}</div>
</div>`;
  return adminShell({
    title: `${s.name} · Shopify`,
    shop: s,
    appName: o.appName,
    adminAppPath: o.adminAppPath,
    current: "home",
    main,
  });
}

export interface AppPageOptions {
  shop: ShopInfo;
  appName: string;
  adminAppPath: string;
  iframeSrc: string;
  /** Settings for assets/admin-host.js. */
  hostConfig: Record<string, unknown>;
  hostScript: string;
}

/** /store/{handle}/apps/{api_key}/…: the embedded app in the admin. */
export function appPage(o: AppPageOptions): string {
  const main = `<div class="sim-titlebar">
    <span class="sim-app-icon"></span><span class="sim-app-name" id="sim-app-title">${escapeHtml(o.appName)}</span>
    <span class="sim-sep">›</span><span id="sim-title-bar-title"></span>
    <span id="sim-title-bar-actions" style="margin-left:auto;display:flex;gap:8px"></span>
  </div>
  <div id="sim-loading"></div>
  <iframe id="sim-app-frame" class="sim-frame" title="${escapeHtml(o.appName)}" name="app-iframe"
    src="${escapeHtml(o.iframeSrc)}" allow="clipboard-write"></iframe>`;
  const tail = `<script type="application/json" id="sim-admin-config">${scriptJson(o.hostConfig)}</script>
<script>${o.hostScript}</script>`;
  return adminShell({
    title: `${o.appName} · ${o.shop.name}`,
    shop: o.shop,
    appName: o.appName,
    adminAppPath: o.adminAppPath,
    current: "app",
    main,
    tail,
  });
}

/** Any admin page the simulator does not simulate (orders, products, …). */
export function notSimulatedPage(shop: ShopInfo, appName: string, adminAppPath: string, path: string): string {
  const main = `<div class="sim-titlebar"><span class="sim-app-name">${escapeHtml(path)}</span></div>
<div class="sim-page"><div class="sim-card"><h2>Not simulated</h2>
<p>This part of the Shopify admin is not simulated. The store's data is available through the Admin GraphQL API and the simulator's control API.</p></div></div>`;
  return adminShell({ title: `${shop.name} · Shopify`, shop, appName, adminAppPath, current: "other", main });
}

/** /store: every simulated shop. */
export function storeIndexPage(shops: ShopInfo[], appName: string): string {
  const rows = shops
    .map((s) => {
      const handle = s.domain.replace(/\.myshopify\.com$/, "");
      return `<li><a href="/store/${encodeURIComponent(handle)}">${escapeHtml(s.name)}</a> <small>${escapeHtml(s.domain)}</small>
        ${s.installed ? `<span class="sim-badge ok">${escapeHtml(appName)} installed</span>` : ""}</li>`;
    })
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stores · Shopify simulator</title><style>${STYLES}</style></head>
<body><div id="sim-save-bar" class="sim-topbar sim-save-bar" hidden><span>Unsaved changes</span><span id="sim-save-bar-actions" style="margin-left:auto;display:flex;gap:8px"></span></div>
<header class="sim-topbar"><a class="sim-logo" href="/store"><span class="sim-logo-mark"></span>shopify <small style="font-weight:400;color:#b5b5b5">simulator</small></a></header>
<div class="sim-page"><div class="sim-card"><h2>Stores</h2><ul>${rows || "<li>No stores</li>"}</ul></div></div></body></html>`;
}

export function notFoundPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Shopify simulator</title><style>${STYLES}</style></head>
<body><div class="sim-page"><div class="sim-card"><h2>Not found</h2><p>${escapeHtml(message)}</p><p><a href="/store">All stores</a></p></div></div></body></html>`;
}
