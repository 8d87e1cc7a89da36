import { describe, expect, it } from 'vitest';
import { policy } from './policy';

const unmet = (password: string) => policy(password).filter((r) => !r.met).map((r) => r.key);

describe('the password policy as typed', () => {
  it('names every rule a weak password breaks', () => {
    expect(unmet('short')).toEqual(['account.rule.length', 'account.rule.upper', 'account.rule.digit', 'account.rule.special']);
  });

  it('accepts a password the appliance accepts', () => {
    expect(unmet('Correct-Horse-42')).toEqual([]);
  });

  it('refuses more than bcrypt reads', () => {
    expect(unmet('Aa1!' + 'ü'.repeat(40))).toEqual(['account.rule.bytes']);
  });
});
