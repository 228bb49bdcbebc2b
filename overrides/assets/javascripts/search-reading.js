// How the search box reads a query as a reader means it, and how much of it a page holds.
// An ES module: search.js imports it, and tests/test_search_reading.py runs it in Node. The
// lexicon it reads is made from the built site by generator/finish/search_lexicon.py.

var HAN = /\p{sc=Han}/u

// The query and the index are read alike: NFKC folds full-width letters, digits and brackets
// to one form, and punctuation copied with the words (：；，、。 brackets quotes) only
// separates words, so it never empties the results.
export function normalise(text) {
  return text.normalize("NFKC").replace(/[\p{P}\p{S}\s]+/gu, " ").trim().toLowerCase()
}

export function prepare(raw) {
  if (!raw) return null
  var t2s = new Map(), pairs = new Set(), like = new Map()
  for (var i = 0; i + 1 < raw.t2s.length; i += 2) t2s.set(raw.t2s[i], raw.t2s[i + 1])
  for (var j = 0; j + 1 < raw.pairs.length; j += 2) pairs.add(raw.pairs.slice(j, j + 2))
  raw.sounds.concat(raw.confusions).forEach(function (group) {
    var chars = Array.from(group)
    chars.forEach(function (ch) {
      if (!like.has(ch)) like.set(ch, new Set())
      chars.forEach(function (other) { if (other !== ch) like.get(ch).add(other) })
    })
  })
  // Longest first: a name is taken before the shorter names inside it.
  var names = raw.names.slice().sort(function (a, b) { return b.length - a.length })
  return { t2s: t2s, pairs: pairs, like: like, glossary: raw.glossary,
           contractions: raw.contractions, prefixes: raw.prefixes, names: names }
}

// Traditional characters read as their simplified form (OpenCC's table, for the site's own).
export function simplify(text, lexicon) {
  return Array.from(text, function (ch) { return lexicon.t2s.get(ch) || ch }).join("")
}

// A slip of the pen: a character that forms, with a neighbour, a pair no page holds. It is
// replaced by a character of the same sound or a known confusion when that leaves fewer such
// pairs, and only when one replacement does best; a query every pair of which some page holds
// (any real name) is never changed. One change at a time, while each mends something.
export function mend(text, lexicon) {
  var chars = Array.from(text)
  function broken(a, b) {
    return a !== undefined && b !== undefined && HAN.test(a) && HAN.test(b) &&
      !lexicon.pairs.has(a + b) ? 1 : 0
  }
  function around(i, ch) { return broken(chars[i - 1], ch) + broken(ch, chars[i + 1]) }
  for (var step = 0; step < chars.length; step++) {
    var best = 0, choices = []
    chars.forEach(function (ch, i) {
      var now = around(i, ch)
      if (!now) return
      ;(lexicon.like.get(ch) || []).forEach(function (other) {
        var gain = now - around(i, other)
        if (gain > best) { best = gain; choices = [[i, other]] }
        else if (gain === best && gain > 0) choices.push([i, other])
      })
    })
    if (choices.length !== 1) break
    chars[choices[0][0]] = choices[0][1]
  }
  return chars.join("")
}

// Full forms shortened, 市人民政府办公室 -> 市政府办; only after other characters: 办公室 alone is
// no short name of anything.
export function shorten(text, lexicon) {
  lexicon.contractions.forEach(function (pair) {
    text = text.replace(new RegExp("(?<=\\p{sc=Han})" + escapeRegExp(pair[0]), "gu"), pair[1])
  })
  return text
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

// The readings of a query, the closest first: as typed (simplified, slips mended, the city's
// name dropped where it begins a name: 巴中市财政局 -> 市财政局, 巴中财政局 -> 财政局); with full
// forms shortened (市人民政府办公室 -> 市政府办); and with each glossary term replaced by the
// others of its group.
export function readings(query, lexicon) {
  if (!lexicon) return [query]
  var typed = mend(simplify(query, lexicon), lexicon)
  lexicon.prefixes.forEach(function (prefix) {
    typed = typed.replace(new RegExp("(^| )" + escapeRegExp(prefix) + "(?=\\p{sc=Han})", "gu"), "$1")
  })
  var short = shorten(typed, lexicon)
  var found = [typed, short]
  ;[typed, short].forEach(function (reading) {
    lexicon.glossary.forEach(function (group) {
      group.forEach(function (term) {
        if (!reading.includes(term)) return
        group.forEach(function (other) {
          if (other !== term) found.push(reading.split(term).join(other))
        })
      })
    })
  })
  return Array.from(new Set(found.map(function (r) { return r.trim() }).filter(Boolean)))
}

// The pieces of a reading searched on their own: the names of units it holds (工商局 in
// 工商局负责哪些任务), and what stands between pairs no page holds, so that the words of a
// question (谁, 怎么) fall out.
export function pieces(reading, lexicon) {
  var found = [], rest = reading
  lexicon.names.forEach(function (name) {
    if (rest.includes(name)) { found.push(name); rest = rest.split(name).join(" ") }
  })
  reading.split(" ").forEach(function (part) {
    var chars = Array.from(part), start = 0
    for (var i = 1; i <= chars.length; i++) {
      var pair = chars[i - 1] + (chars[i] || "")
      if (i === chars.length || (HAN.test(chars[i - 1]) && HAN.test(chars[i]) && !lexicon.pairs.has(pair))) {
        var piece = chars.slice(start, i).join("")
        if (piece.length >= 2) found.push(piece)
        start = i
      }
    }
  })
  return Array.from(new Set(found))
}

export function fold(text) {
  return normalise(text).replace(/ /g, "")
}

// The runs of a reading a text holds: the reading is walked from its start, each time taking
// the longest run the text holds; characters the text holds nowhere are passed over, and so is
// a lone character of a longer part (a long page holds most single characters of any question).
// `total` is what the whole reading held as one run would count (a run of n characters counts n²).
export function runs(reading, text) {
  var found = [], total = 0
  reading.split(" ").forEach(function (part) {
    var chars = Array.from(fold(part)), n = chars.length
    total += n * n
    for (var i = 0; i < n;) {
      var end = i
      while (end < n && text.includes(chars.slice(i, end + 1).join(""))) end++
      if (end - i > 1 || (end > i && n <= 2)) found.push(chars.slice(i, end).join(""))
      i = Math.max(end, i + 1)
    }
  })
  return { runs: found, total: total }
}

// How much of a reading a text holds, 1 being all of it in one run.
export function held(reading, text) {
  var found = runs(reading, text)
  return found.total ? found.runs.reduce(function (sum, run) {
    return sum + Array.from(run).length ** 2
  }, 0) / found.total : 0
}
