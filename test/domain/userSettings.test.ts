import assert from 'node:assert/strict';
import {
  canonicalZone,
  chosenWorkingHours,
  TIME_ZONES,
  workingHoursProblems,
  type WorkingHoursChoice,
} from '../../bot/domain/userSettings';

const GOOD: WorkingHoursChoice = { timeZone: 'Europe/Berlin', start: '08:30', end: '17:00', days: [1, 2, 3, 4, 5] };

describe("a user's choice of time zone and working hours", () => {
  it('has no problems when the zone is known, the day starts before it ends and has a working day', () => {
    assert.deepEqual(workingHoursProblems(GOOD), []);
    assert.deepEqual(workingHoursProblems({ ...GOOD, timeZone: 'UTC', start: '00:00', end: '23:59', days: [7] }), []);
  });

  it('refuses a zone that is no IANA zone, and a missing one', () => {
    assert.deepEqual(workingHoursProblems({ ...GOOD, timeZone: 'Mars/Base' }), [
      { field: 'timeZone', problem: 'unknownTimeZone' },
    ]);
    assert.deepEqual(workingHoursProblems({ ...GOOD, timeZone: '+02:00' }), [
      { field: 'timeZone', problem: 'unknownTimeZone' },
    ]);
    assert.deepEqual(workingHoursProblems({ ...GOOD, timeZone: '' }), [{ field: 'timeZone', problem: 'required' }]);
  });

  it('takes times only as HH:mm from 00:00 to 23:59', () => {
    for (const time of ['9:00', '24:00', '12:60', '09:00:00', 'nine', '0900']) {
      assert.deepEqual(
        workingHoursProblems({ ...GOOD, start: time }),
        [{ field: 'workStart', problem: 'notATime' }],
        time,
      );
    }
    assert.deepEqual(workingHoursProblems({ ...GOOD, end: '' }), [{ field: 'workEnd', problem: 'required' }]);
  });

  it('wants the end of the day after its start', () => {
    assert.deepEqual(workingHoursProblems({ ...GOOD, start: '18:00', end: '09:00' }), [
      { field: 'workEnd', problem: 'notAfterStart' },
    ]);
    assert.deepEqual(workingHoursProblems({ ...GOOD, start: '09:00', end: '09:00' }), [
      { field: 'workEnd', problem: 'notAfterStart' },
    ]);
    assert.deepEqual(workingHoursProblems({ ...GOOD, start: '09:00', end: '09:01' }), []);
  });

  it('wants at least one day, each an ISO weekday 1 to 7', () => {
    assert.deepEqual(workingHoursProblems({ ...GOOD, days: [] }), [{ field: 'workDays', problem: 'noneChosen' }]);
    for (const day of [0, 8, 2.5, NaN]) {
      assert.deepEqual(
        workingHoursProblems({ ...GOOD, days: [1, day] }),
        [{ field: 'workDays', problem: 'unknownChoice' }],
        String(day),
      );
    }
  });

  it('names every wrong field at once', () => {
    const problems = workingHoursProblems({ timeZone: 'Mars/Base', start: '25:00', end: 'later', days: [] });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['timeZone', 'workStart', 'workEnd', 'workDays'],
    );
  });

  it('is kept with the zone spelled as listed and each day once, in order', () => {
    assert.deepEqual(
      chosenWorkingHours({ timeZone: 'europe/berlin', start: '08:30', end: '17:00', days: [5, 1, 3, 1] }),
      {
        timeZone: 'Europe/Berlin',
        hours: { start: '08:30', end: '17:00', days: [1, 3, 5] },
      },
    );
  });
});

describe('the time zones a user may choose', () => {
  it('are every zone the runtime knows, plus UTC, each once and in order', () => {
    assert.ok(TIME_ZONES.length > 300, String(TIME_ZONES.length));
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])
      assert.ok(TIME_ZONES.includes(zone), zone);
    assert.deepEqual([...TIME_ZONES].sort(), TIME_ZONES);
    assert.equal(new Set(TIME_ZONES).size, TIME_ZONES.length);
  });

  it('include the spelling of any valid zone a client sends, in whatever case or alias', () => {
    for (const zone of ['europe/berlin', 'US/Eastern', 'Asia/Kolkata', 'utc'])
      assert.ok(TIME_ZONES.includes(canonicalZone(zone)), zone);
    assert.equal(canonicalZone('Mars/Base'), 'Mars/Base');
  });
});
