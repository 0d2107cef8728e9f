import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { hasAnyRole, useSessionData } from '../../lib/session.ts';
import { ADMIN_NAV_ITEMS } from '../nav.ts';

/** Admin sections with their own small navigation; supervisors see only what they may. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  const { pathname } = useLocation();
  const items = ADMIN_NAV_ITEMS.filter((item) => hasAnyRole(user, item.roles));
  const first = items[0];
  if (pathname === paths.admin.root && first) return <Navigate to={first.to} replace />;
  return (
    <div className="stack">
      {items.length > 1 ? (
        <nav aria-label={t('nav.adminLabel')} className="sub-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="sub-nav-link">
                  {t(`nav.items.${item.label}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}
