import { useEffect } from 'react';

// Below 996 px the Europa Component Library stacks a table's cells, each showing its column's name
// from the cell's `data-ecl-table-header` (ECL's own script sets it on pages rendered once). The
// console's pages render and re-render, so the labels follow what is on the page: every table's
// cell is named by its column's header, in the page's language, unless the cell names itself.

const SET_HERE = 'data-header-from-column';

const headerText = (th: HTMLTableCellElement) => (th.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Names every stacked cell under `root` by its column's header (its last header row, spans counted). */
export function labelStackedCells(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.ecl-table:not(.ecl-table--simple)')) {
    const head = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!head) continue;
    const headers = [...head.cells].flatMap((th) => Array<string>(th.colSpan).fill(headerText(th)));
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const header = headers[column];
          column += cell.colSpan;
          const own = cell.hasAttribute('data-ecl-table-header') && !cell.hasAttribute(SET_HERE);
          if (own || !header || cell.getAttribute('data-ecl-table-header') === header) continue;
          cell.setAttribute('data-ecl-table-header', header);
          cell.setAttribute(SET_HERE, '');
        }
      }
    }
  }
}

/** Keeps the stacked cells of the element `selector` names labelled while its content changes. */
export function useStackedTableLabels(selector: string): void {
  useEffect(() => {
    const root = document.querySelector(selector);
    if (!root) return;
    let pending = 0;
    const label = () => {
      pending = 0;
      labelStackedCells(root);
    };
    label();
    const observer = new MutationObserver(() => {
      pending ||= requestAnimationFrame(label);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(pending);
    };
  }, [selector]);
}
