/*
 * EnumCalendarInfo{A,W,ExA,ExW,ExEx}: one calendar value for each calendar
 * the locale uses (ENUM_ALL_CALENDARS) or for the one asked.  Only the
 * locale's own calendar exists here (calendar_info.c).  With
 * CAL_RETURN_NUMBER the callback's buffer holds the DWORD GetCalendarInfo
 * would store in its lpValue.  The A forms convert with the locale's ANSI
 * code page (CAL_USE_CP_ACP: the process one).
 */
#include "k32_calendar.h"

enum cal_proc_kind { CAL_PROC_A, CAL_PROC_W, CAL_PROC_EX_A, CAL_PROC_EX_W, CAL_PROC_EX_EX };

struct cal_enum {
	enum cal_proc_kind kind;
	void *proc;
	LPARAM param;
};

static BOOL call_proc(const struct cal_enum *e, WCHAR *w, char *a, CALID cal)
{
	switch (e->kind) {
	case CAL_PROC_A: return ((CALINFO_ENUMPROCA)e->proc)(a);
	case CAL_PROC_W: return ((CALINFO_ENUMPROCW)e->proc)(w);
	case CAL_PROC_EX_A: return ((CALINFO_ENUMPROCEXA)e->proc)(a, cal);
	case CAL_PROC_EX_W: return ((CALINFO_ENUMPROCEXW)e->proc)(w, cal);
	default: return ((CALINFO_ENUMPROCEXEX)e->proc)(w, cal, NULL, e->param);
	}
}

/* One calendar's value handed to the callback; FALSE with the error set. */
static BOOL enum_one(const struct cal_enum *e, const struct k32_locale *loc, CALID cal,
		     CALTYPE type)
{
	WCHAR w[128];
	char a[256];
	DWORD number = 0;
	int n;

	if (!(n = k32_get_calendar_info(loc, cal, type, w, ARRAYSIZE(w), &number)))
		return FALSE;
	if (type & CAL_RETURN_NUMBER) {
		memset(w, 0, sizeof(w));
		memset(a, 0, sizeof(a));
		memcpy(w, &number, sizeof(number));
		memcpy(a, &number, sizeof(number));
	} else if (e->kind == CAL_PROC_A || e->kind == CAL_PROC_EX_A) {
		UINT cp = (type & CAL_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(loc);
		if (!k32_w_result_to_a(cp, w, n, a, sizeof(a)))
			return FALSE;
	}
	call_proc(e, w, a, cal);
	return TRUE;
}

static BOOL enum_calendars(const struct cal_enum *e, const struct k32_locale *loc, BOOL found,
			   CALID cal, CALTYPE type)
{
	if (!e->proc || !found)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (cal == ENUM_ALL_CALENDARS)
		cal = k32_locale_number(loc, LF_CALENDAR);
	else if (!k32_calendar_supported(loc, cal))
		return k32_error(ERROR_INVALID_PARAMETER);
	return enum_one(e, loc, cal, type);
}

static BOOL enum_lcid(enum cal_proc_kind kind, void *proc, LCID lcid, CALID cal, CALTYPE type)
{
	struct cal_enum e = { kind, proc, 0 };
	struct k32_locale loc;

	return enum_calendars(&e, &loc, k32_locale_from_lcid(lcid, &loc), cal, type);
}

K32API BOOL WINAPI EnumCalendarInfoA(CALINFO_ENUMPROCA proc, LCID lcid, CALID cal, CALTYPE type)
{
	return enum_lcid(CAL_PROC_A, proc, lcid, cal, type);
}

K32API BOOL WINAPI EnumCalendarInfoW(CALINFO_ENUMPROCW proc, LCID lcid, CALID cal, CALTYPE type)
{
	return enum_lcid(CAL_PROC_W, proc, lcid, cal, type);
}

K32API BOOL WINAPI EnumCalendarInfoExA(CALINFO_ENUMPROCEXA proc, LCID lcid, CALID cal,
				       CALTYPE type)
{
	return enum_lcid(CAL_PROC_EX_A, proc, lcid, cal, type);
}

K32API BOOL WINAPI EnumCalendarInfoExW(CALINFO_ENUMPROCEXW proc, LCID lcid, CALID cal,
				       CALTYPE type)
{
	return enum_lcid(CAL_PROC_EX_W, proc, lcid, cal, type);
}

K32API BOOL WINAPI EnumCalendarInfoExEx(CALINFO_ENUMPROCEXEX proc, LPCWSTR name, CALID cal,
					LPCWSTR reserved, CALTYPE type, LPARAM param)
{
	struct cal_enum e = { CAL_PROC_EX_EX, proc, param };
	struct k32_locale loc;

	(void)reserved;
	return enum_calendars(&e, &loc, k32_locale_from_name(name, FALSE, &loc), cal, type);
}
