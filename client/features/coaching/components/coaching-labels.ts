import { useTranslation } from 'react-i18next';
import type { Gender, Specialty, WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import type { RecoveryPathway } from '../../../../shared/contracts/people.ts';
import { formatLanguages, formatList } from '../../../lib/format.ts';

/** Words for coaching vocabulary in the current language. */
export function useCoachingLabels() {
  const { t } = useTranslation();
  return {
    gender: (g: Gender) => t(`coaching.genders.${g}`),
    specialty: (s: Specialty) => t(`coaching.specialties.${s}`),
    pathway: (p: RecoveryPathway) => t(`pathways.${p}`),
    day: (day: number) => t(`coaching.days.d${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
    list: (items: string[]) => (items.length ? formatList(items) : t('coaching.card.none')),
    languages: (tags: string[]) => (tags.length ? formatLanguages(tags) : t('coaching.card.none')),
    slot: (slot: WeeklySlot) => t('coaching.slots.row', { day: t(`coaching.days.d${slot.day as 1}`), from: slot.start, to: slot.end }),
  };
}
