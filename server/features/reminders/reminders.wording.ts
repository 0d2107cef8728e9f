import type { MessageLanguage } from '../notifications/notifications.public.ts';

/**
 * The words of reminders, in the languages the app speaks. A member gets the first of their profile's
 * languages that Kinship has (English otherwise; messageLanguage in notifications). Emails and push
 * banners use only the neutral lines: they show on lock screens and shared devices.
 */
export type ReminderKind = 'checkin' | 'milestone' | 'barc10';

interface Messages {
  checkin: { title: string; body: string };
  barc10: { title: string; body: string };
  milestone: (amount: string, clock: string) => { title: string; body: string };
  units: Record<'hours' | 'days' | 'months' | 'years', [one: string, many: string]>;
  reason: (reason: string) => string;
  neutral: Record<ReminderKind, string>;
  subject: string;
  manage: (url: string) => string;
}

const MESSAGES: Record<MessageLanguage, Messages> = {
  en: {
    checkin: {
      title: 'A moment for your check-in',
      body: 'When you have a minute: how are you today? It takes less than 30 seconds, and every check-in counts.',
    },
    barc10: {
      title: 'Your BARC-10 is ready when you are',
      body: 'Ten short questions about the strengths you have in your recovery. Take it whenever it suits you.',
    },
    milestone: (amount, clock) => ({
      title: `${amount}: ${clock}`,
      body: `You reached ${amount}. Take a moment to notice how far you have come.`,
    }),
    units: { hours: ['hour', 'hours'], days: ['day', 'days'], months: ['month', 'months'], years: ['year', 'years'] },
    reason: (reason) => ` You wrote that this matters to you: “${reason}”.`,
    neutral: {
      checkin: 'A gentle reminder: your daily check-in is there whenever you have a minute.',
      milestone: 'You have something to celebrate today. Open Kinship to see it.',
      barc10: 'A short questionnaire is ready for you whenever it suits you.',
    },
    subject: 'A note from Kinship',
    manage: (url) => `You can change or turn off these emails on your profile page: ${url}`,
  },
  es: {
    checkin: {
      title: 'Un momento para tu registro',
      body: 'Cuando tengas un minuto: ¿cómo estás hoy? Toma menos de 30 segundos, y cada registro cuenta.',
    },
    barc10: {
      title: 'Tu BARC-10 te espera cuando quieras',
      body: 'Diez preguntas cortas sobre las fortalezas que tienes en tu recuperación. Respóndelas cuando te venga bien.',
    },
    milestone: (amount, clock) => ({
      title: `${amount}: ${clock}`,
      body: `Llegaste a ${amount}. Tómate un momento para notar todo lo que has avanzado.`,
    }),
    units: { hours: ['hora', 'horas'], days: ['día', 'días'], months: ['mes', 'meses'], years: ['año', 'años'] },
    reason: (reason) => ` Escribiste que esto te importa: «${reason}».`,
    neutral: {
      checkin: 'Un recordatorio amable: tu registro diario te espera cuando tengas un minuto.',
      milestone: 'Hoy tienes algo que celebrar. Abre Kinship para verlo.',
      barc10: 'Un cuestionario corto te espera cuando te venga bien.',
    },
    subject: 'Una nota de Kinship',
    manage: (url) => `Puedes cambiar o desactivar estos correos en tu perfil: ${url}`,
  },
};

export const messagesFor = (language: MessageLanguage): Messages => MESSAGES[language];

export function milestoneAmount(language: MessageLanguage, amount: number, unit: string): string {
  const words = MESSAGES[language].units[unit as keyof Messages['units']];
  if (!words) return `${amount} ${unit}`;
  return `${amount} ${amount === 1 ? words[0] : words[1]}`;
}
