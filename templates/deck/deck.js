/*
 * Starts reveal.js. It lives in a file of its own so that the deck's Content-Security-Policy can forbid
 * inline script, and it holds no content: nothing from the comparison reaches the configuration.
 * width and height are the 1280×720 frame the slides are paginated for.
 *
 * Print mode (`index.html?print-pdf`) sizes its pages as the slide plus the margin and writes that size into an
 * inline `<style>`, which the policy allows by hash: with no margin, every page is exactly 1280×720 and the
 * style text is the one hashed. Each slide prints once with its fragments shown, as it ends on screen.
 */
/* global Reveal, RevealNotes */
// The test reveal.js itself makes to enter print mode.
const print = /print-pdf/i.test(window.location.search);
Reveal.initialize({
  width: 1280,
  height: 720,
  margin: print ? 0 : 0.04,
  pdfSeparateFragments: false,
  center: false,
  hash: true,
  controls: true,
  progress: true,
  slideNumber: false,
  transition: 'fade',
  transitionSpeed: 'fast',
  backgroundTransition: 'none',
  plugins: [RevealNotes],
});
