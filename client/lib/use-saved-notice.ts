import { useState } from 'react';

/**
 * The "saved" message of a form that stays open after saving: shown after a successful save, gone at the next edit
 * or submit. Typed-in inputs clear it through the form's onChange; wrap the setters of controlled widgets
 * (switches, pickers, groups) with edited() so they clear it too.
 */
export function useSavedNotice() {
  const [isSaved, setSaved] = useState(false);
  const clearSaved = () => setSaved(false);
  const markSaved = () => setSaved(true);
  function edited<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setSaved(false);
    };
  }
  return { isSaved, clearSaved, markSaved, edited };
}
