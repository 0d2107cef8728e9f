/**
 * A count beside a link's name (unread messages, new notifications). The number is only for the eye:
 * the link's accessible name says it in words (see `nameWithCount`), so the badge is hidden from screen readers.
 */
export function CountBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="badge badge-alert count-badge" aria-hidden="true">
      {count > 99 ? '99+' : count}
    </span>
  );
}

/** "Messages, 2 unread" when there is something to count, otherwise just "Messages". */
export function nameWithCount(name: string, count: number, inWords: (count: number) => string): string {
  return count > 0 ? `${name}, ${inWords(count)}` : name;
}
