import type { DrugDefinition, EndpointDefinition, EndpointKind, EvaluatorDefinition, ProtocolDefinition, ResponseCategoryDefinition } from '../../clinical/index.js';

/**
 * The protocol's words and choices as the report tables use them: evaluators (primary first), the
 * investigational drugs, endpoints by kind, paper references and abbreviations. Every label a table prints
 * about the trial comes from here or from the analysis plan, never from a constant.
 */

/** The response evaluators, the plan's primary evaluator first, then the others in the binding's order. */
export function evaluatorsOf(protocol: ProtocolDefinition): readonly EvaluatorDefinition[] {
  const all = protocol.response.evaluators;
  const primary = all.filter((e) => e.id === protocol.analysisPlan.primaryEvaluator);
  return [...primary, ...all.filter((e) => e.id !== protocol.analysisPlan.primaryEvaluator)];
}

export function primaryEvaluator(protocol: ProtocolDefinition): EvaluatorDefinition {
  const found = protocol.response.evaluators.find((e) => e.id === protocol.analysisPlan.primaryEvaluator);
  // checkProtocol refuses a plan whose primary evaluator is not one of the binding's.
  return found ?? { id: protocol.analysisPlan.primaryEvaluator, label: protocol.analysisPlan.primaryEvaluator, source: 'central', recordedBy: 'irc', paramSuffix: '' };
}

/** The column id of an evaluator in the efficacy tables: its ADaM id in lower case ('IRC' -> 'irc'). */
export function evaluatorColumnId(evaluator: EvaluatorDefinition): string {
  return evaluator.id.toLowerCase();
}

export function investigationalDrugs(protocol: ProtocolDefinition): readonly DrugDefinition[] {
  return protocol.regimen.drugs.filter((drug) => drug.role === 'investigational');
}

/** How the AE tables name what an event is related to: the investigational drug's label ('Drug A', 'Drug A or drug B'). */
export function investigationalLabel(protocol: ProtocolDefinition): string {
  const labels = investigationalDrugs(protocol).map((drug) => drug.label);
  return labels.length === 0 ? 'Study drug' : labels.join(' or ');
}

export function endpointOfKind(protocol: ProtocolDefinition, kind: EndpointKind): EndpointDefinition | undefined {
  return protocol.endpoints.find((e) => e.kind === kind);
}

export function endpointByParamcd(protocol: ProtocolDefinition, paramcd: string): EndpointDefinition | undefined {
  return protocol.endpoints.find((e) => e.paramcd === paramcd);
}

/** 'Partial remission (PAR)': a category's label with its code. */
export function categoryLabel(category: ResponseCategoryDefinition): string {
  return category.label === category.code ? category.code : `${category.label} (${category.code})`;
}

/** The publication's table or figure an item reproduces, when the plan names one. */
export function paperReference(protocol: ProtocolDefinition, itemId: string): string | null {
  return protocol.analysisPlan.paperReferences[itemId] ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The abbreviations a table prints: its own (`generic`, e.g. 'ORR overall response rate'), then each of the
 * plan's abbreviations that occurs as a word in `texts` (titles, labels, footnotes), as 'IRC independent
 * review committee'.
 */
export function abbreviationsFor(protocol: ProtocolDefinition, texts: readonly string[], generic: readonly string[] = []): string[] {
  const all = texts.join('\n');
  const found = (protocol.analysisPlan.abbreviations ?? [])
    .filter((a) => new RegExp(`(?<![\\w-])${escapeRegExp(a.abbreviation)}(?![\\w-])`).test(all))
    .map((a) => `${a.abbreviation} ${a.meaning}`);
  return [...generic, ...found.filter((a) => !generic.includes(a))];
}
