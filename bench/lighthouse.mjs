// Lighthouse (npm, pinned in package.json) in its default mobile mode on each URL given, in one
// Debian chromium (CHROME_PATH): prints, as JSON, each URL's category scores (0-100) and the
// audits that lost points in accessibility, best practices and SEO.
import lighthouse from "lighthouse"
import * as chromeLauncher from "chrome-launcher"

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update"],
})
const results = {}
try {
  for (const url of process.argv.slice(2)) {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: CATEGORIES })
    const lost = []
    for (const id of CATEGORIES.slice(1)) {
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) lost.push(`${id}: ${ref.id}`)
      }
    }
    results[url] = {
      scores: Object.fromEntries(CATEGORIES.map(id => [id, Math.round(lhr.categories[id].score * 100)])),
      lost,
    }
  }
} finally {
  await chrome.kill()
}
console.log(JSON.stringify(results))
