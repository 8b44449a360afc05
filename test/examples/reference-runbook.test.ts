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
      expect(readdirSync(join(outdir, 'stacks'))).toEqual(['sfb-reference']);
      const stack = JSON.parse(readFileSync(join(outdir, 'stacks', 'sfb-reference', 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(stack.resource.azurerm_virtual_network_peering)).toHaveLength(2);
      const runbook = readFileSync(runbookPath, 'utf8');
      expect(runbook).toMatch(/^# Disaster recovery runbook: sfb-reference\/contoso\n/);
      expect(runbook).toMatch(/Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com -DisasterMode/);
      expect(runbook).toMatch(/Invoke-CsManagementServerFailover -BackupSqlServerFqdn north-sql1-ag.corp.contoso.com/);
      expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
