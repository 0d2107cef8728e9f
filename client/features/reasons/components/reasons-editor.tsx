import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putReasonsSchema, REASON_LIMITS } from '../../../../shared/contracts/reasons.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmContent } from '../../../components/ui/confirm-dialog.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useLeaveGuard } from '../../../lib/use-leave-guard.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveReasons } from '../api/reasons.ts';

type Item = { id: number; text: string };
type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const listOf = (items: readonly Item[]) => items.map((item) => item.text.trim()).filter(Boolean);
/** A pause in typing before a change to a reason's words is saved. */
const TYPING_PAUSE_MS = 800;

/**
 * Edit the ordered list: change a reason in place, add one, remove one, move one up or down. Every
 * change is saved as it is made (words after a pause in typing), one save at a time, so nothing added
 * is lost by leaving; leaving while something is not saved yet (a failed save, words typed in the
 * "add" box) asks first.
 */
export function ReasonsEditor({ initial }: { initial: string[] }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveReasons();
  const nextId = useRef(initial.length);
  const [items, setItems] = useState<Item[]>(() => initial.map((text, id) => ({ id, text })));
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [lastSaved, setLastSaved] = useState<string[]>(initial);
  const listId = useId();
  const latest = useRef(items);
  latest.current = items;
  const saving = useRef(false);
  const again = useRef(false);
  const typing = useRef(false);

  const persist = useCallback(async () => {
    if (saving.current) {
      again.current = true;
      return;
    }
    saving.current = true;
    setSaveState('saving');
    const list = listOf(latest.current);
    let ok = false;
    await form.submit(putReasonsSchema, { reasons: list }, async (valid) => {
      await save.mutateAsync(valid.reasons);
      ok = true;
    });
    saving.current = false;
    if (ok) setLastSaved(list);
    setSaveState(ok ? 'saved' : 'failed');
    if (again.current) {
      again.current = false;
      void persist();
    }
  }, [form.submit, save.mutateAsync]);

  // The list as it would be saved, as a key: each change of it (re)starts the wait before saving.
  const currentKey = JSON.stringify(listOf(items));
  const savedKey = JSON.stringify(lastSaved);
  const unsavedList = currentKey !== savedKey;
  useEffect(() => {
    if (currentKey === savedKey) return;
    const timer = setTimeout(() => void persist(), typing.current ? TYPING_PAUSE_MS : 0);
    typing.current = false;
    return () => clearTimeout(timer);
  }, [currentKey, savedKey, persist]);

  const blocker = useLeaveGuard(unsavedList || saveState === 'saving' || draft.trim() !== '');

  function change(next: Item[], message: string) {
    setItems(next);
    setAnnouncement(message);
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

  function add() {
    const id = nextId.current;
    nextId.current += 1;
    change([...items, { id, text: draft.trim() }], t('reasons.added', { count: items.length + 1 }));
    setDraft('');
  }

  return (
    <ValidatedForm
      form={form}
      // Enter in the "add" box adds the reason (and so saves it).
      onValues={async () => {
        if (draft.trim() !== '' && items.length < REASON_LIMITS.itemsMax) add();
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
                onChange={(text) => {
                  typing.current = true;
                  setItems(items.map((other) => (other.id === item.id ? { ...other, text } : other)));
                }}
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
        <Button variant="secondary" isDisabled={draft.trim() === '' || items.length >= REASON_LIMITS.itemsMax} onPress={add}>
          {t('reasons.addButton')}
        </Button>
        {items.length >= REASON_LIMITS.itemsMax ? (
          <p className="field-hint">{t('reasons.full', { count: REASON_LIMITS.itemsMax })}</p>
        ) : null}
      </div>
      <p className="muted" role="status">
        {saveState === 'saving' ? t('reasons.saving') : null}
        {saveState === 'saved' && !unsavedList ? t('reasons.saved') : null}
      </p>
      {saveState === 'failed' ? (
        <FormAlert>
          {t('reasons.saveFailed')}{' '}
          <Button variant="secondary" onPress={() => void persist()}>
            {t('reasons.retry')}
          </Button>
        </FormAlert>
      ) : null}
      <ModalDialog
        title={t('reasons.leaveTitle')}
        role="alertdialog"
        isOpen={blocker.state === 'blocked'}
        onOpenChange={(open) => {
          if (!open && blocker.state === 'blocked') blocker.reset();
        }}
      >
        {() => (
          <ConfirmContent
            error={null}
            pending={false}
            danger
            confirmLabel={t('reasons.leave')}
            onConfirm={() => blocker.proceed?.()}
            onCancel={() => blocker.reset?.()}
          >
            <p>{draft.trim() !== '' ? t('reasons.leaveDraft') : t('reasons.leaveUnsaved')}</p>
          </ConfirmContent>
        )}
      </ModalDialog>
    </ValidatedForm>
  );
}
