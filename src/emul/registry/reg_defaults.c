/*
 * The keys a new prefix gets: what a fresh Windows 10 Pro 22H2 (build
 * 19045) machine holds at these places, as .reg text.  Placeholders:
 * @USER@ the user name, @SID@ the user's SID, @NPROC@ the processor
 * count, @CPUID@ @CPULEVEL@ @CPUREV@ the processor's identifier, family
 * and model-stepping (the host's: cpuid shows them anyway); hex(2):<<text>> stands for the REG_EXPAND_SZ text (NUL added),
 * turned into hex bytes before import.  HKCU\Volatile Environment is
 * volatile, so the supervisor makes it at start and it is not here.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "emul/registry/reg_store.h"
#include "emul/system/sysinfo.h"

/* CryptoAPI's provider registrations */
#define CRYPTO_DEFAULTS "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\\Defaults"

/* IUnknown's interface id: Interface holds every registered interface */
#define IUNKNOWN "{00000000-0000-0000-C000-000000000046}"

/* The machine's Shell Folders: the folders shared by every user, full
 * paths and (User Shell Folders) through %ProgramData% and %PUBLIC%, as
 * Windows 10 keeps them. */
#define START_MENU "Microsoft\\Windows\\Start Menu"
#define COMMON_FOLDERS(DATA, PUBLIC) \
	DATA("Common AppData", "") \
	DATA("Common Administrative Tools", "\\" START_MENU "\\Programs\\Administrative Tools") \
	DATA("Common Programs", "\\" START_MENU "\\Programs") \
	DATA("Common Start Menu", "\\" START_MENU) \
	DATA("Common Startup", "\\" START_MENU "\\Programs\\Startup") \
	DATA("Common Templates", "\\Microsoft\\Windows\\Templates") \
	PUBLIC("Common Desktop", "Desktop") \
	PUBLIC("Common Documents", "Documents") \
	PUBLIC("CommonMusic", "Music") \
	PUBLIC("CommonPictures", "Pictures") \
	PUBLIC("CommonVideo", "Videos")
#define DATA_FULL(name, rel) "\"" name "\"=hex(1):<<C:\\ProgramData" rel ">>\n"
#define PUBLIC_FULL(name, rel) "\"" name "\"=hex(1):<<C:\\Users\\Public\\" rel ">>\n"
#define DATA_EXPAND(name, rel) "\"" name "\"=hex(2):<<%ProgramData%" rel ">>\n"
#define PUBLIC_EXPAND(name, rel) "\"" name "\"=hex(2):<<%PUBLIC%\\" rel ">>\n"

/* A Win32 service started automatically: key name, display name, Type
 * (8 hex digits), Group, ImagePath and ObjectName (.reg-quoted). */
#define SERVICES "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services"
#define SERVICE(name, display, type, group, image, account) \
	"[" SERVICES "\\" name "]\n" \
	"\"DisplayName\"=\"" display "\"\n" \
	"\"ErrorControl\"=dword:00000001\n" \
	"\"Group\"=\"" group "\"\n" \
	"\"ImagePath\"=hex(2):<<" image ">>\n" \
	"\"ObjectName\"=\"" account "\"\n" \
	"\"Start\"=dword:00000002\n" \
	"\"Type\"=dword:" type "\n\n"

