import type { myData as en } from '../en/my-data.ts';

/** Spanish for en/my-data.ts, typed by it so both have the same keys. */
export const myData: typeof en = {
  myData: {
    title: 'Mis datos',
    lead: 'Tus datos te pertenecen. Llévate una copia o elimina tu cuenta.',
    download: {
      title: 'Descargar mis datos',
      explain:
        'Un archivo (JSON) con todo lo que Kinship guarda sobre ti: tu cuenta y tu perfil, registros diarios, contadores de recuperación, razones, plan de recuperación y plan de seguridad (todas las versiones), resultados del BARC-10, recordatorios, notificaciones, con quién compartes y quién ha leído tus datos. Nunca incluye contraseñas ni otros secretos.',
      privateWarning: 'El archivo contiene información de salud privada. Guárdalo en un lugar seguro y no en un dispositivo compartido.',
      button: 'Descargar mis datos',
      done: 'Tu archivo se está descargando.',
    },
    delete: {
      title: 'Eliminar mi cuenta',
      explain: 'Eliminar tu cuenta no se puede deshacer. Si quieres una copia de tus datos, descárgala primero.',
      erasedTitle: 'Lo que se borra',
      erased:
        'Tus registros diarios, contadores de recuperación y su historial, razones, plan de recuperación y plan de seguridad (todas las versiones), resultados del BARC-10, recordatorios, notificaciones, todo lo que compartiste con otras personas y todo lo que otras personas compartieron contigo, y tus sesiones en todos los dispositivos.',
      deidentifiedTitle: 'Lo que se anonimiza',
      deidentified:
        'Se quitan tu correo, tu contraseña y tu verificación en dos pasos. Se borran tu nombre, pronombres, idiomas y caminos de recuperación, y tu alias pasa a ser "Former member" (antiguo miembro) con un código corto.',
      keptTitle: 'Lo que se conserva y por qué',
      kept: 'Se conservan el registro de quién leyó tus datos y el registro de seguridad. La ley sobre registros de uso de sustancias (42 CFR Part 2) y las normas de privacidad de la salud (HIPAA) exigen que la organización pueda mostrar quién vio los registros de salud. Estos registros solo guardan un número de cuenta y, tras la eliminación, nada relaciona ese número contigo.',
      password: 'Tu contraseña',
      passwordHint: 'Para asegurarnos de que eres tú.',
      confirm: 'Escribe DELETE para confirmar',
      confirmHint: 'Escribe la palabra DELETE en mayúsculas.',
      submit: 'Eliminar mi cuenta',
      dialogTitle: '¿Eliminar tu cuenta?',
      dialogBody: 'Tu contenido se borrará de inmediato y se cerrará tu sesión en todos los dispositivos. No se puede deshacer.',
      dialogConfirm: 'Sí, eliminar mi cuenta',
      wrongPassword: 'Esa contraseña no es correcta.',
      lastAdmin:
        'Eres la única persona administradora de esta organización. Primero nombra a otra persona como administradora, para que la organización no se quede sin una; después podrás eliminar tu cuenta.',
    },
    goodbye:
      'Tu cuenta está eliminada. Gracias por ser parte de esta comunidad. Adondequiera que te lleve tu recuperación, te deseamos lo mejor.',
  },
};
