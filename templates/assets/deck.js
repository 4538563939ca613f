// Starts reveal.js with the settings paparan wrote into the page (see src/render.ts).
(function () {
  var config = JSON.parse(document.getElementById('paparan-config').textContent);
  var options = Object.assign({}, config.reveal, { plugins: [window.RevealNotes].filter(Boolean) });
  window.Reveal.initialize(options);
})();
