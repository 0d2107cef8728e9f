import type { today as en } from '../en/today.ts';

/** Español: el «hoy» de la página de inicio. */
export const today: typeof en = {
  today: {
    heading: 'Hoy, {{date}}',
    headingPlain: 'Hoy',
    loading: 'Cargando tu día…',
    checkin: {
      title: 'Registro diario',
      done: 'Ya hiciste el registro de hoy. ¡Bien hecho!',
      notYet: 'Todavía no has hecho el registro de hoy. Toma menos de un minuto.',
      now: 'Hacer el registro',
      trends: 'Ver mis tendencias',
      streak_one: '{{count}} día seguido',
      streak_other: '{{count}} días seguidos',
    },
    clocks: {
      title: 'Relojes de recuperación',
      days_one: '{{label}}: {{count}} día',
      days_other: '{{label}}: {{count}} días',
      next: 'Siguiente: {{milestone}} el {{date}}',
      none: 'Aún no tienes un reloj. Un reloj cuenta tus días y celebra cada logro.',
      start: 'Empezar un reloj',
      open: 'Mis relojes',
    },
    units: {
      hours_one: '{{count}} hora',
      hours_other: '{{count}} horas',
      days_one: '{{count}} día',
      days_other: '{{count}} días',
      months_one: '{{count}} mes',
      months_other: '{{count}} meses',
      years_one: '{{count}} año',
      years_other: '{{count}} años',
    },
    session: {
      title: 'Próxima sesión de acompañamiento',
      none: 'No hay ninguna sesión programada.',
    },
    sessionWith: 'Con {{alias}}, {{when}} ({{contact}})',
    coach: {
      title: 'Tus clientes',
      clients_one: '{{count}} cliente.',
      clients_other: '{{count}} clientes.',
      flagged_one: '{{count}} con una alerta de riesgo.',
      flagged_other: '{{count}} con una alerta de riesgo.',
      noFlags: 'Ninguna alerta de riesgo.',
      sessionAt: '{{time}} con {{alias}}',
      noSessionsToday: 'Hoy no hay sesiones.',
      caseload: 'Abrir mis clientes',
    },
    meeting: {
      title: 'Próxima reunión guardada',
      none: 'Aún no tienes reuniones guardadas.',
      find: 'Buscar una reunión',
    },
    event: {
      title: 'Próximo evento',
      none: 'Todavía no vas a ningún evento.',
      browse: 'Ver eventos',
      waitlisted: 'En lista de espera · {{when}}',
      cancelled: 'Cancelado',
    },
    messages: {
      title: 'Mensajes',
      unread_one: '{{count}} mensaje sin leer',
      unread_other: '{{count}} mensajes sin leer',
      none: 'No hay mensajes sin leer.',
    },
  },
};
