// Material highlights on the opened page the index words a query matched. For Chinese those are
// the query cut short of its last character (行政复 for 行政复议), so hand over what was typed.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-search-result__link")
  var input = document.querySelector(".md-search__input")
  if (!link || !input || !input.value.trim()) return
  var url = new URL(link.href)
  url.searchParams.set("h", input.value.trim())
  link.href = url.href
}, true)

// The search panel is a dialog; screen readers announce it by the name of its search box.
var searchDialog = document.querySelector(".md-search[role=dialog]")
var searchInput = document.querySelector(".md-search__input")
if (searchDialog && searchInput) {
  searchDialog.setAttribute("aria-label", searchInput.getAttribute("aria-label"))
}
