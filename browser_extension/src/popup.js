// The toolbar popup: reads the ad from the current tab (only once the user opened the popup),
// shows exactly what will be sent, and sends it through the background script on click.
// When opened as a page, popup.html?tab=<tabId> names the tab to read.

import {
  BANDS,
  ERRORS,
  MAX_CHARS,
  MIN_CHARS,
  SEVERITIES,
  fillMessage,
  formatNumber,
  getSettings,
  localisePage,
  msg,
  msgCount,
  signOrder,
  uiLanguage,
} from "./common.js";
import { extractJobAd } from "./extract.js";

const TOP_SIGNS = 5;
const EVIDENCE_PER_SIGN = 2;
const EVIDENCE_MAX_CHARS = 160;

const SOURCE_LABELS = {
  selection: msg("source_selection"),
  jsonld: msg("source_jsonld"),
  microdata: msg("source_microdata"),
  page: msg("source_page"),
};

const $ = (id) => document.getElementById(id);
let tabId = null;

function show(state) {
  document.body.dataset.state = state;
  for (const id of ["reading", "preview", "checking", "error", "result"]) $(id).hidden = id !== state;
}

function showError(kind, { detail = "", status = null, canRetry = false } = {}) {
  const info = ERRORS[kind] || ERRORS.server;
  $("error").dataset.kind = kind;
  $("error-title").textContent = info.title;
  $("error-advice").textContent = info.advice;
  if (status && detail) $("error-detail").textContent = msg("http_status_detail", [status, detail]);
  else if (status) $("error-detail").textContent = msg("http_status", [status]);
  else $("error-detail").textContent = detail || "";
  $("retry").hidden = !canRetry;
  show("error");
}

function updateLength() {
  const length = $("ad-text").value.trim().length;
  $("char-count").textContent = msgCount(length, "char_count_one", "char_count_other", [formatNumber(length)]);
  let note = "";
  if (length > MAX_CHARS) note = msg("length_over_limit", [formatNumber(MAX_CHARS), ERRORS.too_long.advice]);
  else if (length < MIN_CHARS) note = msg("length_too_short", [ERRORS.too_short.advice]);
  $("length-note").textContent = note;
  $("check").disabled = Boolean(note);
}

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

async function readPage() {
  let found;
  try {
    const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: extractJobAd });
    found = injection && injection.result;
  } catch (err) {
    showError("restricted", { detail: String((err && err.message) || "") });
    return;
  }
  if (!found || !found.text) {
    showError("no_ad");
    return;
  }
  if (found.length > MAX_CHARS) {
    showError("too_long", {
      detail: msg("too_long_found", [formatNumber(found.length), formatNumber(MAX_CHARS)]),
    });
    return;
  }
  if (found.length < MIN_CHARS) {
    showError(found.source === "selection" ? "too_short" : "no_ad");
    return;
  }
  $("preview").dataset.source = found.source;
  $("source-label").textContent = SOURCE_LABELS[found.source] || SOURCE_LABELS.page;
  $("ad-text").value = found.text;
  updateLength();
  show("preview");
  $("check").focus();
}

function quote(evidence) {
  const text = String(evidence.text || "").replace(/\s+/g, " ").trim();
  return text.length > EVIDENCE_MAX_CHARS ? `${text.slice(0, EVIDENCE_MAX_CHARS - 1)}…` : text;
}

