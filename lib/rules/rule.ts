/** Rules are data: catalog ID, severity, title and source next to the check (DESIGN.md). */
import { Severity } from '../enums';
import { TopologyModel } from '../model/topology';

/**
 * One problem a rule found. It always has the rule's severity (one rule, one severity): a rule with
 * an error and a warning form is two rules with two IDs.
 */
export interface Violation {
  /** Construct path of the offending construct. */
  readonly path: string;
  /** What is wrong (with the value), what is allowed, and the fix. */
  readonly message: string;
  /**
   * Set when the deployment itself acknowledges the deviation (a `supportPosture`, lab mode): the
   * finding is reported as INFO with this reason, as `acknowledgeFinding` would.
   */
  readonly acknowledged?: string;
}

export interface Rule {
  /** Catalog ID, e.g. `FE-2`; rules the library adds use new IDs in the same style. */
  readonly id: string;
  /** Default severity of a violation. */
  readonly severity: Severity;
  readonly title: string;
  /** Where the rule comes from: the Microsoft page title or the library's reasoning. */
  readonly source: string;
  check(model: TopologyModel): Violation[];
  /**
   * Other catalog IDs that describe the same fact (one fact, one finding): the finding is reported
   * once under this rule and its message names them; their docs/rules.md rows say "reported as".
   */
  readonly alsoReports?: readonly string[];
  /**
   * False when a violation makes the Terraform unappliable (Azure or the provider refuses it), so
   * `acknowledgeFinding` throws instead of turning the finding into info. @default true
   */
  readonly acknowledgeable?: boolean;
  /** Why the rule cannot be acknowledged (shown by `acknowledgeFinding` and in docs/rules.md). */
  readonly notAcknowledgeableBecause?: string;
}

/** How a catalog rule that is not a check is handled, for docs/rules.md. */
export enum RuleStatusKind {
  /** The constructs can only produce topologies that satisfy it. */
  BY_CONSTRUCTION = 'satisfied by construction',
  /** Out of the library's scope, or runtime advice; `note` says why. */
  NOT_MODELLED = 'not modelled',
  /** Used by the generated runbook or reports rather than as a check. */
  IN_RUNBOOK = 'in the runbook',
  /** The same fact as another rule's: reported once, under that rule's ID (`reportedAs`). */
  REPORTED_AS = 'reported as',
}

export interface RuleStatus {
  readonly id: string;
  readonly status: RuleStatusKind;
  /** How it holds by construction, or why it is not modelled. */
  readonly note: string;
  /** REPORTED_AS: the rule(s) whose findings carry this fact. */
  readonly reportedAs?: readonly string[];
}

/** A finding reported by `validateTopology`. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Construct path of the offending construct. */
  readonly path: string;
  readonly message: string;
  /** The reason, when the finding was acknowledged with `acknowledgeFinding`. */
  readonly acknowledged?: string;
}

/** `[RULE-ID] path: message`, the form synthesis errors and annotations use. */
export function formatFinding(f: Finding): string {
  const ack = f.acknowledged ? ` (acknowledged: ${f.acknowledged})` : '';
  return `[${f.ruleId}] ${f.path}: ${f.message}${ack}`;
}

/** Declares a rule; keeps rule files short. */
export function rule(
  id: string,
  severity: Severity,
  title: string,
  source: string,
  check: (model: TopologyModel) => Violation[],
): Rule {
  return { id, severity, title, source, check };
}

export function status(id: string, kind: RuleStatusKind, note: string): RuleStatus {
  return { id, status: kind, note };
}

/** A catalog rule that states the same fact as `primary` and is reported once, under it. */
export function reportedAs(id: string, primary: string | readonly string[], note: string): RuleStatus {
  return { id, status: RuleStatusKind.REPORTED_AS, note, reportedAs: typeof primary === 'string' ? [primary] : primary };
}

/** Declares that a rule's findings also stand for other catalog IDs (one fact, one finding). */
export function alsoReports(r: Rule, ...ids: string[]): Rule {
  return { ...r, alsoReports: ids };
}

/**
 * Marks a rule whose violation cannot be applied at all (a name Azure refuses, an image that does
 * not exist): acknowledging it would only move the failure from synthesis to `terraform apply`.
 */
export function unacknowledgeable(r: Rule, because: string): Rule {
  return { ...r, acknowledgeable: false, notAcknowledgeableBecause: because };
}

/** Whether findings of a rule may be acknowledged. */
export function isAcknowledgeable(r: Rule): boolean {
  return r.acknowledgeable !== false;
}

/** Marks the rules of an area file named in `reasons` as not acknowledgeable, with the reason. */
export function withUnacknowledgeable(rules: readonly Rule[], reasons: Readonly<Record<string, string>>): Rule[] {
  for (const id of Object.keys(reasons)) {
    if (!rules.some((r) => r.id === id)) throw new Error(`withUnacknowledgeable: no rule ${id} in this area`);
  }
  return rules.map((r) => (reasons[r.id] ? unacknowledgeable(r, reasons[r.id]) : r));
}
