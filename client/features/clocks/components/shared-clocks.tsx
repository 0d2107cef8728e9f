import { useTranslation } from 'react-i18next';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { useSharedClocks } from '../api/clocks.ts';
import { ClockCard } from './clock-card.tsx';

/** Someone's clocks through their `clock` grant: days, milestones reached and next; never when earlier runs ended. */
export function SharedClocks({ personId, alias }: { personId: string; alias: string }) {
  const { t } = useTranslation();
  const clocks = useSharedClocks(personId);
  return (
    <SharedRecord query={clocks} alias={alias}>
      {(data) =>
        data.clocks.length === 0 ? (
          <p className="empty">{t('personView.clocks.none', { alias })}</p>
        ) : (
          <ul className="card-list">
            {data.clocks.map((clock) => (
              <ClockCard key={clock.id} clock={clock} readOnly />
            ))}
          </ul>
        )
      }
    </SharedRecord>
  );
}
