/*
 * The service control dispatcher.  A process that the service control
 * manager started connects its main thread to it here; no process under
 * lsw is started so (there is no service control manager), so every
 * caller is a console program run by hand, which Windows answers with
 * ERROR_FAILED_SERVICE_CONTROLLER_CONNECT.  Programs that run either way
 * (osqueryi) take that error as "run in the console".
 */
#include "adv_private.h"

ADVAPI BOOL WINAPI StartServiceCtrlDispatcherW(const SERVICE_TABLE_ENTRYW *table)
{
	SetLastError(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT);
	return FALSE;
}

ADVAPI BOOL WINAPI StartServiceCtrlDispatcherA(const SERVICE_TABLE_ENTRYA *table)
{
	SetLastError(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT);
	return FALSE;
}
