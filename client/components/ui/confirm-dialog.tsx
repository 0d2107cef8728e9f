import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { describeError } from '../../lib/form-errors.ts';
import { Button } from './button.tsx';

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

function refocus(section: Element | null | undefined) {
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const heading = section?.querySelector<HTMLElement>('h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
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
    const section = anchorRef.current?.closest('section');
    try {
      await props.onConfirm();
      close();
      setTimeout(() => refocus(section), 50);
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
      <Button variant={props.triggerVariant ?? 'secondary'} aria-describedby={props.triggerDescribedBy}
        isDisabled={props.isDisabled}>
        {props.triggerLabel}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {props.title}
                </Heading>
                <div className="dialog-body">{props.children}</div>
                {error ? (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
                <div className="button-row">
                  <Button variant={props.danger ? 'danger' : 'primary'} isPending={pending} onPress={() => confirm(close)}>
                    {props.confirmLabel}
                  </Button>
                  <Button variant="secondary" onPress={close} isDisabled={pending}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
