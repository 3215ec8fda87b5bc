"""Calendars: the date arithmetic of the calendar module and its text
layouts (month, calendar, prmonth, prcal), weeks starting on Monday
unless setfirstweekday says otherwise."""

import utime as _utime

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
JANUARY, FEBRUARY = 1, 2
month_name = ["", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"]
month_abbr = [m[:3] for m in month_name]
day_name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
day_abbr = [d[:3] for d in day_name]
_days = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class IllegalMonthError(ValueError):
    def __init__(self, month):
        ValueError.__init__(self, "bad month number %r; must be 1-12" % month)
        self.month = month


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        ValueError.__init__(self, "bad weekday number %r; must be 0 (Monday) to 6 (Sunday)" % weekday)
        self.weekday = weekday


def isleap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def leapdays(y1, y2):
    y1 -= 1
    y2 -= 1
    return (y2 // 4 - y1 // 4) - (y2 // 100 - y1 // 100) + (y2 // 400 - y1 // 400)


def _ordinal(year, month, day):
    """Days since 0001-01-01 (day 1)."""
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    days += sum(_days[1:month]) + (1 if month > 2 and isleap(year) else 0)
    return days + day


def weekday(year, month, day):
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    return (_ordinal(year, month, day) - 1) % 7


def monthrange(year, month):
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    n = _days[month] + (1 if month == 2 and isleap(year) else 0)
    return weekday(year, month, 1), n


def timegm(tuple):
    year, month, day, hour, minute, second = tuple[:6]
    days = _ordinal(year, month, day) - _ordinal(1970, 1, 1)
    return ((days * 24 + hour) * 60 + minute) * 60 + second


_first = [MONDAY]


def firstweekday():
    return _first[0]


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    _first[0] = firstweekday


class Calendar:
    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self.firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self.firstweekday = firstweekday

    def iterweekdays(self):
        for i in range(self.firstweekday, self.firstweekday + 7):
            yield i % 7

    def itermonthdays(self, year, month):
        first, n = monthrange(year, month)
        lead = (first - self.firstweekday) % 7
        days = [0] * lead + list(range(1, n + 1))
        days += [0] * (-len(days) % 7)
        return iter(days)

    def itermonthdays2(self, year, month):
        for i, d in enumerate(self.itermonthdays(year, month)):
            yield d, (self.firstweekday + i) % 7

    def monthdayscalendar(self, year, month):
        days = list(self.itermonthdays(year, month))
        return [days[i:i + 7] for i in range(0, len(days), 7)]

    def yeardayscalendar(self, year, width=3):
        months = [self.monthdayscalendar(year, m) for m in range(1, 13)]
        return [months[i:i + width] for i in range(0, 12, width)]


class TextCalendar(Calendar):
    def formatday(self, day, weekday, width):
        return ("" if day == 0 else "%2i" % day).center(width)

    def formatweek(self, theweek, width):
        return " ".join(self.formatday(d, 0, width) for d in theweek)

    def formatweekday(self, day, width):
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        return " ".join(self.formatweekday(i, width) for i in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        s = month_name[themonth]
        if withyear:
            s = "%s %r" % (s, theyear)
        return s.center(width)

    def formatmonth(self, theyear, themonth, w=0, l=0):
        w = max(2, w)
        l = max(1, l)
        out = self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1).rstrip() + "\n" * l
        out += self.formatweekheader(w).rstrip() + "\n" * l
        for week in self.monthdayscalendar(theyear, themonth):
            out += self.formatweek(week, w).rstrip() + "\n" * l
        return out

    def prmonth(self, theyear, themonth, w=0, l=0):
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        w = max(2, w)
        l = max(1, l)
        c = max(2, c)
        colwidth = (w + 1) * 7 - 1
        lines = [repr(theyear).center(colwidth * m + c * (m - 1)).rstrip()]
        header = self.formatweekheader(w)
        for row, months in enumerate(self.yeardayscalendar(theyear, m)):
            lines += [""] * l
            first = m * row + 1
            names = [self.formatmonthname(theyear, k, colwidth, False) for k in range(first, first + len(months))]
            lines.append((" " * c).join(names).rstrip())
            lines += [""] * (l - 1)
            lines.append((" " * c).join(header for _ in months).rstrip())
            lines += [""] * (l - 1)
            height = max(len(cal) for cal in months)
            for j in range(height):
                weeks = [self.formatweek(cal[j], w) if j < len(cal) else "" for cal in months]
                lines.append((" " * c).join(wk.ljust(colwidth) for wk in weeks).rstrip())
                lines += [""] * (l - 1)
        return "\n".join(lines) + "\n"

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        print(self.formatyear(theyear, w, l, c, m), end="")


def _text():
    return TextCalendar(_first[0])


def monthcalendar(year, month):
    return _text().monthdayscalendar(year, month)


def month(theyear, themonth, w=0, l=0):
    return _text().formatmonth(theyear, themonth, w, l)


def prmonth(theyear, themonth, w=0, l=0):
    print(month(theyear, themonth, w, l), end="")


def calendar(year, w=2, l=1, c=6, m=3):
    return _text().formatyear(year, w, l, c, m)


def prcal(year, w=0, l=0, c=6, m=3):
    print(calendar(year, max(2, w), max(1, l), c, m), end="")


def weekheader(width):
    return _text().formatweekheader(width)
