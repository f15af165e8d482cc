// Presseschau: loads the app after the page's first paint. Every prerendered page names its scripts in
// <script src="boot.js" data-load="[kb-en.js] data/<page>.js app.js" defer> instead of as deferred scripts
// of their own: a deferred script is fetched and parsed while the page is read, and the app (~0.8 MB of
// script) delayed the first text from disk by about a frame (docs/static-site.md, "The app after the
// first paint"). This file waits for the first frame, then adds the scripts in their order (async =
// false: the page's share of the analysis runs before the app that reads it).
//
// A reader with own articles (the full app keeps `presseschau.own.present` in localStorage while there are
// any: ui::hooks::OWN_PRESENT_KEY) gets the full app with the whole analysis on a reading page at once, as
// the reading app would hand it over (ui::start) after loading itself for nothing.
(function () {
  'use strict';
  var me = document.currentScript;
  var load = ((me && me.getAttribute('data-load')) || '').split(' ').filter(Boolean);
  var own = null;
  try { own = localStorage.getItem('presseschau.own.present'); } catch (e) { /* no storage: no own articles */ }
  if (own && load[load.length - 1] === 'app.js') {
    load = (document.documentElement.lang === 'en' ? ['kb-en.js'] : []).concat(['data.js', 'app-full.js']);
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
