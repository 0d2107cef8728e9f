import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../../shared/contracts/plans.ts';
import { formatDate } from '../../../lib/format.ts';

/** A plan read-only: for an earlier version in the history. Headings start at h3 (it sits inside a titled dialog or section). */
export function PlanView({ content }: { content: PlanContent }) {
  const { t } = useTranslation();
  const coping = new Map(content.copingStrategies.map((item) => [item.id, item.text]));
  return (
    <div className="stack plan-view">
      <h3>{t('recoveryPlan.goals.title')}</h3>
      {content.goals.length === 0 ? <p className="muted">{t('recoveryPlan.goals.empty')}</p> : null}
      <ul className="plan-items">
        {content.goals.map((goal) => (
          <li key={goal.id} className="stack-sm">
            <p>
              <strong className="break-word">{goal.title}</strong>
              <span className="muted">
                {' · '}
                {t(`recoveryPlan.domains.${goal.domain}`)} · {t(`recoveryPlan.statuses.${goal.status}`)}
                {goal.targetDate ? ` · ${t('recoveryPlan.goals.targetOn', { date: formatDate(`${goal.targetDate}T12:00:00`) })}` : ''}
              </span>
            </p>
            {goal.steps.length > 0 ? (
              <ul className="plan-steps-list">
                {goal.steps.map((step) => (
                  <li key={step.id} className="break-word">
                    <span aria-hidden="true">{step.done ? '☑ ' : '☐ '}</span>
                    <span className="visually-hidden">{step.done ? `${t('recoveryPlan.statuses.done')}: ` : ''}</span>
                    {step.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('recoveryPlan.triggers.title')}</h3>
      {content.triggers.length === 0 ? <p className="muted">{t('recoveryPlan.triggers.empty')}</p> : null}
      <ul className="plan-items">
        {content.triggers.map((trigger) => (
          <li key={trigger.id} className="break-word">
            <strong>{trigger.text}</strong>
            {trigger.copingIds.length > 0 ? (
              <>
                {' — '}
                {t('recoveryPlan.triggers.helpsList')} {trigger.copingIds.map((id) => coping.get(id) ?? '').join('; ')}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('recoveryPlan.coping.title')}</h3>
      {content.copingStrategies.length === 0 ? <p className="muted">{t('recoveryPlan.coping.empty')}</p> : null}
      <ul className="plan-items">
        {content.copingStrategies.map((item) => (
          <li key={item.id} className="break-word">
            {item.text}
          </li>
        ))}
      </ul>
      <h3>{t('recoveryPlan.support.title')}</h3>
      {content.supportPeople.length === 0 ? <p className="muted">{t('recoveryPlan.support.empty')}</p> : null}
      <ul className="plan-items">
        {content.supportPeople.map((person) => (
          <li key={person.id} className="break-word">
            <strong>{person.name}</strong>
            {person.relationship ? ` (${person.relationship})` : ''}
            {person.phone ? ` · ${person.phone}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
