/*
 * Protection Cases on phones (loaded by the app frame, no bundle build).
 * 1. Tables fit the screen: below 600 px a grid shows only its first two columns (or those named
 *    in its data-phone-columns attribute, e.g. "0,2"); a tap on the row opens the record with the rest.
 *    Only columns hidden here are shown again when the screen widens.
 *    On a tablet (601–1024 px) a table wider than its grid folds its last columns, one at a time, until it
 *    fits (never the first two, nor those named in data-phone-columns); they come back on a wider screen.
 * 2. Count fields bring up the numeric keyboard.
 * 3. On touch screens the service worker (offline-worker.js) shows the offline page when the connection is gone.
 */
(function () {
  const phone = window.matchMedia('(max-width: 600px)');
  const tablet = window.matchMedia('(min-width: 601px) and (max-width: 1024px)');

  function fit(grid) {
    const columns = [...grid.querySelectorAll('vaadin-grid-column, vaadin-grid-sort-column')]
      .filter(c => c.closest('vaadin-grid') === grid && (!c.hidden || c.__pcPhoneHidden || c.__pcTabletHidden));
    const keep = (grid.getAttribute('data-phone-columns') || '0,1').split(',').map(Number);
    let changed = false;
    // Off a tablet, the columns folded there come back first (a phone then folds its own way).
    if (!tablet.matches) {
      columns.forEach(column => {
        if (column.__pcTabletHidden) {
          column.hidden = false;
          column.__pcTabletHidden = false;
          changed = true;
        }
      });
    }
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
    if (tablet.matches && fold(grid, columns, keep)) {
      changed = true;
    }
    if (changed && grid.recalculateColumnWidths) {
      requestAnimationFrame(() => grid.recalculateColumnWidths());
    }
    return changed;
  }

  /**
   * Tablet: while the grid's table scrolls sideways (columns cut off), hide its last shown column
   * that is not kept; one per pass, the next pass measures again.
   */
  function fold(grid, columns, keep) {
    const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
    if (!grid.offsetParent || !table || table.scrollWidth - table.clientWidth <= 1) {
      return false;
    }
    const last = columns.map((column, i) => ({ column, i }))
      .filter(({ column, i }) => !column.hidden && i > 1 && !keep.includes(i)).pop();
    if (!last) {
      return false;
    }
    last.column.hidden = true;
    last.column.__pcTabletHidden = true;
    return true;
  }

  function numeric(root) {
    root.querySelectorAll('vaadin-integer-field input, vaadin-number-field.count input').forEach(input => {
      if (input.getAttribute('inputmode') !== 'numeric') {
        input.setAttribute('inputmode', 'numeric');
      }
    });
  }

  // What the sweeps did, for PhoneLayoutIT's report when a page does not fit (read as window.pcPhone).
  const stats = window.pcPhone = { sweeps: 0, last: 0, errors: [] };

  let pending = false;
  function sweep() {
    if (pending) {
      return;
    }
    pending = true;
    // On the next frame, or after 250 ms if no frame comes (a busy or throttled page delays frames,
    // and while one is awaited no other sweep is scheduled): whichever is first does the work.
    const run = () => {
      if (!pending) {
        return;
      }
      pending = false;
      let changed = false;
      stats.sweeps++;
      stats.last = Date.now();
      // One grid that cannot be fitted must not keep the others from being fitted.
      document.querySelectorAll('vaadin-grid').forEach(grid => {
        try {
          changed = fit(grid) || changed;
        } catch (e) {
          if (stats.errors.length < 5) {
            stats.errors.push(String(e));
          }
        }
      });
      numeric(document);
      // A column folded on a tablet: measure again once the grid has laid out without it.
      if (changed && tablet.matches) {
        setTimeout(sweep, 100);
      }
    };
    requestAnimationFrame(run);
    setTimeout(run, 250);
  }

  new MutationObserver(sweep).observe(document.documentElement, { childList: true, subtree: true });
  phone.addEventListener('change', sweep);
  tablet.addEventListener('change', sweep);
  // The server may reset a column's width or visibility later (a property, not a DOM change the
  // observer sees), and a grid's columns widen as its rows arrive: on a phone or a tablet, look
  // again once a second. Cheap: a few grids, a few columns each.
  setInterval(() => { if (phone.matches || tablet.matches) { sweep(); } }, 1000);
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
