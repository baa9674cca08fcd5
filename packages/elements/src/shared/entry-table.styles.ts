import { css } from 'lit';

/**
 * The entry table of the list elements (`entry-table.ts`): a plain table on wide screens; below
 * 36rem of the element's own width (a container query, so it follows the space the host gives,
 * not the window) each row becomes a block whose cells carry their column's label, so nothing
 * scrolls sideways or overprints at 390 px. Printing shows every row, none split across pages.
 */
export const entryTableStyles = css`
  :host {
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: calc(var(--_space) * 2);
  }
  th,
  td {
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_surface-muted);
    font-weight: 700;
    /* Headers wrap between words only ("Signifi-cance" is no header). */
    overflow-wrap: normal;
  }
  tbody th {
    /* The term leads, but leaves the other columns room to read on one or two lines. */
    width: 40%;
    font-weight: 600;
  }
  .nowrap {
    white-space: nowrap;
  }
  .secondary {
    display: block;
    color: var(--_text-secondary);
    font-size: 0.875rem;
    font-weight: 400;
  }
  @container (max-width: 36rem) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      padding: var(--_space) 0;
      border-bottom: 1px solid var(--_border);
    }
    tbody th,
    td {
      width: auto;
      padding: calc(var(--_space) * 0.25) var(--_space);
      border: 0;
    }
    td {
      display: grid;
      grid-template-columns: minmax(7rem, 35%) minmax(0, 1fr);
      gap: var(--_space);
    }
    /* The label for sighted readers only: assistive technology has the column header already. */
    td::before {
      content: attr(data-label) / '';
      color: var(--_text-secondary);
      font-weight: 600;
      overflow-wrap: normal;
    }
    .nowrap {
      white-space: normal;
    }
  }
  @media print {
    tr {
      break-inside: avoid;
    }
  }
`;
