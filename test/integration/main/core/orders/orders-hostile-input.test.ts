// Hostile input on every orders method (property-based): wrong types, markup, control characters,
// oversized strings, unknown and prototype keys, ids of nothing, repeated and out-of-order decisions.
// Whatever arrives, the desk answers with a refusal and writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../../src-shared/api/methods';
import { startOrderDesk, type OrderDesk } from '../../../../harness/order-fixture';

let d: OrderDesk;
let orderId: string;
beforeAll(async () => {
  d = await startOrderDesk();
  orderId = (await d.orderer.must('orders.place', d.order())).id;
});
afterAll(() => d.t.close());

const TABLES = [
  'orders',
  'order_photos',
  'cards',
  'blocks',
  'holders',
  'holder_photos',
  'outbox',
  'audit_events',
];
const writes = () => TABLES.map((table) => d.t.count(table)).join(',');

/** A value no field of an order accepts. */
const hostile = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 3 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000`),
  fc.string({ maxLength: 20 }).map((s) => `<img src=x onerror=${s}>`),
  fc.string({ maxLength: 10 }).map((s) => `\u202e${s}`),
  fc.constant('x'.repeat(100_001)),
);
const FIELDS = Object.keys({
  holderId: 0,
  kind: 0,
  includes: 0,
  cardKind: 0,
  givenName: 0,
  familyName: 0,
  namesConfirmed: 0,
  identityCountry: 0,
  identityNumber: 0,
  organisationId: 0,
  email: 0,
  phone: 0,
  validUntil: 0,
  site: 0,
  photo: 0,
  photoTakenAt: 0,
});

const RUNS = { numRuns: 60 };

describe('orders.* under hostile input', () => {
  it('orders.place: one to three fields replaced by hostile values is refused and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
        fc.array(hostile, { minLength: 3, maxLength: 3 }),
        async (fields, values) => {
          const input: Record<string, unknown> = d.order();
          fields.forEach((field, i) => (input[field] = values[i]));
          const before = writes();
          const result = await d.orderer.raw.call('orders.place', input);
          expect(result.ok).toBe(false);
          expect(writes()).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it('orders.place: extra and prototype keys are refused and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('__proto__', 'constructor', 'state', 'orderedBy', 'cardNumber'),
        fc.anything(),
        async (key, value) => {
          const input = JSON.parse(JSON.stringify({ ...d.order(), [key]: value ?? 1 }));
          const before = writes();
          const result = await d.orderer.raw.call('orders.place', input);
          expect(result.ok).toBe(false);
          expect(writes()).toBe(before);
        },
      ),
      { numRuns: 25 },
    );
  });

  const METHODS: MethodName[] = [
    'orders.rules',
    'orders.list',
    'orders.get',
    'orders.photo',
    'orders.cancel',
    'orders.approve',
    'orders.reject',
  ];
  it('every other orders method: anything at all as input changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.oneof(
          fc.anything(),
          fc.record({ id: hostile }),
          fc.record({ id: fc.uuid(), reason: hostile }),
          fc.record({ id: fc.uuid(), note: hostile }),
          fc.record({ page: hostile, pageSize: hostile, state: hostile }),
        ),
        async (method, input) => {
          const before = writes();
          const caller = method === 'orders.approve' || method === 'orders.reject' ? d.approver : d.orderer;
          await caller.raw.call(method, input);
          expect(writes()).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('decisions repeated and out of order: exactly what the lifecycle allows happens, the rest writes nothing', async () => {
    const steps = fc.array(
      fc.record({
        who: fc.constantFrom('orderer', 'approver'),
        action: fc.constantFrom('orders.approve', 'orders.reject', 'orders.cancel'),
      }),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const id = (await d.orderer.must('orders.place', d.order())).id;
        let state = 'ordered';
        for (const step of plan) {
          const caller = step.who === 'orderer' ? d.orderer : d.approver;
          const before = writes();
          const input = step.action === 'orders.reject' ? { id, reason: 'Not this time' } : { id };
          const result = await caller.raw.call(step.action, input);
          const isAllowed =
            step.action === 'orders.cancel'
              ? state === 'ordered' || state === 'approved'
              : state === 'ordered' && step.who === 'approver';
          expect(result.ok).toBe(isAllowed);
          if (!result.ok) expect(writes()).toBe(before);
          else
            state = {
              'orders.approve': 'approved',
              'orders.reject': 'rejected',
              'orders.cancel': 'cancelled',
            }[step.action];
        }
      }),
      { numRuns: 20 },
    );
  });

  it('still has the one order placed at the start, untouched', async () => {
    const order = await d.approver.must('orders.get', { id: orderId });
    expect(order.state).toBe('ordered');
  });
});
