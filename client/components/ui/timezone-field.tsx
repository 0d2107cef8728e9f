import { useMemo } from 'react';
import { SelectField } from './select-field.tsx';

function zoneList(current: string | undefined): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const extra = ['UTC', current].filter((zone): zone is string => !!zone && !zones.includes(zone));
  return [...new Set([...extra, ...zones])];
}

type Props = {
  name: string;
  label: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  description?: string;
};

export function TimezoneField({ name, label, value, onChange, error, description }: Props) {
  const options = useMemo(() => zoneList(value).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), [value]);
  return (
    <SelectField name={name} label={label} options={options} value={value} onChange={onChange} error={error} description={description} />
  );
}
