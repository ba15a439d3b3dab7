/*
 * Accessibility repairs of Vaadin components that our Java code cannot reach (loaded by the app frame).
 * 1. A required Select: Vaadin puts aria-required on its value button, whose role "button" does not
 *    allow it (vaadin/web-components#7337; axe-core aria-allowed-attr, critical), so screen readers may
 *    drop it. That button opens a list box and shows the choice: it is a select-only combobox (WAI-ARIA
 *    APG), a role that carries aria-required and aria-expanded, which Vaadin already keeps up to date.
 *    Remove this once Vaadin fixes the issue.
 * 2. Enter on a grid row opens it, as a click does (Vaadin's grid only activates a row with Space).
 *    Only on a cell without anything focusable of its own: there Enter keeps its meaning (Vaadin
 *    moves into the cell's button or link).
 */
(function () {
  function requiredSelects(root) {
    root.querySelectorAll('vaadin-select-value-button').forEach(button => {
      const required = button.getAttribute('aria-required') === 'true';
      if (required && button.getAttribute('role') !== 'combobox') {
        button.setAttribute('role', 'combobox');
      } else if (!required && button.getAttribute('role') === 'combobox') {
        button.setAttribute('role', 'button');
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
      requiredSelects(document);
    });
  }

  document.addEventListener('keydown', e => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    const path = e.composedPath();
    const grid = path.find(n => n.localName === 'vaadin-grid');
    const cell = path.find(n => n.localName === 'td' && (n.getAttribute('part') || '').includes('body-cell'));
    if (!grid || !cell || cell.getRootNode() !== grid.shadowRoot) {
      return;
    }
    const slot = cell.querySelector('slot');
    const content = slot && slot.assignedElements()[0];
    if (!content || content.querySelector('a, button, vaadin-button, input, [tabindex]')) {
      return;
    }
    // The click goes through the grid like a pointer's, so the server's item-click listener opens the row.
    content.click();
  }, true);

  // New fields (childList) and fields made required or optional later (the attribute itself).
  new MutationObserver(sweep).observe(document.documentElement,
    { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-required'] });
  sweep();
})();
