import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeetingSource, meetingSourceInputSchema } from '../../../../shared/contracts/meetings-import.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveSource } from '../api.ts';

type Props = { source: MeetingSource | null; onSaved: (source: MeetingSource) => void; onCancel: () => void };

/** Add or edit a source. A source keeps its kind once created (its meetings came from there). */
export function SourceForm({ source, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveSource();
  const [kind, setKind] = useState<'url' | 'file'>(source?.kind ?? 'url');
  const [zone, setZone] = useState(source?.defaultTimezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [scheduled, setScheduled] = useState(source?.scheduled ?? false);
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          meetingSourceInputSchema,
          {
            kind,
            name: formString(data, 'name'),
            defaultTimezone: zone,
            fellowship: formString(data, 'fellowship'),
            ...(kind === 'url' ? { url: formString(data, 'url'), scheduled } : {}),
          },
          async (valid) => onSaved(await save.mutateAsync({ id: source?.id ?? null, input: valid })),
          { CONFLICT: t('meetingSources.form.nameTaken') },
        )
      }
    >
      <TextField
        name="name"
        label={t('meetingSources.form.name')}
        description={t('meetingSources.form.nameHint')}
        defaultValue={source?.name}
        maxLength={120}
        error={form.errors.name}
      />
      {source ? (
        <p className="muted">
          {t(`meetingSources.kind.${source.kind}`)} · {t('meetingSources.form.kindFixed')}
        </p>
      ) : (
        <RadioGroup label={t('meetingSources.form.kind')} value={kind} onChange={(value) => setKind(value === 'file' ? 'file' : 'url')}>
          <Radio value="url" description={t('meetingSources.form.kindUrlHint')}>
            {t('meetingSources.form.kindUrl')}
          </Radio>
          <Radio value="file" description={t('meetingSources.form.kindFileHint')}>
            {t('meetingSources.form.kindFile')}
          </Radio>
        </RadioGroup>
      )}
      {kind === 'url' ? (
        <TextField
          name="url"
          type="url"
          inputMode="url"
          label={t('meetingSources.form.url')}
          description={t('meetingSources.form.urlHint')}
          defaultValue={source?.url ?? ''}
          maxLength={2000}
          error={form.errors.url}
        />
      ) : null}
      <TimezoneField
        name="defaultTimezone"
        label={t('meetingSources.form.zone')}
        description={t('meetingSources.form.zoneHint')}
        value={zone}
        onChange={setZone}
        error={form.errors.defaultTimezone}
      />
      <TextField
        name="fellowship"
        label={t('meetingSources.form.fellowship')}
        description={t('meetingSources.form.fellowshipHint')}
        defaultValue={source?.fellowship ?? ''}
        maxLength={80}
        error={form.errors.fellowship}
      />
      {kind === 'url' ? (
        <Switch isSelected={scheduled} onChange={setScheduled} description={t('meetingSources.form.scheduledHint')}>
          {t('meetingSources.form.scheduled')}
        </Switch>
      ) : null}
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('meetingSources.form.save')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t('meetingSources.form.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
