import type { people as en } from '../en/people.ts';

/** Spanish for en/people.ts, typed by it so both have the same keys. */
export const people: typeof en = {
  people: {
    search: {
      label: 'Buscar una persona',
      hint: 'Busca por alias en la comunidad.',
      noResults: 'No encontramos a nadie con ese alias.',
      person: 'Persona',
      results: 'Personas encontradas',
    },
    person: {
      title: 'Persona',
      lead: 'Cómo aparece en la comunidad.',
      communityTitle: 'En la comunidad',
      self: 'Eres tú, tal como te ven los demás.',
      editProfile: 'Editar tu perfil',
    },
    details: {
      legalName: 'Nombre legal',
      pronouns: 'Pronombres',
      languages: 'Idiomas',
      timezone: 'Zona horaria',
      pathways: 'Caminos de recuperación',
      notGiven: 'Sin indicar',
    },
    profile: {
      title: 'Datos del perfil',
      sharedNote: '{{alias}} compartió esto contigo. Tu consulta queda anotada en su registro de accesos.',
      notShared: '{{alias}} no ha compartido contigo los datos de su perfil.',
    },
    breakGlass: {
      title: 'Acceso de emergencia',
      intro: 'Úsalo solo en una emergencia: cuando {{alias}} pueda estar en peligro y no sea posible pedirle que comparta.',
      hour: 'Te deja ver los datos de su perfil durante una hora.',
      logged: '{{alias}} lo verá en su registro de accesos, con tu motivo.',
      emailed: 'Todas las demás personas supervisoras y administradoras reciben un correo.',
      reason: 'Motivo',
      reasonHint: 'Qué está pasando y por qué no puede esperar a que {{alias}} lo comparta.',
      count: '{{length}} de {{max}} caracteres (al menos {{min}}).',
      submit: 'Abrir acceso de emergencia',
      confirmTitle: '¿Abrir acceso de emergencia a {{alias}}?',
      confirmBody:
        'Durante la próxima hora podrás ver los datos de su perfil. {{alias}} lo verá en su registro de accesos y todas las demás personas supervisoras y administradoras recibirán un correo.',
      confirm: 'Sí, abrirlo durante una hora',
      openUntil: 'Acceso de emergencia abierto hasta {{time}}',
      openNote:
        '{{alias}} no compartió esto contigo. Cada consulta queda anotada en su registro de accesos como acceso de emergencia, con tu motivo.',
    },
  },
};
