// Presseschau: links of the one-page app that came before the static site (index.html#/a/<id>?q=…) are
// sent to their page (a-<id>.html#q=…), keeping the passage or notes part. Runs on the library page
// before it paints; the file names follow Route::href and routes::file_part in src/ui/routes.rs.
(function () {
  var hash = location.hash;
  if (hash.indexOf('#/') !== 0) return;
  var cut = hash.indexOf('?');
  var path = cut < 0 ? hash.slice(1) : hash.slice(1, cut);
  var query = cut < 0 ? '' : hash.slice(cut + 1);
  var parts = path.split('/').filter(function (p) { return p.length > 0; }).map(function (p) {
    try { return decodeURIComponent(p); } catch (e) { return p; }
  });
  function filePart(id) {
    var bytes = new TextEncoder().encode(id), out = '';
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i], c = String.fromCharCode(b);
      if (/[A-Za-z0-9.\-]/.test(c)) out += c;
      else out += '_' + (b < 16 ? '0' : '') + b.toString(16);
    }
    return out;
  }
  var file = '404.html';
  var p = parts;
  if (p.length === 0) file = 'index.html';
  else if (p[0] === 'a' && p.length === 2) file = 'a-' + filePart(p[1]) + '.html';
  else if (p[0] === 'e' && p.length === 1) file = 'e.html';
  else if (p[0] === 'e' && p.length === 2) file = 'e-' + filePart(p[1]) + '.html';
  else if (p[0] === 's' && p.length === 2) file = 's-' + filePart(p[1]) + '.html';
  else if (p[0] === 'c' && p.length === 3) file = 'c-' + filePart(p[1]) + '-' + filePart(p[2]) + '.html';
  else if (p[0] === 't' && p.length === 1) file = 't.html';
  else if (p[0] === 'notes' && p.length === 1) file = 'notes.html';
  location.replace(file + (query ? '#' + query : ''));
})();
