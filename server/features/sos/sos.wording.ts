import type { RiskRule } from '../../../shared/contracts/caseload.ts';
import type { MessageLanguage } from '../notifications/notifications.public.ts';

/**
 * Words of SOS and risk alerts. Emails say nothing of anyone's recovery (they show on lock screens
 * and shared devices); the in-app notification, behind sign-in, may name the client and the rule.
 */
const MESSAGES = {
  en: {
    sos: (alias: string) => ({
      title: `${alias} pressed SOS`,
      body: `${alias} asked for help just now and chose you as someone to alert. Reach out if you can; if you think they are in danger, call emergency services.`,
    }),
    sosEmail: (url: string) => ({
      subject: 'Someone asked for your help on Kinship',
      text: `Someone who chose you as a support person asked for help just now. Open Kinship to see who: ${url}`,
    }),
    risk: (alias: string, rule: RiskRule) => ({
      title: `${alias} may need a check-in`,
      body: `${alias}: ${RULE_WORDS.en[rule]}. Open your caseload to see why.`,
    }),
    riskEmail: (url: string) => ({
      subject: 'A note from Kinship',
      text: `A client on your caseload may need a check-in: open Kinship. ${url}`,
    }),
  },
  es: {
    sos: (alias: string) => ({
      title: `${alias} pulsó SOS`,
      body: `${alias} acaba de pedir ayuda y te eligió para avisarte. Comunícate si puedes; si crees que está en peligro, llama a emergencias.`,
    }),
    sosEmail: (url: string) => ({
      subject: 'Alguien pidió tu ayuda en Kinship',
      text: `Alguien que te eligió como persona de apoyo acaba de pedir ayuda. Abre Kinship para ver quién: ${url}`,
    }),
    risk: (alias: string, rule: RiskRule) => ({
      title: `${alias} quizá necesite que le contactes`,
      body: `${alias}: ${RULE_WORDS.es[rule]}. Abre tu lista de clientes para ver por qué.`,
    }),
    riskEmail: (url: string) => ({
      subject: 'Una nota de Kinship',
      text: `Una persona de tu lista de clientes quizá necesite que le contactes: abre Kinship. ${url}`,
    }),
  },
};

const RULE_WORDS: Record<MessageLanguage, Record<RiskRule, string>> = {
  en: {
    sos: 'pressed SOS',
    use_reported: 'reported use on a recent check-in',
    craving_high: 'cravings are high or rising',
    barc_drop: 'BARC-10 score dropped',
    no_checkin: 'no check-in for 2 days or more',
  },
  es: {
    sos: 'pulsó SOS',
    use_reported: 'indicó consumo en un registro reciente',
    craving_high: 'los antojos están altos o subiendo',
    barc_drop: 'bajó su puntuación BARC-10',
    no_checkin: 'sin registro desde hace 2 días o más',
  },
};

export const alertMessages = (language: MessageLanguage) => MESSAGES[language];