static const char machine_text[] =
	"Windows Registry Editor Version 5.00\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\n"
	"\"BuildLab\"=\"19041.vb_release.191206-1406\"\n"
	"\"BuildLabEx\"=\"19041.1.amd64fre.vb_release.191206-1406\"\n"
	"\"CurrentBuild\"=\"19045\"\n"
	"\"CurrentBuildNumber\"=\"19045\"\n"
	"\"CurrentMajorVersionNumber\"=dword:0000000a\n"
	"\"CurrentMinorVersionNumber\"=dword:00000000\n"
	"\"CurrentType\"=\"Multiprocessor Free\"\n"
	"\"CurrentVersion\"=\"6.3\"\n"
	"\"DisplayVersion\"=\"22H2\"\n"
	"\"EditionID\"=\"Professional\"\n"
	"\"InstallationType\"=\"Client\"\n"
	"\"PathName\"=\"C:\\\\Windows\"\n"
	"\"ProductName\"=\"Windows 10 Pro\"\n"
	"\"RegisteredOrganization\"=\"\"\n"
	"\"RegisteredOwner\"=\"@USER@\"\n"
	"\"ReleaseId\"=\"2009\"\n"
	"\"SoftwareType\"=\"System\"\n"
	"\"SystemRoot\"=\"C:\\\\Windows\"\n"
	"\"UBR\"=dword:00000edb\n"
	"\n"
	/* the postmortem debugger's settings: none set (documented default
	 * of UserDebuggerHotKey: 0, F12) */
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug]\n"
	"\"UserDebuggerHotKey\"=dword:00000000\n"
	"\n"
	/* the performance counter texts: the two language keys stand for
	 * HKEY_PERFORMANCE_TEXT and _NLSTEXT (registry_predefined.c) */
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Perflib\\009]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Perflib\\CurrentLanguage]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList]\n"
	"\"Default\"=hex(2):<<%SystemDrive%\\Users\\Default>>\n"
	"\"ProfilesDirectory\"=hex(2):<<%SystemDrive%\\Users>>\n"
	"\"ProgramData\"=hex(2):<<%SystemDrive%\\ProgramData>>\n"
	"\"Public\"=hex(2):<<%SystemDrive%\\Users\\Public>>\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders]\n"
	COMMON_FOLDERS(DATA_FULL, PUBLIC_FULL)
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders]\n"
	COMMON_FOLDERS(DATA_EXPAND, PUBLIC_EXPAND)
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-18]\n"
	"\"Flags\"=dword:0000000c\n"
	"\"ProfileImagePath\"=hex(2):<<%systemroot%\\system32\\config\\systemprofile>>\n"
	"\"State\"=dword:00000000\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\@SID@]\n"
	"\"Flags\"=dword:00000000\n"
	"\"ProfileImagePath\"=hex(2):<<C:\\Users\\@USER@>>\n"
	"\"State\"=dword:00000000\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion]\n"
	"\"CommonFilesDir\"=\"C:\\\\Program Files\\\\Common Files\"\n"
	"\"CommonFilesDir (x86)\"=\"C:\\\\Program Files (x86)\\\\Common Files\"\n"
	"\"CommonW6432Dir\"=\"C:\\\\Program Files\\\\Common Files\"\n"
	"\"DevicePath\"=hex(2):<<%SystemRoot%\\inf>>\n"
	"\"MediaPathUnexpanded\"=hex(2):<<%SystemRoot%\\Media>>\n"
	"\"ProgramFilesDir\"=\"C:\\\\Program Files\"\n"
	"\"ProgramFilesDir (x86)\"=\"C:\\\\Program Files (x86)\"\n"
	"\"ProgramFilesPath\"=hex(2):<<%ProgramFiles%>>\n"
	"\"ProgramW6432Dir\"=\"C:\\\\Program Files\"\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\.exe]\n"
	"@=\"exefile\"\n"
	"\"Content Type\"=\"application/x-msdownload\"\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\exefile]\n"
	"@=\"Application\"\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Interface]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Interface\\" IUNKNOWN "]\n"
	"@=\"IUnknown\"\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\TypeLib]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\WOW6432Node\\CLSID]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\WOW6432Node\\Interface]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\WOW6432Node\\Interface\\" IUNKNOWN "]\n"
	"@=\"IUnknown\"\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\WOW6432Node\\TypeLib]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion]\n"
	"\"CommonFilesDir\"=\"C:\\\\Program Files (x86)\\\\Common Files\"\n"
	"\"CommonFilesDir (x86)\"=\"C:\\\\Program Files (x86)\\\\Common Files\"\n"
	"\"CommonW6432Dir\"=\"C:\\\\Program Files\\\\Common Files\"\n"
	"\"ProgramFilesDir\"=\"C:\\\\Program Files (x86)\"\n"
	"\"ProgramFilesDir (x86)\"=\"C:\\\\Program Files (x86)\"\n"
	"\"ProgramW6432Dir\"=\"C:\\\\Program Files\"\n"
	"\n"
	/* The CryptoAPI providers advapi32 serves (crypt_context.c) and the
	 * default of each provider type, as Windows 10 lists them. */
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft Base Cryptographic Provider v1.0]\n"
	"\"Image Path\"=\"rsaenh.dll\"\n"
	"\"Type\"=dword:00000001\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft Base Smart Card Crypto Provider]\n"
	"\"Image Path\"=\"basecsp.dll\"\n"
	"\"Type\"=dword:00000001\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft Enhanced Cryptographic Provider v1.0]\n"
	"\"Image Path\"=\"rsaenh.dll\"\n"
	"\"Type\"=dword:00000001\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft Enhanced RSA and AES Cryptographic Provider]\n"
	"\"Image Path\"=\"rsaenh.dll\"\n"
	"\"Type\"=dword:00000018\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft RSA SChannel Cryptographic Provider]\n"
	"\"Image Path\"=\"rsaenh.dll\"\n"
	"\"Type\"=dword:0000000c\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider\\Microsoft Strong Cryptographic Provider]\n"
	"\"Image Path\"=\"rsaenh.dll\"\n"
	"\"Type\"=dword:00000001\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider Types\\Type 001]\n"
	"\"Name\"=\"Microsoft Strong Cryptographic Provider\"\n"
	"\"TypeName\"=\"RSA Full (Signature and Key Exchange)\"\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider Types\\Type 012]\n"
	"\"Name\"=\"Microsoft RSA SChannel Cryptographic Provider\"\n"
	"\"TypeName\"=\"RSA SChannel\"\n"
	"\n"
	"[" CRYPTO_DEFAULTS "\\Provider Types\\Type 024]\n"
	"\"Name\"=\"Microsoft Enhanced RSA and AES Cryptographic Provider\"\n"
	"\"TypeName\"=\"RSA Full and AES\"\n"
	"\n"
	/* A few services every Windows has (docs/services.md): the display
	 * names are the resolved text of Windows' indirect strings. */
	SERVICE("EventLog", "Windows Event Log", "00000020", "Event Log",
		"%SystemRoot%\\System32\\svchost.exe -k LocalServiceNetworkRestricted -p",
		"NT AUTHORITY\\\\LocalService")
	"[" SERVICES "\\EventLog\\Application]\n\n"
	"[" SERVICES "\\EventLog\\System]\n\n"
	SERVICE("RpcSs", "Remote Procedure Call (RPC)", "00000020", "COM Infrastructure",
		"%SystemRoot%\\system32\\svchost.exe -k rpcss -p",
		"NT AUTHORITY\\\\NetworkService")
	SERVICE("Spooler", "Print Spooler", "00000110", "SpoolerGroup",
		"%SystemRoot%\\System32\\spoolsv.exe", "LocalSystem")
	"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\n"
	"\"ComputerName\"=\"LSW\"\n"
	"\n"
	/* HKEY_CURRENT_CONFIG: the current hardware profile's keys */
	"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current\\Software]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current\\System]\n"
	"\n"
	"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment]\n"
	"\"ComSpec\"=hex(2):<<%SystemRoot%\\system32\\cmd.exe>>\n"
	"\"DriverData\"=\"C:\\\\Windows\\\\System32\\\\Drivers\\\\DriverData\"\n"
	"\"NUMBER_OF_PROCESSORS\"=\"@NPROC@\"\n"
	"\"OS\"=\"Windows_NT\"\n"
	"\"Path\"=hex(2):<<%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;"
	"%SYSTEMROOT%\\System32\\WindowsPowerShell\\v1.0\\;%SYSTEMROOT%\\System32\\OpenSSH\\>>\n"
	"\"PATHEXT\"=\".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC\"\n"
	"\"PROCESSOR_ARCHITECTURE\"=\"AMD64\"\n"
	"\"PROCESSOR_IDENTIFIER\"=\"@CPUID@\"\n"
	"\"PROCESSOR_LEVEL\"=\"@CPULEVEL@\"\n"
	"\"PROCESSOR_REVISION\"=\"@CPUREV@\"\n"
	"\"PSModulePath\"=hex(2):<<%ProgramFiles%\\WindowsPowerShell\\Modules;"
	"%SystemRoot%\\system32\\WindowsPowerShell\\v1.0\\Modules>>\n"
	"\"TEMP\"=hex(2):<<%SystemRoot%\\TEMP>>\n"
	"\"TMP\"=hex(2):<<%SystemRoot%\\TEMP>>\n"
	"\"USERNAME\"=\"SYSTEM\"\n"
	"\"windir\"=hex(2):<<%SystemRoot%>>\n";

