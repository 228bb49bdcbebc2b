// A candidate the site's search was compared with (bench/search_candidates.py): an index of
// character bigrams (Han) and trigrams (Latin, digits), sharded by a token's first character,
// fetched per query. Any run of two or more characters of a page finds it.
window.bigramSearch = (function () {
  var base = new URL("bigram/", document.baseURI)
  var shards = {}, blocks = {}, info = null
  function get(path) {
    return fetch(new URL(path, base)).then(function (r) { return r.ok ? r.json() : {} })
  }
  function fold(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, " ").trim()
  }
  function tokens(text) {
    var out = []
    fold(text).split(" ").forEach(function (run) {
      var parts = run.match(/\p{sc=Han}+|[a-z0-9]+/gu) || []
      parts.forEach(function (part) {
        var n = /\p{sc=Han}/u.test(part) ? 2 : 3
        var chars = Array.from(part)
        if (chars.length <= n) out.push(part)
        else for (var i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(""))
      })
    })
    return Array.from(new Set(out))
  }
  function shard(token) {
    var key = Array.from(token)[0].codePointAt(0).toString(16)
    return shards[key] || (shards[key] = get(key + ".json"))
  }
  function page(id) {
    var block = Math.floor(id / info.block)
    return (blocks[block] || (blocks[block] = get("pages-" + block + ".json")))
      .then(function (pages) { return pages[id % info.block] })
  }
  return function (query) {
    var wanted = tokens(query)
    if (!wanted.length) return Promise.resolve([])
    return (info ? Promise.resolve(info) : get("info.json").then(function (i) { return info = i }))
      .then(function () { return Promise.all(wanted.map(shard)) })
      .then(function (loaded) {
        var scores = null
        wanted.forEach(function (token, i) {
          var postings = loaded[i][token] || []
          var next = new Map()
          postings.forEach(function (p) {
            if (scores === null || scores.has(p[0]))
              next.set(p[0], (scores ? scores.get(p[0]) : 0) + 5 * p[1] + Math.min(p[2], 3))
          })
          scores = next
        })
        var top = Array.from(scores.entries()).sort(function (a, b) { return b[1] - a[1] }).slice(0, 20)
        return Promise.all(top.map(function (e) { return page(e[0]) }))
      }).then(function (pages) {
        // Placed as the site's search places them: the title holding the query, shorter first.
        var key = fold(query).replace(/ /g, "")
        return pages.map(function (p, i) {
          var title = fold(p[1]).replace(/ /g, "")
          var inTitle = title.includes(key) ? 1 : 0
          return { url: p[0], inTitle: inTitle, extra: title.length, i: i }
        }).sort(function (a, b) {
          return b.inTitle - a.inTitle || (a.inTitle ? a.extra - b.extra : 0) || a.i - b.i
        }).map(function (e) { return e.url })
      })
  }
})()
