/*
 * Mermaid diagrams, drawn when the page loads from the deck's own copy of
 * mermaid (assets/mermaid/mermaid.min.js): no network. Used by the deck,
 * handout.html and notes.html; the PDF step waits for window.__paparanDiagrams.
 * securityLevel "strict": a diagram's text is data (no click handlers, no HTML).
 * A diagram that does not parse stays its source, shown as code.
 */
(function () {
  'use strict';
  var css = getComputedStyle(document.querySelector('.reveal') || document.documentElement);
  var v = function (name, fallback) { return css.getPropertyValue(name).trim() || fallback; };
  window.__paparanDiagrams = (async function () {
    var blocks = Array.prototype.slice.call(document.querySelectorAll('pre.mermaid-source'));
    if (blocks.length === 0 || !window.mermaid) return 0;
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      fontFamily: v('--font-body', 'sans-serif'),
      // Labels as SVG text, never HTML: a label's markup stays text and loads nothing.
      htmlLabels: false,
      flowchart: { htmlLabels: false, useMaxWidth: true },
      themeVariables: {
        fontSize: '24px',
        background: v('--color-background', '#ffffff'),
        primaryColor: v('--color-code-background', '#f0f4f8'),
        primaryTextColor: v('--color-text', '#1f2933'),
        primaryBorderColor: v('--color-heading', '#12355b'),
        secondaryColor: v('--color-background', '#ffffff'),
        tertiaryColor: v('--color-background', '#ffffff'),
        lineColor: v('--color-muted', '#52606d'),
        textColor: v('--color-text', '#1f2933'),
        noteBkgColor: v('--color-code-background', '#f0f4f8'),
        noteTextColor: v('--color-text', '#1f2933'),
        actorBkg: v('--color-code-background', '#f0f4f8'),
        actorTextColor: v('--color-text', '#1f2933'),
        actorBorder: v('--color-heading', '#12355b'),
        signalColor: v('--color-text', '#1f2933'),
        signalTextColor: v('--color-text', '#1f2933'),
        cScale0: v('--color-code-background', '#f0f4f8'),
        cScaleLabel0: v('--color-text', '#1f2933'),
      },
    });
    var drawn = 0;
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i];
      try {
        var result = await window.mermaid.render('paparan-diagram-' + i, pre.textContent);
        var figure = document.createElement('div');
        figure.className = 'diagram-svg';
        // The fence's line: slides.pptx finds each drawn diagram by it (src/diagram-pictures.ts).
        figure.setAttribute('data-line', pre.getAttribute('data-line') || '');
        figure.innerHTML = result.svg;
        pre.replaceWith(figure);
        drawn++;
      } catch (error) {
        pre.classList.add('mermaid-error');
        var stray = document.getElementById('dpaparan-diagram-' + i);
        if (stray) stray.remove();
      }
    }
    return drawn;
  })();
})();
