const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// RFC 9110 §5.6.7: IMF-fixdate, the obsolete RFC 850 form, and asctime's.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Epoch milliseconds of an HTTP date (RFC 9110 §5.6.7), or `undefined` for anything else: `Date.parse` also
 * reads ISO dates, local times and strings such as `1.5.2`, which no server means as a date.
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  let day: string, month: string, year: number, hours: string, minutes: string, seconds: string;
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    [, day = '', month = '', , hours = '', minutes = '', seconds = ''] = match;
    year = Number(match[3]);
  } else if ((match = RFC_850.exec(text))) {
    [, day = '', month = '', , hours = '', minutes = '', seconds = ''] = match;
    // A two-digit year more than 50 years ahead is the most recent past year with those digits (§5.6.7).
    const currentYear = new Date(now).getUTCFullYear();
    year = Math.floor(currentYear / 100) * 100 + Number(match[3]);
    if (year > currentYear + 50) year -= 100;
  } else if ((match = ASCTIME.exec(text))) {
    [, month = '', day = '', hours = '', minutes = '', seconds = ''] = match;
    year = Number(match[6]);
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month);
  const time = Date.UTC(year, monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds));
  const date = new Date(time);
  // Date.UTC rolls 31 Feb over into March and 25:00 into the next day: such a date is not a date.
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === monthIndex &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hours) &&
    date.getUTCMinutes() === Number(minutes) &&
    date.getUTCSeconds() === Number(seconds);
  return exact ? time : undefined;
}
