import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clock } from '../../../../shared/contracts/clocks.ts';
import { Button } from '../../../components/ui/button.tsx';
import { milestoneName } from './milestone-name.ts';

const STORAGE_KEY = 'kinship.celebrated-milestones';

/**
 * One short id per clock, run and milestone (a new run can celebrate the same milestone again). Hashed, so what
 * stays on the device says nothing readable: no labels, no dates.
 */
function celebrationId(clock: Clock, key: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${clock.id}|${clock.startedAt}|${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function readShown(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

function remember(ids: string[]): void {
  try {
    const shown = readShown();
    for (const id of ids) shown.add(id);
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...shown].slice(-500)));
  } catch {
    // Private browsing or a full storage: the celebration may show again, which is harmless.
  }
}

type Fresh = { id: string; label: string; milestone: string };

/**
 * Celebrates, once, the newest milestone each clock has reached since it was last shown on this device.
 * The status region is always on the page so screen readers announce what appears in it.
 */
export function MilestoneCelebration({ clocks }: { clocks: Clock[] | undefined }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const [fresh, setFresh] = useState<Fresh[]>([]);

  // Each newly reached milestone is remembered as soon as it is found, so it is celebrated once, even across refetches.
  useEffect(() => {
    if (!clocks) return;
    const shown = readShown();
    const found = clocks.flatMap((clock) => {
      const newest = clock.reachedMilestones.at(-1);
      if (!newest) return [];
      const id = celebrationId(clock, newest.key);
      return shown.has(id) ? [] : [{ id, label: clock.label, milestone: milestoneName(newest, t) }];
    });
    if (found.length === 0) return;
    remember(found.map((item) => item.id));
    setDismissed(false);
    setFresh((current) => [...current.filter((item) => !found.some((other) => other.id === item.id)), ...found]);
  }, [clocks, t]);

  return (
    <div role="status" className="celebration-region">
      {fresh.length > 0 && !dismissed ? (
        <div className="card stack celebration">
          <p className="celebration-title">{t('clocks.celebrate.title')}</p>
          <ul className="plain-points">
            {fresh.map((item) => (
              <li key={item.id}>{t('clocks.celebrate.reached', { milestone: item.milestone, label: item.label })}</li>
            ))}
          </ul>
          <p>{t('clocks.celebrate.body')}</p>
          <Button variant="secondary" onPress={() => setDismissed(true)}>
            {t('clocks.celebrate.dismiss')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
