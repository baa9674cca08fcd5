import { css } from 'lit';

/** The table of values beside a trend chart (results, blood pressure): scrolls in its own box. */
export const trendTableStyles = css`
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: var(--_space);
      border-bottom: 1px solid var(--_border);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      background: var(--_header-background);
      white-space: nowrap;
    }
    tbody th {
      font-weight: 400;
    }
    .date {
      white-space: nowrap;
    }
`;
