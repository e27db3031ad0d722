/*
 * The known folders: each one's KNOWNFOLDERID, CSIDL, the value that
 * holds it under HKCU\...\Explorer\User Shell Folders (the per-user
 * folders a user may move), and its documented default path in terms of
 * the environment the session sets (USERPROFILE, APPDATA, LOCALAPPDATA,
 * ProgramData, PUBLIC, ProgramFiles...).  A NULL path is a virtual folder:
 * it has no place in the file system.
 */
#include "shell32_private.h"
#include "folders.h"
#include <initguid.h>
#include <knownfolders.h>

#define ROAMING_WIN L"%APPDATA%\\Microsoft\\Windows"
#define LOCAL_WIN L"%LOCALAPPDATA%\\Microsoft\\Windows"
#define COMMON_WIN L"%ProgramData%\\Microsoft\\Windows"
#define NONE (-1)

static const struct known_folder folders[] = {
	{ &FOLDERID_AdminTools, CSIDL_ADMINTOOLS, NULL, ROAMING_WIN L"\\Start Menu\\Programs\\Administrative Tools" },
	{ &FOLDERID_CDBurning, CSIDL_CDBURN_AREA, L"CD Burning", LOCAL_WIN L"\\Burn\\Burn" },
	{ &FOLDERID_CommonAdminTools, CSIDL_COMMON_ADMINTOOLS, NULL, COMMON_WIN L"\\Start Menu\\Programs\\Administrative Tools" },
	{ &FOLDERID_CommonPrograms, CSIDL_COMMON_PROGRAMS, NULL, COMMON_WIN L"\\Start Menu\\Programs" },
	{ &FOLDERID_CommonStartMenu, CSIDL_COMMON_STARTMENU, NULL, COMMON_WIN L"\\Start Menu" },
	{ &FOLDERID_CommonStartup, CSIDL_COMMON_STARTUP, NULL, COMMON_WIN L"\\Start Menu\\Programs\\Startup" },
	{ &FOLDERID_CommonTemplates, CSIDL_COMMON_TEMPLATES, NULL, COMMON_WIN L"\\Templates" },
	{ &FOLDERID_ComputerFolder, CSIDL_DRIVES, NULL, NULL },
	{ &FOLDERID_Contacts, NONE, NULL, L"%USERPROFILE%\\Contacts" },
	{ &FOLDERID_ControlPanelFolder, CSIDL_CONTROLS, NULL, NULL },
	{ &FOLDERID_Cookies, CSIDL_COOKIES, L"Cookies", LOCAL_WIN L"\\INetCookies" },
	{ &FOLDERID_Desktop, CSIDL_DESKTOPDIRECTORY, L"Desktop", L"%USERPROFILE%\\Desktop" },
	{ &FOLDERID_Documents, CSIDL_PERSONAL, L"Personal", L"%USERPROFILE%\\Documents" },
	{ &FOLDERID_Downloads, NONE, L"{374DE290-123F-4565-9164-39C4925E467B}", L"%USERPROFILE%\\Downloads" },
	{ &FOLDERID_Favorites, CSIDL_FAVORITES, L"Favorites", L"%USERPROFILE%\\Favorites" },
	{ &FOLDERID_Fonts, CSIDL_FONTS, NULL, L"%windir%\\Fonts" },
	{ &FOLDERID_History, CSIDL_HISTORY, L"History", LOCAL_WIN L"\\History" },
	{ &FOLDERID_InternetCache, CSIDL_INTERNET_CACHE, L"Cache", LOCAL_WIN L"\\INetCache" },
	{ &FOLDERID_InternetFolder, CSIDL_INTERNET, NULL, NULL },
	{ &FOLDERID_Links, NONE, NULL, L"%USERPROFILE%\\Links" },
	{ &FOLDERID_LocalAppData, CSIDL_LOCAL_APPDATA, L"Local AppData", L"%LOCALAPPDATA%" },
	{ &FOLDERID_LocalAppDataLow, NONE, NULL, L"%USERPROFILE%\\AppData\\LocalLow" },
	{ &FOLDERID_Music, CSIDL_MYMUSIC, L"My Music", L"%USERPROFILE%\\Music" },
	{ &FOLDERID_NetHood, CSIDL_NETHOOD, L"NetHood", ROAMING_WIN L"\\Network Shortcuts" },
	{ &FOLDERID_NetworkFolder, CSIDL_NETWORK, NULL, NULL },
	{ &FOLDERID_Pictures, CSIDL_MYPICTURES, L"My Pictures", L"%USERPROFILE%\\Pictures" },
	{ &FOLDERID_PrintHood, CSIDL_PRINTHOOD, L"PrintHood", ROAMING_WIN L"\\Printer Shortcuts" },
	{ &FOLDERID_PrintersFolder, CSIDL_PRINTERS, NULL, NULL },
	{ &FOLDERID_Profile, CSIDL_PROFILE, NULL, L"%USERPROFILE%" },
	{ &FOLDERID_ProgramData, CSIDL_COMMON_APPDATA, NULL, L"%ProgramData%" },
	{ &FOLDERID_ProgramFiles, CSIDL_PROGRAM_FILES, NULL, L"%ProgramFiles%" },
	{ &FOLDERID_ProgramFilesCommon, CSIDL_PROGRAM_FILES_COMMON, NULL, L"%CommonProgramFiles%" },
	{ &FOLDERID_ProgramFilesCommonX64, NONE, NULL, L"%CommonProgramW6432%" },
	{ &FOLDERID_ProgramFilesCommonX86, CSIDL_PROGRAM_FILES_COMMONX86, NULL, L"%CommonProgramFiles(x86)%" },
	{ &FOLDERID_ProgramFilesX64, NONE, NULL, L"%ProgramW6432%" },
	{ &FOLDERID_ProgramFilesX86, CSIDL_PROGRAM_FILESX86, NULL, L"%ProgramFiles(x86)%" },
	{ &FOLDERID_Programs, CSIDL_PROGRAMS, L"Programs", ROAMING_WIN L"\\Start Menu\\Programs" },
	{ &FOLDERID_Public, NONE, NULL, L"%PUBLIC%" },
	{ &FOLDERID_PublicDesktop, CSIDL_COMMON_DESKTOPDIRECTORY, NULL, L"%PUBLIC%\\Desktop" },
	{ &FOLDERID_PublicDocuments, CSIDL_COMMON_DOCUMENTS, NULL, L"%PUBLIC%\\Documents" },
	{ &FOLDERID_PublicDownloads, NONE, NULL, L"%PUBLIC%\\Downloads" },
	{ &FOLDERID_PublicMusic, CSIDL_COMMON_MUSIC, NULL, L"%PUBLIC%\\Music" },
	{ &FOLDERID_PublicPictures, CSIDL_COMMON_PICTURES, NULL, L"%PUBLIC%\\Pictures" },
	{ &FOLDERID_PublicVideos, CSIDL_COMMON_VIDEO, NULL, L"%PUBLIC%\\Videos" },
	{ &FOLDERID_Recent, CSIDL_RECENT, L"Recent", ROAMING_WIN L"\\Recent" },
	{ &FOLDERID_RecycleBinFolder, CSIDL_BITBUCKET, NULL, NULL },
	{ &FOLDERID_ResourceDir, CSIDL_RESOURCES, NULL, L"%windir%\\Resources" },
	{ &FOLDERID_RoamingAppData, CSIDL_APPDATA, L"AppData", L"%APPDATA%" },
	{ &FOLDERID_SavedGames, NONE, NULL, L"%USERPROFILE%\\Saved Games" },
	{ &FOLDERID_SavedSearches, NONE, NULL, L"%USERPROFILE%\\Searches" },
	{ &FOLDERID_SendTo, CSIDL_SENDTO, L"SendTo", ROAMING_WIN L"\\SendTo" },
	{ &FOLDERID_StartMenu, CSIDL_STARTMENU, L"Start Menu", ROAMING_WIN L"\\Start Menu" },
	{ &FOLDERID_Startup, CSIDL_STARTUP, L"Startup", ROAMING_WIN L"\\Start Menu\\Programs\\Startup" },
	{ &FOLDERID_System, CSIDL_SYSTEM, NULL, L"%windir%\\system32" },
	{ &FOLDERID_SystemX86, CSIDL_SYSTEMX86, NULL, L"%windir%\\SysWOW64" },
	{ &FOLDERID_Templates, CSIDL_TEMPLATES, L"Templates", ROAMING_WIN L"\\Templates" },
	{ &FOLDERID_UserProfiles, NONE, NULL, L"%SystemDrive%\\Users" },
	{ &FOLDERID_UserProgramFiles, NONE, NULL, L"%LOCALAPPDATA%\\Programs" },
	{ &FOLDERID_UserProgramFilesCommon, NONE, NULL, L"%LOCALAPPDATA%\\Programs\\Common" },
	{ &FOLDERID_Videos, CSIDL_MYVIDEO, L"My Video", L"%USERPROFILE%\\Videos" },
	{ &FOLDERID_Windows, CSIDL_WINDOWS, NULL, L"%windir%" },
};

const struct known_folder *folder_by_id(const KNOWNFOLDERID *id)
{
	for (unsigned i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
		if (IsEqualGUID(folders[i].id, id))
			return &folders[i];
	return NULL;
}

/* CSIDL_DESKTOP (the namespace root) names the desktop directory when a
 * path is asked for; CSIDL_COMMON_FAVORITES is FOLDERID_Favorites too. */
const struct known_folder *folder_by_csidl(int csidl)
{
	if (csidl == CSIDL_DESKTOP)
		csidl = CSIDL_DESKTOPDIRECTORY;
	if (csidl == CSIDL_COMMON_FAVORITES)
		csidl = CSIDL_FAVORITES;
	for (unsigned i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
		if (folders[i].csidl == csidl)
			return &folders[i];
	return NULL;
}
