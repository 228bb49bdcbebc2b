// The site's search: Material's search box and result list over the Pagefind index of the
// built pages (pagefind/ beside the site, made by generator/finish/search_index.py). Pagefind fetches
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

  // How a query is read (search-reading.js, an ES module beside this script), loaded with the
  // index when the search is first used, not with every page.
  var readingURL = new URL("search-reading.js", document.currentScript.src).href
  var reading = null

  function load() {
    if (!pagefind) {
      var lexicon = fetch(new URL("lexicon.json", bundle)).then(function (response) {
        return response.ok ? response.json() : null
      }).catch(function () { return null })
      pagefind = Promise.all([import(new URL("pagefind.js", bundle).href), lexicon, import(readingURL)])
        .then(function (loaded) {
          reading = loaded[2]
          // A unit's page lists its tasks, so it is long; its length must not push it down.
          return loaded[0].options({ baseUrl: new URL(config.base + "/", location.href).pathname,
                                     excerptLength: 24, ranking: { pageLength: 0 } })
            .then(function () { return { module: loaded[0], lexicon: reading.prepare(loaded[1]) } })
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
  // 效, the text holds 长效), and a word it cannot find empties the results. So the pages are
  // gathered from several searches, each bringing up to POOL pages not yet found: every reading
  // of the query (reading.readings: an everyday word the plan lacks, 一把手, must not fill the
  // pool before its official term, 主要负责人, is searched); then, while fewer than POOL were
  // found, the query a character at a time (which meets the spaced characters of unit names),
  // each piece of it (reading.pieces: the unit names it holds, what stands between question
  // words; in halves when Pagefind finds nothing for it), and its longest shorter end and start
  // that add pages (the last word is matched as a prefix: 长 finds 长效), at most SHRINK
  // characters shorter. Then the LOADED pages more of the searches found are placed by how much
  // of the query they hold: a query costs as much at any size of plan.
  var POOL = 20, LOADED = 30, SHRINK = 8
  var STALE = new Error("a newer query")
  var HAN = /\p{sc=Han}/u

  function find(module, lexicon, query, alive) {
    var read = reading.readings(query, lexicon), typed = read[0], chars = Array.from(typed)
    var found = [], seen = new Set(), hits = new Map()
    function add(text) {
      if (!alive()) return Promise.reject(STALE)
      return module.search(text).then(function (search) {
        var top = search.results.slice(0, POOL)
        top.forEach(function (r) { hits.set(r.id, (hits.get(r.id) || 0) + 1) })
        var added = search.results.filter(function (r) { return !seen.has(r.id) }).slice(0, POOL)
        added.forEach(function (r) { seen.add(r.id); found.push(r) })
        return search.results.length ? added.length : -1
      })
    }
    // A piece Pagefind finds nothing for is searched again in halves (联动 is no word of its
    // index, so 区域合作联动执法 finds nothing, 区域合作 finds the task).
    function halves(text) {
      return add(text).then(function (added) {
        var chars = Array.from(text), half = Math.ceil(chars.length / 2)
        if (added >= 0 || chars.length < 4) return null
        return halves(chars.slice(0, half).join("")).then(function () {
          return halves(chars.slice(half).join(""))
        })
      })
    }
    function each(texts, step) {
      return texts.reduce(function (chain, text) {
        return chain.then(function () { return step(text) })
      }, Promise.resolve())
    }
    function shrink(fromStart, cut) {
      if (cut > SHRINK || cut >= chars.length - 1) return null
      var text = (fromStart ? chars.slice(cut) : chars.slice(0, chars.length - cut)).join("").trim()
      return add(text).then(function (added) { return added > 0 ? null : shrink(fromStart, cut + 1) })
    }
    return each(read, add).then(function () {
      if (found.length >= POOL) return null
      var spaced = typed.replace(/(\p{sc=Han})/gu, " $1 ").replace(/ +/g, " ").trim()
      return (spaced === typed ? Promise.resolve() : add(spaced)).then(function () {
        return each(lexicon ? reading.pieces(typed, lexicon) : [], halves)
      }).then(function () {
        return HAN.test(typed) ? shrink(false, 1) : null
      }).then(function () {
        return HAN.test(typed) ? shrink(true, 1) : null
      })
    }).then(function () {
      // Those more of the searches found first.
      var order = found.map(function (r, i) { return [hits.get(r.id) || 0, i, r] })
        .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1] })
      return Promise.all(order.slice(0, LOADED).map(function (entry) { return entry[2].data() }))
    }).then(function (pages) {
      return { pages: place(pages, read, lexicon), query: typed }
    })
  }

  // Specific before general: what a page merely lists (the titles of the other pages found,
  // a collective unit's every task, a task's units) is taken out of its text. A page is placed
  // by the runs of the query its own text holds, and again those its title holds, as it reads
  // best (reading.readings); a run of n characters counts n², less the more of the pages found
  // hold it (负责, 工作 are everywhere, 职业资格许可 is not); the title's runs, and the page's
  // name held whole, count twice. Then by all its text, by the runs its title holds, the
  // shorter title, and Pagefind's order.
  var LABEL = /^[一二三四五六七八九十]+/  // a task's number, （十三）, folded

  function place(pages, spaced, lexicon) {
    // A phrase copied across punctuation (规定，落实) is held whole by the page it was copied from.
    var readings = spaced.map(reading.fold)
    var titles = pages.map(function (data) { return reading.fold(data.meta.title || "") })
    var texts = pages.map(function (data, i) { return reading.fold(data.content) + "|" + titles[i] })
    var holding = new Map()
    function weight(run) {
      if (!holding.has(run)) {
        holding.set(run, texts.filter(function (text) { return text.includes(run) }).length)
      }
      return Math.log(1 + texts.length / Math.max(1, holding.get(run)))
    }
    var full = Math.log(1 + texts.length)
    // A title's runs count in full: what a page is about is no less its own for being common.
    function score(read, where, inTitle) {
      var found = reading.runs(read, where)
      return found.total ? found.runs.reduce(function (sum, run) {
        return sum + Array.from(run).length ** 2 * (inTitle ? full : weight(run))
      }, 0) / found.total : 0
    }
    // A page's name the query holds whole, however its words were spaced (各县（区）人民政府):
    // the title, its short form (市政府办公室, 市政府办) or a unit's name it ends with (法制办 of
    // 市政府法制办), not a name it merely holds (the notice's title, 巴中市人民政府办公室关于…).
    // It counts as one run of the title.
    function named(read, title) {
      var folded = reading.fold(read), n = Array.from(folded).length
      var short = lexicon ? reading.shorten(title, lexicon) : title, longest = 0
      ;[title, short].concat(lexicon ? lexicon.names : []).forEach(function (name) {
        var length = Array.from(name).length
        if (length > longest && folded.includes(name) && (title.endsWith(name) || short.endsWith(name))) {
          longest = length
        }
      })
      return n ? longest * longest * full / (n * n) : 0
    }
    function best(where) {
      return Math.max.apply(null, readings.map(function (r) { return score(r, where) }))
    }
    var scored = pages.map(function (data, i) {
      var title = titles[i], own = texts[i]
      titles.forEach(function (other, j) {
        other = other.replace(LABEL, "")
        if (j !== i && other.length >= 3 && other !== title.replace(LABEL, "")) own = own.split(other).join("|")
      })
      var inTitle = Math.max.apply(null, readings.map(function (r) { return reading.held(r, title) }))
      var about = Math.max.apply(null, readings.map(function (r) {
        return score(r, own) + 2 * (score(r, title, true) + named(r, title))
      }))
      // Of two titles that hold the query, the shorter is the closer: 市政府相关部门 before
      // 其他有职业资格许可和认定事项的市政府相关部门 for 相关部门.
      return { data: data, about: Math.round(about * 1e6), all: Math.round(best(texts[i]) * 1e6),
               inTitle: inTitle, extra: inTitle ? title.length : 0, i: i }
    })
    return scored.sort(function (a, b) {
      return b.about - a.about || b.all - a.all || b.inTitle - a.inTitle || a.extra - b.extra || a.i - b.i
    }).map(function (entry) { return entry.data })
  }

  // Each query typed starts a search; one started before it stops at its next step. A key that
  // leaves the query as it was (an arrow, End) starts none.
  var latest = 0, searched = null
  function update() {
    var typed = input.value
    if (typed === searched) return
    searched = typed
    var ticket = ++latest
    if (!typed.trim()) {
      list.innerHTML = ""
      meta.textContent = t["search.result.placeholder"]
      return
    }
    function alive() { return ticket === latest }
    load().then(function (loaded) {
      var query = reading.normalise(typed)
      return alive() && query ? find(loaded.module, loaded.lexicon, query, alive) : null
    }).then(function (found) {
      if (!found || !alive()) return
      var shown = found.pages.slice(0, SHOWN)
      list.replaceChildren.apply(list, shown.map(function (data) { return item(data, found.query) }))
      meta.textContent = count(found.pages.length)
    }).catch(function (error) {
      if (error !== STALE) throw error
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
    import(readingURL).then(function (read) {
      var words = read.normalise(searched).split(" ").filter(function (w) { return w.length > 1 })
      if (words.length) highlight(article, words)
    })
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
