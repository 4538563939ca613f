// Live preview (served by `paparan serve` only, never written into dist/):
// reload when the deck is rebuilt — the URL hash keeps the slide — and show
// build errors over the last good deck.
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
  var events = new EventSource('/__paparan/events');
  events.onmessage = function (event) {
    var data = JSON.parse(event.data);
    if (data.slug !== slug) return;
    if (data.type === 'reload') location.reload();
    else if (data.type === 'error') showError(data.message);
  };
})();
