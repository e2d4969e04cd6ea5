// Settings and wording shared by the popup, the options page and the background script.
// Only the settings are ever stored (chrome.storage.local); ad text, results and URLs are not.

export const DEFAULT_SERVER = "http://127.0.0.1:8000";
export const ASSESS_PATH = "/api/v1/assess";
export const HEALTH_PATH = "/api/v1/health";
// One job ad is rarely longer than a few thousand characters; longer text is almost always a
// whole page or a list of ads. The server has its own limit and answers 413 above it.
export const MAX_CHARS = 20000;
export const MIN_CHARS = 80;
export const REQUEST_TIMEOUT_MS = 60000;

export const BANDS = {
  low: {
    words: "Few warning signs",
    summary: "The ad shows few of the known warning signs. That is not a guarantee: still check the employer.",
    badge: "low",
    colour: "#2e7d32",
  },
  medium: {
    words: "Some warning signs",
    summary: "The ad shows several warning signs. Check the employer and the offer before you answer.",
    badge: "med",
    colour: "#e08600",
  },
  high: {
    words: "Many warning signs",
    summary: "The ad shows many warning signs of fraudulent or exploitative recruitment. Be very careful.",
    badge: "high",
    colour: "#c62828",
  },
};

// The states a check can end in besides a result, with what the user can do about each.
export const ERRORS = {
  unreachable: {
    title: "The validator server cannot be reached",
    advice: "Check that the server is running and that its address in the options is right.",
  },
  permission: {
    title: "No permission to contact the server",
    advice: "Open the options and save the server address again to grant access to it.",
  },
  no_ad: {
    title: "No job ad found on this page",
    advice: "Select the text of the ad with the mouse and open this window again.",
  },
  too_long: {
    title: "The text is too long for one job ad",
    advice: "Select only the text of the ad with the mouse and open this window again.",
  },
  too_short: {
    title: "The text is too short to check",
    advice: "Select the whole text of the ad, including pay, place and contact details.",
  },
  rejected: {
    title: "The server could not check this text",
    advice: "Try selecting only the text of the ad.",
  },
  server: {
    title: "The server had a problem",
    advice: "Try again later, or tell whoever runs the server.",
  },
  timeout: {
    title: "The server took too long to answer",
    advice: "Try again later.",
  },
  restricted: {
    title: "This page cannot be read by extensions",
    advice: "Browser pages and extension stores are protected. Copy the ad to the validator's web page instead.",
  },
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
