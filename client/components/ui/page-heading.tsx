import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { title: string; lead?: ReactNode };

/** The page's one h1. Route changes move focus here (see useFocusOnNavigate), and it names the browser tab. */
export function PageHeading({ title, lead }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <header className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  );
}
