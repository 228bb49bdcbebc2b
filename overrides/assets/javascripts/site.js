// The search panel is a dialog; screen readers announce it by the name of its search box.
var searchDialog = document.querySelector(".md-search[role=dialog]")
var searchInput = document.querySelector(".md-search__input")
if (searchDialog && searchInput) {
  searchDialog.setAttribute("aria-label", searchInput.getAttribute("aria-label"))
}

// A nav group whose title is its own index page is labelled by an icon only, which leaves every
// such group a landmark without a name, all alike; name each by its page's title.
function nameNavGroups() {
  document.querySelectorAll("nav[aria-labelledby]").forEach(function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"))
    var container = label && label.closest(".md-nav__container")
    var link = container && container.querySelector("a")
    if (label && !label.textContent.trim() && link) {
      nav.removeAttribute("aria-labelledby")
      nav.setAttribute("aria-label", link.textContent.trim())
    }
  })
}

// A table too wide for a phone scrolls sideways in its own box, which the keyboard must reach.
// The generator's tables come in such a box, named (outputs/tables.py); the theme wraps any
// other table (a page written by hand) in one once the page is ready: make each of those a
// region named after the heading it comes under.
function nameTableBoxes() {
  var seen = {}
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    var heading = null
    for (var node = box; node && node.tagName !== "ARTICLE";
         node = node.previousElementSibling || node.parentElement) {
      if (/^H[1-6]$/.test(node.tagName)) { heading = node; break }
    }
    var name = (heading ? heading.textContent.replace("¶", "").trim() : document.title) + "（表格）"
    seen[name] = (seen[name] || 0) + 1
    box.setAttribute("tabindex", "0")
    box.setAttribute("role", "region")
    box.setAttribute("aria-label", seen[name] > 1 ? name + seen[name] : name)
  })
}

// A box whose table is wider than it says so above itself, where a phone hides the table's
// right side: measured as the page is ready (before the theme's first frame, so that the cue
// moves nothing a reader has seen), and again when the window or the text size changes.
function cueWideTables() {
  document.querySelectorAll(".md-typeset__scrollwrap, .record-table, .plan-matrix").forEach(function (box) {
    var wide = box.scrollWidth > box.clientWidth + 1
    var cue = box.previousElementSibling
    if (cue && cue.classList.contains("table-scroll-cue")) cue.hidden = !wide
    else if (wide) {
      cue = document.createElement("p")
      cue.className = "table-scroll-cue"
      cue.textContent = "表格较宽，可左右滑动查看 →"
      box.parentNode.insertBefore(cue, box)
    }
  })
}

// Material wraps tables in their scroll boxes once the page is ready, and tells so on document$.
function onReady(fix) {
  if (window.document$) window.document$.subscribe(fix)
  else document.addEventListener("DOMContentLoaded", fix)
}
onReady(nameNavGroups)
onReady(nameTableBoxes)
onReady(cueWideTables)
window.addEventListener("resize", cueWideTables)

// The reader's text size (大/中/小) and high contrast, kept across pages in localStorage;
// md-base.js applies them as each page starts.
function readerSettings() {
  var root = document.documentElement
  document.querySelectorAll(".reader-settings").forEach(function (group) {
    var buttons = group.querySelectorAll("[data-text-size]")
    var contrast = group.querySelector("[data-contrast]")
    function show() {
      var size = root.getAttribute("data-text-size") || "medium"
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size))
      })
      contrast.setAttribute("aria-pressed", String(root.getAttribute("data-contrast") === "high"))
    }
    function keep(key, value) {
      try { value ? localStorage.setItem(key, value) : localStorage.removeItem(key) } catch (e) {}
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var size = button.getAttribute("data-text-size")
        if (size === "medium") root.removeAttribute("data-text-size")
        else root.setAttribute("data-text-size", size)
        keep("reader.text-size", size === "medium" ? "" : size)
        show()
        cueWideTables()
      })
    })
    contrast.addEventListener("click", function () {
      var high = root.getAttribute("data-contrast") !== "high"
      if (high) root.setAttribute("data-contrast", "high")
      else root.removeAttribute("data-contrast")
      keep("reader.contrast", high ? "high" : "")
      show()
    })
    show()
  })
}
readerSettings()
