// Presseschau: links of the one-page app that came before the static site (index.html#/a/<id>?q=…) are
// sent to their page (a-<id>.html#q=…), keeping the passage or notes part. Runs on the library page
// before it paints; the file names follow Route::href and routes::file_part in src/ui/routes.rs.
// Which pages exist comes from pages.js (written by `presseschau site`), loaded only for such a link: an
// unknown one goes to 404.html with its old address, where the app says what was not found.
(function () {
  if (self.presseschauForward) { self.presseschauForward(); return; }

  function loadPages() {
    if (document.readyState === 'loading') {
      // still in <head>: pages.js and this file again, before anything is painted
      document.write('<script src="pages.js"></' + 'script><script src="forward.js"></' + 'script>');
    } else {
      var s = document.createElement('script');
      s.src = 'pages.js';
      s.onload = forward;
      document.head.appendChild(s);
    }
  }

  function filePart(id) {
    var bytes = new TextEncoder().encode(id), out = '';
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i], c = String.fromCharCode(b);
      if (/[A-Za-z0-9.\-]/.test(c)) out += c;
      else out += '_' + (b < 16 ? '0' : '') + b.toString(16);
    }
    return out;
  }

  function fileOf(p) {
    if (p.length === 0) return 'index.html';
    if (p[0] === 'a' && p.length === 2) return 'a-' + filePart(p[1]) + '.html';
    if (p[0] === 'e' && p.length === 1) return 'e.html';
    if (p[0] === 'e' && p.length === 2) return 'e-' + filePart(p[1]) + '.html';
    if (p[0] === 's' && p.length === 2) return 's-' + filePart(p[1]) + '.html';
    if (p[0] === 'c' && p.length === 3) return 'c-' + filePart(p[1]) + '-' + filePart(p[2]) + '.html';
    if (p[0] === 't' && p.length === 1) return 't.html';
    if (p[0] === 'notes' && p.length === 1) return 'notes.html';
    return '404.html';
  }

  function forward() {
    var hash = location.hash;
    if (hash.indexOf('#/') !== 0) return;
    if (!self.presseschauPages) { loadPages(); return; }
    var cut = hash.indexOf('?');
    var path = cut < 0 ? hash.slice(1) : hash.slice(1, cut);
    var query = cut < 0 ? '' : hash.slice(cut + 1);
    var parts = path.split('/').filter(function (p) { return p.length > 0; }).map(function (p) {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    var file = fileOf(parts);
    if (!self.presseschauPages.has(file)) {
      location.replace('404.html' + hash);
      return;
    }
    location.replace(file + (query ? '#' + query : ''));
  }

  self.presseschauForward = forward;
  // an old address typed or pasted on the library page later
  window.addEventListener('hashchange', forward);
  forward();
})();
