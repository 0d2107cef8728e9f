import type { ReactNode } from 'react';
import { PageSection } from './page-section.tsx';
import { TableWrap } from './table-wrap.tsx';

interface Props<Row> {
  /** The section heading's id, which also names the table for assistive technology. */
  id: string;
  title: string;
  /** The column headings, in order; a row's first cell is its header (`<th scope="row">`). */
  columns: readonly string[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The cells of one row. */
  cells: (row: Row) => ReactNode;
  /** What to say instead of an empty table; without it an empty table is shown. */
  empty?: string;
}

/** A page section holding one data table that scrolls sideways on a phone, or a line saying it is empty. */
export function TableSection<Row>({ id, title, columns, rows, rowKey, cells, empty }: Props<Row>) {
  return (
    <PageSection id={id} title={title}>
      {rows.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <TableWrap labelledBy={id}>
          <table className="data-table">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>{cells(row)}</tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </PageSection>
  );
}
