import type { privacy as en } from '../en/privacy.ts';

/** Spanish for en/privacy.ts, typed by it so both have the same keys. */
export const privacy: typeof en = {
  grantStatus: {
    active: 'Activo',
    scheduled: 'Empieza más adelante',
    expired: 'Terminado',
    revoked: 'Revocado',
  },
  privacy: {
    title: 'Privacidad',
    lead: 'Tus datos de recuperación son tuyos. Nadie los ve si no los compartes, y puedes dejar de compartir cuando quieras.',
    grant: {
      scopes: 'Qué pueden ver',
      purpose: 'Para qué',
      since: 'Desde',
      until: 'Hasta',
      noEnd: 'Hasta que lo revoques',
      revokedOn: 'Revocado el {{date}}',
    },
    given: {
      title: 'Quién puede ver mis datos',
      lead: 'Las personas con quienes compartes ahora.',
      empty: 'No compartes tus datos con nadie.',
      noneActive: 'Ahora no compartes con nadie.',
      revoke: 'Revocar',
      confirmTitle: '¿Dejar de compartir con {{alias}}?',
      confirmBody: '{{alias}} perderá el acceso de inmediato. Puedes volver a compartir más adelante.',
      confirm: 'Sí, revocar',
      past_one: 'Accesos terminados ({{count}})',
      past_other: 'Accesos terminados ({{count}})',
    },
    share: {
      title: 'Compartir con alguien',
      lead: 'Elige una persona, qué puede ver y para qué. Solo verá lo que marques.',
      choosePerson: 'Busca a una persona y elígela de la lista.',
      scopes: 'Qué puede ver',
      scopesHint: 'Marca solo lo que necesita.',
      purpose: '¿Para qué lo compartes?',
      purposeHint: 'Por ejemplo: para que mi coach siga mis registros diarios.',
      until: 'Fecha de fin (opcional)',
      untilHint: 'Se deja de compartir al final de ese día. Déjalo vacío para compartir hasta que lo revoques.',
      submit: 'Compartir',
      done: 'Ahora compartes con {{alias}}.',
    },
    received: {
      title: 'Compartido conmigo',
      lead: 'Personas que decidieron compartir sus datos contigo.',
      empty: 'Nadie comparte datos contigo.',
      view: 'Ver lo que compartió {{alias}}',
    },
    log: {
      title: 'Quién vio mis datos',
      lead: 'Cada vez que otra persona abrió una parte de tu expediente.',
      empty: 'Nadie más ha mirado tus datos.',
      line: '{{alias}} vio: {{scope}}',
      why: 'Motivo:',
      breakGlass: 'Acceso de emergencia',
      loadMore: 'Cargar más',
    },
  },
};
