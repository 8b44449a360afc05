/** The lab's domain controller, one per site: AD DS and the DNS the lab's networks resolve through. */
import { ServerRole } from '../topology';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const DOMAIN_CONTROLLER = roleProfile({
  role: ServerRole.DOMAIN_CONTROLLER,
  displayName: 'Domain Controller',
  // It holds the domain the members join; it does not join it.
  domain: 'controller',
  runsProduct: false,
  liveMigrationAdvisedAgainst: false,
  // FE-17 names no file server or domain controller.
  singleNic: false,
  // Lab only: AD replicates between the sites' controllers, nothing to restore from a vault.
  holdsRestoreData: false,
  writesConfigExports: false,
  protectedByBackup: false,
  // No documented product hardware recommendation for a domain controller.
  productionVmSize: 'Standard_D4s_v5',
  // B-series 2 vCPU / 4 GB: AD DS and DNS for a lab.
  // Shared infrastructure: every site's members resolve and authenticate through it.
  subnets: [SubnetRole.INFRASTRUCTURE],
  labVmSize: 'Standard_B2s',
  windowsFeatures: ['AD-Domain-Services', 'DNS'],
});
