import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WEEKLY_SLOTS, type WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useCoachingLabels } from './coaching-labels.ts';

type Props = { legend: string; hint?: string; value: WeeklySlot[]; onChange: (slots: WeeklySlot[]) => void; error?: string | undefined };

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Weekly times as rows of day + from + to; rows can be added and removed. */
export function WeeklySlotsField({ legend, hint, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const labels = useCoachingLabels();
  const id = useId();
  const set = (index: number, patch: Partial<WeeklySlot>) => onChange(value.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)));
  return (
    <fieldset className="fieldset" aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}>
      <legend className="fieldset-legend">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {value.length === 0 ? <p className="muted">{t('coaching.slots.none')}</p> : null}
      <ul className="slot-list">
        {value.map((slot, index) => {
          const rowLabel = labels.slot(slot);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <li key={index} className="slot-row">
              <label className="field">
                <span className="field-label">{t('coaching.slots.day')}</span>
                <select className="input select" value={slot.day} onChange={(event) => set(index, { day: Number(event.target.value) })}>
                  {DAYS.map((day) => (
                    <option key={day} value={day}>
                      {labels.day(day)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('coaching.slots.from')}</span>
                <input className="input" type="time" value={slot.start} onChange={(event) => set(index, { start: event.target.value })} />
              </label>
              <label className="field">
                <span className="field-label">{t('coaching.slots.to')}</span>
                <input className="input" type="time" value={slot.end} onChange={(event) => set(index, { end: event.target.value })} />
              </label>
              <Button
                variant="quiet"
                aria-label={`${t('coaching.slots.remove')}: ${rowLabel}`}
                onPress={() => onChange(value.filter((_, i) => i !== index))}
              >
                {t('coaching.slots.remove')}
              </Button>
            </li>
          );
        })}
      </ul>
      {value.length < MAX_WEEKLY_SLOTS ? (
        <Button variant="secondary" onPress={() => onChange([...value, { day: 1, start: '18:00', end: '20:00' }])}>
          {t('coaching.slots.add')}
        </Button>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
