import { type ReactNode, useRef, useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/form-errors.ts';
import { Button } from './button.tsx';
import { ModalDialog } from './modal-dialog.tsx';

type Props = {
  /** Visible text of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Id of the element naming what the trigger acts on (e.g. the row's title), for screen readers. */
  triggerDescribedBy?: string;
  isDisabled?: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  danger?: boolean;
};

type FocusHome = { item: Element | null; section: Element | null };

/** Where focus should go if the trigger is gone: the same list item's last button (e.g. "Enable" replacing
 * "Disable"), else the heading of the section the item was in (e.g. after a revoked grant leaves the list). */
function refocus({ item, section }: FocusHome) {
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const buttons = item && document.contains(item) ? item.querySelectorAll<HTMLElement>('button') : null;
  const button = buttons?.[buttons.length - 1];
  if (button) {
    button.focus();
    return;
  }
  const heading = section?.querySelector<HTMLElement>('h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

type ContentProps = {
  children: ReactNode;
  error: string | null;
  pending: boolean;
  danger?: boolean | undefined;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Inside an "are you sure?" dialog: what will happen, why it failed (if it did), then confirm and cancel. */
export function ConfirmContent({ children, error, pending, danger, confirmLabel, onConfirm, onCancel }: ContentProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="dialog-body">{children}</div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <Button variant={danger ? 'danger' : 'primary'} isPending={pending} onPress={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onPress={onCancel} isDisabled={pending}>
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
}

/** A button that asks "are you sure?" in a modal dialog before doing something hard to undo. */
export function ConfirmDialog(props: Props) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const anchorRef = useRef<HTMLSpanElement>(null);

  async function confirm(close: () => void) {
    setPending(true);
    setError(null);
    // The trigger often disappears with what it acted on (a revoked grant); keep focus in the same section then.
    const home: FocusHome = {
      item: anchorRef.current?.closest('li') ?? null,
      section: anchorRef.current?.closest('section') ?? null,
    };
    try {
      await props.onConfirm();
      close();
      // react-aria restores focus to the trigger when the modal closes, at a time of its choosing; check a few times.
      for (const delay of [30, 120, 300, 600]) setTimeout(() => refocus(home), delay);
    } catch (caught) {
      setError(describeError(caught, t, i18n.language).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <DialogTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (!open) setError(null);
      }}
    >
      <span ref={anchorRef} hidden />
      <Button variant={props.triggerVariant ?? 'secondary'} aria-describedby={props.triggerDescribedBy} isDisabled={props.isDisabled}>
        {props.triggerLabel}
      </Button>
      <ModalDialog title={props.title} role="alertdialog" isDismissable>
        {(close) => (
          <ConfirmContent
            error={error}
            pending={pending}
            danger={props.danger}
            confirmLabel={props.confirmLabel}
            onConfirm={() => confirm(close)}
            onCancel={close}
          >
            {props.children}
          </ConfirmContent>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}
