import type { Key } from '../../i18n';

/**
 * The appliance's password policy (security's PasswordPolicy), checked as the owner types so each
 * rule shows as met or not; the appliance checks it again and has the last word.
 */
export interface PolicyRule {
  key: Key;
  met: boolean;
}

export function policy(password: string): PolicyRule[] {
  const chars = [...password];
  return [
    { key: 'account.rule.length', met: chars.length >= 12 },
    { key: 'account.rule.bytes', met: new TextEncoder().encode(password).length <= 72 },
    { key: 'account.rule.upper', met: chars.some((c) => c !== c.toLowerCase() && c === c.toUpperCase()) },
    { key: 'account.rule.lower', met: chars.some((c) => c !== c.toUpperCase() && c === c.toLowerCase()) },
    { key: 'account.rule.digit', met: /\p{Nd}/u.test(password) },
    { key: 'account.rule.special', met: chars.some((c) => !/[\p{L}\p{Nd}]/u.test(c)) },
  ];
}
