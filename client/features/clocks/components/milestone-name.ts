import type { TFunction } from 'i18next';
import type { MilestoneView } from '../../../../shared/contracts/clocks.ts';

/** "24 hours", "30 days", "6 months", "1 year", in the reader's language. */
export function milestoneName(milestone: Pick<MilestoneView, 'amount' | 'unit'>, t: TFunction): string {
  return t(`clocks.units.${milestone.unit}`, { count: milestone.amount });
}
