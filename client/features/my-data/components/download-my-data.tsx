import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { downloadMyData } from '../api/my-data.ts';

/** "Download my data": everything of mine as one JSON file. */
export function DownloadMyData() {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);
  return (
    <div className="stack">
      <p>{t('myData.download.explain')}</p>
      <p>{t('myData.download.privateWarning')}</p>
      {result ? <FormAlert tone={result.tone}>{result.message}</FormAlert> : null}
      <div className="button-row">
        <Button
          variant="secondary"
          isPending={pending}
          onPress={async () => {
            setPending(true);
            setResult(null);
            try {
              await downloadMyData();
              setResult({ tone: 'success', message: t('myData.download.done') });
            } catch (caught) {
              setResult({ tone: 'error', message: describeError(caught, t, i18n.language).message ?? t('apiErrors.INTERNAL') });
            } finally {
              setPending(false);
            }
          }}
        >
          {t('myData.download.button')}
        </Button>
      </div>
    </div>
  );
}
