import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_FINDER_LIMITS, type MeetingFacets } from '../../../../shared/contracts/meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatLanguages } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import {
  ACCESS_CHOICES,
  type FinderFilters,
  MODE_CHOICES,
  PLACE_CHOICES,
  type PlaceChoice,
  RADIUS_CHOICES,
  roundedPoint,
  WHEN_CHOICES,
  type WhenChoice,
} from './finder-filters.ts';
import { weekdayName } from './meeting-time.ts';
import { typeOptions } from './type-names.ts';

type Props = { initial: FinderFilters; facets: MeetingFacets | undefined; onSearch: (filters: FinderFilters) => void };

function TimeInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="time" className="input" value={value} required onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

type Locating = 'idle' | 'busy' | 'failed';

/** The finder's search form. Nothing is sent until "Search": on a slow network each change is not a request. */
export function FinderForm({ initial, facets, onSearch }: Props) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(initial);
  const [locating, setLocating] = useState<Locating>('idle');
  const set = <K extends keyof FinderFilters>(key: K, value: FinderFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  // Open when the search in the URL uses one of them; from `initial` only, so it never closes under the reader.
  const moreOpen = initial.modes.length + initial.access.length > 0 || !!(initial.fellowship || initial.language || initial.type);

  function choosePlace(place: PlaceChoice) {
    set('place', place);
    if (place !== 'here' || filters.near) return;
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        set('near', roundedPoint(position.coords.latitude, position.coords.longitude));
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(filters);
  }

  const regions = facets?.regions ?? [];
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: weekdayName(d) }));
  return (
    <form className="stack finder-form" onSubmit={submit} aria-labelledby="finder-search">
      <h2 id="finder-search" className="visually-hidden">
        {t('meetings.finder.filtersTitle')}
      </h2>
      <TextField
        name="q"
        type="search"
        label={t('meetings.finder.name')}
        description={t('meetings.finder.nameHint')}
        value={filters.q}
        onChange={(v) => set('q', v)}
        maxLength={MEETING_FINDER_LIMITS.searchMax}
        spellCheck={false}
      />
      <RadioGroup label={t('meetings.finder.when')} value={filters.when} onChange={(v) => set('when', v as WhenChoice)}>
        <div className="finder-choices">
          {WHEN_CHOICES.map((when) => (
            <Radio key={when} value={when}>
              {t(`meetings.finder.whenOptions.${when}`)}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {filters.when === 'window' ? (
        <div className="finder-row">
          <SelectField name="day" label={t('meetings.finder.day')} options={days} value={filters.day} onChange={(v) => set('day', v)} />
          <TimeInput label={t('meetings.finder.from')} value={filters.from} onChange={(v) => set('from', v)} />
          <TimeInput label={t('meetings.finder.to')} value={filters.to} onChange={(v) => set('to', v)} />
        </div>
      ) : null}

      <RadioGroup
        label={t('meetings.finder.place')}
        value={filters.place}
        onChange={(v) => choosePlace(v as PlaceChoice)}
        description={filters.place === 'here' ? t('meetings.finder.locationHint') : undefined}
      >
        <div className="finder-choices">
          {PLACE_CHOICES.filter((place) => place !== 'region' || regions.length > 0).map((place) => (
            <Radio key={place} value={place}>
              {t(`meetings.finder.placeOptions.${place}`)}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {filters.place === 'here' && locating !== 'idle' ? (
        <p role="status" className={locating === 'failed' ? 'field-error' : 'muted'}>
          {locating === 'busy' ? t('meetings.finder.locating') : t('meetings.finder.locationFailed')}
        </p>
      ) : null}
      {filters.place !== 'anywhere' ? (
        <div className="finder-row">
          {filters.place === 'region' ? (
            <SelectField
              name="region"
              label={t('meetings.finder.region')}
              options={[{ value: '', label: t('meetings.finder.chooseRegion') }, ...regions.map((r) => ({ value: r.name, label: r.name }))]}
              value={filters.region}
              onChange={(v) => set('region', v)}
            />
          ) : null}
          <SelectField
            name="radius"
            label={t('meetings.finder.radius')}
            options={RADIUS_CHOICES.map((km) => ({ value: km, label: t('meetings.finder.radiusKm', { count: Number(km) }) }))}
            value={filters.radius}
            onChange={(v) => set('radius', v as FinderFilters['radius'])}
          />
        </div>
      ) : null}

      <details className="finder-more" open={moreOpen}>
        <summary>{t('meetings.finder.more')}</summary>
        <div className="stack">
          <CheckboxGroup label={t('meetings.finder.mode')} value={filters.modes} onChange={(v) => set('modes', v)}>
            {MODE_CHOICES.map((mode) => (
              <Checkbox key={mode} value={mode}>
                {t(`meetings.modes.${mode}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          {facets && facets.fellowships.length > 0 ? (
            <SelectField
              name="fellowship"
              label={t('meetings.finder.fellowship')}
              options={[
                { value: '', label: t('meetings.finder.anyFellowship') },
                ...facets.fellowships.map((f) => ({ value: f.name, label: f.name })),
              ]}
              value={filters.fellowship}
              onChange={(v) => set('fellowship', v)}
            />
          ) : null}
          {facets && facets.languages.length > 0 ? (
            <SelectField
              name="language"
              label={t('meetings.finder.language')}
              options={[
                { value: '', label: t('meetings.finder.anyLanguage') },
                ...facets.languages.map((l) => ({ value: l.code, label: formatLanguages([l.code]) })),
              ]}
              value={filters.language}
              onChange={(v) => set('language', v)}
            />
          ) : null}
          <SelectField
            name="types"
            label={t('meetings.finder.type')}
            options={[{ value: '', label: t('meetings.finder.anyType') }, ...typeOptions()]}
            value={filters.type}
            onChange={(v) => set('type', v)}
          />
          <CheckboxGroup label={t('meetings.finder.access')} value={filters.access} onChange={(v) => set('access', v)}>
            {ACCESS_CHOICES.map((code) => (
              <Checkbox key={code} value={code}>
                {t(`meetings.accessOptions.${code}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
        </div>
      </details>

      <div className="finder-actions">
        <Button type="submit" isPending={locating === 'busy'}>
          {t('meetings.finder.search')}
        </Button>
        <Link to={paths.meetings}>{t('meetings.finder.clear')}</Link>
      </div>
    </form>
  );
}
