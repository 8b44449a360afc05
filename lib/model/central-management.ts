/**
 * Which Front End pool hosts the Central Management Store (PAIR-12, PAIR-23, PAIR-26), chosen by key,
 * never by declaration order: reordering two pool declarations must not move the store, and with it
 * the simple URLs, the Traffic Manager priorities, the config exports and the runbook.
 *
 * - A pool that sets `hostsCentralManagementStore: true` hosts it (several such pools: PAIR-23).
 * - Otherwise, among the pools that leave the prop unset, Enterprise pools come before Standard
 *   Edition servers (an Enterprise back end can be mirrored or an AlwaysOn group; a Standard Edition
 *   server holds the store in its one SQL Express instance), then the smallest key
 *   `<site id>/<pool id>` (construct IDs, which are API already: they name the Terraform resources).
 * - A pool added later with a smaller key would take the store over, so PAIR-26 asks to pin it.
 */

/** A Front End pool as the choice sees it. */
export interface CmsCandidate {
  /** `<site id>/<pool id>`. */
  readonly key: string;
  readonly standardEdition: boolean;
  /** `hostsCentralManagementStore` as given; undefined when the prop is not set. */
  readonly given?: boolean;
}

/** How the host of the store was chosen (the runbook and PAIR-26 say so). */
export type CmsChosenBy = 'prop' | 'key';

/** The keys of the pools that host the store, and how they were chosen. */
export interface CmsChoice {
  readonly hosts: readonly string[];
  readonly chosenBy?: CmsChosenBy;
}

/** The rule the runbook and PAIR-26 quote. */
export const CMS_KEY_RULE = 'no pool sets hostsCentralManagementStore: true, so it goes to the Enterprise pool (else the Standard Edition server) with the smallest key <site id>/<pool id> among the pools that leave it unset';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function chooseCentralManagementStore(pools: readonly CmsCandidate[]): CmsChoice {
  const pinned = pools.filter((p) => p.given === true).map((p) => p.key).sort(byText);
  if (pinned.length > 0) return { hosts: pinned, chosenBy: 'prop' };
  const open = pools.filter((p) => p.given === undefined).sort((a, b) => Number(a.standardEdition) - Number(b.standardEdition) || byText(a.key, b.key));
  return open.length > 0 ? { hosts: [open[0].key], chosenBy: 'key' } : { hosts: [] };
}