/* Shell Folders: full paths; User Shell Folders: the same through
 * %USERPROFILE% (REG_EXPAND_SZ), as Explorer keeps them. */
#define ROAMING "AppData\\Roaming"
#define WINDOWS_ROAMING ROAMING "\\Microsoft\\Windows"
#define LOCAL_WINDOWS "AppData\\Local\\Microsoft\\Windows"
#define DOWNLOADS "{374DE290-123F-4565-9164-39C4925E467B}"
#define FOLDERS(F) \
	F("AppData", ROAMING) \
	F("Cache", LOCAL_WINDOWS "\\INetCache") \
	F("Cookies", LOCAL_WINDOWS "\\INetCookies") \
	F("Desktop", "Desktop") \
	F("Favorites", "Favorites") \
	F("History", LOCAL_WINDOWS "\\History") \
	F("Local AppData", "AppData\\Local") \
	F("My Music", "Music") \
	F("My Pictures", "Pictures") \
	F("My Video", "Videos") \
	F("NetHood", WINDOWS_ROAMING "\\Network Shortcuts") \
	F("Personal", "Documents") \
	F("PrintHood", WINDOWS_ROAMING "\\Printer Shortcuts") \
	F("Programs", WINDOWS_ROAMING "\\Start Menu\\Programs") \
	F("Recent", WINDOWS_ROAMING "\\Recent") \
	F("SendTo", WINDOWS_ROAMING "\\SendTo") \
	F("Start Menu", WINDOWS_ROAMING "\\Start Menu") \
	F("Startup", WINDOWS_ROAMING "\\Start Menu\\Programs\\Startup") \
	F("Templates", WINDOWS_ROAMING "\\Templates") \
	F(DOWNLOADS, "Downloads")
