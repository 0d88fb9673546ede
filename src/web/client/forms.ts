/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Unsaved edits: a dirty form warns before the page or the screen is left.

let dirtyForms = 0;

export function trackDirty(form: HTMLFormElement): { clean(): void } {
  let dirty = false;
  form.addEventListener('input', () => {
    if (!dirty) dirtyForms++;
    dirty = true;
  });
  return {
    clean() {
      if (dirty) dirtyForms--;
      dirty = false;
    },
  };
}

export const hasUnsavedChanges = (): boolean => dirtyForms > 0;

export function resetDirtyTracking(): void {
  dirtyForms = 0;
}

window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedChanges()) event.preventDefault();
});

/** The first field marked invalid gets the focus, so the site starts where the form needs it. */
export function focusFirstError(scope: HTMLElement): void {
  const first = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (first === null) return;
  // centred, so neither the page header nor the sticky action bar covers it
  first.focus({ preventScroll: true });
  first.scrollIntoView({ block: 'center' });
}
