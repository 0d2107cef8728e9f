import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingGuide } from '../../../shared/contracts/meeting-guides.ts';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useAdminGuides, useDeleteGuide } from '../../features/meeting-guides/api/meeting-guides.ts';
import { GuideForm } from '../../features/meeting-guides/components/guide-form.tsx';
import { typeName } from '../../features/meetings/components/type-names.ts';

/** Admins: the "what to expect" guides shown on meeting pages; write, edit, delete. */
export function AdminGuidesPage() {
  const { t } = useTranslation();
  const guides = useAdminGuides();
  const remove = useDeleteGuide();
  const [editing, setEditing] = useState<MeetingGuide | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (editing) {
    const guide = editing === 'new' ? null : editing;
    return (
      <div className="stack-lg">
        <PageHeading title={guide ? t('guides.admin.editTitle') : t('guides.admin.newTitle')} />
        <div className="card">
          <GuideForm
            guide={guide}
            onSaved={() => {
              setNotice(t('guides.admin.saved'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="stack-lg">
      <PageHeading title={t('guides.admin.title')} lead={t('guides.admin.lead')} />
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      <div className="button-row">
        <Button onPress={() => setEditing('new')}>{t('guides.admin.new')}</Button>
      </div>
      <PageSection id="guides-list" title={t('guides.admin.list')}>
        {guides.isPending ? (
          <Loading />
        ) : guides.isError ? (
          <QueryError error={guides.error} onRetry={() => void guides.refetch()} />
        ) : guides.data.guides.length === 0 ? (
          <p className="muted">{t('guides.admin.none')}</p>
        ) : (
          <ul className="card-list">
            {guides.data.guides.map((guide) => {
              // The type by its name in the reader's language ("Newcomer", "Principiantes"), not its code.
              const type = guide.typeCode === null ? null : typeName(guide.typeCode);
              const scope = [guide.fellowship, type].filter(Boolean).join(' · ') || t('guides.admin.general');
              return (
                <li key={guide.id} className="card stack-sm">
                  <h3 id={`guide-${guide.id}`} lang={guide.language}>
                    {guide.title}
                  </h3>
                  <p className="muted">
                    {t(`guides.admin.languages.${guide.language}`)} · {t('guides.admin.scope', { scope })}
                  </p>
                  <div className="button-row">
                    <Button
                      variant="secondary"
                      onPress={() => setEditing(guide)}
                      aria-label={t('guides.admin.edit', { title: guide.title })}
                    >
                      {t('guides.admin.editButton')}
                    </Button>
                    <ConfirmDialog
                      triggerLabel={t('guides.admin.deleteButton')}
                      triggerVariant="secondary"
                      triggerDescribedBy={`guide-${guide.id}`}
                      title={t('guides.admin.deleteTitle')}
                      confirmLabel={t('guides.admin.deleteButton')}
                      danger
                      onConfirm={async () => {
                        await remove.mutateAsync(guide.id);
                        setNotice(t('guides.admin.deleted'));
                      }}
                    >
                      <p>{t('guides.admin.deleteBody')}</p>
                    </ConfirmDialog>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </PageSection>
    </div>
  );
}
