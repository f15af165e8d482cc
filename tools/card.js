// Presseschau: the names of a prerendered article open their card before the app has started. The app is
// ~0.5 MB; on a slow line a reader would wait for it to see who a name is. The cards themselves are the
// app's card component, rendered by the build (`ui::site::preview_cards`) into
// <template class="preview-card" data-m="3 17 …"> at the end of the prerendered page, one per distinct card
// with the mentions (`data-m` of the names) it is for. The keys are the app's: focus or pointer on a name
// opens its card, ←/→/Home/End move among the names, Escape or × closes it and gives the name the focus.
// When the app takes over, it removes the prerendered page with this card and gives the focus to the same
// name, whose card it then opens (platform::dom::take_over).
(function () {
  'use strict';
  var root = document.getElementById('app');
  if (!root) return;
  var CLOSE_DELAY_MS = 400; // the app's (components::article_body::CLOSE_DELAY_MS)
  var card = null, owner = null;

  function nameOf(el) {
    return el && el.closest ? el.closest('.article-body mark.entity[data-m]') : null;
  }
  function inCard(el) { return !!(card && el && card.contains(el)); }

  function open(mark) {
    if (mark === owner && card) return;
    close(false);
    var t = root.querySelector('template.preview-card[data-m~="' + mark.getAttribute('data-m') + '"]');
    var first = t && t.content.firstElementChild;
    if (!first) return;
    card = first.cloneNode(true);
    card.setAttribute('data-preview-for', mark.getAttribute('data-m'));
    owner = mark;
    // where the app puts it (platform::dom::entity_mark_at): below the name, inside the window
    var r = mark.getBoundingClientRect(), sx = window.scrollX, sy = window.scrollY;
    var left = Math.max(Math.min(r.left + sx, window.innerWidth + sx - 300), sx + 8);
    card.style.left = Math.round(left) + 'px';
    card.style.top = Math.round(r.bottom + sy + 2) + 'px';
    root.appendChild(card);
    fit(r.top + sy);
  }

  // platform::dom::fit_card: above the name when there is no room below (on a phone the stylesheet makes
  // it a sheet at the bottom of the window)
  function fit(markTop) {
    if (window.matchMedia('(max-width: 600px)').matches) return;
    var height = window.innerHeight, scroll = window.scrollY, rect = card.getBoundingClientRect();
    if (rect.bottom <= height - 8) return;
    var below = height - rect.top - 8, above = markTop - scroll - 12;
    if (rect.height <= above) {
      card.style.top = Math.round(markTop - rect.height - 4) + 'px';
    } else if (above > below) {
      card.style.maxHeight = Math.round(above) + 'px';
      card.style.overflow = 'auto';
      card.style.top = Math.round(markTop - above - 4) + 'px';
    } else {
      card.style.maxHeight = Math.round(Math.max(below, 120)) + 'px';
      card.style.overflow = 'auto';
    }
  }

  function close(focusName) {
    if (!card) return;
    var name = owner;
    card.remove();
    card = null;
    owner = null;
    if (focusName && name) name.focus();
  }

  function move(from, step, last) {
    var names = Array.prototype.filter.call(
      root.querySelectorAll('.article-body mark.entity[data-m]'),
      function (n) { return n.offsetParent !== null; });
    if (names.length === 0) return false;
    var i = names.indexOf(nameOf(from)), next;
    if (step === 0) next = last ? names.length - 1 : 0;
    else if (i < 0) next = step > 0 ? 0 : names.length - 1;
    else next = Math.max(0, Math.min(names.length - 1, i + step));
    names[next].focus();
    return true;
  }

  root.addEventListener('focusin', function (e) {
    var mark = nameOf(e.target);
    if (mark) open(mark);
    else if (!inCard(e.target)) close(false);
  });
  root.addEventListener('mouseover', function (e) {
    var mark = nameOf(e.target);
    if (mark) open(mark);
  });
  root.addEventListener('mouseout', function (e) {
    if (!nameOf(e.target) && !inCard(e.target)) return;
    setTimeout(function () {
      var here = root.querySelector('#entity-card:hover, mark.entity[data-m]:hover');
      var focused = document.activeElement;
      if (!here && !nameOf(focused) && !inCard(focused)) close(false);
    }, CLOSE_DELAY_MS);
  });
  root.addEventListener('click', function (e) {
    if (inCard(e.target) && e.target.closest('.card-close')) close(true);
    else if (!inCard(e.target) && !nameOf(e.target)) close(false);
  });
  root.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && card) { e.preventDefault(); close(true); return; }
    if (e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    if (!e.target.closest || !e.target.closest('.article-body')) return;
    var handled = e.key === 'ArrowRight' ? move(e.target, 1, false)
      : e.key === 'ArrowLeft' ? move(e.target, -1, false)
      : e.key === 'Home' ? move(e.target, 0, false)
      : e.key === 'End' ? move(e.target, 0, true)
      : false;
    if (handled) e.preventDefault();
  });
  // a name the reader focused before this script ran
  var focused = nameOf(document.activeElement);
  if (focused) open(focused);
})();
