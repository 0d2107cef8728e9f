import { useTranslation } from 'react-i18next';
import { GUIDE_LANGUAGES, GUIDE_LIMITS, type MeetingGuide, meetingGuideInputSchema } from '../../../../shared/contracts/meeting-guides.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveGuide } from '../api/meeting-guides.ts';

/** Write or edit one guide. The body is plain text: what is typed is what people read. */
export function GuideForm({
  guide,
  onSaved,
  onCancel,
}: {
  guide: MeetingGuide | null;
  onSaved: (guide: MeetingGuide) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveGuide();
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          meetingGuideInputSchema,
          {
            slug: formString(data, 'slug'),
            language: formString(data, 'language'),
            title: formString(data, 'title'),
            fellowship: formString(data, 'fellowship'),
            typeCode: formString(data, 'typeCode'),
            body: formString(data, 'body'),
          },
          async (valid) => onSaved(await save.mutateAsync({ id: guide?.id ?? null, input: valid })),
          { CONFLICT: t('guides.admin.slugTaken') },
        )
      }
    >
      <TextField
        name="title"
        label={t('guides.admin.titleField')}
        defaultValue={guide?.title}
        maxLength={GUIDE_LIMITS.titleMax}
        error={form.errors.title}
      />
      <TextField
        name="slug"
        label={t('guides.admin.slug')}
        description={t('guides.admin.slugHint')}
        defaultValue={guide?.slug}
        maxLength={GUIDE_LIMITS.slugMax}
        spellCheck={false}
        error={form.errors.slug}
      />
      <SelectField
        name="language"
        label={t('guides.admin.language')}
        defaultValue={guide?.language ?? 'en'}
        options={GUIDE_LANGUAGES.map((value) => ({ value, label: t(`guides.admin.languages.${value}`) }))}
        error={form.errors.language}
      />
      <TextField
        name="fellowship"
        label={t('guides.admin.fellowship')}
        description={t('guides.admin.fellowshipHint')}
        defaultValue={guide?.fellowship ?? ''}
        maxLength={GUIDE_LIMITS.fellowshipMax}
        error={form.errors.fellowship}
      />
      <TextField
        name="typeCode"
        label={t('guides.admin.typeCode')}
        description={t('guides.admin.typeCodeHint')}
        defaultValue={guide?.typeCode ?? ''}
        maxLength={GUIDE_LIMITS.typeCodeMax}
        spellCheck={false}
        error={form.errors.typeCode}
      />
      <TextField
        name="body"
        label={t('guides.admin.body')}
        description={t('guides.admin.bodyHint')}
        defaultValue={guide?.body}
        maxLength={GUIDE_LIMITS.bodyMax}
        multiline
        error={form.errors.body}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('guides.admin.save')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t('guides.admin.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
