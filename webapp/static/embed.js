/* jobad-validator widget loader for NGO pages:
 *   <script src="https://CHECKER/embed.js" data-lang="fr" data-theme="light" async></script>
 * creates the widget iframe right after the script tag and resizes it when the widget asks,
 * accepting messages only from the widget's own iframe window.
 * The iframe is sandboxed WITHOUT allow-same-origin: scripts and same-origin access together would let
 * the framed page lift its own sandbox. So the widget runs with an opaque origin: its messages arrive
 * with event.origin "null" (or the widget's origin in browsers that keep it), and it posts its forms
 * with a signed token instead of relying on its Origin header (webapp/pages.py, widget_post_allowed). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var widgetOrigin = new URL(script.src, window.location.href).origin;
  var src = new URL("/widget", widgetOrigin);
  // data-lang fixes the widget's language; without it the widget follows the visitor's browser (Accept-Language)
  if (script.getAttribute("data-lang")) {
    src.searchParams.set("lang", script.getAttribute("data-lang"));
  }
  src.searchParams.set("theme", script.getAttribute("data-theme") === "dark" ? "dark" : "light");
  src.searchParams.set("parent", window.location.origin);

  var frame = document.createElement("iframe");
  frame.src = src.toString();
  frame.title = script.getAttribute("data-title") || "Job offer check";
  frame.className = "jobad-validator-widget";
  // allow-popups(-to-escape-sandbox): "full result" opens the result page in a new, ordinary tab
  frame.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox");
  frame.setAttribute("referrerpolicy", "strict-origin");
  frame.style.width = "100%";
  frame.style.minHeight = "120px";
  frame.style.height = "420px";
  frame.style.border = "0";
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    // the window is what identifies the widget: a sandboxed document's origin is opaque ("null")
    if (event.source !== frame.contentWindow || (event.origin !== "null" && event.origin !== widgetOrigin)) {
      return;
    }
    var data = event.data;
    if (!data || data.type !== "jobad-validator:resize") {
      return;
    }
    var height = Number(data.height);
    if (isFinite(height) && height > 0) {
      frame.style.height = Math.min(Math.ceil(height), 5000) + "px";
    }
  });
  // no "hello" to the widget: its opaque origin could only be reached with a wildcard target; it sends its
  // height itself on load and on every resize, and this listener exists before the iframe loads
})();
