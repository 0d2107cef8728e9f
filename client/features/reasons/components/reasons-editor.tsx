import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putReasonsSchema, REASON_LIMITS } from '../../../../shared/contracts/reasons.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveReasons } from '../api/reasons.ts';

type Item = { id: number; text: string };

/** Edit the ordered list: change a reason in place, add one, remove one, move one up or down; then save the whole list. */
export function ReasonsEditor({ initial }: { initial: string[] }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveReasons();
  const nextId = useRef(initial.length);
  const [items, setItems] = useState<Item[]>(() => initial.map((text, id) => ({ id, text })));
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const { isSaved, clearSaved, markSaved } = useSavedNotice();
  const listId = useId();

  function change(next: Item[], message: string) {
    setItems(next);
    setAnnouncement(message);
    clearSaved();
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(target, 0, item);
    change(next, t('reasons.moved', { position: target + 1, count: next.length }));
    // Keep focus on the same button of the moved reason, so pressing it again keeps moving it.
    requestAnimationFrame(() => document.getElementById(`${listId}-${item.id}-${by === -1 ? 'up' : 'down'}`)?.focus());
  }

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={() => {
        // A reason typed in the "add" box but not yet added is saved too, rather than lost.
        const list = [...items.map((item) => item.text), draft].map((text) => text.trim()).filter(Boolean);
        return form.submit(putReasonsSchema, { reasons: list }, async (valid) => {
          const saved = await save.mutateAsync(valid.reasons);
          const base = nextId.current;
          nextId.current += saved.reasons.length;
          setItems(saved.reasons.map((text, index) => ({ id: base + index, text })));
          setDraft('');
          markSaved();
        });
      }}
    >
      {items.length === 0 ? <p className="empty">{t('reasons.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="reason-editor-list">
          {items.map((item, index) => (
            <li key={item.id} className="card stack reason-editor-item">
              <TextField
                name={`reasons.${index}`}
                label={t('reasons.itemLabel', { number: index + 1 })}
                value={item.text}
                onChange={(text) => setItems(items.map((other) => (other.id === item.id ? { ...other, text } : other)))}
                maxLength={REASON_LIMITS.textMax}
                error={form.errors[`reasons.${index}`]}
              />
              <div className="button-row">
                <Button
                  id={`${listId}-${item.id}-up`}
                  variant="secondary"
                  isDisabled={index === 0}
                  aria-label={t('reasons.moveUpLabel', { number: index + 1 })}
                  onPress={() => move(index, -1)}
                >
                  {t('reasons.moveUp')}
                </Button>
                <Button
                  id={`${listId}-${item.id}-down`}
                  variant="secondary"
                  isDisabled={index === items.length - 1}
                  aria-label={t('reasons.moveDownLabel', { number: index + 1 })}
                  onPress={() => move(index, 1)}
                >
                  {t('reasons.moveDown')}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('reasons.removeLabel', { number: index + 1 })}
                  onPress={() =>
                    change(
                      items.filter((other) => other.id !== item.id),
                      t('reasons.removed'),
                    )
                  }
                >
                  {t('reasons.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="card stack">
        <TextField
          name="newReason"
          label={t('reasons.add')}
          description={t('reasons.addHint')}
          value={draft}
          onChange={setDraft}
          maxLength={REASON_LIMITS.textMax}
        />
        <Button
          variant="secondary"
          isDisabled={draft.trim() === '' || items.length >= REASON_LIMITS.itemsMax}
          onPress={() => {
            const id = nextId.current;
            nextId.current += 1;
            change([...items, { id, text: draft.trim() }], t('reasons.added', { count: items.length + 1 }));
            setDraft('');
          }}
        >
          {t('reasons.addButton')}
        </Button>
        {items.length >= REASON_LIMITS.itemsMax ? (
          <p className="field-hint">{t('reasons.full', { count: REASON_LIMITS.itemsMax })}</p>
        ) : null}
      </div>
      {isSaved ? <FormAlert tone="success">{t('reasons.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('reasons.save')}
      </Button>
    </ValidatedForm>
  );
}
