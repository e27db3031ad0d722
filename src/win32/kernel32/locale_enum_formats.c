/*
 * EnumDateFormats* and EnumTimeFormats*: a locale's date or time pictures,
 * its default first (what GetLocaleInfo reports), then the alternatives
 * its data lists (the *_dates / *times fields, one picture a line).  Every
 * locale uses the Gregorian calendar here, so the Ex forms report
 * CAL_GREGORIAN.  The A forms convert with the locale's ANSI code page
 * (LOCALE_USE_CP_ACP: the process one).
 */
#include "k32_nls.h"

enum format_proc_kind { PROC_W, PROC_A, PROC_EX_W, PROC_EX_A, PROC_EX_EX, PROC_TIME_EX };

struct format_enum {
	enum format_proc_kind kind;
	void *proc;
	LPARAM param;
	UINT cp;
};

static BOOL call_proc(const struct format_enum *e, WCHAR *fmt)
{
	char a[256];

	if (e->kind == PROC_A || e->kind == PROC_EX_A)
		if (!WideCharToMultiByte(e->cp, 0, fmt, -1, a, sizeof(a), NULL, NULL))
			return TRUE; /* too long for the A form: left out */
	switch (e->kind) {
	case PROC_W: return ((DATEFMT_ENUMPROCW)e->proc)(fmt);
	case PROC_A: return ((DATEFMT_ENUMPROCA)e->proc)(a);
	case PROC_EX_W: return ((DATEFMT_ENUMPROCEXW)e->proc)(fmt, CAL_GREGORIAN);
	case PROC_EX_A: return ((DATEFMT_ENUMPROCEXA)e->proc)(a, CAL_GREGORIAN);
	case PROC_EX_EX: return ((DATEFMT_ENUMPROCEXEX)e->proc)(fmt, CAL_GREGORIAN, e->param);
	default: return ((TIMEFMT_ENUMPROCEX)e->proc)(fmt, e->param);
	}
}

/* Calls back with each picture of the list until the callback says stop. */
static BOOL enum_list(const struct format_enum *e, const WCHAR *list)
{
	WCHAR fmt[128];
	int n = 0;

	for (;; list++) {
		if (*list && *list != '\n') {
			if (n < (int)ARRAYSIZE(fmt) - 1)
				fmt[n++] = *list;
			continue;
		}
		fmt[n] = 0;
		if (n && !call_proc(e, fmt))
			break;
		n = 0;
		if (!*list)
			break;
	}
	return TRUE;
}

static BOOL date_list(DWORD flags, enum locale_field *f)
{
	switch (flags & ~LOCALE_USE_CP_ACP) {
	case 0:
	case DATE_SHORTDATE: *f = LF_SHORT_DATES; return TRUE;
	case DATE_LONGDATE: *f = LF_LONG_DATES; return TRUE;
	case DATE_YEARMONTH: *f = LF_YEAR_MONTHS; return TRUE;
	case DATE_MONTHDAY: *f = LF_MONTH_DAY; return TRUE;
	}
	return FALSE;
}

static BOOL time_list(DWORD flags, BOOL ansi, enum locale_field *f)
{
	switch (flags & ~LOCALE_USE_CP_ACP) {
	case 0: *f = LF_TIMES; return TRUE;
	case TIME_NOSECONDS: *f = LF_SHORT_TIMES; return !ansi; /* W only */
	}
	return FALSE;
}

/* The common part: flags already mapped to the list `f`. */
static BOOL enum_formats(struct format_enum *e, const struct k32_locale *loc, BOOL found,
			 enum locale_field f, DWORD flags)
{
	if (!e->proc || !found)
		return k32_error(ERROR_INVALID_PARAMETER);
	e->cp = (flags & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(loc);
	return enum_list(e, k32_locale_field(loc, f));
}

static BOOL enum_dates(enum format_proc_kind kind, void *proc, LCID lcid, DWORD flags)
{
	struct format_enum e = { kind, proc, 0, 0 };
	struct k32_locale loc;
	enum locale_field f;

	if (!date_list(flags, &f))
		return k32_error(ERROR_INVALID_FLAGS);
	return enum_formats(&e, &loc, k32_locale_from_lcid(lcid, &loc), f, flags);
}

static BOOL enum_times(enum format_proc_kind kind, void *proc, LCID lcid, DWORD flags)
{
	struct format_enum e = { kind, proc, 0, 0 };
	struct k32_locale loc;
	enum locale_field f;

	if (!time_list(flags, kind == PROC_A, &f))
		return k32_error(ERROR_INVALID_FLAGS);
	return enum_formats(&e, &loc, k32_locale_from_lcid(lcid, &loc), f, flags);
}

K32API BOOL WINAPI EnumDateFormatsW(DATEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
	return enum_dates(PROC_W, proc, lcid, flags);
}

K32API BOOL WINAPI EnumDateFormatsA(DATEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
	return enum_dates(PROC_A, proc, lcid, flags);
}

K32API BOOL WINAPI EnumDateFormatsExW(DATEFMT_ENUMPROCEXW proc, LCID lcid, DWORD flags)
{
	return enum_dates(PROC_EX_W, proc, lcid, flags);
}

K32API BOOL WINAPI EnumDateFormatsExA(DATEFMT_ENUMPROCEXA proc, LCID lcid, DWORD flags)
{
	return enum_dates(PROC_EX_A, proc, lcid, flags);
}

K32API BOOL WINAPI EnumDateFormatsExEx(DATEFMT_ENUMPROCEXEX proc, LPCWSTR name, DWORD flags,
				       LPARAM param)
{
	struct format_enum e = { PROC_EX_EX, proc, param, 0 };
	struct k32_locale loc;
	enum locale_field f;

	if (!date_list(flags, &f))
		return k32_error(ERROR_INVALID_FLAGS);
	return enum_formats(&e, &loc, k32_locale_from_name(name, FALSE, &loc), f, flags);
}

K32API BOOL WINAPI EnumTimeFormatsW(TIMEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
	return enum_times(PROC_W, proc, lcid, flags);
}

K32API BOOL WINAPI EnumTimeFormatsA(TIMEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
	return enum_times(PROC_A, proc, lcid, flags);
}

K32API BOOL WINAPI EnumTimeFormatsEx(TIMEFMT_ENUMPROCEX proc, LPCWSTR name, DWORD flags,
				     LPARAM param)
{
	struct format_enum e = { PROC_TIME_EX, proc, param, 0 };
	struct k32_locale loc;
	enum locale_field f;

	if (!time_list(flags, FALSE, &f))
		return k32_error(ERROR_INVALID_FLAGS);
	return enum_formats(&e, &loc, k32_locale_from_name(name, FALSE, &loc), f, flags);
}
