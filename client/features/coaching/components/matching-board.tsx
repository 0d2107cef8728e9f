import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingBoard as Board, ScoreComponentView, Suggestion } from '../../../../shared/contracts/coaching.ts';
import type { PreferenceKey } from '../../../../shared/contracts/coaching-base.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { TableSection } from '../../../components/ui/table-section.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { formatList } from '../../../lib/format.ts';
import { useApproveMatches, useSuggestMatches } from '../api/coaching.ts';
import { useCoachingLabels } from './coaching-labels.ts';

type Labels = ReturnType<typeof useCoachingLabels>;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)]);

/** Words for what a preference asked and what a coach offers. */
function useDescribe() {
  const { t } = useTranslation();
  const labels = useCoachingLabels();
  const words = (key: PreferenceKey, values: string[], l: Labels) => {
    if (key === 'gender') return l.list(values.map((v) => l.gender(v as never)));
    if (key === 'language') return l.languages(values);
    if (key === 'pathway') return l.list(values.map((v) => l.pathway(v as never)));
    if (key === 'specialties') return l.list(values.map((v) => l.specialty(v as never)));
    return l.list(values);
  };
  return (component: ScoreComponentView): { asked: string; offered: string } => {
    const d = component.detail;
    if (component.key === 'times') {
      return {
        asked: `≥ ${Number(d.requiredMinutes ?? 0)} min`,
        offered: t('matching.detail.overlap', { minutes: Number(d.overlapMinutes ?? 0) }),
      };
    }
    if (component.key === 'named_coach') {
      return { asked: '', offered: d.thisCoach ? t('matching.detail.thisCoach') : t('matching.detail.otherCoach') };
    }
    if (component.key === 'waiting') return { asked: '', offered: t('matching.detail.days', { count: Number(d.days ?? 0) }) };
    const asked = words(component.key, strings(d.asked), labels);
    return {
      asked: component.required ? `${asked} (${t('matching.detail.required')})` : asked,
      offered: words(component.key, strings(d.offered), labels),
    };
  };
}

