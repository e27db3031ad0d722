/* GetSystemPowerStatus: the battery state the NT power information gives
 * (the supervisor's, src/emul/system/power.c: a plugged-in machine
 * without a battery) in SYSTEM_POWER_STATUS's terms.  Battery capacity
 * flags follow the documented thresholds: high above 66%, low below 33%,
 * critical below 5%. */
#include "k32_private.h"

NTSTATUS NTAPI NtPowerInformation(POWER_INFORMATION_LEVEL level, PVOID in, ULONG in_len, PVOID out,
				  ULONG out_len);

static BYTE battery_flags(BYTE percent, BOOLEAN charging)
{
	BYTE flags = charging ? BATTERY_FLAG_CHARGING : 0;

	if (percent > 66)
		flags |= BATTERY_FLAG_HIGH;
	if (percent < 33)
		flags |= BATTERY_FLAG_LOW;
	if (percent < 5)
		flags |= BATTERY_FLAG_CRITICAL;
	return flags;
}

K32API BOOL WINAPI GetSystemPowerStatus(LPSYSTEM_POWER_STATUS ps)
{
	SYSTEM_BATTERY_STATE bs;
	NTSTATUS status = NtPowerInformation(SystemBatteryState, NULL, 0, &bs, sizeof(bs));

	if (status)
		return k32_fail(status);
	ps->ACLineStatus = bs.AcOnLine ? AC_LINE_ONLINE : AC_LINE_OFFLINE;
	ps->Reserved1 = 0; /* SystemStatusFlag (mingw-w64's older name): no battery saver */
	ps->BatteryLifeTime = ps->BatteryFullLifeTime = BATTERY_LIFE_UNKNOWN;
	if (!bs.BatteryPresent || !bs.MaxCapacity) {
		ps->BatteryFlag = BATTERY_FLAG_NO_BATTERY;
		ps->BatteryLifePercent = BATTERY_PERCENTAGE_UNKNOWN;
		return TRUE;
	}
	ps->BatteryLifePercent = (BYTE)(bs.RemainingCapacity >= bs.MaxCapacity
						? 100
						: (ULONGLONG)bs.RemainingCapacity * 100 / bs.MaxCapacity);
	ps->BatteryFlag = battery_flags(ps->BatteryLifePercent, bs.Charging);
	if (!bs.Charging && bs.EstimatedTime != BATTERY_LIFE_UNKNOWN)
		ps->BatteryLifeTime = bs.EstimatedTime;
	return TRUE;
}
