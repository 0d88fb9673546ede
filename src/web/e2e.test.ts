import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findProtocol } from '../protocols/index.js';
import { DEMO_PASSWORD, seedDemoAccounts, startServer, type RunningServer } from '../server/index.js';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';

// The flow through a real headless Chromium against the real server on PGlite, serving the reference
// protocol: every form on screen is rendered from the protocol's metadata (GET /api/v1/protocol). Each role
// signs in, a site screens two patients (one fails a criterion), enrols, enters a cycle, labs, an AE, a
// disease form and the response assessments and the investigator's calls; the IRC adjudicates the case; the
// data manager raises a query the site answers, and locks the trial.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = repoPath('.tmp', 'web-screenshots');
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
const PROTOCOL = reference;

let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

function running(): { server: RunningServer; browser: Browser } {
  if (server === undefined || browser === undefined) throw new Error('the server or the browser did not start (see the before hook)');
  return { server, browser };
}

async function signIn(userId: string): Promise<Page> {
  const { server: s, browser: b } = running();
  const context = await b.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  page.on('console', (message) => {
    // a refused request (401 before sign-in, 423 on the locked trial) is the browser's note, not a script error
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`${userId} console: ${message.text()}`);
  });
  await page.goto(s.url);
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#screen-title').waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The same screen at tablet width too. */
async function shots(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize(TABLET);
  await shot(page, `${name}-tablet`);
  await page.setViewportSize(DESKTOP);
}

/** Presses a button from the keyboard (every form is keyboard usable; this also avoids clicking mid-scroll after a full-page shot). */
async function submit(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).press('Enter');
}