#define FULL_PATH(name, rel) "\"" name "\"=hex(1):<<C:\\Users\\@USER@\\" rel ">>\n"
#define EXPAND_PATH(name, rel) "\"" name "\"=hex(2):<<%USERPROFILE%\\" rel ">>\n"

static const char user_text[] =
	"Windows Registry Editor Version 5.00\n"
	"\n"
	"[HKEY_CURRENT_USER\\Control Panel\\International]\n"
	"\"Locale\"=\"00000409\"\n"
	"\"LocaleName\"=\"en-US\"\n"
	"\n"
	"[HKEY_CURRENT_USER\\Control Panel\\International\\Geo]\n"
	"\"Name\"=\"US\"\n"
	"\"Nation\"=\"244\"\n"
	"\n"
	"[HKEY_CURRENT_USER\\Environment]\n"
	"\"Path\"=hex(2):<<%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;>>\n"
	"\"TEMP\"=hex(2):<<%USERPROFILE%\\AppData\\Local\\Temp>>\n"
	"\"TMP\"=hex(2):<<%USERPROFILE%\\AppData\\Local\\Temp>>\n"
	"\n"
	"[HKEY_CURRENT_USER\\Software\\Classes]\n"
	"\n"
	"[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders]\n"
	FOLDERS(FULL_PATH)
	"\n"
	"[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders]\n"
	FOLDERS(EXPAND_PATH);

struct buf {
	char *s;
	size_t n, cap;
	bool oom;
};

static void add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

/* text with @USER@, @SID@, @NPROC@ and the @CPU...@ replaced. */
static void substitute(struct buf *b, const char *text, const char *user, const char *sid)
{
	char nproc[24], cpuid[96], level[8], rev[8];
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	uint16_t family, model, stepping;

	snprintf(nproc, sizeof(nproc), "%ld", n > 0 ? n : 1);
	cpu_identifier(cpuid, sizeof(cpuid));
	cpu_signature(&family, &model, &stepping);
	snprintf(level, sizeof(level), "%u", family);
	snprintf(rev, sizeof(rev), "%02x%02x", model & 0xFF, stepping & 0xFF);
	while (*text) {
		const char *at = strchr(text, '@'), *with = NULL;
		size_t skip = 0;

		if (!at) {
			add(b, text, strlen(text));
			break;
		}
		add(b, text, (size_t)(at - text));
		if (!strncmp(at, "@USER@", 6))
			with = user, skip = 6;
		else if (!strncmp(at, "@SID@", 5))
			with = sid, skip = 5;
		else if (!strncmp(at, "@NPROC@", 7))
			with = nproc, skip = 7;
		else if (!strncmp(at, "@CPUID@", 7))
			with = cpuid, skip = 7;
		else if (!strncmp(at, "@CPULEVEL@", 10))
			with = level, skip = 10;
		else if (!strncmp(at, "@CPUREV@", 8))
			with = rev, skip = 8;
		else
			with = "@", skip = 1;
		add(b, with, strlen(with));
		text = at + skip;
	}
}

