import { useTranslation } from 'react-i18next';
import { SAFETY_PLAN_STEPS, type SafetyPlanContent } from '../../../../shared/contracts/safety-plan.ts';
import { telHref } from '../../../../shared/crisis-links.ts';

type Contact = SafetyPlanContent['helpers'][number];

function ContactList({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  return (
    <ul className="plan-items">
      {contacts.map((contact, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the order the person wrote it
        <li key={index} className="plan-contact">
          <span className="break-word">{contact.name}</span>
          {contact.phone ? (
            <a className="btn btn-secondary plan-call" href={telHref(contact.phone)}>
              <span aria-hidden="true">☎ </span>
              {t('safetyPlan.call', { name: contact.name })}
              <span className="print-only"> {contact.phone}</span>
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function TextList({ items }: { items: string[] }) {
  return (
    <ul className="plan-items">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the order the person wrote it
        <li key={index} className="break-word">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** The six steps, in the order a person uses them, then "the one thing that matters most". Read-only and printable. */
export function SafetyPlanView({ content, headingLevel = 2 }: { content: SafetyPlanContent; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  // On its own page the steps are the page's sections; inside the person view they sit under its heading.
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="stack safety-plan">
      {content.mostImportant ? (
        <section className="card plan-most-important" aria-labelledby="safety-most-important">
          <Heading id="safety-most-important">{t('safetyPlan.mostImportant')}</Heading>
          <p className="break-word">{content.mostImportant}</p>
        </section>
      ) : null}
      <ol className="plan-steps">
        {SAFETY_PLAN_STEPS.map((step, index) => {
          const value = content[step.key];
          const id = `safety-step-${step.key}`;
          return (
            <li key={step.key} className="card plan-step">
              <section aria-labelledby={id} className="stack-sm">
                <Heading id={id}>
                  <span className="plan-step-number">{t('safetyPlan.stepNumber', { number: index + 1 })}</span>
                  <span className="plan-step-title">{t(`safetyPlan.steps.${step.key}`)}</span>
                </Heading>
                {value.length === 0 ? <p className="muted">{t('safetyPlan.emptyStep')}</p> : null}
                {value.length > 0 && typeof value[0] === 'string' ? <TextList items={value as string[]} /> : null}
                {value.length > 0 && typeof value[0] !== 'string' ? <ContactList contacts={value as Contact[]} /> : null}
                {step.key === 'professionals' ? <p className="muted no-print">{t('safetyPlan.professionalsNote')}</p> : null}
              </section>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
