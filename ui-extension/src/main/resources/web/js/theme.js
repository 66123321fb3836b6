// Light, dark and high-contrast themes: the system's preference unless the user picked one, which
// localStorage remembers.

const KEY = 'tributary.theme';
export const THEMES = ['system', 'light', 'dark', 'high-contrast'];
const listeners = new Set();

function stored() {
  try {
    return localStorage.getItem(KEY) || 'system';
  } catch {
    return 'system';
  }
}

function systemTheme() {
  const mq = (q) => window.matchMedia && window.matchMedia(q).matches;
  if (mq('(prefers-contrast: more)')) return 'high-contrast';
  return mq('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}

export function themeChoice() {
  return stored();
}

export function effectiveTheme() {
  const choice = stored();
  return choice === 'system' ? systemTheme() : choice;
}

function apply() {
  document.documentElement.dataset.theme = effectiveTheme();
  listeners.forEach((l) => l(effectiveTheme()));
}

export function setTheme(choice) {
  if (!THEMES.includes(choice)) throw new Error(`Theme '${choice}' is unknown: use ${THEMES.join(', ')}`);
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    /* not remembered in private mode */
  }
  apply();
}

export function onThemeChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads a custom property of the current theme, for canvas drawing that CSS does not reach. */
export function themeColor(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function initTheme() {
  apply();
  if (window.matchMedia) {
    for (const q of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
      window.matchMedia(q).addEventListener('change', () => stored() === 'system' && apply());
    }
  }
}
