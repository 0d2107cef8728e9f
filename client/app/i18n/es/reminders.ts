import type { reminders as en } from '../en/reminders.ts';

/** Spanish for en/reminders.ts, typed by it so both have the same keys. */
export const reminders: typeof en = {
  reminders: {
    heading: 'Recordatorios',
    lead: 'Avisos amables, solo los que tú quieras. Aparecen en tus notificaciones, y por correo si lo eliges.',
    off: 'Desactivado',
    checkinTime: 'Recordatorio del registro diario',
    checkinTimeHint: 'A esta hora en tu zona horaria, solo los días en que aún no te has registrado.',
    showReasons: 'Incluir una de mis razones',
    showReasonsHint: 'El recordatorio muestra una de las razones que escribiste. Nunca en los correos.',
    milestones: 'Celebrar los logros de mis contadores de recuperación',
    milestonesHint: '24 horas, 7 días, 30 días y más.',
    barcEveryDays: 'Recordatorio de capital de recuperación (BARC-10)',
    barcEveryDaysHint: 'Cada cuánto ofrecerte el cuestionario breve.',
    everyDays_one: 'Cada {{count}} día',
    everyDays_other: 'Cada {{count}} días',
    byEmail: 'Enviar también los recordatorios por correo',
    byEmailHint: 'Los correos son generales ("Una nota de Kinship") para que nada privado se vea en la pantalla de bloqueo.',
    byPush: 'Enviar también los recordatorios a este dispositivo',
    byPushHint: 'Como notificaciones del navegador o de la app instalada. Solo dicen "Una nota de Kinship".',
    pushDenied: 'Las notificaciones están bloqueadas para este sitio. Puedes permitirlas en la configuración del navegador.',
    pushUnsupported: 'Este navegador no puede recibir notificaciones. En iPhone, primero agrega Kinship a tu pantalla de inicio.',
    pushFailed: 'No se pudieron activar las notificaciones en este dispositivo. Inténtalo de nuevo.',
    saved: 'Tus recordatorios están guardados.',
    submit: 'Guardar recordatorios',
  },
  notifications: {
    title: 'Notificaciones',
    lead: 'Tus recordatorios y logros.',
    empty: 'Todavía no hay nada aquí.',
    unread_one: '{{count}} nueva',
    unread_other: '{{count}} nuevas',
    new: 'Nueva',
    markRead: 'Marcar como leída',
    markAllRead: 'Marcar todas como leídas',
    notices: {
      message: { title: 'Nuevo mensaje de {{alias}}', body: 'Abre tus mensajes para leerlo.' },
      partner_invite: {
        title: '{{alias}} te invitó a ser compañeros de responsabilidad',
        body: 'Abre Compañeros para ver lo que compartiría y aceptar o rechazar.',
      },
      partner_accepted: {
        title: '{{alias}} aceptó tu invitación de compañero',
        body: 'Ahora cada uno puede ver lo que el otro eligió compartir.',
      },
      partner_nudge: { title: '{{alias}} está pensando en ti', body: 'Tu compañero de responsabilidad te envió un poco de ánimo.' },
      sos: {
        title: '{{alias}} pulsó SOS',
        body: '{{alias}} acaba de pedir ayuda y te eligió para avisarte. Comunícate si puedes; si crees que está en peligro, llama a emergencias.',
      },
      note_returned: { title: 'Una nota volvió para cambios', body: 'Tu supervisor pidió cambios en la nota del {{day}}.' },
    },
  },
};
