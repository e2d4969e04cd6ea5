/* Inside the widget iframe: tell the embedding page (and only it) how tall the widget is.
 * The iframe is sandboxed without allow-same-origin, so this document's own origin is opaque; the
 * messages still go to the exact parent origin named by the server (data-parent-origin). */
(function () {
  "use strict";
  var parentOrigin = document.documentElement.getAttribute("data-parent-origin");
  if (!parentOrigin || window.parent === window) {
    return;
  }
  var lastHeight = 0;

  function sendHeight(force) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === lastHeight) {
      return;
    }
    lastHeight = height;
    // exact target origin: the message is never delivered to any other page
    window.parent.postMessage({ type: "jobad-validator:resize", height: height }, parentOrigin);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) {
      return;
    }
    if (event.data && event.data.type === "jobad-validator:hello") {
      sendHeight(true);
    }
  });
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(function () { sendHeight(false); }).observe(document.documentElement);
  }
  window.addEventListener("load", function () { sendHeight(true); });
  document.addEventListener("DOMContentLoaded", function () { sendHeight(true); });
})();
