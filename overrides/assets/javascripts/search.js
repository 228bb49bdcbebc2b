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
        // A unit's page lists its tasks, so it is long; its length must not push it down.
        return module.options({ baseUrl: new URL(config.base + "/", location.href).pathname,
                                excerptLength: 24, ranking: { pageLength: 0 } }).then(function () { return module })
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
    // A page of one year's plan names its year: the same task may stand in several years.
    li.querySelector("h1").textContent = (data.meta.title || data.url) +
      (data.meta.year ? "（" + data.meta.year + "年）" : "")
    // Pagefind's excerpt is escaped text with <mark> around the words found. A unit's page
    // would show its hidden names and pinyin there: it shows what the unit does instead.
    if (data.meta.summary) li.querySelector("p").textContent = data.meta.summary
    else li.querySelector("p").innerHTML = data.excerpt
    return li
  }

  function count(n) {
    if (n === 0) return t["search.result.none"]
    if (n === 1) return t["search.result.one"]
    return t["search.result.other"].replace("#", n)
  }

  // Pagefind cuts a query into words by other rules than the page's text (长效 becomes 长 and
  // 效, the text holds 长效), and a word it cannot find empties the results. When the query
  // finds fewer than POOL pages, the longest shorter start of it that finds pages is added
  // (its last word is matched as a prefix: 长 finds 长效). Then pages are placed by what they
  // hold of the query as typed, each of its space-separated parts less punctuation: pages with
  // every part in their text first, then by the length of the parts in their title, then the
  // shorter title, then in Pagefind's order. So a unit's name, or part of it, puts the unit's page first.
  var POOL = 20

  function fold(text) {
    return normalise(text).replace(/ /g, "")
  }

  function widen(module, query, found) {
    var seen = new Set(found.map(function (r) { return r.id }))
    var step = function (end) {
      if (end < 1 || found.length >= POOL) return Promise.resolve(found)
      var start = query.slice(0, end).trim()
      return module.search(start).then(function (more) {
        var added = more.results.filter(function (r) { return !seen.has(r.id) })
        if (!more.results.length) return step(end - 1)
        return found.concat(added).slice(0, POOL)
      })
    }
    return step(query.length - 1)
  }

  function place(pages, query) {
    var parts = query.split(" ").map(fold).filter(Boolean)
    return pages.map(function (data, i) {
      var title = fold(data.meta.title || ""), text = fold(data.content)
      var inText = parts.every(function (p) { return text.includes(p) || title.includes(p) })
      var inTitle = parts.reduce(function (n, p) { return n + (title.includes(p) ? p.length : 0) }, 0)
      // Of two titles that hold the query, the shorter is the closer: 市政府相关部门 before
      // 其他有职业资格许可和认定事项的市政府相关部门 for 相关部门.
      var extra = inTitle ? title.length - inTitle : 0
      return { data: data, inText: inText ? 1 : 0, inTitle: inTitle, extra: extra, i: i }
    }).sort(function (a, b) {
      return b.inText - a.inText || b.inTitle - a.inTitle || a.extra - b.extra || a.i - b.i
    })
      .map(function (entry) { return entry.data })
  }

  // A unit's page also holds its names a character at a time (generator/search.py), so a
  // query tried a character at a time finds the unit whose name holds it, however the words
  // of the query and of the name were cut.
  function add(module, query, found) {
    if (found.length >= POOL || query === null) return Promise.resolve(found)
    var seen = new Set(found.map(function (r) { return r.id }))
    return module.search(query).then(function (more) {
      return found.concat(more.results.filter(function (r) { return !seen.has(r.id) }))
        .slice(0, POOL)
    })
  }

  function find(module, query) {
    var spaced = query.replace(/(\p{sc=Han})/gu, " $1 ").replace(/ +/g, " ").trim()
    return module.debouncedSearch(query, {}, 80).then(function (search) {
      if (!search) return null
      return add(module, spaced === query ? null : spaced, search.results.slice(0, POOL))
        .then(function (found) {
          return found.length < POOL ? widen(module, query, found) : found
        })
    }).then(function (found) {
      return found && Promise.all(found.map(function (r) { return r.data() }))
    }).then(function (pages) {
      return pages && place(pages, query)
    })
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
      return find(module, query)
    }).then(function (pages) {
      if (!pages || ticket !== latest) return
      var shown = pages.slice(0, SHOWN)
      list.replaceChildren.apply(list, shown.map(function (data) { return item(data, query) }))
      meta.textContent = count(pages.length)
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
  // The header's magnifier (a label of the toggle, on a phone) opens the box: the cursor goes
  // into it, as Material's own search does, once the box has slid in.
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus() }, 50)
  })
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
