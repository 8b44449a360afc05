/** What each product version supports: numbers copied from the rule catalog. */
import { ProductVersion, WindowsServerVersion } from '../enums';

export const PRODUCT_NAMES: Record<ProductVersion, string> = {
  [ProductVersion.LYNC_SERVER_2013]: 'Lync Server 2013',
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: 'Skype for Business Server 2015',
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: 'Skype for Business Server 2019',
};

/** VER-6 / FE-1: largest Enterprise pool. */
export const MAX_FRONT_ENDS: Record<ProductVersion, number> = {
  [ProductVersion.LYNC_SERVER_2013]: 12,
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: 12,
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: 16,
};

/** VM-4: operating systems offered here that each product version supports, oldest first. */
export const SUPPORTED_OS: Record<ProductVersion, readonly WindowsServerVersion[]> = {
  [ProductVersion.LYNC_SERVER_2013]: [WindowsServerVersion.WINDOWS_SERVER_2012_R2],
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: [
    WindowsServerVersion.WINDOWS_SERVER_2012_R2,
    WindowsServerVersion.WINDOWS_SERVER_2016,
    WindowsServerVersion.WINDOWS_SERVER_2019,
  ],
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: [
    WindowsServerVersion.WINDOWS_SERVER_2016,
    WindowsServerVersion.WINDOWS_SERVER_2019,
    WindowsServerVersion.WINDOWS_SERVER_2022,
  ],
};

/** The default operating system: the newest the product version supports. */
export function newestSupportedOs(version: ProductVersion): WindowsServerVersion {
  const list = SUPPORTED_OS[version];
  return list[list.length - 1];
}

export interface QuorumRequirement {
  /** Servers that must stay up. */
  readonly needed: number;
  /** ... out of the first `among` servers in topology order (all servers when equal to the pool size). */
  readonly among: number;
}

/** FE-5: pool-level quorum, servers that must keep running for the pool to run at all. */
export function poolQuorum(total: number): QuorumRequirement {
  if (total <= 1) return { needed: total, among: total };
  if (total === 2) return { needed: 1, among: 2 };
  if (total <= 4) return { needed: 2, among: total };
  if (total <= 6) return { needed: 3, among: total };
  if (total === 7) return { needed: 4, among: 7 };
  if (total <= 9) return { needed: 4, among: 7 };
  if (total <= 12) return { needed: 5, among: 9 };
  return { needed: 7, among: 12 };
}

/** VM-1: physical sizing floor per role family. */
export interface SizingFloor {
  readonly cores: number;
  readonly memoryGb: number;
}

export type SizingFamily = 'pool-core' | 'edge-director-mediation';

export function sizingFloor(version: ProductVersion, family: SizingFamily): SizingFloor {
  const is2019 = version === ProductVersion.SKYPE_FOR_BUSINESS_2019;
  if (family === 'pool-core') return { cores: 12, memoryGb: is2019 ? 64 : 32 };
  return { cores: 8, memoryGb: is2019 ? 32 : 16 };
}
