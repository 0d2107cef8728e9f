import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createEventSchema, EVENT_KINDS, EVENT_LIMITS, type Event, type EventKind } from '../../../../shared/contracts/events.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCreateEvent, useUpdateEvent } from '../api/events.ts';

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A week from now at `hour`:00 on this device's clock, as a datetime-local value. */
function nextWeekAt(hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + 7);
  date.setHours(hour, 0, 0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

type Props = { event?: Event; onSaved?: (event: Event) => void };

/**
 * Create or change an event. Times are typed as wall-clock times in the chosen zone (the organizer's by
 * default), and the server turns them into instants, so "18:30 in Chicago" stays 18:30 there whatever
 * zone the organizer's device is in.
 */
export function EventForm({ event, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const [kind, setKind] = useState<EventKind>(event?.kind ?? 'social');
  const [zone, setZone] = useState(event?.timezone ?? deviceZone());
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();
  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const capacity = formString(data, 'capacity').trim();
        const input = {
          kind,
          title: formString(data, 'title'),
          description: formString(data, 'description'),
          startsAt: formString(data, 'startsAt'),
          endsAt: formString(data, 'endsAt'),
          timezone: zone,
          location: formString(data, 'location').trim() || null,
          address: formString(data, 'address').trim() || null,
          conferenceUrl: formString(data, 'conferenceUrl').trim() || null,
          capacity: capacity === '' ? null : Number(capacity),
        };
        return form.submit(
          createEventSchema,
          input,
          async (valid) => {
            const saved = event ? await update.mutateAsync(valid) : await create.mutateAsync(valid);
            if (!event) {
              form.resetInputs();
              setKind('social');
            }
            markSaved();
            onSaved?.(saved);
          },
          { CONFLICT: event ? t('events.form.capacityTooLow') : undefined },
        );
      }}
    >
      <RadioGroup
        label={t('events.form.kind')}
        value={kind}
        onChange={edited((value) => setKind(value as EventKind))}
        error={form.errors.kind}
      >
        {EVENT_KINDS.map((option) => (
          <Radio key={option} value={option}>
            {t(`events.kinds.${option}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField
        name="title"
        label={t('events.form.title')}
        defaultValue={event?.title ?? ''}
        maxLength={EVENT_LIMITS.titleMax}
        isRequired
        error={form.errors.title}
      />
      <TextField
        name="description"
        multiline
        label={t('events.form.description')}
        description={t('events.form.descriptionHint')}
        defaultValue={event?.description ?? ''}
        maxLength={EVENT_LIMITS.descriptionMax}
        error={form.errors.description}
      />
      <TextField
        name="startsAt"
        type="datetime-local"
        label={t('events.form.startsAt')}
        defaultValue={event?.localStartsAt ?? nextWeekAt(18)}
        isRequired
        error={form.errors.startsAt}
      />
      <TextField
        name="endsAt"
        type="datetime-local"
        label={t('events.form.endsAt')}
        defaultValue={event?.localEndsAt ?? nextWeekAt(20)}
        isRequired
        error={form.errors.endsAt}
      />
      <TimezoneField
        name="timezone"
        label={t('events.form.timezone')}
        value={zone}
        onChange={edited(setZone)}
        error={form.errors.timezone}
      />
      <TextField
        name="location"
        label={t('events.form.location')}
        defaultValue={event?.location ?? ''}
        maxLength={EVENT_LIMITS.locationMax}
        error={form.errors.location}
      />
      <TextField
        name="address"
        label={t('events.form.address')}
        defaultValue={event?.address ?? ''}
        maxLength={EVENT_LIMITS.addressMax}
        error={form.errors.address}
      />
      <TextField
        name="conferenceUrl"
        type="url"
        inputMode="url"
        label={t('events.form.conferenceUrl')}
        defaultValue={event?.conferenceUrl ?? ''}
        error={form.errors.conferenceUrl}
      />
      <TextField
        name="capacity"
        inputMode="numeric"
        label={t('events.form.capacity')}
        description={t('events.form.capacityHint')}
        defaultValue={event?.capacity === null || event?.capacity === undefined ? '' : String(event.capacity)}
        error={form.errors.capacity}
      />
      {isSaved ? <FormAlert tone="success">{event ? t('events.form.saved') : t('events.form.created')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {event ? t('events.form.save') : t('events.form.create')}
      </Button>
    </ValidatedForm>
  );
}
