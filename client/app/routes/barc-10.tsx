import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { Barc10Form, type Barc10Result } from '../../features/assessments/components/barc10-form.tsx';
import { Barc10History } from '../../features/assessments/components/barc10-history.tsx';
import { Barc10ResultCard } from '../../features/assessments/components/barc10-result.tsx';

export function Barc10Page() {
  const { t } = useTranslation();
  const [result, setResult] = useState<Barc10Result | null>(null);
  return (
    <div className="stack-lg">
      <PageHeading title={t('barc10.title')} lead={t('barc10.lead')} />
      {result ? (
        <div className="stack">
          <Barc10ResultCard result={result} />
          <Button variant="secondary" onPress={() => setResult(null)}>
            {t('barc10.takeAgain')}
          </Button>
        </div>
      ) : (
        <PageSection id="barc-form" title={t('barc10.formTitle')}>
          <Barc10Form onResult={setResult} />
        </PageSection>
      )}
      <PageSection id="barc-history" title={t('barc10.historyTitle')}>
        <Barc10History />
      </PageSection>
    </div>
  );
}
