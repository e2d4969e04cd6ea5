// Settings, wording and the interface language, shared by the popup, the options page and the background script.
// Only the settings are ever stored (chrome.storage.local); ad text, results and URLs are not.

export const DEFAULT_SERVER = "http://127.0.0.1:8000";
export const ASSESS_PATH = "/api/v1/assess";
export const HEALTH_PATH = "/api/v1/health";
// One job ad is rarely longer than a few thousand characters; longer text is almost always a
// whole page or a list of ads. The server has its own limit and answers 413 above it.
export const MAX_CHARS = 20000;
export const MIN_CHARS = 80;
export const REQUEST_TIMEOUT_MS = 60000;

// All the wording is in _locales/<language>/messages.json (one folder per language); `msg` reads it.

/** The message `key` of the browser's language, its $1, $2... replaced by `substitutions`. */
export function msg(key, substitutions = []) {
  return chrome.i18n.getMessage(key, [].concat(substitutions).map(String));
}

/**
 * The language of the interface: the code of the translation (_locales/<code>/) the browser chose for
 * the extension, which is the browser's language when the extension has it and English otherwise. The
 * messages' own `ui_language` says it, rather than chrome.i18n.getUILanguage(): Chromium on Linux reports
 * its own resources' language, which stays "en-US" when that build lacks the language (Debian without
 * chromium-l10n) even though `--lang=xx` gives the extension its messages in xx; so the extension's own
 * text and the server's wording it asks for are always in one language.
 */
export function uiLanguage() {
  return /^[a-z]{2}$/.test(msg("ui_language")) ? msg("ui_language") : "en";
}

/** A number in the interface language's way ("20,000" / "20 000"). */
export function formatNumber(value) {
  return Number(value).toLocaleString(uiLanguage());
}

/** The message `one` or `other` for `count` by the interface language's plural rules (French: 0 and 1 are singular). */
export function msgCount(count, one, other, substitutions = []) {
  return msg(new Intl.PluralRules(uiLanguage()).select(count) === "one" ? one : other, substitutions);
}

// Private-use characters, which no message contains, mark where nodes go in a message.
const SLOT = 0xe000;

/**
 * Fills `element` with the message `key`, its $1, $2... being `parts` (DOM nodes or strings): so a
 * message keeps its own word order around links, code or bold text, without joining fragments.
 */
export function fillMessage(element, key, parts = []) {
  const marked = msg(key, parts.map((_, i) => String.fromCharCode(SLOT + i)));
  const pieces = marked.split(/([\uE000-\uE008])/u).filter(Boolean);
  element.replaceChildren(
    ...pieces.map((piece) => {
      const index = piece.charCodeAt(0) - SLOT;
      return piece.length === 1 && index >= 0 && index < parts.length ? parts[index] : piece;
    }),
  );
}

/**
 * Puts the interface language's text into the page: <html lang>, and each element with a data-i18n
 * attribute gets that message, its child elements (e.g. <strong id="server-name">) kept as $1, $2...
 */
export function localisePage(root = document) {
  root.documentElement.lang = uiLanguage();
  for (const element of root.querySelectorAll("[data-i18n]")) {
    fillMessage(element, element.dataset.i18n, [...element.children]);
  }
}

export const BANDS = {
  low: {
    words: msg("band_low"),
    summary: msg("band_low_summary"),
    badge: "low",
    colour: "#2e7d32",
  },
  medium: {
    words: msg("band_medium"),
    summary: msg("band_medium_summary"),
    badge: "med",
    colour: "#e08600",
  },
  high: {
    words: msg("band_high"),
    summary: msg("band_high_summary"),
    badge: "high",
    colour: "#c62828",
  },
  // too little to judge (too short, or a language the server cannot read): no level at all
  insufficient: {
    words: msg("band_insufficient"),
    summary: msg("band_insufficient_summary"),
    badge: "?",
    colour: "#616161",
  },
};

// The one order of the signs on every surface (validator/bands.py sort_key): severity tier, then the
// number of quoted passages, then the contribution to the score.
export const SEVERITIES = ["severe", "strong", "moderate", "absence"];

function tierRank(hit) {
  const rank = SEVERITIES.indexOf(hit.severity);
  return rank < 0 ? SEVERITIES.length : rank;
}

function weight(hit) {
  const value = hit.contribution ?? hit.weight ?? 0;
  return Number.isFinite(value) ? value : 0;
}

export function signOrder(a, b) {
  return (
    tierRank(a) - tierRank(b) ||
    (b.evidence || []).length - (a.evidence || []).length ||
    weight(b) - weight(a) ||
    String(a.id).localeCompare(String(b.id))
  );
}

// The states a check can end in besides a result, with what the user can do about each.
export const ERRORS = {
  unreachable: { title: msg("error_unreachable_title"), advice: msg("error_unreachable_advice") },
  permission: { title: msg("error_permission_title"), advice: msg("error_permission_advice") },
  no_ad: { title: msg("error_no_ad_title"), advice: msg("error_no_ad_advice") },
  too_long: { title: msg("error_too_long_title"), advice: msg("error_too_long_advice") },
  too_short: { title: msg("error_too_short_title"), advice: msg("error_too_short_advice") },
  rejected: { title: msg("error_rejected_title"), advice: msg("error_rejected_advice") },
  server: { title: msg("error_server_title"), advice: msg("error_server_advice") },
  timeout: { title: msg("error_timeout_title"), advice: msg("error_timeout_advice") },
  restricted: { title: msg("error_restricted_title"), advice: msg("error_restricted_advice") },
};

/** The settings, with defaults for what was never saved. */
export async function getSettings() {
  const stored = await chrome.storage.local.get({ server: DEFAULT_SERVER });
  return { server: normaliseServer(stored.server) || DEFAULT_SERVER };
}

/** "https://ngo.example/validator/" -> "https://ngo.example/validator"; null when not an http(s) URL. */
export function normaliseServer(value) {
  let url;
  try {
    url = new URL(String(value || "").trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/** The host permission pattern for a server (match patterns carry no port). */
export function originPattern(server) {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}
