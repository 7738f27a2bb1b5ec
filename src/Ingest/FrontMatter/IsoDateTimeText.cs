namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Reads SPEC's date-times: <c>yyyy-MM-dd</c>, optionally followed by <c>T</c> (or one space) and
/// <c>HH:mm[:ss[.fraction]]</c>, optionally followed by <c>Z</c> or an offset <c>±HH[:mm]</c> / <c>±HHmm</c>.
/// No offset means UTC; a date alone is midnight UTC. Nothing culture-dependent, no surrounding spaces.
/// </summary>
internal static class IsoDateTimeText
{
    public static bool TryParseUtc(string text, out DateTime utc)
    {
        utc = default;
        var s = text.AsSpan();
        var at = 0;
        if (!Digits(s, ref at, 4, out var year) || !Char(s, ref at, '-')
            || !Digits(s, ref at, 2, out var month) || !Char(s, ref at, '-')
            || !Digits(s, ref at, 2, out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long ticks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks;
        if (at < s.Length)
        {
            if (s[at] is not ('T' or 't' or ' ') || !TryTimeOfDay(s, ref at, out var timeTicks, out var offsetTicks))
            {
                return false;
            }

            ticks += timeTicks - offsetTicks;
        }

        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    static bool TryTimeOfDay(ReadOnlySpan<char> s, ref int at, out long timeTicks, out long offsetTicks)
    {
        timeTicks = 0;
        offsetTicks = 0;
        at++;
        if (!Digits(s, ref at, 2, out var hour) || !Char(s, ref at, ':') || !Digits(s, ref at, 2, out var minute)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        var second = 0;
        long fractionTicks = 0;
        if (Char(s, ref at, ':'))
        {
            if (!Digits(s, ref at, 2, out second) || second > 59)
            {
                return false;
            }

            if (Char(s, ref at, '.') || Char(s, ref at, ','))
            {
                var first = at;
                for (; at < s.Length && char.IsAsciiDigit(s[at]); at++)
                {
                    // Seven digits are a tick; finer digits are read but truncated.
                    if (at - first < 7)
                    {
                        fractionTicks = fractionTicks * 10 + (s[at] - '0');
                    }
                }

                if (at == first)
                {
                    return false;
                }

                for (var digits = at - first; digits < 7; digits++)
                {
                    fractionTicks *= 10;
                }
            }
        }

        timeTicks = new TimeSpan(hour, minute, second).Ticks + fractionTicks;
        if (at == s.Length)
        {
            return true;
        }

        if (s[at] is 'Z' or 'z')
        {
            return ++at == s.Length;
        }

        if (s[at] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[at++] == '-' ? -1 : 1;
        if (!Digits(s, ref at, 2, out var offsetHours) || offsetHours > 23)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (at < s.Length)
        {
            Char(s, ref at, ':');
            if (!Digits(s, ref at, 2, out offsetMinutes) || offsetMinutes > 59 || at != s.Length)
            {
                return false;
            }
        }

        offsetTicks = sign * new TimeSpan(offsetHours, offsetMinutes, 0).Ticks;
        return true;
    }

    static bool Digits(ReadOnlySpan<char> s, ref int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }

        foreach (var c in s.Slice(at, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        at += count;
        return true;
    }

    static bool Char(ReadOnlySpan<char> s, ref int at, char expected)
    {
        if (at < s.Length && s[at] == expected)
        {
            at++;
            return true;
        }

        return false;
    }
}
