/**
 * The script the dev server adds to a served deck: reload on rebuild, stay on the same slide, and show
 * a build error over the deck until the next good build. Served from the same origin, so a deck's
 * `script-src 'self'` policy allows it; messages are set as text, never as HTML.
 */
export const LIVE_CLIENT = `(() => {
  const key = 'riskdeck:' + location.pathname;
  const restore = () => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) || 'null');
      if (saved && window.Reveal) window.Reveal.slide(saved.h, saved.v, saved.f);
    } catch {}
    sessionStorage.removeItem(key);
  };
  if (window.Reveal) {
    if (window.Reveal.isReady()) restore();
    else window.Reveal.on('ready', restore);
  }
  let overlay;
  const show = (message) => {
    if (!overlay) {
      overlay = document.createElement('pre');
      overlay.id = 'riskdeck-error-overlay';
      overlay.setAttribute('role', 'alert');
      Object.assign(overlay.style, {
        position: 'fixed', inset: '0', margin: '0', padding: '2rem', zIndex: '2147483647', overflow: 'auto',
        background: 'rgba(20, 20, 24, 0.94)', color: '#ffb4a8', font: '16px/1.5 monospace', whiteSpace: 'pre-wrap',
      });
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'riskdeck: the last edit did not build; still showing the last good version.\\n\\n' + message;
  };
  const hide = () => { if (overlay) { overlay.remove(); overlay = undefined; } };
  const events = new EventSource('/__riskdeck/events');
  events.addEventListener('reload', (event) => {
    const { name } = JSON.parse(event.data);
    if (name && !location.pathname.startsWith('/' + name + '/')) return;
    if (window.Reveal && window.Reveal.isReady()) sessionStorage.setItem(key, JSON.stringify(window.Reveal.getIndices()));
    location.reload();
  });
  events.addEventListener('build-error', (event) => show(JSON.parse(event.data).message));
  events.addEventListener('build-ok', hide);
})();
`;
