/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Screening: the protocol's screening form (rendered from its metadata, like every form) with the
// eligibility checklist live beside it: the protocol's criteria, served as data, run in the browser by the
// same engine and schema as on the server. Save, then enrol or record the screen failure.
import { api } from './api.js';
import { crfForm } from './crfForm.js';
import { announce, append, clear, h } from './dom.js';
import { fieldId } from './formRenderer.js';
import { liveEligibility } from './livePanels.js';
import type { ClientProtocol } from './protocol.js';
import type { Shell, SubjectRow } from './shell.js';

const enc = encodeURIComponent;

/** Screening laboratory units: the units the converter accepts for the lab's analyte are offered. */
function wireScreeningUnits(protocol: ClientProtocol, section: HTMLElement, domId: string): void {
  for (const lab of protocol.view.eligibility.screening.labs) {
    const input = section.querySelector<HTMLInputElement>(`#${fieldId(domId, ['labs', lab.key, 'unit'])}`);
    const known = protocol.view.labAnalytes.find((a) => a.code === lab.analyte);
    if (input === null || known === undefined) continue;
    const list = h('datalist', { id: `${domId}-units-${lab.key}` }, ...[known.standardUnit, ...known.acceptedUnits.filter((u) => u !== known.standardUnit)].map((u) => h('option', { value: u })));
    input.setAttribute('list', list.id);
    input.setAttribute('placeholder', known.standardUnit);
    input.after(list);
  }
}

async function changeStatus(shell: Shell, subject: SubjectRow, status: 'enrolled' | 'screen_failure', reason: string): Promise<void> {
  try {
    const fresh = await api<SubjectRow>('GET', `/subjects/${enc(subject.subjectId)}`);
    await api('POST', `/subjects/${enc(subject.subjectId)}/status`, { status, version: fresh.version, reason });
    announce(status === 'enrolled' ? 'Subject enrolled' : 'Screen failure recorded');
    shell.navigate(`/subjects/${enc(subject.subjectId)}`);
  } catch (error) {
    shell.error(error);
  }
}

export function renderScreening(shell: Shell, protocol: ClientProtocol, subject: SubjectRow): void {
  const form = protocol.formOfRole('screening');
  if (form === undefined) {
    shell.show(`Screening ${subject.subjectId}`, h('p', {}, 'The protocol has no screening form.'));
    return;
  }
  const actions = h('div', { id: 'enrol-actions' });
  const live = liveEligibility(protocol);
  const domId = 'screening';
  const section = crfForm({
    domId,
    form,
    protocol,
    subjectId: subject.subjectId,
    assigned: { subjectId: subject.subjectId, siteId: subject.siteId },
    saveLabel: 'Save screening',
    live: (data, panel) => void live(data, panel),
    saved: (view) => {
      const eligibility = view.derived?.eligibility as { eligible: boolean | null } | null | undefined;
      const eligible = eligibility?.eligible ?? null;
      clear(actions);
      append(
        actions,
        h('p', { class: 'banner', id: 'screening-saved' }, `Saved. The server's eligibility: ${eligible === true ? 'eligible' : eligible === false ? 'not eligible' : 'not decidable'}.`),
        eligible === true ? h('button', { type: 'button', id: 'enrol' }, 'Enrol subject') : null,
        eligible === false ? h('button', { type: 'button', id: 'screen-fail', class: 'secondary' }, 'Record screen failure') : null,
      );
      actions.querySelector('#enrol')?.addEventListener('click', () => void changeStatus(shell, subject, 'enrolled', 'enrolled after eligible screening'));
      actions.querySelector('#screen-fail')?.addEventListener('click', () => void changeStatus(shell, subject, 'screen_failure', 'failed eligibility at screening'));
    },
  });
  wireScreeningUnits(protocol, section, domId);
  shell.show(
    `Screening ${subject.subjectId}`,
    h('p', { id: 'screening-help', class: 'muted' }, 'Leave a field empty when it was not recorded: the criteria that need it stay "not evaluable". The same schema and eligibility engine run here and on the server.'),
    section,
    actions,
  );
}
