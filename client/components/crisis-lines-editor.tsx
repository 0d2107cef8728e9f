import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../shared/contracts/organization.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { FieldErrors } from '../lib/form-errors.ts';
import { Button } from './ui/button.tsx';
import { TextField } from './ui/text-field.tsx';

export type CrisisLineDraft = { key: string; name: string; phone: string; text: string; url: string; note: string };

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `line-${nextKey}`;
}

export function toDrafts(lines: readonly CrisisLine[]): CrisisLineDraft[] {
  return lines.map((line) => ({
    key: newKey(),
    name: line.name,
    phone: line.phone ?? '',
    text: line.text ?? '',
    url: line.url ?? '',
    note: line.note ?? '',
  }));
}

/** Empty inputs mean "not given", which the contract spells as a missing key. */
export function fromDrafts(drafts: readonly CrisisLineDraft[]): CrisisLine[] {
  return drafts.map(({ name, phone, text, url, note }) => {
    const line: CrisisLine = { name: name.trim() };
    if (phone.trim()) line.phone = phone.trim();
    if (text.trim()) line.text = text.trim();
    if (url.trim()) line.url = url.trim();
    if (note.trim()) line.note = note.trim();
    return line;
  });
}

type Props = {
  value: CrisisLineDraft[];
  onChange: (value: CrisisLineDraft[]) => void;
  /** Path of the list in the submitted value, e.g. "organization.crisisLines". */
  namePrefix: string;
  errors: FieldErrors;
};

type DraftField = Exclude<keyof CrisisLineDraft, 'key'>;

export function CrisisLinesEditor({ value, onChange, namePrefix, errors }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const addRef = useRef<HTMLDivElement>(null);

  function update(index: number, field: DraftField, text: string) {
    onChange(value.map((draft, i) => (i === index ? { ...draft, [field]: text } : draft)));
  }

  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
    // The removed group's button is gone: keep keyboard focus in the editor.
    requestAnimationFrame(() => addRef.current?.querySelector<HTMLElement>('button')?.focus());
  }

  const fields: { field: DraftField; type?: 'tel' | 'url'; inputMode?: 'tel' | 'url' }[] = [
    { field: 'name' },
    { field: 'phone', type: 'tel', inputMode: 'tel' },
    { field: 'text' },
    { field: 'url', type: 'url', inputMode: 'url' },
    { field: 'note' },
  ];

  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">{t('crisisEditor.legend')}</legend>
      <p className="field-hint">{t('crisisEditor.hint')}</p>
      {errors[namePrefix] ? <p className="field-error">{errors[namePrefix]}</p> : null}
      {value.map((draft, index) => {
        const legendId = `${id}-${draft.key}`;
        return (
          <fieldset key={draft.key} className="fieldset fieldset-nested">
            <legend id={legendId} className="fieldset-legend">
              {t('crisisEditor.lineLegend', { number: index + 1 })}
            </legend>
            {fields.map(({ field, type, inputMode }) => {
              const name = `${namePrefix}.${index}.${field}`;
              return (
                <TextField
                  key={field}
                  name={name}
                  type={type}
                  inputMode={inputMode}
                  label={t(`crisisEditor.fields.${field}`)}
                  isRequired={field === 'name'}
                  value={draft[field]}
                  onChange={(text) => update(index, field, text)}
                  error={errors[name]}
                />
              );
            })}
            <Button variant="quiet" onPress={() => remove(index)} aria-describedby={legendId}>
              {t('crisisEditor.remove')}
            </Button>
          </fieldset>
        );
      })}
      <div ref={addRef}>
        <Button
          variant="secondary"
          isDisabled={value.length >= LIMITS.crisisLinesMax}
          onPress={() => onChange([...value, { key: newKey(), name: '', phone: '', text: '', url: '', note: '' }])}
        >
          {t('crisisEditor.add')}
        </Button>
      </div>
    </fieldset>
  );
}
