// The site's search: Material's search box and result list over the Pagefind index of the
// built pages (pagefind/ beside the site, made by generator/search_index.py). Pagefind fetches
// only the index chunks a query needs, so the first search costs the same at any size of plan.
(function () {
  var form = document.querySelector("form[data-pagefind-base]")
  if (!form) return
  var input = form.querySelector(".md-search__input")
  var dialog = form.closest(".md-search")
  var meta = dialog.querySelector(".md-search-result__meta")
  var list = dialog.querySelector(".md-search-result__list")
  var toggle = document.getElementById("__search")
  var config = JSON.parse(document.getElementById("__config").textContent)
  var t = config.translations
  var bundle = new URL(form.dataset.pagefindBase, location.href)
  var SHOWN = 10
  var pagefind = null

  // The query and the index are read alike: NFKC folds full-width letters, digits and brackets
  // to one form, and punctuation copied with the words (：；，、。 brackets quotes) only
  // separates words, so it never empties the results.
  function normalise(text) {
    return text.normalize("NFKC").replace(/[\p{P}\p{S}\s]+/gu, " ").trim().toLowerCase()
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        return module.options({ baseUrl: new URL(config.base + "/", location.href).pathname,
                                excerptLength: 24 }).then(function () { return module })
      })
    }
    return pagefind
  }

  function escape(text) {
    var div = document.createElement("div")
    div.textContent = text
    return div.innerHTML
  }

  function item(data, query) {
    var url = new URL(data.url, location.href)
    url.searchParams.set("h", query)
    var li = document.createElement("li")
    li.className = "md-search-result__item"
    li.innerHTML = '<a class="md-search-result__link" tabindex="-1"><article ' +
      'class="md-search-result__article md-typeset"><div class="md-search-result__icon md-icon">' +
      "</div><h1></h1><p></p></article></a>"
    li.querySelector("a").href = url.href
    li.querySelector("h1").textContent = data.meta.title || data.url
    // Pagefind's excerpt is escaped text with <mark> around the words found.
    li.querySelector("p").innerHTML = data.excerpt
    return li
  }

  function count(n) {
    if (n === 0) return t["search.result.none"]
    if (n === 1) return t["search.result.one"]
    return t["search.result.other"].replace("#", n)
  }

  var latest = 0
  function update() {
    var query = normalise(input.value)
    var ticket = ++latest
    if (!query) {
      list.innerHTML = ""
      meta.textContent = t["search.result.placeholder"]
      return
    }
    load().then(function (module) {
      return module.debouncedSearch(query, {}, 80)
    }).then(function (search) {
      if (!search || ticket !== latest) return null
      return Promise.all(search.results.slice(0, SHOWN).map(function (r) { return r.data() }))
        .then(function (pages) {
          if (ticket !== latest) return
          list.replaceChildren.apply(list, pages.map(function (data) { return item(data, query) }))
          meta.textContent = count(search.results.length)
        })
    })
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true
  }

  function close() {
    if (toggle) toggle.checked = false
    input.blur()
  }

  input.addEventListener("focus", function () { open(); load() })
  input.addEventListener("input", update)
  input.addEventListener("keyup", update)
  form.addEventListener("reset", function () { setTimeout(update) })
  form.addEventListener("submit", function (event) { event.preventDefault() })

  // Keyboard, as Material's: / s f focus the box; arrows walk the results; Enter opens one;
  // Escape closes the search.
  document.addEventListener("keydown", function (event) {
    var target = event.target
    var typing = target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (!(toggle && toggle.checked) || !dialog.contains(target)) {
      if (!typing && /^[sf/]$/.test(event.key)) {
        event.preventDefault()
        open()
        input.focus()
        input.select()
      }
      return
    }
    var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"))
    var stops = [input].concat(links)
    var at = stops.indexOf(document.activeElement)
    if (event.key === "Escape" || event.key === "Tab") {
      close()
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      var next = (Math.max(at, 0) + (event.key === "ArrowDown" ? 1 : -1) + stops.length) % stops.length
      stops[next].focus()
    } else if (event.key === "Enter" && target === input && links.length) {
      event.preventDefault()
      links[0].click()
    }
  })

  // On the page a result opened, mark the words that were searched for (?h=…), as Material does.
  var searched = new URLSearchParams(location.search).get("h")
  var article = document.querySelector("article.md-content__inner")
  if (searched && article) {
    var words = normalise(searched).split(" ").filter(function (w) { return w.length > 1 })
    if (words.length) highlight(article, words)
  }

  function highlight(root, words) {
    var pattern = new RegExp(words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    }).join("|"), "gi")
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("mark, script, style, .headerlink")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
      }
    })
    var nodes = []
    while (walker.nextNode()) nodes.push(walker.currentNode)
    nodes.forEach(function (node) {
      var text = node.nodeValue
      var folded = text.normalize("NFKC").toLowerCase()
      // NFKC keeps the length of the text of these pages (Han, full-width forms), so positions
      // found in the folded text are positions in the text shown; otherwise leave it unmarked.
      if (folded.length !== text.length) return
      var parts = [], last = 0, match
      pattern.lastIndex = 0
      while ((match = pattern.exec(folded))) {
        parts.push(document.createTextNode(text.slice(last, match.index)))
        var mark = document.createElement("mark")
        mark.setAttribute("data-md-highlight", "")
        mark.textContent = text.slice(match.index, match.index + match[0].length)
        parts.push(mark)
        last = match.index + match[0].length
      }
      if (!parts.length) return
      parts.push(document.createTextNode(text.slice(last)))
      node.replaceWith.apply(node, parts)
    })
  }
})()
