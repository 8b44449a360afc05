/** Types of groups.js (plain JavaScript, read by the jest configs too). */
export const GROUP_NAMES: readonly string[];
export const STANDALONE: readonly RegExp[];
export const TEST: string;
export function testFiles(dir?: string): string[];
export function isStandalone(file: string): boolean;
export function groupOf(file: string): string;
export function membersOf(name: string): string[];
