/*
 * Starts reveal.js. It lives in a file of its own so that the deck's Content-Security-Policy can forbid
 * inline script, and it holds no content: nothing from the comparison reaches the configuration.
 * width and height are the 1280×720 frame the slides are paginated for.
 */
/* global Reveal, RevealNotes */
Reveal.initialize({
  width: 1280,
  height: 720,
  margin: 0.04,
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