function renderSign(hit) {
  const li = document.createElement("li");
  li.dataset.id = hit.id;
  const title = document.createElement("div");
  title.className = "sign-title";
  title.textContent = hit.title || hit.id;
  li.append(title);
  if (SEVERITIES.includes(hit.severity)) {
    li.dataset.severity = hit.severity;
    const tier = document.createElement("span");
    tier.className = "tier";
    tier.textContent = msg(`tier_${hit.severity}`);
    title.append(" ", tier);
  }
  const quotes = (hit.evidence || []).map(quote).filter(Boolean).slice(0, EVIDENCE_PER_SIGN);
  if (quotes.length) {
    const p = document.createElement("p");
    p.className = "evidence";
    const span = document.createElement("span");
    quotes.forEach((text, i) => {
      if (i) span.append(" · ");
      const q = document.createElement("q");
      q.textContent = text;
      span.append(q);
    });
    fillMessage(p, "evidence_in_the_ad", [span]);
    li.append(p);
  } else if (hit.explanation) {
    const p = document.createElement("p");
    p.className = "evidence";
    p.textContent = hit.explanation;
    li.append(p);
  }
  if (hit.advice) {
    const p = document.createElement("p");
    p.className = "advice";
    p.textContent = hit.advice;
    li.append(p);
  }
  return li;
}

function renderResult(server, result, text) {
  const band = BANDS[result.risk.band];
  $("band").dataset.band = result.risk.band;
  $("band").textContent = band.words;
  $("band-summary").textContent = band.summary;
  // why the band is what it is, in words; never the score as a number (it reads as a certainty)
  const reason = typeof result.risk.reason === "string" ? msg(`reason_${result.risk.reason}`) : "";
  $("score").textContent = reason || (result.risk.calibrated ? "" : msg("rule_based"));

  const hits = [...result.indicators].sort(signOrder);
  $("signs").replaceChildren(...hits.slice(0, TOP_SIGNS).map(renderSign));
  $("signs-heading").textContent = msg(hits.length ? "popup_signs_heading" : "popup_no_signs");
  const more = hits.length - TOP_SIGNS;
  $("more-signs").textContent =
    more > 0 ? msgCount(more, "more_signs_one", "more_signs_other", [formatNumber(more)]) : "";
  $("warnings").replaceChildren(
    ...(result.warnings || []).map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
  // the full result on the web app, in the same language: the ad that was checked goes in the body
  // of a POST opening a new tab, so it is in no address, browser history or server log
  $("full-result-form").action = `${server}/widget/result`;
  $("full-result-text").value = text;
  $("full-result-lang").value = uiLanguage();
  show("result");
}

// The full result page takes the ad in a POST body with a signed form token (Chromium sends such a post
// from an extension page with "Origin: null"): the token is fetched only when the user asks for the page.
async function openFullResult(event) {
  const form = $("full-result-form");
  if ($("full-result-token").value) return; // the form goes as it is
  event.preventDefault();
  let answer;
  try {
    answer = await chrome.runtime.sendMessage({ type: "form-token" });
  } catch (err) {
    answer = { ok: false, error: { kind: "server", detail: String((err && err.message) || err) } };
  }
  if (!answer || !answer.ok) {
    const error = (answer && answer.error) || { kind: "server" };
    showError(error.kind, { detail: error.detail, status: error.status });
    return;
  }
  $("full-result-token").value = answer.token;
  form.submit();
}

async function check() {
  const text = $("ad-text").value.trim();
  show("checking");
  let answer;
  try {
    answer = await chrome.runtime.sendMessage({ type: "assess", text, tabId });
  } catch (err) {
    answer = { ok: false, error: { kind: "server", detail: String((err && err.message) || err) } };
  }
  if (answer && answer.ok) renderResult(answer.server, answer.result, text);
  else {
    const error = (answer && answer.error) || { kind: "server" };
    showError(error.kind, { detail: error.detail, status: error.status, canRetry: true });
  }
}

async function main() {
  localisePage();
  const { server } = await getSettings();
  $("server-name").textContent = server;
  $("server-footer").textContent = new URL(server).host;
  $("check").addEventListener("click", check);
  $("full-result-form").addEventListener("submit", openFullResult);
  $("ad-text").addEventListener("input", updateLength);
  $("retry").addEventListener("click", () => {
    show("preview");
    $("check").focus();
  });
  $("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    chrome.runtime.openOptionsPage();
  });
  tabId = await targetTab();
  if (tabId == null) showError("no_ad");
  else await readPage();
}

main();
