/** The single row an INSERT … RETURNING or a keyed SELECT must produce; anything else is a bug, not input. */
export function onlyRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('Expected one row, got none');
  return row;
}
