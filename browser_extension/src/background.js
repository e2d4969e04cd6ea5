// Background (Chrome: service worker; Firefox: event page). The only place that talks to the
// validator server. It answers two messages from the extension's own pages:
//   {type: "assess", text, tabId}  -> {ok: true, result} | {ok: false, error: {kind, status, detail}}
//     (POST {"text"}, plus "ui_language": the interface's language when it is not English)
//   {type: "health", server}       -> {ok: true, health} | {ok: false, error: {...}}
//   {type: "form-token"}           -> {ok: true, server, token} | {ok: false, error: {...}}
//     (GET /widget/token, nothing sent: the signed token the full-result form posts with the ad)
// Nothing is stored here: the ad text and the result live only as long as the request.

import {
  ASSESS_PATH,
  BANDS,
  HEALTH_PATH,
  MAX_CHARS,
  REQUEST_TIMEOUT_MS,
  getSettings,
  msg,
  normaliseServer,
  originPattern,
  uiLanguage,
} from "./common.js";

const ERROR_BADGE = { text: "err", colour: "#616161" };
const FORM_TOKEN_PATH = "/widget/token";

class CheckError extends Error {
  constructor(kind, { status = null, detail = "" } = {}) {
    super(kind);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

async function requestJson(server, path, init) {
  const allowed = await chrome.permissions.contains({ origins: [originPattern(server)] });
  if (!allowed) throw new CheckError("permission");
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(server + path, {
      ...init,
      credentials: "omit",
      cache: "no-store",
      signal: controller.signal,
      headers: { Accept: "application/json, application/problem+json", ...(init.headers || {}) },
    });
  } catch (err) {
    throw new CheckError(err && err.name === "AbortError" ? "timeout" : "unreachable");
  } finally {
    clearTimeout(timer);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok && body && typeof body === "object") return body;
  const detail = body && typeof body.detail === "string" ? body.detail : "";
  if (response.status === 413) throw new CheckError("too_long", { status: 413, detail });
  if (response.ok) throw new CheckError("server", { status: response.status, detail: msg("detail_not_json") });
  if (response.status >= 500) throw new CheckError("server", { status: response.status, detail });
  if (response.status === 404) {
    throw new CheckError("unreachable", {
      status: 404,
      detail: msg("detail_not_a_validator"),
    });
  }
  throw new CheckError("rejected", { status: response.status, detail });
}

async function setBadge(tabId, badge) {
  if (typeof tabId !== "number") return;
  try {
    await chrome.action.setBadgeText({ tabId, text: badge ? badge.text : "" });
    if (badge) await chrome.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
  } catch {
    // the tab was closed meanwhile
  }
}

async function assess({ text, tabId }) {
  if (typeof text !== "string" || !text.trim()) throw new CheckError("no_ad");
  if (text.length > MAX_CHARS) throw new CheckError("too_long");
  const { server } = await getSettings();
  // The text, and nothing else but the interface language when it is not English, so that the server
  // words the warning signs in the user's language (the evidence quotes stay in the ad's own words).
  const body = uiLanguage() === "en" ? { text } : { text, ui_language: uiLanguage() };
  try {
    const result = await requestJson(server, ASSESS_PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!result.risk || !(result.risk.band in BANDS) || !Array.isArray(result.indicators)) {
      throw new CheckError("server", { detail: msg("detail_not_an_assessment") });
    }
    const band = BANDS[result.risk.band];
    await setBadge(tabId, { text: band.badge, colour: band.colour });
    return { server, result };
  } catch (err) {
    await setBadge(tabId, ERROR_BADGE);
    throw err;
  }
}

async function health({ server }) {
  const base = normaliseServer(server) || (await getSettings()).server;
  return { server: base, health: await requestJson(base, HEALTH_PATH, { method: "GET" }) };
}

async function formToken() {
  const { server } = await getSettings();
  const body = await requestJson(server, FORM_TOKEN_PATH, { method: "GET" });
  if (typeof body.token !== "string") throw new CheckError("server", { detail: msg("detail_not_json") });
  return { server, token: body.token };
}

const HANDLERS = { assess, health, "form-token": formToken };

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && HANDLERS[message.type];
  // only the extension's own pages may ask (content scripts and web pages cannot)
  if (!handler || sender.id !== chrome.runtime.id || (sender.tab && !sender.url.startsWith(chrome.runtime.getURL("")))) {
    return false;
  }
  handler(message)
    .then((value) => sendResponse({ ok: true, ...value }))
    .catch((err) => {
      const error = err instanceof CheckError ? err : new CheckError("server", { detail: String(err && err.message) });
      sendResponse({ ok: false, error: { kind: error.kind, status: error.status, detail: error.detail } });
    });
  return true; // the answer comes asynchronously
});

// A tab-specific badge belongs to the page it was computed for: clear it when the tab navigates.
chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === "loading") setBadge(tabId, null);
});
