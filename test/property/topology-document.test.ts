/**
 * Random deployments (the property generator of topology.test.ts): the exported Topology Builder
 * document always reads back; when the deployment has no error finding it reads back to the plan's
 * pools, roles and machine counts. Fixed seed in `npm test` (FUZZ_SEED overrides, FUZZ_RUNS sets the count).
 */
import * as fc from 'fast-check';
import { DocumentPoolRole, importTopologyDocument, readTopologyDocument, Severity, validateTopology } from '../../lib';
import { testStack } from '../helpers';
import { TopologyModel } from '../../lib/model/topology';
import { buildDeployment, deploymentSpec } from './arbitraries';

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 100), 500);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261207);

/** Pools whose machines are the plan's servers (stores are one machine named by the store). */
const SERVER_POOLS = new Set([DocumentPoolRole.FRONT_END, DocumentPoolRole.STANDARD_EDITION, DocumentPoolRole.EDGE, DocumentPoolRole.DIRECTOR, DocumentPoolRole.MEDIATION, DocumentPoolRole.PERSISTENT_CHAT]);

const poolsOf = (m: TopologyModel) =>
  [
    ...m.frontEndPools.map((p) => `${p.edition === 'Standard' ? DocumentPoolRole.STANDARD_EDITION : DocumentPoolRole.FRONT_END} ${p.fqdn} x${p.servers.length}`),
    ...m.edgePools.map((e) => `${DocumentPoolRole.EDGE} ${e.internalFqdn} x${e.servers.length}`),
    ...m.directorPools.map((d) => `${DocumentPoolRole.DIRECTOR} ${d.fqdn} x${d.servers.length}`),
    ...m.mediationPools.map((d) => `${DocumentPoolRole.MEDIATION} ${d.fqdn} x${d.servers.length}`),
    ...m.chatPools.map((c) => `${DocumentPoolRole.PERSISTENT_CHAT} ${c.fqdn} x${c.servers.length}`),
  ].sort();

describe('random deployments exported as topology documents', () => {
  it('read back; without error findings, to the plan\'s pools, roles and machine counts', () => {
    let clean = 0;
    fc.assert(
      fc.property(deploymentSpec(), (spec) => {
        const { stack, deployment } = buildDeployment(spec);
        const xml = deployment.topologyDocument();
        const hasErrors = validateTopology(stack).some((f) => f.severity === Severity.ERROR);
        let doc;
        try {
          doc = readTopologyDocument(xml);
        } catch (e) {
          // A deployment the rules refuse (two pools with one FQDN, ...) may write a document the reader refuses, with its reason.
          if (hasErrors && /^readTopologyDocument: /.test((e as Error).message)) return;
          throw e;
        }
        if (hasErrors) return;
        clean++;
        const read = doc.pools.filter((p) => SERVER_POOLS.has(p.role)).map((p) => `${p.role} ${p.fqdn} x${p.machines.length}`).sort();
        expect(read).toEqual(poolsOf(deployment.plan() as TopologyModel));
        expect(doc.unknown).toEqual([]);
        // Imported again (chat pools are not imported), it writes the same pools.
        const plan = deployment.plan() as TopologyModel;
        const sites = Object.fromEntries(plan.sites.map((site) => [site.name, { location: site.location, addressSpace: site.addressSpace }]));
        const imported = importTopologyDocument(testStack(), 'imported', doc, { sites, productVersion: plan.productVersion, adDomain: plan.adDomain });
        const again = readTopologyDocument(imported.topologyDocument());
        const noChat = (rows: string[]) => rows.filter((r) => !r.startsWith(DocumentPoolRole.PERSISTENT_CHAT)).map((r) => r.toLowerCase());
        expect(noChat(again.pools.filter((p) => SERVER_POOLS.has(p.role)).map((p) => `${p.role} ${p.fqdn} x${p.machines.length}`).sort())).toEqual(noChat(read));
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // The generator must reach deployments without error findings, or the comparison never runs (it
    // aims at rules too, so most of its deployments have one: one in twenty clean is enough here).
    expect(clean).toBeGreaterThan(RUNS / 20);
  }, 60_000 + RUNS * 1_500);
});
