import type { myMeetings as en } from '../en/my-meetings.ts';

/** Español: reuniones guardadas, «Fui», códigos de asistencia, el calendario privado de reuniones. */
export const myMeetings: typeof en = {
  myMeetings: {
    title: 'Mis reuniones',
    lead: 'Las reuniones que guardaste, a las que fuiste, y un calendario de tus reuniones para el teléfono.',
    saved: {
      title: 'Reuniones guardadas',
      empty: 'Todavía no guardaste ninguna reunión. Busca una y pulsa «Guardar».',
      find: 'Buscar una reunión',
      next: 'Próxima: {{when}}',
      byAppointment: 'Con cita previa',
      unsave: 'Quitar {{name}}',
    },
    history: {
      title: 'Reuniones a las que fui',
      empty: 'Aún no hay nada anotado. En la página de una reunión, pulsa «Fui».',
      verified: 'Verificada con el código del secretario',
      selfReported: 'Anotada por ti',
      more: 'Ver más',
      remove: 'Borrar la anotación de {{name}} del {{date}}',
      removed: 'Anotación borrada.',
    },
    calendar: {
      title: 'Suscripción de calendario',
      lead: 'Añade tus reuniones guardadas al calendario del teléfono. Se actualiza sola cuando guardas o quitas una reunión.',
      warning:
        'Quien tenga esta dirección puede ver qué reuniones guardaste. No la compartas; si alguien más la tiene, crea una nueva y la anterior dejará de funcionar.',
      none: 'No tienes una dirección de calendario.',
      active: 'Tienes una dirección de calendario (creada el {{date}}). Por tu privacidad solo se muestra una vez, al crearla.',
      make: 'Crear una dirección de calendario',
      rotate: 'Crear una dirección nueva',
      revoke: 'Desactivar la dirección',
      revoked: 'La dirección del calendario ya no funciona.',
      url: 'Tu dirección de calendario',
      copy: 'Copiar la dirección',
      copied: 'Copiada.',
      howTo: 'En tu aplicación de calendario, elige «Añadir calendario» → «Desde URL» (o «Suscribirse») y pégala.',
    },
    actions: {
      title: 'Tu reunión',
      signIn: 'Inicia sesión para guardar esta reunión y llevar la cuenta de las reuniones a las que vas',
      save: 'Guardar',
      saved: 'Guardada',
      savedHint: 'Guardada en Mis reuniones.',
      went: 'Fui',
      wentToday: 'Hoy fuiste.',
      wentVerified: 'Hoy fuiste (verificado).',
      code: 'Código del secretario (opcional)',
      codeHint: 'Pide al secretario el código de hoy para tener constancia de asistencia.',
      logged: 'Anotado. Lo verás en Mis reuniones.',
      myMeetingsLink: 'Mis reuniones',
    },
    secretary: {
      issue: 'Generar el código de hoy',
      issued: 'Código de hoy: {{code}}',
      issuedHint:
        'Vale hasta la medianoche ({{zone}}). Solo se muestra ahora: anótalo o léelo en voz alta. Generarlo de nuevo lo reemplaza.',
      title: 'Secretarios de esta reunión',
      lead: 'Los secretarios pueden generar el código diario de asistencia.',
      empty: 'Todavía no hay secretarios.',
      add: 'Nombrar secretario',
      person: 'Persona que será secretaria',
      remove: 'Quitar a {{alias}}',
      choose: 'Elige primero a una persona.',
    },
  },
};
