import assert from 'node:assert/strict';
import { MAX_LIKELY_ZONES } from '../../bot/domain/likelyZones';
import { TIME_ZONES } from '../../bot/domain/userSettings';
import type { WorkingHours } from '../../bot/domain/workingHours';
import type { UserProfile } from '../../bot/store/userRepository';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { ja } from '../../bot/strings/ja';
import { ru } from '../../bot/strings/ru';
import { settingsCard, type ZoneOffer } from '../../bot/teams/views/settingsCardView';
import type { AdaptiveCard } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import { itIsAWellFormedCard } from '../support/cardSchema';
import { NOW } from '../support/fixtures';

const DESK: WorkingHours = { timeZone: 'UTC', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
const LEARNED: UserProfile = { id: 'aad-alice', name: 'Alice Rep', timeZone: 'Europe/Berlin' };
const CHOSEN: UserProfile = {
  ...LEARNED,
  timeZone: 'Asia/Tokyo',
  timeZoneChosen: true,
  hours: { start: '08:00', end: '16:00', days: [2, 4, 6] },
};

interface Input {
  id: string;
  type: string;
  value?: string;
  style?: string;
  isMultiSelect?: boolean;
  choices?: { title: string; value: string }[];
}

/** A desk that covers every country ICU knows a zone of: the likely zones are as many as may be. */
const WORLDWIDE = [
  'DE',
  'FR',
  'GB',
  'US',
  'CA',
  'BR',
  'RU',
  'JP',
  'KR',
  'TW',
  'CN',
  'IN',
  'AU',
  'ZA',
  'MX',
  'AR',
  'ID',
];

/** Every Action.Execute of the card, however deeply nested. */
function actionsOf(card: AdaptiveCard): { title: string; verb: string; data?: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if ((node as { type?: string }).type === 'Action.Execute') found.push(node as never);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Every input of the card, by id. */
function inputsOf(card: AdaptiveCard): Record<string, Input> {
  const found: Record<string, Input> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Input;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) found[element.id] = element;
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  return found;
}

const samples: Record<string, AdaptiveCard> = {
  'a user the desk has not heard from': settingsCard('aad-new', null, DESK, NOW, en),
  'a zone learned from Teams, default hours': settingsCard(LEARNED.id, LEARNED, DESK, NOW, en),
  'a zone and hours the user chose, just saved': settingsCard(CHOSEN.id, CHOSEN, DESK, NOW, en, {
    notice: en.settings.saved,
  }),
  "a manager's, with the weekly digest's day and time": settingsCard(
    CHOSEN.id,
    { ...CHOSEN, digestTime: { day: 3, time: '16:30' } },
    DESK,
    NOW,
    en,
    { getsDigest: true },
  ),
};

describe('the settings card', () => {
  for (const [name, card] of Object.entries(samples)) {
    describe(name, () => {
      itIsAWellFormedCard(card, (verbs) =>
        assert.deepEqual([...verbs].sort(), [VERBS.saveSettings, VERBS.settingsAllZones].sort(), 'Save, all zones'),
      );
    });
  }

  it('lists every zone when asked to, without the button that asks', () => {
    const card = settingsCard(LEARNED.id, LEARNED, DESK, NOW, en, { zones: { all: true } });
    assert.deepEqual(
      inputsOf(card).timeZone.choices!.map((z) => z.value),
      TIME_ZONES,
    );
    assert.doesNotMatch(JSON.stringify(card), new RegExp(VERBS.settingsAllZones));
  });

  it("offers first the user's zone, then UTC, the desk's countries' zones and those at the same offset, and a button for all", () => {
    const card = settingsCard(LEARNED.id, LEARNED, DESK, NOW, en, { zones: { countries: ['JP', 'US'] } });
    const zones = inputsOf(card).timeZone.choices!.map((z) => z.value);
    assert.equal(zones[0], 'Europe/Berlin');
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'America/Los_Angeles', 'Europe/Paris', 'Africa/Lagos'])
      assert.ok(zones.includes(zone), zone);
    assert.ok(!zones.includes('Europe/Moscow') && !zones.includes('Australia/Sydney'));
    assert.deepEqual(zones.slice(1), [...zones.slice(1)].sort(), 'the rest in alphabetical order');
    assert.ok(zones.length <= MAX_LIKELY_ZONES);
    const button = actionsOf(card).find((a) => a.verb === VERBS.settingsAllZones);
    assert.deepEqual([button?.title, button?.data], ['Show all time zones', { settingsOf: LEARNED.id }]);
  });

  for (const [tag, { strings }] of Object.entries(CATALOGS)) {
    it(`stays under 25 KB in ${tag} with the likely zones and the digest, and within 70 % of the 80 KB limit with all`, () => {
      const manager = { ...CHOSEN, digestTime: { day: 3, time: '16:30' } };
      const size = (zones: ZoneOffer) =>
        Buffer.byteLength(
          JSON.stringify(settingsCard(CHOSEN.id, manager, DESK, NOW, strings, { getsDigest: true, zones })),
        );
      const likely = size({ countries: WORLDWIDE });
      const all = size({ all: true });
      assert.ok(likely < 25 * 1024, `${likely} bytes`);
      assert.ok(all < 0.7 * 80 * 1024, `${all} bytes`);
    });
  }

  it('offers the zone as a type-ahead, preselected, with names as people read them and their offset today', () => {
    const zone = inputsOf(samples['a zone learned from Teams, default hours']).timeZone;
    assert.equal(zone.type, 'Input.ChoiceSet');
    assert.equal(zone.style, 'filtered');
    assert.equal(zone.value, 'Europe/Berlin');
    assert.ok(
      zone.choices!.some(
        (c) => c.value === 'Europe/Paris' && c.title === 'Central European Time — Europe/Paris (UTC+01:00)',
      ),
    );
    const all = settingsCard(LEARNED.id, LEARNED, DESK, NOW, en, { zones: { all: true } });
    assert.ok(
      inputsOf(all).timeZone.choices!.some(
        (c) => c.value === 'America/New_York' && c.title === 'Eastern Time — America/New York (UTC-05:00)',
      ),
    );
    assert.ok(zone.choices!.some((c) => c.value === 'UTC' && c.title === 'UTC'));
  });

  it("names each zone in the reader's language, and still by its IANA name and offset", () => {
    const titleOf = (strings: typeof en, zone: string) =>
      inputsOf(settingsCard(LEARNED.id, LEARNED, DESK, NOW, strings, { zones: { all: true } })).timeZone.choices!.find(
        (c) => c.value === zone,
      )?.title;
    assert.equal(titleOf(ru, 'Europe/Moscow'), 'Москва, стандартное время — Europe/Moscow (UTC+03:00)');
    assert.equal(titleOf(ja, 'Asia/Tokyo'), '日本標準時 — Asia/Tokyo (UTC+09:00)');
    assert.equal(titleOf(ja, 'America/New_York'), '米国東部時間 — America/New York (UTC-05:00)');
  });

  it('keeps zones that share a name apart, and shows no name where the language has only an offset', () => {
    const choices = inputsOf(settingsCard(LEARNED.id, LEARNED, DESK, NOW, ru)).timeZone.choices!;
    const titles = choices.map((c) => c.title);
    assert.equal(new Set(titles).size, titles.length, 'every title differs');
    assert.ok(titles.includes('Центральная Европа — Europe/Berlin (UTC+01:00)'));
    assert.ok(titles.includes('Центральная Европа — Europe/Paris (UTC+01:00)'));
    assert.ok(titles.includes('UTC'));
    const unlisted = inputsOf(settingsCard('u', { id: 'u', timeZone: 'Etc/GMT+5' }, DESK, NOW, ru)).timeZone;
    assert.deepEqual(unlisted.choices![0], { title: 'Etc/GMT+5 (UTC-05:00)', value: 'Etc/GMT+5' });
  });

  it('says where the zone and the hours came from', () => {
    const text = (name: string) => JSON.stringify(samples[name]);
    assert.match(text('a user the desk has not heard from'), new RegExp(en.settings.zoneDefault));
    assert.match(text('a zone learned from Teams, default hours'), new RegExp(en.settings.zoneFromTeams));
    assert.match(text('a zone learned from Teams, default hours'), new RegExp(en.settings.hoursDefault));
    assert.match(text('a zone and hours the user chose, just saved'), new RegExp(en.settings.zoneChosen));
    assert.match(text('a zone and hours the user chose, just saved'), new RegExp(en.settings.hoursChosen));
    assert.doesNotMatch(text('a zone learned from Teams, default hours'), new RegExp(en.settings.saved));
    assert.match(text('a zone and hours the user chose, just saved'), new RegExp(en.settings.saved));
  });

  it("shows the user's own hours and days, or the desk's, as Input.Time and a multi-select of the seven days", () => {
    const chosen = inputsOf(samples['a zone and hours the user chose, just saved']);
    assert.deepEqual(
      [chosen.timeZone.value, chosen.workStart.value, chosen.workEnd.value, chosen.workDays.value],
      ['Asia/Tokyo', '08:00', '16:00', '2,4,6'],
    );
    assert.equal(chosen.workStart.type, 'Input.Time');
    assert.equal(chosen.workDays.isMultiSelect, true);
    assert.deepEqual(
      chosen.workDays.choices!.map((c) => c.title),
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    );
    assert.deepEqual(
      chosen.workDays.choices!.map((c) => c.value),
      ['1', '2', '3', '4', '5', '6', '7'],
    );
    const fresh = inputsOf(samples['a user the desk has not heard from']);
    assert.deepEqual(
      [fresh.timeZone.value, fresh.workStart.value, fresh.workEnd.value, fresh.workDays.value],
      ['UTC', '09:00', '17:30', '1,2,3,4,5'],
    );
  });

  it('preselects a zone Teams reported under another name, and keeps one the runtime does not list', () => {
    assert.equal(
      inputsOf(settingsCard('u', { id: 'u', timeZone: 'US/Eastern' }, DESK, NOW, en)).timeZone.value,
      'America/New_York',
    );
    const unlisted = inputsOf(settingsCard('u', { id: 'u', timeZone: 'Etc/GMT+5' }, DESK, NOW, en)).timeZone;
    assert.equal(unlisted.value, 'Etc/GMT+5');
    assert.deepEqual(unlisted.choices![0], { title: 'Etc/GMT+5 (UTC-05:00)', value: 'Etc/GMT+5' });
  });

  it("names whose settings it shows on its Save button, so nobody else's click keeps them", () => {
    const save = (
      samples['a zone learned from Teams, default hours'].actions as { verb: string; data: Record<string, unknown> }[]
    )[0];
    assert.deepEqual(save.data, {
      settingsOf: 'aad-alice',
      sections: 'workingHours,messages,language',
      messageKinds: 'reminders,staleDeals,notices',
    });
  });

  it('shows a manager when their digest comes, and names that section on Save', () => {
    const manager = samples["a manager's, with the weekly digest's day and time"];
    const inputs = inputsOf(manager);
    assert.deepEqual([inputs.digestDay.value, inputs.digestTime.value], ['3', '16:30']);
    assert.equal(
      inputsOf(samples['a zone learned from Teams, default hours']).digestDay,
      undefined,
      'only for those who get a digest',
    );
    assert.deepEqual(
      (manager.actions as { data: Record<string, unknown> }[])[0].data.sections,
      'workingHours,messages,language,digest',
    );
  });

  it("offers the managers' escalations only to those who get a digest, a region's managers and admins", () => {
    const rep = inputsOf(samples['a zone learned from Teams, default hours']).messagesOn;
    assert.deepEqual(
      rep.choices!.map((c) => c.value),
      ['reminders', 'staleDeals', 'notices'],
    );
    assert.equal(rep.value, 'reminders,staleDeals,notices');
    const manager = samples["a manager's, with the weekly digest's day and time"];
    assert.deepEqual(
      inputsOf(manager).messagesOn.choices!.map((c) => c.value),
      ['reminders', 'escalations', 'staleDeals', 'notices'],
    );
    assert.equal(
      (manager.actions as { data: Record<string, unknown> }[])[0].data.messageKinds,
      'reminders,escalations,staleDeals,notices',
    );
  });

  it('renders from a template that no render changes', () => {
    const first = settingsCard(LEARNED.id, LEARNED, DESK, NOW, en);
    settingsCard(CHOSEN.id, CHOSEN, DESK, NOW, en, { notice: 'notice' });
    assert.deepEqual(settingsCard(LEARNED.id, LEARNED, DESK, NOW, en), first);
  });
});
