import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { sectionChangeSchema } from '../../../../shared/contracts/plans.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePlanHistory, usePlanVersion } from '../api/recovery-plan.ts';
import { PlanView } from './plan-view.tsx';

type Change = z.output<typeof sectionChangeSchema>;
const SECTIONS = ['goals', 'triggers', 'copingStrategies', 'supportPeople'] as const;
const isSection = (key: string): key is (typeof SECTIONS)[number] => (SECTIONS as readonly string[]).includes(key);

/** "Goals: 1 added, 2 changed" in the reader's language, from the server's structured changes. */
function describeChanges(changes: Change[], t: TFunction): string {
  if (changes.length === 0) return t('recoveryPlan.history.first');
  const lines = changes
    .map((change) => {
      const parts = [
        change.added ? t('recoveryPlan.history.added', { count: change.added }) : null,
        change.removed ? t('recoveryPlan.history.removed', { count: change.removed }) : null,
        change.changed ? t('recoveryPlan.history.changed', { count: change.changed }) : null,
      ].filter(Boolean);
      if (parts.length === 0) return null;
      const section = isSection(change.section) ? t(`recoveryPlan.history.sections.${change.section}`) : change.section;
      return t('recoveryPlan.history.change', { section, parts: parts.join(', ') });
    })
    .filter(Boolean);
  return lines.length ? lines.join('; ') : t('recoveryPlan.history.noChanges');
}

function OldVersionDialog({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const plan = usePlanVersion(version);
  return (
    <ModalDialog title={t('recoveryPlan.history.oldTitle', { version })} isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <>
          {plan.isPending ? <Loading /> : null}
          {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
          {plan.isSuccess ? (
            <>
              {plan.data.createdAt ? (
                <p className="muted">{t('recoveryPlan.history.oldLead', { date: formatDateTime(plan.data.createdAt) })}</p>
              ) : null}
              <PlanView content={plan.data.content} />
            </>
          ) : null}
          <div className="button-row">
            <Button variant="secondary" onPress={close}>
              {t('recoveryPlan.history.close')}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

/** Every saved version, newest first, each openable read-only. */
export function PlanHistory() {
  const { t } = useTranslation();
  const history = usePlanHistory();
  const [open, setOpen] = useState<number | null>(null);

  if (history.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const versions = history.data.pages.flatMap((page) => page.versions);
  if (versions.length === 0) return <p className="empty">{t('recoveryPlan.history.empty')}</p>;

  return (
    <div className="stack">
      <ul className="card-list">
        {versions.map((entry) => (
          <li key={entry.version} className="card">
            <p className="card-title-row">
              <strong>{t('recoveryPlan.history.item', { version: entry.version })}</strong>
              <time className="muted" dateTime={entry.createdAt}>
                {formatDateTime(entry.createdAt)}
              </time>
            </p>
            <p>{describeChanges(entry.changes, t)}</p>
            <Button variant="secondary" onPress={() => setOpen(entry.version)} className="align-start">
              {t('recoveryPlan.history.view', { version: entry.version })}
            </Button>
          </li>
        ))}
      </ul>
      {history.hasNextPage ? (
        <Button variant="secondary" isPending={history.isFetchingNextPage} onPress={() => void history.fetchNextPage()}>
          {t('recoveryPlan.history.loadMore')}
        </Button>
      ) : null}
      {open !== null ? <OldVersionDialog version={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
