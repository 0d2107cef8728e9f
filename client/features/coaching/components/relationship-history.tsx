import { useTranslation } from 'react-i18next';
import type { RelationshipEvent } from '../../../../shared/contracts/coaching.ts';
import { formatDateTime } from '../../../lib/format.ts';

/** Every change of status, oldest first: when, what, by whom, why. */
export function RelationshipHistory({ events }: { events: RelationshipEvent[] }) {
  const { t } = useTranslation();
  return (
    <ol className="plain-points history-list">
      {events.map((event, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: events are append-only and never reorder
        <li key={index}>
          {t('coaching.history.event', { date: formatDateTime(event.at), status: t(`coaching.statuses.${event.toStatus}`) })}
          {event.actor ? ` ${t('coaching.history.by', { alias: event.actor.alias })}` : null}
          {event.reason ? ` ${t('coaching.history.reason', { reason: event.reason })}` : null}
        </li>
      ))}
    </ol>
  );
}
