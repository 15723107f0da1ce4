// The contract is assembled from one file per namespace: none may hide another's method or hold a
// method of another namespace.
import { describe, expect, it } from 'vitest';
import { isMethodName, methods } from '../../../../src-shared/api/methods';
import { auditMethods } from '../../../../src-shared/api/methods/audit';
import { cardMethods } from '../../../../src-shared/api/methods/cards';
import { holderMethods } from '../../../../src-shared/api/methods/holders';
import { mobileIdMethods } from '../../../../src-shared/api/methods/mobile-ids';
import { operatorMethods } from '../../../../src-shared/api/methods/operators';
import { orderMethods } from '../../../../src-shared/api/methods/orders';
import { organisationMethods } from '../../../../src-shared/api/methods/organisations';
import { productionMethods } from '../../../../src-shared/api/methods/production';
import { readerMethods } from '../../../../src-shared/api/methods/readers';
import { reportMethods } from '../../../../src-shared/api/methods/reports';
import { sessionMethods, setupMethods } from '../../../../src-shared/api/methods/session';
import { factorMethods, signInMethods } from '../../../../src-shared/api/methods/sign-in';

const NAMESPACES: Array<[string, object]> = [
  ['session', sessionMethods],
  ['setup', setupMethods],
  ['holders', holderMethods],
  ['organisations', organisationMethods],
  ['cards', cardMethods],
  ['orders', orderMethods],
  ['mobileIds', mobileIdMethods],
  ['readers', readerMethods],
  ['operators', operatorMethods],
  ['audit', auditMethods],
  ['production', productionMethods],
  ['reports', reportMethods],
  ['signIn', signInMethods],
  ['factors', factorMethods],
];

describe('the API contract', () => {
  it('has every namespace’s methods once, and nothing else', () => {
    const names = NAMESPACES.flatMap(([, namespace]) => Object.keys(namespace));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(methods).sort()).toEqual(names.sort());
  });

  it('keeps each method in the file of its namespace', () => {
    for (const [prefix, namespace] of NAMESPACES) {
      for (const name of Object.keys(namespace)) expect(name.split('.')[0], name).toBe(prefix);
    }
  });

  it('knows its own method names and nothing inherited', () => {
    expect(isMethodName('cards.bindCredential')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName(42)).toBe(false);
  });
});
