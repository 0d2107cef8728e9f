import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../../../shared/contracts/organization.ts';
import { CrisisLineItem } from '../../../components/crisis-help.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';

/** The organization's crisis lines (988 by default) with call and text links: always on the plan, online or not, printed too. */
export function CrisisLinesSection({ lines }: { lines: readonly CrisisLine[] }) {
  const { t } = useTranslation();
  return (
    <PageSection id="safety-crisis" title={t('safetyPlan.crisisTitle')} lead={t('safetyPlan.crisisLead')}>
      <ul className="crisis-lines">
        {lines.map((line) => (
          <CrisisLineItem key={`${line.name}-${line.phone ?? ''}-${line.text ?? ''}`} line={line} />
        ))}
      </ul>
    </PageSection>
  );
}
