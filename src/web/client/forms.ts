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
