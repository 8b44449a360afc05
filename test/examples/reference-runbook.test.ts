import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthReference } from '../../examples/reference/synth';

describe('reference synthesis', () => {
  test('writes the stacks, runbook.md and reports/ beside them, with the two pools paired', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sfb-reference-'));
    try {
      const { runbookPath, reportsDir } = synthReference(outdir);
      expect(reportsDir).toBe(join(outdir, 'reports'));
      expect(readdirSync(reportsDir)).toEqual(expect.arrayContaining(['certificates.md', 'dns.md', 'findings.md', 'firewall.md', 'hardware.md']));
      expect(runbookPath).toBe(join(outdir, 'runbook.md'));
      // A stack per site, and one for deployment-wide resources.
      expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['contoso-global', 'contoso-north', 'contoso-west']);
      const peerings = ['west', 'north'].map((site) => JSON.parse(readFileSync(join(outdir, 'stacks', `contoso-${site}`, 'cdk.tf.json'), 'utf8')).resource.azurerm_virtual_network_peering);
      expect(peerings.map((p) => Object.keys(p))).toEqual([[expect.stringContaining('peering-to-north')], [expect.stringContaining('peering-to-west')]]);
      const runbook = readFileSync(runbookPath, 'utf8');
      expect(runbook).toMatch(/^# Disaster recovery runbook: contoso-global\/contoso\n/);
      expect(runbook).toMatch(/Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com -DisasterMode/);
      expect(runbook).toMatch(/Invoke-CsManagementServerFailover -BackupSqlServerFqdn north-sqlwv-ag.corp.contoso.com/);
      expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
