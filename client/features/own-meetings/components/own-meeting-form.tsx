import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_MODES } from '../../../../shared/contracts/meetings-feed.ts';
import { FELLOWSHIP_SUGGESTIONS, type OwnMeeting, ownMeetingInputSchema } from '../../../../shared/contracts/own-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ComboField } from '../../../components/ui/combo-field.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveOwnMeeting } from '../api.ts';
import { type Draft, draftErrorKey, draftOf, emptyDraft, inputOf, type TextKey } from '../draft.ts';
import { TypeChoices } from './type-choices.tsx';

type Props = {
  meeting: OwnMeeting | null;
  defaultTimezone: string;
  onSaved: (meeting: OwnMeeting, created: boolean) => void;
  onCancel: () => void;
};

/** 2023-01-01 was a Sunday: day 0 of the Meeting Guide week. */
export const weekdayName = (day: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset fieldset-nested">
      <legend className="fieldset-legend">{title}</legend>
      <div className="stack">{children}</div>
    </fieldset>
  );
}

function TimeInput({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="time"
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Create or edit one of the organization's own meetings; the server cleans it like a feed record. */
export function OwnMeetingForm({ meeting, defaultTimezone, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveOwnMeeting();
  const [draft, setDraft] = useState<Draft>(() => (meeting ? draftOf(meeting) : emptyDraft(defaultTimezone)));
  const days = useMemo(
    () => [0, 1, 2, 3, 4, 5, 6].map((day) => ({ value: String(day), label: weekdayName(day, i18n.language) })),
    [i18n.language],
  );

  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(form.errors)) errors[draftErrorKey(path)] ??= message;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    form.clearField(key);
  };
  const label = (key: TextKey, optional = true) =>
    optional ? `${t(`ownMeetings.fields.${key}`)} ${t('ownMeetings.optional')}` : t(`ownMeetings.fields.${key}`);
  const text = (key: TextKey, options: { type?: 'email' | 'url' | 'tel'; multiline?: boolean; hint?: string; optional?: boolean } = {}) => (
    <TextField
      name={key}
      label={label(key, options.optional ?? true)}
      type={options.type}
      multiline={options.multiline}
      description={options.hint}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      error={errors[key]}
    />
  );

  return (
    <ValidatedForm
      form={form}
      onValues={() =>
        form.submit(ownMeetingInputSchema, inputOf(draft, meeting?.contacts), async (input) => {
          const saved = await save.mutateAsync({ id: meeting?.id ?? null, input });
          onSaved(saved, meeting === null);
        })
      }
    >
      <Section title={t('ownMeetings.sections.basics')}>
        {text('name', { optional: false })}
        <ComboField
          name="fellowship"
          label={`${t('ownMeetings.fields.fellowship')} ${t('ownMeetings.optional')}`}
          description={t('ownMeetings.fields.fellowshipHint')}
          options={FELLOWSHIP_SUGGESTIONS.map((name) => ({ id: name, label: name }))}
          value={draft.fellowship}
          onChange={(value) => set('fellowship', value)}
          error={errors.fellowship}
          allowsCustomValue
          showAllLabel={t('ownMeetings.fields.fellowship')}
        />
        <RadioGroup
          name="attendanceMode"
          label={t('ownMeetings.fields.attendanceMode')}
          description={t('ownMeetings.fields.attendanceHint')}
          value={draft.attendanceMode}
          onChange={(value) => set('attendanceMode', value as Draft['attendanceMode'])}
          error={errors.attendanceMode}
        >
          {ATTENDANCE_MODES.map((mode) => (
            <Radio key={mode} value={mode}>
              {t(`ownMeetings.mode.${mode}`)}
            </Radio>
          ))}
        </RadioGroup>
      </Section>

      <Section title={t('ownMeetings.sections.when')}>
        <RadioGroup
          name="schedule"
          label={t('ownMeetings.fields.schedule')}
          value={draft.schedule}
          onChange={(value) => set('schedule', value as Draft['schedule'])}
          error={errors.schedule}
        >
          <Radio value="weekly">{t('ownMeetings.fields.weekly')}</Radio>
          <Radio value="appointment">{t('ownMeetings.fields.appointment')}</Radio>
        </RadioGroup>
        {draft.schedule === 'weekly' ? (
          <>
            <SelectField
              name="day"
              label={t('ownMeetings.fields.day')}
              options={days}
              value={draft.day}
              onChange={(value) => set('day', value)}
              error={errors.day}
            />
            <TimeInput
              label={t('ownMeetings.fields.time')}
              value={draft.time}
              onChange={(value) => set('time', value)}
              error={errors.time}
              hint={t('ownMeetings.fields.timeHint')}
            />
            <TimeInput label={label('endTime')} value={draft.endTime} onChange={(value) => set('endTime', value)} error={errors.endTime} />
          </>
        ) : null}
        <TimezoneField
          name="timezone"
          label={t('ownMeetings.fields.timezone')}
          description={t('ownMeetings.fields.timezoneHint')}
          value={draft.timezone}
          onChange={(value) => set('timezone', value)}
          error={errors.timezone}
        />
      </Section>

      <Section title={t('ownMeetings.sections.where')}>
        {text('location')}
        {text('address', { optional: draft.attendanceMode === 'online' || draft.attendanceMode === 'inactive' })}
        {text('city')}
        {text('state')}
        {text('postalCode')}
        {text('country')}
        {text('formattedAddress', { hint: t('ownMeetings.fields.formattedAddressHint') })}
        {text('locationNotes', { multiline: true })}
        {text('latitude', { hint: t('ownMeetings.fields.coordinatesHint') })}
        {text('longitude')}
        {text('regions', { hint: t('ownMeetings.fields.regionsHint') })}
      </Section>

      <Section title={t('ownMeetings.sections.online')}>
        {text('conferenceUrl', { type: 'url', hint: t('ownMeetings.fields.conferenceUrlHint') })}
        {text('conferenceUrlNotes', { multiline: true })}
        {text('conferencePhone', { type: 'tel' })}
        {text('conferencePhoneNotes', { multiline: true })}
      </Section>

      <Section title={t('ownMeetings.sections.types')}>
        <TypeChoices value={draft.types} onChange={(types) => set('types', types)} error={errors.types} />
      </Section>

      <Section title={t('ownMeetings.sections.contact')}>
        <p className="field-hint">{t('ownMeetings.fields.contactHint')}</p>
        {text('notes', { multiline: true })}
        {text('group')}
        {text('groupNotes', { multiline: true })}
        {text('website', { type: 'url' })}
        {text('email', { type: 'email' })}
        {text('phone', { type: 'tel' })}
        {text('contactName')}
        {text('contactEmail', { type: 'email' })}
        {text('contactPhone', { type: 'tel' })}
      </Section>

      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {meeting ? t('ownMeetings.save') : t('ownMeetings.create')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t('ownMeetings.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
