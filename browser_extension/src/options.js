// Options: the validator server's address. Saving another server asks the browser for the host
// permission to contact it (optional_host_permissions), while the click still counts as a user action.

import { DEFAULT_SERVER, getSettings, normaliseServer, originPattern } from "./common.js";

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
    say("Enter an http:// or https:// address, without user name, query or fragment.", "problem");
    return;
  }
  // Request first, before any other await: browsers accept the request only during the click.
  let granted;
  try {
    granted = await chrome.permissions.request({ origins: [originPattern(server)] });
  } catch (err) {
    say(`The browser refused the permission request: ${(err && err.message) || err}`, "problem");
    return;
  }
  if (!granted) {
    say("Not saved: without the permission the extension cannot contact that server.", "problem");
    return;
  }
  await chrome.storage.local.set({ server });
  await dropUnusedServerPermissions(server);
  $("server").value = server;
  say(`Saved. Checks now go to ${server}.`, "ok");
}

async function test() {
  const server = normaliseServer($("server").value);
  if (!server) {
    say("Enter an http:// or https:// address first.", "problem");
    return;
  }
  say("Contacting the server…");
  const answer = await chrome.runtime.sendMessage({ type: "health", server });
  if (answer && answer.ok) {
    const version = answer.health && answer.health.version ? ` (version ${answer.health.version})` : "";
    say(`The server answers${version}.`, "ok");
  } else {
    const error = (answer && answer.error) || {};
    const reasons = {
      permission: "No permission for this server yet: click Save to grant it.",
      unreachable: "The server cannot be reached.",
      timeout: "The server took too long to answer.",
    };
    say([reasons[error.kind] || "The server answered with an error.", error.detail].filter(Boolean).join(" "), "problem");
  }
}

async function reset() {
  await chrome.storage.local.remove("server");
  await dropUnusedServerPermissions(DEFAULT_SERVER);
  $("server").value = DEFAULT_SERVER;
  say(`Back to the default, ${DEFAULT_SERVER}.`, "ok");
}

async function main() {
  $("server").value = (await getSettings()).server;
  $("settings").addEventListener("submit", save);
  $("test").addEventListener("click", test);
  $("reset").addEventListener("click", reset);
}

main();
