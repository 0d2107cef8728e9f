import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSource } from '../../../shared/contracts/meetings-import.ts';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { useDeleteSource, useMeetingSources, useStartImport } from '../../features/meeting-sources/api.ts';
import { ImportPanel } from '../../features/meeting-sources/components/import-panel.tsx';
import { SourceForm } from '../../features/meeting-sources/components/source-form.tsx';

type Active = { importId: string; sourceName: string };

/** A file source's upload: the chosen file's bytes go to the server as they are. */
function UploadForm({ source, onStarted }: { source: MeetingSource; onStarted: (active: Active) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const start = useStartImport();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const file = input.current?.files?.[0];
        if (!file) return setError(t('meetingSources.chooseFile'));
        setError(null);
        start.mutate(
          { sourceId: source.id, file },
          { onSuccess: (started) => onStarted({ importId: started.id, sourceName: source.name }), onError: (e) => setError(e.message) },
        );
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('meetingSources.uploadLabel', { name: source.name })}
        </label>
        <input id={id} ref={input} type="file" accept="application/json,.json" className="input" aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="field-hint">
          {t('meetingSources.uploadHint')}
        </p>
      </div>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="button-row">
        <Button type="submit" isPending={start.isPending}>
          {t('meetingSources.uploadSubmit')}
        </Button>
      </div>
    </form>
  );
}

function SourceCard({
  source,
  onEdit,
  onStarted,
  onDeleted,
}: {
  source: MeetingSource;
  onEdit: () => void;
  onStarted: (active: Active) => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const start = useStartImport();
  const remove = useDeleteSource();
  const [error, setError] = useState<string | null>(null);
  const headingId = `source-${source.id}`;
  const report = source.lastReport;
  const when = source.lastImportedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(source.lastImportedAt))
    : null;
  return (
    <li className="card stack-sm">
      <div className="card-title-row">
        <h3 id={headingId}>{source.name}</h3>
        <StatusBadge tone="neutral">{t(`meetingSources.kind.${source.kind}`)}</StatusBadge>
      </div>
      {source.url ? (
        <p className="muted" style={{ overflowWrap: 'anywhere' }}>
          {source.url}
        </p>
      ) : null}
      <p>
        {t('meetingSources.meetings', { count: source.meetingCount })} ·{' '}
        {when ? t('meetingSources.lastImport', { when }) : t('meetingSources.neverImported')}
      </p>
      {report ? <p className="muted">{t('meetingSources.lastReport', { ...report })}</p> : null}
      <p className="muted">
        {t('meetingSources.zoneLine', { zone: source.defaultTimezone })}
        {source.fellowship ? ` · ${t('meetingSources.fellowshipLine', { fellowship: source.fellowship })}` : ''}
      </p>
      {source.scheduled ? <StatusBadge tone="good">{t('meetingSources.scheduledBadge')}</StatusBadge> : null}
      {source.lastError ? <FormAlert>{t('meetingSources.lastError', { error: source.lastError })}</FormAlert> : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
      {source.kind === 'file' ? <UploadForm source={source} onStarted={onStarted} /> : null}
      <div className="button-row">
        {source.kind === 'url' ? (
          <Button
            isPending={start.isPending}
            aria-label={t('meetingSources.importNowLabel', { name: source.name })}
            onPress={() =>
              start.mutate(
                { sourceId: source.id, file: null },
                {
                  onSuccess: (started) => onStarted({ importId: started.id, sourceName: source.name }),
                  onError: (e) => setError(e.message),
                },
              )
            }
          >
            {t('meetingSources.importNow')}
          </Button>
        ) : null}
        {source.pendingImportId ? (
          <Button
            variant="secondary"
            aria-label={t('meetingSources.openPendingLabel', { name: source.name })}
            onPress={() => onStarted({ importId: source.pendingImportId ?? '', sourceName: source.name })}
          >
            {t('meetingSources.openPending')}
          </Button>
        ) : null}
        <Button variant="secondary" aria-label={t('meetingSources.editLabel', { name: source.name })} onPress={onEdit}>
          {t('meetingSources.edit')}
        </Button>
        <ConfirmDialog
          triggerLabel={t('meetingSources.delete')}
          triggerVariant="secondary"
          triggerDescribedBy={headingId}
          title={t('meetingSources.deleteTitle', { name: source.name })}
          confirmLabel={t('meetingSources.deleteConfirm')}
          danger
          onConfirm={async () => {
            await remove.mutateAsync(source.id);
            onDeleted();
          }}
        >
          <p>{t('meetingSources.deleteBody', { count: source.meetingCount })}</p>
        </ConfirmDialog>
      </div>
    </li>
  );
}

/** Admins: Meeting Guide feeds, by URL or uploaded file; each import is previewed before it is written. */
export function MeetingSourcesPage() {
  const { t } = useTranslation();
  const sources = useMeetingSources();
  const [editing, setEditing] = useState<MeetingSource | 'new' | null>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (editing) {
    const source = editing === 'new' ? null : editing;
    return (
      <div className="stack-lg">
        <PageHeading title={t(source ? 'meetingSources.form.editTitle' : 'meetingSources.form.newTitle')} />
        <div className="card">
          <SourceForm
            source={source}
            onSaved={(saved) => {
              setNotice(t('meetingSources.form.saved', { name: saved.name }));
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
      <PageHeading title={t('meetingSources.title')} lead={t('meetingSources.lead')} />
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {active ? (
        <ImportPanel key={active.importId} importId={active.importId} sourceName={active.sourceName} onClose={() => setActive(null)} />
      ) : null}
      <div className="button-row">
        <Button onPress={() => setEditing('new')}>{t('meetingSources.add')}</Button>
      </div>
      <PageSection id="meeting-sources" title={t('meetingSources.listTitle')}>
        {sources.isPending ? (
          <Loading />
        ) : sources.isError ? (
          <QueryError error={sources.error} onRetry={() => void sources.refetch()} />
        ) : sources.data.length === 0 ? (
          <p className="muted">{t('meetingSources.none')}</p>
        ) : (
          <ul className="card-list">
            {sources.data.map((source) => (
              <SourceCard
                key={source.id}
                source={source}
                onEdit={() => setEditing(source)}
                onStarted={(started) => {
                  setNotice(null);
                  setActive(started);
                }}
                onDeleted={() => {
                  if (active?.sourceName === source.name) setActive(null);
                  setNotice(t('meetingSources.deleted', { name: source.name }));
                }}
              />
            ))}
          </ul>
        )}
      </PageSection>
    </div>
  );
}
