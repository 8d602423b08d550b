const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

// RFC 9110 §5.6.7: IMF-fixdate, the obsolete RFC 850 form, and asctime's (the weekday is not checked).
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const RFC_850 = /^[A-Z][a-z]{5,8}, (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/**
 * Epoch milliseconds of an HTTP date (RFC 9110 §5.6.7), or `undefined` for anything else: `Date.parse` also
 * reads ISO dates, local times and strings such as `1.5.2`, which no server means as a date.
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  let parts: (string | undefined)[];
  let match: RegExpExecArray | null;
  if ((match = IMF_FIXDATE.exec(text))) parts = match.slice(1);
  else if ((match = ASCTIME.exec(text))) parts = [match[2], match[1], match[6], match[3], match[4], match[5]];
  else if ((match = RFC_850.exec(text))) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits.
    const currentYear = new Date(now).getUTCFullYear();
    const year = currentYear - (currentYear % 100) + Number(match[3]);
    parts = [match[1], match[2], String(year > currentYear + 50 ? year - 100 : year), ...match.slice(4)];
  } else return undefined;
  const [day, year, hours, minutes, seconds] = [0, 2, 3, 4, 5].map((index) => Number(parts[index]));
  const month = MONTHS.indexOf(parts[1]!) / 3;
  const time = Date.UTC(year!, month, day, hours, minutes, seconds);
  // Date.UTC rolls 31 Feb over into March and 25:00 into the next day: such a text is not a date.
  const valid =
    Number.isInteger(month) &&
    new Date(time).getUTCDate() === day &&
    hours! < 24 &&
    minutes! < 60 &&
    seconds! < 60;
  return valid ? time : undefined;
}
