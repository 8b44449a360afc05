/** Runs the rules over a model: plain data in, findings out. */
import { Severity } from '../enums';
import { TopologyModel } from '../model/topology';
import { ACKNOWLEDGEMENT_RULE } from './acknowledgement';
import { ALL_RULES } from './index';
import { Finding, isAcknowledgeable, Rule } from './rule';

/** An acknowledgement recorded on a construct path (see `acknowledgeFinding`). */
export interface Acknowledgement {
  readonly path: string;
  readonly ruleId: string;
  readonly reason: string;
}

const SEVERITY_ORDER: Record<Severity, number> = {
  [Severity.ERROR]: 0,
  [Severity.WARNING]: 1,
  [Severity.INFO]: 2,
};

function covers(ackPath: string, findingPath: string): boolean {
  return findingPath === ackPath || findingPath.startsWith(ackPath + '/') || ackPath === '';
}

/**
 * Every finding of every rule on one deployment model, errors first, then by rule order and path.
 * A rule that throws is a library bug: it is reported as a finding rather than hiding the others.
 */
export function evaluate(
  model: TopologyModel,
  acknowledgements: readonly Acknowledgement[] = [],
  rules: readonly Rule[] = ALL_RULES,
  reportUnmatched: (ack: Acknowledgement) => boolean = (ack) => covers(model.path, ack.path),
): Finding[] {
  const findings: Finding[] = [];
  const used = new Set<Acknowledgement>();
  rules.forEach((r) => {
    let violations;
    try {
      violations = r.check(model);
    } catch (e) {
      // A library bug, not the rule's finding: always an error, whatever the rule's severity.
      findings.push({ ruleId: r.id, severity: Severity.ERROR, path: model.path, message: `rule check failed: ${(e as Error).message}` });
      return;
    }
    const also = r.alsoReports && r.alsoReports.length > 0 ? `; also ${r.alsoReports.join(', ')}` : '';
    const acks = isAcknowledgeable(r) ? acknowledgements.filter((a) => a.ruleId === r.id) : [];
    for (const v of violations) {
      // A rule that cannot be acknowledged ignores acknowledgements (acknowledgeFinding refuses them too).
      const ack = acks.find((a) => covers(a.path, v.path));
      if (ack) used.add(ack);
      const message = `${v.message} (${r.source}${also})`;
      const reason = ack?.reason ?? v.acknowledged;
      findings.push(
        reason !== undefined
          ? { ruleId: r.id, severity: Severity.INFO, path: v.path, message, acknowledged: reason }
          : { ruleId: r.id, severity: r.severity, path: v.path, message },
      );
    }
  });
  // ACK-1: acknowledgements inside this deployment (or above it, when the caller says so) that matched nothing.
  if (rules.includes(ACKNOWLEDGEMENT_RULE)) {
    for (const a of acknowledgements) {
      if (used.has(a) || !reportUnmatched(a)) continue;
      findings.push({
        ruleId: ACKNOWLEDGEMENT_RULE.id,
        severity: ACKNOWLEDGEMENT_RULE.severity,
        path: a.path,
        message: `acknowledgeFinding(${a.path || '<root>'}, '${a.ruleId}', ...) matches no ${a.ruleId} finding on ${a.path || 'the root'} or under it, so it acknowledges nothing; remove it, or move it to the construct the finding is reported on (${ACKNOWLEDGEMENT_RULE.source})`,
      });
    }
  }
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (order.get(a.f.ruleId) ?? 0) - (order.get(b.f.ruleId) ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
