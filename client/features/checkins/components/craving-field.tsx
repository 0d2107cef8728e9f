import { Label, Slider, SliderOutput, SliderThumb, SliderTrack } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Props = { value: number; onChange: (craving: number) => void };

/** A 0–10 slider with its value shown large; arrows, Page Up/Down, Home and End move it from the keyboard. */
export function CravingField({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Slider className="field slider" value={value} onChange={onChange} minValue={0} maxValue={10} step={1}>
      <div className="slider-header">
        <Label className="field-label">{t('checkin.craving')}</Label>
        <SliderOutput className="slider-output" />
      </div>
      <SliderTrack className="slider-track">
        {({ state }) => (
          <>
            <span className="slider-fill" style={{ width: `${state.getThumbPercent(0) * 100}%` }} />
            <SliderThumb className="slider-thumb" name="craving" aria-describedby="craving-scale" />
          </>
        )}
      </SliderTrack>
      <p id="craving-scale" className="slider-scale field-hint">
        <span>{t('checkin.cravingLow')}</span>
        <span>{t('checkin.cravingHigh')}</span>
      </p>
    </Slider>
  );
}
