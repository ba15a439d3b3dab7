/*
 * Protection Cases on phones (loaded by the app frame, no bundle build).
 * 1. Tables fit the screen: below 600 px a grid shows only its first two columns (or those named
 *    in its data-phone-columns attribute, e.g. "0,2"); a tap on the row opens the record with the rest.
 *    Only columns hidden here are shown again when the screen widens.
 * 2. Count fields bring up the numeric keyboard.
 * 3. On touch screens the service worker (offline-worker.js) shows the offline page when the connection is gone.
 */
(function () {
  const phone = window.matchMedia('(max-width: 600px)');

  function fit(grid) {
    const columns = [...grid.querySelectorAll('vaadin-grid-column, vaadin-grid-sort-column')]
      .filter(c => c.closest('vaadin-grid') === grid && (!c.hidden || c.__pcPhoneHidden));
    const keep = (grid.getAttribute('data-phone-columns') || '0,1').split(',').map(Number);
    let changed = false;
    columns.forEach((column, i) => {
      const hide = phone.matches && !keep.includes(i);
      // The columns kept share the phone's width (their text wraps, see app.css) instead of their desktop widths.
      const share = phone.matches && !hide;
      // Checked against the column itself, not only our flag: the server may set a column's width
      // again after it was folded (a later round trip), and the grid then grew past the phone.
      if (share && (!column.__pcPhoneShared || column.autoWidth || column.width !== '1px' || column.flexGrow !== 1)) {
        if (!column.__pcPhoneShared) {
          column.__pcPhoneShared = { width: column.width, flexGrow: column.flexGrow, autoWidth: column.autoWidth };
        }
        column.autoWidth = false;
        column.width = '1px';
        column.flexGrow = 1;
        changed = true;
      } else if (!share && column.__pcPhoneShared) {
        Object.assign(column, column.__pcPhoneShared);
        column.__pcPhoneShared = undefined;
        changed = true;
      }
      if (hide && !column.hidden) {
        column.hidden = true;
        column.__pcPhoneHidden = true;
        changed = true;
      } else if (!hide && column.__pcPhoneHidden) {
        column.hidden = false;
        column.__pcPhoneHidden = false;
        changed = true;
      }
    });
    if (changed && grid.recalculateColumnWidths) {
      requestAnimationFrame(() => grid.recalculateColumnWidths());
    }
  }

  function numeric(root) {
    root.querySelectorAll('vaadin-integer-field input, vaadin-number-field.count input').forEach(input => {
      if (input.getAttribute('inputmode') !== 'numeric') {
        input.setAttribute('inputmode', 'numeric');
      }
    });
  }

  let pending = false;
  function sweep() {
    if (pending) {
      return;
    }
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      document.querySelectorAll('vaadin-grid').forEach(fit);
      numeric(document);
    });
  }

  new MutationObserver(sweep).observe(document.documentElement, { childList: true, subtree: true });
  phone.addEventListener('change', sweep);
  // The server may reset a column's width or visibility later (a property, not a DOM change the
  // observer sees): on a phone, look again once a second. Cheap: a few grids, a few columns each.
  setInterval(() => { if (phone.matches) { sweep(); } }, 1000);
  sweep();

  // 3. Offline page (offline-worker.js; not sw.js, which Vaadin's servlet answers itself): on touch
  //    screens and installed apps, where connections drop in the field.
  //    The worker lives at the app's root so that its scope covers every page.
  const field = window.matchMedia('(pointer: coarse)').matches || window.matchMedia('(display-mode: standalone)').matches;
  if (field && 'serviceWorker' in navigator && window.isSecureContext) {
    const root = document.baseURI;
    navigator.serviceWorker.register(new URL('offline-worker.js', root).href, { scope: new URL('./', root).href })
      .catch(error => console.warn('Offline page not available:', error));
  }
})();
