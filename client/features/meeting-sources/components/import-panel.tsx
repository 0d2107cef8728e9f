import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedFixCode, type FeedFixKind, type FeedWarningCode, feedFixKind } from '../../../../shared/contracts/meetings-feed.ts';
import type { MeetingImport, MeetingImportPreview } from '../../../../shared/contracts/meetings-import.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useDecideImport, useMeetingImport } from '../api.ts';

/** Long lists open a page at a time: a 2,000-meeting feed is readable, and the page stays light. */
const PAGE = 50;

function PagedList({ summary, items }: { summary: string; items: string[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  return (
    <details className="disclosure">
      <summary>{summary}</summary>
      {items.length === 0 ? (
        <p className="muted">{t('meetingSources.import.nothing')}</p>
      ) : (
        <>
          <ul style={{ overflowWrap: 'anywhere' }}>
            {items.slice(0, shown).map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once previewed.
              <li key={index}>{item}</li>
            ))}
          </ul>
          {items.length > shown ? (
            <div className="button-row">
              <p className="muted">{t('meetingSources.import.showing', { shown, count: items.length })}</p>
              <Button variant="secondary" onPress={() => setShown((n) => n + PAGE * 4)}>
                {t('meetingSources.import.showMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </details>
  );
}

function PreviewDetails({ preview, done }: { preview: MeetingImportPreview; done: boolean }) {
  const { t } = useTranslation();
  const entry = ({ slug, name }: { slug: string; name: string }) => `${name} (${slug})`;
  const stats = [
    ['total', preview.total],
    ['accepted', preview.accepted],
    ['normalized', preview.normalized],
    ['rejected', preview.rejected.length],
  ] as const;
  return (
    <div className="stack-sm">
      <h3>{t('meetingSources.import.totals')}</h3>
      <dl className="stat-row">
        {stats.map(([key, value]) => (
          <div key={key} className="stat">
            <dt>{t(`meetingSources.import.${key}`)}</dt>
            <dd className="stat-value">{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t(done ? 'meetingSources.import.resultTitle' : 'meetingSources.import.changesTitle')}</h3>
      <p>{t('meetingSources.import.unchanged', { count: preview.unchanged })}</p>
      <PagedList summary={t('meetingSources.import.adds', { count: preview.add.length })} items={preview.add.map(entry)} />
      <PagedList summary={t('meetingSources.import.changes', { count: preview.change.length })} items={preview.change.map(entry)} />
      <PagedList summary={t('meetingSources.import.removals', { count: preview.remove.length })} items={preview.remove.map(entry)} />
      <PagedList
        summary={t('meetingSources.import.rejections', { count: preview.rejected.length })}
        items={preview.rejected.map(({ index, slug, reason }) =>
          slug
            ? t('meetingSources.import.rejection', { index, slug, reason })
            : t('meetingSources.import.rejectionNoSlug', { index, reason }),
        )}
      />
      <FixSummary preview={preview} />
      {preview.ignoredFields.length > 0 ? (
        <p className="muted">{t('meetingSources.import.ignoredFields', { fields: preview.ignoredFields.join(', ') })}</p>
      ) : null}
    </div>
  );
}

/** Each kind of fix in words, with how many records took it: repairs, then warnings, then notes. */
function FixSummary({ preview }: { preview: MeetingImportPreview }) {
  const { t } = useTranslation();
  const counted = (Object.entries(preview.fixes) as [FeedFixCode, number][]).sort((a, b) => b[1] - a[1]);
  const ofKind = (kind: FeedFixKind) => counted.filter(([code]) => feedFixKind(code) === kind);
  const list = (entries: [FeedFixCode, number][]) => (
    <ul>
      {entries.map(([code, count]) => (
        <li key={code}>{t('meetingSources.import.count', { label: t(`meetingSources.fix.${code}`), count })}</li>
      ))}
    </ul>
  );
  const repairs = ofKind('repair');
  const warnings = ofKind('warning');
  const notes = ofKind('note');
  return (
    <>
      <h3>{t('meetingSources.import.repairs')}</h3>
      {repairs.length > 0 ? list(repairs) : <p className="muted">{t('meetingSources.import.noRepairs')}</p>}
      {warnings.length > 0 ? (
        <>
          <h3>{t('meetingSources.import.warnings')}</h3>
          {list(warnings)}
          <PagedList
            summary={t('meetingSources.import.warnedMeetings', { count: preview.warnings.length })}
            items={preview.warnings.map(({ slug, name, codes }) =>
              t('meetingSources.import.warnedMeeting', {
                name,
                slug,
                what: codes.map((code) => t(`meetingSources.warning.${code as FeedWarningCode}`)).join('; '),
              }),
            )}
          />
        </>
      ) : null}
      {notes.length > 0 ? (
        <details className="disclosure">
          <summary>{t('meetingSources.import.notes')}</summary>
          {list(notes)}
        </details>
      ) : null}
    </>
  );
}

function Progress({ current }: { current: MeetingImport }) {
  const { t } = useTranslation();
  const known = current.progressTotal > 0;
  return (
    <div className="stack-sm">
      <p role="status">
        {known
          ? t('meetingSources.import.progress', { done: current.progressDone, total: current.progressTotal })
          : t('meetingSources.import.checking')}
      </p>
      <progress
        aria-label={t('meetingSources.import.progressLabel')}
        style={{ width: '100%' }}
        {...(known ? { value: current.progressDone, max: current.progressTotal } : {})}
      />
    </div>
  );
}

/** One import of a source: progress while it is checked, then the preview to commit or discard, then the result. */
export function ImportPanel({ importId, sourceName, onClose }: { importId: string; sourceName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useMeetingImport(importId);
  const decide = useDecideImport();
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = query.data?.status;
  useEffect(() => {
    // When the check ends, the heading takes focus so the preview is read from its start.
    if (status && status !== 'checking') headingRef.current?.focus();
  }, [status]);

  const act = async (decision: 'commit' | 'discard') => {
    setError(null);
    try {
      await decide.mutateAsync({ id: importId, decision });
    } catch (caught) {
      setError(isApiError(caught, 'CONFLICT') && decision === 'commit' ? t('meetingSources.import.stale') : (caught as Error).message);
    }
  };

  let body: React.ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const current = query.data;
    body = (
      <>
        {current.status === 'checking' || current.status === 'committing' ? <Progress current={current} /> : null}
        {current.status === 'failed' ? (
          <FormAlert>
            {t('meetingSources.import.failed')} {current.error}
          </FormAlert>
        ) : null}
        {current.status === 'discarded' ? (
          <FormAlert tone="info">{current.error ? t('meetingSources.import.stale') : t('meetingSources.import.discarded')}</FormAlert>
        ) : null}
        {current.status === 'done' ? <FormAlert tone="success">{t('meetingSources.import.done')}</FormAlert> : null}
        {error ? <FormAlert>{error}</FormAlert> : null}
        {current.preview && (current.status === 'ready' || current.status === 'done') ? (
          <PreviewDetails preview={current.preview} done={current.status === 'done'} />
        ) : null}
        <div className="button-row">
          {current.status === 'ready' ? (
            <>
              <Button isPending={decide.isPending && decide.variables?.decision === 'commit'} onPress={() => void act('commit')}>
                {t('meetingSources.import.commit')}
              </Button>
              <Button
                variant="secondary"
                isPending={decide.isPending && decide.variables?.decision === 'discard'}
                onPress={() => void act('discard')}
              >
                {t('meetingSources.import.discard')}
              </Button>
            </>
          ) : current.status !== 'checking' && current.status !== 'committing' ? (
            <Button variant="secondary" onPress={onClose}>
              {t('meetingSources.import.close')}
            </Button>
          ) : null}
        </div>
      </>
    );
  }
  return (
    <section className="card stack" aria-labelledby={`import-${importId}`}>
      <h2 id={`import-${importId}`} ref={headingRef} tabIndex={-1}>
        {t('meetingSources.import.title', { name: sourceName })}
      </h2>
      {body}
    </section>
  );
}
