/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The web application's entry: sign-in, the role-aware shell (navigation, focus, errors) and the router.
import { api, ApiError } from './api.js';
import { renderAnalysis } from './dashboard.js';
import { announce, append, byId, clear, h } from './dom.js';
import { hasUnsavedChanges, resetDirtyTracking } from './forms.js';
import { renderIrcCase, renderIrcQueue } from './ircScreens.js';
import { forgetProtocol } from './protocol.js';
import { renderDashboard, renderLocks, renderQueries } from './reviewScreens.js';
import type { SessionInfo, Shell } from './shell.js';
import { renderSubject, renderSubjectList } from './subjectScreens.js';

interface NavItem {
  readonly path: string;
  readonly label: string;
}

const NAV: Readonly<Record<SessionInfo['role'], readonly NavItem[]>> = {
  investigator: [{ path: '/subjects', label: 'Subjects' }, { path: '/queries', label: 'Queries' }],
  coordinator: [{ path: '/subjects', label: 'Subjects' }, { path: '/queries', label: 'Queries' }],
  irc: [{ path: '/irc', label: 'Review queue' }],
  data_manager: [
    { path: '/subjects', label: 'Subjects' },
    { path: '/queries', label: 'Queries' },
    { path: '/locks', label: 'Locks and snapshots' },
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/analysis', label: 'Analysis' },
  ],
  monitor: [
    { path: '/subjects', label: 'Subjects' },
    { path: '/queries', label: 'Queries' },
  ],
  statistician: [{ path: '/analysis', label: 'Analysis' }, { path: '/locks', label: 'Locks and snapshots' }],
  sponsor: [{ path: '/analysis', label: 'Analysis' }, { path: '/dashboard', label: 'Dashboard' }],
  admin: [],
};

function mainRegion(): HTMLElement {
  return byId('main');
}

function createShell(session: SessionInfo): Shell {
  const shell: Shell = {
    session,
    show(title, ...content) {
      const main = mainRegion();
      clear(main);
      document.title = `${title} — trialkit EDC`;
      append(main, h('h2', { id: 'screen-title', tabindex: '-1' }, title), h('div', { id: 'screen-error', role: 'alert' }), ...content);
      byId('screen-title').focus();
    },
    navigate(path) {
      if (hasUnsavedChanges() && !window.confirm('You have unsaved changes. Leave this screen and lose them?')) return;
      resetDirtyTracking();
      history.pushState(null, '', path);
      void route(shell);
    },
    error(error) {
      const target = document.getElementById('screen-error');
      const text = error instanceof ApiError ? `${error.message} (${error.status})` : String(error);
      if (target !== null) target.textContent = text;
      announce(text);
    },
  };
  return shell;
}

function renderNav(shell: Shell | null): void {
  const nav = byId('nav');
  clear(nav);
  const who = byId('who');
  clear(who);
  if (shell === null) return;
  for (const item of NAV[shell.session.role]) {
    const current = location.pathname === item.path || location.pathname.startsWith(`${item.path}/`);
    append(nav, h('li', {}, h('a', { href: item.path, 'data-link': true, 'aria-current': current ? 'page' : undefined }, item.label)));
  }
  const logout = h('button', { type: 'button', class: 'secondary', id: 'logout' }, 'Sign out');
  logout.addEventListener('click', () => {
    void api('POST', '/auth/logout').finally(() => {
      forgetProtocol();
      history.pushState(null, '', '/');
      void start();
    });
  });
  append(who, `${shell.session.displayName} (${shell.session.role.replace('_', ' ')}${shell.session.siteId === null ? '' : `, site ${shell.session.siteId}`}) `, logout);
}

async function route(shell: Shell): Promise<void> {
  renderNav(shell);
  const path = decodeURI(location.pathname);
  try {
    const subject = /^\/subjects\/([^/]+)(\/screening)?$/.exec(path);
    if (subject !== null) await renderSubject(shell, subject[1], subject[2] !== undefined);
    else if (path === '/subjects') await renderSubjectList(shell);
    else if (path === '/queries') await renderQueries(shell);
    else if (path === '/irc') await renderIrcQueue(shell);
    else if (/^\/irc\/cases\/[^/]+$/.test(path)) await renderIrcCase(shell, path.slice('/irc/cases/'.length));
    else if (path === '/locks') await renderLocks(shell);
    else if (path === '/dashboard') await renderDashboard(shell);
    else if (path === '/analysis') await renderAnalysis(shell);
    else {
      const home = NAV[shell.session.role][0] as NavItem | undefined;
      if (home !== undefined) {
        history.replaceState(null, '', home.path);
        await route(shell);
      } else shell.show('Welcome', h('p', {}, 'This role has no screens in the web application yet; use the API.'));
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      renderLogin();
      return;
    }
    shell.show('Something went wrong', h('p', { class: 'error' }, error instanceof ApiError ? `${error.message} (${error.status})` : String(error)));
  }
}

function renderLogin(message?: string): void {
  renderNav(null);
  const main = mainRegion();
  clear(main);
  document.title = 'Sign in — trialkit EDC';
  const form = h(
    'form',
    { id: 'login', class: 'card login', 'aria-labelledby': 'login-title' },
    h('h2', { id: 'login-title' }, 'Sign in'),
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, 'User id'), h('input', { id: 'login-user', name: 'userId', type: 'text', autocomplete: 'username', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'login-error' })),
    h('p', { id: 'login-error', class: 'error', role: 'alert' }, message ?? ''),
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const userId = form.querySelector<HTMLInputElement>('#login-user')?.value ?? '';
    const password = form.querySelector<HTMLInputElement>('#login-password')?.value ?? '';
    api<SessionInfo>('POST', '/auth/login', { userId, password })
      .then((session) => {
        history.replaceState(null, '', '/');
        currentShell = createShell(session);
        void route(currentShell);
      })
      .catch((error: unknown) => {
        const target = form.querySelector('#login-error');
        if (target !== null) target.textContent = error instanceof ApiError ? error.message : String(error);
      });
  });
  append(main, form);
  form.querySelector<HTMLInputElement>('#login-user')?.focus();
}

let currentShell: Shell | null = null;

async function start(): Promise<void> {
  try {
    const session = await api<SessionInfo>('GET', '/auth/session');
    currentShell = createShell(session);
    await route(currentShell);
  } catch (error) {
    currentShell = null;
    renderLogin(error instanceof ApiError && error.status === 401 ? undefined : String(error));
  }
}

// in-app links keep the page (and any unsaved form warning) instead of reloading
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a[data-link]');
  if (link === null || link === undefined || currentShell === null || event.defaultPrevented || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  currentShell.navigate(link.getAttribute('href') ?? '/');
});
window.addEventListener('popstate', () => {
  if (currentShell !== null) void route(currentShell);
});

void start();
