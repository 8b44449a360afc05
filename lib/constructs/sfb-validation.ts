/**
 * Static equivalents of `validateTopology` and `acknowledgeFinding` for the jsii languages (Python, C#,
 * Java, Go), which drop free functions. TypeScript users may call either form.
 */
import { IConstruct } from 'constructs';
import { Finding } from '../rules/rule';
import { acknowledgeFinding } from './acknowledgements';
import { validateTopology } from './validation';

export class SfbValidation {
  /** Every finding of every SfbDeployment at or under `scope` (see `validateTopology`). */
  public static validateTopology(scope: IConstruct): Finding[] {
    return validateTopology(scope);
  }

  /**
   * Records a deliberate deviation: findings of `ruleId` on `scope` or under it become INFO with
   * `acknowledged: reason` and no longer block synthesis (see `acknowledgeFinding`).
   */
  public static acknowledgeFinding(scope: IConstruct, ruleId: string, reason: string): void {
    acknowledgeFinding(scope, ruleId, reason);
  }

  private constructor() {}
}
