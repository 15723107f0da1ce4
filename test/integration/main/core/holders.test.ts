import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLargePng, makePng, photoInput } from '../../../harness/images';
import { startTestDesk, type TestDesk } from '../../../harness/test-desk';
import { generateIdentityNumber } from '../../../../src-shared/domain/identity-number';

const ANNA = {
  givenName: 'Anna',
  familyName: 'Lindqvist',
  identityCountry: 'SE' as const,
  identityNumber: '19121212-1212',
  email: 'anna.lindqvist@example.se',
  phone: '+46 70 123 45 67',
  hasEid: true,
};

let t: TestDesk;
beforeEach(async () => {
  t = await startTestDesk();
});
afterEach(() => t.close());

function writes() {
  return { holders: t.count('holders'), outbox: t.count('outbox'), audit: t.count('audit_events') };
}

describe('holders', () => {
  it('creates a holder with a photo in one operation: row, outbox entry and audit event', async () => {
    const before = writes();
    const holder = await t.admin.must('holders.create', { ...ANNA, photo: photoInput() });
    expect(holder.identityNumber).toBe('19121212-1212');
    expect(holder.birthDate).toBe('1912-12-12');
    expect(holder.hasPhoto).toBe(true);
    expect(writes()).toEqual({
      holders: before.holders + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
    });
    const photo = await t.admin.must('holders.photo', { id: holder.id });
    expect(Buffer.from(photo!.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('finds a holder by name prefix, by identity number in any spelling, and by card number', async () => {
    const holder = await t.admin.must('holders.create', ANNA);
    await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'access_card',
      printedNumber: 'AC-100200',
    });
    for (const query of [
      'anna',
      'lindq',
      'Anna Lind',
      'LINDQVIST anna',
      '121212+1212',
      '191212121212',
      'AC-1002',
    ]) {
      const { items } = await t.admin.must('holders.search', { query });
      expect(
        items.map((h) => h.id),
        query,
      ).toEqual([holder.id]);
    }
    const { items } = await t.admin.must('holders.search', { query: 'åsa' });
    expect(items).toEqual([]);
  });

  it('matches names without diacritics and with them', async () => {
    await t.admin.must('holders.create', {
      ...ANNA,
      givenName: 'Åsa',
      familyName: 'Ørsted',
      identityNumber: '811218-9876',
    });
    for (const query of ['åsa', 'asa', 'ørs', 'Orsted']) {
      const { items } = await t.admin.must('holders.search', { query });
      expect(items, query).toHaveLength(1);
    }
  });

  it('shows identity numbers masked to reception and in full to card administrators', async () => {
    const holder = await t.admin.must('holders.create', ANNA);
    const reception = await t.loginAs(['reception']);
    const seen = await reception.must('holders.get', { id: holder.id });
    expect(seen.identityNumber).toBe('19121212-****');
    expect(seen.isIdentityNumberMasked).toBe(true);
    const { items } = await reception.must('holders.search', { query: '19121212-1212' });
    expect(items[0]!.identityNumber).not.toContain('1212-1212');
    const admin = await t.loginAs(['card_admin']);
    expect((await admin.must('holders.get', { id: holder.id })).identityNumber).toBe('19121212-1212');
  });

  it('audits every view of a full record', async () => {
    const holder = await t.admin.must('holders.create', ANNA);
    await t.admin.must('holders.get', { id: holder.id });
    const views = t.desk.db
      .prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'holder.view'`)
      .get() as { n: number };
    expect(views.n).toBe(1);
  });

  it('updates a holder, keeps the photo unless told, and removes it on null', async () => {
    const holder = await t.admin.must('holders.create', { ...ANNA, photo: photoInput() });
    const renamed = await t.admin.must('holders.update', { id: holder.id, ...ANNA, familyName: 'Berg' });
    expect(renamed.familyName).toBe('Berg');
    expect(renamed.hasPhoto).toBe(true);
    expect((await t.admin.must('holders.search', { query: 'berg' })).items).toHaveLength(1);
    expect((await t.admin.must('holders.search', { query: 'lindqvist' })).items).toHaveLength(0);
    const without = await t.admin.must('holders.update', { id: holder.id, ...ANNA, photo: null });
    expect(without.hasPhoto).toBe(false);
  });
});

describe('holders: bad input gets a clear error and writes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string, string?]> = [
    ['Swedish check digit', { identityNumber: '19121212-1213' }, 'invalid_identity_number', 'identityNumber'],
    ['Danish date', { identityCountry: 'DK', identityNumber: '320161-4285' }, 'invalid_identity_number'],
    [
      'Norwegian check digits',
      { identityCountry: 'NO', identityNumber: '01010112345' },
      'invalid_identity_number',
    ],
    ['photo too large', { photo: photoInput(makeLargePng(1.2 * 1024 * 1024)) }, 'photo_too_large', 'photo'],
    [
      'photo not an image',
      { photo: { mime: 'image/png', base64: Buffer.from('%PDF-1.7 not a photo').toString('base64') } },
      'photo_not_image',
    ],
    [
      'photo claims png but is jpeg',
      { photo: { mime: 'image/jpeg', base64: makePng().toString('base64') } },
      'photo_not_image',
    ],
    ['photo too small', { photo: photoInput(makePng(10, 10)) }, 'photo_not_image'],
    ['photo not base64', { photo: { mime: 'image/png', base64: '!!!!' } }, 'photo_not_image'],
    ['e-mail', { email: 'not-an-address' }, 'bad_request', 'email'],
    ['phone', { phone: 'call me maybe' }, 'bad_request', 'phone'],
    ['unknown field', { isAdmin: true }, 'bad_request'],
    ['wrong type', { hasEid: 'yes' }, 'bad_request', 'hasEid'],
    ['missing name', { givenName: '   ' }, 'bad_request', 'givenName'],
  ];
  for (const [name, change, code, path] of cases) {
    it(name, async () => {
      const before = writes();
      const result = await t.admin.call('holders.create', { ...ANNA, ...change } as never);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(5);
      if (path) expect(result.error.issues?.map((i) => i.path)).toContain(path);
      expect(writes()).toEqual(before);
    });
  }

  const hostile = ['<script>alert(1)</script>', 'A\u0000B', 'Anna\u202eevil', 'x'.repeat(101)];
  // Template syntax is inert text to Vue; names refuse it anyway, free text keeps it literally.
  const template = '{{constructor.constructor("alert(1)")()}}';
  for (const field of ['givenName', 'familyName', 'site', 'email', 'phone', 'identityNumber']) {
    // Names also refuse SQL punctuation; free text (site) stores it literally: see the test below.
    it(`refuses hostile strings in ${field}`, async () => {
      for (const value of field === 'site' ? hostile : [...hostile, template]) {
        const before = writes();
        const result = await t.admin.call('holders.create', { ...ANNA, [field]: value });
        expect(result.ok, `${field}=${JSON.stringify(value)}`).toBe(false);
        expect(writes()).toEqual(before);
      }
    });
  }

  it('stores SQL-looking text in free-text fields literally (every statement is parameterised)', async () => {
    const site = "Site 1'); DROP TABLE holders;--";
    const holder = await t.admin.must('holders.create', { ...ANNA, site });
    expect((await t.admin.must('holders.get', { id: holder.id })).site).toBe(site);
    expect(t.count('holders')).toBe(1);
  });

  it('search survives hostile and FTS-syntax queries and answers with no match', async () => {
    await t.admin.must('holders.create', ANNA);
    for (const query of [
      '"',
      '*',
      'anna OR 1=1',
      'NEAR(anna lind)',
      "' OR ''='",
      '^anna',
      'a:b',
      '%',
      '\u0000',
      '()',
    ]) {
      const result = await t.admin.call('holders.search', { query });
      expect(result.ok, query).toBe(true);
    }
    const tooLong = await t.admin.call('holders.search', { query: 'a'.repeat(101) });
    expect(tooLong.ok || tooLong.error.code).toBe('bad_request');
  });

  it('refuses a second holder with the same identity number', async () => {
    await t.admin.must('holders.create', ANNA);
    const before = writes();
    const result = await t.admin.call('holders.create', { ...ANNA, identityNumber: '121212+1212' });
    expect(result.ok || result.error.code).toBe('conflict');
    expect(writes()).toEqual(before);
  });
});

describe('how many a search found', () => {
  async function createBergs(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await t.admin.must('holders.create', {
        givenName: 'Anna',
        familyName: 'Berg',
        identityCountry: 'SE',
        identityNumber: generateIdentityNumber('SE', new Date('1980-05-17'), 100 + i),
        hasEid: false,
      });
    }
  }

  it('says how many matched when there are more than it shows', async () => {
    await createBergs(27);
    const result = await t.admin.must('holders.search', { query: 'berg', limit: 20 });
    expect(result.items).toHaveLength(20);
    expect(result).toMatchObject({ total: 27, isMore: false });
    expect(await t.admin.must('holders.search', { query: 'nobody' })).toEqual({
      items: [],
      total: 0,
      isMore: false,
    });
  });

  it('stops counting at 100 and says "more than" instead', async () => {
    await createBergs(101);
    const result = await t.admin.must('holders.search', { query: 'berg' });
    expect(result.items).toHaveLength(20);
    expect(result).toMatchObject({ total: 100, isMore: true });
  });
});
