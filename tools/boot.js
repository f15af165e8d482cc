// Presseschau: loads the app after the page's first paint. Every prerendered page names its scripts in
// <script src="boot.js" data-load="[kb-en.js] data/<page>.js app.js" defer> instead of as deferred scripts
// of their own: a deferred script is fetched and parsed while the page is read, and the app (~0.8 MB of
// script) delayed the first text from disk by about a frame (docs/static-site.md, "The app after the
// first paint"). This file waits for the first frame, then adds the scripts in their order (async =
// false: the page's share of the analysis runs before the app that reads it).
//
// A reader with own articles (the full app keeps `presseschau.own.present` in localStorage while there are
// any: ui::hooks::OWN_PRESENT_KEY) gets the full app on a reading page at once, as the reading app would
// hand it over (ui::start) after loading itself for nothing: with the page's share, to which it adds the
// own articles and their kept links (ui::state::OWN_LINKS_KEY; it loads data.js itself if they are not
// kept), and on an English page all the knowledge base's English descriptions for their names.
(function () {
  'use strict';
  var me = document.currentScript;
  var load = ((me && me.getAttribute('data-load')) || '').split(' ').filter(Boolean);
  var own = null;
  try { own = localStorage.getItem('presseschau.own.present'); } catch (e) { /* no storage: no own articles */ }
  if (own && load[load.length - 1] === 'app.js') {
    load = (document.documentElement.lang === 'en' && load[0] !== 'kb-en.js' ? ['kb-en.js'] : [])
      .concat(load.slice(0, -1), ['app-full.js']);
  }
  function start() {
    load.forEach(function (src) {
      var s = document.createElement('script');
      s.src = src;
      s.async = false;
      document.head.appendChild(s);
    });
  }
  // after the first frame (a tab opened in the background paints nothing and gets no frames: at once)
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(function () { setTimeout(start, 0); });
})();
