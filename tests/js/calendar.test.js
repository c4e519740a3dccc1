// The calendar the server makes (tests/js/fixtures/agreement-calendar.ics, kept in step by
// tests/api/test_calendar.py) read by a second, independent parser: Mozilla's ical.js.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import ICAL from "ical.js";

const text = readFileSync(new URL("./fixtures/agreement-calendar.ics", import.meta.url), "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const named = (start) => events.find((e) => e.summary.startsWith(start));

function expand(event, limit = 100) {
  const it = event.iterator();
  const out = [];
  for (let next = it.next(); next && out.length < limit; next = it.next()) out.push(next);
  return out;
}

test("one VTIMEZONE for Europe/London and stable UIDs", () => {
  const zones = calendar.getAllSubcomponents("vtimezone");
  assert.deepEqual(
    zones.map((z) => z.getFirstPropertyValue("tzid")),
    ["Europe/London"],
  );
  const uid = /^agreement-7-meeting-[0-9a-f]{12}@agreements\.example\.org$/;
  assert.match(named("Steering group").uid, uid);
  assert.equal(named("Review of the agreement").uid, "agreement-7-review@agreements.example.org");
  assert.equal(named("Steering group").sequence, 3);
});

test("the monthly meeting falls on the third Tuesday, at 16:00 London time", () => {
  const steering = named("Steering group & <friends>");
  const dates = expand(steering);
  assert.equal(dates.length, 12);
  const days = dates.map((d) => `${d.month}-${d.day}`);
  const thirdTuesdays = ["1-19", "2-16", "3-16", "4-20", "5-18", "6-15"];
  thirdTuesdays.push("7-20", "8-17", "9-21", "10-19", "11-16", "12-21");
  assert.deepEqual(days, thirdTuesdays);
  for (const d of dates) assert.equal(d.dayOfWeek(), ICAL.Time.TUESDAY);
  // In June, 16:00 BST is 15:00 UTC; in January, 16:00 GMT is 16:00 UTC.
  const june = dates[5].convertToZone(ICAL.Timezone.utcTimezone);
  const january = dates[0].convertToZone(ICAL.Timezone.utcTimezone);
  assert.equal(june.hour, 15);
  assert.equal(january.hour, 16);
  assert.equal(steering.duration.toSeconds(), 90 * 60);
});

test("the fortnightly check-in, quarterly review and one-off dates expand as set", () => {
  const checkIn = expand(named("Lead workers"));
  assert.equal(checkIn.length, 26);
  assert.equal(checkIn.at(-1).toString(), "2027-12-27T09:30:00");
  const reviews = expand(named("Review of the agreement")).map((d) => d.toString());
  assert.deepEqual(reviews, ["2027-03-15", "2027-06-15", "2027-09-15", "2027-12-15"]);
  assert.equal(named("Managers' review").isRecurring(), false);
  assert.equal(named("The agreement ends").startDate.toString(), "2027-12-31");
});
