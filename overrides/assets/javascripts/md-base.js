// The theme's start-up script (Material's and Zensical's partials/javascripts/base.html), as a
// file: a Content-Security-Policy without 'unsafe-inline' allows it. The scope, the site's root,
// comes from the script element's data-scope.
(function () {
  var scope = new URL(document.currentScript.getAttribute("data-scope"), location)
  if (!scope.pathname.endsWith("/")) scope = new URL(scope.pathname + "/", location)
  window.__md_scope = scope
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0) }, 0)
  }
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage
    base = base || __md_scope
    return JSON.parse(storage.getItem(base.pathname + "." + key))
  }
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage
    base = base || __md_scope
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)) } catch (e) {}
  }
  document.documentElement.setAttribute("data-platform", navigator.platform)
  // Scripts run: plan.css shows the reader's settings (site.js wires them up) from the first
  // paint, in their place, instead of pushing the page down once they work.
  document.documentElement.setAttribute("data-scripts", "")
  // The reader's text size and contrast (overrides/partials/reader-settings.html), applied
  // before the page is drawn; the buttons are wired up in site.js.
  try {
    var size = localStorage.getItem("reader.text-size")
    if (size === "large" || size === "small") document.documentElement.setAttribute("data-text-size", size)
    if (localStorage.getItem("reader.contrast") === "high") document.documentElement.setAttribute("data-contrast", "high")
  } catch (e) {}
  // The theme's bundle loads a ResizeObserver polyfill from unpkg.com in a browser without one;
  // nothing may load from another host, so such a browser gets this stand-in, which reports a
  // size change on every resize of the window.
  if (typeof window.ResizeObserver === "undefined") {
    window.ResizeObserver = function (callback) {
      var targets = []
      var report = function () {
        callback(targets.map(function (target) {
          return { target: target, contentRect: target.getBoundingClientRect() }
        }))
      }
      window.addEventListener("resize", report)
      this.observe = function (target) { targets.push(target); setTimeout(report) }
      this.unobserve = function (target) { targets = targets.filter(function (t) { return t !== target }) }
      this.disconnect = function () { targets = []; window.removeEventListener("resize", report) }
    }
  }
})()
