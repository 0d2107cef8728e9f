import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay, type ModalOverlayProps } from 'react-aria-components';

type Props = Pick<ModalOverlayProps, 'isDismissable' | 'isOpen' | 'onOpenChange'> & {
  title: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** The dialog's content below the title; close() shuts it (react-aria then returns focus to the trigger). */
  children: (close: () => void) => ReactNode;
};

/** A titled modal: a sheet from the bottom on phones, centred on wider screens. Inside a DialogTrigger, or controlled with isOpen. */
export function ModalDialog({ title, role, children, ...overlay }: Props) {
  return (
    <ModalOverlay {...overlay} className="modal-overlay">
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
