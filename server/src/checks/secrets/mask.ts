// How a secret may appear in a message: its public prefix (ghp_, sk_live_) and at most two trailing
// characters, and never more than a quarter of the secret's own characters. Passwords and other
// values without a documented prefix show only their length.

export function maskSecret(value: string, publicPrefix: number): string {
  if (publicPrefix <= 0) return `${value.length} characters`;
  const prefix = value.slice(0, publicPrefix);
  const rest = value.length - publicPrefix;
  const tail = rest >= 8 ? value.slice(-2) : '';
  return `${prefix}…${tail}`;
}
