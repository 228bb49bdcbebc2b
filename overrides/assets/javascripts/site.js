// The search panel is a dialog; screen readers announce it by the name of its search box.
var searchDialog = document.querySelector(".md-search[role=dialog]")
var searchInput = document.querySelector(".md-search__input")
if (searchDialog && searchInput) {
  searchDialog.setAttribute("aria-label", searchInput.getAttribute("aria-label"))
}
