import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { Loading } from './loading.tsx';
import { QueryError } from './query-error.tsx';

type Props<T> = { query: UseQueryResult<T, unknown>; alias: string; children: (data: T) => ReactNode };

/**
 * One part of another person's record, as the person view shows it: loading, the data, or, when the
 * server answers 404 because the grant ended since the page looked, that it is no longer shared.
 */
export function SharedRecord<T>({ query, alias, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 'NOT_FOUND')) return <p className="empty">{t('personView.noLongerShared', { alias })}</p>;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
