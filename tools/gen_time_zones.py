#!/usr/bin/env python3
"""Generates include/lsw/time_zones.def: Windows' time zones with their rules.

Each Windows zone (its registry key name and display name, public facts of
Windows 10 22H2) is tied to the IANA zone whose rules it follows; the bias
and the summer-time rule of YEAR are read from the host's tz database
(Python's zoneinfo) and written as Windows' TZI fields.  The table is
committed: a build never needs this script or the host's tz database.

usage: gen_time_zones.py OUT.def [YEAR]
"""
import calendar
import datetime
import sys
import zoneinfo

# key | IANA zone | display name
ZONES = """
Dateline Standard Time|Etc/GMT+12|(UTC-12:00) International Date Line West
UTC-11|Etc/GMT+11|(UTC-11:00) Coordinated Universal Time-11
Aleutian Standard Time|America/Adak|(UTC-10:00) Aleutian Islands
Hawaiian Standard Time|Pacific/Honolulu|(UTC-10:00) Hawaii
Marquesas Standard Time|Pacific/Marquesas|(UTC-09:30) Marquesas Islands
Alaskan Standard Time|America/Anchorage|(UTC-09:00) Alaska
UTC-09|Etc/GMT+9|(UTC-09:00) Coordinated Universal Time-09
Pacific Standard Time (Mexico)|America/Tijuana|(UTC-08:00) Baja California
UTC-08|Etc/GMT+8|(UTC-08:00) Coordinated Universal Time-08
Pacific Standard Time|America/Los_Angeles|(UTC-08:00) Pacific Time (US & Canada)
US Mountain Standard Time|America/Phoenix|(UTC-07:00) Arizona
Mountain Standard Time (Mexico)|America/Mazatlan|(UTC-07:00) La Paz, Mazatlan
Mountain Standard Time|America/Denver|(UTC-07:00) Mountain Time (US & Canada)
Yukon Standard Time|America/Whitehorse|(UTC-07:00) Yukon
Central America Standard Time|America/Guatemala|(UTC-06:00) Central America
Central Standard Time|America/Chicago|(UTC-06:00) Central Time (US & Canada)
Easter Island Standard Time|Pacific/Easter|(UTC-06:00) Easter Island
Central Standard Time (Mexico)|America/Mexico_City|(UTC-06:00) Guadalajara, Mexico City, Monterrey
Canada Central Standard Time|America/Regina|(UTC-06:00) Saskatchewan
SA Pacific Standard Time|America/Bogota|(UTC-05:00) Bogota, Lima, Quito, Rio Branco
Eastern Standard Time (Mexico)|America/Cancun|(UTC-05:00) Chetumal
Eastern Standard Time|America/New_York|(UTC-05:00) Eastern Time (US & Canada)
Haiti Standard Time|America/Port-au-Prince|(UTC-05:00) Haiti
Cuba Standard Time|America/Havana|(UTC-05:00) Havana
US Eastern Standard Time|America/Indiana/Indianapolis|(UTC-05:00) Indiana (East)
Turks And Caicos Standard Time|America/Grand_Turk|(UTC-05:00) Turks and Caicos
Paraguay Standard Time|America/Asuncion|(UTC-04:00) Asuncion
Atlantic Standard Time|America/Halifax|(UTC-04:00) Atlantic Time (Canada)
Venezuela Standard Time|America/Caracas|(UTC-04:00) Caracas
Central Brazilian Standard Time|America/Cuiaba|(UTC-04:00) Cuiaba
SA Western Standard Time|America/La_Paz|(UTC-04:00) Georgetown, La Paz, Manaus, San Juan
Pacific SA Standard Time|America/Santiago|(UTC-04:00) Santiago
Newfoundland Standard Time|America/St_Johns|(UTC-03:30) Newfoundland
Tocantins Standard Time|America/Araguaina|(UTC-03:00) Araguaina
E. South America Standard Time|America/Sao_Paulo|(UTC-03:00) Brasilia
SA Eastern Standard Time|America/Cayenne|(UTC-03:00) Cayenne, Fortaleza
Argentina Standard Time|America/Argentina/Buenos_Aires|(UTC-03:00) City of Buenos Aires
Greenland Standard Time|America/Nuuk|(UTC-02:00) Greenland
Montevideo Standard Time|America/Montevideo|(UTC-03:00) Montevideo
Magallanes Standard Time|America/Punta_Arenas|(UTC-03:00) Punta Arenas
Saint Pierre Standard Time|America/Miquelon|(UTC-03:00) Saint Pierre and Miquelon
Bahia Standard Time|America/Bahia|(UTC-03:00) Salvador
UTC-02|Etc/GMT+2|(UTC-02:00) Coordinated Universal Time-02
Azores Standard Time|Atlantic/Azores|(UTC-01:00) Azores
Cape Verde Standard Time|Atlantic/Cape_Verde|(UTC-01:00) Cabo Verde Is.
UTC|Etc/UTC|(UTC) Coordinated Universal Time
GMT Standard Time|Europe/London|(UTC+00:00) Dublin, Edinburgh, Lisbon, London
Greenwich Standard Time|Atlantic/Reykjavik|(UTC+00:00) Monrovia, Reykjavik
Sao Tome Standard Time|Africa/Sao_Tome|(UTC+00:00) Sao Tome
Morocco Standard Time|Africa/Casablanca|(UTC+01:00) Casablanca
W. Europe Standard Time|Europe/Berlin|(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna
Central Europe Standard Time|Europe/Budapest|(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague
Romance Standard Time|Europe/Paris|(UTC+01:00) Brussels, Copenhagen, Madrid, Paris
Central European Standard Time|Europe/Warsaw|(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb
W. Central Africa Standard Time|Africa/Lagos|(UTC+01:00) West Central Africa
GTB Standard Time|Europe/Bucharest|(UTC+02:00) Athens, Bucharest
Middle East Standard Time|Asia/Beirut|(UTC+02:00) Beirut
Egypt Standard Time|Africa/Cairo|(UTC+02:00) Cairo
E. Europe Standard Time|Europe/Chisinau|(UTC+02:00) Chisinau
West Bank Standard Time|Asia/Hebron|(UTC+02:00) Gaza, Hebron
South Africa Standard Time|Africa/Johannesburg|(UTC+02:00) Harare, Pretoria
FLE Standard Time|Europe/Kyiv|(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius
Israel Standard Time|Asia/Jerusalem|(UTC+02:00) Jerusalem
South Sudan Standard Time|Africa/Juba|(UTC+02:00) Juba
Kaliningrad Standard Time|Europe/Kaliningrad|(UTC+02:00) Kaliningrad
Sudan Standard Time|Africa/Khartoum|(UTC+02:00) Khartoum
Libya Standard Time|Africa/Tripoli|(UTC+02:00) Tripoli
Namibia Standard Time|Africa/Windhoek|(UTC+02:00) Windhoek
Jordan Standard Time|Asia/Amman|(UTC+03:00) Amman
Arabic Standard Time|Asia/Baghdad|(UTC+03:00) Baghdad
Syria Standard Time|Asia/Damascus|(UTC+03:00) Damascus
Turkey Standard Time|Europe/Istanbul|(UTC+03:00) Istanbul
Arab Standard Time|Asia/Riyadh|(UTC+03:00) Kuwait, Riyadh
Belarus Standard Time|Europe/Minsk|(UTC+03:00) Minsk
Russian Standard Time|Europe/Moscow|(UTC+03:00) Moscow, St. Petersburg
E. Africa Standard Time|Africa/Nairobi|(UTC+03:00) Nairobi
Volgograd Standard Time|Europe/Volgograd|(UTC+03:00) Volgograd
Iran Standard Time|Asia/Tehran|(UTC+03:30) Tehran
Arabian Standard Time|Asia/Dubai|(UTC+04:00) Abu Dhabi, Muscat
Astrakhan Standard Time|Europe/Astrakhan|(UTC+04:00) Astrakhan, Ulyanovsk
Azerbaijan Standard Time|Asia/Baku|(UTC+04:00) Baku
Russia Time Zone 3|Europe/Samara|(UTC+04:00) Izhevsk, Samara
Mauritius Standard Time|Indian/Mauritius|(UTC+04:00) Port Louis
Saratov Standard Time|Europe/Saratov|(UTC+04:00) Saratov
Georgian Standard Time|Asia/Tbilisi|(UTC+04:00) Tbilisi
Caucasus Standard Time|Asia/Yerevan|(UTC+04:00) Yerevan
Afghanistan Standard Time|Asia/Kabul|(UTC+04:30) Kabul
West Asia Standard Time|Asia/Tashkent|(UTC+05:00) Ashgabat, Tashkent
Qyzylorda Standard Time|Asia/Qyzylorda|(UTC+05:00) Qyzylorda
Ekaterinburg Standard Time|Asia/Yekaterinburg|(UTC+05:00) Ekaterinburg
Pakistan Standard Time|Asia/Karachi|(UTC+05:00) Islamabad, Karachi
India Standard Time|Asia/Kolkata|(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi
Sri Lanka Standard Time|Asia/Colombo|(UTC+05:30) Sri Jayawardenepura
Nepal Standard Time|Asia/Kathmandu|(UTC+05:45) Kathmandu
Central Asia Standard Time|Asia/Bishkek|(UTC+06:00) Bishkek
Bangladesh Standard Time|Asia/Dhaka|(UTC+06:00) Dhaka
Omsk Standard Time|Asia/Omsk|(UTC+06:00) Omsk
Myanmar Standard Time|Asia/Yangon|(UTC+06:30) Yangon (Rangoon)
SE Asia Standard Time|Asia/Bangkok|(UTC+07:00) Bangkok, Hanoi, Jakarta
Altai Standard Time|Asia/Barnaul|(UTC+07:00) Barnaul, Gorno-Altaysk
W. Mongolia Standard Time|Asia/Hovd|(UTC+07:00) Hovd
North Asia Standard Time|Asia/Krasnoyarsk|(UTC+07:00) Krasnoyarsk
N. Central Asia Standard Time|Asia/Novosibirsk|(UTC+07:00) Novosibirsk
Tomsk Standard Time|Asia/Tomsk|(UTC+07:00) Tomsk
China Standard Time|Asia/Shanghai|(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi
North Asia East Standard Time|Asia/Irkutsk|(UTC+08:00) Irkutsk
Singapore Standard Time|Asia/Singapore|(UTC+08:00) Kuala Lumpur, Singapore
W. Australia Standard Time|Australia/Perth|(UTC+08:00) Perth
Taipei Standard Time|Asia/Taipei|(UTC+08:00) Taipei
Ulaanbaatar Standard Time|Asia/Ulaanbaatar|(UTC+08:00) Ulaanbaatar
Aus Central W. Standard Time|Australia/Eucla|(UTC+08:45) Eucla
Transbaikal Standard Time|Asia/Chita|(UTC+09:00) Chita
Tokyo Standard Time|Asia/Tokyo|(UTC+09:00) Osaka, Sapporo, Tokyo
North Korea Standard Time|Asia/Pyongyang|(UTC+09:00) Pyongyang
Korea Standard Time|Asia/Seoul|(UTC+09:00) Seoul
Yakutsk Standard Time|Asia/Yakutsk|(UTC+09:00) Yakutsk
Cen. Australia Standard Time|Australia/Adelaide|(UTC+09:30) Adelaide
AUS Central Standard Time|Australia/Darwin|(UTC+09:30) Darwin
E. Australia Standard Time|Australia/Brisbane|(UTC+10:00) Brisbane
AUS Eastern Standard Time|Australia/Sydney|(UTC+10:00) Canberra, Melbourne, Sydney
West Pacific Standard Time|Pacific/Port_Moresby|(UTC+10:00) Guam, Port Moresby
Tasmania Standard Time|Australia/Hobart|(UTC+10:00) Hobart
Vladivostok Standard Time|Asia/Vladivostok|(UTC+10:00) Vladivostok
Lord Howe Standard Time|Australia/Lord_Howe|(UTC+10:30) Lord Howe Island
Bougainville Standard Time|Pacific/Bougainville|(UTC+11:00) Bougainville Island
Russia Time Zone 10|Asia/Srednekolymsk|(UTC+11:00) Chokurdakh
Magadan Standard Time|Asia/Magadan|(UTC+11:00) Magadan
Norfolk Standard Time|Pacific/Norfolk|(UTC+11:00) Norfolk Island
Sakhalin Standard Time|Asia/Sakhalin|(UTC+11:00) Sakhalin
Central Pacific Standard Time|Pacific/Guadalcanal|(UTC+11:00) Solomon Is., New Caledonia
Russia Time Zone 11|Asia/Kamchatka|(UTC+12:00) Anadyr, Petropavlovsk-Kamchatsky
New Zealand Standard Time|Pacific/Auckland|(UTC+12:00) Auckland, Wellington
UTC+12|Etc/GMT-12|(UTC+12:00) Coordinated Universal Time+12
Fiji Standard Time|Pacific/Fiji|(UTC+12:00) Fiji
Chatham Islands Standard Time|Pacific/Chatham|(UTC+12:45) Chatham Islands
UTC+13|Etc/GMT-13|(UTC+13:00) Coordinated Universal Time+13
Tonga Standard Time|Pacific/Tongatapu|(UTC+13:00) Nuku'alofa
Samoa Standard Time|Pacific/Apia|(UTC+13:00) Samoa
Line Islands Standard Time|Pacific/Kiritimati|(UTC+14:00) Kiritimati Island
"""

