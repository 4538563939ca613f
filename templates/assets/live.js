// Live preview (served by `paparan serve` only, never written into dist/):
// after a rebuild, swap in the new slides and stay on the same slide — or reload
// the page when more than the slides changed — and show build errors over
// the last good deck.
(function () {
  var slug = decodeURIComponent(location.pathname.split('/').filter(Boolean)[0] || '');
  var overlay;

  function showError(message) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:9999;padding:16px 24px;' +
        'background:#7f1d1d;color:#fff;font:16px/1.4 monospace;white-space:pre-wrap;';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'paparan: build failed — showing the last good deck\n' + message;
  }

  function clearError() {
    if (overlay) overlay.remove();
    overlay = undefined;
  }

  // What must be equal for a swap of the slides alone to be enough.
  function frame(doc) {
    var links = Array.prototype.map.call(doc.querySelectorAll('link[rel=stylesheet], script[src]'), function (el) {
      return el.getAttribute('href') || el.getAttribute('src');
    });
    var config = doc.getElementById('paparan-config');
    return links.join('|') + '|' + (config ? config.textContent : '');
  }

  function update() {
    fetch(location.pathname, { cache: 'no-store' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var Reveal = window.Reveal;
        if (!Reveal || !Reveal.isReady() || frame(next) !== frame(document)) return location.reload();
        var indices = Reveal.getIndices();
        document.querySelector('.reveal .slides').innerHTML = next.querySelector('.reveal .slides').innerHTML;
        document.title = next.title;
        clearError();
        Reveal.sync();
        Reveal.slide(Math.min(indices.h, Reveal.getTotalSlides() - 1), indices.v);
      })
      .catch(function () { location.reload(); });
  }

  var events = new EventSource('/__paparan/events');
  events.onmessage = function (event) {
    var data = JSON.parse(event.data);
    if (data.slug !== slug) return;
    if (data.type === 'reload') data.full ? location.reload() : update();
    else if (data.type === 'error') showError(data.message);
  };
})();
