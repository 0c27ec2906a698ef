// Parses iCalendar files with ical.js (an independent parser, from npm) and prints
// what the tests compare: method, and per event UID, SEQUENCE, STATUS, TZID, the start
// and end as UTC instants (resolved through the file's own VTIMEZONE blocks), DTSTAMP,
// LAST-MODIFIED, ORGANIZER, ATTENDEE and CONFERENCE.
// Usage: node icaljs_parse.cjs FILE.ics [...]  -> JSON on stdout
const fs = require("fs");
const path = require("path");
const ICAL = require(path.join(__dirname, "..", "..", "node_modules", "ical.js", "dist", "ical.es5.cjs"));

const results = process.argv.slice(2).map((file) => {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty("dtstart");
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
      tzid: start.getParameter("tzid") || null,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
      location: event.location,
      attendees: vevent.getAllProperties("attendee").map((p) => p.getFirstValue()),
      organizer: vevent.getFirstPropertyValue("organizer"),
      dtstamp: vevent.getFirstPropertyValue("dtstamp").toJSDate().toISOString(),
      lastModified: vevent.getFirstPropertyValue("last-modified").toJSDate().toISOString(),
      conference: vevent.getAllProperties("conference").map((p) => p.getFirstValue()),
    };
  });
  return { method: calendar.getFirstPropertyValue("method"), events };
});
process.stdout.write(JSON.stringify(results));
