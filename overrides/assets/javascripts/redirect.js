// A redirect page (generator/finish/redirect_pages.py): go to the new address at once, keeping the
// #fragment of the old one, which the page's refresh would drop.
(function () {
  var target = document.querySelector("link[rel=canonical]")
  if (target) location.replace(target.getAttribute("href") + location.hash)
})()
