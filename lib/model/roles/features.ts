/**
 * Windows feature sets shared by several roles, from Microsoft's "Server requirements for Skype for
 * Business Server 2015" (the 2019 system requirements list the same set). Names a Windows version does
 * not have (e.g. Desktop-Experience after 2012 R2) are skipped by the lab script, not failed on.
 */

/** What every Lync/SfB server needs ("All Servers"). */
export const ALL_SERVERS = Object.freeze(['NET-Framework-Core', 'NET-WCF-HTTP-Activation45', 'Windows-Identity-Foundation', 'RSAT-ADDS', 'Telnet-Client']);

/** IIS modules of a Director (the Front End set without dynamic compression and management tools). */
export const DIRECTOR_IIS = Object.freeze([
  'Web-Server', 'Web-Static-Content', 'Web-Default-Doc', 'Web-Http-Errors', 'Web-Asp-Net', 'Web-Net-Ext',
  'Web-ISAPI-Ext', 'Web-ISAPI-Filter', 'Web-Http-Logging', 'Web-Log-Libraries', 'Web-Request-Monitor',
  'Web-Http-Tracing', 'Web-Basic-Auth', 'Web-Windows-Auth', 'Web-Client-Auth', 'Web-Filtering',
  'Web-Stat-Compression', 'Web-Asp-Net45', 'Web-Scripting-Tools', 'Web-Mgmt-Compat',
]);

/** Front End and Standard Edition: the Director set plus directory browsing, dynamic compression, management console, media, BITS. */
export const FRONT_END_IIS = Object.freeze([...DIRECTOR_IIS, 'Web-Dir-Browsing', 'Web-Dyn-Compression', 'Web-Mgmt-Tools', 'Server-Media-Foundation', 'BITS', 'Desktop-Experience']);
