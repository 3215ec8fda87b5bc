package datetime_test

import (
	"testing"

	_ "github.com/qstar-dev/qstar/modules/std/datetime"
	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

func TestDatetimeMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from datetime import date, time, datetime, timedelta, timezone
import datetime as dtmod
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=59), timedelta(days=1) + d)
print(d.weekday(), d.isoweekday(), d.isoformat(), d.year, d.month, d.day, d.toordinal(), d.ctime())
print(date(2024, 3, 1) - date(2024, 1, 1), date.fromordinal(738000), date.fromisoformat("2021-12-31"))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), d.replace(day=1), sorted([date(2020, 5, 1), date(2019, 1, 1)]))
print(d.strftime("%d/%m/%Y %A %B %j"), f"{d:%Y.%m.%d}", "{:%b %d}".format(d), f"{d}")
dt = datetime(2023, 12, 31, 23, 59, 30)
print(dt, repr(dt), dt + timedelta(seconds=45), dt.strftime("%Y/%m/%d %H:%M:%S %p %I"))
print((datetime(2024, 1, 1) - dt).total_seconds(), datetime(2024, 1, 1) - dt, dt - datetime(2024, 1, 1))
print(datetime.strptime("2021-05-06 07:08", "%Y-%m-%d %H:%M"), datetime.strptime("06 May 21 3PM", "%d %b %y %I%p"))
print(datetime.strptime("2021-05-06T07:08:09.5", "%Y-%m-%dT%H:%M:%S.%f").microsecond)
for bad in [("2021-05-06", "%Y/%m/%d"), ("2021-05-06 extra", "%Y-%m-%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
print(dt.replace(year=2000), dt.date(), dt.time(), dt.isoformat(), dt.isoformat(" ", "minutes"))
print(datetime(2020, 1, 2, 3, 4, 5, 600).isoformat(), repr(datetime(2020, 1, 2, 3, 4, 5, 600)), repr(datetime(2020, 1, 2)))
print(datetime.fromisoformat("2020-01-02T03:04:05"), datetime.fromisoformat("2020-01-02 03:04:05.123456+02:00"))
print(datetime.combine(date(2020, 1, 2), time(10, 30)), time(10, 30), repr(time(10, 30, 5)), time(1, 2, 3, 4).isoformat())
print(timedelta(hours=25), repr(timedelta(days=1, seconds=5)), repr(timedelta()), timedelta(minutes=-1), timedelta(microseconds=1500))
print(timedelta(weeks=1, hours=1.5), timedelta(seconds=90) * 2, timedelta(hours=1) / 4, timedelta(hours=1) // timedelta(minutes=7))
print(timedelta(hours=1) / timedelta(minutes=40), timedelta(hours=1) % timedelta(minutes=25), -timedelta(days=1), 2 * timedelta(days=1))
td = timedelta(days=3, hours=4, minutes=5, seconds=6, milliseconds=7)
print(td.days, td.seconds, td.microseconds, td.total_seconds(), bool(timedelta(0)), timedelta(1) > timedelta(hours=23))
u = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.tzinfo, repr(timezone.utc), u.utcoffset(), u.strftime("%H:%M %z %Z"), u.timestamp())
ist = timezone(timedelta(hours=5, minutes=30))
print(ist, repr(ist), u.astimezone(ist), u.astimezone(ist) == u, timezone(timedelta(hours=-3), "BRT"))
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365), dtmod.MINYEAR, dtmod.MAXYEAR)
print(isinstance(dt, date), isinstance(d, datetime), isinstance(dt, datetime), type(d).__name__)
print({d: 1}[date(2024, 2, 28)], date.max, date.min, dtmod.date(2000, 1, 1))
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: datetime(2020, 1, 1, 24)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(datetime.now()).__name__, datetime.now() > datetime(2020, 1, 1), date.today() >= date(2020, 1, 1))
`)
}
