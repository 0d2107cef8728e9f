import type { profile as en } from '../en/profile.ts';

/** Spanish for en/profile.ts, typed by it so both have the same keys. */
export const profile: typeof en = {
  profile: {
    title: 'Perfil',
    lead: 'En los espacios de la comunidad solo se muestran tu alias, tus pronombres y tus idiomas.',
    communityHeading: 'Visible en la comunidad',
    pronouns: 'Pronombres (opcional)',
    pronounsHint: 'Por ejemplo: ella, él, elle.',
    languages: 'Idiomas que hablas',
    languagesHint: 'Códigos de idioma separados por comas, por ejemplo: en, es.',
    privateHeading: 'Solo para ti',
    privateHint: 'Solo tú ves estos datos, salvo que compartas tu perfil en la página de Privacidad.',
    legalName: 'Nombre legal (opcional)',
    legalNameHint: 'Nunca se muestra en los espacios de la comunidad.',
    pathways: 'Caminos de recuperación',
    pathwaysHint: 'Elige los que formen parte de tu recuperación.',
    pathwaysVisibility: 'Quién puede ver tus caminos de recuperación',
    visibilityPrivate: 'Solo yo',
    visibilityPrivateHint: 'Privados, incluso para quienes ven tu perfil.',
    visibilityShared: 'Las personas con quienes comparto mi perfil',
    visibilitySharedHint: 'Visibles para quienes tienen acceso a los datos de tu perfil.',
    submit: 'Guardar perfil',
    saved: 'Tu perfil está guardado.',
  },
};