/** Fills the form's fields by their data path (selects by code, checkboxes by boolean). */
async function fill(page: Page, formId: string, values: Readonly<Record<string, string | boolean>>): Promise<void> {
  for (const [path, value] of Object.entries(values)) {
    const control = page.locator(`#${formId} [data-path="${path}"]`);
    const tag = await control.evaluate((node) => node.tagName.toLowerCase());
    if (typeof value === 'boolean') await control.setChecked(value);
    else if (tag === 'select') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Shows a tab of the subject page (visits and forms, status grid, timeline, records): one panel at a time. */
async function view(page: Page, tab: 'visits' | 'grid' | 'timeline' | 'records'): Promise<void> {
  await page.locator(`[data-tab="${tab}"]`).click();
}

/** Picks a form of the protocol in the subject's entry section; it is rendered from its metadata below. */
async function pick(page: Page, formType: string): Promise<void> {
  await view(page, 'visits');
  await page.locator('#form-picker').selectOption(formType);
  await page.locator(`#${formType}`).waitFor();
}

const ELIGIBLE: Readonly<Record<string, string>> = {
  screeningDate: '2021-05-10',
  consentDate: '2021-05-08',
  enrolmentDate: '2021-05-20',
  birthDate: '1959-03-02',
  sex: 'female',
  weightKg: '58',
  ecog: '1',
  'labs.anc.value': '1.8',
  'labs.anc.unit': '10^9/L',
  'labs.platelets.value': '112',
  'labs.platelets.unit': '10^9/L',
  'labs.totalBilirubin.value': '12.3',
  'labs.totalBilirubin.unit': 'umol/L',
  'labs.totalBilirubin.upperLimitOfNormal': '21',
  'labs.alt.value': '28',
  'labs.alt.unit': 'U/L',
  'labs.alt.upperLimitOfNormal': '40',
  'labs.ast.value': '35',
  'labs.ast.unit': 'U/L',
  'labs.ast.upperLimitOfNormal': '40',
  'labs.creatinine.value': '96',
  'labs.creatinine.unit': 'umol/L',
  'labs.creatinine.upperLimitOfNormal': '97',
  'measures.serumMProteinGPerL': '18.4',
  'measures.urineMProteinMgPer24h': '150',
  'measures.involvedFlcMgPerL': '220',
  'measures.flcRatio': '14.2',
  'facts.rrmmDiagnosis': 'yes',
  'facts.thalidomideIntolerance': 'no',
  'facts.lenalidomideIntolerance': 'no',
  'facts.pomalidomideIntolerance': 'no',
  'facts.proteasomeInhibitorHypersensitivity': 'no',
  'facts.dexamethasoneHypersensitivity': 'no',
  'facts.otherIngredientHypersensitivity': 'no',
  'facts.peripheralNeuropathyGrade': '1',
  'facts.nyhaClass': '1',
  'facts.priorMyocardialInfarction': 'no',
  'facts.unstableOrPoorlyControlledAngina': 'no',
};

/** The prior lines, oldest first: agents with their cycles, dates, refractoriness, best response. */
const LINES: readonly { readonly agents: readonly (readonly [string, string])[]; readonly fields: Readonly<Record<string, string>> }[] = [
  { agents: [['bortezomib', '4'], ['cyclophosphamide', '4'], ['dexamethasone', '4']], fields: { startDate: '2017-01-15', endDate: '2017-09-30', progressionDate: '2019-02-11', refractory: 'no', bestResponse: 'VGPR' } },
  { agents: [['lenalidomide', '14'], ['dexamethasone', '14']], fields: { startDate: '2019-03-01', endDate: '2020-04-20', progressionDate: '2020-04-20', refractory: 'yes', bestResponse: 'PR' } },
  { agents: [['ixazomib', '6'], ['lenalidomide', '6'], ['dexamethasone', '6']], fields: { startDate: '2020-05-12', endDate: '2021-03-31', progressionDate: '2021-04-26', refractory: 'yes' } },
];

/** Adds the prior lines to the screening form's repeating group (rows and, within each, agents added with their buttons). */
async function fillLines(page: Page, lines: typeof LINES): Promise<void> {
  for (const [i, line] of lines.entries()) {
    await page.locator('#screening-priorTherapyLines-add').press('Enter');
    const base = `priorTherapyLines.${i}`;
    for (const [j, [agent, cycles]] of line.agents.entries()) {
      // the first agent's row is there (a line has at least one agent)
      if (j > 0) await page.locator(`#screening [data-add="${base}.agents"]`).press('Enter');
      await fill(page, 'screening', { [`${base}.agents.${j}.agent`]: agent, [`${base}.agents.${j}.cycles`]: cycles });
    }
    await fill(page, 'screening', Object.fromEntries(Object.entries(line.fields).map(([key, value]) => [`${base}.${key}`, value])));
  }
}

async function screenNewSubject(page: Page, values: Readonly<Record<string, string>>, lines = LINES): Promise<string> {
  await page.getByRole('link', { name: 'Subjects' }).click();
  await page.getByRole('button', { name: /Register a new subject/ }).click();
  await page.locator('#screening').waitFor();
  const subjectId = (await page.locator('#screen-title').textContent())?.replace('Screening ', '') ?? '';
  await fill(page, 'screening', values);
  await fillLines(page, lines);
  return subjectId;
}

describe('web application end to end (headless Chromium)', { timeout: 300_000 }, () => {
  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium' (.ci/run does this)`);
    }
    mkdirSync(SHOTS, { recursive: true });
    store = await openEmbeddedStore();
    await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Site 01' }] });
    server = await startServer({ store, protocol: PROTOCOL, port: 0, log: (line) => process.env.WEB_E2E_LOG === '1' && console.log(line) });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  let enrolledId = '';

  it('refuses a wrong password and names the problem next to the form', async () => {
    const { server: s, browser: b } = running();
    const page = await b.newPage();
    await page.goto(s.url);
    await page.getByLabel('User id').fill('demo-investigator');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#login-error', { hasText: 'wrong user id or password' }).waitFor();
    await shot(page, '01-login-error');
    await page.close();
  });

  it('screens a patient who fails one criterion (ECOG 3) and records the screen failure', async () => {
    const page = await signIn('demo-investigator');
    await shot(page, '02-site-subjects-empty');
    const subjectId = await screenNewSubject(page, { ...ELIGIBLE, ecog: '3' });
    await page.locator('[data-criterion="inc-ecog"][data-status="not met"]').waitFor();
    assert.equal(await page.locator('[data-status="not met"]').count(), 1, 'exactly one criterion fails');
    assert.match((await page.locator('#eligibility-verdict').textContent()) ?? '', /Not eligible/);
    await shots(page, '03-screening-fails-ecog');
    await submit(page, 'Save screening');
    await page.getByRole('button', { name: 'Record screen failure' }).click();
    await page.locator('#subject-status', { hasText: 'screen failure' }).waitFor();
    assert.ok(subjectId.startsWith('S01-'), subjectId);
    await page.context().close();
  });

  it('renders the screening form from the metadata: a schema error next to its field as it is typed, rows of a group added and removed', async () => {
    const page = await signIn('demo-coordinator');
    await screenNewSubject(page, { ...ELIGIBLE, weightKg: 'heavy' }, []);
    const weight = page.locator('#screening [data-path="weightKg"]');
    assert.equal(await weight.getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#screening-weightKg-error').textContent()) ?? '', /number/);
    // every field of the protocol's screening form is on the screen, under its key
    const screening = PROTOCOL.definition.forms.find((f) => f.role === 'screening');
    assert.ok(screening !== undefined);
    for (const field of screening.fields.filter((f) => f.origin !== 'assigned')) assert.equal(await page.locator(`#screening [data-path="${field.key}"]`).count(), 1, field.key);
    // a repeating group: rows added, one removed, the next ones move up; a hard limit of the metadata checked as typed
    await fillLines(page, [LINES[0], LINES[1]]);
    assert.equal(await page.locator('#screening fieldset.group-row[data-path^="priorTherapyLines."]:not([data-path*="agents"])').count(), 2);
    await page.locator('#screening [data-remove="priorTherapyLines.0"]').press('Enter');
    assert.equal(await page.locator('#screening [data-path="priorTherapyLines.0.agents.0.agent"]').inputValue(), 'lenalidomide', 'the second line moved up');
    assert.equal(await page.locator('#screening [data-path="priorTherapyLines.1.startDate"]').count(), 0);
    await fill(page, 'screening', { 'facts.nyhaClass': '7' });
    await page.locator('#screening-facts-nyhaClass[aria-invalid="true"]').waitFor();
    assert.match((await page.locator('#screening-facts-nyhaClass-error').textContent()) ?? '', /must be at most 4/);
    await page.context().close();
  });

  it('screens a patient who passes every criterion and enrols them', async () => {
    const page = await signIn('demo-investigator');
    enrolledId = await screenNewSubject(page, ELIGIBLE);
    await page.locator('#eligibility-verdict', { hasText: 'Eligible' }).waitFor();
    assert.equal(await page.locator('[data-status="not met"]').count(), 0);
    assert.equal(await page.locator('[data-status="not evaluable"]').count(), 0);
    await shots(page, '04-screening-eligible');
    await submit(page, 'Save screening');
    await page.getByRole('button', { name: 'Enrol subject' }).click();
    await page.locator('#subject-status', { hasText: 'enrolled' }).waitFor();
    await page.context().close();
  });

  it('grades a neutrophil count live, proposes the dose of each drug and holds one on the grade 4 count alone, then records the AE', async () => {
    const page = await signIn('demo-investigator');
    await page.goto(`${running().server.url}/subjects/${enrolledId}`);
    await pick(page, 'dosing');
    await fill(page, 'dosing', {
      cycle: '1', drug: 'pomalidomide', startDate: '2021-05-20', endDate: '2021-06-09', plannedDoseMg: '4', plannedDays: '21', doseGivenMg: '4', daysGiven: '21',
    });
    await submit(page, /^Save study drug/i);
    await page.locator('#dosing-result', { hasText: 'saved' }).waitFor();
    await view(page, 'timeline');
    await page.locator('#dose-proposal > [data-action="continue"]').waitFor();
    await page.locator('#dose-proposal li[data-drug="dexamethasone"][data-action="continue"]').waitFor();

    await pick(page, 'lab');
    await fill(page, 'lab', { date: '2021-06-03', visit: 'C1D15', analyte: 'neutrophils' });
    assert.equal(await page.locator('#lab [data-path="unit"]').inputValue(), '10^9/L', 'the SI unit of the analyte is offered');
    await fill(page, 'lab', { value: '0.3', lln: '2.0', source: 'local' });
    await page.locator('#lab-live [data-term="Neutrophil count decreased"][data-grade="4"]').waitFor();
    await shots(page, '05-lab-live-grade-4');
    await submit(page, /^Save laboratory result/i);
    await page.locator('#lab-saved-grade', { hasText: 'grade 4' }).waitFor();
    // the grade 4 count alone holds the drug of the count rule (no AE needed); the timeline's proposal follows the lab save
    await view(page, 'timeline');
    await page.locator('#dose-proposal > [data-action="hold"]').waitFor();
    await page.locator('#dose-proposal li[data-drug="pomalidomide"][data-action="hold"]').waitFor();
    assert.equal(await page.locator('#dose-proposal > [data-action="continue"]').count(), 0, 'no stale continue proposal after the lab');

    await pick(page, 'adverseEvent');
    await fill(page, 'adverseEvent', {
      sequence: '1',
      reportedTerm: 'neutropenia',
      preferredTerm: 'Neutrophil count decreased',
      onsetDate: '2021-06-03',
      grade: '4',
      serious: false,
      'relatedness.pomalidomide': 'probable',
      'relatedness.dexamethasone': 'not-related',
      'actionTaken.pomalidomide': 'interrupted',
      'actionTaken.dexamethasone': 'none',
      ledToStudyDiscontinuation: false,
      outcome: 'not-recovered',
    });
    await submit(page, /^Save adverse event/i);
    await page.locator('#adverseEvent-result', { hasText: 'saved' }).waitFor();
    await view(page, 'records');
    await page.locator('#record-list td', { hasText: 'Adverse event' }).waitFor();
    await view(page, 'timeline');
    await page.locator('#dose-proposal > [data-action="hold"]').waitFor();
    assert.equal(await page.locator('#dose-proposal > [data-action="continue"]').count(), 0, 'the AE keeps the hold');
    await shots(page, '06-subject-timeline-hold');
    await page.context().close();
  });

  it("derives the response on the protocol's scale from the assessments saved, and records the investigator's calls", async () => {
    const page = await signIn('demo-investigator');
    await page.goto(`${running().server.url}/subjects/${enrolledId}`);
    const visits: [string, string, string][] = [['2021-05-18', 'baseline', '20'], ['2021-06-17', 'C2D1', '8'], ['2021-07-15', 'C3D1', '7.5']];
    for (const [date, visit, value] of visits) {
      await pick(page, 'diseaseAssessment');
      await fill(page, 'diseaseAssessment', { date, visit, source: 'central', serumMProteinGPerL: value });
      await submit(page, /^Save disease assessment/i);
      const saved = page.locator('#response-saved');
      await saved.waitFor();
      if (visit === 'C2D1') {
        assert.match((await saved.textContent()) ?? '', /PR/);
        await page.locator('#response-live li[data-latest="PR"]').waitFor();
        await shots(page, '07-assessment-response-pr');
      }
      await page.reload();
      await page.locator('#form-picker').waitFor();
    }
    await view(page, 'timeline');
    await page.locator('#timeline [data-timeline="diseaseAssessment"] td', { hasText: 'PR' }).first().waitFor();
    await page.locator('#response-summary li[data-best="PR"]').waitFor();

    // the investigator's calls: PR, then VGPR where the central values still make a PR
    for (const [date, response] of [['2021-06-17', 'PR'], ['2021-07-15', 'VGPR']] as const) {
      await pick(page, 'responseCall');
      await fill(page, 'responseCall', { date, evaluator: 'investigator', response });
      await submit(page, /^Save response assessment/i);
      await page.locator('#responseCall-result', { hasText: 'saved' }).waitFor();
      await page.reload();
      await page.locator('#form-picker').waitFor();
    }
    // dates are shown DD-MMM-YYYY
    await view(page, 'timeline');
    await page.locator('#timeline [data-timeline="responseCall"] tr', { hasText: '15-JUL-2021' }).locator('td', { hasText: 'Very good partial response' }).waitFor();
    await page.context().close();
  });

  it('renders a disease form with its record of codes, queries a value beyond a soft limit, and refuses one beyond a hard limit next to the field', async () => {
    const page = await signIn('demo-investigator');
    await page.goto(`${running().server.url}/subjects/${enrolledId}`);
    await pick(page, 'baselineDisease');
    await fill(page, 'baselineDisease', {
      sampleDate: '2021-05-12',
      beta2MicroglobulinMgPerL: '3.1',
      albuminGPerL: '38',
      ldhUPerL: '180',
      ldhUlnUPerL: '5000',
      'fish.del17p': 'negative',
      'fish.t4_14': 'negative',
      'fish.t14_16': 'negative',
      'fish.gain1q21': 'positive',
      'fish.del13q': 'not-done',
    });
    assert.equal(await page.locator('#baselineDisease [data-path="fish.gain1q21"] option:checked').textContent(), 'Positive', 'codes shown by their labels');
    await submit(page, /^Save baseline disease/i);
    await page.locator('#baselineDisease-result [data-check="RANGE"]', { hasText: 'ldhUlnUPerL 5000 U/L' }).waitFor();
    await view(page, 'timeline');
    await page.locator('#timeline [data-timeline="baselineDisease"] td', { hasText: 'del(17p): Negative' }).waitFor();
    await shots(page, '07b-disease-form-soft-limit-query');

    await pick(page, 'demographics');
    await fill(page, 'demographics', { birthDate: '1959-03-02', sex: 'F', weightKg: '800', heightCm: '162', ecog: '1' });
    await submit(page, /^Save demographics/i);
    await page.locator('#demographics-weightKg[aria-invalid="true"]').waitFor();
    assert.match((await page.locator('#demographics-weightKg-error').textContent()) ?? '', /^800 is not possible here: it must be at most 700 kg \(no living adult weighs this\)\.$/);
    assert.match((await page.locator('#demographics-errors').textContent()) ?? '', /Not saved: correct the marked field\./);
    await shot(page, '07c-hard-limit-refused-in-the-browser');
    await page.context().close();
  });

  it('warns before unsaved changes are left, and shows both versions when two people correct one record at once', async () => {
    const url = `${running().server.url}/subjects/${enrolledId}`;
    const first = await signIn('demo-investigator');
    const second = await signIn('demo-coordinator');
    for (const page of [first, second]) {
      await page.goto(url);
      await view(page, 'records');
      await page.locator('#record-list tr', { hasText: 'Adverse event' }).locator('[data-correct]').click();
      await page.locator('#edit').waitFor();
    }
    await fill(first, 'edit', { reportedTerm: 'neutropenia, afebrile' });
    await first.locator('#edit-reason').fill('term clarified from the source');
    await first.locator('#edit button[type="submit"]').press('Enter');
    await first.locator('#edit-result', { hasText: 'saved' }).waitFor();

    await fill(second, 'edit', { outcome: 'recovering' });
    const dialogs: string[] = [];
    second.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await second.getByRole('link', { name: 'Queries' }).click();
    assert.match(dialogs[0] ?? '', /unsaved changes/);
    assert.equal(new URL(second.url()).pathname, `/subjects/${enrolledId}`, 'the screen stayed');

    await second.locator('#edit-reason').fill('outcome updated at the visit');
    await second.locator('#edit button[type="submit"]').press('Enter');
    const conflict = second.locator('#conflict');
    await conflict.waitFor();
    await conflict.locator('tr.differs', { hasText: 'Reported term' }).waitFor();
    assert.match((await conflict.locator('tr.differs', { hasText: 'Outcome' }).textContent()) ?? '', /Recovering\/resolving.*Not recovered\/not resolved/);
    await shot(second, '08a-edit-conflict-both-versions');
    await second.locator('#edit-area').screenshot({ path: join(SHOTS, '08b-edit-conflict-detail.png') });
    await second.locator('#edit button[type="submit"]').press('Enter');
    await second.locator('#edit-result', { hasText: 'saved' }).waitFor();
    await first.context().close();
    await second.context().close();
  });

  it("lets the IRC adjudicate a blinded case: trajectory, derived response and investigator's call side by side, disagreements flagged", async () => {
    const page = await signIn('demo-irc');
    const row = page.locator('#irc-queue tbody tr').first();
    await row.locator('[data-case-status="pending"]').waitFor();
    assert.match((await row.locator('[data-flags]').getAttribute('data-flags')) ?? '', /investigator-vs-derived/, 'the investigator VGPR against the derived PR is flagged');
    assert.equal(await page.getByText(enrolledId).count(), 0, 'the subject id never reaches the IRC');
    await shot(page, '08-irc-queue');

    await row.getByRole('link').click();
    await page.locator('#adjudicate').waitFor();
    await page.locator('[data-parameter] svg').first().waitFor();
    const best = page.locator('tr', { hasText: 'Best overall' });
    assert.match((await best.textContent()) ?? '', /PR.*VGPR.*pending/, 'derived PR, investigator VGPR, IRC pending');
    await page.locator('#disagreements li[data-kind="investigator-vs-derived"]').first().waitFor();
    assert.equal(await page.getByText(enrolledId).count(), 0);
    await shot(page, '08c-irc-case');

    // agree with the derived best overall response: no reason needed
    assert.equal(await page.getByLabel('Response to adjudicate').inputValue(), 'bestOverall');
    assert.equal(await page.getByLabel('IRC response (IMWG 2016)').inputValue(), 'PR', 'the derived response is preselected');
    await submit(page, 'Record agreement');
    await page.locator('#adjudication-saved', { hasText: 'Best overall response: IRC PR' }).waitFor();
    await page.locator('[data-case-status="adjudicated"]').first().waitFor();

    // override one assessment: refused on the client until a reason is given, next to the reason field
    await page.getByLabel('Response to adjudicate').selectOption('assessment:2021-07-15');
    await page.getByLabel('IRC response (IMWG 2016)').selectOption('VGPR');
    await submit(page, 'Record override');
    await page.locator('#adjudicate-reason[aria-invalid="true"]').waitFor();
    assert.match((await page.locator('#adjudicate-reason-error').textContent()) ?? '', /differs from derivedResponse \(PR\).*overriding the derived response needs a reason/);
    await shot(page, '08d-irc-override-needs-reason');
    await page.getByLabel('Reason').fill('Serum immunofixation images reviewed: the fall qualifies as VGPR per the charter.');
    await submit(page, 'Record override');
    await page.locator('#adjudication-saved', { hasText: 'Assessment of 2021-07-15: IRC VGPR' }).waitFor();
    await page.locator('#disagreements li[data-kind="irc-vs-derived"]').waitFor();
    await shot(page, '08e-irc-case-adjudicated');
    await page.setViewportSize(TABLET);
    await shot(page, '08g-irc-case-tablet');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: '← Review queue' }).click();
    const after = page.locator('#irc-queue tbody tr').first();
    await after.locator('[data-case-status="adjudicated"]').waitFor();
    assert.match((await after.locator('[data-flags]').getAttribute('data-flags')) ?? '', /irc-vs-derived/);
    await page.getByLabel('Show').selectOption('pending');
    assert.equal(await page.locator('#irc-queue tbody tr:visible').count(), 0, 'no case is pending any more');
    await page.getByLabel('Show').selectOption('flagged');
    assert.equal(await page.locator('#irc-queue tbody tr:visible').count(), 1);
    await shot(page, '08f-irc-queue-adjudicated');
    await page.context().close();
  });

  it('lets the data manager raise a query that the site answers in place, then lock the trial', async () => {
    const dm = await signIn('demo-data-manager');
    await dm.getByRole('link', { name: 'Queries' }).click();
    await dm.locator('#raise-query').waitFor();
    await dm.locator('#q-subject').selectOption(enrolledId);
    await dm.locator('#q-field').selectOption('weightKg');
    await dm.getByLabel('Query', { exact: true }).fill('Please confirm the weight at screening.');
    await dm.getByRole('button', { name: 'Raise query' }).click();
    await dm.locator('[data-query-status="open"]').first().waitFor();

    const site = await signIn('demo-coordinator');
    await site.getByRole('link', { name: 'Queries' }).click();
    await site.locator('textarea[id^="answer-"]').first().fill('Confirmed from the source document: 58 kg.');
    await shot(site, '09-site-query-answer');
    await site.getByRole('button', { name: 'Answer' }).first().click();
    await site.locator('[data-query-status="answered"]').first().waitFor();
    await site.context().close();

    await dm.reload();
    await dm.locator('[data-query-status="answered"]').first().waitFor();
    await dm.locator('textarea[id$="-reason"]').first().fill('confirmed at source');
    await dm.getByRole('button', { name: 'Close' }).first().click();
    await dm.locator('[data-query-status="closed"]').first().waitFor();

    await dm.getByRole('link', { name: 'Locks and snapshots' }).click();
    await dm.getByLabel('Data cutoff').fill('2021-08-01');
    await dm.getByLabel('Reason for locking').fill('interim analysis cutoff');
    await dm.getByRole('button', { name: 'Lock…', exact: true }).click();
    await dm.getByRole('button', { name: 'Confirm lock' }).click();
    await dm.locator('[data-lock-state="active"]').first().waitFor();
    await dm.getByRole('button', { name: 'Snapshot' }).first().click();
    await dm.locator('code').first().waitFor();
    await shot(dm, '10-dm-locks');

    await dm.goto(`${running().server.url}/subjects/${enrolledId}`);
    await dm.locator('[data-history]').first().click();
    await dm.locator('#review-detail li', { hasText: 'Demo investigator' }).first().waitFor();
    await shot(dm, '12-dm-audit-trail');
    await dm.getByRole('link', { name: 'Dashboard' }).click();
    await dm.locator('.chart svg').first().waitFor();
    await shot(dm, '11-dashboard');
    await dm.context().close();
  });

  it('refuses a site write to the locked trial with the server message on screen', async () => {
    const page = await signIn('demo-investigator');
    await page.goto(`${running().server.url}/subjects/${enrolledId}`);
    await pick(page, 'adverseEvent');
    await fill(page, 'adverseEvent', {
      sequence: '2',
      reportedTerm: 'fatigue',
      preferredTerm: 'Fatigue',
      onsetDate: '2021-07-01',
      grade: '1',
      serious: false,
      'relatedness.pomalidomide': 'possible',
      'relatedness.dexamethasone': 'possible',
      'actionTaken.pomalidomide': 'none',
      'actionTaken.dexamethasone': 'none',
      ledToStudyDiscontinuation: false,
      outcome: 'recovering',
    });
    await submit(page, /^Save adverse event/i);
    await page.locator('#adverseEvent-errors', { hasText: 'locked' }).waitFor();
    await page.context().close();
  });

  it('refuses an IRC adjudication of the locked trial with the server message on screen', async () => {
    const page = await signIn('demo-irc');
    await page.locator('#irc-queue tbody tr').first().getByRole('link').click();
    await page.getByLabel('Response to adjudicate').selectOption('assessment:2021-06-17');
    await submit(page, 'Record agreement');
    await page.locator('#adjudicate-errors', { hasText: 'locked (423)' }).waitFor();
    await page.context().close();
  });

  it('lets the data manager unlock with a reason, and only with one', async () => {
    const dm = await signIn('demo-data-manager');
    await dm.getByRole('link', { name: 'Locks and snapshots' }).click();
    await dm.getByRole('button', { name: 'Unlock…' }).first().click();
    await dm.locator('[id$="-error"]', { hasText: 'reason' }).first().waitFor();
    await dm.getByLabel('Reason for unlocking').first().fill('late data from site S01 after the cutoff');
    await dm.getByRole('button', { name: 'Unlock…' }).first().click();
    await dm.getByRole('button', { name: 'Confirm unlock' }).click();
    await dm.locator('[data-lock-state="released"]').first().waitFor();
    await dm.context().close();
  });

  it('raised no script error in any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
