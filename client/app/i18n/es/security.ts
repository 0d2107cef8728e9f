import type { security as en } from '../en/security.ts';

/** Spanish for en/security.ts, typed by it so both have the same keys. */
export const security: typeof en = {
  security: {
    title: 'Seguridad',
    lead: 'Mantén tu cuenta protegida.',
    password: {
      title: 'Cambiar la contraseña',
      submit: 'Cambiar la contraseña',
      done: 'Tu contraseña cambió.',
      wrongCurrent: 'Tu contraseña actual no es correcta.',
    },
    twoFactor: {
      title: 'Verificación en dos pasos',
      on: 'La verificación en dos pasos está activada',
      off: 'La verificación en dos pasos está desactivada',
      explain: 'Cuando está activada, para iniciar sesión también necesitas un código de una aplicación de autenticación en tu teléfono.',
      mustSetUp: 'Tu organización exige la verificación en dos pasos para tu rol. Actívala para continuar.',
      setUp: 'Configurar la verificación en dos pasos',
      step1: 'Instala una aplicación de autenticación en tu teléfono (por ejemplo Aegis, 2FAS, Google Authenticator o 1Password).',
      step2: 'Escanea este código QR con la aplicación.',
      step3: 'Escribe el código de seis dígitos que muestra la aplicación.',
      qrAlt: 'Código QR para añadir Kinship a tu aplicación de autenticación',
      manual: '¿No puedes escanearlo? Escribe esta clave en la aplicación:',
      code: 'Código de seis dígitos',
      turnOn: 'Activar la verificación en dos pasos',
      turnOff: 'Desactivar la verificación en dos pasos',
      disableHint: 'Escribe tu contraseña para desactivar la verificación en dos pasos.',
      requiredByOrg: 'Tu organización exige la verificación en dos pasos para tu rol, así que no se puede desactivar.',
    },
    recovery: {
      title: 'Guarda tus códigos de recuperación',
      explain:
        'Si pierdes tu teléfono, cada uno de estos códigos te permite iniciar sesión una vez. Guárdalos en un lugar seguro, como un gestor de contraseñas. No se volverán a mostrar.',
      copy: 'Copiar los códigos',
      copied: 'Códigos copiados.',
      done: 'Ya guardé mis códigos',
    },
    signOut: {
      title: 'Cerrar sesión',
      lead: 'Conviene cerrar sesión en un dispositivo compartido o prestado.',
    },
  },
};