function Explanation({ components }: { components: ScoreComponentView[] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const summaryId = useId();
  return (
    <details className="disclosure">
      <summary id={summaryId}>{t('matching.suggestion.explain')}</summary>
      <TableWrap labelledBy={summaryId}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.suggestion.component')}</th>
              <th scope="col">{t('matching.suggestion.asked')}</th>
              <th scope="col">{t('matching.suggestion.offered')}</th>
              <th scope="col">{t('matching.suggestion.points')}</th>
            </tr>
          </thead>
          <tbody>
            {components.map((component) => {
              const words = describe(component);
              return (
                <tr key={component.key}>
                  <th scope="row">{t(`matching.components.${component.key}`)}</th>
                  <td>{words.asked}</td>
                  <td>{words.offered}</td>
                  <td>
                    {component.points} / {component.maxPoints}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}

/** A member's wishes in one line, must-haves marked. */
function useWishes() {
  const { t } = useTranslation();
  const labels = useCoachingLabels();
  return (preferences: Board['waiting'][number]['preferences']) => {
    const parts: string[] = [];
    const add = (wish: { value: string[]; required: boolean } | null, words: (values: string[]) => string) => {
      if (!wish) return;
      const text = words(wish.value);
      parts.push(wish.required ? t('matching.waiting.required', { what: text }) : text);
    };
    add(preferences.gender, (v) => labels.list(v.map((g) => labels.gender(g as never))));
    add(preferences.language, labels.languages);
    add(preferences.pathway, (v) => labels.list(v.map((p) => labels.pathway(p as never))));
    add(preferences.specialties, (v) => labels.list(v.map((s) => labels.specialty(s as never))));
    if (preferences.times) {
      const text = `${preferences.times.value.map(labels.slot).join(', ')} (${preferences.timezone})`;
      parts.push(preferences.times.required ? t('matching.waiting.required', { what: text }) : text);
    }
    return parts.join('; ') || '—';
  };
}

export function WaitingAndCoaches({ board }: { board: Board }) {
  const { t } = useTranslation();
  const wishes = useWishes();
  return (
    <>
      <TableSection
        id="matching-waiting"
        title={t('matching.waiting.title')}
        empty={t('matching.waiting.none')}
        columns={(['member', 'days', 'wishes', 'named', 'note'] as const).map((key) => t(`matching.waiting.${key}`))}
        rows={board.waiting}
        rowKey={(row) => row.requestId}
        cells={(row) => (
          <>
            <th scope="row">{row.member.alias}</th>
            <td>{row.waitingDays}</td>
            <td>{wishes(row.preferences)}</td>
            <td>{row.requestedCoach?.alias ?? '—'}</td>
            <td className="break-word">{row.intakeNote ?? '—'}</td>
          </>
        )}
      />
      <TableSection
        id="matching-coaches"
        title={t('matching.coaches.title')}
        columns={(['coach', 'free', 'seats', 'accepting'] as const).map((key) => t(`matching.coaches.${key}`))}
        rows={board.coaches}
        rowKey={(coach) => coach.id}
        cells={(coach) => (
          <>
            <th scope="row">{coach.alias}</th>
            <td>{coach.freeSeats}</td>
            <td>
              {coach.seatsTaken} / {coach.maxCaseload}
            </td>
            <td>{coach.accepting ? t('matching.coaches.yes') : t('matching.coaches.no')}</td>
          </>
        )}
      />
    </>
  );
}

function Unmatched({ list, board }: { list: Suggestion['unmatched']; board: Board }) {
  const { t } = useTranslation();
  const labels = useCoachingLabels();
  if (list.length === 0) return null;
  // "Language (Persian)": the requirement no coach with a free seat meets, with what the member asked.
  const requirement = (requestId: string, key: PreferenceKey) => {
    const preferences = board.waiting.find((w) => w.requestId === requestId)?.preferences;
    const asked = preferences?.[key]?.value ?? [];
    const words =
      key === 'times'
        ? (preferences?.times?.value ?? []).map(labels.slot).join(', ')
        : key === 'language'
          ? labels.languages(asked as string[])
          : labels.list(
              (asked as string[]).map((v) =>
                key === 'gender'
                  ? labels.gender(v as never)
                  : key === 'pathway'
                    ? labels.pathway(v as never)
                    : labels.specialty(v as never),
              ),
            );
    return `${t(`matching.components.${key}`)} (${words})`;
  };
  return (
    <div className="stack">
      <h3>{t('matching.unmatched.title')}</h3>
      <ul className="plain-points">
        {list.map((person) => {
          const unmet = Object.keys(person.unmetBy ?? {}) as PreferenceKey[];
          return (
            <li key={person.requestId}>
              <strong>{person.member.alias}</strong>:{' '}
              {person.reason === 'no_feasible_coach'
                ? t('matching.unmatched.noFeasible', { what: formatList(unmet.map((key) => requirement(person.requestId, key))) })
                : t('matching.unmatched.noSeat', { count: person.feasibleCoaches ?? 0 })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "Suggest matches", then the suggested pairs to check, edit and approve. */
export function SuggestAndApprove({ board }: { board: Board }) {
  const { t, i18n } = useTranslation();
  const suggest = useSuggestMatches();
  const approve = useApproveMatches();
  const [chosen, setChosen] = useState<Record<string, { coachId: string; selected: boolean }>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const suggestion = suggest.data;

  async function runSuggest() {
    setMessage(null);
    try {
      const result = await suggest.mutateAsync();
      setChosen(Object.fromEntries(result.pairs.map((pair) => [pair.requestId, { coachId: pair.coach.id, selected: true }])));
    } catch (caught) {
      setMessage({ tone: 'error', text: describeError(caught, t, i18n.language).message ?? '' });
    }
  }

  async function runApprove() {
    const pairs = Object.entries(chosen)
      .filter(([, choice]) => choice.selected)
      .map(([requestId, choice]) => ({ requestId, coachId: choice.coachId }));
    if (pairs.length === 0) {
      setMessage({ tone: 'error', text: t('matching.suggestion.pickSome') });
      return;
    }
    setMessage(null);
    try {
      const result = await approve.mutateAsync(pairs);
      setMessage({ tone: 'success', text: t('matching.suggestion.approved', { count: result.approved.length }) });
      suggest.reset();
      setChosen({});
    } catch (caught) {
      // Conflicts name the member and coach: the server's words help the supervisor more than a generic line.
      const described = describeError(caught, t, i18n.language, caught instanceof Error ? { CONFLICT: caught.message } : {});
      setMessage({ tone: 'error', text: described.message ?? '' });
    }
  }

  return (
    <PageSection id="matching-suggestion" title={t('matching.suggestion.title')}>
      <div className="button-row">
        <Button onPress={runSuggest} isPending={suggest.isPending} isDisabled={board.waiting.length === 0}>
          {t('matching.suggest')}
        </Button>
      </div>
      <div aria-live="polite">{message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}</div>
      {suggestion ? (
        <div className="stack">
          {suggestion.pairs.length === 0 ? <p className="muted">{t('matching.suggestion.none')}</p> : null}
          <ul className="card-list">
            {suggestion.pairs.map((pair) => {
              const choice = chosen[pair.requestId] ?? { coachId: pair.coach.id, selected: false };
              const options = suggestion.options.find((o) => o.requestId === pair.requestId)?.coaches ?? [];
              const override = choice.coachId !== pair.coach.id ? options.find((o) => o.coach.id === choice.coachId) : null;
              const selectId = `coach-for-${pair.requestId}`;
              return (
                <li key={pair.requestId} className="card stack">
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      className="inline-check-box"
                      checked={choice.selected}
                      onChange={(event) => setChosen({ ...chosen, [pair.requestId]: { ...choice, selected: event.target.checked } })}
                    />
                    <span>{t('matching.suggestion.select', { alias: pair.member.alias })}</span>
                  </label>
                  <div className="field">
                    <label className="field-label" htmlFor={selectId}>
                      {t('matching.suggestion.override', { alias: pair.member.alias })}
                    </label>
                    <select
                      id={selectId}
                      className="input select"
                      value={choice.coachId}
                      aria-describedby={`${selectId}-hint`}
                      onChange={(event) => setChosen({ ...chosen, [pair.requestId]: { ...choice, coachId: event.target.value } })}
                    >
                      {options.map((option) => (
                        <option key={option.coach.id} value={option.coach.id}>
                          {option.coach.alias} — {option.total}
                        </option>
                      ))}
                    </select>
                    <p id={`${selectId}-hint`} className="field-hint">
                      {t('matching.suggestion.overrideHint')}
                    </p>
                  </div>
                  <p>{t('matching.suggestion.total', { total: override ? override.total : pair.total })}</p>
                  {override ? null : <Explanation components={pair.components} />}
                </li>
              );
            })}
          </ul>
          <Unmatched list={suggestion.unmatched} board={board} />
          {suggestion.pairs.length > 0 ? (
            <div className="button-row">
              <Button onPress={runApprove} isPending={approve.isPending}>
                {t('matching.suggestion.approve')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </PageSection>
  );
}
