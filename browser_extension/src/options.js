// Options: the validator server's address. Saving another server asks the browser for the host
// permission to contact it (optional_host_permissions), while the click still counts as a user action.

import { DEFAULT_SERVER, getSettings, localisePage, msg, normaliseServer, originPattern } from "./common.js";

const $ = (id) => document.getElementById(id);

/** Gives back the host permissions of servers no longer in use (the manifest's own stay). */
async function dropUnusedServerPermissions(server) {
  const keep = new Set([...(chrome.runtime.getManifest().host_permissions || []), originPattern(server)]);
  const { origins = [] } = await chrome.permissions.getAll();
  const unused = origins.filter((origin) => !keep.has(origin));
  if (unused.length) await chrome.permissions.remove({ origins: unused });
}

function say(text, kind = "") {
  $("message").textContent = text;
  $("message").dataset.kind = kind;
}

async function save(event) {
  event.preventDefault();
  const server = normaliseServer($("server").value);
  if (!server) {
    say(msg("options_invalid_address"), "problem");
    return;
  }
  // Request first, before any other await: browsers accept the request only during the click.
  let granted;
  try {
    granted = await chrome.permissions.request({ origins: [originPattern(server)] });
  } catch (err) {
    say(msg("options_permission_refused", [(err && err.message) || err]), "problem");
    return;
  }
  if (!granted) {
    say(msg("options_not_saved"), "problem");
    return;
  }
  await chrome.storage.local.set({ server });
  await dropUnusedServerPermissions(server);
  $("server").value = server;
  say(msg("options_saved", [server]), "ok");
}

async function test() {
  const server = normaliseServer($("server").value);
  if (!server) {
    say(msg("options_address_first"), "problem");
    return;
  }
  say(msg("options_contacting"));
  const answer = await chrome.runtime.sendMessage({ type: "health", server });
  if (answer && answer.ok) {
    const version = answer.health && answer.health.version;
    say(version ? msg("options_answers_version", [version]) : msg("options_answers"), "ok");
  } else {
    const error = (answer && answer.error) || {};
    const reasons = {
      permission: msg("options_no_permission_yet"),
      unreachable: msg("options_unreachable"),
      timeout: msg("options_timeout"),
    };
    const reason = reasons[error.kind] || msg("options_error");
    say(error.detail ? msg("options_reason_detail", [reason, error.detail]) : reason, "problem");
  }
}

async function reset() {
  await chrome.storage.local.remove("server");
  await dropUnusedServerPermissions(DEFAULT_SERVER);
  $("server").value = DEFAULT_SERVER;
  say(msg("options_back_to_default", [DEFAULT_SERVER]), "ok");
}

async function main() {
  localisePage();
  $("server").value = (await getSettings()).server;
  $("settings").addEventListener("submit", save);
  $("test").addEventListener("click", test);
  $("reset").addEventListener("click", reset);
}

main();
