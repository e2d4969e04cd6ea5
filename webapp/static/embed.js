/* jobad-validator widget loader for NGO pages:
 *   <script src="https://CHECKER/embed.js" data-lang="fr" data-theme="light" async></script>
 * creates the widget iframe right after the script tag and resizes it when the widget asks,
 * accepting messages only from the widget's own origin and window. */
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
  frame.setAttribute("sandbox", "allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  frame.setAttribute("referrerpolicy", "strict-origin");
  frame.style.width = "100%";
  frame.style.minHeight = "120px";
  frame.style.height = "420px";
  frame.style.border = "0";
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) {
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
  frame.addEventListener("load", function () {
    frame.contentWindow.postMessage({ type: "jobad-validator:hello" }, widgetOrigin);
  });
})();
