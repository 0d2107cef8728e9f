import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKIN_LIMITS, type Checkin } from '../../../../shared/contracts/checkins.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { addDays, formatDay } from '../../../lib/local-day.ts';
import { droppedWrites } from '../../../lib/offline-queue.ts';
import { usePendingWrites } from '../../../lib/offline-sync.ts';
import type { RecentCheckins } from '../api/checkins.ts';
import { CheckinForm } from './checkin-form.tsx';

/** From this craving up, saving shows the member's reasons and the safety plan. */
export const HIGH_CRAVING = 7;

type Props = {
  recent: RecentCheckins;
  /** The kind screen after a hard check-in (reasons, coping, safety plan); `back` returns to the form. */
  renderSupport: (back: () => void) => ReactNode;
};

/** Today's check-in (edited again if already made), or a missed day of the last 30 marked as backfilled. */
export function DailyCheckin({ recent, renderSupport }: Props) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(recent.today);
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState<Checkin | null>(null);
  // Shown after a hard check-in, whether it was sent or is waiting on this phone.
  const [support, setSupport] = useState(false);
  // Saved offline in this visit: "saved on this phone" while it waits, "sent" once the outbox is empty.
  const [queued, setQueued] = useState(false);
  const waiting = usePendingWrites();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const existing = recent.byDate.get(day) ?? null;
  const isToday = day === recent.today;

  useEffect(() => {
    if (support) headingRef.current?.focus();
  }, [support]);

  if (support) {
    return (
      <section className="stack support-screen" aria-labelledby="support-heading">
        <h2 id="support-heading" ref={headingRef} tabIndex={-1}>
          {t('checkin.support.title')}
        </h2>
        {renderSupport(() => setSupport(false))}
      </section>
    );
  }

  const missedDays = Array.from({ length: CHECKIN_LIMITS.backfillDays }, (_, index) => addDays(recent.today, -(index + 1))).filter(
    (candidate) => candidate >= recent.earliest,
  );
  const dayLabel = formatDay(day, i18n.language);

  return (
    <div className="stack">
      <div className="card stack checkin-day">
        <div className="card-title-row">
          <h2 id="checkin-day-heading">{isToday ? t('checkin.today', { day: dayLabel }) : t('checkin.pastDay', { day: dayLabel })}</h2>
          {existing?.backfilled || !isToday ? <StatusBadge tone="neutral">{t('checkin.backfilled')}</StatusBadge> : null}
        </div>
        {existing ? <p className="field-hint">{t(isToday ? 'checkin.editingToday' : 'checkin.editingDay')}</p> : null}
        {picking ? (
          <SelectField
            name="day"
            label={t('checkin.whichDay')}
            description={t('checkin.whichDayHint')}
            value={isToday ? '' : day}
            onChange={(value) => {
              setSaved(null);
              setQueued(false);
              setDay(value || recent.today);
            }}
            options={[
              { value: '', label: t('checkin.chooseDay') },
              ...missedDays.map((candidate) => ({
                value: candidate,
                label: recent.byDate.has(candidate)
                  ? t('checkin.dayDone', { day: formatDay(candidate, i18n.language) })
                  : formatDay(candidate, i18n.language),
              })),
            ]}
          />
        ) : null}
        <div className="button-row">
          {picking ? (
            <Button
              variant="secondary"
              onPress={() => {
                setPicking(false);
                setSaved(null);
                setDay(recent.today);
              }}
            >
              {t('checkin.backToToday')}
            </Button>
          ) : (
            <Button variant="secondary" onPress={() => setPicking(true)}>
              {t('checkin.missedDay')}
            </Button>
          )}
        </div>
      </div>
      {queued && waiting > 0 ? <FormAlert tone="info">{t('checkin.queued')}</FormAlert> : null}
      {queued && waiting === 0 && droppedWrites().length === 0 ? <FormAlert tone="success">{t('checkin.sent')}</FormAlert> : null}
      {saved ? <FormAlert tone="success">{t('checkin.saved', { day: formatDay(saved.localDate, i18n.language) })}</FormAlert> : null}
      <CheckinForm
        key={`${day}-${existing?.updatedAt ?? 'new'}`}
        localDate={day}
        existing={existing}
        onQueued={(checkin) => {
          setSaved(null);
          setQueued(true);
          if (checkin.craving >= HIGH_CRAVING) setSupport(true);
        }}
        onSaved={(checkin) => {
          setQueued(false);
          if (checkin.craving >= HIGH_CRAVING) {
            setSaved(null);
            setSupport(true);
          } else {
            setSaved(checkin);
          }
        }}
      />
    </div>
  );
}