UTC = datetime.timezone.utc
FIRST_ID = 100  # tzres.dll string ids: FIRST_ID + 10 * row + 0, 1, 2
FIRST_YEAR = 2005  # the first year a Dynamic DST key may hold


def minutes(delta):
    return int(delta.total_seconds()) // 60


def transitions(zone, year):
    """(instant, offset before, offset after) of each change in year, to the minute."""
    out = []
    t = datetime.datetime(year, 1, 1, tzinfo=UTC)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=UTC)
    step = datetime.timedelta(hours=6)
    while t < end:
        a, b = t.astimezone(zone).utcoffset(), (t + step).astimezone(zone).utcoffset()
        if a != b:
            lo, hi = t, t + step
            while hi - lo > datetime.timedelta(minutes=1):
                mid = (lo + (hi - lo) / 2).replace(second=0, microsecond=0)
                if mid <= lo:
                    break
                if mid.astimezone(zone).utcoffset() == a:
                    lo = mid
                else:
                    hi = mid
            out.append((hi, a, b))
        t += step
    return out


def rule(instant, offset_before):
    """A SYSTEMTIME rule (month, day of week, week 1-5, hour, minute, second,
    milliseconds) for the wall clock just before instant.  A change at
    midnight is written as the last moment of the day before, as Windows
    writes them (Chile's, Egypt's)."""
    local = (instant + offset_before).replace(tzinfo=None)
    if local.hour == 0 and local.minute == 0:
        local -= datetime.timedelta(milliseconds=1)
    last = calendar.monthrange(local.year, local.month)[1]
    week = 5 if local.day + 7 > last else (local.day - 1) // 7 + 1
    return (local.month, (local.weekday() + 1) % 7, week, local.hour, local.minute,
            local.second, local.microsecond // 1000)


def one_change(zone, change, year):
    """A year with one change of offset (a zone moving for good): the offset
    it ends with is standard; the one before counts as summer time from
    January 1 to the change, as Windows writes such years."""
    instant, before, after = change
    jan1 = datetime.date(year, 1, 1)
    start = (1, (jan1.weekday() + 1) % 7, 1, 0, 0, 0, 0)
    return (-minutes(after), 0, -minutes(before - after), rule(instant, before), start)


def zone_rules(name, year):
    """bias, standard bias, daylight bias, standard rule, daylight rule."""
    zone = zoneinfo.ZoneInfo(name)
    changes = transitions(zone, year)
    none = (0, 0, 0, 0, 0, 0, 0)
    offsets = sorted({c[1] for c in changes} | {c[2] for c in changes})
    if len(changes) == 1:
        return one_change(zone, changes[0], year)
    if len(changes) >= 2 and len(offsets) == 2:
        # summer time begins at the first change up and ends at the last
        # change down (a break within the summer is not written)
        std, dst = offsets
        to_dst = [c for c in changes if c[2] == dst][0]
        to_std = [c for c in changes if c[2] == std][-1]
        return (-minutes(std), 0, -minutes(dst - std), rule(to_std[0], to_std[1]),
                rule(to_dst[0], to_dst[1]))
    # no summer time (or no regular rule): the offset the year ends with
    end = datetime.datetime(year, 12, 31, 12, tzinfo=UTC).astimezone(zone).utcoffset()
    dlt_bias = 0 if name.startswith('Etc/') else -60
    return (-minutes(end), 0, dlt_bias, none, none)


def dynamic_years(iana, year):
    """{year: rules} of the years since FIRST_YEAR whose rules are not the
    current ones, and every year between them (Windows' Dynamic DST key);
    empty when every year has the current rules."""
    current = zone_rules(iana, year)
    rules = {y: zone_rules(iana, y) for y in range(FIRST_YEAR, year + 1)}
    differ = [y for y, r in rules.items() if r != current]
    if not differ:
        return {}
    last = max(differ) + 1
    return {y: rules[y] for y in range(min(differ), last + 1)}


def names(key):
    """The standard and daylight names Windows gives a zone."""
    if key == 'UTC':
        return 'Coordinated Universal Time', 'Coordinated Universal Time'
    if ' Standard Time' in key:
        return key, key.replace(' Standard Time', ' Daylight Time')
    return key, key


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    out = sys.argv[1]
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    rows = [line.split('|') for line in ZONES.strip().splitlines()]
    with open(out, 'w') as f:
        f.write('/* Generated by tools/gen_time_zones.py from the tz database (rules of %d);\n'
                ' * do not edit.\n'
                ' * TIME_ZONE(id, key, display, std, dlt, bias, std_bias, dlt_bias,\n'
                ' *           std month, day of week, week, hour, minute, second, ms,\n'
                ' *           dlt month, day of week, week, hour, minute, second, ms)\n'
                ' * id: tzres.dll\'s strings id (display), id + 1 (dlt), id + 2 (std).\n'
                ' * TIME_ZONE_YEAR(key, year, the same rules): the zone\'s Dynamic DST key,\n'
                ' * each year from the first whose rules are not today\'s to the year after\n'
                ' * the last. */\n'
                % year)
        for i, (key, iana, display) in enumerate(rows):
            std, dlt = names(key)
            bias, sbias, dbias, srule, drule = zone_rules(iana, year)
            fields = [str(FIRST_ID + 10 * i), c_string(key), c_string(display), c_string(std),
                      c_string(dlt), str(bias), str(sbias), str(dbias)]
            fields += [str(v) for v in srule + drule]
            f.write('TIME_ZONE(' + ', '.join(fields) + ')\n')
            for y, (bias, sbias, dbias, srule, drule) in dynamic_years(iana, year).items():
                fields = [c_string(key), str(y), str(bias), str(sbias), str(dbias)]
                fields += [str(v) for v in srule + drule]
                f.write('TIME_ZONE_YEAR(' + ', '.join(fields) + ')\n')


if __name__ == '__main__':
    main()
