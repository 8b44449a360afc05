/** Azure VM sizes the library knows: vCPUs, memory and the NIC limit (VM-1, VM-2). */
export interface VmSizeInfo {
  readonly cores: number;
  readonly memoryGb: number;
  readonly maxNics: number;
}

export const VM_SIZES: Readonly<Record<string, VmSizeInfo>> = {
  Standard_B1s: { cores: 1, memoryGb: 1, maxNics: 2 },
  Standard_B1ms: { cores: 1, memoryGb: 2, maxNics: 2 },
  Standard_B2s: { cores: 2, memoryGb: 4, maxNics: 3 },
  Standard_B2ms: { cores: 2, memoryGb: 8, maxNics: 3 },
  Standard_B4ms: { cores: 4, memoryGb: 16, maxNics: 4 },
  Standard_D2s_v5: { cores: 2, memoryGb: 8, maxNics: 2 },
  Standard_D4s_v5: { cores: 4, memoryGb: 16, maxNics: 2 },
  Standard_D8s_v5: { cores: 8, memoryGb: 32, maxNics: 4 },
  Standard_D16s_v5: { cores: 16, memoryGb: 64, maxNics: 8 },
  Standard_D32s_v5: { cores: 32, memoryGb: 128, maxNics: 8 },
  Standard_E4s_v5: { cores: 4, memoryGb: 32, maxNics: 2 },
  Standard_E8s_v5: { cores: 8, memoryGb: 64, maxNics: 4 },
  Standard_E16s_v5: { cores: 16, memoryGb: 128, maxNics: 8 },
  Standard_E32s_v5: { cores: 32, memoryGb: 256, maxNics: 8 },
  Standard_F8s_v2: { cores: 8, memoryGb: 16, maxNics: 4 },
  Standard_F16s_v2: { cores: 16, memoryGb: 32, maxNics: 4 },
};

export function vmSizeInfo(size: string): VmSizeInfo | undefined {
  return VM_SIZES[size];
}

/**
 * The shape of an Azure VM size name: tier, family letters with vCPUs and features, an optional
 * constrained-vCPU count and version (`Standard_D16s_v5`, `Standard_E16-4s_v5`, `Standard_B2ms`).
 */
export const VM_SIZE_PATTERN = /^(Standard|Basic)_[A-Z]+[0-9]+(-[0-9]+)?[a-z]*(_[A-Za-z0-9]+)*$/;
export const VM_SIZE_PATTERN_TEXT = 'Standard_<family><vCPUs><features>[_v<n>]';

/** Whether a string has the shape of an Azure VM size name. */
export function isVmSizeName(size: string): boolean {
  return VM_SIZE_PATTERN.test(size);
}
