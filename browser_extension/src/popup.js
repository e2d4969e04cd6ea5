// The toolbar popup: reads the ad from the current tab (only once the user opened the popup),
// shows exactly what will be sent, and sends it through the background script on click.
// When opened as a page, popup.html?tab=<tabId> names the tab to read.

import { BANDS, ERRORS, MAX_CHARS, MIN_CHARS, getSettings } from "./common.js";
import { extractJobAd } from "./extract.js";

const TOP_SIGNS = 5;
const EVIDENCE_PER_SIGN = 2;
const EVIDENCE_MAX_CHARS = 160;

const SOURCE_LABELS = {
  selection: "Your selected text",
  jsonld: "The job posting data on this page (schema.org)",
  microdata: "The job posting on this page (schema.org)",
  page: "The main text of this page",
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
  $("error-detail").textContent = [status ? `HTTP ${status}` : "", detail].filter(Boolean).join(": ");
  $("retry").hidden = !canRetry;
  show("error");
}

function updateLength() {
  const length = $("ad-text").value.trim().length;
  $("char-count").textContent = `${length.toLocaleString("en")} characters`;
  let note = "";
  if (length > MAX_CHARS) note = `over the limit of ${MAX_CHARS.toLocaleString("en")}: ${ERRORS.too_long.advice}`;
  else if (length < MIN_CHARS) note = `too short: ${ERRORS.too_short.advice}`;
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
      detail: `${found.length.toLocaleString("en")} characters found; the limit is ${MAX_CHARS.toLocaleString("en")}.`,
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
  const quotes = (hit.evidence || []).map(quote).filter(Boolean).slice(0, EVIDENCE_PER_SIGN);
  if (quotes.length) {
    const p = document.createElement("p");
    p.className = "evidence";
    p.append("In the ad: ");
    quotes.forEach((text, i) => {
      if (i) p.append(" · ");
      const q = document.createElement("q");
      q.textContent = text;
      p.append(q);
    });
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

function strength(hit) {
  const value = hit.contribution ?? hit.weight ?? 0;
  return Number.isFinite(value) ? value : 0;
}

function renderResult(server, result) {
  const band = BANDS[result.risk.band];
  $("band").dataset.band = result.risk.band;
  $("band").textContent = band.words;
  $("band-summary").textContent = band.summary;
  const score = Number(result.risk.score);
  $("score").textContent = [
    Number.isFinite(score) ? `Score ${Math.round(score * 100)} out of 100` : "",
    result.risk.calibrated ? "" : "(rule-based, not a calibrated probability)",
  ]
    .filter(Boolean)
    .join(" ");

  const hits = [...result.indicators].sort((a, b) => strength(b) - strength(a));
  $("signs").replaceChildren(...hits.slice(0, TOP_SIGNS).map(renderSign));
  $("signs-heading").textContent = hits.length ? "Top warning signs" : "No warning signs found";
  $("more-signs").textContent =
    hits.length > TOP_SIGNS ? `and ${hits.length - TOP_SIGNS} more on the validator's page` : "";
  $("warnings").replaceChildren(
    ...(result.warnings || []).map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
  $("full-result").href = `${server}/`;
  show("result");
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
  if (answer && answer.ok) renderResult(answer.server, answer.result);
  else {
    const error = (answer && answer.error) || { kind: "server" };
    showError(error.kind, { detail: error.detail, status: error.status, canRetry: true });
  }
}

async function main() {
  const { server } = await getSettings();
  $("server-name").textContent = server;
  $("server-footer").textContent = new URL(server).host;
  $("check").addEventListener("click", check);
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
