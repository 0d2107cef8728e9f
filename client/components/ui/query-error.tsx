import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { Button } from './button.tsx';

type Props = { error: unknown; onRetry?: () => void };

export function QueryError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  let message = t('apiErrors.INTERNAL');
  if (error instanceof ApiError) message = error.status === 0 ? t('apiErrors.NETWORK') : t(`apiErrors.${error.code}`);
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <Button variant="secondary" onPress={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}