/* <<text>> -> the hex bytes of text as UTF-16LE with its NUL. */
static void hexify(struct buf *b, const char *text)
{
	while (*text) {
		const char *open = strstr(text, "<<"), *close;
		uint16_t *w;
		size_t n;

		if (!open || !(close = strstr(open, ">>"))) {
			add(b, text, strlen(text));
			break;
		}
		add(b, text, (size_t)(open - text));
		w = reg_utf8_to_utf16(open + 2, (size_t)(close - open - 2), &n, NULL);
		if (!w) {
			b->oom = true;
			return;
		}
		for (size_t i = 0; i <= n; i++) {
			char hex[16];
			uint16_t c = i < n ? w[i] : 0;

			snprintf(hex, sizeof(hex), "%s%02x,%02x", i ? "," : "", c & 0xFF, c >> 8);
			add(b, hex, strlen(hex));
		}
		free(w);
		text = close + 2;
	}
}

static struct reg_key *resolve(void *arg, const char *root_name)
{
	struct reg_key **roots = arg;

	if (!strcmp(root_name, "HKEY_LOCAL_MACHINE"))
		return roots[0];
	if (!strcmp(root_name, "HKEY_CURRENT_USER"))
		return roots[1];
	return NULL;
}

static int apply(const char *text, struct reg_key **roots, const char *user, const char *sid,
		 char *err, size_t errlen)
{
	struct buf raw = { 0 }, out = { 0 };
	int r = -1;

	substitute(&raw, text, user, sid);
	if (!raw.oom)
		hexify(&out, raw.s);
	if (raw.oom || out.oom)
		snprintf(err, errlen, "registry defaults: out of memory");
	else
		r = reg_import(out.s, out.n, "registry defaults", resolve, roots, err, errlen);
	free(raw.s);
	free(out.s);
	return r;
}

/* HKLM\SOFTWARE\WOW6432Node\Classes: the 32-bit view's classes, a link
 * to SOFTWARE\Classes\WOW6432Node as Windows has it. */
static int wow64_classes_link(struct reg_key *hklm, char *err, size_t errlen)
{
	static const uint16_t software[] = { 'S', 'O', 'F', 'T', 'W', 'A', 'R', 'E' };
	static const uint16_t wow[] = { 'W', 'O', 'W', '6', '4', '3', '2', 'N', 'o', 'd', 'e' };
	struct reg_key *s = reg_key_find(hklm, software, 8), *w = s ? reg_key_find(s, wow, 11) : NULL;

	if (!w || reg_link_create(w, "Classes", "\\REGISTRY\\MACHINE\\SOFTWARE\\Classes\\WOW6432Node") !=
		  LSW_STATUS_SUCCESS) {
		snprintf(err, errlen, "registry defaults: cannot make SOFTWARE\\WOW6432Node\\Classes");
		return -1;
	}
	return 0;
}

int reg_defaults_apply(struct reg_key *hklm, struct reg_key *hkcu, const char *user_name,
		       const char *sid, char *err, size_t errlen)
{
	struct reg_key *roots[2] = { hklm, hkcu };

	/* the name goes into quoted strings and paths as it is */
	if (!*user_name || strpbrk(user_name, "\\\"<>@\r\n/")) {
		snprintf(err, errlen, "registry defaults: bad user name '%s'", user_name);
		return -1;
	}
	if (hklm && apply(machine_text, roots, user_name, sid, err, errlen) < 0)
		return -1;
	if (hklm && wow64_classes_link(hklm, err, errlen) < 0)
		return -1;
	if (hkcu && apply(user_text, roots, user_name, sid, err, errlen) < 0)
		return -1;
	return 0;
}
