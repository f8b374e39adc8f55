/**
 * INIT_START prints the runtime *version* (`nodejs:20.v13`, `python:3.13.v68`, `java:11.v21`,
 * `provided:al2023.v12`; the 2022 docs show `nodejs-14.v3`). The inventory wants the runtime
 * *identifier* of the function configuration (`nodejs20.x`, `python3.13`, `java11`,
 * `provided.al2023`). Unknown shapes are returned unchanged, so the raw string is never lost; the
 * config hint also carries it as runtimeVersion.
 */
export function runtimeFromRuntimeVersion(runtimeVersion: string): string {
  const raw = runtimeVersion.trim();
  const sep = raw.search(/[:-]/);
  if (sep <= 0) return raw;
  const family = raw.slice(0, sep);
  // Drop the patch suffix `.v13`.
  const rest = raw.slice(sep + 1).replace(/\.v\d+$/, '');
  if (rest === '' || !/^[0-9a-z.]+$/.test(rest)) return raw;
  switch (family) {
    case 'nodejs':
      return `nodejs${rest.split('.')[0]}.x`;
    case 'python':
    case 'java':
    case 'ruby':
    case 'dotnet':
      return `${family}${rest}`;
    case 'provided':
      return `provided.${rest}`;
    default:
      return raw;
  }
}
